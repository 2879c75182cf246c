/**
 * Path hygiene shared by the proposal parser, the validator and the apply step: a touched path
 * must be a plain, normalised path relative to the repository root. Also the C-style quoting git
 * uses for unusual file names in diff headers.
 */

export interface PathProblem {
  rule: 'path' | 'git-dir';
  message: string;
}

/** Control characters (C0, DEL, C1) never belong in a file name we write. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/** Null when `path` is a clean relative path; otherwise why it is refused. */
export function checkPathShape(path: string): PathProblem | null {
  const shown = JSON.stringify(path);
  if (path === '') return { rule: 'path', message: 'empty path' };
  if (CONTROL.test(path)) return { rule: 'path', message: `${shown} contains control characters` };
  if (path.includes('\\')) return { rule: 'path', message: `${shown} contains a backslash` };
  if (path.startsWith('/')) return { rule: 'path', message: `${shown} is absolute` };
  if (/^[A-Za-z]:/.test(path))
    return { rule: 'path', message: `${shown} is absolute (drive letter)` };
  const parts = path.split('/');
  if (parts.includes('..'))
    return { rule: 'path', message: `${shown} escapes the repository ("..")` };
  if (parts.includes('.') || parts.includes(''))
    return {
      rule: 'path',
      message: `${shown} is not normalised (empty, "." or trailing "/" component)`,
    };
  for (const part of parts) {
    // `.git`, and the spellings case-insensitive or Windows file systems treat as `.git`.
    if (part.toLowerCase().replace(/[. ]+$/, '') === '.git' || part.toLowerCase() === 'git~1')
      return { rule: 'git-dir', message: `${shown} is inside a .git directory` };
  }
  return null;
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

/**
 * Decodes a git C-quoted name (`"a/sp\303\251cial\tname"`), or returns null when `text` is not
 * a well-formed quoted string. `rest` is what follows the closing quote.
 */
export function unquoteC(text: string): { value: string; rest: string } | null {
  if (!text.startsWith('"')) return null;
  const bytes: number[] = [];
  let i = 1;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '"') {
      return { value: Buffer.from(bytes).toString('utf8'), rest: text.slice(i + 1) };
    }
    if (ch === '\\') {
      const next = text[i + 1];
      if (next === undefined) return null;
      if (/[0-7]/.test(next)) {
        const oct = /^[0-7]{1,3}/.exec(text.slice(i + 1))![0];
        bytes.push(parseInt(oct, 8) & 0xff);
        i += 1 + oct.length;
        continue;
      }
      const code = C_ESCAPES[next];
      if (code === undefined) return null;
      bytes.push(code);
      i += 2;
      continue;
    }
    for (const b of Buffer.from(ch, 'utf8')) bytes.push(b);
    i += 1;
  }
  return null;
}

/** Quotes a name for a diff header the way git does when it must (quotes, backslashes, control characters). */
export function quoteC(name: string): string {
  if (!/["\\]/.test(name) && !CONTROL.test(name)) return name;
  let out = '"';
  for (const ch of name) {
    const code = ch.codePointAt(0)!;
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (code === 9) out += '\\t';
    else if (code === 10) out += '\\n';
    else if (code < 0x20 || code === 0x7f) out += `\\${code.toString(8).padStart(3, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}
