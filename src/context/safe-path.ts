/**
 * Path-safety rules for `file:` and `glob:` sources, as pure functions: what a declared path
 * may look like, and whether a resolved real path stays inside the real project root. The I/O
 * that gathers real paths lives in read-safe-file.ts.
 */
import nodePath from 'node:path';

export type PathRefusal = 'empty' | 'absolute' | 'escapes' | 'nul';

export type PathCheck = { ok: true; rel: string } | { ok: false; reason: PathRefusal };

/**
 * Checks a declared path before anything touches the disk. Backslashes count as separators (so
 * `..\x` is caught everywhere). Refuses absolute paths (`/x`, `C:\x`, `\\server\x`) and paths
 * whose `..` segments climb above the root; `a/../b` is fine. Returns the normalised relative
 * path (`./a//b` → `a/b`; the root itself → `.`).
 */
export function checkRelativePath(raw: string): PathCheck {
  const trimmed = raw.trim();
  if (trimmed === '') return { ok: false, reason: 'empty' };
  if (trimmed.includes('\0')) return { ok: false, reason: 'nul' };
  const slashed = trimmed.replace(/\\/g, '/');
  if (slashed.startsWith('/') || /^[A-Za-z]:/.test(slashed))
    return { ok: false, reason: 'absolute' };
  const normal = nodePath.posix.normalize(slashed).replace(/\/+$/, '');
  if (normal === '..' || normal.startsWith('../')) return { ok: false, reason: 'escapes' };
  return { ok: true, rel: normal === '' ? '.' : normal };
}

/** A glob pattern must not be absolute or contain a `..` segment (it would never match anyway). */
export function checkGlobPattern(
  raw: string,
): { ok: true; pattern: string } | { ok: false; reason: PathRefusal } {
  const trimmed = raw.trim();
  if (trimmed === '') return { ok: false, reason: 'empty' };
  if (trimmed.includes('\0')) return { ok: false, reason: 'nul' };
  if (trimmed.startsWith('/') || /^[A-Za-z]:[\\/]/.test(trimmed))
    return { ok: false, reason: 'absolute' };
  if (trimmed.split('/').includes('..')) return { ok: false, reason: 'escapes' };
  return { ok: true, pattern: trimmed.replace(/^(?:\.\/)+/, '') };
}

/**
 * True when `targetReal` is `rootReal` or below it. Both must be real (symlink-free, absolute)
 * paths; `pathApi` is injectable so Windows rules can be tested anywhere.
 */
export function isWithinRoot(
  rootReal: string,
  targetReal: string,
  pathApi: Pick<typeof nodePath, 'relative' | 'isAbsolute' | 'sep'> = nodePath,
): boolean {
  const rel = pathApi.relative(rootReal, targetReal);
  if (rel === '') return true;
  if (pathApi.isAbsolute(rel)) return false; // another drive on Windows
  return rel !== '..' && !rel.startsWith(`..${pathApi.sep}`);
}
