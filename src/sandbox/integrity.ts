/**
 * After an untrusted run: did it change what it must not? `.git/config` (hooksPath, aliases,
 * filters, credentials), `.git/hooks`, and refs on the remote — only the refs aethr itself pushes
 * may move, and aethr pushes after the run, so any other difference is the run's doing. Any
 * change is a `SandboxIntegrityError`, which a door reports as a failed run.
 */
import { lstat, readdir, readFile, readlink } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { join, resolve } from 'node:path';
import { AethrError } from '../errors.js';
import { runGit } from '../git/run-git.js';
import { parseRemoteRefs } from '../git/safe-git.js';
import { fileDigest, gitConfigFiles, type GitCommand } from './git-credentials.js';

export interface IntegritySnapshot {
  /** Config file path -> sha256. */
  config: Record<string, string>;
  /** Path under .git/hooks -> sha256 plus mode (or `link:<target>`). */
  hooks: Record<string, string>;
  /** Remote ref -> sha, when a remote snapshot was taken. */
  remoteRefs?: Record<string, string>;
}

export interface SnapshotOptions {
  git?: GitCommand;
  /** Lists the remote's refs (`lsRemoteRefs`); without it the remote is not compared. */
  listRemote?: () => Promise<Record<string, string>>;
}

export class SandboxIntegrityError extends AethrError {
  override name = 'SandboxIntegrityError';
  readonly problems: string[];
  constructor(problems: string[]) {
    super(
      `The sandboxed run changed what it must not: ${problems.join('; ')}. Nothing more was done with its result.`,
      {
        hint: 'Treat the pull request as hostile: inspect the listed changes (and the remote) before running aethr on it again.',
      },
    );
    this.problems = problems;
  }
}

export async function snapshotIntegrity(
  root: string,
  options: SnapshotOptions = {},
): Promise<IntegritySnapshot> {
  const git = options.git ?? runGit;
  const files = await gitConfigFiles(root, git);
  const config: Record<string, string> = {};
  for (const f of files) config[f] = await fileDigest(f);
  const gitDir = (await git(root, ['rev-parse', '--git-common-dir'])).stdout.trim();
  const hooks = await digestTree(resolve(root, gitDir, 'hooks'));
  const snapshot: IntegritySnapshot = { config, hooks };
  if (options.listRemote) snapshot.remoteRefs = await options.listRemote();
  return snapshot;
}

async function digestTree(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const walk = async (rel: string): Promise<void> => {
    const abs = join(dir, rel);
    const info = await lstat(abs).catch(() => undefined);
    if (!info) return;
    if (info.isSymbolicLink()) out[rel || '.'] = `link:${await readlink(abs)}`;
    else if (info.isDirectory()) {
      if (rel !== '') out[rel] = 'dir';
      for (const name of (await readdir(abs)).sort()) await walk(rel ? join(rel, name) : name);
    } else {
      const hash = createHash('sha256')
        .update(await readFile(abs))
        .digest('hex');
      out[rel] = `${(info.mode & 0o777).toString(8)}:${hash}`;
    }
  };
  await walk('');
  return out;
}

/** What differs between two snapshots, in words; refs in `ownRefs` may move. */
export function compareIntegrity(
  before: IntegritySnapshot,
  after: IntegritySnapshot,
  ownRefs: readonly string[] = [],
): string[] {
  const problems: string[] = [];
  for (const file of new Set([...Object.keys(before.config), ...Object.keys(after.config)]))
    if (before.config[file] !== after.config[file]) problems.push(`${file} was changed`);
  const hookNames = new Set([...Object.keys(before.hooks), ...Object.keys(after.hooks)]);
  for (const name of [...hookNames].sort()) {
    const was = before.hooks[name];
    const now = after.hooks[name];
    if (was === now) continue;
    problems.push(
      was === undefined
        ? `hook ${name} was added`
        : now === undefined
          ? `hook ${name} was removed`
          : `hook ${name} was changed`,
    );
  }
  if (before.remoteRefs && after.remoteRefs) {
    const own = new Set(ownRefs);
    const refs = new Set([...Object.keys(before.remoteRefs), ...Object.keys(after.remoteRefs)]);
    for (const ref of [...refs].sort()) {
      // `HEAD` is a symbolic ref: it moves with its branch, which is reported under its own name.
      if (own.has(ref) || ref === 'HEAD') continue;
      const was = before.remoteRefs[ref];
      const now = after.remoteRefs[ref];
      if (was === now) continue;
      problems.push(
        was === undefined
          ? `remote ref ${ref} was created`
          : now === undefined
            ? `remote ref ${ref} was deleted`
            : `remote ref ${ref} moved from ${was.slice(0, 12)} to ${now.slice(0, 12)}`,
      );
    }
  }
  return problems;
}

/** Takes a fresh snapshot and throws `SandboxIntegrityError` when anything differs. */
export async function verifyIntegrity(
  root: string,
  before: IntegritySnapshot,
  options: SnapshotOptions & { ownRefs?: readonly string[] } = {},
): Promise<void> {
  const after = await snapshotIntegrity(root, {
    ...options,
    ...(before.remoteRefs ? {} : { listRemote: undefined }),
  });
  const problems = compareIntegrity(before, after, options.ownRefs);
  if (problems.length > 0) throw new SandboxIntegrityError(problems);
}

/**
 * `git ls-remote <remote>` as ref -> sha, run by aethr with its own credentials (`env`, from
 * `gitAuthEnv`).
 */
export async function lsRemoteRefs(
  root: string,
  remote: string,
  env: Record<string, string> = {},
  git: GitCommand = runGit,
): Promise<Record<string, string>> {
  const out = await git(root, ['ls-remote', '--', remote], { env, timeoutMs: 60_000 });
  return parseRemoteRefs(out.stdout);
}
