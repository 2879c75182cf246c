/**
 * Size limits for context sources and the pure helpers that apply them: cutting text at a line
 * boundary, splitting a diff into per-file pieces, fitting pieces into a budget, and wording
 * what was left out. No I/O.
 */

export interface ContextLimits {
  /** Total characters of a `git_diff` / `latest_diff` patch. */
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
  maxDiffChars: 400_000,
  maxFileChars: 100_000,
  maxGlobFileChars: 20_000,
  maxGlobTotalChars: 100_000,
  maxGlobFiles: 50,
  maxUntrackedFiles: 200,
  maxPrDescriptionChars: 20_000,
});

/** Fills in defaults and rejects nonsense (negative, NaN) by falling back to the default. */
export function resolveLimits(partial?: Partial<ContextLimits>): ContextLimits {
  const out: ContextLimits = { ...DEFAULT_CONTEXT_LIMITS };
  if (!partial) return out;
  for (const key of Object.keys(DEFAULT_CONTEXT_LIMITS) as (keyof ContextLimits)[]) {
    const v = partial[key];
    if (typeof v === 'number' && Number.isFinite(v) && v >= 0) out[key] = Math.floor(v);
  }
  return out;
}

/** `12345` → `12,345` (fixed locale, so prompts are deterministic). */
export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
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

// ---------------------------------------------------------------------------------------------
// Diffs

export interface DiffChunk {
  /** The file the piece is about (`''` for text before the first `diff --git` header). */
  path: string;
  text: string;
}

const DIFF_HEADER = /^diff --(?:git|cc|combined) /;

/** The path named by a `diff --git a/X b/Y` piece (the new path for renames). */
export function diffChunkPath(chunk: string): string {
  const nl = chunk.indexOf('\n');
  const header = nl === -1 ? chunk : chunk.slice(0, nl);
  const rest = header.replace(DIFF_HEADER, '');
  if (header.startsWith('diff --cc ') || header.startsWith('diff --combined ')) return rest;
  // `a/P b/P` for an unchanged name: the two halves are equal.
  if (rest.startsWith('a/') && (rest.length - 5) % 2 === 0) {
    const len = (rest.length - 5) / 2;
    const a = rest.slice(2, 2 + len);
    if (rest.slice(2 + len) === ` b/${a}`) return a;
  }
  const lines = chunk.split('\n', 12);
  for (const l of lines) {
    if (l.startsWith('rename to ')) return l.slice('rename to '.length);
    if (l.startsWith('+++ b/')) return l.slice('+++ b/'.length);
    if (l.startsWith('--- a/')) return l.slice('--- a/'.length);
  }
  return rest;
}

/** Splits a patch into one piece per file, each ending with a newline. */
export function splitDiffByFile(patch: string): DiffChunk[] {
  if (patch === '') return [];
  const chunks: DiffChunk[] = [];
  const lines = patch.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  let current: string[] = [];
  const flush = (): void => {
    if (current.length === 0) return;
    const text = `${current.join('\n')}\n`;
    chunks.push({ path: DIFF_HEADER.test(text) ? diffChunkPath(text) : '', text });
    current = [];
  };
  for (const line of lines) {
    if (DIFF_HEADER.test(line)) flush();
    current.push(line);
  }
  flush();
  return chunks;
}

export interface CappedDiff {
  text: string;
  truncated: boolean;
  /** Files left out entirely. */
  omitted: string[];
  /** A file shown only in part (when not even one whole file fit). */
  partial?: string;
  /** Characters of everything offered, shown or not (lower bound when `sizeUnknown`). */
  totalChars: number;
  /** Some content was never measured (output cut short before it was read). */
  sizeUnknown: boolean;
}

/**
 * Fits per-file diff pieces into `max` characters, keeping whole files (in their order) while
 * they fit and leaving out those that do not. Only when not even one file fits is the first one
 * cut, at a line boundary.
 */
export class DiffBudget {
  private readonly parts: DiffChunk[] = [];
  private readonly omitted: string[] = [];
  private firstOmitted: DiffChunk | undefined;
  private used = 0;
  private total = 0;
  private unknown = false;

  constructor(readonly max: number) {}

  /** Characters still free. */
  get remaining(): number {
    return Math.max(0, this.max - this.used);
  }

  /** Offers a piece; returns whether it was kept whole. */
  add(chunk: DiffChunk): boolean {
    const text = chunk.text.endsWith('\n') ? chunk.text : `${chunk.text}\n`;
    this.total += text.length;
    if (this.used + text.length <= this.max) {
      this.parts.push({ path: chunk.path, text });
      this.used += text.length;
      return true;
    }
    this.omitted.push(chunk.path || '(diff preamble)');
    this.firstOmitted ??= { path: chunk.path, text };
    return false;
  }

  /** Records a file left out without rendering it (known size when given). */
  omit(path: string, chars?: number): void {
    this.omitted.push(path);
    if (chars === undefined) this.unknown = true;
    else this.total += chars;
  }

  finish(): CappedDiff {
    let partial: string | undefined;
    let text = this.parts.map((p) => p.text).join('');
    const omitted = [...this.omitted];
    if (this.parts.length === 0 && this.firstOmitted && this.max > 0) {
      const cut = cutAtLineBoundary(this.firstOmitted.text, this.max);
      text = cut.text;
      partial = this.firstOmitted.path || '(diff preamble)';
      omitted.splice(omitted.indexOf(partial), 1);
    }
    return {
      text,
      truncated: omitted.length > 0 || partial !== undefined,
      omitted,
      ...(partial !== undefined ? { partial } : {}),
      totalChars: this.total,
      sizeUnknown: this.unknown,
    };
  }
}

/** Caps a whole patch (file boundaries preferred). */
export function capDiff(patch: string, max: number): CappedDiff {
  const budget = new DiffBudget(max);
  for (const chunk of splitDiffByFile(patch)) budget.add(chunk);
  return budget.finish();
}

/** The `[truncated: …]` line appended to a capped diff, or `''` when nothing was cut. */
export function diffTruncationNote(capped: CappedDiff, max: number): string {
  if (!capped.truncated) return '';
  const size = capped.sizeUnknown
    ? `more than ${formatCount(capped.totalChars)} characters`
    : `${formatCount(capped.totalChars)} characters`;
  const parts = [`[truncated: the diff is ${size}, over the ${formatCount(max)}-character limit.`];
  if (capped.partial !== undefined)
    parts.push(`The diff of ${capped.partial} is cut short at a line boundary.`);
  if (capped.omitted.length > 0) {
    parts.push(
      `Omitted files (${formatCount(capped.omitted.length)}): ${formatNameList(capped.omitted)}.`,
    );
  }
  return `${parts.join(' ')}]`;
}

/** Diff text plus its `[truncated: …]` line when cut. */
export function renderCappedDiff(capped: CappedDiff, max: number): string {
  const note = diffTruncationNote(capped, max);
  if (note === '') return capped.text;
  return `${capped.text}${capped.text === '' || capped.text.endsWith('\n') ? '' : '\n'}${note}`;
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
