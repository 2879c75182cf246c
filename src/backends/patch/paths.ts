/**
 * Path hygiene shared by the proposal parser, the validator and the apply step: a touched path
 * must be a plain, normalised path relative to the repository root. (Git's quoting of file names in
 * diff headers is src/diff/git-path.ts.)
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
