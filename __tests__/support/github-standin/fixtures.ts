/** Fixtures → state, and the changes a test makes between runs (a push, an edit). */
import type { PatchLimits } from './diff.js';
import { parsePullDiff } from './diff.js';
import type {
  IssueCommentFixture,
  PullData,
  PullFixture,
  RepoRecord,
  StandinState,
} from './state.js';
import { fakeSha, nowIso } from './state.js';
import type { GitHubStandinOptions, PullUpdate } from './types.js';

/** Builds the stored pull data for a diff (used by fixtures, updates and created PRs). */
export function pullData(
  id: number,
  head: PullData['head'],
  base: PullData['base'],
  diff: string,
  extra: Partial<
    Pick<
      PullData,
      'draft' | 'maintainer_can_modify' | 'merged' | 'omitPatchFor' | 'patchLimits' | 'commits'
    >
  > = {},
): PullData {
  const omitPatchFor = extra.omitPatchFor ?? [];
  const patchLimits = extra.patchLimits ?? {};
  const files = parsePullDiff(diff, { omitPatchFor, limits: patchLimits });
  return {
    id,
    head,
    base,
    diff,
    files,
    filesAt: new Map([[head.sha, files]]),
    draft: extra.draft ?? false,
    maintainer_can_modify: extra.maintainer_can_modify ?? false,
    merged: extra.merged ?? false,
    commits: extra.commits ?? 1,
    omitPatchFor,
    patchLimits,
  };
}

/** Loads the options' fixtures into `state`; returns the repository under test. */
export function seedState(state: StandinState, options: GitHubStandinOptions): RepoRecord {
  const defaultBranch = options.defaultBranch ?? 'main';
  const created = '2020-01-01T00:00:00Z';
  const main: RepoRecord = {
    id: options.repoId ?? 700_000_001,
    owner: options.owner,
    name: options.repo,
    full_name: `${options.owner}/${options.repo}`,
    default_branch: defaultBranch,
    private: options.private ?? false,
    fork: false,
    created_at: created,
  };
  state.addRepo(main);
  let nextRepoId = main.id + 1;
  for (const [login, setting] of Object.entries(options.permissions ?? {})) {
    state.permissions.set(login, setting);
  }
  for (const [ref, files] of Object.entries(options.contents ?? {})) {
    state.contents.set(ref, new Map(Object.entries(files)));
  }

  for (const fx of options.pulls ?? []) {
    const headRepo = fx.head.repo ?? main.full_name;
    if (!state.repo(headRepo)) {
      const [owner, name] = headRepo.split('/') as [string, string];
      state.addRepo({
        id: nextRepoId++,
        owner,
        name,
        full_name: headRepo,
        default_branch: defaultBranch,
        private: main.private,
        fork: true,
        parent: main.full_name,
        created_at: created,
      });
    }
    if (headRepo.toLowerCase() === main.full_name.toLowerCase()) {
      state.branches.set(fx.head.ref, fx.head.sha);
    }
    if (!state.branches.has(fx.base.ref)) state.branches.set(fx.base.ref, fx.base.sha);
    const createdAt = fx.created_at ?? nowIso();
    const closed = fx.state === 'closed' || fx.merged === true;
    const extra: Parameters<typeof pullData>[4] = {
      draft: fx.draft ?? false,
      maintainer_can_modify: fx.maintainer_can_modify ?? false,
      merged: fx.merged ?? false,
    };
    if (fx.omitPatchFor) extra.omitPatchFor = fx.omitPatchFor;
    if (fx.commits !== undefined) extra.commits = fx.commits;
    if (fx.patchLimits) extra.patchLimits = fx.patchLimits;
    state.issues.set(fx.number, {
      number: fx.number,
      id: state.id(),
      title: fx.title ?? `Pull request #${fx.number}`,
      body: fx.body === undefined ? null : fx.body,
      user: fx.author ?? 'octocat',
      labels: [...(fx.labels ?? [])],
      state: closed ? 'closed' : 'open',
      created_at: createdAt,
      updated_at: createdAt,
      closed_at: closed ? createdAt : null,
      pull: pullData(state.id(), { ...fx.head, repo: headRepo }, fx.base, fx.diff, extra),
    });
  }
  for (const fx of options.issues ?? []) {
    const createdAt = fx.created_at ?? nowIso();
    state.issues.set(fx.number, {
      number: fx.number,
      id: state.id(),
      title: fx.title,
      body: fx.body === undefined ? null : fx.body,
      user: fx.author ?? 'octocat',
      labels: [...(fx.labels ?? [])],
      state: fx.state ?? 'open',
      created_at: createdAt,
      updated_at: createdAt,
      closed_at: fx.state === 'closed' ? createdAt : null,
    });
  }
  for (const fx of options.issueComments ?? []) if (fx.id !== undefined) state.reserveId(fx.id);
  for (const fx of options.issueComments ?? []) {
    const at = fx.created_at ?? nowIso();
    state.issueComments.push({
      id: fx.id ?? state.id(),
      issue_number: fx.issue_number,
      body: fx.body,
      user: fx.author,
      created_at: at,
      updated_at: at,
    });
  }
  for (const [name, sha] of Object.entries(options.branches ?? {})) state.branches.set(name, sha);
  if (!state.branches.has(defaultBranch)) {
    state.branches.set(
      defaultBranch,
      options.defaultBranchSha ?? fakeSha(`${main.full_name}:${defaultBranch}`),
    );
  } else if (options.defaultBranchSha) {
    state.branches.set(defaultBranch, options.defaultBranchSha);
  }
  return main;
}

export function updatePullRecord(
  state: StandinState,
  main: RepoRecord,
  number: number,
  update: PullUpdate,
): void {
  const pr = state.pull(number);
  if (!pr) throw new Error(`github-standin: no pull request #${number}`);
  const pull: PullData = pr.pull;
  if (update.head) {
    pull.head = { ...pull.head, sha: update.head.sha, ref: update.head.ref ?? pull.head.ref };
    if (pull.head.repo.toLowerCase() === main.full_name.toLowerCase())
      state.branches.set(pull.head.ref, pull.head.sha);
  }
  if (update.base) pull.base = { sha: update.base.sha, ref: update.base.ref ?? pull.base.ref };
  if (update.omitPatchFor) pull.omitPatchFor = update.omitPatchFor;
  if (update.diff !== undefined || update.omitPatchFor) {
    pull.diff = update.diff ?? pull.diff;
    pull.files = parsePullDiff(pull.diff, {
      omitPatchFor: pull.omitPatchFor,
      limits: pull.patchLimits as Partial<PatchLimits>,
    });
  }
  pull.filesAt.set(pull.head.sha, pull.files);
  if (update.title !== undefined) pr.title = update.title;
  if (update.body !== undefined) pr.body = update.body;
  if (update.draft !== undefined) pull.draft = update.draft;
  if (update.maintainer_can_modify !== undefined)
    pull.maintainer_can_modify = update.maintainer_can_modify;
  if (update.commits !== undefined) pull.commits = update.commits;
  if (update.labels) pr.labels = [...update.labels];
  if (update.state) {
    pr.state = update.state;
    pr.closed_at = update.state === 'closed' ? nowIso() : null;
  }
  pr.updated_at = nowIso();
}

/** The fields of a webhook payload's `pull_request` the stand-in needs. */
export interface WebhookPullRequest {
  number: number;
  title: string;
  body?: string | null;
  user: { login: string } | null;
  head: { sha: string; ref: string; repo: { full_name: string } | null };
  base: { sha: string; ref: string };
  draft?: boolean;
  maintainer_can_modify?: boolean;
  state?: string;
  merged?: boolean | null;
  labels?: Array<{ name: string }>;
}

/** A PR fixture matching a webhook payload's `pull_request`, with the diff the test supplies. */
export function pullFixtureFromWebhook(
  pr: WebhookPullRequest,
  diff: string,
  extra: Partial<PullFixture> = {},
): PullFixture {
  const fixture: PullFixture = {
    number: pr.number,
    title: pr.title,
    body: pr.body ?? null,
    author: pr.user?.login ?? 'ghost',
    head: { sha: pr.head.sha, ref: pr.head.ref },
    base: { sha: pr.base.sha, ref: pr.base.ref },
    draft: pr.draft ?? false,
    maintainer_can_modify: pr.maintainer_can_modify ?? false,
    state: pr.state === 'closed' ? 'closed' : 'open',
    merged: pr.merged === true,
    labels: (pr.labels ?? []).map((l) => l.name),
    diff,
  };
  if (pr.head.repo) fixture.head.repo = pr.head.repo.full_name;
  return { ...fixture, ...extra };
}

/** An issue-comment fixture with the id, issue and author of an `issue_comment` payload. */
export function issueCommentFixtureFromWebhook(payload: {
  comment: { id: number; body: string; user: { login: string } | null; created_at: string };
  issue: { number: number };
}): IssueCommentFixture {
  return {
    id: payload.comment.id,
    issue_number: payload.issue.number,
    body: payload.comment.body,
    author: payload.comment.user?.login ?? 'ghost',
    created_at: payload.comment.created_at,
  };
}
