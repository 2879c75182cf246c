/**
 * Forgiving clean-up of a model-written diff before it is validated, so small slips do not sink a
 * good change while nothing about *what* it touches is guessed:
 * - bare `---`/`+++` sections get a `diff --git` header (and `a/`/`b/` prefixes when both names
 *   lack them), with `new file mode`/`deleted file mode` for `/dev/null` sides;
 * - `diff --git` sections with a `/dev/null` side get the missing `new file mode`/`deleted file mode`;
 * - hunk headers are recounted from their bodies (models miscount), dropping blank lines that only
 *   separate a hunk from what follows;
 * - prose between sections is dropped; the result ends with a newline.
 * Whatever comes out is still checked by the strict parser and by `git apply` itself.
 */
import { headerName, quoteC } from '../../diff/git-path.js';
import { bodyLineKind, HUNK_HEADER } from '../../diff/hunk.js';
import { splitLines } from './diff-parse.js';

const GIT_HEADER_PREFIXES = [
  'old mode ',
  'new mode ',
  'deleted file mode ',
  'new file mode ',
  'rename from ',
  'rename to ',
  'rename old ',
  'rename new ',
  'copy from ',
  'copy to ',
  'similarity index ',
  'dissimilarity index ',
  'index ',
  '--- ',
  '+++ ',
];

function isSectionStart(lines: readonly string[], i: number): boolean {
  const line = lines[i] ?? '';
  if (line.startsWith('diff --git ')) return true;
  return (
    line.startsWith('--- ') &&
    (lines[i + 1] ?? '').startsWith('+++ ') &&
    (lines[i + 2] ?? '').startsWith('@@')
  );
}

/** A bare header name without its timestamp; null for /dev/null (a malformed quote stays as written). */
function bareName(text: string): string | null {
  const name = headerName(text);
  return name === undefined ? text : name;
}

/** Copies hunks starting at `i` into `out`, recounting their headers; returns the next index. */
function copyHunks(
  lines: readonly string[],
  start: number,
  out: string[],
  newFile: boolean,
): number {
  let i = start;
  while (i < lines.length && lines[i]!.startsWith('@@')) {
    const header = lines[i]!;
    const m = HUNK_HEADER.exec(header);
    let j = i + 1;
    const body: string[] = [];
    while (
      j < lines.length &&
      bodyLineKind(lines[j]!) !== undefined &&
      !isSectionStart(lines, j) &&
      !lines[j]!.startsWith('@@')
    ) {
      body.push(lines[j]!);
      j++;
    }
    if (!(j < lines.length && lines[j]!.startsWith('@@'))) {
      while (body.length > 0 && (body[body.length - 1] === '' || body[body.length - 1] === '\r'))
        body.pop();
    }
    if (!m) {
      // Leave it for the strict parser to report precisely.
      out.push(header, ...body);
      i = j;
      continue;
    }
    let oldCount = 0;
    let newCount = 0;
    for (const line of body) {
      const c = bodyLineKind(line);
      if (c === ' ') {
        oldCount++;
        newCount++;
      } else if (c === '-') oldCount++;
      else if (c === '+') newCount++;
    }
    const tail = header.slice(m[0].length);
    // A created file's only hunk starts at 0 on the old side and 1 on the new side.
    const oldStart = newFile ? '0' : m[1];
    const newStart = newFile && newCount > 0 ? '1' : m[3];
    out.push(`@@ -${oldStart},${oldCount} +${newStart},${newCount} @@${tail}`, ...body);
    i = j;
  }
  return i;
}

export function normalizeDiff(text: string): string {
  const lines = splitLines(text.replace(/\r\n/g, '\n'));
  const out: string[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (line.startsWith('diff --git ')) {
      const header: string[] = [];
      let j = i + 1;
      while (j < lines.length && GIT_HEADER_PREFIXES.some((p) => lines[j]!.startsWith(p))) {
        header.push(lines[j]!);
        j++;
      }
      const has = (prefix: string): boolean => header.some((h) => h.startsWith(prefix));
      const dashOld = header.find((h) => h.startsWith('--- '));
      const dashNew = header.find((h) => h.startsWith('+++ '));
      out.push(line);
      if (dashOld !== undefined && bareName(dashOld.slice(4)) === null && !has('new file mode '))
        out.push('new file mode 100644');
      if (
        dashNew !== undefined &&
        bareName(dashNew.slice(4)) === null &&
        !has('deleted file mode ')
      )
        out.push('deleted file mode 100644');
      out.push(...header);
      if ((lines[j] ?? '') === 'GIT binary patch') {
        while (j < lines.length && !lines[j]!.startsWith('diff --git ')) out.push(lines[j++]!);
        // Each binary block ends with an empty line; a fence often swallows the last one.
        if (out[out.length - 1] !== '') out.push('');
      } else if (/^(Binary files |Files ).* differ$/.test(lines[j] ?? '')) {
        out.push(lines[j++]!);
      } else {
        const created =
          has('new file mode ') || (dashOld !== undefined && bareName(dashOld.slice(4)) === null);
        j = copyHunks(lines, j, out, created);
      }
      i = Math.max(j, i + 1);
      continue;
    }
    if (isSectionStart(lines, i)) {
      let oldName = bareName(line.slice(4));
      let newName = bareName(lines[i + 1]!.slice(4));
      const hasOldPrefix = oldName === null || oldName.startsWith('a/');
      const hasNewPrefix = newName === null || newName.startsWith('b/');
      const lacksOld = oldName === null || !oldName.startsWith('a/');
      const lacksNew = newName === null || !newName.startsWith('b/');
      if (!(hasOldPrefix && hasNewPrefix) && lacksOld && lacksNew) {
        if (oldName !== null) oldName = `a/${oldName}`;
        if (newName !== null) newName = `b/${newName}`;
      }
      const strip = (n: string): string => n.slice(n.indexOf('/') + 1);
      const basis = newName ?? oldName;
      if (basis !== null) {
        const left = oldName ?? `a/${strip(basis)}`;
        const right = newName ?? `b/${strip(basis)}`;
        out.push(`diff --git ${quoteC(left)} ${quoteC(right)}`);
        if (oldName === null) out.push('new file mode 100644');
        if (newName === null) out.push('deleted file mode 100644');
      }
      out.push(`--- ${oldName === null ? '/dev/null' : quoteC(oldName)}`);
      out.push(`+++ ${newName === null ? '/dev/null' : quoteC(newName)}`);
      const j = copyHunks(lines, i + 2, out, oldName === null);
      i = Math.max(j, i + 1);
      continue;
    }
    if (line.startsWith('@@')) {
      const j = copyHunks(lines, i, out, false);
      i = Math.max(j, i + 1);
      continue;
    }
    i++; // prose between sections: git ignores it, and so do we
  }
  return out.length === 0 ? '' : `${out.join('\n')}\n`;
}
