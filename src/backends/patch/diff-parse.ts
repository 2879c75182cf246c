/**
 * A strict reader of unified / git diffs that follows `git apply`'s own rules (builtin apply.c):
 * which lines start a file section, which extended headers it knows, how names are found
 * (`rename from`/`copy from` first, then `---`/`+++` with one leading component stripped, then the
 * `diff --git` line), and how far a hunk reaches (by the counts in its `@@` header). Lines outside
 * file sections are ignored, as git ignores them. Pure; never throws.
 *
 * The apply step cross-checks this reading against `git apply --numstat/--summary`, so a
 * disagreement is refused rather than trusted.
 */
import { gitHeaderName, headerName, stripComponent } from '../../diff/git-path.js';
import { readHunkBody, readHunkHeader } from '../../diff/hunk.js';

export interface ParsedHunk {
  /** 1-based line of the `@@` header in the patch text. */
  line: number;
  oldStart: number;
  oldLines: number;
  newStart: number;
  newLines: number;
  additions: number;
  deletions: number;
}

export interface ParsedFilePatch {
  /** 1-based line where the section starts. */
  line: number;
  /** True for a `diff --git` section, false for a bare `---`/`+++` one. */
  git: boolean;
  /** Path before the change; null for a created file. */
  oldPath: string | null;
  /** Path after the change; null for a deleted file. */
  newPath: string | null;
  isNew: boolean;
  isDeleted: boolean;
  isRename: boolean;
  isCopy: boolean;
  oldMode?: string;
  newMode?: string;
  /** `new file mode` */
  newFileMode?: string;
  /** `deleted file mode` */
  deletedFileMode?: string;
  /** `GIT binary patch` or `Binary files ... differ`. */
  binary: boolean;
  hunks: ParsedHunk[];
  additions: number;
  deletions: number;
}

export interface DiffParseError {
  line: number;
  message: string;
}

export interface ParsedDiff {
  files: ParsedFilePatch[];
  errors: DiffParseError[];
}

/** Splits into lines without the final empty element a trailing newline leaves. */
export function splitLines(text: string): string[] {
  const lines = text.split('\n');
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

function stripCr(line: string): string {
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}

/**
 * A name on a `---`/`+++`/`rename from` line (src/diff/git-path.ts reads it); `strip` removes one
 * leading path component (git's default `-p1`). `null` for `/dev/null`, or an error message.
 */
function readName(raw: string, strip: boolean): { name: string | null } | { error: string } {
  const name = headerName(raw);
  if (name === undefined) return { error: `malformed quoted file name ${stripCr(raw)}` };
  if (name === null || !strip) return { name };
  const stripped = stripComponent(name);
  if (stripped === undefined)
    return {
      error: `file name "${name}" has no leading directory to strip (expected "a/…" or "b/…")`,
    };
  return { name: stripped };
}

function emptySection(line: number, git: boolean): ParsedFilePatch {
  return {
    line,
    git,
    oldPath: null,
    newPath: null,
    isNew: false,
    isDeleted: false,
    isRename: false,
    isCopy: false,
    binary: false,
    hunks: [],
    additions: 0,
    deletions: 0,
  };
}

function isTraditionalStart(lines: readonly string[], i: number): boolean {
  return (
    (lines[i] ?? '').startsWith('--- ') &&
    (lines[i + 1] ?? '').startsWith('+++ ') &&
    (lines[i + 2] ?? '').startsWith('@@ -')
  );
}

interface Reader {
  lines: readonly string[];
  err(line: number, message: string): void;
}

/** Reads the hunks starting at `start`; returns the index after them. */
function readHunks(r: Reader, file: ParsedFilePatch, start: number): number {
  const { lines, err } = r;
  let j = start;
  while (j < lines.length && lines[j]!.startsWith('@@ -')) {
    const header = lines[j]!;
    const range = readHunkHeader(header);
    if (!range) {
      err(j + 1, `malformed hunk header: ${header.slice(0, 80)}`);
      return j + 1;
    }
    const hunk: ParsedHunk = {
      line: j + 1,
      oldStart: range.oldStart,
      oldLines: range.oldCount,
      newStart: range.newStart,
      newLines: range.newCount,
      additions: 0,
      deletions: 0,
    };
    const body = readHunkBody(lines, j + 1, hunk.oldLines, hunk.newLines);
    hunk.additions = body.additions;
    hunk.deletions = body.deletions;
    j = body.end;
    if (body.problem === 'short')
      err(
        hunk.line,
        `hunk at line ${hunk.line} ends before the ${hunk.oldLines}/${hunk.newLines} lines its header announces`,
      );
    else if (body.problem === 'overflow')
      err(hunk.line, `hunk at line ${hunk.line} has more lines than its header announces`);
    else if (body.problem === 'corrupt')
      err(
        j + 1,
        `corrupt hunk at line ${j + 1}: expected a context, "+" or "-" line, got ${JSON.stringify(lines[j]!.slice(0, 60))}`,
      );
    while (j < lines.length && lines[j]!.startsWith('\\')) j++;
    file.hunks.push(hunk);
    file.additions += hunk.additions;
    file.deletions += hunk.deletions;
  }
  return j;
}

/** Binary payload or "Binary files … differ" right after the headers. */
function readBinary(r: Reader, file: ParsedFilePatch, start: number): number {
  const line = stripCr(r.lines[start] ?? '');
  if (line === 'GIT binary patch') {
    file.binary = true;
    let j = start + 1;
    while (j < r.lines.length && !r.lines[j]!.startsWith('diff --git ')) j++;
    return j;
  }
  if (/^(Binary files |Files ).* differ$/.test(line)) {
    file.binary = true;
    return start + 1;
  }
  return start;
}

function hasMetadata(f: ParsedFilePatch): boolean {
  return (
    f.isNew ||
    f.isDeleted ||
    f.isRename ||
    f.isCopy ||
    (f.oldMode !== undefined && f.newMode !== undefined)
  );
}

interface GitNames {
  /** From the `diff --git` line, when both sides agree. */
  def: string | null;
  dashOld?: string | null;
  dashNew?: string | null;
  from?: string;
  to?: string;
}

/** The extended header lines of a `diff --git` section from `start`; returns where they end. */
function readGitHeaders(r: Reader, file: ParsedFilePatch, names: GitNames, start: number): number {
  let j = start;
  for (; j < r.lines.length; j++) {
    const h = stripCr(r.lines[j]!);
    const value = (prefix: string): string => h.slice(prefix.length);
    if (h.startsWith('old mode ')) file.oldMode = value('old mode ').trim();
    else if (h.startsWith('new mode ')) file.newMode = value('new mode ').trim();
    else if (h.startsWith('deleted file mode ')) {
      file.isDeleted = true;
      file.deletedFileMode = value('deleted file mode ').trim();
    } else if (h.startsWith('new file mode ')) {
      file.isNew = true;
      file.newFileMode = value('new file mode ').trim();
    } else if (/^(rename|copy) (from|to|old|new) /.test(h)) {
      const [kind, side] = h.split(' ') as [string, string];
      const n = readName(h.slice(kind.length + side.length + 2), false);
      if ('error' in n) r.err(j + 1, n.error);
      else if (n.name === null) r.err(j + 1, `"${kind} ${side}" names /dev/null`);
      else if (side === 'from' || side === 'old') names.from = n.name;
      else names.to = n.name;
      if (kind === 'rename') file.isRename = true;
      else file.isCopy = true;
    } else if (
      h.startsWith('similarity index ') ||
      h.startsWith('dissimilarity index ') ||
      h.startsWith('index ')
    ) {
      // informational
    } else if (h.startsWith('--- ') || h.startsWith('+++ ')) {
      const n = readName(h.slice(4), true);
      if ('error' in n) r.err(j + 1, n.error);
      else if (h.startsWith('--- ')) names.dashOld = n.name;
      else names.dashNew = n.name;
    } else break;
  }
  return j;
}

/** Which files a `diff --git` section changes, by git apply's precedence, with its complaints. */
function settleGitNames(r: Reader, file: ParsedFilePatch, names: GitNames): void {
  const { dashOld, dashNew, from, to } = names;
  const at = file.line;
  if (dashOld === null && !file.isNew)
    r.err(at, `"--- /dev/null" without "new file mode" in the section at line ${at}`);
  if (dashNew === null && !file.isDeleted)
    r.err(at, `"+++ /dev/null" without "deleted file mode" in the section at line ${at}`);
  if (from !== undefined && typeof dashOld === 'string' && dashOld !== from)
    r.err(at, `inconsistent old file name: "${from}" vs "${dashOld}"`);
  if (to !== undefined && typeof dashNew === 'string' && dashNew !== to)
    r.err(at, `inconsistent new file name: "${to}" vs "${dashNew}"`);
  const oldName = from ?? (typeof dashOld === 'string' ? dashOld : undefined) ?? names.def;
  const newName = to ?? (typeof dashNew === 'string' ? dashNew : undefined) ?? names.def;
  file.oldPath = file.isNew ? null : (oldName ?? null);
  file.newPath = file.isDeleted ? null : (newName ?? null);
  if (!file.isNew && file.oldPath === null)
    r.err(at, `cannot tell which file the section at line ${at} changes`);
  if (!file.isDeleted && file.newPath === null)
    r.err(at, `cannot tell which file the section at line ${at} changes`);
  if ((file.isRename || file.isCopy) && (from === undefined || to === undefined))
    r.err(at, `rename/copy at line ${at} lacks its "from" or "to" line`);
}

/** A `diff --git` section starting at `i`; returns it and the index after it. */
function readGitSection(r: Reader, i: number): { file: ParsedFilePatch; next: number } {
  const file = emptySection(i + 1, true);
  const names: GitNames = { def: gitHeaderName(r.lines[i]!.slice('diff --git '.length)) };
  let j = readGitHeaders(r, file, names, i + 1);
  settleGitNames(r, file, names);
  j = readHunks(r, file, j);
  if (file.hunks.length === 0) j = readBinary(r, file, j);
  if (file.hunks.length === 0 && !file.binary && !hasMetadata(file))
    r.err(file.line, `the section at line ${file.line} has no hunks and no metadata change`);
  return { file, next: Math.max(j, i + 1) };
}

/** A bare `---`/`+++` section starting at `i`; returns it and the index after it. */
function readTraditionalSection(r: Reader, i: number): { file: ParsedFilePatch; next: number } {
  const file = emptySection(i + 1, false);
  for (const [k, side] of [
    [i, 'old'],
    [i + 1, 'new'],
  ] as const) {
    const n = readName(r.lines[k]!.slice(4), true);
    if ('error' in n) r.err(k + 1, n.error);
    else if (n.name !== null && /\s/.test(n.name))
      r.err(
        k + 1,
        `file name "${n.name}" contains spaces; use a "diff --git" header so it is unambiguous`,
      );
    else if (side === 'old') file.oldPath = n.name;
    else file.newPath = n.name;
  }
  file.isNew = file.oldPath === null;
  file.isDeleted = file.newPath === null;
  const j = readHunks(r, file, i + 2);
  // git treats a bare hunk that empties the file as a deletion.
  const only = file.hunks.length === 1 ? file.hunks[0] : undefined;
  if (only && only.newLines === 0 && only.newStart === 0 && !file.isNew) file.isDeleted = true;
  if (file.isNew && file.isDeleted)
    r.err(file.line, `both sides of the section at line ${file.line} are /dev/null`);
  return { file, next: Math.max(j, i + 1) };
}

/** Parses a patch the way `git apply` reads it. */
export function parseDiff(text: string): ParsedDiff {
  const lines = splitLines(text);
  const files: ParsedFilePatch[] = [];
  const errors: DiffParseError[] = [];
  const r: Reader = { lines, err: (line, message) => errors.push({ line, message }) };
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    const section = line.startsWith('diff --git ')
      ? readGitSection(r, i)
      : isTraditionalStart(lines, i)
        ? readTraditionalSection(r, i)
        : undefined;
    if (section) {
      files.push(section.file);
      i = section.next;
      continue;
    }
    if (line.startsWith('@@ -')) r.err(i + 1, `hunk at line ${i + 1} has no file header before it`);
    i++;
  }
  return { files, errors };
}
