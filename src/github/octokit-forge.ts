/**
 * Forge over Octokit, with GitHub's rate limits handled by the retry and throttling plugins.
 * The API base comes from GITHUB_API_URL (so GitHub Enterprise Server works).
 */
import { getOctokit } from '@actions/github';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import Bottleneck from 'bottleneck';
import { parsePullRequest } from './event-intent.js';
import { parseIssue } from './payload-readers.js';
import type { CheckRun, Forge, ForgeComment, PermissionLevel, PullFile } from './forge.js';
import { ForgeError, PERMISSION_LEVELS, PullCreationForbidden } from './forge.js';
import { classifyOctokitError } from './forge-errors.js';

export type Octokit = ReturnType<typeof getOctokit>;

export type OctokitForgeOptions = {
  owner: string;
  repo: string;
  /** Called for rate-limit waits, so the log explains a pause. */
  log?: (message: string) => void;
} & (
  | { token: string; apiUrl?: string; octokit?: undefined }
  /** A client the door already has (the App's installation client), used as it is. */
  | { octokit: Octokit; token?: undefined; apiUrl?: undefined }
);

const MAX_RATE_LIMIT_RETRIES = 2;

/**
 * The throttling plugin spaces writes 1 s apart and notifying writes (comments, reviews) 3 s
 * apart: GitHub's advice for clients making *many* writes. A run makes about five, so they stay
 * serial with shorter spacing; a secondary-rate-limit answer is still retried after its
 * `retry-after` by onSecondaryRateLimit below.
 * https://docs.github.com/rest/using-the-rest-api/best-practices-for-using-the-rest-api
 */
const WRITE_SPACING_MS = 200;
const NOTIFYING_WRITE_SPACING_MS = 500;

export function createOctokitForge(options: OctokitForgeOptions): Forge {
  const { owner, repo } = options;
  const log = options.log ?? (() => {});
  const octokit = options.octokit ?? createClient(options.token, options.apiUrl, log);
  return classifyErrors(forgeOver(octokit, owner, repo));
}

/** An Octokit for a token with GitHub's rate limits handled (the Action and `aethr pr`). */
function createClient(
  token: string,
  apiUrl: string | undefined,
  log: (m: string) => void,
): Octokit {
  return getOctokit(
    token,
    {
      baseUrl: apiUrl ?? process.env.GITHUB_API_URL ?? 'https://api.github.com',
      // Server errors are retried twice (about 5 s in all), then the run fails with the error.
      retry: { retries: 2 },
      throttle: {
        write: new Bottleneck.Group({
          id: 'aethr-write',
          maxConcurrent: 1,
          minTime: WRITE_SPACING_MS,
        }),
        notifications: new Bottleneck.Group({
          id: 'aethr-notifications',
          maxConcurrent: 1,
          minTime: NOTIFYING_WRITE_SPACING_MS,
        }),
        onRateLimit: (
          retryAfter: number,
          request: { method: string; url: string },
          _o: unknown,
          retryCount: number,
        ) => {
          log(
            `GitHub rate limit hit on ${request.method} ${request.url}; retrying in ${retryAfter}s.`,
          );
          return retryCount < MAX_RATE_LIMIT_RETRIES;
        },
        onSecondaryRateLimit: (
          retryAfter: number,
          request: { method: string; url: string },
          _o: unknown,
          retryCount: number,
        ) => {
          log(
            `GitHub secondary rate limit on ${request.method} ${request.url}; retrying in ${retryAfter}s.`,
          );
          return retryCount < MAX_RATE_LIMIT_RETRIES;
        },
      },
    },
    retry,
    throttling,
  );
}

/**
 * POSTs that create something are sent once by Octokit: a retry after a lost answer would
 * duplicate it. Callers look for what they made before trying again (idempotent-write.ts).
 */
const ONCE = { retries: 0 };

function forgeOver(octokit: Octokit, owner: string, repo: string): Forge {
  const base = { owner, repo };

  const comment = (c: {
    id: number;
    body?: string | null;
    user?: { login: string; type?: string } | null;
    html_url: string;
  }): ForgeComment => ({
    id: c.id,
    body: c.body ?? '',
    author: c.user?.login ?? '',
    authorType: c.user?.type ?? '',
    htmlUrl: c.html_url,
  });

  const checkRun = (c: {
    id: number;
    name: string;
    head_sha: string;
    status: string;
    conclusion: string | null;
    external_id: string | null;
    html_url: string | null;
  }): CheckRun => ({
    id: c.id,
    name: c.name,
    headSha: c.head_sha,
    status: c.status,
    conclusion: c.conclusion,
    externalId: c.external_id ?? '',
    htmlUrl: c.html_url ?? '',
  });

  return {
    owner,
    repo,
    async getPermission(username) {
      const { data } = await octokit.rest.repos.getCollaboratorPermissionLevel({
        ...base,
        username,
      });
      const level = data.permission as PermissionLevel;
      return PERMISSION_LEVELS.includes(level) ? level : 'none';
    },
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
        if ((error as { status?: number }).status === 406) return undefined;
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
    async listIssueComments(number) {
      const all = await octokit.paginate(octokit.rest.issues.listComments, {
        ...base,
        issue_number: number,
        per_page: 100,
      });
      return all.map(comment);
    },
    async getIssue(number) {
      const { data } = await octokit.rest.issues.get({ ...base, issue_number: number });
      const parsed = parseIssue(data);
      if (!parsed.ok) throw new Error(`GitHub sent an unreadable issue (${parsed.reason})`);
      return parsed.value;
    },
    async getIssueComment(id) {
      const { data } = await octokit.rest.issues.getComment({ ...base, comment_id: id });
      const issueNumber = Number(/\/issues\/(\d+)$/.exec(data.issue_url)?.[1] ?? 0);
      return { ...comment(data), issueNumber };
    },
    async createIssueComment(number, body) {
      const { data } = await octokit.rest.issues.createComment({
        ...base,
        issue_number: number,
        body,
        request: ONCE,
      });
      return comment(data);
    },
    async deleteIssueComment(id) {
      await octokit.rest.issues.deleteComment({ ...base, comment_id: id });
    },
    async updateIssueComment(id, body) {
      const { data } = await octokit.rest.issues.updateComment({ ...base, comment_id: id, body });
      return comment(data);
    },
    async listReviewComments(number) {
      const all = await octokit.paginate(octokit.rest.pulls.listReviewComments, {
        ...base,
        pull_number: number,
        per_page: 100,
      });
      return all.map(comment);
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
    async findOpenPulls(branch) {
      const { data } = await octokit.rest.pulls.list({
        ...base,
        head: `${owner}:${branch}`,
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
        if ((error as { status?: number }).status !== 404) throw error;
      }
    },
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
      return checkRun(data);
    },
    async updateCheckRun(id, update) {
      await octokit.rest.checks.update({
        ...base,
        check_run_id: id,
        ...(update.conclusion
          ? { status: 'completed' as const, conclusion: update.conclusion }
          : {}),
        output: update.output,
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
      return data.check_runs.map(checkRun).sort((a, b) => b.id - a.id);
    },
    async getFileText(path, ref) {
      try {
        const { data } = await octokit.rest.repos.getContent({ ...base, path, ref });
        if (Array.isArray(data) || data.type !== 'file' || !('content' in data)) return undefined;
        return Buffer.from(data.content, 'base64').toString('utf8');
      } catch (error) {
        if ((error as { status?: number }).status === 404) return undefined;
        throw error;
      }
    },
  };
}

/** What each Forge method does, in words, for error messages. */
const OPERATIONS: Record<Exclude<keyof Forge, 'owner' | 'repo'>, (...args: never[]) => string> = {
  getPermission: (user: string) => `read ${user}'s permission`,
  getPull: (n: number) => `read pull request #${n}`,
  getPullDiff: (n: number) => `read the diff of #${n}`,
  listPullFiles: (n: number) => `list the files of #${n}`,
  listIssueComments: (n: number) => `list the comments of #${n}`,
  getIssue: (n: number) => `read issue #${n}`,
  getIssueComment: (id: number) => `read comment ${id}`,
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
        if (error instanceof ForgeError || error instanceof PullCreationForbidden) throw error;
        throw classifyOctokitError(error, (describe as (...a: unknown[]) => string)(...args));
      }
    };
  }
  return wrapped as unknown as Forge;
}
