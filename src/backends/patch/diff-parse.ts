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
import { unquoteC } from './paths.js';

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

export const HUNK_HEADER = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/;

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
 * A name on a `---`/`+++`/`rename from` line: C-quoted, or the text up to the first tab.
 * `strip` removes one leading path component (git's default `-p1`).
 * Returns undefined for `/dev/null`, or an error message.
 */
function readName(raw: string, strip: boolean): { name: string | null } | { error: string } {
  const text = stripCr(raw);
  let name: string;
  if (text.startsWith('"')) {
    const q = unquoteC(text);
    if (!q) return { error: `malformed quoted file name ${text}` };
    name = q.value;
  } else {
    const tab = text.indexOf('\t');
    name = tab >= 0 ? text.slice(0, tab) : text;
    name = name.replace(/\s+$/, '');
  }
  if (name === '/dev/null') return { name: null };
  if (!strip) return { name };
  const slash = name.indexOf('/');
  if (slash < 0)
    return {
      error: `file name "${name}" has no leading directory to strip (expected "a/…" or "b/…")`,
    };
  return { name: name.slice(slash + 1) };
}

/** The name from `diff --git a/X b/Y` when it can be read without other headers (X must equal Y). */
function gitHeaderName(rest: string): string | null {
  const text = stripCr(rest);
  if (text.startsWith('"')) {
    const first = unquoteC(text);
    if (!first) return null;
    const second = first.rest.trimStart();
    const secondName = second.startsWith('"') ? unquoteC(second)?.value : second;
    if (secondName === undefined) return null;
    const a = first.value.slice(first.value.indexOf('/') + 1);
    const b = secondName.slice(secondName.indexOf('/') + 1);
    return first.value.includes('/') && secondName.includes('/') && a === b ? a : null;
  }
  // Unquoted: "a/NAME b/NAME" — find the split where both halves name the same path.
  for (let i = 0; i < text.length; i++) {
    if (text[i] !== ' ') continue;
    const left = text.slice(0, i);
    const right = text.slice(i + 1);
    if (right.startsWith('"')) {
      const q = unquoteC(right);
      if (q && q.rest === '' && left.includes('/') && q.value.includes('/')) {
        const a = left.slice(left.indexOf('/') + 1);
        const b = q.value.slice(q.value.indexOf('/') + 1);
        if (a === b) return a;
      }
      continue;
    }
    if (!left.includes('/') || !right.includes('/')) continue;
    const a = left.slice(left.indexOf('/') + 1);
    const b = right.slice(right.indexOf('/') + 1);
    if (a === b && a !== '') return a;
  }
  return null;
}

function isTraditionalStart(lines: readonly string[], i: number): boolean {
  return (
    (lines[i] ?? '').startsWith('--- ') &&
    (lines[i + 1] ?? '').startsWith('+++ ') &&
    (lines[i + 2] ?? '').startsWith('@@ -')
  );
}

/** Parses a patch the way `git apply` reads it. */
export function parseDiff(text: string): ParsedDiff {
  const lines = splitLines(text);
  const files: ParsedFilePatch[] = [];
  const errors: DiffParseError[] = [];
  const err = (line: number, message: string): void => {
    errors.push({ line, message });
  };

  /** Reads the hunks starting at `j`; returns the index after them. */
  const readHunks = (file: ParsedFilePatch, start: number): number => {
    let j = start;
    while (j < lines.length && lines[j]!.startsWith('@@ -')) {
      const header = lines[j]!;
      const m = HUNK_HEADER.exec(header);
      if (!m) {
        err(j + 1, `malformed hunk header: ${header.slice(0, 80)}`);
        return j + 1;
      }
      const hunk: ParsedHunk = {
        line: j + 1,
        oldStart: Number(m[1]),
        oldLines: m[2] === undefined ? 1 : Number(m[2]),
        newStart: Number(m[3]),
        newLines: m[4] === undefined ? 1 : Number(m[4]),
        additions: 0,
        deletions: 0,
      };
      let oldLeft = hunk.oldLines;
      let newLeft = hunk.newLines;
      j++;
      while (oldLeft > 0 || newLeft > 0) {
        if (j >= lines.length) {
          err(
            hunk.line,
            `hunk at line ${hunk.line} ends before the ${hunk.oldLines}/${hunk.newLines} lines its header announces`,
          );
          break;
        }
        const line = lines[j]!;
        const c = line === '' || line === '\r' ? ' ' : line[0];
        if (c === ' ') {
          oldLeft--;
          newLeft--;
        } else if (c === '-') {
          oldLeft--;
          hunk.deletions++;
        } else if (c === '+') {
          newLeft--;
          hunk.additions++;
        } else if (c !== '\\') {
          err(
            j + 1,
            `corrupt hunk at line ${j + 1}: expected a context, "+" or "-" line, got ${JSON.stringify(line.slice(0, 60))}`,
          );
          break;
        }
        j++;
        if (oldLeft < 0 || newLeft < 0) {
          err(hunk.line, `hunk at line ${hunk.line} has more lines than its header announces`);
          break;
        }
      }
      while (j < lines.length && lines[j]!.startsWith('\\')) j++;
      file.hunks.push(hunk);
      file.additions += hunk.additions;
      file.deletions += hunk.deletions;
    }
    return j;
  };

  /** Binary payload or "Binary files … differ" right after the headers. */
  const readBinary = (file: ParsedFilePatch, start: number): number => {
    const line = stripCr(lines[start] ?? '');
    if (line === 'GIT binary patch') {
      file.binary = true;
      let j = start + 1;
      while (j < lines.length && !lines[j]!.startsWith('diff --git ')) j++;
      return j;
    }
    if (/^(Binary files |Files ).* differ$/.test(line)) {
      file.binary = true;
      return start + 1;
    }
    return start;
  };

  const hasMetadata = (f: ParsedFilePatch): boolean =>
    f.isNew ||
    f.isDeleted ||
    f.isRename ||
    f.isCopy ||
    (f.oldMode !== undefined && f.newMode !== undefined);

  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (line.startsWith('diff --git ')) {
      const file: ParsedFilePatch = {
        line: i + 1,
        git: true,
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
      const defName = gitHeaderName(line.slice('diff --git '.length));
      let dashOld: string | null | undefined;
      let dashNew: string | null | undefined;
      let fromName: string | undefined;
      let toName: string | undefined;
      let j = i + 1;
      for (; j < lines.length; j++) {
        const h = stripCr(lines[j]!);
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
          if ('error' in n) err(j + 1, n.error);
          else if (n.name === null) err(j + 1, `"${kind} ${side}" names /dev/null`);
          else if (side === 'from' || side === 'old') fromName = n.name;
          else toName = n.name;
          if (kind === 'rename') file.isRename = true;
          else file.isCopy = true;
        } else if (
          h.startsWith('similarity index ') ||
          h.startsWith('dissimilarity index ') ||
          h.startsWith('index ')
        ) {
          // informational
        } else if (h.startsWith('--- ')) {
          const n = readName(value('--- '), true);
          if ('error' in n) err(j + 1, n.error);
          else dashOld = n.name;
        } else if (h.startsWith('+++ ')) {
          const n = readName(value('+++ '), true);
          if ('error' in n) err(j + 1, n.error);
          else dashNew = n.name;
        } else break;
      }
      if (dashOld === null && !file.isNew)
        err(
          file.line,
          `"--- /dev/null" without "new file mode" in the section at line ${file.line}`,
        );
      if (dashNew === null && !file.isDeleted)
        err(
          file.line,
          `"+++ /dev/null" without "deleted file mode" in the section at line ${file.line}`,
        );
      if (fromName !== undefined && typeof dashOld === 'string' && dashOld !== fromName)
        err(file.line, `inconsistent old file name: "${fromName}" vs "${dashOld}"`);
      if (toName !== undefined && typeof dashNew === 'string' && dashNew !== toName)
        err(file.line, `inconsistent new file name: "${toName}" vs "${dashNew}"`);
      const oldName =
        fromName ?? (typeof dashOld === 'string' ? dashOld : undefined) ?? defName ?? undefined;
      const newName =
        toName ?? (typeof dashNew === 'string' ? dashNew : undefined) ?? defName ?? undefined;
      file.oldPath = file.isNew ? null : (oldName ?? null);
      file.newPath = file.isDeleted ? null : (newName ?? null);
      if (!file.isNew && file.oldPath === null)
        err(file.line, `cannot tell which file the section at line ${file.line} changes`);
      if (!file.isDeleted && file.newPath === null)
        err(file.line, `cannot tell which file the section at line ${file.line} changes`);
      if ((file.isRename || file.isCopy) && (fromName === undefined || toName === undefined))
        err(file.line, `rename/copy at line ${file.line} lacks its "from" or "to" line`);
      j = readHunks(file, j);
      if (file.hunks.length === 0) j = readBinary(file, j);
      if (file.hunks.length === 0 && !file.binary && !hasMetadata(file))
        err(file.line, `the section at line ${file.line} has no hunks and no metadata change`);
      files.push(file);
      i = Math.max(j, i + 1);
      continue;
    }
    if (isTraditionalStart(lines, i)) {
      const file: ParsedFilePatch = {
        line: i + 1,
        git: false,
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
      for (const [k, side] of [
        [i, 'old'],
        [i + 1, 'new'],
      ] as const) {
        const n = readName(lines[k]!.slice(4), true);
        if ('error' in n) err(k + 1, n.error);
        else if (n.name !== null && /\s/.test(n.name))
          err(
            k + 1,
            `file name "${n.name}" contains spaces; use a "diff --git" header so it is unambiguous`,
          );
        else if (side === 'old') file.oldPath = n.name;
        else file.newPath = n.name;
      }
      file.isNew = file.oldPath === null;
      file.isDeleted = file.newPath === null;
      const j = readHunks(file, i + 2);
      // git treats a bare hunk that empties the file as a deletion.
      const only = file.hunks.length === 1 ? file.hunks[0] : undefined;
      if (only && only.newLines === 0 && only.newStart === 0 && !file.isNew) file.isDeleted = true;
      if (file.isNew && file.isDeleted)
        err(file.line, `both sides of the section at line ${file.line} are /dev/null`);
      files.push(file);
      i = Math.max(j, i + 1);
      continue;
    }
    if (line.startsWith('@@ -')) err(i + 1, `hunk at line ${i + 1} has no file header before it`);
    i++;
  }
  return { files, errors };
}
