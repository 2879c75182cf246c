/**
 * Which lines of a pull request's diff can carry a review comment, and where each finding goes.
 *
 * GitHub accepts a review comment only on a line of the diff: an added or context line on the
 * RIGHT side (the PR head). A multi-line comment needs `start_line` and `line` in the same hunk
 * (https://docs.github.com/en/rest/pulls/comments#create-a-review-comment-for-a-pull-request).
 * Anything else is rejected with 422 and would lose the whole review, so findings that do not fit
 * are returned as `unanchored` for the summary comment instead.
 *
 * The diff must have GitHub's shape (merge-base…head, default 3 lines of context) for hunks to
 * match what GitHub checks against.
 */
import parseDiff from 'parse-diff';
import { Buffer } from 'node:buffer';
import type { Finding } from '../engine/types.js';
import { fingerprintFinding, normaliseFindingPath, repeatFingerprint } from './fingerprint.js';
import { renderInlineComment } from './inline-comment.js';

export type DiffFileStatus = 'added' | 'modified' | 'renamed' | 'copied' | 'deleted';

export interface RightLine {
  /** Index of the hunk (in this file) the line belongs to. */
  hunk: number;
  /** The line's text without the diff marker. */
  text: string;
  added: boolean;
}

export interface DiffFile {
  /** Path on the right side (`b/` side); for a deleted file, the path it had. */
  path: string;
  /** The left-side path of a rename or copy. */
  previousPath?: string;
  status: DiffFileStatus;
  binary: boolean;
  /** The GitHub API listed the file without a `patch` (binary or too large). */
  patchMissing: boolean;
  additions: number;
  deletions: number;
  hunks: Array<{ newStart: number; newLines: number }>;
  /** Commentable right-side lines: added and context lines. Empty for deleted and binary files. */
  lines: Map<number, RightLine>;
}

export interface DiffMap {
  files: DiffFile[];
  byPath: Map<string, DiffFile>;
}

/** The fields GitHub's "create a review" call takes for one comment. */
export interface ReviewCommentParams {
  path: string;
  line: number;
  start_line?: number;
  side: 'RIGHT';
  start_side?: 'RIGHT';
  body: string;
}

export interface AnchoredComment extends ReviewCommentParams {
  fingerprint: string;
  /** The finding, with its path as the diff spells it. */
  finding: Finding;
}

export interface UnanchoredFinding extends Finding {
  fingerprint: string;
  /** Why it could not go on a line, for the summary. */
  reason: string;
  /**
   * The file is in the pull request but this line cannot be shown in its diff (deleted, binary,
   * no patch): link to the file there rather than to a line of the head commit.
   */
  fileInDiff?: boolean;
}

export interface AnchorResult {
  anchored: AnchoredComment[];
  unanchored: UnanchoredFinding[];
}

/** A file as `GET /repos/{owner}/{repo}/pulls/{pull_number}/files` lists it (Forge's `PullFile`). */
export interface ApiDiffFile {
  filename: string;
  status: string;
  patch?: string | null;
  previousFilename?: string | null;
  additions?: number;
  deletions?: number;
}

// ---------------------------------------------------------------------------------------------
// Building the map

/** Reads a unified diff (`git diff` format, or plain `---`/`+++` files) into a DiffMap. */
export function buildDiffMap(diffText: string): DiffMap {
  // A diff that travelled with CRLF line ends (headers end in \r): undo it once, up front.
  const firstLineEnd = diffText.indexOf('\n');
  const text =
    firstLineEnd > 0 && diffText[firstLineEnd - 1] === '\r'
      ? diffText.replace(/\r\n/g, '\n')
      : diffText;
  const lines = text.split('\n');
  const starts: number[] = [];
  for (let i = 0; i < lines.length; i++) {
    // Hunk lines always start with ' ', '+', '-' or '\', so this is always a file header.
    if (lines[i]?.startsWith('diff --git ')) starts.push(i);
  }
  const files: DiffFile[] = [];
  if (starts.length === 0) {
    for (const parsed of parseDiff(text)) {
      const file = fromPlainDiff(parsed);
      if (file) files.push(file);
    }
  } else {
    for (let s = 0; s < starts.length; s++) {
      const segment = lines.slice(starts[s], starts[s + 1] ?? lines.length);
      files.push(fromGitSegment(segment));
    }
  }
  return indexFiles(files);
}

/** Builds the map from the API's file list; files without a `patch` have no commentable line. */
export function diffMapFromPullFiles(apiFiles: readonly ApiDiffFile[]): DiffMap {
  const files = apiFiles.map((api): DiffFile => {
    const status = apiStatus(api.status);
    const patch = typeof api.patch === 'string' ? api.patch : undefined;
    const chunks = patch
      ? (parseDiff(`--- a/${api.filename}\n+++ b/${api.filename}\n${patch}`)[0]?.chunks ?? [])
      : [];
    const file = makeFile(api.filename, status, chunks);
    if (api.previousFilename) file.previousPath = api.previousFilename;
    file.patchMissing = patch === undefined && status !== 'deleted';
    if (api.additions !== undefined) file.additions = api.additions;
    if (api.deletions !== undefined) file.deletions = api.deletions;
    return file;
  });
  return indexFiles(files);
}

function apiStatus(status: string): DiffFileStatus {
  switch (status) {
    case 'added':
      return 'added';
    case 'removed':
      return 'deleted';
    case 'renamed':
      return 'renamed';
    case 'copied':
      return 'copied';
    default:
      return 'modified';
  }
}

function indexFiles(files: DiffFile[]): DiffMap {
  const byPath = new Map<string, DiffFile>();
  for (const file of files) if (!byPath.has(file.path)) byPath.set(file.path, file);
  return { files, byPath };
}

function makeFile(
  path: string,
  status: DiffFileStatus,
  chunks: readonly parseDiff.Chunk[],
): DiffFile {
  const file: DiffFile = {
    path,
    status,
    binary: false,
    patchMissing: false,
    additions: 0,
    deletions: 0,
    hunks: [],
    lines: new Map(),
  };
  chunks.forEach((chunk, hunk) => {
    file.hunks.push({ newStart: chunk.newStart, newLines: chunk.newLines });
    for (const change of chunk.changes) {
      // parse-diff repeats the previous change for "\ No newline at end of file": skip it.
      if (change.content.startsWith('\\')) continue;
      if (change.type === 'del') {
        file.deletions += 1;
        continue;
      }
      const line = change.type === 'add' ? change.ln : change.ln2;
      if (change.type === 'add') file.additions += 1;
      if (status !== 'deleted')
        file.lines.set(line, { hunk, text: change.content.slice(1), added: change.type === 'add' });
    }
  });
  return file;
}

function fromGitSegment(segment: readonly string[]): DiffFile {
  let status: DiffFileStatus = 'modified';
  let binary = false;
  let from: string | undefined;
  let to: string | undefined;
  let renameFrom: string | undefined;
  let renameTo: string | undefined;
  const gitLine = segment[0] ?? '';
  for (const line of segment.slice(1)) {
    if (line.startsWith('@@')) break;
    if (line.startsWith('new file mode')) status = 'added';
    else if (line.startsWith('deleted file mode')) status = 'deleted';
    else if (line.startsWith('rename from '))
      renameFrom = unquoteGitPath(line.slice('rename from '.length));
    else if (line.startsWith('rename to '))
      renameTo = unquoteGitPath(line.slice('rename to '.length));
    else if (line.startsWith('copy from '))
      renameFrom = unquoteGitPath(line.slice('copy from '.length));
    else if (line.startsWith('copy to ')) {
      renameTo = unquoteGitPath(line.slice('copy to '.length));
      status = 'copied';
    } else if (line.startsWith('--- ')) from = headerPath(line.slice(4), 'a/');
    else if (line.startsWith('+++ ')) to = headerPath(line.slice(4), 'b/');
    else if (line.startsWith('Binary files ') || line === 'GIT binary patch') binary = true;
  }
  if (renameTo !== undefined && status === 'modified') status = 'renamed';
  const [gitFrom, gitTo] = splitGitLine(gitLine.slice('diff --git '.length));
  const right = to !== undefined && to !== '/dev/null' ? to : undefined;
  const left = from !== undefined && from !== '/dev/null' ? from : undefined;
  const path =
    status === 'deleted'
      ? (left ?? renameFrom ?? gitFrom ?? gitTo ?? '')
      : (right ?? renameTo ?? gitTo ?? left ?? gitFrom ?? '');
  const parsed = binary ? [] : parseDiff(segment.join('\n'));
  const file = makeFile(
    path,
    status,
    parsed.flatMap((f) => f.chunks),
  );
  file.binary = binary;
  const previous = renameFrom ?? (status === 'renamed' ? left : undefined);
  if (previous !== undefined && previous !== path) file.previousPath = previous;
  return file;
}

function fromPlainDiff(parsed: parseDiff.File): DiffFile | undefined {
  const from =
    parsed.from === undefined ? undefined : stripPrefix(unquoteGitPath(parsed.from), 'a/');
  const to = parsed.to === undefined ? undefined : stripPrefix(unquoteGitPath(parsed.to), 'b/');
  const deleted = parsed.deleted === true || to === '/dev/null';
  const added = parsed.new === true || from === '/dev/null';
  const path = deleted ? from : to;
  if (!path || path === '/dev/null') return undefined;
  const status: DiffFileStatus = deleted
    ? 'deleted'
    : added
      ? 'added'
      : from && from !== to
        ? 'renamed'
        : 'modified';
  const file = makeFile(path, status, parsed.chunks);
  if (status === 'renamed' && from) file.previousPath = from;
  return file;
}

/** The path in a `---`/`+++` line: quoted or not, git's trailing tab (or a timestamp) removed. */
function headerPath(value: string, prefix: string): string {
  const path = value.startsWith('"') ? unquoteGitPath(value) : value.replace(/\t.*$/, '');
  return path === '/dev/null' ? path : stripPrefix(path, prefix);
}

function stripPrefix(path: string, prefix: string): string {
  return path.startsWith(prefix) ? path.slice(prefix.length) : path;
}

/** `a/x b/y` from a `diff --git` line; used only when no `---`/`+++`/rename header says more. */
function splitGitLine(rest: string): [string | undefined, string | undefined] {
  if (rest.startsWith('"')) {
    const end = closingQuote(rest);
    const left = unquoteGitPath(rest.slice(0, end + 1));
    const right = unquoteGitPath(rest.slice(end + 2));
    return [stripPrefix(left, 'a/'), stripPrefix(right, 'b/')];
  }
  // Unchanged name (the usual case): "a/P b/P", whatever P contains.
  const half = (rest.length - 1) / 2;
  if (
    Number.isInteger(half) &&
    rest.slice(half) === ` b/${rest.slice(2, half)}` &&
    rest.startsWith('a/')
  ) {
    const path = rest.slice(2, half);
    return [path, path];
  }
  const quoted = rest.indexOf(' "b/');
  const split = quoted !== -1 ? quoted : rest.indexOf(' b/');
  if (split === -1) return [undefined, undefined];
  return [
    stripPrefix(rest.slice(0, split), 'a/'),
    stripPrefix(unquoteGitPath(rest.slice(split + 1)), 'b/'),
  ];
}

function closingQuote(text: string): number {
  for (let i = 1; i < text.length; i++) {
    if (text[i] === '\\') i += 1;
    else if (text[i] === '"') return i;
  }
  return text.length - 1;
}

const C_ESCAPES: Record<string, number> = {
  a: 7,
  b: 8,
  t: 9,
  n: 10,
  v: 11,
  f: 12,
  r: 13,
  '"': 34,
  '\\': 92,
};

/** Decodes git's C-style quoting (`"caf\303\251.txt"`); unquoted paths come back unchanged. */
export function unquoteGitPath(value: string): string {
  if (!value.startsWith('"')) return value;
  const end = closingQuote(value);
  const inner = value.slice(1, end);
  const bytes: number[] = [];
  for (let i = 0; i < inner.length; i++) {
    const ch = inner[i] ?? '';
    if (ch !== '\\') {
      bytes.push(...Buffer.from(ch, 'utf8'));
      continue;
    }
    const next = inner[i + 1] ?? '';
    const octal = /^[0-7]{3}/.exec(inner.slice(i + 1, i + 4));
    if (octal) {
      bytes.push(parseInt(octal[0], 8));
      i += 3;
    } else {
      bytes.push(C_ESCAPES[next] ?? next.charCodeAt(0));
      i += 1;
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

// ---------------------------------------------------------------------------------------------
// Anchoring

/**
 * The diff file a finding's path names: as written (`./`, leading `/` and backslashes dropped),
 * else without a leading `a/` or `b/` (models copy diff headers).
 */
export function resolveDiffFile(map: DiffMap, path: string): DiffFile | undefined {
  const normal = normaliseFindingPath(path);
  const direct = map.byPath.get(normal);
  if (direct) return direct;
  const bare = /^[ab]\//.test(normal) ? normal.slice(2) : undefined;
  return bare === undefined ? undefined : map.byPath.get(bare);
}

export function isCommentable(map: DiffMap, path: string, line: number): boolean {
  return resolveDiffFile(map, path)?.lines.has(line) ?? false;
}

/**
 * Places findings on diff lines. A finding anchors on its line when that line is commentable; a
 * range anchors as a multi-line comment when both ends are in one hunk, otherwise on its end line
 * (its suggestion, written for the whole range, is then shown but not offered as a one-click
 * change); anything else is unanchored with a reason. Repeated fingerprints within one call get an
 * occurrence suffix so two identical findings at different places stay two comments.
 */
export function anchorFindings(findings: readonly Finding[], diff: string | DiffMap): AnchorResult {
  const map = typeof diff === 'string' ? buildDiffMap(diff) : diff;
  const anchored: AnchoredComment[] = [];
  const unanchored: UnanchoredFinding[] = [];
  const seen = new Map<string, number>();

  for (const original of findings) {
    const file = resolveDiffFile(map, original.path);
    const finding: Finding = {
      ...original,
      path: file?.path ?? normaliseFindingPath(original.path),
    };
    const base = fingerprintFinding(finding, file?.lines.get(finding.line)?.text ?? '');
    const occurrence = (seen.get(base) ?? 0) + 1;
    seen.set(base, occurrence);
    const fingerprint = repeatFingerprint(base, occurrence);

    const unanchor = (reason: string, fileInDiff = false): void => {
      unanchored.push({ ...finding, fingerprint, reason, ...(fileInDiff ? { fileInDiff } : {}) });
    };
    if (!file) {
      unanchor('file is not in the diff');
      continue;
    }
    if (file.status === 'deleted') {
      unanchor('file is deleted in this pull request', true);
      continue;
    }
    if (file.binary || file.patchMissing) {
      unanchor(file.binary ? 'binary file' : 'file has no diff to comment on', true);
      continue;
    }
    if (!isLineNumber(finding.line)) {
      unanchor('finding has no valid line number');
      continue;
    }
    let start = finding.line;
    let end = isLineNumber(finding.end_line) ? finding.end_line : start;
    if (end < start) [start, end] = [end, start];

    const first = file.lines.get(start);
    const last = file.lines.get(end);
    if (start === end) {
      if (first) anchored.push(comment(finding, fingerprint, { line: start }, true));
      else unanchor(`line ${start} is not part of the diff`);
    } else if (first && last && first.hunk === last.hunk) {
      anchored.push(comment(finding, fingerprint, { line: end, start_line: start }, true));
    } else if (last) {
      anchored.push(comment(finding, fingerprint, { line: end }, false));
    } else {
      unanchor(`lines ${start}–${end} are not part of one diff hunk`);
    }
  }
  return { anchored, unanchored };
}

/** Only the fields GitHub's API takes (AnchoredComment also carries the finding). */
export function toReviewComment(comment: AnchoredComment): ReviewCommentParams {
  const params: ReviewCommentParams = {
    path: comment.path,
    line: comment.line,
    side: 'RIGHT',
    body: comment.body,
  };
  if (comment.start_line !== undefined) {
    params.start_line = comment.start_line;
    params.start_side = 'RIGHT';
  }
  return params;
}

function isLineNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value > 0;
}

function comment(
  finding: Finding,
  fingerprint: string,
  at: { line: number; start_line?: number },
  suggestionFits: boolean,
): AnchoredComment {
  const body = renderInlineComment(finding, { fingerprint, suggestionFits });
  const result: AnchoredComment = {
    path: finding.path,
    line: at.line,
    side: 'RIGHT',
    body,
    fingerprint,
    finding,
  };
  if (at.start_line !== undefined) {
    result.start_line = at.start_line;
    result.start_side = 'RIGHT';
  }
  return result;
}
