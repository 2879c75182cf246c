/**
 * A Forge for local previews (`aethr pr --dry-run`): reads come from the event payload and the
 * local repository, writes are printed instead of sent. Nothing leaves the machine.
 */
import { runGit } from '../git/run-git.js';
import type { Forge, ForgeComment, PullInfo } from './forge.js';

export interface DryRunForgeOptions {
  owner: string;
  repo: string;
  root: string;
  /** The PR as the payload describes it, when it does. */
  pull?: PullInfo;
  defaultBranch: string;
  print: (text: string) => void;
}

export function createDryRunForge(o: DryRunForgeOptions): Forge {
  let nextId = 1;
  const fake = (body: string): ForgeComment => {
    const id = nextId++;
    return {
      id,
      body,
      author: 'aethr[dry-run]',
      authorType: 'Bot',
      htmlUrl: `https://github.com/${o.owner}/${o.repo}/pull/0#dry-run-${id}`,
    };
  };
  const git = async (args: string[]) => (await runGit(o.root, args)).stdout.trim();

  async function localPull(number: number): Promise<PullInfo> {
    if (o.pull) return o.pull;
    const headSha = await git(['rev-parse', 'HEAD']);
    const headRef = (await git(['rev-parse', '--abbrev-ref', 'HEAD'])) || 'HEAD';
    return {
      number,
      title: '(local preview)',
      body: '',
      draft: false,
      state: 'open',
      author: 'you',
      headSha,
      headRef,
      headRepo: `${o.owner}/${o.repo}`,
      baseSha: headSha,
      baseRef: o.defaultBranch,
      baseRepo: `${o.owner}/${o.repo}`,
      maintainerCanModify: false,
      htmlUrl: '',
    };
  }

  return {
    owner: o.owner,
    repo: o.repo,
    async getPermission(username) {
      o.print(`dry run: assuming ${username} may run aethr (no permission API call)\n`);
      return 'admin';
    },
    getPull: localPull,
    async getPullDiff(number) {
      const pull = await localPull(number);
      const base =
        (
          await runGit(o.root, ['merge-base', pull.baseSha, pull.headSha], { okCodes: [1, 128] })
        ).stdout.trim() || pull.baseSha;
      return (
        await runGit(o.root, ['diff', '--no-ext-diff', '--no-textconv', '-M', base, pull.headSha])
      ).stdout;
    },
    async listPullFiles() {
      return [];
    },
    async listIssueComments() {
      return [];
    },
    async createIssueComment(number, body) {
      o.print(`\n── would post a comment on #${number} ──\n${body}\n`);
      return fake(body);
    },
    async updateIssueComment(id, body) {
      o.print(`\n── would update comment ${id} ──\n${body}\n`);
      return fake(body);
    },
    async listReviewComments() {
      return [];
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
    async findOpenPulls() {
      return [];
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
    async getFileText(path, ref) {
      const r = await runGit(o.root, ['show', `${ref}:${path}`], { okCodes: [128] });
      return r.code === 0 ? r.stdout : undefined;
    },
  };
}
