/**
 * git with aethr's safety settings, for work on a repository whose content is not trusted:
 * hooks disabled (`core.hooksPath` points at the null device, `--no-verify`), fsmonitor off,
 * `ext::` transports off and signing off — set through GIT_CONFIG_* environment variables, never
 * by writing the repository's config. Commands that talk to a remote go through `network()`,
 * which alone carries the credential (an http extraheader in the environment of that one git
 * process: never in argv, a URL or a file) and redacts what git echoes back.
 */
import { devNull } from 'node:os';
import { appendGitConfigEnv, gitAuthPairs } from '../sandbox/git-auth-env.js';
import type { GitIdentity } from './branch-types.js';
import { pushFailureSummary } from './push-outcome.js';
import { redactGitText, urlSecrets } from './redact.js';
import { GitError, runGit } from './run-git.js';
import type { RunGitOptions, RunGitResult } from './run-git.js';
import { PrWorkspaceError } from './workspace-errors.js';

// ---------------------------------------------------------------------------------------------
// Input checks

export const SHA_RE = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;

/** `git ls-remote` output as ref -> sha (peeled tags, `^{}`, kept: a moved tag moves them too). */
export function parseRemoteRefs(stdout: string): Record<string, string> {
  const refs: Record<string, string> = {};
  for (const line of stdout.split('\n')) {
    const [sha, name] = line.trim().split(/\s+/);
    if (name && sha !== undefined && SHA_RE.test(sha)) refs[name] = sha;
  }
  return refs;
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

export function checkOption(ok: boolean, what: string): void {
  if (!ok) throw new PrWorkspaceError(`Invalid pull request workspace option: ${what}`);
}

export async function checkBranchName(root: string, name: string, what: string): Promise<void> {
  checkOption(
    name !== '' && !name.startsWith('-') && !CONTROL.test(name),
    `${what} ${JSON.stringify(name)}`,
  );
  const res = await runGit(root, ['check-ref-format', `refs/heads/${name}`], { okCodes: [1] });
  checkOption(res.code === 0, `${what} ${JSON.stringify(name)} is not a valid branch name`);
}

export function checkIdentity(identity: GitIdentity): void {
  for (const [key, value] of Object.entries(identity) as [string, string][]) {
    checkOption(
      typeof value === 'string' &&
        value.trim() !== '' &&
        !CONTROL.test(value) &&
        !/[<>]/.test(value),
      `identity.${key} ${JSON.stringify(value)}`,
    );
  }
}

export function checkRemote(value: string, what: string): void {
  checkOption(
    value !== '' &&
      !value.startsWith('-') &&
      !CONTROL.test(value) &&
      !/\s/.test(value) &&
      // `<transport>::<address>` runs a remote helper (ext:: runs commands); not for us.
      !/^[A-Za-z][A-Za-z0-9+.-]*::/.test(value),
    `${what} ${JSON.stringify(redactGitText(value, urlSecrets(value)))}`,
  );
}

// ---------------------------------------------------------------------------------------------
// git with our safety settings

const SAFE_CONFIG: ReadonlyArray<readonly [string, string]> = [
  ['core.hooksPath', devNull],
  ['core.fsmonitor', 'false'],
  ['protocol.ext.allow', 'never'],
  ['commit.gpgSign', 'false'],
  ['push.gpgSign', 'false'],
  ['log.showSignature', 'false'],
  ['submodule.recurse', 'false'],
  ['fetch.recurseSubmodules', 'false'],
  ['push.recurseSubmodules', 'no'],
  ['gc.auto', '0'],
  ['maintenance.auto', 'false'],
  ['advice.detachedHead', 'false'],
];

/** The token aethr's own git commands authenticate with, for one server. */
export interface GitAuth {
  token: string;
  /** `https://github.com` or a GitHub Enterprise Server URL. */
  serverUrl: string;
}

export function splitZ(text: string): string[] {
  return text.split('\0').filter((s) => s !== '');
}

export class Git {
  private readonly env: Record<string, string>;
  private readonly remoteEnv: Record<string, string>;
  private readonly secrets: string[];
  constructor(
    readonly root: string,
    secrets: string[],
    auth?: GitAuth,
  ) {
    this.env = appendGitConfigEnv(SAFE_CONFIG);
    // The credential as an http header for this git process only (see sandbox/git-auth-env.ts).
    const authPairs = auth ? gitAuthPairs(auth.token, auth.serverUrl) : [];
    this.remoteEnv = auth ? appendGitConfigEnv([...SAFE_CONFIG, ...authPairs]) : this.env;
    this.secrets = [...secrets, ...(auth ? [auth.token, ...authPairs.map(([, v]) => v)] : [])];
  }

  /** A local command: GitErrors pass through unchanged. */
  run(args: readonly string[], opts: RunGitOptions = {}): Promise<RunGitResult> {
    return runGit(this.root, args, { ...opts, env: { ...this.env, ...opts.env } });
  }

  /** A command that talks to a remote, with the credential: GitErrors pass through. */
  remote(args: readonly string[], opts: RunGitOptions = {}): Promise<RunGitResult> {
    return runGit(this.root, args, { ...opts, env: { ...this.remoteEnv, ...opts.env } });
  }

  /** `remote`, with failures made a PrWorkspaceError with credentials redacted. */
  async network(
    args: readonly string[],
    what: string,
    opts: RunGitOptions = {},
  ): Promise<RunGitResult> {
    try {
      return await this.remote(args, opts);
    } catch (error) {
      throw this.wrap(error, what);
    }
  }

  redact(text: string): string {
    return redactGitText(text, this.secrets);
  }

  wrap(error: unknown, what: string): PrWorkspaceError {
    if (error instanceof GitError) {
      const detail = this.redact(pushFailureSummary(error.stderr) || error.message);
      return new PrWorkspaceError(`${what} failed: ${detail}`, {
        hint:
          error.kind === 'timeout' ? 'The remote did not answer in time; try again.' : undefined,
      });
    }
    return new PrWorkspaceError(
      `${what} failed: ${this.redact(error instanceof Error ? error.message : String(error))}`,
    );
  }

  async revParse(rev: string): Promise<string | undefined> {
    const res = await this.run(['rev-parse', '--verify', '--quiet', '--end-of-options', rev], {
      okCodes: [1],
    });
    return res.code === 0 ? res.stdout.trim() : undefined;
  }

  async isShallow(): Promise<boolean> {
    const res = await this.run(['rev-parse', '--is-shallow-repository']);
    return res.stdout.trim() === 'true';
  }

  /** The sha of `refs/heads/<branch>` on `target`, or undefined when there is no such branch. */
  async lsRemoteBranch(target: string, branch: string): Promise<string | undefined> {
    const ref = `refs/heads/${branch}`;
    const res = await this.network(
      ['ls-remote', '--refs', target, ref],
      `git ls-remote ${this.redact(target)} ${ref}`,
    );
    for (const line of res.stdout.split('\n')) {
      const [sha, name] = line.trim().split(/\s+/);
      // ls-remote matches patterns by their tail; only the exact ref counts.
      if (name === ref && sha !== undefined && SHA_RE.test(sha)) return sha;
    }
    return undefined;
  }

  /** Branches and tags on `target` as ref -> sha (the sandbox's before/after comparison). */
  async lsRemoteRefs(target: string): Promise<Record<string, string>> {
    const res = await this.network(
      ['ls-remote', '--heads', '--tags', target],
      `git ls-remote ${this.redact(target)}`,
    );
    return parseRemoteRefs(res.stdout);
  }

  /** The remote's default branch (`HEAD -> refs/heads/<name>`), when it says. */
  async remoteDefaultBranch(remote: string): Promise<string | undefined> {
    try {
      const res = await this.remote(['ls-remote', '--symref', remote, 'HEAD']);
      const m = /^ref:\s+refs\/heads\/(\S+)\s+HEAD$/m.exec(res.stdout);
      return m?.[1];
    } catch {
      return undefined;
    }
  }

  async untracked(directory: boolean): Promise<string[]> {
    const args = ['ls-files', '--others', '--exclude-standard', '-z'];
    if (directory) args.push('--directory');
    return splitZ((await this.run(args)).stdout);
  }
}
