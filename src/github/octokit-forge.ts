/**
 * Forge over Octokit: a client made for a token (octokit-client.ts: rate limits handled, the API
 * base from GITHUB_API_URL) or the door's own; the methods grouped by what they touch; every
 * failure classified once into a ForgeError.
 */
import { AethrError } from '../errors.js';
import { permissionFromResponse, withPermissionTimeout } from './authorize.js';
import { parsePullRequest } from './event-intent.js';
import { parseIssue } from './payload-readers.js';
import type { CheckRun, Forge, ForgeComment, PullFile } from './forge.js';
import { PullCreationForbidden } from './forge.js';
import { classifyOctokitError } from './forge-errors.js';
import { createClient } from './octokit-client.js';
import type { Octokit } from './octokit-client.js';

export type { Octokit } from './octokit-client.js';

export type OctokitForgeOptions = {
  owner: string;
  repo: string;
  /** Called for rate-limit waits, so the log explains a pause. */
  log?: (message: string) => void;
  /** The permission check fails closed after this long. Default PERMISSION_TIMEOUT_MS. */
  permissionTimeoutMs?: number;
  /** Base of the retry and rate-limit waits, for a client made here (default 1000 ms). */
  retryBaseMs?: number;
} & (
  | { token: string; apiUrl?: string; octokit?: undefined }
  /** A client the door already has (the App's installation client), used as it is. */
  | { octokit: Octokit; token?: undefined; apiUrl?: undefined }
);

export function createOctokitForge(options: OctokitForgeOptions): Forge {
  const { owner, repo } = options;
  const log = options.log ?? (() => {});
  const octokit =
    options.octokit ?? createClient(options.token, options.apiUrl, log, options.retryBaseMs);
  return classifyErrors(forgeOver(octokit, owner, repo, options.permissionTimeoutMs));
}

/**
 * POSTs that create something are sent once by Octokit: a retry after a lost answer would
 * duplicate it. Callers look for what they made before trying again (idempotent-write.ts).
 */
const ONCE = { retries: 0 };

/** The client and the repository every request names. */
interface Repo {
  octokit: Octokit;
  base: { owner: string; repo: string };
}

function forgeOver(
  octokit: Octokit,
  owner: string,
  repo: string,
  permissionTimeoutMs: number | undefined,
): Forge {
  const api: Repo = { octokit, base: { owner, repo } };
  return {
    owner,
    repo,
    ...repositoryMethods(api, permissionTimeoutMs),
    ...pullMethods(api),
    ...issueMethods(api),
    ...commentMethods(api),
    ...checkRunMethods(api),
  };
}

/** Issues as issues: read one, and replace its description (a milestone's ticks). */
function issueMethods({
  octokit,
  base,
}: Repo): Pick<Forge, 'getIssue' | 'updateIssueBody' | 'getIssueComment'> {
  return {
    async getIssueComment(id) {
      const { data } = await octokit.rest.issues.getComment({ ...base, comment_id: id });
      const issueNumber = Number(/\/issues\/(\d+)$/.exec(data.issue_url)?.[1] ?? 0);
      return { ...toComment(data), issueNumber };
    },
    async getIssue(number) {
      const { data } = await octokit.rest.issues.get({ ...base, issue_number: number });
      const parsed = parseIssue(data);
      if (!parsed.ok) throw new AethrError(`GitHub sent an unreadable issue (${parsed.reason})`);
      return parsed.value;
    },
    async updateIssueBody(number, body) {
      await octokit.rest.issues.update({ ...base, issue_number: number, body });
    },
  };
}

function toComment(c: {
  id: number;
  body?: string | null;
  user?: { login: string; type?: string } | null;
  html_url: string;
  created_at?: string;
}): ForgeComment {
  return {
    id: c.id,
    body: c.body ?? '',
    author: c.user?.login ?? '',
    authorType: c.user?.type ?? '',
    htmlUrl: c.html_url,
    ...(c.created_at ? { createdAt: c.created_at } : {}),
  };
}

function toCheckRun(c: {
  id: number;
  name: string;
  head_sha: string;
  status: string;
  conclusion: string | null;
  external_id: string | null;
  html_url: string | null;
  output?: { annotations_count?: number };
}): CheckRun {
  return {
    id: c.id,
    name: c.name,
    headSha: c.head_sha,
    status: c.status,
    conclusion: c.conclusion,
    externalId: c.external_id ?? '',
    htmlUrl: c.html_url ?? '',
    annotationsCount: c.output?.annotations_count ?? 0,
  };
}

/** A status GitHub answers with, when the error carries one. */
function statusOf(error: unknown): number | undefined {
  return (error as { status?: number }).status;
}

/** Who may do what, and file contents. */
function repositoryMethods(
  { octokit, base }: Repo,
  permissionTimeoutMs: number | undefined,
): Pick<Forge, 'getPermission' | 'getFileText'> {
  return {
    async getPermission(username) {
      const { data } = await withPermissionTimeout(
        `GitHub's permission API (${username} on ${base.owner}/${base.repo})`,
        (signal) =>
          octokit.rest.repos.getCollaboratorPermissionLevel({
            ...base,
            username,
            request: { signal },
          }),
        permissionTimeoutMs,
      );
      return permissionFromResponse(data);
    },
    async getFileText(path, ref) {
      try {
        const { data } = await octokit.rest.repos.getContent({ ...base, path, ref });
        if (Array.isArray(data) || data.type !== 'file' || !('content' in data)) return undefined;
        return Buffer.from(data.content, 'base64').toString('utf8');
      } catch (error) {
        if (statusOf(error) === 404) return undefined;
        throw error;
      }
    },
  };
}

/** Pull requests: read, diff, files, open, update, labels. */
function pullMethods({
  octokit,
  base,
}: Repo): Pick<
  Forge,
  | 'getPull'
  | 'getPullDiff'
  | 'listPullFiles'
  | 'findOpenPulls'
  | 'createPull'
  | 'updatePull'
  | 'removeLabel'
> {
  return {
    async getPull(number) {
      const { data } = await octokit.rest.pulls.get({ ...base, pull_number: number });
      const parsed = parsePullRequest(data);
      if (!parsed.ok) throw new Error(`GitHub sent an unreadable pull request (${parsed.reason})`);
      return parsed.value;
    },
    async getPullDiff(number) {
      try {
        const response = await octokit.rest.pulls.get({
          ...base,
          pull_number: number,
          mediaType: { format: 'diff' },
        });
        return response.data as unknown as string;
      } catch (error) {
        // GitHub answers 406 when a diff is too large to render (e.g. over 300 files).
        if (statusOf(error) === 406) return undefined;
        throw error;
      }
    },
    async listPullFiles(number): Promise<PullFile[]> {
      const files = await octokit.paginate(octokit.rest.pulls.listFiles, {
        ...base,
        pull_number: number,
        per_page: 100,
      });
      return files.map((f) => ({
        filename: f.filename,
        status: f.status,
        previousFilename: f.previous_filename,
        additions: f.additions,
        deletions: f.deletions,
        patch: f.patch,
      }));
    },
    async findOpenPulls(branch) {
      const { data } = await octokit.rest.pulls.list({
        ...base,
        head: `${base.owner}:${branch}`,
        state: 'open',
        per_page: 10,
      });
      return data.map((p) => ({ number: p.number, htmlUrl: p.html_url }));
    },
    async createPull(pull) {
      try {
        const { data } = await octokit.rest.pulls.create({
          ...base,
          ...pull,
          maintainer_can_modify: true,
          request: ONCE,
        });
        return { number: data.number, htmlUrl: data.html_url };
      } catch (error) {
        const e = error as { status?: number; message?: string };
        // https://docs.github.com/repositories/managing-your-repositorys-settings-and-features/enabling-features-for-your-repository/managing-github-actions-settings-for-a-repository
        if (e.status === 403 && /not permitted to create/i.test(e.message ?? '')) {
          throw new PullCreationForbidden(
            e.message ?? 'GitHub Actions is not permitted to create pull requests.',
          );
        }
        throw error;
      }
    },
    async updatePull(number, update) {
      await octokit.rest.pulls.update({ ...base, pull_number: number, ...update });
    },
    async removeLabel(issueNumber, label) {
      try {
        await octokit.rest.issues.removeLabel({ ...base, issue_number: issueNumber, name: label });
      } catch (error) {
        if (statusOf(error) !== 404) throw error;
      }
    },
  };
}

/** Conversation comments, reviews and reactions. */
function commentMethods({
  octokit,
  base,
}: Repo): Pick<
  Forge,
  | 'listIssueComments'
  | 'createIssueComment'
  | 'updateIssueComment'
  | 'deleteIssueComment'
  | 'listReviewComments'
  | 'createReview'
  | 'addReaction'
> {
  return {
    async listIssueComments(number) {
      const page = { ...base, issue_number: number, per_page: 100 };
      return (await octokit.paginate(octokit.rest.issues.listComments, page)).map(toComment);
    },
    async createIssueComment(number, body) {
      const { data } = await octokit.rest.issues.createComment({
        ...base,
        issue_number: number,
        body,
        request: ONCE,
      });
      return toComment(data);
    },
    async deleteIssueComment(id) {
      await octokit.rest.issues.deleteComment({ ...base, comment_id: id });
    },
    async updateIssueComment(id, body) {
      const { data } = await octokit.rest.issues.updateComment({ ...base, comment_id: id, body });
      return toComment(data);
    },
    async listReviewComments(number) {
      const page = { ...base, pull_number: number, per_page: 100 };
      return (await octokit.paginate(octokit.rest.pulls.listReviewComments, page)).map(toComment);
    },
    async createReview(number, review) {
      const { data } = await octokit.rest.pulls.createReview({
        ...base,
        pull_number: number,
        commit_id: review.commitId,
        body: review.body,
        event: 'COMMENT',
        comments: review.comments,
        request: ONCE,
      });
      return { id: data.id, htmlUrl: data.html_url };
    },
    async addReaction(commentId, reaction) {
      await octokit.rest.reactions.createForIssueComment({
        ...base,
        comment_id: commentId,
        content: reaction,
      });
    },
  };
}

/** Check runs on a commit: create (in progress), update or complete, list by name. */
function checkRunMethods({
  octokit,
  base,
}: Repo): Pick<Forge, 'createCheckRun' | 'updateCheckRun' | 'listCheckRuns'> {
  return {
    async createCheckRun(run) {
      const { data } = await octokit.rest.checks.create({
        ...base,
        name: run.name,
        head_sha: run.headSha,
        external_id: run.externalId,
        status: 'in_progress',
        ...(run.detailsUrl ? { details_url: run.detailsUrl } : {}),
        output: run.output,
        request: ONCE,
      });
      return toCheckRun(data);
    },
    async updateCheckRun(id, update) {
      await octokit.rest.checks.update({
        ...base,
        check_run_id: id,
        ...(update.conclusion
          ? { status: 'completed' as const, conclusion: update.conclusion }
          : {}),
        output: update.output,
        // A retried update would append its annotations again.
        ...(update.output.annotations?.length ? { request: ONCE } : {}),
      });
    },
    async listCheckRuns(ref, name) {
      const { data } = await octokit.rest.checks.listForRef({
        ...base,
        ref,
        check_name: name,
        filter: 'all',
        per_page: 100,
      });
      return data.check_runs.map(toCheckRun).sort((a, b) => b.id - a.id);
    },
  };
}

/** What each Forge method does, in words, for error messages. */
const OPERATIONS: Record<Exclude<keyof Forge, 'owner' | 'repo'>, (...args: never[]) => string> = {
  getPermission: (user: string) => `read ${user}'s permission`,
  getPull: (n: number) => `read pull request #${n}`,
  getPullDiff: (n: number) => `read the diff of #${n}`,
  listPullFiles: (n: number) => `list the files of #${n}`,
  getIssue: (n: number) => `read issue #${n}`,
  updateIssueBody: (n: number) => `update the description of #${n}`,
  getIssueComment: (id: number) => `read comment ${id}`,
  listIssueComments: (n: number) => `list the comments of #${n}`,
  createIssueComment: (n: number) => `post a comment on #${n}`,
  updateIssueComment: (id: number) => `update comment ${id}`,
  deleteIssueComment: (id: number) => `delete comment ${id}`,
  listReviewComments: (n: number) => `list the review comments of #${n}`,
  createReview: (n: number) => `post a review on #${n}`,
  addReaction: (id: number) => `react to comment ${id}`,
  getFileText: (path: string, ref: string) => `read ${path} at ${ref.slice(0, 40)}`,
  findOpenPulls: (branch: string) => `look for open pull requests from ${branch}`,
  createPull: (p: { head: string }) => `open a pull request from ${p.head}`,
  updatePull: (n: number) => `update pull request #${n}`,
  removeLabel: (n: number, label: string) => `remove the label "${label}" from #${n}`,
  createCheckRun: (r: { name: string }) => `create the check run "${r.name}"`,
  updateCheckRun: (id: number) => `update check run ${id}`,
  listCheckRuns: (ref: string, name: string) =>
    `list the check runs "${name}" on ${ref.slice(0, 12)}`,
};

/** Every failure of `forge` becomes a ForgeError naming the operation (typed errors pass through). */
function classifyErrors(forge: Forge): Forge {
  const wrapped: Record<string, unknown> = { owner: forge.owner, repo: forge.repo };
  for (const [name, describe] of Object.entries(OPERATIONS)) {
    const method = forge[name as keyof typeof OPERATIONS] as (
      ...args: unknown[]
    ) => Promise<unknown>;
    wrapped[name] = async (...args: unknown[]) => {
      try {
        return await method.apply(forge, args);
      } catch (error) {
        // Typed errors (a permission timeout, PullCreationForbidden) already say what happened.
        if (error instanceof AethrError || error instanceof PullCreationForbidden) throw error;
        throw classifyOctokitError(error, (describe as (...a: unknown[]) => string)(...args));
      }
    };
  }
  return wrapped as unknown as Forge;
}
