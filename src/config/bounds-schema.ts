/**
 * The optional `.aethr.yaml` blocks that bound a run's spending and route its calls, after the
 * bounded engine's example: `budget:`, `limits:`, `pricing:` and `policy:`. All optional; defaults
 * are applied at run time (src/models/budget.ts, src/models/policy.ts) and stated here so the JSON
 * Schema documents them.
 */
import { z } from 'zod';

/** The same shape as `provider:model` in schema.ts (kept here to avoid an import cycle). */
const MODEL_REF = /^[A-Za-z0-9][A-Za-z0-9_.-]*:\S+$/;
const ROLE_KEY = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

/** OpenAI's `service_tier` values. */
export const SERVICE_TIERS = ['auto', 'default', 'flex', 'scale', 'priority'] as const;
export type ServiceTier = (typeof SERVICE_TIERS)[number];

export const REASONING_EFFORTS = ['minimal', 'low', 'medium', 'high'] as const;
export type ReasoningEffort = (typeof REASONING_EFFORTS)[number];

const usd = z.number().nonnegative();
const tokens = z.number().int().positive();
const roleKey = z.string().regex(ROLE_KEY);
const modelRef = z
  .string()
  .regex(MODEL_REF, { message: 'expected "provider:model", for example "openai:gpt-4o-mini"' });

export const budgetSchema = z
  .strictObject({
    run_usd: usd.optional().describe('Most this run may spend, in USD. No limit when absent.'),
    pr_usd: usd
      .optional()
      .describe(
        'Most all runs on one pull request may spend together, in USD (spend is kept in the PR summary).',
      ),
    role_budgets_usd: z
      .record(roleKey, usd)
      .optional()
      .describe('Role name -> most that role may spend in this run, in USD.'),
  })
  .describe(
    'Spending limits. A call whose projected cost (input + maximum output) would exceed one is not made.',
  );

export const limitsSchema = z
  .strictObject({
    max_input_tokens_per_call: tokens
      .optional()
      .describe('Input tokens one call may send. Default 120000.'),
    max_output_tokens_per_call: tokens
      .optional()
      .describe(
        'Output tokens one call may ask for (sent as max_tokens / max_completion_tokens). Default 4096.',
      ),
    max_context_chars_per_call: tokens
      .optional()
      .describe('Characters of context one step may include; context is fitted to it.'),
    max_patch_bytes: tokens
      .optional()
      .describe('Largest patch an implement step may apply, in bytes.'),
  })
  .describe('Per-call limits.');

export const priceSchema = z.strictObject({
  input_per_mtok: usd.describe('USD per million input tokens.'),
  output_per_mtok: usd.describe('USD per million output tokens.'),
});

export const pricingSchema = z
  .record(modelRef, priceSchema)
  .describe(
    '"provider:model" -> price in USD per million tokens; overrides the built-in defaults.',
  );

export const policySchema = z
  .strictObject({
    service_tier: z
      .strictObject({
        default: z.enum(SERVICE_TIERS).optional().describe('Tier for roles without an entry.'),
        roles: z
          .record(roleKey, z.enum(SERVICE_TIERS))
          .optional()
          .describe('Role name -> service tier.'),
        fallback: z
          .enum(['default', 'none'])
          .optional()
          .describe(
            'When the provider refuses the tier: retry once without it (`default`, the default) or fail (`none`).',
          ),
      })
      .optional()
      .describe(
        'OpenAI service tier per role (for example flex for builders). Not sent to other providers.',
      ),
    reasoning_effort: z
      .strictObject({
        default: z.enum(REASONING_EFFORTS).optional(),
        roles: z
          .record(roleKey, z.enum(REASONING_EFFORTS))
          .optional()
          .describe('Role name -> reasoning effort.'),
      })
      .optional()
      .describe(
        'Reasoning effort per role; sent only to OpenAI reasoning models (o-series, gpt-5).',
      ),
    fallback_models: z
      .record(roleKey, z.array(modelRef).min(1))
      .optional()
      .describe(
        'Role name (or default) -> models to try in order when the routed model fails with a server, rate-limit or model-not-found error.',
      ),
  })
  .describe('Routing policy: service tier, reasoning effort and fallback models per role.');

export type BudgetConfig = z.output<typeof budgetSchema>;
export type LimitsConfig = z.output<typeof limitsSchema>;
export type PricingConfig = z.output<typeof pricingSchema>;
export type PolicyConfig = z.output<typeof policySchema>;
