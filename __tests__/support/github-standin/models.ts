/**
 * JSON as GitHub's REST API sends it, built from the stand-in's records. Shapes follow the
 * OpenAPI response schemas (the self-test validates every response against them).
 */
import type { DiffFile } from './diff.js';
import type { Json, ModelContext } from './models-repo.js';
import { labelsJson, repoJson, userJson } from './models-repo.js';
import type {
  IssueCommentRecord,
  IssueRecord,
  PullData,
  ReactionRecord,
  ReviewCommentRecord,
  ReviewRecord,
} from './state.js';
import { fakeSha, nodeId } from './state.js';

export * from './models-repo.js';

const REACTIONS = ['+1', '-1', 'laugh', 'confused', 'heart', 'hooray', 'eyes', 'rocket'] as const;

export function authorAssociation(ctx: ModelContext, login: string): string {
  if (login.toLowerCase() === ctx.repo.owner.toLowerCase()) return 'OWNER';
  const p = ctx.state.permissions.get(login);
  if (p === 'admin' || p === 'maintain' || p === 'write' || p === 'triage') return 'COLLABORATOR';
  if (ctx.state.pulls.some((pr) => pr.user === login && pr.pull.merged)) return 'CONTRIBUTOR';
  return 'NONE';
}

function reactionRollup(ctx: ModelContext, url: string, commentId?: number): Json {
  const mine =
    commentId === undefined ? [] : ctx.state.reactions.filter((r) => r.comment_id === commentId);
  const out: Json = { url: `${url}/reactions`, total_count: mine.length };
  for (const r of REACTIONS) out[r] = mine.filter((m) => m.content === r).length;
  return out;
}

function link(href: string): Json {
  return { href };
}

function branchJson(ctx: ModelContext, side: { sha: string; ref: string; repo: string }): Json {
  const repo = ctx.state.repo(side.repo);
  const owner = side.repo.split('/')[0] as string;
  return {
    label: `${owner}:${side.ref}`,
    ref: side.ref,
    sha: side.sha,
    user: userJson(ctx, owner),
    repo: repo ? repoJson(ctx, repo) : null,
  };
}

/** `pull-request` (simple: true → `pull-request-simple`, as the list endpoint returns). */
export function pullJson(
  ctx: ModelContext,
  issue: IssueRecord & { pull: PullData },
  simple = false,
): Json {
  const pr = issue.pull;
  const api = `${ctx.api}/repos/${ctx.repo.full_name}`;
  const html = `${ctx.html}/${ctx.repo.full_name}/pull/${issue.number}`;
  const out: Json = {
    url: `${api}/pulls/${issue.number}`,
    id: pr.id,
    node_id: nodeId('PR', pr.id),
    html_url: html,
    diff_url: `${html}.diff`,
    patch_url: `${html}.patch`,
    issue_url: `${api}/issues/${issue.number}`,
    number: issue.number,
    state: issue.state,
    locked: false,
    title: issue.title,
    user: userJson(ctx, issue.user),
    body: issue.body,
    created_at: issue.created_at,
    updated_at: issue.updated_at,
    closed_at: issue.closed_at,
    merged_at: pr.merged ? issue.closed_at : null,
    merge_commit_sha: fakeSha(`merge:${pr.base.sha}:${pr.head.sha}`),
    assignee: null,
    assignees: [],
    requested_reviewers: [],
    requested_teams: [],
    labels: labelsJson(ctx, issue.labels),
    milestone: null,
    draft: pr.draft,
    commits_url: `${api}/pulls/${issue.number}/commits`,
    review_comments_url: `${api}/pulls/${issue.number}/comments`,
    review_comment_url: `${api}/pulls/comments{/number}`,
    comments_url: `${api}/issues/${issue.number}/comments`,
    statuses_url: `${api}/statuses/${pr.head.sha}`,
    head: branchJson(ctx, pr.head),
    base: branchJson(ctx, { ...pr.base, repo: ctx.repo.full_name }),
    _links: {
      self: link(`${api}/pulls/${issue.number}`),
      html: link(html),
      issue: link(`${api}/issues/${issue.number}`),
      comments: link(`${api}/issues/${issue.number}/comments`),
      review_comments: link(`${api}/pulls/${issue.number}/comments`),
      review_comment: link(`${api}/pulls/comments{/number}`),
      commits: link(`${api}/pulls/${issue.number}/commits`),
      statuses: link(`${api}/statuses/${pr.head.sha}`),
    },
    author_association: authorAssociation(ctx, issue.user),
    auto_merge: null,
    active_lock_reason: null,
  };
  if (simple) return out;
  const commentCount = ctx.state.issueComments.filter(
    (c) => c.issue_number === issue.number,
  ).length;
  const reviewCommentCount = ctx.state.reviewComments.filter(
    (c) => c.pull_number === issue.number,
  ).length;
  return {
    ...out,
    merged: pr.merged,
    mergeable: issue.state === 'open' ? true : null,
    rebaseable: issue.state === 'open' ? true : null,
    mergeable_state: pr.draft ? 'draft' : 'clean',
    merged_by: null,
    comments: commentCount,
    review_comments: reviewCommentCount,
    maintainer_can_modify: pr.maintainer_can_modify,
    commits: pr.commits,
    additions: pr.files.reduce((n, f) => n + f.additions, 0),
    deletions: pr.files.reduce((n, f) => n + f.deletions, 0),
    changed_files: pr.files.length,
  };
}

export function issueJson(ctx: ModelContext, issue: IssueRecord): Json {
  const api = `${ctx.api}/repos/${ctx.repo.full_name}`;
  const kind = issue.pull ? 'pull' : 'issues';
  const out: Json = {
    url: `${api}/issues/${issue.number}`,
    repository_url: api,
    labels_url: `${api}/issues/${issue.number}/labels{/name}`,
    comments_url: `${api}/issues/${issue.number}/comments`,
    events_url: `${api}/issues/${issue.number}/events`,
    html_url: `${ctx.html}/${ctx.repo.full_name}/${kind}/${issue.number}`,
    id: issue.pull ? issue.id : issue.id,
    node_id: nodeId(issue.pull ? 'PR' : 'I', issue.id),
    number: issue.number,
    title: issue.title,
    user: userJson(ctx, issue.user),
    labels: labelsJson(ctx, issue.labels),
    state: issue.state,
    state_reason: null,
    locked: false,
    assignee: null,
    assignees: [],
    milestone: null,
    comments: ctx.state.issueComments.filter((c) => c.issue_number === issue.number).length,
    created_at: issue.created_at,
    updated_at: issue.updated_at,
    closed_at: issue.closed_at,
    author_association: authorAssociation(ctx, issue.user),
    active_lock_reason: null,
    body: issue.body,
    closed_by: null,
    reactions: reactionRollup(ctx, `${api}/issues/${issue.number}`),
    timeline_url: `${api}/issues/${issue.number}/timeline`,
    performed_via_github_app: null,
  };
  if (issue.pull) {
    const html = `${ctx.html}/${ctx.repo.full_name}/pull/${issue.number}`;
    out.draft = issue.pull.draft;
    out.pull_request = {
      url: `${api}/pulls/${issue.number}`,
      html_url: html,
      diff_url: `${html}.diff`,
      patch_url: `${html}.patch`,
      merged_at: issue.pull.merged ? issue.closed_at : null,
    };
  }
  return out;
}

export function issueCommentJson(ctx: ModelContext, c: IssueCommentRecord): Json {
  const api = `${ctx.api}/repos/${ctx.repo.full_name}`;
  const issue = ctx.state.issues.get(c.issue_number);
  const kind = issue?.pull ? 'pull' : 'issues';
  const url = `${api}/issues/comments/${c.id}`;
  return {
    id: c.id,
    node_id: nodeId('IC', c.id),
    url,
    html_url: `${ctx.html}/${ctx.repo.full_name}/${kind}/${c.issue_number}#issuecomment-${c.id}`,
    body: c.body,
    user: userJson(ctx, c.user),
    created_at: c.created_at,
    updated_at: c.updated_at,
    issue_url: `${api}/issues/${c.issue_number}`,
    author_association: authorAssociation(ctx, c.user),
    performed_via_github_app: null,
    reactions: reactionRollup(ctx, url, c.id),
  };
}

export function reactionJson(ctx: ModelContext, r: ReactionRecord): Json {
  return {
    id: r.id,
    node_id: nodeId('REA', r.id),
    user: userJson(ctx, r.user),
    content: r.content,
    created_at: r.created_at,
  };
}

export function reviewJson(ctx: ModelContext, r: ReviewRecord): Json {
  const api = `${ctx.api}/repos/${ctx.repo.full_name}`;
  const html = `${ctx.html}/${ctx.repo.full_name}/pull/${r.pull_number}`;
  const out: Json = {
    id: r.id,
    node_id: nodeId('PRR', r.id),
    user: userJson(ctx, r.user),
    body: r.body,
    state: r.state,
    html_url: `${html}#pullrequestreview-${r.id}`,
    pull_request_url: `${api}/pulls/${r.pull_number}`,
    author_association: authorAssociation(ctx, r.user),
    _links: {
      html: link(`${html}#pullrequestreview-${r.id}`),
      pull_request: link(`${api}/pulls/${r.pull_number}`),
    },
    commit_id: r.commit_id,
  };
  if (r.submitted_at) out.submitted_at = r.submitted_at;
  return out;
}

export function reviewCommentJson(ctx: ModelContext, c: ReviewCommentRecord): Json {
  const api = `${ctx.api}/repos/${ctx.repo.full_name}`;
  const html = `${ctx.html}/${ctx.repo.full_name}/pull/${c.pull_number}#discussion_r${c.id}`;
  const url = `${api}/pulls/comments/${c.id}`;
  const out: Json = {
    url,
    pull_request_review_id: c.review_id,
    id: c.id,
    node_id: nodeId('PRRC', c.id),
    diff_hunk: c.diff_hunk,
    path: c.path,
    commit_id: c.commit_id,
    original_commit_id: c.commit_id,
    user: userJson(ctx, c.user),
    body: c.body,
    created_at: c.created_at,
    updated_at: c.updated_at,
    html_url: html,
    pull_request_url: `${api}/pulls/${c.pull_number}`,
    author_association: authorAssociation(ctx, c.user),
    _links: {
      self: link(url),
      html: link(html),
      pull_request: link(`${api}/pulls/${c.pull_number}`),
    },
    reactions: reactionRollup(ctx, url),
    start_line: c.start_line,
    original_start_line: c.start_line,
    start_side: c.start_side,
    subject_type: c.subject_type,
  };
  if (c.line !== null) {
    out.line = c.line;
    out.original_line = c.line;
    out.side = c.side;
  }
  if (c.position !== null) {
    out.position = c.position;
    out.original_position = c.position;
  }
  if (c.in_reply_to_id !== undefined) out.in_reply_to_id = c.in_reply_to_id;
  return out;
}

export function diffEntryJson(ctx: ModelContext, headSha: string, f: DiffFile): Json {
  const repo = ctx.repo.full_name;
  const path = f.filename.split('/').map(encodeURIComponent).join('/');
  const out: Json = {
    sha: f.sha,
    filename: f.filename,
    status: f.status,
    additions: f.additions,
    deletions: f.deletions,
    changes: f.changes,
    blob_url: `${ctx.html}/${repo}/blob/${headSha}/${path}`,
    raw_url: `${ctx.html}/${repo}/raw/${headSha}/${path}`,
    contents_url: `${ctx.api}/repos/${repo}/contents/${path}?ref=${headSha}`,
  };
  if (f.showPatch && f.patchText !== undefined) out.patch = f.patchText;
  if (f.previous_filename !== undefined) out.previous_filename = f.previous_filename;
  return out;
}
