/**
 * Takes the checkout's persisted credentials out of reach for the length of an untrusted run, and
 * puts them back after. actions/checkout persists the token as
 * `http.https://github.com/.extraheader` in `.git/config`, and newer versions in a separate file
 * pulled in by `includeIf.gitdir:….path` (under RUNNER_TEMP); a remote URL may carry userinfo,
 * and `url.<base>.insteadOf` may too. All of these are removed from the config files, included
 * credential files are read into memory and deleted, and `restore()` writes the original bytes
 * back — whatever the run did to them meanwhile.
 */
import { createHash } from 'node:crypto';
import { chmod, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { runGit, type RunGitOptions, type RunGitResult } from '../git/run-git.js';

export type GitCommand = (
  cwd: string,
  args: readonly string[],
  opts?: RunGitOptions,
) => Promise<RunGitResult>;

export interface HiddenCredentials {
  /** Config keys removed or rewritten (names only, never values). */
  removedKeys: string[];
  /** Included files that held credentials, now deleted until `restore()`. */
  hiddenFiles: string[];
  /** The config files as they are during the run (for the integrity check). */
  configFiles: string[];
  /** Puts every file back byte for byte. Safe to call twice. */
  restore(): Promise<void>;
}

const CREDENTIAL_TEXT =
  /extraheader|authorization|credential|insteadof|x-access-token|:\/\/[^/\s@]+@/i;

/** `.git/config` and, when there is one, the worktree's `config.worktree`. */
export async function gitConfigFiles(root: string, git: GitCommand = runGit): Promise<string[]> {
  const out = await git(root, ['rev-parse', '--absolute-git-dir', '--git-common-dir']);
  const [gitDir, common] = out.stdout.split('\n').map((l) => l.trim());
  const commonDir = isAbsolute(common!) ? common! : resolve(root, common!);
  const files = [join(commonDir, 'config')];
  const worktreeConfig = join(gitDir!, 'config.worktree');
  if (await exists(worktreeConfig)) files.push(worktreeConfig);
  return files;
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

interface Entry {
  key: string;
  value: string;
}

async function listEntries(git: GitCommand, root: string, file: string): Promise<Entry[]> {
  const out = await git(root, ['config', '--file', file, '--null', '--list'], { okCodes: [1] });
  return out.stdout
    .split('\0')
    .filter((e) => e !== '')
    .map((e) => {
      const nl = e.indexOf('\n');
      return nl === -1 ? { key: e, value: '' } : { key: e.slice(0, nl), value: e.slice(nl + 1) };
    });
}

function withoutUserinfo(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/@\s]*@/i, '$1');
}

export async function hideGitCredentials(
  root: string,
  git: GitCommand = runGit,
): Promise<HiddenCredentials> {
  const configFiles = await gitConfigFiles(root, git);
  const saved = new Map<string, { bytes: Buffer; mode: number }>();
  const save = async (path: string): Promise<void> => {
    if (saved.has(path)) return;
    const [bytes, info] = await Promise.all([readFile(path), stat(path)]);
    saved.set(path, { bytes, mode: info.mode & 0o7777 });
  };
  const removedKeys: string[] = [];
  const hiddenFiles: string[] = [];
  try {
    for (const file of configFiles) {
      await save(file);
      for (const { key, value } of await listEntries(git, root, file)) {
        const lower = key.toLowerCase();
        if (/^include(if\..*)?\.path$/.test(lower)) {
          const target = isAbsolute(value) ? value : resolve(dirname(file), value);
          const text = await readFile(target, 'utf8').catch(() => undefined);
          if (text !== undefined && CREDENTIAL_TEXT.test(text)) {
            await save(target);
            await rm(target, { force: true });
            hiddenFiles.push(target);
            await unset(git, root, file, key, removedKeys);
          }
        } else if (
          /^http\..*extraheader$/.test(lower) ||
          /^credential\./.test(lower) ||
          (/^url\..*\.(insteadof|pushinsteadof)$/.test(lower) && /@/.test(key))
        ) {
          await unset(git, root, file, key, removedKeys);
        } else if (/^remote\..*\.(url|pushurl)$/.test(lower) && withoutUserinfo(value) !== value) {
          await git(root, [
            'config',
            '--file',
            file,
            '--replace-all',
            key,
            withoutUserinfo(value),
            `^${escapeRegex(value)}$`,
          ]);
          removedKeys.push(key);
        }
      }
    }
  } catch (error) {
    await restoreAll(saved);
    throw error;
  }
  let restored = false;
  return {
    removedKeys,
    hiddenFiles,
    configFiles,
    async restore() {
      if (restored) return;
      restored = true;
      await restoreAll(saved);
    },
  };
}

async function unset(
  git: GitCommand,
  root: string,
  file: string,
  key: string,
  removed: string[],
): Promise<void> {
  if (removed.includes(key)) return;
  await git(root, ['config', '--file', file, '--unset-all', key], { okCodes: [5] });
  removed.push(key);
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

async function restoreAll(saved: Map<string, { bytes: Buffer; mode: number }>): Promise<void> {
  for (const [path, { bytes, mode }] of saved) {
    await mkdir(dirname(path), { recursive: true });
    await rm(path, { force: true, recursive: true });
    await writeFile(path, bytes, { mode });
    await chmod(path, mode);
  }
}

/** sha256 of a file's bytes, or `missing`. */
export async function fileDigest(path: string): Promise<string> {
  const bytes = await readFile(path).catch(() => undefined);
  return bytes === undefined ? 'missing' : createHash('sha256').update(bytes).digest('hex');
}
