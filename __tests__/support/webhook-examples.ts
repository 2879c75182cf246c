/** Real webhook payloads from @octokit/webhooks-examples, adapted to a test repository. */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
type Example = Record<string, unknown>;
const index = require('@octokit/webhooks-examples/api.github.com/index.json') as Array<{
  name: string;
  examples: Example[];
}>;

export function webhookExample(name: string, action: string): Example {
  const found = index.find((e) => e.name === name)?.examples.find((x) => x.action === action);
  if (!found) throw new Error(`no ${name}.${action} example`);
  return structuredClone(found);
}

export interface PrPayloadOptions {
  owner: string;
  repo: string;
  number: number;
  headSha: string;
  baseSha: string;
  headRef: string;
  baseRef: string;
  sender: string;
  fork?: boolean;
  draft?: boolean;
  title?: string;
  body?: string;
}

function repository(
  base: Record<string, unknown>,
  owner: string,
  repo: string,
): Record<string, unknown> {
  return {
    ...base,
    name: repo,
    full_name: `${owner}/${repo}`,
    owner: { ...(base.owner as object), login: owner },
    default_branch: 'main',
  };
}

/** A `pull_request` (or `pull_request_target`) payload for the test PR. */
export function pullRequestPayload(action: string, o: PrPayloadOptions): Example {
  const ex = webhookExample('pull_request', action);
  const pr = ex.pull_request as Record<string, unknown>;
  const repo = repository(ex.repository as Record<string, unknown>, o.owner, o.repo);
  const headRepo = o.fork ? repository(repo, 'forker', o.repo) : repo;
  ex.repository = repo;
  ex.number = o.number;
  ex.sender = { ...(ex.sender as object), login: o.sender, type: 'User' };
  ex.pull_request = {
    ...pr,
    number: o.number,
    title: o.title ?? 'Change the calculator',
    body: o.body ?? 'Fixes a bug.',
    draft: o.draft ?? false,
    state: 'open',
    user: { ...(pr.user as object), login: 'author', type: 'User' },
    head: {
      ...(pr.head as object),
      sha: o.headSha,
      ref: o.headRef,
      repo: headRepo,
      label: `x:${o.headRef}`,
    },
    base: { ...(pr.base as object), sha: o.baseSha, ref: o.baseRef, repo, label: `x:${o.baseRef}` },
  };
  return ex;
}

/** An `issue_comment.created` payload on the test PR. */
export function prCommentPayload(o: {
  owner: string;
  repo: string;
  number: number;
  body: string;
  author: string;
  commentId: number;
  authorType?: string;
}): Example {
  const ex = webhookExample('issue_comment', 'created');
  const issue = ex.issue as Record<string, unknown>;
  ex.repository = repository(ex.repository as Record<string, unknown>, o.owner, o.repo);
  ex.sender = { ...(ex.sender as object), login: o.author, type: o.authorType ?? 'User' };
  ex.issue = {
    ...issue,
    number: o.number,
    pull_request: { url: `https://api.github.com/repos/${o.owner}/${o.repo}/pulls/${o.number}` },
  };
  ex.comment = {
    ...(ex.comment as object),
    id: o.commentId,
    body: o.body,
    user: { login: o.author, type: o.authorType ?? 'User' },
  };
  return ex;
}
