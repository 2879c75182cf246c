/**
 * What a proposed patch may touch and how big it may be. Every field has a safe default; callers
 * pass a `Partial<PatchPolicy>` and get the rest from `DEFAULT_PATCH_POLICY`.
 *
 * `deny` replaces the default list when given: to add to it, spread `DEFAULT_DENY`. Paths inside a
 * `.git` directory are refused whatever the lists say.
 */
export const DEFAULT_DENY: readonly string[] = Object.freeze([
  '.github/workflows/**',
  '.github/actions/**',
  '.git/**',
  '.aethr.yaml',
  '.aethr.yml',
  '.env',
  '.env.*',
  // Agent configuration: instructions other agents (and this one, next time) would obey.
  'AGENTS.md',
  'CLAUDE.md',
  '.claude/**',
  '.cursor/**',
  '.cursorrules',
  '.opencode/**',
  'opencode.json',
  '.github/copilot-instructions.md',
]);

export interface PatchPolicy {
  /** A touched path must match at least one of these globs (picomatch, dotfiles included). */
  allow: string[];
  /**
   * A touched path must match none of these globs. Matched case-insensitively; a glob without a
   * "/" also matches the file name at any depth (`.env` refuses `app/.env`).
   */
  deny: string[];
  allowDeletions: boolean;
  allowRenames: boolean;
  allowCopies: boolean;
  allowBinary: boolean;
  /** `old mode`/`new mode` changes, e.g. making a file executable. */
  allowModeChanges: boolean;
  /** Creating symbolic links, or changing an existing one. */
  allowSymlinks: boolean;
  /** Size of the patch text in bytes (UTF-8). */
  maxPatchBytes: number;
  /** Number of file sections in the patch. */
  maxFiles: number;
  /** Added plus deleted lines over the whole patch; no cap when undefined. */
  maxChangedLines?: number;
}

export const DEFAULT_PATCH_POLICY: Readonly<PatchPolicy> = Object.freeze({
  allow: ['**'],
  deny: [...DEFAULT_DENY],
  allowDeletions: false,
  allowRenames: false,
  allowCopies: false,
  allowBinary: false,
  allowModeChanges: false,
  allowSymlinks: false,
  maxPatchBytes: 256_000,
  maxFiles: 50,
});

/** Fills the gaps of a partial policy with the defaults (fresh arrays, safe to mutate). */
export function resolvePolicy(policy: Partial<PatchPolicy> = {}): PatchPolicy {
  const out: PatchPolicy = {
    ...DEFAULT_PATCH_POLICY,
    allow: [...DEFAULT_PATCH_POLICY.allow],
    deny: [...DEFAULT_PATCH_POLICY.deny],
  };
  for (const [key, value] of Object.entries(policy) as [keyof PatchPolicy, unknown][]) {
    if (value !== undefined)
      (out as unknown as Record<string, unknown>)[key] = Array.isArray(value) ? [...value] : value;
  }
  return out;
}
