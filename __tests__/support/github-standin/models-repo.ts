/** JSON for users, repositories, labels, permissions and check runs (see models.ts). */
import type { CheckRunRecord, PermissionLevel, RepoRecord, StandinState } from './state.js';
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

export type Json = Record<string, unknown>;

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

export function permissionsOf(level: PermissionLevel): Json {
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
      annotations_count: c.annotations.length,
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
