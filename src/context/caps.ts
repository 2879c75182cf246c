/**
 * Size limits for context sources and the pure helpers that apply them: cutting text at a line
 * boundary, splitting a diff into per-file pieces, and wording what was left out. Fitting a diff
 * into a budget is fit-diff.ts. No I/O.
 */

export interface ContextLimits {
  /**
   * Characters of all context blocks of one step together (one model call); the workflow's
   * `limits.max_context_chars_per_call`. Diff sources are fitted into it first (see resolver.ts).
   */
  maxContextChars: number;
  /**
   * Input tokens of one model call (`limits.max_input_tokens_per_call`). Context gets this minus
   * `reserveTokens` (instructions, task, history). Unset: no token limit here.
   */
  maxInputTokens?: number;
  /** Tokens kept free for the rest of the prompt; default max(1,000, 10% of maxInputTokens). */
  reserveTokens?: number;
  /** Characters of one `git_diff` / `latest_diff` block at most (also bounded by maxContextChars). */
  maxDiffChars: number;
  /** Characters of one `file:` source. */
  maxFileChars: number;
  /** Characters of each file matched by a `glob:` source. */
  maxGlobFileChars: number;
  /** Characters of all files of one `glob:` source together. */
  maxGlobTotalChars: number;
  /** Files shown for one `glob:` source. */
  maxGlobFiles: number;
  /** Untracked files rendered into `git_diff` (the rest are listed as omitted). */
  maxUntrackedFiles: number;
  /** Characters of the sanitised PR title + body. */
  maxPrDescriptionChars: number;
}

export const DEFAULT_CONTEXT_LIMITS: Readonly<ContextLimits> = Object.freeze({
  maxContextChars: 400_000,
  maxDiffChars: 400_000,
  maxFileChars: 100_000,
  maxGlobFileChars: 20_000,
  maxGlobTotalChars: 100_000,
  maxGlobFiles: 50,
  maxUntrackedFiles: 200,
  maxPrDescriptionChars: 20_000,
});

const OPTIONAL_LIMITS = ['maxInputTokens', 'reserveTokens'] as const;

/** Fills in defaults and rejects nonsense (negative, NaN) by falling back to the default. */
export function resolveLimits(partial?: Partial<ContextLimits>): ContextLimits {
  const out: ContextLimits = { ...DEFAULT_CONTEXT_LIMITS };
  if (!partial) return out;
  const keys = [
    ...Object.keys(DEFAULT_CONTEXT_LIMITS),
    ...OPTIONAL_LIMITS,
  ] as (keyof ContextLimits)[];
  for (const key of keys) {
    const v = partial[key];
    if (typeof v === 'number' && Number.isFinite(v) && v >= 0) out[key] = Math.floor(v);
  }
  return out;
}

/** The per-call keys of a workflow's `limits:` block that bound a step's context. */
export interface PerCallLimits {
  max_context_chars_per_call?: number;
  max_input_tokens_per_call?: number;
}

/** `limits:` of `.aethr.yaml` (snake_case) → the context limits they set. */
export function contextLimitsFromWorkflow(limits?: PerCallLimits | null): Partial<ContextLimits> {
  const out: Partial<ContextLimits> = {};
  if (!limits) return out;
  const chars = limits.max_context_chars_per_call;
  const tokens = limits.max_input_tokens_per_call;
  if (typeof chars === 'number' && Number.isFinite(chars) && chars >= 0)
    out.maxContextChars = chars;
  if (typeof tokens === 'number' && Number.isFinite(tokens) && tokens >= 0)
    out.maxInputTokens = tokens;
  return out;
}

/** `12345` → `12,345` (fixed locale, so prompts are deterministic). */
export function formatCount(n: number): string {
  // Integers without Intl (its first use costs milliseconds); others as en-US writes them.
  return Number.isSafeInteger(n)
    ? String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',')
    : n.toLocaleString('en-US');
}

/** `a, b, c and 7 more` — at most `maxShown` names. */
export function formatNameList(names: readonly string[], maxShown = 20): string {
  if (names.length <= maxShown) return names.join(', ');
  return `${names.slice(0, maxShown).join(', ')} and ${formatCount(names.length - maxShown)} more`;
}

export function countLines(text: string): number {
  if (text === '') return 0;
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return text.endsWith('\n') ? n : n + 1;
}

export interface CutResult {
  text: string;
  truncated: boolean;
}

/**
 * The head of `text` in at most `max` characters, cut after the last newline that fits — unless
 * that would throw away more than half the budget (one huge line, e.g. minified code), in which
 * case it is cut mid-line (never inside a surrogate pair).
 */
export function cutAtLineBoundary(text: string, max: number): CutResult {
  if (text.length <= max) return { text, truncated: false };
  if (max <= 0) return { text: '', truncated: true };
  const head = text.slice(0, max);
  const nl = head.lastIndexOf('\n');
  if (nl >= 0 && nl + 1 >= max / 2) return { text: head.slice(0, nl + 1), truncated: true };
  let end = max;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  return { text: text.slice(0, end), truncated: true };
}

/** The `[truncated: …]` line appended to a cut file. */
export function fileTruncationNote(info: {
  shownChars: number;
  shownLines: number;
  totalBytes: number;
  max: number;
}): string {
  return (
    `[truncated: showing the first ${formatCount(info.shownChars)} characters (${formatCount(info.shownLines)} lines) ` +
    `of a ${formatCount(info.totalBytes)}-byte file; limit ${formatCount(info.max)} characters. The rest is not shown.]`
  );
}
