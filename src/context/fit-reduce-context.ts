/**
 * Less context around changes, with exact line numbers: a hunk re-emitted with at most k context
 * lines around each run of changes, split where the kept lines are no longer contiguous, under
 * recomputed `@@ -a,b +c,d @@` headers (as `git diff -U<k>` would write it). Pure.
 */
import { formatHunkHeader, readHunkHeader } from '../diff/hunk.js';
import type { DiffFile, Hunk } from '../diff/unified-diff.js';

export interface Piece {
  header: string;
  lines: string[];
}

/** A hunk of `lines` that starts after `oldBefore` old and `newBefore` new lines. */
export function makePiece(
  oldBefore: number,
  newBefore: number,
  lines: string[],
  section: string,
): Piece {
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
  return {
    header: formatHunkHeader({ oldStart: os, oldCount: oc, newStart: ns, newCount: nc, section }),
    lines,
  };
}

export function isChange(line: string): boolean {
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
export function reduceHunkContext(hunk: Hunk, k: number): Piece[] {
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
export function pieceOrigin(piece: Piece): {
  oldBefore: number;
  newBefore: number;
  section: string;
} {
  const r = readHunkHeader(piece.header)!;
  return {
    oldBefore: r.oldCount === 0 ? r.oldStart : r.oldStart - 1,
    newBefore: r.newCount === 0 ? r.newStart : r.newStart - 1,
    section: r.section,
  };
}

export function joinLines(lines: readonly string[]): string {
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}

export function renderPieces(file: DiffFile, pieces: readonly Piece[]): string {
  const out = [...file.head];
  for (const p of pieces) out.push(p.header, ...p.lines);
  out.push(...file.tail);
  return joinLines(out);
}

export function withNewline(text: string): string {
  return text === '' || text.endsWith('\n') ? text : `${text}\n`;
}

/** What a file looks like at a context level: its text and its hunks as pieces. */
export interface Rendered {
  text: string;
  pieces: Piece[];
  /** The text differs from the file as given (some context was dropped). */
  reduced: boolean;
}

/** Context kept around changes: the file as given, or 1 or 0 lines. */
export type Level = 'as-given' | 1 | 0;

const renders = new WeakMap<DiffFile, Map<Level, Rendered>>();

/** A file at a context level (each rendered once per file, however many fittings ask). */
export function renderAt(file: DiffFile, level: Level): Rendered {
  let byLevel = renders.get(file);
  if (!byLevel) {
    byLevel = new Map();
    renders.set(file, byLevel);
  }
  let hit = byLevel.get(level);
  if (hit) return hit;
  if (level === 'as-given' || !file.reducible) {
    hit = {
      text: withNewline(file.text),
      pieces: file.hunks.map((h) => ({ header: h.header, lines: h.lines })),
      reduced: false,
    };
  } else {
    const pieces = file.hunks.flatMap((h) => reduceHunkContext(h, level));
    const same =
      pieces.length === file.hunks.length &&
      pieces.every((p, j) => p.header === file.hunks[j]!.header);
    hit = same
      ? { text: withNewline(file.text), pieces, reduced: false }
      : { text: renderPieces(file, pieces), pieces, reduced: true };
  }
  byLevel.set(level, hit);
  return hit;
}
