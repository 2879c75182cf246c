/**
 * The `.aethr.yaml` schema: the single source of the workflow type.
 *
 * Every key the Aethr CLI defined is accepted unchanged (`workflow`, `roles`, `models`, `steps[]`
 * with `id`, `role`, `context`, `backend`, `unsafe_permissions`, `history_visibility`, `repeat`).
 * Everything else is an optional, additive extension. Objects are strict so a typo is reported
 * (with a "did you mean") instead of being silently ignored.
 */
import { z } from 'zod';
import { budgetSchema, limitsSchema, policySchema, pricingSchema } from './bounds-schema.js';
import { patchPolicySchema, validatorsSchema } from './implement-schema.js';
import { MODEL_REF_PATTERN } from './model-ref.js';

export const HISTORY_VISIBILITIES = ['all', 'latest', 'summary', 'none'] as const;
export type HistoryVisibility = (typeof HISTORY_VISIBILITIES)[number];

/** `llm` (the default when `backend` is absent) asks the routed model for text. */
export const BACKENDS = ['llm', 'opencode', 'patch'] as const;
export type BackendName = (typeof BACKENDS)[number];

const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

export { MODEL_REF_PATTERN };

export const modelRefSchema = z.string().regex(MODEL_REF_PATTERN, {
  message: 'expected "provider:model", for example "openai:gpt-4o-mini"',
});

export const repeatSchema = z.strictObject({
  back_to: z.string().min(1).describe('Id of an earlier step (or this one) to go back to.'),
  until_review_pass: z
    .boolean()
    .default(true)
    .describe('Stop repeating once this step reports "Review status: pass".'),
  max_iterations: z
    .number()
    .int()
    .min(1)
    .max(20)
    .describe('Upper bound on passes through the repeated slice (the first pass counts).'),
});

export const stepSchema = z.strictObject({
  id: z.string().regex(ID_PATTERN, { message: 'use letters, digits, "-", "_" or "."' }),
  role: z.string().min(1).describe('A key of `roles`.'),
  context: z
    .array(z.string().min(1))
    .default([])
    .describe(
      'Context sources: git_diff, latest_diff, file:<path>, glob:<pattern>, pr_description, learnings.',
    ),
  backend: z.enum(BACKENDS).optional().describe('llm (default), opencode, or patch.'),
  unsafe_permissions: z
    .boolean()
    .default(false)
    .describe('opencode only: bypass its permission prompts. Off by default.'),
  history_visibility: z.enum(HISTORY_VISIBILITIES).default('all'),
  repeat: repeatSchema.optional(),
  instructions: z
    .string()
    .optional()
    .describe('Extension: extra instructions for this step, appended after the role text.'),
});

export const workflowSchema = z
  .strictObject({
    $schema: z.string().optional().describe('Editor hint; ignored.'),
    workflow: z.string().min(1).describe('Name of the workflow.'),
    description: z.string().optional(),
    roles: z
      .record(z.string().regex(ID_PATTERN), z.string().min(1))
      .describe('Role name -> instructions given to that role.'),
    models: z
      .record(z.string().regex(ID_PATTERN), modelRefSchema)
      .default({})
      .describe('Role name -> "provider:model". `default` applies to roles without an entry.'),
    steps: z.array(stepSchema).min(1),
    budget: budgetSchema.optional(),
    limits: limitsSchema.optional(),
    pricing: pricingSchema.optional(),
    policy: policySchema.optional(),
    patch: patchPolicySchema.optional(),
    validators: validatorsSchema.optional(),
    learnings: z
      .string()
      .min(1)
      .optional()
      .describe(
        'Extension: a file inside the repository (e.g. .aethr/learnings.md) of what earlier runs learned. Steps that list `learnings` in their context see it; implement runs on GitHub append the short bullet points their reply ends with (a fenced `learnings` block) in the same commit as their change.',
      ),
    label_context: z
      .record(z.string().min(1), z.array(z.string().min(1)))
      .optional()
      .describe(
        "Extension: label -> context sources (same forms as a step's `context`). When the pull request (or issue) carries the label, they are added to every step that has context, after its own.",
      ),
  })
  .describe('An Aethr workflow (.aethr.yaml).');

export type WorkflowInput = z.input<typeof workflowSchema>;
export type Workflow = z.output<typeof workflowSchema>;
export type Step = z.output<typeof stepSchema>;
export type Repeat = z.output<typeof repeatSchema>;
