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
import type { Finding } from '../engine/types.js';
import { parseUnifiedDiff, type DiffFile, type ParsedDiff } from '../diff/unified-diff.js';
import { fingerprintFinding, normaliseFindingPath, repeatFingerprint } from './fingerprint.js';
import { renderInlineComment } from './inline-comment.js';

export interface RightLine {
  /** Index of the hunk (in this file) the line belongs to. */
  hunk: number;
  /** The line's text without the diff marker. */
  text: string;
  added: boolean;
}

/** The diff's files by path, each with its commentable right-side lines. */
export interface DiffMap {
  diff: ParsedDiff;
  files: readonly DiffFile[];
  byPath: Map<string, DiffFile>;
  /** Commentable right-side lines of a file: added and context lines; none for deleted files. */
  lines(file: DiffFile): Map<number, RightLine>;
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

// ---------------------------------------------------------------------------------------------
// Building the map

const maps = new WeakMap<ParsedDiff, DiffMap>();

/** The map of a parsed diff (built once per diff), or of a diff's text. */
export function buildDiffMap(diff: ParsedDiff | DiffMap | string): DiffMap {
  if (typeof diff !== 'string' && 'byPath' in diff) return diff;
  const parsed = typeof diff === 'string' ? parseUnifiedDiff(diff) : diff;
  let map = maps.get(parsed);
  if (map) return map;
  const byPath = new Map<string, DiffFile>();
  for (const file of parsed.files) if (!byPath.has(file.path)) byPath.set(file.path, file);
  const cache = new WeakMap<DiffFile, Map<number, RightLine>>();
  map = {
    diff: parsed,
    files: parsed.files,
    byPath,
    lines(file) {
      let lines = cache.get(file);
      if (!lines) {
        lines = rightLines(file, parsed.crlf);
        cache.set(file, lines);
      }
      return lines;
    },
  };
  maps.set(parsed, map);
  return map;
}

function rightLines(file: DiffFile, crlf: boolean): Map<number, RightLine> {
  const lines = new Map<number, RightLine>();
  if (file.status === 'deleted' || file.binary) return lines;
  file.hunks.forEach((hunk, index) => {
    let line = hunk.newStart;
    for (const raw of hunk.lines) {
      const c = raw.charAt(0);
      if (c === '-' || c === '\\') continue;
      // A diff that travelled with CRLF line ends carries one on every line.
      const body = crlf && raw.endsWith('\r') ? raw.slice(1, -1) : raw.slice(1);
      lines.set(line, { hunk: index, text: body, added: c === '+' });
      line++;
    }
  });
  return lines;
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
  const file = resolveDiffFile(map, path);
  return file !== undefined && map.lines(file).has(line);
}

const NO_LINES: ReadonlyMap<number, RightLine> = new Map();

/**
 * Places findings on diff lines. A finding anchors on its line when that line is commentable; a
 * range anchors as a multi-line comment when both ends are in one hunk, otherwise on its end line
 * (its suggestion, written for the whole range, is then shown but not offered as a one-click
 * change); anything else is unanchored with a reason. Repeated fingerprints within one call get an
 * occurrence suffix so two identical findings at different places stay two comments.
 */
export function anchorFindings(
  findings: readonly Finding[],
  diff: ParsedDiff | DiffMap | string,
): AnchorResult {
  const map = buildDiffMap(diff);
  const anchored: AnchoredComment[] = [];
  const unanchored: UnanchoredFinding[] = [];
  const seen = new Map<string, number>();

  for (const original of findings) {
    const file = resolveDiffFile(map, original.path);
    const finding: Finding = {
      ...original,
      path: file?.path ?? normaliseFindingPath(original.path),
    };
    const lines = file ? map.lines(file) : NO_LINES;
    const base = fingerprintFinding(finding, lines.get(finding.line)?.text ?? '');
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
    if (file.binary) {
      unanchor('binary file', true);
      continue;
    }
    if (!isLineNumber(finding.line)) {
      unanchor('finding has no valid line number');
      continue;
    }
    let start = finding.line;
    let end = isLineNumber(finding.end_line) ? finding.end_line : start;
    if (end < start) [start, end] = [end, start];

    const first = lines.get(start);
    const last = lines.get(end);
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
