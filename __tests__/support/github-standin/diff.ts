/**
 * A PR's unified diff, as GitHub derives things from it: the `pulls/{n}/files` entries (status,
 * counts, `patch` — omitted for binary files, pure renames and very large diffs) and which lines a
 * review comment may be anchored to (RIGHT: added or context lines; LEFT: deleted or context
 * lines; a multi-line range must stay inside one hunk).
 */
import { createHash } from 'node:crypto';
import parseDiff from 'parse-diff';

export type FileStatus = 'added' | 'removed' | 'modified' | 'renamed';
export type Side = 'LEFT' | 'RIGHT';

export interface DiffHunk {
  header: string;
  /** Lines of the hunk (after the header), as in the patch. */
  lines: string[];
  right: Set<number>;
  left: Set<number>;
}

export interface DiffFile {
  filename: string;
  previous_filename?: string;
  status: FileStatus;
  additions: number;
  deletions: number;
  changes: number;
  binary: boolean;
  /** The file's section of the diff, headers included. */
  section: string;
  /** Hunks only (`@@ ...` onwards), as GitHub's `patch`; undefined when there are no hunks. */
  patchText?: string;
  /** Whether `pulls/{n}/files` shows `patch` for this file. */
  showPatch: boolean;
  hunks: DiffHunk[];
  /** position (1-based, GitHub's legacy numbering) → hunk index and the line(s) at that position. */
  positions: Array<DiffPosition | undefined>;
  sha: string;
}

export interface DiffPosition {
  hunk: number;
  /** Old-side line number (deleted or context line). */
  left?: number;
  /** New-side line number (added or context line). */
  right?: number;
}

export interface PatchLimits {
  /** Omit `patch` when a file's changes exceed this (GitHub drops it for very large file diffs). */
  maxChanges: number;
  /** Omit `patch` when it is larger than this many bytes. */
  maxBytes: number;
}

export const DEFAULT_PATCH_LIMITS: PatchLimits = { maxChanges: 3000, maxBytes: 1_000_000 };

/** Splits a multi-file diff into per-file sections without being fooled by hunk content. */
export function splitDiff(diff: string): string[] {
  const lines = diff.split('\n');
  if (lines.at(-1) === '') lines.pop();
  const sections: string[][] = [];
  let current: string[] | undefined;
  let oldLeft = 0;
  let newLeft = 0;
  let gitHeaderOpen = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    const inHunk = oldLeft > 0 || newLeft > 0;
    if (!inHunk) {
      const startsGit = line.startsWith('diff --git ');
      const startsPlain =
        line.startsWith('--- ') && (lines[i + 1] ?? '').startsWith('+++ ') && !gitHeaderOpen;
      if (startsGit || startsPlain) {
        current = [];
        sections.push(current);
        gitHeaderOpen = startsGit;
      }
      const m = /^@@ -\d+(?:,(\d+))? \+\d+(?:,(\d+))? @@/.exec(line);
      if (m) {
        oldLeft = m[1] === undefined ? 1 : Number(m[1]);
        newLeft = m[2] === undefined ? 1 : Number(m[2]);
      }
    } else if (line.startsWith('+')) newLeft--;
    else if (line.startsWith('-')) oldLeft--;
    else if (line.startsWith(' ') || line === '') {
      oldLeft--;
      newLeft--;
    }
    if (!inHunk && line.startsWith('+++ ')) gitHeaderOpen = false; // next plain header may start a file
    current?.push(line);
  }
  return sections.map((s) => s.join('\n'));
}

function stripPrefix(name: string | undefined): string | undefined {
  if (name === undefined || name === '/dev/null') return undefined;
  return name.replace(/^"?[ab]\//, '').replace(/"$/, '');
}

export function parsePullDiff(
  diff: string,
  options: { limits?: Partial<PatchLimits>; omitPatchFor?: Iterable<string> } = {},
): DiffFile[] {
  const limits = { ...DEFAULT_PATCH_LIMITS, ...options.limits };
  const omit = new Set(options.omitPatchFor ?? []);
  const files: DiffFile[] = [];
  for (const section of splitDiff(diff)) {
    const [parsed] = parseDiff(section);
    if (!parsed) continue;
    const to = stripPrefix(parsed.to);
    const from = stripPrefix(parsed.from);
    const filename = to ?? from;
    if (!filename) continue;
    const binary = /^(Binary files .* differ|GIT binary patch)$/m.test(section);
    const status: FileStatus = parsed.new
      ? 'added'
      : parsed.deleted
        ? 'removed'
        : from !== undefined && to !== undefined && from !== to
          ? 'renamed'
          : 'modified';
    const sectionLines = section.split('\n');
    const firstHunk = sectionLines.findIndex((l) => l.startsWith('@@ '));
    const patchText = firstHunk >= 0 ? sectionLines.slice(firstHunk).join('\n') : undefined;

    const hunks: DiffHunk[] = [];
    const positions: DiffFile['positions'] = [undefined];
    let additions = 0;
    let deletions = 0;
    for (const chunk of parsed.chunks) {
      const hunk: DiffHunk = {
        header: chunk.content,
        lines: [],
        right: new Set(),
        left: new Set(),
      };
      const index = hunks.length;
      if (index > 0) positions.push(undefined); // a later hunk's header takes a position
      for (const change of chunk.changes) {
        hunk.lines.push(change.content);
        if (change.content.startsWith('\\')) {
          positions.push(undefined); // "\ No newline at end of file" (parse-diff calls it an add)
          continue;
        }
        if (change.type === 'add') {
          additions++;
          hunk.right.add(change.ln);
          positions.push({ hunk: index, right: change.ln });
        } else if (change.type === 'del') {
          deletions++;
          hunk.left.add(change.ln);
          positions.push({ hunk: index, left: change.ln });
        } else {
          hunk.right.add(change.ln2);
          hunk.left.add(change.ln1);
          positions.push({ hunk: index, left: change.ln1, right: change.ln2 });
        }
      }
      hunks.push(hunk);
    }
    const changes = additions + deletions;
    const showPatch =
      !binary &&
      patchText !== undefined &&
      !omit.has(filename) &&
      changes <= limits.maxChanges &&
      Buffer.byteLength(patchText) <= limits.maxBytes;
    const entry: DiffFile = {
      filename,
      status,
      additions,
      deletions,
      changes,
      binary,
      section,
      showPatch,
      hunks,
      positions,
      sha: createHash('sha1').update(`blob:${filename}:${section}`).digest('hex'),
    };
    if (status === 'renamed' && from !== undefined) entry.previous_filename = from;
    if (patchText !== undefined) entry.patchText = patchText;
    files.push(entry);
  }
  return files;
}

/** The hunk index containing `line` on `side`, or -1. */
export function hunkOf(file: DiffFile, side: Side, line: number): number {
  return file.hunks.findIndex((h) => (side === 'RIGHT' ? h.right : h.left).has(line));
}

/** GitHub's `diff_hunk` for a comment: the hunk header and lines up to the commented one. */
export function diffHunkFor(file: DiffFile, hunkIndex: number, side: Side, line: number): string {
  const hunk = file.hunks[hunkIndex];
  if (!hunk) return '';
  const m = /^@@ -(\d+)(?:,\d+)? \+(\d+)/.exec(hunk.header);
  let oldLine = Number(m?.[1] ?? 1);
  let newLine = Number(m?.[2] ?? 1);
  const out = [hunk.header];
  for (const l of hunk.lines) {
    out.push(l);
    if (l.startsWith('\\')) continue;
    const isAdd = l.startsWith('+');
    const isDel = l.startsWith('-');
    if (side === 'RIGHT' && !isDel && newLine === line) break;
    if (side === 'LEFT' && !isAdd && oldLine === line) break;
    if (!isAdd) oldLine++;
    if (!isDel) newLine++;
  }
  return out.join('\n');
}

/** The 1-based legacy `position` of a line in the file's patch (undefined when not in the diff). */
export function positionOf(file: DiffFile, side: Side, line: number): number | undefined {
  const key = side === 'RIGHT' ? 'right' : 'left';
  const p = file.positions.findIndex((at) => at !== undefined && at[key] === line);
  return p > 0 ? p : undefined;
}
