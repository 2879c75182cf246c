/**
 * Extensions for implement steps: what a `patch` backend may touch, and the validators that
 * decide whether a change stays. All optional; safe defaults live in src/backends/patch/policy.ts.
 */
import { z } from 'zod';

export const patchPolicySchema = z
  .strictObject({
    allow: z
      .array(z.string().min(1))
      .optional()
      .describe('Globs a patch may touch (default: everything not denied).'),
    deny: z
      .array(z.string().min(1))
      .optional()
      .describe(
        'Globs a patch may never touch, added to the defaults (.github/workflows/**, .git/**, .aethr.yaml, .env*, agent config files).',
      ),
    allow_deletions: z.boolean().optional(),
    allow_renames: z.boolean().optional(),
    allow_binary: z.boolean().optional(),
    allow_mode_changes: z.boolean().optional(),
    max_files: z.number().int().min(1).max(1000).optional(),
    max_changed_lines: z.number().int().min(1).optional(),
  })
  .describe('Boundaries for patches proposed by `backend: patch` steps.');

export const validatorSchema = z.strictObject({
  name: z.string().min(1),
  run: z
    .array(z.string().min(1))
    .min(1)
    .describe('Command as an argument list, e.g. ["npm", "test"]; never run through a shell.'),
  timeout_seconds: z.number().int().min(1).max(3600).optional(),
});

export const validatorsSchema = z
  .array(validatorSchema)
  .max(20)
  .describe('Commands run after a patch lands; if one fails, the patch is rolled back.');

export type PatchPolicyConfig = z.output<typeof patchPolicySchema>;
export type ValidatorConfig = z.output<typeof validatorSchema>;
