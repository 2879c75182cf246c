/**
 * The one reading of a pull request's diff (and of any git or plain unified diff the project
 * shows a model): files with their exact text, header lines, hunks read by their counts, and what
 * follows the hunks. Tolerant: it never throws, and a section it cannot read cleanly is kept as
 * text and marked not `reducible`. Pure.
 *
 * Parsed once per run and passed on parsed (context fitting, inline-comment anchoring); `text`
 * keeps the bytes for whatever needs them. Model-written patches have their own strict reader
 * (src/backends/patch/diff-parse.ts, `git apply`'s rules with errors); both share the name and
 * hunk readers of this folder.
 */
import { gitHeaderName, headerName, unquoteGitPath } from './git-path.js';
import { readHunkBody, readHunkHeader, type HunkRange } from './hunk.js';

export type FileStatus = 'added' | 'deleted' | 'modified' | 'renamed' | 'copied';

export interface Hunk extends HunkRange {
  /** The `@@` line as written. */
  header: string;
  /** Body lines as written (`\ No newline at end of file` markers included). */
  lines: string[];
}

export interface DiffFile {
  /** The path after the change; for a deleted file, the path it had. */
  path: string;
  /** Where a renamed or copied file came from. */
  oldPath?: string;
  status: FileStatus;
  /** The file's exact text in the diff. */
  text: string;
  /** Header lines, from `diff --git` up to the first hunk. */
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
  /** The diff as given. */
  text: string;
  /** Text before the first file (e.g. mail headers); usually empty. */
  preamble: string;
  files: DiffFile[];
  /** The diff travelled with CRLF line ends (its first line ends in `\r`): every line carries one. */
  crlf: boolean;
}

const FILE_HEADER = /^diff --(?:git|cc|combined) /;

function isFileStart(lines: readonly string[], i: number, afterContent: boolean): boolean {
  const l = lines[i]!;
  if (FILE_HEADER.test(l)) return true;
  return afterContent && l.startsWith('--- ') && (lines[i + 1] ?? '').startsWith('+++ ');
}

/** Lines of `text` (without their `\n`) and the offset each starts at. */
function splitWithOffsets(text: string): { lines: string[]; starts: number[] } {
  const lines: string[] = [];
  const starts: number[] = [];
  for (let pos = 0; pos < text.length;) {
    starts.push(pos);
    const nl = text.indexOf('\n', pos);
    const end = nl === -1 ? text.length : nl;
    lines.push(text.slice(pos, end));
    pos = nl === -1 ? text.length : nl + 1;
  }
  return { lines, starts };
}

/** Splits a unified diff (git's, or plain `---`/`+++` pairs) into files with parsed hunks. */
export function parseUnifiedDiff(text: string): ParsedDiff {
  const { lines, starts } = splitWithOffsets(text);
  const offset = (i: number): number => (i < starts.length ? starts[i]! : text.length);
  const n = lines.length;

  let i = 0;
  while (i < n && !isFileStart(lines, i, true)) i++;
  const preamble = text.slice(0, offset(i));
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
    // Hunks, consumed by their counts.
    while (i < n && lines[i]!.startsWith('@@ ')) {
      const range = readHunkHeader(lines[i]!);
      if (!range) {
        reducible = false;
        break;
      }
      const body = readHunkBody(lines, i + 1, range.oldCount, range.newCount);
      hunks.push({ ...range, header: lines[i]!, lines: lines.slice(i + 1, body.end) });
      additions += body.additions;
      deletions += body.deletions;
      i = body.end;
      if (body.problem) {
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
    const file = describeFile(head);
    files.push({
      ...file,
      text: text.slice(offset(begin), offset(i)),
      head,
      hunks,
      tail,
      reducible,
      additions,
      deletions,
    });
  }
  return { text, preamble, files, crlf: n > 0 && lines[0]!.endsWith('\r') };
}

/** Path, status and binary-ness from a file's header lines. */
function describeFile(
  head: readonly string[],
): Pick<DiffFile, 'path' | 'oldPath' | 'status' | 'binary'> {
  let plus: string | null | undefined;
  let minus: string | null | undefined;
  // undefined: no such line; null: /dev/null.
  let renameTo: string | undefined;
  let renameFrom: string | undefined;
  let status: FileStatus = 'modified';
  let binary = false;
  for (const l of head) {
    if (l.startsWith('+++ ')) plus = sideName(l);
    else if (l.startsWith('--- ')) minus = sideName(l);
    else if (l.startsWith('rename to ') || l.startsWith('copy to ')) {
      renameTo = unquoteGitPath(stripCr(l.slice(l.indexOf(' to ') + 4)));
    } else if (l.startsWith('rename from ') || l.startsWith('copy from ')) {
      renameFrom = unquoteGitPath(stripCr(l.slice(l.indexOf(' from ') + 6)));
      status = l.startsWith('rename') ? 'renamed' : 'copied';
    } else if (l.startsWith('new file mode')) status = 'added';
    else if (l.startsWith('deleted file mode')) status = 'deleted';
    else if (l.startsWith('Binary files ') || stripCr(l) === 'GIT binary patch') binary = true;
  }
  if (status === 'modified' && minus === null) status = 'added';
  if (status === 'modified' && plus === null) status = 'deleted';
  // `a/` or `b/` on either side: plain diffs are written both ways.
  const side = (name: string | null | undefined): string | undefined =>
    typeof name === 'string' ? name.replace(/^[ab]\//, '') : undefined;
  const path = side(plus) ?? renameTo ?? side(minus) ?? gitLinePath(head[0] ?? '');
  const file: Pick<DiffFile, 'path' | 'oldPath' | 'status' | 'binary'> = { path, status, binary };
  if (renameFrom !== undefined && renameFrom !== path) file.oldPath = renameFrom;
  return file;
}

/** The name on a `---`/`+++` line; null for /dev/null; a malformed quoted name as written. */
function sideName(line: string): string | null {
  const name = headerName(line.slice(4));
  return name === undefined ? stripCr(line.slice(4)) : name;
}

function stripCr(line: string): string {
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}

/** The path a `diff --git` (or `diff --cc`) line names, when no other header does. */
function gitLinePath(line: string): string {
  const rest = stripCr(line.replace(FILE_HEADER, ''));
  if (!line.startsWith('diff --git ')) return unquoteGitPath(rest);
  const same = gitHeaderName(rest);
  if (same !== null) return same;
  // Two different names and no header to say which is which (git never writes this): the right one.
  const quoted = rest.lastIndexOf(' "b/');
  if (quoted >= 0) return unquoteGitPath(rest.slice(quoted + 1)).slice(2);
  const plain = rest.lastIndexOf(' b/');
  return plain >= 0 ? rest.slice(plain + 3) : rest;
}
