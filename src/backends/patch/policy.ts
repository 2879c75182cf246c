/**
 * What a proposed patch may touch and how big it may be. Every field has a safe default; callers
 * pass a `Partial<PatchPolicy>` and get the rest from `DEFAULT_PATCH_POLICY`.
 *
 * `PROTECTED_PATHS` are always refused: a workflow's `deny` adds to them and can never remove one
 * (`resolvePolicy` puts them back). Paths inside a `.git` directory are refused whatever the lists
 * say, and anything under `.github/` unless an allow glob names it explicitly (validate-patch.ts).
 * A glob without a "/" matches the file name at any depth.
 */
export const PROTECTED_PATHS: readonly string[] = Object.freeze([
  '.github/workflows/**',
  '.github/actions/**',
  '.git/**',
  // Who must approve what, and what runs on checkout, commit or in CI.
  'CODEOWNERS',
  '.gitmodules',
  '.gitattributes',
  '.husky/**',
  '.pre-commit-config.yaml',
  '.github/dependabot.yml',
  '.github/dependabot.yaml',
  // aethr's own workflow, and secrets.
  '.aethr.yaml',
  '.aethr.yml',
  '.env',
  '.env.*',
  '.npmrc',
  // Agent configuration: instructions and tools other agents (and this one, next time) would use.
  'AGENTS.md',
  'CLAUDE.md',
  'GEMINI.md',
  '.claude/**',
  '.cursor/**',
  '.cursorrules',
  '.windsurfrules',
  '.clinerules',
  '.clinerules/**',
  '.gemini/**',
  '.opencode/**',
  'opencode.json',
  'opencode.jsonc',
  '.mcp.json',
  'mcp.json',
  '.vscode/mcp.json',
  '.vscode/tasks.json',
  '.vscode/settings.json',
  '.devcontainer/**',
  '.github/copilot-instructions.md',
  '.github/instructions/**',
  '.github/prompts/**',
]);

/** The default deny list: the protected paths (kept as a name for callers that spread it). */
export const DEFAULT_DENY: readonly string[] = PROTECTED_PATHS;

export interface PatchPolicy {
  /** A touched path must match at least one of these globs (picomatch, dotfiles included). */
  allow: string[];
  /**
   * A touched path must match none of these globs (always including `PROTECTED_PATHS`). Matched
   * case-insensitively; a glob without a "/" also matches the file name at any depth.
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
  // Additions only: a configured deny list never drops a protected path.
  out.deny = [...new Set([...PROTECTED_PATHS, ...out.deny])];
  return out;
}
