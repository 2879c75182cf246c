/**
 * Fits a unified diff into a context budget (characters, and tokens when a limit is set) without
 * losing track of a single file and without ever cutting a line in half. Pure; no I/O.
 *
 * A diff within the budget passes through byte-identical. Otherwise these steps run in order,
 * each only while the text is still over the budget:
 *
 *  0. (only when the caller names files it could not read) the whole diff plus the list of them;
 *  a. binary files and files without a patch (pure renames, mode changes) leave the text; then
 *     files not worth their tokens — lock files, vendored code, build output, minified files,
 *     source maps, snapshots, generated files (DEFAULT_IGNORE_RULES, a generated marker near the
 *     top, a minified shape) and the caller's ignore globs — the largest first, as many as needed;
 *  b. with all of those out, the context around changes shrinks to 1 line, then 0 lines: every
 *     hunk is re-emitted with recomputed `@@ -a,b +c,d @@` counts (split where the kept lines
 *     are no longer contiguous), so old- and new-side line numbers stay exact;
 *  c. at 0 lines of context, as many whole files as fit are kept, the largest left out first
 *     (a reviewer sees the most files; one huge file cannot crowd out the rest). What is left
 *     goes to the largest files left out, clipped after their last whole hunk that fits — or,
 *     when not even one hunk fits, after the last whole line of the first hunk, under a header
 *     recomputed for the lines shown. Ignored files are candidates here only when there is
 *     nothing else.
 *
 * Files keep their order in the text. When anything was left out, the text ends with bracketed
 * lines saying what happened, and one line per file not shown in full:
 * `[skipped] path (status, +adds -dels): reason` or `[clipped] path (...): what is shown`.
 * If that list would take more than a quarter of the budget, its tail is counted in one line.
 * `coverage` names every file of the input (then every `unread` file) exactly once.
 */
import picomatch from 'picomatch';
import type { FileCoverage } from '../engine/types.js';
import { diffChunkPath, formatCount } from './caps.js';

/** Tokens of a text, for the model that will read it. Must be synchronous and deterministic. */
export type TokenCounter = (text: string) => number;

export interface FitBudget {
  /** Characters of the fitted text at most, the list of what was left out included. */
  maxChars: number;
  /** Tokens of the fitted text at most (counted with `countTokens`, else estimated). */
  maxTokens?: number;
  countTokens?: TokenCounter;
}

/** A changed file the caller knows of but could not put in the text (never read, over a limit). */
export interface UnreadFile {
  path: string;
  reason: string;
}

export interface FitOptions {
  /** More globs (picomatch; without a `/` they match the base name) dropped first when over budget. */
  ignore?: readonly string[];
  /** `false` turns DEFAULT_IGNORE_RULES and the generated/minified detection off. Default true. */
  defaultIgnores?: boolean;
  /** Files that are part of the change but not in `diff`: listed and covered as skipped. */
  unread?: readonly UnreadFile[];
}

export interface FitResult {
  /** The diff as it goes into the prompt (with the list of what was left out, when anything was). */
  text: string;
  /** Every file of the input diff (then every `unread` file), exactly once, in diff order. */
  coverage: FileCoverage[];
  /** What fitting did, in plain sentences (also in the text, as bracketed lines). Empty when not fitted. */
  notes: string[];
  /** False when the diff passed through byte-identical. */
  fitted: boolean;
  /** Lines of context kept around changes, when fitting reduced it (1 or 0). */
  contextLines?: number;
}

export interface IgnoreRule {
  glob: string;
  reason: string;
}

const LOCK = 'lock file';
const VENDORED = 'vendored code';
const BUILD = 'build output';
const MINIFIED = 'minified file';
const GENERATED = 'generated file';

/** Files dropped first when a diff is over budget. Globs without `/` match the base name. */
export const DEFAULT_IGNORE_RULES: readonly IgnoreRule[] = Object.freeze([
  ...[
    'package-lock.json',
    'npm-shrinkwrap.json',
    'yarn.lock',
    'pnpm-lock.yaml',
    'bun.lockb',
    'Cargo.lock',
    'poetry.lock',
    'Pipfile.lock',
    'Gemfile.lock',
    'composer.lock',
    'go.sum',
    'packages.lock.json',
    '*.lock',
  ].map((glob) => ({ glob, reason: LOCK })),
  ...['**/vendor/**', '**/node_modules/**', '**/third_party/**'].map((glob) => ({
    glob,
    reason: VENDORED,
  })),
  ...['**/dist/**', '**/build/**'].map((glob) => ({ glob, reason: BUILD })),
  ...['*.min.js', '*.min.css', '*.min.mjs'].map((glob) => ({ glob, reason: MINIFIED })),
  { glob: '*.map', reason: 'source map' },
  { glob: '*.snap', reason: 'test snapshot' },
  ...['*.pb.go', '*_pb2.py', '*_pb2.pyi', '*.generated.*', '*.g.dart'].map((glob) => ({
    glob,
    reason: GENERATED,
  })),
]);

/**
 * Minified shape (prose files excepted), judged on a file's added lines once they hold at least
 * MINIFIED_MIN_CHARS: lines of MINIFIED_LINE_CHARS or more carry at least half of those
 * characters, or the lines average more than MINIFIED_AVERAGE_CHARS. The floor keeps one long
 * line in a small change (a long comment, a one-line export list) from counting as minified.
 */
export const MINIFIED_LINE_CHARS = 500;
export const MINIFIED_AVERAGE_CHARS = 300;
export const MINIFIED_MIN_CHARS = 2_000;
/** Share of the budget the list of files not shown may take before its tail is only counted. */
export const LIST_SHARE = 0.25;

const PROSE = /\.(md|mdx|markdown|txt|rst|adoc|asciidoc|tex|org)$/i;
/** Markers generators write at the top of a file (Go, Facebook/Meta tooling, protobuf, others). */
const GENERATED_MARKER =
  /(@generated\b|\bDO NOT EDIT\b|\bauto-?generated\b|\bgenerated by\b.*\bdo not (edit|modify)\b)/i;

// ---------------------------------------------------------------------------------------------
// Parsing

export type FileStatus = 'added' | 'deleted' | 'modified' | 'renamed' | 'copied';

interface Hunk {
  header: string;
  oldStart: number;
  oldCount: number;
  newStart: number;
  newCount: number;
  /** What follows the closing `@@` (a function name, with its leading space). */
  section: string;
  lines: string[];
}

export interface DiffFile {
  path: string;
  oldPath?: string;
  status: FileStatus;
  /** The file's exact text in the input. */
  text: string;
  head: string[];
  hunks: Hunk[];
  /** Lines after the hunks that belong to no hunk (kept verbatim). */
  tail: string[];
  /** Hunks parsed cleanly, so they can be re-emitted with less context. */
  reducible: boolean;
  binary: boolean;
  additions: number;
  deletions: number;
}

export interface ParsedDiff {
  /** Text before the first file (e.g. mail headers); usually empty. */
  preamble: string;
  files: DiffFile[];
}

const FILE_HEADER = /^diff --(?:git|cc|combined) /;
const HUNK_HEADER = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@(.*)$/;

/** Git's C-style quoted path (`"a/\303\274.md"`) → the path. */
function unquote(raw: string): string {
  if (!(raw.length >= 2 && raw.startsWith('"') && raw.endsWith('"'))) return raw;
  const bytes: number[] = [];
  const body = raw.slice(1, -1);
  const simple: Record<string, number> = {
    n: 10,
    t: 9,
    r: 13,
    '"': 34,
    '\\': 92,
    a: 7,
    b: 8,
    f: 12,
    v: 11,
  };
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (ch !== '\\') {
      for (const b of Buffer.from(ch, 'utf8')) bytes.push(b);
      continue;
    }
    const next = body[i + 1] ?? '';
    const oct = /^[0-7]{3}/.exec(body.slice(i + 1, i + 4));
    if (oct) {
      bytes.push(parseInt(oct[0], 8));
      i += 3;
    } else {
      bytes.push(simple[next] ?? (next === '' ? 92 : next.charCodeAt(0)));
      i += 1;
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

/** `+++ b/src/x.ts\t2024-…` → `src/x.ts`; `/dev/null` → undefined. */
function headerPath(line: string): string | undefined {
  let p = line.slice(4);
  if (!p.startsWith('"')) {
    const tab = p.indexOf('\t');
    if (tab !== -1) p = p.slice(0, tab);
  }
  p = unquote(p.trimEnd());
  if (p === '/dev/null') return undefined;
  return p.replace(/^[ab]\//, '');
}

function isFileStart(lines: readonly string[], i: number, afterContent: boolean): boolean {
  const l = lines[i]!;
  if (FILE_HEADER.test(l)) return true;
  return afterContent && l.startsWith('--- ') && (lines[i + 1] ?? '').startsWith('+++ ');
}

/** Splits a unified diff (git's, or plain `---`/`+++` pairs) into files with parsed hunks. */
export function parseUnifiedDiff(diff: string): ParsedDiff {
  const lines: string[] = [];
  const starts: number[] = [];
  for (let pos = 0; pos < diff.length;) {
    starts.push(pos);
    const nl = diff.indexOf('\n', pos);
    if (nl === -1) {
      lines.push(diff.slice(pos));
      pos = diff.length;
    } else {
      lines.push(diff.slice(pos, nl));
      pos = nl + 1;
    }
  }
  const offset = (i: number): number => (i < starts.length ? starts[i]! : diff.length);
  const n = lines.length;

  let i = 0;
  while (i < n && !isFileStart(lines, i, true)) i++;
  const preamble = diff.slice(0, offset(i));
  const files: DiffFile[] = [];

  while (i < n) {
    const begin = i;
    const head: string[] = [lines[i]!];
    const hunks: Hunk[] = [];
    const tail: string[] = [];
    let reducible = true;
    let additions = 0;
    let deletions = 0;
    let sawPlus = false;
    i++;
    // Header lines, up to the first hunk.
    while (i < n) {
      const l = lines[i]!;
      if (l.startsWith('@@')) break;
      // A `---`/`+++` pair starts the next file only once this one has had its own.
      if (isFileStart(lines, i, sawPlus)) break;
      if (l.startsWith('+++ ')) sawPlus = true;
      head.push(l);
      i++;
    }
    // Hunks, consumed by their counts (a body line may look like anything after its prefix).
    while (i < n && lines[i]!.startsWith('@@ ')) {
      const m = HUNK_HEADER.exec(lines[i]!);
      if (!m) {
        reducible = false;
        break;
      }
      const hunk: Hunk = {
        header: lines[i]!,
        oldStart: Number(m[1]),
        oldCount: m[2] === undefined ? 1 : Number(m[2]),
        newStart: Number(m[3]),
        newCount: m[4] === undefined ? 1 : Number(m[4]),
        section: m[5] ?? '',
        lines: [],
      };
      i++;
      let oldLeft = hunk.oldCount;
      let newLeft = hunk.newCount;
      let bad = false;
      while (i < n && (oldLeft > 0 || newLeft > 0)) {
        const l = lines[i]!;
        const c = l.charAt(0);
        if (c === ' ' || l === '' || l === '\r') {
          if (oldLeft === 0 || newLeft === 0) {
            bad = true;
            break;
          }
          oldLeft--;
          newLeft--;
        } else if (c === '-') {
          if (oldLeft === 0) {
            bad = true;
            break;
          }
          oldLeft--;
          deletions++;
        } else if (c === '+') {
          if (newLeft === 0) {
            bad = true;
            break;
          }
          newLeft--;
          additions++;
        } else if (c !== '\\') {
          bad = true;
          break;
        }
        hunk.lines.push(l);
        i++;
      }
      while (!bad && i < n && lines[i]!.startsWith('\\')) hunk.lines.push(lines[i++]!);
      hunks.push(hunk);
      if (bad || oldLeft > 0 || newLeft > 0) {
        reducible = false;
        break;
      }
    }
    // Anything else up to the next file is kept verbatim.
    while (i < n && !isFileStart(lines, i, true)) {
      if (reducible && lines[i]!.startsWith('@@')) reducible = false;
      tail.push(lines[i]!);
      i++;
    }
    const text = diff.slice(offset(begin), offset(i));
    files.push(describeFile(text, head, hunks, tail, reducible, additions, deletions));
  }
  return { preamble, files };
}

function describeFile(
  text: string,
  head: string[],
  hunks: Hunk[],
  tail: string[],
  reducible: boolean,
  additions: number,
  deletions: number,
): DiffFile {
  let plus: string | undefined;
  let minus: string | undefined;
  let sawPlus = false;
  let sawMinus = false;
  let renameTo: string | undefined;
  let renameFrom: string | undefined;
  let status: FileStatus = 'modified';
  let binary = false;
  for (const l of head) {
    if (l.startsWith('+++ ')) {
      sawPlus = true;
      plus = headerPath(l);
    } else if (l.startsWith('--- ')) {
      sawMinus = true;
      minus = headerPath(l);
    } else if (l.startsWith('rename to ') || l.startsWith('copy to ')) {
      renameTo = unquote(l.slice(l.indexOf(' to ') + 4));
    } else if (l.startsWith('rename from ') || l.startsWith('copy from ')) {
      renameFrom = unquote(l.slice(l.indexOf(' from ') + 6));
      status = l.startsWith('rename') ? 'renamed' : 'copied';
    } else if (l.startsWith('new file mode')) status = 'added';
    else if (l.startsWith('deleted file mode')) status = 'deleted';
    else if (l.startsWith('Binary files ') || l === 'GIT binary patch') binary = true;
  }
  if (status === 'modified' && sawMinus && minus === undefined) status = 'added';
  if (status === 'modified' && sawPlus && plus === undefined) status = 'deleted';
  const path = plus ?? renameTo ?? minus ?? (head[0] ? diffChunkPath(head[0]) : '');
  const file: DiffFile = {
    path,
    status,
    text,
    head,
    hunks,
    tail,
    reducible,
    binary,
    additions,
    deletions,
  };
  if (renameFrom !== undefined && renameFrom !== path) file.oldPath = renameFrom;
  return file;
}

// ---------------------------------------------------------------------------------------------
// Classifying

/** Why a file cannot be shown as a patch at all (binary, nothing but a header), or undefined. */
function inherentSkip(file: DiffFile): string | undefined {
  if (file.binary) return 'binary file';
  if (file.hunks.length > 0 || file.tail.some((l) => l.trim() !== '')) return undefined;
  if (file.status === 'renamed') return 'renamed without content changes';
  if (file.status === 'copied') return 'copied without content changes';
  if (file.status === 'added') return 'empty file added';
  if (file.status === 'deleted') return 'empty file deleted';
  if (file.head.some((l) => l.startsWith('old mode'))) return 'mode change only';
  return 'no content changes';
}

/** Compiles ignore rules into one classifier; `path` → reason, or undefined. */
export function createIgnoreMatcher(
  rules: readonly IgnoreRule[],
): (path: string) => string | undefined {
  const compiled = rules.map((r) => ({
    reason: r.reason,
    match: picomatch(r.glob, { dot: true, basename: !r.glob.includes('/'), windows: false }),
  }));
  return (path) => compiled.find((c) => c.match(path))?.reason;
}

function addedLines(file: DiffFile): string[] {
  const out: string[] = [];
  for (const h of file.hunks) for (const l of h.lines) if (l.startsWith('+')) out.push(l);
  return out;
}

/** Generated (a marker near the top of the new file) or minified (its added lines' shape). */
function contentIgnoreReason(file: DiffFile): string | undefined {
  const first = file.hunks[0];
  if (first && first.newStart <= 1) {
    const top = first.lines.slice(0, 12).filter((l) => !l.startsWith('-'));
    if (top.some((l) => GENERATED_MARKER.test(l))) return `${GENERATED} (marked as generated)`;
  }
  if (PROSE.test(file.path)) return undefined;
  const added = addedLines(file);
  if (added.length === 0) return undefined;
  let total = 0;
  let inLongLines = 0;
  for (const l of added) {
    total += l.length - 1;
    if (l.length - 1 >= MINIFIED_LINE_CHARS) inLongLines += l.length - 1;
  }
  if (total < MINIFIED_MIN_CHARS) return undefined;
  if (inLongLines * 2 >= total || total / added.length > MINIFIED_AVERAGE_CHARS) return MINIFIED;
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Hunks with less context

interface Piece {
  header: string;
  lines: string[];
}

function range(start: number, count: number): string {
  return count === 1 ? `${start}` : `${start},${count}`;
}

/** A hunk of `lines` that starts after `oldBefore` old and `newBefore` new lines. */
function makePiece(oldBefore: number, newBefore: number, lines: string[], section: string): Piece {
  let oc = 0;
  let nc = 0;
  for (const l of lines) {
    const c = l.charAt(0);
    if (c === '-') oc++;
    else if (c === '+') nc++;
    else if (c !== '\\') {
      oc++;
      nc++;
    }
  }
  // An empty range names the line before it (`-0,0` inserts at the top).
  const os = oc > 0 ? oldBefore + 1 : oldBefore;
  const ns = nc > 0 ? newBefore + 1 : newBefore;
  return { header: `@@ -${range(os, oc)} +${range(ns, nc)} @@${section}`, lines };
}

function isChange(line: string): boolean {
  const c = line.charAt(0);
  return c === '+' || c === '-';
}

function isContext(line: string): boolean {
  const c = line.charAt(0);
  return c !== '+' && c !== '-' && c !== '\\';
}

/**
 * The hunk re-emitted with at most `k` context lines around each run of changes; a gap of more
 * than 2k context lines splits it (as `git diff -U<k>` would). Returns the hunk itself when
 * nothing changes.
 */
function reduceHunkContext(hunk: Hunk, k: number): Piece[] {
  const lines = hunk.lines;
  const n = lines.length;
  if (!lines.some(isChange)) return [{ header: hunk.header, lines }];
  // Distance (in context lines) to the previous and to the next change.
  const INF = Number.MAX_SAFE_INTEGER;
  const before = new Array<number>(n).fill(INF);
  const after = new Array<number>(n).fill(INF);
  let d = INF;
  for (let i = 0; i < n; i++) {
    const l = lines[i]!;
    if (isChange(l)) d = 0;
    else if (isContext(l)) d = d === INF ? INF : d + 1;
    before[i] = d;
  }
  d = INF;
  for (let i = n - 1; i >= 0; i--) {
    const l = lines[i]!;
    if (isChange(l)) d = 0;
    else if (isContext(l)) d = d === INF ? INF : d + 1;
    after[i] = d;
  }
  const keep = new Array<boolean>(n).fill(false);
  for (let i = 0; i < n; i++) {
    const l = lines[i]!;
    if (l.charAt(0) === '\\') keep[i] = i > 0 && keep[i - 1]!;
    else keep[i] = isChange(l) || Math.min(before[i]!, after[i]!) <= k;
  }
  if (keep.every(Boolean)) return [{ header: hunk.header, lines }];

  const pieces: Piece[] = [];
  let oldSeen = hunk.oldCount === 0 ? hunk.oldStart : hunk.oldStart - 1;
  let newSeen = hunk.newCount === 0 ? hunk.newStart : hunk.newStart - 1;
  let current: string[] | undefined;
  let curOld = 0;
  let curNew = 0;
  const flush = (): void => {
    if (current && current.some(isChange)) {
      pieces.push(makePiece(curOld, curNew, current, pieces.length === 0 ? hunk.section : ''));
    }
    current = undefined;
  };
  for (let i = 0; i < n; i++) {
    const l = lines[i]!;
    if (keep[i]) {
      if (!current) {
        current = [];
        curOld = oldSeen;
        curNew = newSeen;
      }
      current.push(l);
    } else if (l.charAt(0) !== '\\') {
      flush();
    }
    const c = l.charAt(0);
    if (c === '-') oldSeen++;
    else if (c === '+') newSeen++;
    else if (c !== '\\') {
      oldSeen++;
      newSeen++;
    }
  }
  flush();
  return pieces;
}

/** Old/new lines before a re-emitted piece, read back from its header. */
function pieceOrigin(piece: Piece): { oldBefore: number; newBefore: number; section: string } {
  const m = HUNK_HEADER.exec(piece.header)!;
  const oc = m[2] === undefined ? 1 : Number(m[2]);
  const nc = m[4] === undefined ? 1 : Number(m[4]);
  return {
    oldBefore: oc === 0 ? Number(m[1]) : Number(m[1]) - 1,
    newBefore: nc === 0 ? Number(m[3]) : Number(m[3]) - 1,
    section: m[5] ?? '',
  };
}

// ---------------------------------------------------------------------------------------------
// Fitting

interface Cost {
  chars: number;
  tokens: number;
}

type Level = 'as-given' | 1 | 0;

type Decision =
  | { kind: 'full' }
  | { kind: 'clipped'; text: string; reason: string }
  | { kind: 'skipped'; reason: string };

/** Without a tokenizer: a bound no BPE count exceeds by much (about 3 UTF-8 bytes a token). */
export function estimateTokens(text: string): number {
  return Math.ceil(Buffer.byteLength(text, 'utf8') / 3);
}

function joinLines(lines: readonly string[]): string {
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}

function renderPieces(file: DiffFile, pieces: readonly Piece[]): string {
  const out = [...file.head];
  for (const p of pieces) out.push(p.header, ...p.lines);
  out.push(...file.tail);
  return joinLines(out);
}

function withNewline(text: string): string {
  return text === '' || text.endsWith('\n') ? text : `${text}\n`;
}

function stats(file: DiffFile): string {
  const parts: string[] = [file.oldPath ? `${file.status} from ${file.oldPath}` : file.status];
  if (file.binary) parts.push('binary');
  else parts.push(`+${file.additions} -${file.deletions}`);
  return parts.join(', ');
}

function contextNote(level: 1 | 0 | 'as-given'): string {
  return `Context around changes was reduced to ${level} line${level === 1 ? '' : 's'}; the line numbers in @@ headers are exact.`;
}

function budgetWords(maxChars: number, maxTokens: number | undefined): string {
  const chars = `${formatCount(maxChars)} characters`;
  return maxTokens === undefined ? chars : `${chars} / ${formatCount(maxTokens)} tokens`;
}

export function fitDiff(diff: string, budget: FitBudget, options: FitOptions = {}): FitResult {
  const maxChars = Math.max(0, Math.floor(budget.maxChars));
  const maxTokens =
    budget.maxTokens === undefined || !Number.isFinite(budget.maxTokens)
      ? undefined
      : Math.max(0, Math.floor(budget.maxTokens));
  const counter = maxTokens === undefined ? undefined : (budget.countTokens ?? estimateTokens);
  const tokensOf = (text: string): number => (counter && text !== '' ? counter(text) : 0);
  const measure = (text: string): Cost => ({ chars: text.length, tokens: tokensOf(text) });
  /** Measures lazily: tokens only when the characters fit. */
  const fitsText = (text: string): boolean => {
    if (text.length > maxChars) return false;
    if (maxTokens === undefined) return true;
    if (Buffer.byteLength(text, 'utf8') <= maxTokens) return true; // a token covers ≥ 1 byte
    return tokensOf(text) <= maxTokens;
  };

  const parsed = parseUnifiedDiff(diff);
  const files = parsed.files;
  const unread = options.unread ?? [];
  const inherent = files.map(inherentSkip);
  const coverageOf = (decisions: readonly Decision[]): FileCoverage[] => [
    ...files.map((f, i): FileCoverage => {
      const d = decisions[i]!;
      if (d.kind === 'full') {
        const why = inherent[i];
        return why === undefined
          ? { path: f.path, status: 'reviewed' }
          : { path: f.path, status: 'skipped', reason: why };
      }
      return { path: f.path, status: d.kind, reason: d.reason };
    }),
    ...unread.map((u): FileCoverage => ({ path: u.path, status: 'skipped', reason: u.reason })),
  ];

  const allFull: Decision[] = files.map(() => ({ kind: 'full' }));
  if (unread.length === 0 && fitsText(diff)) {
    return { text: diff, coverage: coverageOf(allFull), notes: [], fitted: false };
  }

  // --- what fitting may use --------------------------------------------------------------------
  const defaults = options.defaultIgnores !== false;
  const byGlob = createIgnoreMatcher([
    ...(defaults ? DEFAULT_IGNORE_RULES : []),
    ...(options.ignore ?? []).map((glob) => ({ glob, reason: `matches ignore glob ${glob}` })),
  ]);
  const ignoreReason = (f: DiffFile): string | undefined =>
    byGlob(f.path) ?? (defaults ? contentIgnoreReason(f) : undefined);

  const rendered = new Map<string, { text: string; pieces: Piece[] }>();
  const renderAt = (i: number, level: Level): { text: string; pieces: Piece[] } => {
    const key = `${i}:${level}`;
    let hit = rendered.get(key);
    if (hit) return hit;
    const f = files[i]!;
    if (level === 'as-given' || !f.reducible) {
      hit = {
        text: withNewline(f.text),
        pieces: f.hunks.map((h) => ({ header: h.header, lines: h.lines })),
      };
    } else {
      const pieces = f.hunks.flatMap((h) => reduceHunkContext(h, level));
      const same =
        pieces.length === f.hunks.length && pieces.every((p, j) => p.header === f.hunks[j]!.header);
      hit = { text: same ? withNewline(f.text) : renderPieces(f, pieces), pieces };
    }
    rendered.set(key, hit);
    return hit;
  };
  const costs = new Map<string, Cost>();
  const costAt = (i: number, level: Level): Cost => {
    const key = `${i}:${level}`;
    let c = costs.get(key);
    if (!c) {
      c = measure(renderAt(i, level).text);
      costs.set(key, c);
    }
    return c;
  };

  const totalWords =
    `${formatCount(files.length + unread.length)} file${files.length + unread.length === 1 ? '' : 's'} and ` +
    `${formatCount(diff.length)} characters`;

  // --- assembling a candidate text -------------------------------------------------------------
  interface Plan {
    decisions: Decision[];
    level: Level;
    keepPreamble: boolean;
    /** Share of the budget the list may take (0..1); its tail is counted beyond. */
    listShare: number;
  }

  const entryLine = (i: number, d: Decision): string | undefined => {
    if (d.kind === 'full') {
      const why = inherent[i];
      return why === undefined
        ? undefined
        : `[skipped] ${files[i]!.path} (${stats(files[i]!)}): ${why}`;
    }
    return `[${d.kind}] ${files[i]!.path} (${stats(files[i]!)}): ${d.reason}`;
  };

  const describe = (plan: Plan): { notes: string[]; reduced: boolean } => {
    let full = 0;
    let clipped = 0;
    let skipped = unread.length;
    let reduced = false;
    const reasons = new Map<string, number>();
    const bump = (r: string): void => {
      const key = r.startsWith('over budget') ? 'over budget' : r;
      reasons.set(key, (reasons.get(key) ?? 0) + 1);
    };
    for (const u of unread) bump(u.reason);
    plan.decisions.forEach((d, i) => {
      if (d.kind === 'full') {
        if (inherent[i] === undefined) {
          full++;
          if (
            plan.level !== 'as-given' &&
            renderAt(i, plan.level).text !== withNewline(files[i]!.text)
          )
            reduced = true;
        } else {
          skipped++;
          bump(inherent[i]!);
        }
      } else if (d.kind === 'clipped') {
        clipped++;
        reduced ||= plan.level !== 'as-given';
      } else {
        skipped++;
        bump(d.reason);
      }
    });
    const why = [...reasons].map(([r, c]) => `${r}: ${formatCount(c)}`).join(', ');
    const notes = [
      `Fitted to the context budget of ${budgetWords(maxChars, maxTokens)}: the diff has ${totalWords}; ` +
        `${formatCount(full)} shown in full, ${formatCount(clipped)} clipped, ${formatCount(skipped)} not shown` +
        `${why ? ` (${why})` : ''}. Files not shown in full are listed below.`,
    ];
    if (reduced) {
      notes.push(contextNote(plan.level));
    }
    if (!plan.keepPreamble && parsed.preamble.trim() !== '')
      notes.push('The text before the first file header was left out.');
    return { notes, reduced };
  };

  const assemble = (plan: Plan): { text: string; notes: string[] } => {
    const parts: string[] = [];
    if (plan.keepPreamble) parts.push(withNewline(parsed.preamble));
    plan.decisions.forEach((d, i) => {
      if (d.kind === 'full') {
        // In the first step binary and header-only files stay (they are a line or two).
        if (inherent[i] === undefined || plan.level === 'as-given')
          parts.push(renderAt(i, plan.level).text);
      } else if (d.kind === 'clipped') parts.push(d.text);
    });
    const { notes } = describe(plan);
    const trailer = notes.map((n) => `[${n}]`);
    const entries: string[] = [];
    plan.decisions.forEach((d, i) => {
      const e = entryLine(i, d);
      if (e !== undefined) entries.push(e);
    });
    for (const u of unread) entries.push(`[skipped] ${u.path}: ${u.reason}`);
    const cap: Cost = {
      chars: Math.floor(maxChars * plan.listShare),
      tokens: maxTokens === undefined ? 0 : Math.floor(maxTokens * plan.listShare),
    };
    let used: Cost = { chars: 0, tokens: 0 };
    let listed = 0;
    for (const e of entries) {
      const c = measure(`${e}\n`);
      const next = { chars: used.chars + c.chars, tokens: used.tokens + c.tokens };
      if (next.chars > cap.chars || (maxTokens !== undefined && next.tokens > cap.tokens)) break;
      used = next;
      listed++;
    }
    trailer.push(...entries.slice(0, listed));
    if (listed < entries.length) {
      trailer.push(
        `[skipped] ${formatCount(entries.length - listed)} more file${entries.length - listed === 1 ? '' : 's'} not listed here, to stay within the budget`,
      );
    }
    return { text: `${withNewline(parts.join(''))}${joinLines(trailer)}`, notes };
  };

  const finish = (plan: Plan, text: string, notes: string[]): FitResult => {
    const result: FitResult = { text, coverage: coverageOf(plan.decisions), notes, fitted: true };
    if (plan.level !== 'as-given' && describe(plan).reduced) result.contextLines = plan.level;
    return result;
  };

  const tryPlan = (plan: Plan): FitResult | undefined => {
    const { text, notes } = assemble(plan);
    return fitsText(text) ? finish(plan, text, notes) : undefined;
  };

  // 0. Everything, plus the list of files the caller could not read.
  if (unread.length > 0) {
    const done = tryPlan({
      decisions: allFull,
      level: 'as-given',
      keepPreamble: true,
      listShare: LIST_SHARE,
    });
    if (done) return done;
  }

  const weight = (c: Cost): number =>
    Math.max(
      maxChars > 0 ? c.chars / maxChars : Number.POSITIVE_INFINITY,
      maxTokens === undefined ? 0 : maxTokens > 0 ? c.tokens / maxTokens : Number.POSITIVE_INFINITY,
    );

  // a. Binary and header-only files leave the text (they stay listed); then ignored files —
  //    lock, vendored, build output, minified, generated, the caller's globs — the largest
  //    first, as many as needed.
  const base: Decision[] = files.map((_, i) =>
    inherent[i] !== undefined ? { kind: 'skipped', reason: inherent[i]! } : { kind: 'full' },
  );
  const ignoredWhy = files.map((f, i) => (inherent[i] === undefined ? ignoreReason(f) : undefined));
  const ignored = files
    .flatMap((_, i) => (ignoredWhy[i] !== undefined ? [i] : []))
    .sort((a, b) => weight(costAt(b, 'as-given')) - weight(costAt(a, 'as-given')) || a - b);
  const dropIgnored = (k: number): Decision[] => {
    const ds = [...base];
    for (const i of ignored.slice(0, k)) ds[i] = { kind: 'skipped', reason: ignoredWhy[i]! };
    return ds;
  };
  const basePlan: Plan = {
    decisions: base,
    level: 'as-given',
    keepPreamble: true,
    listShare: LIST_SHARE,
  };
  const baseText = assemble(basePlan);
  if (fitsText(baseText.text)) return finish(basePlan, baseText.text, baseText.notes);
  if (ignored.length > 0) {
    // Estimate how many to drop from their sizes (each leaves a list line), then check.
    const over = measure(baseText.text);
    let need: Cost = {
      chars: over.chars - maxChars,
      tokens: maxTokens === undefined ? 0 : over.tokens - maxTokens,
    };
    let k = 0;
    while (k < ignored.length && (need.chars > 0 || need.tokens > 0)) {
      const i = ignored[k]!;
      const c = costAt(i, 'as-given');
      const e = measure(`${entryLine(i, { kind: 'skipped', reason: ignoredWhy[i]! })}\n`);
      need = { chars: need.chars - c.chars + e.chars, tokens: need.tokens - c.tokens + e.tokens };
      k++;
    }
    for (let tries = 0; ; tries++) {
      const plan: Plan = {
        decisions: dropIgnored(k),
        level: 'as-given',
        keepPreamble: true,
        listShare: LIST_SHARE,
      };
      const done = tryPlan(plan);
      if (done) return done;
      if (k >= ignored.length) break;
      k = tries < 3 ? k + 1 : ignored.length;
    }
  }
  const stageA = dropIgnored(ignored.length);

  // b. Less context around changes: 1 line, then none.
  for (const level of [1, 0] as const) {
    const done = tryPlan({ decisions: stageA, level, keepPreamble: true, listShare: LIST_SHARE });
    if (done) return done;
  }

  // c. At 0 lines of context: the most whole files that fit, the largest left out first (the
  //    ignored files only when there is nothing else).
  const level: Level = 0;
  const budgetCost: Cost = { chars: maxChars, tokens: maxTokens ?? 0 };
  let candidates = stageA.flatMap((d, i) => (d.kind === 'full' ? [i] : []));
  if (candidates.length === 0) candidates = [...ignored];
  const preambleCost = measure(withNewline(parsed.preamble));
  const keepPreamble = weight(preambleCost) <= 0.05;
  const decisions: Decision[] = [...stageA];
  const overBudget: Decision = { kind: 'skipped', reason: 'over budget' };
  const leftOutAs = (i: number): Decision =>
    ignoredWhy[i] !== undefined ? { kind: 'skipped', reason: ignoredWhy[i]! } : overBudget;
  for (const i of candidates) decisions[i] = leftOutAs(i);

  // The text with no file kept: the notes and the (capped) list of everything, as the floor.
  const plan: Plan = { decisions, level, keepPreamble, listShare: LIST_SHARE };
  const floor = measure(assemble(plan).text);
  // Margin: the notes grow a little once files are shown (counts, the reduced-context line).
  const reducible = candidates.some((i) => renderAt(i, level).text !== withNewline(files[i]!.text));
  const note = reducible ? measure(`[${contextNote(level)}]\n`) : { chars: 0, tokens: 0 };
  let room: Cost = {
    chars: budgetCost.chars - floor.chars - note.chars - 24,
    tokens: budgetCost.tokens - floor.tokens - note.tokens - 12,
  };
  // While the list is short enough to be shown whole, a file kept also frees its list line.
  const entryCost = (i: number): Cost => measure(`${entryLine(i, leftOutAs(i))}\n`);
  let listTotal: Cost = { chars: 0, tokens: 0 };
  for (let i = 0; i < files.length; i++) {
    const e = entryLine(i, decisions[i]!);
    if (e === undefined) continue;
    const c = measure(`${e}\n`);
    listTotal = { chars: listTotal.chars + c.chars, tokens: listTotal.tokens + c.tokens };
  }
  for (const u of unread) listTotal.chars += u.path.length + u.reason.length + 13;
  const listWhole =
    listTotal.chars <= Math.floor(maxChars * LIST_SHARE) &&
    (maxTokens === undefined ||
      listTotal.tokens <= Math.floor(maxTokens * LIST_SHARE) - unread.length * 16);
  const order = candidates
    .map((i) => ({ i, cost: costAt(i, level) }))
    .sort((a, b) => weight(a.cost) - weight(b.cost) || a.i - b.i);
  for (const { i, cost } of order) {
    const freed = listWhole ? entryCost(i) : { chars: 0, tokens: 0 };
    const next = {
      chars: room.chars - cost.chars + freed.chars,
      tokens: room.tokens - cost.tokens + freed.tokens,
    };
    if (next.chars < 0 || (maxTokens !== undefined && next.tokens < 0)) continue;
    decisions[i] = { kind: 'full' };
    room = next;
  }

  // Spend what is left on the largest files left out, clipped at a hunk (or line) boundary.
  // A clipped file's list line says what is shown: longer than "over budget" by this much.
  const clipEntry: Cost = { chars: 72, tokens: 24 };
  const leftOut = order.filter(({ i }) => decisions[i]!.kind === 'skipped').reverse();
  for (const { i } of leftOut) {
    if (room.chars < 200) break;
    const space = { chars: room.chars - clipEntry.chars, tokens: room.tokens - clipEntry.tokens };
    const clip = clipFile(i, space);
    if (!clip) continue;
    decisions[i] = { kind: 'clipped', text: clip.text, reason: clip.reason };
    room = {
      chars: space.chars - clip.cost.chars,
      tokens: space.tokens - clip.cost.tokens,
    };
  }

  function clipFile(
    i: number,
    space: Cost,
  ): { text: string; reason: string; cost: Cost } | undefined {
    const f = files[i]!;
    if (!f.reducible || f.hunks.length === 0) return undefined;
    const pieces = renderAt(i, level).pieces;
    const headCost = measure(joinLines(f.head));
    let used = headCost;
    const fitsIn = (c: Cost): boolean =>
      c.chars <= space.chars && (maxTokens === undefined || c.tokens <= space.tokens);
    if (!fitsIn(used)) return undefined;
    const kept: Piece[] = [];
    for (const p of pieces) {
      const c = measure(joinLines([p.header, ...p.lines]));
      const next = { chars: used.chars + c.chars, tokens: used.tokens + c.tokens };
      if (!fitsIn(next)) break;
      kept.push(p);
      used = next;
    }
    if (kept.length > 0) {
      return {
        text: renderPieces({ ...f, tail: [] }, kept),
        reason: `over budget: ${formatCount(kept.length)} of ${formatCount(pieces.length)} hunks shown`,
        cost: used,
      };
    }
    // Not even one hunk: whole lines of the first one, under a header recomputed for them.
    const first = pieces[0]!;
    const origin = pieceOrigin(first);
    let count = 0;
    let lineCost = { chars: used.chars + first.header.length + 24, tokens: used.tokens + 16 };
    for (let j = 0; j < first.lines.length; j++) {
      const c = measure(`${first.lines[j]}\n`);
      const next = { chars: lineCost.chars + c.chars, tokens: lineCost.tokens + c.tokens };
      if (!fitsIn(next)) break;
      lineCost = next;
      // Never end between a line and its "\ No newline at end of file" marker.
      if (!(first.lines[j + 1] ?? '').startsWith('\\')) count = j + 1;
    }
    const shown = first.lines.slice(0, count);
    if (!shown.some(isChange)) return undefined;
    const piece = makePiece(origin.oldBefore, origin.newBefore, shown, origin.section);
    const text = renderPieces({ ...f, tail: [] }, [piece]);
    return {
      text,
      reason: `over budget: the first ${formatCount(count)} of ${formatCount(first.lines.length)} lines of hunk 1 of ${formatCount(pieces.length)} shown`,
      cost: measure(text),
    };
  }

  // Token counts of parts do not add up exactly: check the whole, and give back until it fits.
  for (let round = 0; round < files.length + 8; round++) {
    const { text, notes } = assemble(plan);
    if (fitsText(text)) return finish(plan, text, notes);
    const m = measure(text);
    const over: Cost = {
      chars: m.chars - maxChars,
      tokens: maxTokens === undefined ? 0 : m.tokens - maxTokens,
    };
    const shown = plan.decisions
      .map((d, i) => ({ d, i }))
      .filter(
        ({ d, i }) => d.kind === 'clipped' || (d.kind === 'full' && inherent[i] === undefined),
      )
      .map(({ d, i }) => ({ i, cost: d.kind === 'clipped' ? measure(d.text) : costAt(i, level) }))
      .sort((a, b) => weight(b.cost) - weight(a.cost) || a.i - b.i);
    if (shown.length > 0) {
      let freed: Cost = { chars: 0, tokens: 0 };
      for (const { i, cost } of shown) {
        decisions[i] = leftOutAs(i);
        freed = { chars: freed.chars + cost.chars, tokens: freed.tokens + cost.tokens };
        if (freed.chars >= over.chars && freed.tokens >= over.tokens) break;
      }
      continue;
    }
    if (plan.listShare > 0.01) {
      plan.listShare = plan.listShare / 2;
      continue;
    }
    if (plan.listShare > 0) {
      plan.listShare = 0;
      continue;
    }
    if (plan.keepPreamble && parsed.preamble !== '') {
      plan.keepPreamble = false;
      continue;
    }
    break;
  }
  // Not even the notes fit: one line, or nothing.
  const last = `[The diff (${totalWords}) is not shown: it is over the context budget of ${budgetWords(maxChars, maxTokens)}.]\n`;
  const skippedAll: Decision[] = files.map((_, i) =>
    inherent[i] !== undefined ? { kind: 'skipped', reason: inherent[i]! } : leftOutAs(i),
  );
  const notes = [last.slice(1, -2)];
  return {
    text: fitsText(last) ? last : '',
    coverage: coverageOf(skippedAll),
    notes,
    fitted: true,
  };
}
