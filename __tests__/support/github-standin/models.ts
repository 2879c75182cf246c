/**
 * JSON as GitHub's REST API sends it, built from the stand-in's records. Shapes follow the
 * OpenAPI response schemas (the self-test validates every response against them).
 */
import type { DiffFile } from './diff.js';
import { diffHunkFor, hunkOf, positionOf } from './diff.js';
import type {
  CheckRunRecord,
  IssueCommentRecord,
  IssueRecord,
  PermissionLevel,
  PullData,
  ReactionRecord,
  RepoRecord,
  ReviewCommentRecord,
  ReviewRecord,
  StandinState,
} from './state.js';
import { fakeSha, nodeId, nowIso } from './state.js';

export interface ModelContext {
  /** API root, e.g. `http://127.0.0.1:1234` (no trailing slash). */
  api: string;
  /** Web root, e.g. `https://github.com`. */
  html: string;
  state: StandinState;
  /** The repository under test. */
  repo: RepoRecord;
}

type Json = Record<string, unknown>;

const REACTIONS = ['+1', '-1', 'laugh', 'confused', 'heart', 'hooray', 'eyes', 'rocket'] as const;

export function userJson(ctx: ModelContext, login: string): Json {
  const u = ctx.state.user(login);
  const api = `${ctx.api}/users/${encodeURIComponent(u.login)}`;
  return {
    login: u.login,
    id: u.id,
    node_id: nodeId(u.type === 'Bot' ? 'BOT' : 'U', u.id),
    avatar_url: `https://avatars.githubusercontent.com/u/${u.id}?v=4`,
    gravatar_id: '',
    url: api,
    html_url:
      u.type === 'Bot'
        ? `${ctx.html}/apps/${u.login.replace(/\[bot\]$/, '')}`
        : `${ctx.html}/${u.login}`,
    followers_url: `${api}/followers`,
    following_url: `${api}/following{/other_user}`,
    gists_url: `${api}/gists{/gist_id}`,
    starred_url: `${api}/starred{/owner}{/repo}`,
    subscriptions_url: `${api}/subscriptions`,
    organizations_url: `${api}/orgs`,
    repos_url: `${api}/repos`,
    events_url: `${api}/events{/privacy}`,
    received_events_url: `${api}/received_events`,
    type: u.type,
    user_view_type: 'public',
    site_admin: false,
  };
}

function permissionsOf(level: PermissionLevel): Json {
  const rank = ['none', 'read', 'triage', 'write', 'maintain', 'admin'].indexOf(level);
  return {
    admin: rank >= 5,
    maintain: rank >= 4,
    push: rank >= 3,
    triage: rank >= 2,
    pull: rank >= 1,
  };
}

/** `repository` (full: true → `full-repository`, as `GET /repos/{owner}/{repo}` returns). */
export function repoJson(ctx: ModelContext, repo: RepoRecord, full = false): Json {
  const api = `${ctx.api}/repos/${repo.full_name}`;
  const html = `${ctx.html}/${repo.full_name}`;
  const host = new URL(ctx.html).host;
  const base: Json = {
    id: repo.id,
    node_id: nodeId('R', repo.id),
    name: repo.name,
    full_name: repo.full_name,
    private: repo.private,
    owner: userJson(ctx, repo.owner),
    html_url: html,
    description: null,
    fork: repo.fork,
    url: api,
    forks_url: `${api}/forks`,
    keys_url: `${api}/keys{/key_id}`,
    collaborators_url: `${api}/collaborators{/collaborator}`,
    teams_url: `${api}/teams`,
    hooks_url: `${api}/hooks`,
    issue_events_url: `${api}/issues/events{/number}`,
    events_url: `${api}/events`,
    assignees_url: `${api}/assignees{/user}`,
    branches_url: `${api}/branches{/branch}`,
    tags_url: `${api}/tags`,
    blobs_url: `${api}/git/blobs{/sha}`,
    git_tags_url: `${api}/git/tags{/sha}`,
    git_refs_url: `${api}/git/refs{/sha}`,
    trees_url: `${api}/git/trees{/sha}`,
    statuses_url: `${api}/statuses/{sha}`,
    languages_url: `${api}/languages`,
    stargazers_url: `${api}/stargazers`,
    contributors_url: `${api}/contributors`,
    subscribers_url: `${api}/subscribers`,
    subscription_url: `${api}/subscription`,
    commits_url: `${api}/commits{/sha}`,
    git_commits_url: `${api}/git/commits{/sha}`,
    comments_url: `${api}/comments{/number}`,
    issue_comment_url: `${api}/issues/comments{/number}`,
    contents_url: `${api}/contents/{+path}`,
    compare_url: `${api}/compare/{base}...{head}`,
    merges_url: `${api}/merges`,
    archive_url: `${api}/{archive_format}{/ref}`,
    downloads_url: `${api}/downloads`,
    issues_url: `${api}/issues{/number}`,
    pulls_url: `${api}/pulls{/number}`,
    milestones_url: `${api}/milestones{/number}`,
    notifications_url: `${api}/notifications{?since,all,participating}`,
    labels_url: `${api}/labels{/name}`,
    releases_url: `${api}/releases{/id}`,
    deployments_url: `${api}/deployments`,
    created_at: repo.created_at,
    updated_at: repo.created_at,
    pushed_at: nowIso(),
    git_url: `git://${host}/${repo.full_name}.git`,
    ssh_url: `git@${host}:${repo.full_name}.git`,
    clone_url: `${html}.git`,
    svn_url: html,
    homepage: null,
    size: 1024,
    stargazers_count: 0,
    watchers_count: 0,
    language: 'TypeScript',
    has_issues: true,
    has_projects: true,
    has_downloads: true,
    has_wiki: false,
    has_pages: false,
    has_discussions: false,
    forks_count: 0,
    mirror_url: null,
    archived: false,
    disabled: false,
    open_issues_count: [...ctx.state.issues.values()].filter((i) => i.state === 'open').length,
    license: null,
    allow_forking: true,
    is_template: false,
    web_commit_signoff_required: false,
    topics: [],
    visibility: repo.private ? 'private' : 'public',
    forks: 0,
    open_issues: [...ctx.state.issues.values()].filter((i) => i.state === 'open').length,
    watchers: 0,
    default_branch: repo.default_branch,
  };
  if (!full) return base;
  const parent = repo.parent ? ctx.state.repo(repo.parent) : undefined;
  return {
    ...base,
    // What an Actions GITHUB_TOKEN with write access sees.
    permissions:
      repo.full_name === ctx.repo.full_name ? permissionsOf('write') : permissionsOf('read'),
    allow_squash_merge: true,
    allow_merge_commit: true,
    allow_rebase_merge: true,
    allow_auto_merge: false,
    delete_branch_on_merge: false,
    allow_update_branch: false,
    use_squash_pr_title_as_default: false,
    squash_merge_commit_title: 'COMMIT_OR_PR_TITLE',
    squash_merge_commit_message: 'COMMIT_MESSAGES',
    merge_commit_title: 'MERGE_MESSAGE',
    merge_commit_message: 'PR_TITLE',
    temp_clone_token: '',
    network_count: 0,
    subscribers_count: 0,
    ...(parent ? { parent: repoJson(ctx, parent), source: repoJson(ctx, parent) } : {}),
  };
}

function labelJson(ctx: ModelContext, name: string): Json {
  const id = Number.parseInt(fakeSha(`label:${name}`).slice(0, 8), 16);
  return {
    id,
    node_id: nodeId('LA', id),
    url: `${ctx.api}/repos/${ctx.repo.full_name}/labels/${encodeURIComponent(name)}`,
    name,
    color: fakeSha(name).slice(0, 6),
    default: false,
    description: null,
  };
}

export function labelsJson(ctx: ModelContext, names: string[]): Json[] {
  return names.map((n) => labelJson(ctx, n));
}

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
    commits: 1,
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

export function checkRunJson(ctx: ModelContext, c: CheckRunRecord): Json {
  const api = `${ctx.api}/repos/${ctx.repo.full_name}`;
  return {
    id: c.id,
    head_sha: c.head_sha,
    node_id: nodeId('CR', c.id),
    external_id: c.external_id ?? '',
    url: `${api}/check-runs/${c.id}`,
    html_url: `${ctx.html}/${ctx.repo.full_name}/runs/${c.id}`,
    details_url: c.details_url ?? `${ctx.html}/${ctx.repo.full_name}/runs/${c.id}`,
    status: c.status,
    conclusion: c.conclusion,
    started_at: c.started_at,
    completed_at: c.completed_at,
    output: {
      title: c.output.title,
      summary: c.output.summary,
      text: c.output.text,
      annotations_count: 0,
      annotations_url: `${api}/check-runs/${c.id}/annotations`,
    },
    name: c.name,
    check_suite: { id: c.id + 1 },
    app: {
      id: 15368,
      slug: 'github-actions',
      node_id: 'MDM6QXBwMTUzNjg=',
      owner: userJson(ctx, 'github'),
      name: 'GitHub Actions',
      description: 'Automate your workflow from idea to production',
      external_url: 'https://help.github.com/en/actions',
      html_url: `${ctx.html}/apps/github-actions`,
      created_at: '2018-07-30T09:30:17Z',
      updated_at: '2019-12-10T19:04:12Z',
      permissions: { checks: 'write', contents: 'write', issues: 'write', pull_requests: 'write' },
      events: ['check_run', 'pull_request', 'push'],
    },
    pull_requests: ctx.state.pulls
      .filter((p) => p.pull.head.sha === c.head_sha && p.state === 'open')
      .map((p) => ({
        id: p.pull.id,
        number: p.number,
        url: `${api}/pulls/${p.number}`,
        head: {
          ref: p.pull.head.ref,
          sha: p.pull.head.sha,
          repo: { id: ctx.repo.id, url: api, name: ctx.repo.name },
        },
        base: {
          ref: p.pull.base.ref,
          sha: p.pull.base.sha,
          repo: { id: ctx.repo.id, url: api, name: ctx.repo.name },
        },
      })),
  };
}

export function collaboratorPermissionJson(
  ctx: ModelContext,
  login: string,
  level: PermissionLevel,
): Json {
  // The `permission` field only knows admin/write/read/none; role_name carries maintain/triage.
  const legacy = level === 'maintain' ? 'write' : level === 'triage' ? 'read' : level;
  return {
    permission: legacy,
    role_name: level,
    user: { ...userJson(ctx, login), permissions: permissionsOf(level), role_name: level },
  };
}

/** What the anchor of a review comment resolves to in the PR diff (used for diff_hunk/position). */
export function anchor(
  file: DiffFile,
  side: 'LEFT' | 'RIGHT',
  line: number,
): { diff_hunk: string; position: number | null } {
  const hunk = hunkOf(file, side, line);
  return {
    diff_hunk: hunk >= 0 ? diffHunkFor(file, hunk, side, line) : '',
    position: positionOf(file, side, line) ?? null,
  };
}
