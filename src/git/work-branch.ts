/**
 * A checked-out work branch: one commit per implement iteration (everything the step changed,
 * never files that were untracked before), pushed only while the remote branch is still where
 * the run expects it — never forced — and discarded cleanly on failure.
 */
import type { GitIdentity, PrWorkspace, PushResult } from './branch-types.js';
import { NULL_SHA, short } from './branch-types.js';
import { renderCommitMessage } from './commit-message.js';
import type { CommitMessage } from './commit-message.js';
import { classifyPushFailure, pushFailureSummary } from './push-outcome.js';
import { GitError } from './run-git.js';
import { Git, splitZ } from './safe-git.js';
import { parseStatusZ } from './tree-changes.js';
import { BotCommitCapReached, HeadMoved, PrWorkspaceError } from './workspace-errors.js';

/** Commits looked at when counting bot commits without a merge base. */
const COUNT_WITHOUT_BASE_LIMIT = 1000;

export interface WorkspaceInit {
  git: Git;
  root: string;
  branch: string;
  startSha: string;
  /** What the remote branch must be at for the first push (default `startSha`; NULL_SHA: absent). */
  expectedRemote?: string;
  headRef: string;
  baseRef: string | undefined;
  mergeBase: string | undefined;
  /** The local ref holding the base branch's tip as fetched. */
  baseTipRef: string | undefined;
  pushTarget: string;
  identity: GitIdentity;
  maxBotCommits: number;
  preexisting: Set<string>;
  preexistingDirs: Set<string>;
}

export class WorkBranch implements PrWorkspace {
  readonly root: string;
  readonly branch: string;
  readonly startSha: string;
  readonly headRef: string;
  readonly baseRef: string | undefined;
  readonly mergeBase: string | undefined;
  readonly identity: Readonly<GitIdentity>;
  readonly maxBotCommits: number;
  private head: string;
  private readonly git: Git;
  private readonly pushTarget: string;
  private readonly baseTipRef: string | undefined;
  private readonly preexisting: Set<string>;
  private readonly preexistingDirs: Set<string>;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(init: WorkspaceInit) {
    this.git = init.git;
    this.root = init.root;
    this.branch = init.branch;
    this.startSha = init.startSha;
    this.head = init.expectedRemote ?? init.startSha;
    this.headRef = init.headRef;
    this.baseRef = init.baseRef;
    this.mergeBase = init.mergeBase;
    this.pushTarget = init.pushTarget;
    this.baseTipRef = init.baseTipRef;
    this.identity = Object.freeze({ ...init.identity });
    this.maxBotCommits = init.maxBotCommits;
    this.preexisting = init.preexisting;
    this.preexistingDirs = init.preexistingDirs;
  }

  get expectedHead(): string {
    return this.head;
  }

  /** One git operation at a time (they share the index). */
  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.queue.then(fn, fn);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private identityEnv(): Record<string, string> {
    return {
      GIT_AUTHOR_NAME: this.identity.name,
      GIT_AUTHOR_EMAIL: this.identity.email,
      GIT_COMMITTER_NAME: this.identity.name,
      GIT_COMMITTER_EMAIL: this.identity.email,
    };
  }

  botCommitCount(): Promise<number> {
    return this.serial(() => this.countBotCommits());
  }

  /** `git log` of this branch's own commits (since the merge base, or the last 1000). */
  private logSinceBase(format: string): Promise<{ stdout: string }> {
    const range =
      this.mergeBase === undefined
        ? ['HEAD', `--max-count=${COUNT_WITHOUT_BASE_LIMIT}`]
        : [`${this.mergeBase}..HEAD`];
    return this.git.run(['log', '--no-color', `--format=${format}`, ...range, '--']);
  }

  private async countBotCommits(): Promise<number> {
    const res = await this.logSinceBase('%ae');
    const email = this.identity.email.toLowerCase();
    return res.stdout.split('\n').filter((line) => line.trim().toLowerCase() === email).length;
  }

  assertCanCommit(): Promise<void> {
    return this.serial(() => this.checkCap());
  }

  private async checkCap(): Promise<void> {
    const count = await this.countBotCommits();
    if (count >= this.maxBotCommits)
      throw new BotCommitCapReached(count, this.maxBotCommits, this.identity.email);
  }

  commit(
    message: CommitMessage,
    options: { provisional?: boolean } = {},
  ): Promise<string | undefined> {
    return this.serial(async () => {
      const status = await this.git.run([
        'status',
        '--porcelain=v1',
        '-z',
        '--untracked-files=all',
      ]);
      const changed = parseStatusZ(status.stdout).filter(
        (entry) => !(entry.xy === '??' && this.preexisting.has(entry.path)),
      );
      if (changed.length === 0) return undefined;

      if (!options.provisional) await this.checkCap();
      await this.git.run(['add', '--all']);
      // Files that were untracked before we started are not ours to commit.
      const added = splitZ(
        (
          await this.git.run([
            'diff',
            '--cached',
            '--name-only',
            '-z',
            '--no-renames',
            '--diff-filter=A',
          ])
        ).stdout,
      );
      const notOurs = added.filter((p) => this.preexisting.has(p));
      if (notOurs.length > 0) await this.unstage(notOurs);

      // A nested repository would be committed as a dangling gitlink: refuse it.
      const raw = splitZ(
        (await this.git.run(['diff', '--cached', '--raw', '-z', '--no-renames', '--no-abbrev']))
          .stdout,
      );
      const gitlinks: string[] = [];
      for (let i = 0; i + 1 < raw.length; i += 2) {
        const meta = raw[i] ?? '';
        const path = raw[i + 1] ?? '';
        if (/^:\d{6} 160000 /.test(meta) && !/^:160000 /.test(meta)) gitlinks.push(path);
      }
      if (gitlinks.length > 0) {
        await this.unstage(gitlinks);
        throw new PrWorkspaceError(
          `Refusing to commit nested git repositories: ${gitlinks.slice(0, 5).join(', ')}`,
          {
            hint: 'An implement step created a repository inside the working tree; its changes were not committed.',
          },
        );
      }

      return this.commitStaged(message);
    });
  }

  /** Commits the index, or returns undefined when it holds no change. */
  private async commitStaged(message: CommitMessage): Promise<string | undefined> {
    const staged = await this.git.run(['diff', '--cached', '--quiet', '--no-ext-diff'], {
      okCodes: [1],
    });
    if (staged.code === 0) return undefined;
    await this.git.run(
      ['commit', '--quiet', '--no-verify', '--no-edit', '--cleanup=whitespace', '--file=-'],
      {
        input: renderCommitMessage(message),
        env: this.identityEnv(),
      },
    );
    const sha = await this.git.revParse('HEAD');
    if (sha === undefined)
      throw new PrWorkspaceError('git commit succeeded but HEAD cannot be read');
    return sha;
  }

  squash(since: string, message: CommitMessage): Promise<string | undefined> {
    return this.serial(async () => {
      const head = await this.git.revParse('HEAD');
      if (head === since) return undefined;
      // The commits to fold must all be ours and local: `since` is an ancestor of HEAD.
      const ancestor = await this.git.run(['merge-base', '--is-ancestor', since, 'HEAD'], {
        okCodes: [1],
      });
      if (ancestor.code !== 0)
        throw new PrWorkspaceError(`Cannot squash: ${short(since)} is not an ancestor of HEAD.`);
      await this.git.run(['reset', '--quiet', '--soft', since]);
      await this.checkCap();
      return this.commitStaged(message);
    });
  }

  async localHead(): Promise<string> {
    const head = await this.serial(() => this.git.revParse('HEAD'));
    return head ?? Promise.reject(new PrWorkspaceError('HEAD cannot be read'));
  }

  log(): Promise<Array<{ sha: string; subject: string }>> {
    return this.serial(async () =>
      (await this.logSinceBase('%H%x1f%s')).stdout
        .split('\n')
        .filter((line) => line.includes('\x1f'))
        .map((line) => ({
          sha: line.slice(0, line.indexOf('\x1f')),
          subject: line.slice(line.indexOf('\x1f') + 1),
        })),
    );
  }

  private async unstage(paths: string[]): Promise<void> {
    await this.git.run(['reset', '--quiet', '--pathspec-from-file=-', '--pathspec-file-nul'], {
      input: `${paths.join('\0')}\0`,
      env: { GIT_LITERAL_PATHSPECS: '1' },
    });
  }

  push(): Promise<PushResult> {
    return this.serial(async () => {
      const head = await this.git.revParse('HEAD');
      if (head === undefined)
        return { ok: false, reason: 'rejected', message: 'HEAD cannot be read' } as const;
      const where = `${this.git.redact(this.pushTarget)} ${this.headRef}`;

      let remoteSha: string;
      try {
        remoteSha = (await this.git.lsRemoteBranch(this.pushTarget, this.headRef)) ?? NULL_SHA;
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        const reason = classifyPushFailure(message) === 'forbidden' ? 'forbidden' : 'rejected';
        return { ok: false, reason, message } as const;
      }
      if (remoteSha !== this.head) return this.moved(remoteSha);
      if (head === this.head) return { ok: true, sha: head } as const;

      const res = await this.git
        .remote(
          [
            'push',
            '--porcelain',
            '--no-verify',
            '--recurse-submodules=no',
            this.pushTarget,
            `HEAD:refs/heads/${this.headRef}`,
          ],
          {
            okCodes: [1, 128],
          },
        )
        .catch((error: unknown) => ({
          stdout: '',
          stderr: error instanceof GitError ? `${error.stderr}\n${error.message}` : String(error),
          code: -1,
        }));
      if (res.code === 0) {
        this.head = head;
        return { ok: true, sha: head } as const;
      }
      const output = `${res.stdout}\n${res.stderr}`;
      const kind = classifyPushFailure(output);
      if (kind !== 'forbidden') {
        // A push racing another one fails either client-side (non-fast-forward) or, when the
        // other push lands while ours is received, as "failed to update ref" / "cannot lock
        // ref": ask the remote where the branch is now.
        const now = await this.git.lsRemoteBranch(this.pushTarget, this.headRef).then(
          (sha) => sha ?? NULL_SHA,
          () => undefined,
        );
        if (now === head) {
          // It landed after all (git complained about something after the update).
          this.head = head;
          return { ok: true, sha: head } as const;
        }
        if (kind === 'head-moved' || (now !== undefined && now !== this.head))
          return this.moved(now);
      }
      const detail =
        this.git.redact(pushFailureSummary(output)) || `git push exited with ${res.code}`;
      return {
        ok: false,
        reason: kind,
        message: `${kind === 'forbidden' ? 'Not allowed to push to' : 'The remote rejected the push to'} ${where}: ${detail}`,
      } as const;
    });
  }

  /** `remoteSha` undefined: the remote refused a non-fast-forward but could not be asked again. */
  private moved(remoteSha: string | undefined): PushResult {
    const message =
      remoteSha === undefined
        ? `The pull request branch ${this.headRef} moved on the remote (expected ${short(this.head)}).`
        : new HeadMoved(this.headRef, this.head, remoteSha).message;
    return {
      ok: false,
      reason: 'head-moved',
      remoteSha: remoteSha ?? '',
      message: `${message} Nothing was pushed over it; the commit stays local.`,
    };
  }

  discardChanges(to = 'HEAD'): Promise<void> {
    return this.serial(async () => {
      await this.git.run(['reset', '--quiet', '--hard', to]);
      const fresh = (await this.git.untracked(false)).filter((p) => !this.preexisting.has(p));
      await this.clean(fresh);
      // Directories we created (now empty, or holding only empty directories).
      const dirs = (await this.git.untracked(true)).filter(
        (d) =>
          d.endsWith('/') &&
          !this.preexistingDirs.has(d) &&
          ![...this.preexisting, ...this.preexistingDirs].some(
            (p) => p.startsWith(d) || d.startsWith(p.endsWith('/') ? p : `${p}/`),
          ),
      );
      await this.clean(dirs, true);
    });
  }

  private async clean(paths: string[], directories = false): Promise<void> {
    for (let i = 0; i < paths.length; i += 200) {
      const chunk = paths.slice(i, i + 200);
      // -f twice: also repositories an implement step created (pre-existing ones are never listed).
      await this.git.run(
        ['clean', '-f', '-f', '-q', ...(directories ? ['-d'] : []), '--', ...chunk],
        {
          env: { GIT_LITERAL_PATHSPECS: '1' },
        },
      );
    }
  }

  baseChanges(firstRange: number): Promise<{ patch: string; label: string }> {
    return this.serial(async () => {
      const base = this.baseTipRef;
      if (base === undefined) return { patch: '', label: 'no base branch' };
      const head = await this.git.revParse('HEAD');
      const baseTip = await this.git.revParse(base);
      // An existing branch: what the base did since this branch branched off.
      let from = head !== baseTip ? this.mergeBase : undefined;
      if (!from) {
        const count =
          Number((await this.git.run(['rev-list', '--count', base])).stdout.trim()) || 1;
        const back = Math.min(firstRange, count - 1);
        from = back > 0 ? `${base}~${back}` : undefined;
      }
      if (!from) return { patch: '', label: 'no earlier commit' };
      const patch = (
        await this.git.run(['diff', '--no-ext-diff', '--no-textconv', '-M', from, base], {
          maxBytes: 64 * 1024 * 1024,
        })
      ).stdout;
      const shown = from.startsWith(base)
        ? from.replace(base, this.baseRef ?? 'base')
        : from.slice(0, 12);
      return { patch, label: `changes on the default branch since ${shown}` };
    });
  }

  remoteRefs(): Promise<Record<string, string>> {
    return this.git.lsRemoteRefs(this.pushTarget);
  }

  formatPatch(
    options: { maxBytes?: number } = {},
  ): Promise<{ patch: string; commits: number; truncated: boolean }> {
    return this.serial(async () => {
      const count = await this.git.run(['rev-list', '--count', `${this.startSha}..HEAD`]);
      const commits = Number.parseInt(count.stdout.trim(), 10) || 0;
      if (commits === 0) return { patch: '', commits, truncated: false };
      const res = await this.git.run(
        [
          'format-patch',
          '--stdout',
          '--no-signature',
          '--no-color',
          '--binary',
          `${this.startSha}..HEAD`,
        ],
        { maxBytes: options.maxBytes ?? 1024 * 1024, onOverflow: 'truncate' },
      );
      return { patch: res.stdout, commits, truncated: res.truncated === true };
    });
  }
}
