/**
 * Reads one UTF-8 file below the project root, refusing anything that resolves outside it.
 * The order matters: lexical check, then realpath of the target against the real root, and only
 * then open (the real path, without following a last-moment symlink), fstat, and a bounded read.
 */
import { constants as fsConstants } from 'node:fs';
import { lstat, open, readlink, realpath } from 'node:fs/promises';
import nodePath from 'node:path';
import { countLines, cutAtLineBoundary } from './caps.js';
import { checkRelativePath, isWithinRoot } from './safe-path.js';

export type SafeReadResult =
  | {
      kind: 'ok';
      rel: string;
      text: string;
      truncated: boolean;
      /** Size on disk. */
      totalBytes: number;
      shownChars: number;
      shownLines: number;
    }
  | {
      kind: 'refused';
      rel: string;
      reason: 'empty' | 'absolute' | 'escapes' | 'nul' | 'symlink' | 'git-dir';
    }
  | { kind: 'missing' | 'directory' | 'not-regular' | 'empty'; rel: string }
  | { kind: 'binary'; rel: string; reason: 'nul' | 'utf8' }
  | { kind: 'unreadable'; rel: string; reason: string };

const OPEN_FLAGS =
  fsConstants.O_RDONLY | (fsConstants.O_NOFOLLOW ?? 0) | (fsConstants.O_NONBLOCK ?? 0);

function errCode(e: unknown): string {
  return (
    (e as NodeJS.ErrnoException | undefined)?.code ?? (e instanceof Error ? e.message : String(e))
  );
}

const MISSING_CODES = new Set(['ENOENT', 'ENOTDIR']);

/** `.git` as a path segment, with the spellings case-insensitive or Windows file systems equate. */
function isGitSegment(segment: string): boolean {
  const s = segment.toLowerCase().replace(/[. ]+$/, '');
  return s === '.git' || s === 'git~1';
}

/** True when `relPath` (with `/` or the platform separator) has a `.git` segment. */
export function touchesGitDir(relPath: string): boolean {
  return relPath.split(/[\\/]/).some(isGitSegment);
}

/**
 * For a path that does not resolve: would it lie outside the root if it existed? Follows dangling
 * symlinks and checks the deepest existing ancestor, so "not found" never reveals whether
 * something exists outside the root.
 */
async function missingPathEscapes(rootReal: string, absPath: string): Promise<boolean> {
  let p = absPath;
  for (let hops = 0; hops < 64; hops++) {
    try {
      return !isWithinRoot(rootReal, await realpath(p));
    } catch {
      // does not resolve: a dangling symlink, or a missing entry
    }
    try {
      p = nodePath.resolve(nodePath.dirname(p), await readlink(p));
      continue;
    } catch {
      // not a symlink: look at the parent
    }
    const parent = nodePath.dirname(p);
    if (parent === p) return true;
    p = parent;
  }
  return true;
}

async function missingOrRefused(
  rootReal: string,
  abs: string,
  rel: string,
): Promise<SafeReadResult> {
  return (await missingPathEscapes(rootReal, abs))
    ? { kind: 'refused', rel, reason: 'symlink' }
    : { kind: 'missing', rel };
}

/**
 * @param rootReal the project root as returned by `realpath`
 * @param rawPath the path as the workflow declares it (relative to the root)
 * @param maxChars characters to keep; longer files are cut at a line boundary
 */
export async function readFileSafely(
  rootReal: string,
  rawPath: string,
  maxChars: number,
): Promise<SafeReadResult> {
  const check = checkRelativePath(rawPath);
  const shownRel = rawPath.trim();
  if (!check.ok) return { kind: 'refused', rel: shownRel, reason: check.reason };
  const rel = check.rel;
  // git's own files (config with the checkout's token, hooks) never go into a prompt.
  if (touchesGitDir(rel)) return { kind: 'refused', rel, reason: 'git-dir' };
  const joined = nodePath.join(rootReal, ...rel.split('/'));

  try {
    await lstat(joined);
  } catch (e) {
    const code = errCode(e);
    return MISSING_CODES.has(code)
      ? missingOrRefused(rootReal, joined, rel)
      : { kind: 'unreadable', rel, reason: code };
  }

  let real: string;
  try {
    real = await realpath(joined);
  } catch (e) {
    const code = errCode(e);
    // A dangling symlink: nothing to read (refused when it points outside the root).
    return MISSING_CODES.has(code)
      ? missingOrRefused(rootReal, joined, rel)
      : { kind: 'unreadable', rel, reason: code };
  }
  if (!isWithinRoot(rootReal, real)) return { kind: 'refused', rel, reason: 'symlink' };
  if (touchesGitDir(nodePath.relative(rootReal, real)))
    return { kind: 'refused', rel, reason: 'git-dir' };

  let handle;
  try {
    handle = await open(real, OPEN_FLAGS);
  } catch (e) {
    const code = errCode(e);
    if (code === 'EISDIR') return { kind: 'directory', rel };
    if (code === 'ELOOP') return { kind: 'refused', rel, reason: 'symlink' };
    if (code === 'ENXIO') return { kind: 'not-regular', rel };
    return MISSING_CODES.has(code)
      ? { kind: 'missing', rel }
      : { kind: 'unreadable', rel, reason: code };
  }
  try {
    const st = await handle.stat();
    if (st.isDirectory()) return { kind: 'directory', rel };
    if (!st.isFile()) return { kind: 'not-regular', rel };
    if (st.size === 0) return { kind: 'empty', rel };

    // A UTF-8 character is at most 4 bytes: this many bytes always hold more than maxChars.
    const limit = Math.min(st.size, maxChars * 4 + 4);
    const buf = Buffer.alloc(limit);
    let got = 0;
    while (got < limit) {
      const { bytesRead } = await handle.read(buf, got, limit - got, got);
      if (bytesRead === 0) break;
      got += bytesRead;
    }
    const bytes = buf.subarray(0, got);
    if (bytes.includes(0)) return { kind: 'binary', rel, reason: 'nul' };
    const whole = got >= st.size;
    let text: string;
    try {
      // `stream` tolerates a character split by the bounded read; the BOM is dropped.
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: !whole });
    } catch {
      return { kind: 'binary', rel, reason: 'utf8' };
    }
    if (text === '') return { kind: 'empty', rel };
    const cut = cutAtLineBoundary(text, maxChars);
    return {
      kind: 'ok',
      rel,
      text: cut.text,
      truncated: cut.truncated || !whole,
      totalBytes: st.size,
      shownChars: cut.text.length,
      shownLines: countLines(cut.text),
    };
  } catch (e) {
    return { kind: 'unreadable', rel, reason: errCode(e) };
  } finally {
    await handle.close().catch(() => undefined);
  }
}
