/**
 * Forge over Octokit, with GitHub's rate limits handled by the retry and throttling plugins.
 * The API base comes from GITHUB_API_URL (so GitHub Enterprise Server works).
 */
import { permissionFromResponse, withPermissionTimeout } from './authorize.js';
import { getOctokit } from '@actions/github';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import Bottleneck from 'bottleneck';
import type { Forge, ForgeComment, PullFile, PullInfo } from './forge.js';
import { PullCreationForbidden } from './forge.js';

type Octokit = ReturnType<typeof getOctokit>;

export interface OctokitForgeOptions {
  token: string;
  owner: string;
  repo: string;
  apiUrl?: string;
  /** Called for rate-limit waits, so the log explains a pause. */
  log?: (message: string) => void;
  /** The permission check fails closed after this long. Default PERMISSION_TIMEOUT_MS. */
  permissionTimeoutMs?: number;
}

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
  const octokit: Octokit = getOctokit(
    options.token,
    {
      baseUrl: options.apiUrl ?? process.env.GITHUB_API_URL ?? 'https://api.github.com',
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

  return {
    owner,
    repo,
    async getPermission(username) {
      const { data } = await withPermissionTimeout(
        `GitHub's permission API (${username} on ${owner}/${repo})`,
        (signal) =>
          octokit.rest.repos.getCollaboratorPermissionLevel({
            ...base,
            username,
            request: { signal },
          }),
        options.permissionTimeoutMs,
      );
      return permissionFromResponse(data);
    },
    async getPull(number): Promise<PullInfo> {
      const { data } = await octokit.rest.pulls.get({ ...base, pull_number: number });
      return {
        number: data.number,
        title: data.title,
        body: data.body ?? '',
        draft: Boolean(data.draft),
        state: data.state,
        author: data.user?.login ?? '',
        headSha: data.head.sha,
        headRef: data.head.ref,
        headRepo: data.head.repo?.full_name ?? '',
        baseSha: data.base.sha,
        baseRef: data.base.ref,
        baseRepo: data.base.repo.full_name,
        maintainerCanModify: Boolean(data.maintainer_can_modify),
        htmlUrl: data.html_url,
      };
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
    async createIssueComment(number, body) {
      const { data } = await octokit.rest.issues.createComment({
        ...base,
        issue_number: number,
        body,
      });
      return comment(data);
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
