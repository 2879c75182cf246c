/**
 * Appends an implement reply's learnings to the workflow's learnings file in the working tree,
 * so they are committed with the change they came with (never in a push of their own). The file
 * is written only inside the repository: no `..`, no symbolic link on the way, and a file the
 * appender cannot read as text (binary, far over the cap) is left alone.
 */
import { lstat, mkdir, realpath, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { readFileSafely } from '../context/read-safe-file.js';
import { checkRelativePath, isWithinRoot } from '../context/safe-path.js';
import { extractLearnings, MAX_LEARNINGS_FILE_CHARS, mergeLearnings } from '../engine/learnings.js';

export type AppendResult =
  | { kind: 'none' }
  | { kind: 'added'; added: number; dropped: number }
  | { kind: 'skipped'; reason: string };

export async function appendLearnings(
  root: string,
  path: string,
  output: string,
): Promise<AppendResult> {
  const fresh = extractLearnings(output);
  if (fresh.length === 0) return { kind: 'none' };
  const check = checkRelativePath(path);
  if (!check.ok) return { kind: 'skipped', reason: `${path} is not a path inside the repository` };
  const rootReal = await realpath(root);
  // Read with room to spare: a file far over the cap was not written by us; leave it alone.
  const current = await readFileSafely(rootReal, check.rel, MAX_LEARNINGS_FILE_CHARS * 4);
  let existing: string | undefined;
  if (current.kind === 'ok' && !current.truncated) existing = current.text;
  else if (current.kind !== 'missing' && current.kind !== 'empty')
    return { kind: 'skipped', reason: `${check.rel} cannot be updated (${current.kind})` };
  const merged = mergeLearnings(existing, fresh);
  if (merged.added.length === 0) return { kind: 'none' };

  const target = join(rootReal, ...check.rel.split('/'));
  await mkdir(dirname(target), { recursive: true });
  if (!isWithinRoot(rootReal, await realpath(dirname(target))))
    return { kind: 'skipped', reason: `${check.rel} is behind a link that leaves the repository` };
  const link = await lstat(target).then(
    (s) => s.isSymbolicLink(),
    () => false,
  );
  if (link) return { kind: 'skipped', reason: `${check.rel} is a symbolic link` };
  await writeFile(target, merged.text);
  return { kind: 'added', added: merged.added.length, dropped: merged.dropped };
}
