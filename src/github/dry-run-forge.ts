/**
 * A Forge for local previews (`aethr pr --dry-run`): reads come from the event payload and the
 * local repository, writes are printed instead of sent. Nothing leaves the machine.
 */
import { AethrError } from '../errors.js';
import { runGit } from '../git/run-git.js';
import type { IssueInfo, PullRequestInfo } from './event-intent.js';
import type { Forge, ForgeComment } from './forge.js';

export interface DryRunForgeOptions {
  owner: string;
  repo: string;
  root: string;
  /** The PR as the payload describes it, when it does. */
  pull?: PullRequestInfo;
  /** The issue as the payload describes it (a label on an issue). */
  issue?: IssueInfo;
  defaultBranch: string;
  print: (text: string) => void;
}

export function createDryRunForge(o: DryRunForgeOptions): Forge {
  return { owner: o.owner, repo: o.repo, ...localReads(o), ...printedWrites(o) };
}

type Reads =
  | 'getPermission'
  | 'getPull'
  | 'getPullDiff'
  | 'listPullFiles'
  | 'getIssue'
  | 'getIssueComment'
  | 'listIssueComments'
  | 'listReviewComments'
  | 'findOpenPulls'
  | 'listCheckRuns'
  | 'getFileText';

/** Reads: the payload's PR (or one made from HEAD), files from the repository, nothing posted yet. */
function localReads(o: DryRunForgeOptions): Pick<Forge, Reads> {
  const git = async (args: string[]) => (await runGit(o.root, args)).stdout.trim();
  const reads: Pick<Forge, 'getPermission' | 'getIssue' | 'getPull'> = {
    async getPermission(username) {
      o.print(`dry run: assuming ${username} may run aethr (no permission API call)\n`);
      return 'admin';
    },
    async getIssue(number) {
      if (o.issue?.number === number) return o.issue;
      const { title, body, state, author, labels } = await getPull(number);
      return { number, title, body, state, author, labels, isPullRequest: true };
    },
    getPull,
  };
  async function getPull(number: number): Promise<PullRequestInfo> {
    if (o.pull) return o.pull;
    const headSha = await git(['rev-parse', 'HEAD']);
    const headRef = (await git(['rev-parse', '--abbrev-ref', 'HEAD'])) || 'HEAD';
    const fullName = `${o.owner}/${o.repo}`;
    return {
      number,
      title: '(local preview)',
      body: '',
      draft: false,
      state: 'open',
      author: 'you',
      head: { sha: headSha, ref: headRef, repoFullName: fullName },
      base: { sha: headSha, ref: o.defaultBranch, repoFullName: fullName },
      isFork: false,
      maintainerCanModify: false,
      labels: [],
    };
  }
  return {
    ...reads,
    async getPullDiff() {
      // The local workspace computes the diff from the repository's own commits.
      return undefined;
    },
    async listPullFiles() {
      return [];
    },
    async listIssueComments() {
      return [];
    },
    async getIssueComment(id) {
      throw new AethrError(
        `A dry run cannot read comment ${id} from GitHub; preview the original issue_comment event instead.`,
      );
    },
    async listReviewComments() {
      return [];
    },
    async findOpenPulls() {
      return [];
    },
    async listCheckRuns() {
      return [];
    },
    async getFileText(path, ref) {
      const r = await runGit(o.root, ['show', `${ref}:${path}`], { okCodes: [128] });
      return r.code === 0 ? r.stdout : undefined;
    },
  };
}

/** Writes: printed, answered with made-up ids so the run goes on as it would. */
function printedWrites(o: DryRunForgeOptions): Omit<Forge, Reads | 'owner' | 'repo'> {
  let nextId = 1;
  const fake = (number: number, body: string): ForgeComment => {
    const id = nextId++;
    return {
      id,
      body,
      author: 'aethr[dry-run]',
      authorType: 'Bot',
      htmlUrl: `https://github.com/${o.owner}/${o.repo}/pull/${number}#dry-run-${id}`,
    };
  };
  const commentOn = new Map<number, number>();
  return {
    async updateIssueBody(number, body) {
      o.print(`\n── would update the description of #${number} ──\n${body}\n`);
    },
    async createIssueComment(number, body) {
      o.print(`\n── would post a comment on #${number} ──\n${body}\n`);
      const made = fake(number, body);
      commentOn.set(made.id, number);
      return made;
    },
    async updateIssueComment(id, body) {
      const number = commentOn.get(id) ?? 0;
      o.print(`\n── would update comment ${id} on #${number} ──\n${body}\n`);
      return { ...fake(number, body), id };
    },
    async deleteIssueComment(id) {
      o.print(`dry run: would delete comment ${id}\n`);
    },
    async createReview(number, review) {
      o.print(
        `\n── would post a review on #${number} (commit ${review.commitId.slice(0, 7)}) ──\n${review.body}\n`,
      );
      for (const c of review.comments) {
        o.print(
          `\n  ${c.path}:${c.start_line ? `${c.start_line}-` : ''}${c.line}\n${c.body.replace(/^/gm, '  ')}\n`,
        );
      }
      return { id: nextId++, htmlUrl: '' };
    },
    async addReaction(commentId, reaction) {
      o.print(`dry run: would react ${reaction} to comment ${commentId}\n`);
    },
    async createPull(pull) {
      o.print(
        `\n── would open a pull request ${pull.head} → ${pull.base}: ${pull.title} ──\n${pull.body}\n`,
      );
      return { number: 0, htmlUrl: '' };
    },
    async updatePull(number, update) {
      o.print(
        `\n── would update pull request #${number} ──\n${update.body ?? update.title ?? ''}\n`,
      );
    },
    async removeLabel(issueNumber, label) {
      o.print(`dry run: would remove the label "${label}" from #${issueNumber}\n`);
    },
    async createCheckRun(run) {
      o.print(`dry run: would create the check run "${run.name}" on ${run.headSha.slice(0, 7)}\n`);
      return {
        id: nextId++,
        name: run.name,
        headSha: run.headSha,
        status: 'in_progress',
        conclusion: null,
        externalId: run.externalId,
        htmlUrl: '',
      };
    },
    async updateCheckRun(id, update) {
      const annotations = update.output.annotations?.length ?? 0;
      o.print(
        `dry run: would update check run ${id}${update.conclusion ? ` to ${update.conclusion}` : ''}: ${update.output.title}${annotations ? ` (${annotations} annotation(s))` : ''}\n`,
      );
    },
  };
}
