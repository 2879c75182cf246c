/**
 * Readers of webhook payloads (and API responses of the same shape). Payloads are
 * attacker-shaped input, so the webhook types from `@octokit/webhooks` only name the fields (a
 * renamed field is a compile error); every value is checked at run time and a missing one is a
 * reason, never an exception.
 */
import type { EmitterWebhookEvent } from '@octokit/webhooks';
import type {
  BranchInfo,
  IntentOptions,
  IssueInfo,
  PullRequestInfo,
  RepositoryInfo,
} from './intent-types.js';

// Webhook shapes (names only; values are checked at run time)

export type PullRequestEvent = EmitterWebhookEvent<'pull_request'>['payload'];
export type WebhookPullRequest = PullRequestEvent['pull_request'];
export type WebhookBranch = WebhookPullRequest['head'];
export type WebhookRepository = PullRequestEvent['repository'];
export type WebhookUser = NonNullable<WebhookPullRequest['user']>;
export type IssueCommentEvent = EmitterWebhookEvent<'issue_comment'>['payload'];
export type WebhookIssue = IssueCommentEvent['issue'];
export type WebhookComment = IssueCommentEvent['comment'];
export type LabeledEvent = EmitterWebhookEvent<'pull_request.labeled'>['payload'];
export type IssuesLabeledEvent = EmitterWebhookEvent<'issues.labeled'>['payload'];
export type WebhookLabel = NonNullable<LabeledEvent['label']>;
export type WorkflowDispatchEvent = EmitterWebhookEvent<'workflow_dispatch'>['payload'];
export type RepositoryDispatchEvent = EmitterWebhookEvent<'repository_dispatch'>['payload'];
export type PullRequestAction = PullRequestEvent['action'];
export type IssueCommentAction = IssueCommentEvent['action'];

export const REVIEW_ACTIONS = [
  'opened',
  'synchronize',
  'reopened',
  'ready_for_review',
] as const satisfies readonly PullRequestAction[];
export const LABELED: PullRequestAction = 'labeled';
export const COMMENT_CREATED: IssueCommentAction = 'created';

export type Fields = Record<string, unknown>;

export function isFields(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `value[key]` when value is an object; `T` only checks that `key` is a real field name. */
export function field<T>(value: unknown, key: keyof NonNullable<T> & string): unknown {
  return isFields(value) ? value[key] : undefined;
}

export function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

export function positiveInteger(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0 ? value : undefined;
}

export function labelNames(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((label) => {
    const name = text(field<WebhookLabel>(label, 'name'));
    return name === undefined ? [] : [name];
  });
}

export function sameName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

// ---------------------------------------------------------------------------------------------
// Readers, usable on API responses as well as payloads (`GET /pulls/{n}` has the same fields)

export function parseRepository(value: unknown): Parsed<RepositoryInfo> {
  const fullName = text(field<WebhookRepository>(value, 'full_name'));
  const name = text(field<WebhookRepository>(value, 'name'));
  const owner = text(field<WebhookUser>(field<WebhookRepository>(value, 'owner'), 'login'));
  const [fromFullOwner, fromFullName] = fullName?.split('/') ?? [];
  const resolvedOwner = owner ?? fromFullOwner;
  const resolvedName = name ?? fromFullName;
  if (!resolvedOwner || !resolvedName)
    return { ok: false, reason: 'the payload names no repository' };
  const info: RepositoryInfo = {
    owner: resolvedOwner,
    repo: resolvedName,
    fullName: `${resolvedOwner}/${resolvedName}`,
  };
  const defaultBranch = text(field<WebhookRepository>(value, 'default_branch'));
  if (defaultBranch) info.defaultBranch = defaultBranch;
  const isPrivate = field<WebhookRepository>(value, 'private');
  if (typeof isPrivate === 'boolean') info.private = isPrivate;
  return { ok: true, value: info };
}

function parseBranch(value: unknown, side: 'head' | 'base'): Parsed<BranchInfo> {
  const sha = text(field<WebhookBranch>(value, 'sha'));
  const ref = text(field<WebhookBranch>(value, 'ref'));
  if (!sha || !/^[0-9a-f]{7,64}$/i.test(sha))
    return { ok: false, reason: `pull_request.${side}.sha is missing or invalid` };
  if (!ref) return { ok: false, reason: `pull_request.${side}.ref is missing` };
  const branch: BranchInfo = { sha, ref };
  const repoFullName = text(
    field<WebhookRepository>(field<WebhookBranch>(value, 'repo'), 'full_name'),
  );
  if (repoFullName) branch.repoFullName = repoFullName;
  return { ok: true, value: branch };
}

/** A pull request from a webhook payload or from `GET /repos/{o}/{r}/pulls/{n}`. */
export function parsePullRequest(value: unknown): Parsed<PullRequestInfo> {
  if (!isFields(value)) return { ok: false, reason: 'the payload has no pull_request object' };
  const number = positiveInteger(field<WebhookPullRequest>(value, 'number'));
  if (number === undefined) return { ok: false, reason: 'pull_request.number is missing' };
  const head = parseBranch(field<WebhookPullRequest>(value, 'head'), 'head');
  if (!head.ok) return head;
  const base = parseBranch(field<WebhookPullRequest>(value, 'base'), 'base');
  if (!base.ok) return base;
  const headRepo = head.value.repoFullName;
  const baseRepo = base.value.repoFullName;
  const info: PullRequestInfo = {
    number,
    title: text(field<WebhookPullRequest>(value, 'title')) ?? '',
    body: text(field<WebhookPullRequest>(value, 'body')) ?? '',
    draft: field<WebhookPullRequest>(value, 'draft') === true,
    state: text(field<WebhookPullRequest>(value, 'state')) ?? 'open',
    author: text(field<WebhookUser>(field<WebhookPullRequest>(value, 'user'), 'login')) ?? '',
    head: head.value,
    base: base.value,
    // A deleted fork has no head repository: treat it as a fork (the safe answer).
    isFork: headRepo === undefined || baseRepo === undefined || !sameName(headRepo, baseRepo),
    maintainerCanModify: field<WebhookPullRequest>(value, 'maintainer_can_modify') === true,
    labels: labelNames(field<WebhookPullRequest>(value, 'labels')),
  };
  const htmlUrl = text(field<WebhookPullRequest>(value, 'html_url'));
  if (htmlUrl) info.htmlUrl = htmlUrl;
  const commits = positiveInteger(field<WebhookPullRequest>(value, 'commits'));
  if (commits !== undefined) info.commits = commits;
  return { ok: true, value: info };
}

export function parseIssue(value: unknown): Parsed<IssueInfo> {
  const number = positiveInteger(field<WebhookIssue>(value, 'number'));
  if (number === undefined) return { ok: false, reason: 'issue.number is missing' };
  const info: IssueInfo = {
    number,
    title: text(field<WebhookIssue>(value, 'title')) ?? '',
    body: text(field<WebhookIssue>(value, 'body')) ?? '',
    state: text(field<WebhookIssue>(value, 'state')) ?? 'open',
    author: text(field<WebhookUser>(field<WebhookIssue>(value, 'user'), 'login')) ?? '',
    isPullRequest: isFields(field<WebhookIssue>(value, 'pull_request')),
    labels: labelNames(field<WebhookIssue>(value, 'labels')),
  };
  const draft = field<WebhookIssue>(value, 'draft');
  if (typeof draft === 'boolean') info.draft = draft;
  const htmlUrl = text(field<WebhookIssue>(value, 'html_url'));
  if (htmlUrl) info.htmlUrl = htmlUrl;
  return { ok: true, value: info };
}

export function issueFromPullRequest(pr: PullRequestInfo): IssueInfo {
  const issue: IssueInfo = {
    number: pr.number,
    title: pr.title,
    body: pr.body,
    state: pr.state,
    author: pr.author,
    isPullRequest: true,
    draft: pr.draft,
    labels: pr.labels,
  };
  if (pr.htmlUrl) issue.htmlUrl = pr.htmlUrl;
  return issue;
}

/** A bot: `type: Bot`, a `[bot]` login, or this action's own login. */
export function isBotUser(user: unknown, botLogin?: string): boolean {
  const login = text(field<WebhookUser>(user, 'login')) ?? '';
  if (text(field<WebhookUser>(user, 'type')) === 'Bot') return true;
  if (login.toLowerCase().endsWith('[bot]')) return true;
  return botLogin !== undefined && botLogin !== '' && sameName(login, botLogin);
}

export function repositoryOf(payload: Fields, options: IntentOptions): Parsed<RepositoryInfo> {
  const fromPayload = parseRepository(field<PullRequestEvent>(payload, 'repository'));
  if (fromPayload.ok || !options.repository) return fromPayload;
  const [owner, repo, ...rest] = options.repository.split('/');
  if (!owner || !repo || rest.length > 0)
    return { ok: false, reason: `"${options.repository}" is not owner/name` };
  return { ok: true, value: { owner, repo, fullName: `${owner}/${repo}` } };
}

/** `workflow_dispatch` inputs as strings (booleans and numbers arrive as such in some payloads). */
export function stringInputs(value: unknown): Record<string, string> {
  const inputs: Record<string, string> = {};
  if (!isFields(value)) return inputs;
  for (const [key, input] of Object.entries(value)) {
    if (typeof input === 'string' || typeof input === 'number' || typeof input === 'boolean')
      inputs[key] = String(input);
  }
  return inputs;
}
