/**
 * Hunks of a unified diff: the `@@ -a,b +c,d @@` header and a body read by the counts the header
 * announces (a body line may look like anything after its one-character prefix, `--- x` and
 * `+++ y` included, so prefixes alone cannot say where a hunk ends). Pure.
 */

/** `@@ -a[,b] +c[,d] @@`; what follows the closing `@@` (a function name) is the section. */
export const HUNK_HEADER = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/;

export interface HunkRange {
  oldStart: number;
  oldCount: number;
  newStart: number;
  newCount: number;
  /** What follows the closing `@@`, its leading space included (kept as written). */
  section: string;
}

/** The ranges of a hunk header line, or undefined when it is not one. */
export function readHunkHeader(line: string): HunkRange | undefined {
  const m = HUNK_HEADER.exec(line);
  if (!m) return undefined;
  return {
    oldStart: Number(m[1]),
    oldCount: m[2] === undefined ? 1 : Number(m[2]),
    newStart: Number(m[3]),
    newCount: m[4] === undefined ? 1 : Number(m[4]),
    section: line.slice(m[0].length),
  };
}

function range(start: number, count: number): string {
  return count === 1 ? `${start}` : `${start},${count}`;
}

/** A hunk header line, in git's spelling (a count of 1 is left out). */
export function formatHunkHeader(r: HunkRange): string {
  return `@@ -${range(r.oldStart, r.oldCount)} +${range(r.newStart, r.newCount)} @@${r.section}`;
}

/** The kind of a body line: context (an empty line or a lone `\r` too), removed, added, or a `\` marker. */
export function bodyLineKind(line: string): ' ' | '-' | '+' | '\\' | undefined {
  const c = line === '' || line === '\r' ? ' ' : line.charAt(0);
  return c === ' ' || c === '-' || c === '+' || c === '\\' ? c : undefined;
}

export interface HunkBody {
  /** Index of the first line after the body (an offending line is not consumed). */
  end: number;
  additions: number;
  deletions: number;
  /**
   * Why the body does not match its header: `short` (the text ends first), `overflow` (a line the
   * counts leave no room for), `corrupt` (a line that is no body line).
   */
  problem?: 'short' | 'overflow' | 'corrupt';
}

/**
 * Reads the body of a hunk whose header is the line before `start`, by its counts. `\ No newline
 * at end of file` markers inside and right after the body are consumed, unless it ended badly.
 */
export function readHunkBody(
  lines: readonly string[],
  start: number,
  oldCount: number,
  newCount: number,
): HunkBody {
  let i = start;
  let oldLeft = oldCount;
  let newLeft = newCount;
  let additions = 0;
  let deletions = 0;
  const stop = (problem: HunkBody['problem']): HunkBody => ({
    end: i,
    additions,
    deletions,
    problem,
  });
  while (oldLeft > 0 || newLeft > 0) {
    if (i >= lines.length) return stop('short');
    const kind = bodyLineKind(lines[i]!);
    if (kind === ' ') {
      if (oldLeft === 0 || newLeft === 0) return stop('overflow');
      oldLeft--;
      newLeft--;
    } else if (kind === '-') {
      if (oldLeft === 0) return stop('overflow');
      oldLeft--;
      deletions++;
    } else if (kind === '+') {
      if (newLeft === 0) return stop('overflow');
      newLeft--;
      additions++;
    } else if (kind === undefined) return stop('corrupt');
    i++;
  }
  while (i < lines.length && lines[i]!.startsWith('\\')) i++;
  return { end: i, additions, deletions };
}
