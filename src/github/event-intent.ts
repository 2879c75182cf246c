/**
 * Every GitHub event a door receives, normalised once into an `Intent`. Nothing downstream reads
 * the webhook payload: what a run needs (repository, pull request, comment, actor) is copied here.
 *
 * Payloads are attacker-shaped input, so the webhook types from `@octokit/webhooks` only name the
 * fields (a renamed field is a compile error); every value is checked at run time, and a payload
 * missing something we need becomes an `ignore` intent with the reason, never an exception.
 *
 * Which events do what:
 * - `pull_request` opened / synchronize / reopened / ready_for_review → `review` (drafts are
 *   ignored when `skipDrafts`);
 * - `pull_request_target`, the same, with `safeMode: true`: it runs with the base repository's
 *   secrets, so PR code is never checked out and the workflow file comes from the base branch;
 * - `issue_comment` **created** on a pull request with an `/aethr` command → `command` (edited and
 *   deleted comments, comments by bots — this action's own included — and comments without a
 *   command are ignored);
 * - `pull_request` / `pull_request_target` / `issues` `labeled` with the trigger label → `label`;
 * - `schedule`, or `workflow_dispatch` with input `intent: docs-sync` → `docs_sync`;
 * - `workflow_dispatch` with a `task` input → `dispatch`;
 * - anything else → `ignore`, with a reason a person can read.
 *
 * Commands and labels are explicit requests, so they run on draft pull requests too.
 */
import type { EmitterWebhookEvent } from '@octokit/webhooks';
import { parseCommand, type Command } from './commands.js';

export const DEFAULT_TRIGGER_LABEL = 'aethr:implement';

export interface IntentOptions {
  /** Ignore automatic reviews of draft pull requests. Default true. */
  skipDrafts?: boolean;
  /** This action's own login (`github-actions[bot]`, an App's `name[bot]`, a PAT's user). */
  botLogin?: string;
  /** The label that asks for an implementation. Default `aethr:implement`. */
  triggerLabel?: string;
  /** `owner/name` (GITHUB_REPOSITORY) for events whose payload names no repository (schedule). */
  repository?: string;
}

export interface RepositoryInfo {
  owner: string;
  repo: string;
  /** `owner/name`. */
  fullName: string;
  defaultBranch?: string;
  private?: boolean;
}

export interface BranchInfo {
  sha: string;
  ref: string;
  /** `owner/name` of the repository the branch lives in; undefined when the fork was deleted. */
  repoFullName?: string;
}

export interface PullRequestInfo {
  number: number;
  title: string;
  body: string;
  draft: boolean;
  state: string;
  /** Login of the pull request's author. */
  author: string;
  htmlUrl?: string;
  head: BranchInfo;
  base: BranchInfo;
  /** The head branch lives in another repository than the base (or its repository is gone). */
  isFork: boolean;
  maintainerCanModify: boolean;
  labels: string[];
  /** Commits on the PR branch, as GitHub counted them when this was read (payloads may be stale). */
  commits?: number;
}

export interface IssueInfo {
  number: number;
  title: string;
  body: string;
  state: string;
  author: string;
  /** The issue is a pull request (`issue.pull_request` is present). */
  isPullRequest: boolean;
  draft?: boolean;
  htmlUrl?: string;
  labels: string[];
}

export interface CommentInfo {
  id: number;
  body: string;
  author: string;
  htmlUrl?: string;
}

/** Where the workflow file is read from: the PR head, or the base branch (forks, base-context events). */
export type WorkflowSource = 'head' | 'base';

interface IntentBase {
  /** The event name as GitHub sent it (`pull_request`, `issue_comment`, ...). */
  event: string;
  action?: string;
  repository: RepositoryInfo;
}

export interface ReviewIntent extends IntentBase {
  kind: 'review';
  /** Who triggered the event (`sender.login`): the person to authorise. */
  actor: string;
  pullRequest: PullRequestInfo;
  /** `pull_request_target`: never check out or run PR code; workflow file from the base branch. */
  safeMode: boolean;
  workflowFrom: WorkflowSource;
}

export interface CommandIntent extends IntentBase {
  kind: 'command';
  actor: string;
  command: Command;
  comment: CommentInfo;
  /** The pull request as the comment payload describes it (no head or base: fetch those). */
  issue: IssueInfo;
  pullRequestNumber: number;
  safeMode: boolean;
  /**
   * Always `base`: `issue_comment` workflows run on the default branch with its secrets, and
   * whether the PR comes from a fork is only known once the PR is fetched (`parsePullRequest`).
   */
  workflowFrom: WorkflowSource;
}

export interface LabelIntent extends IntentBase {
  kind: 'label';
  actor: string;
  label: string;
  target: 'issue' | 'pull_request';
  issue: IssueInfo;
  /** Present when the label was put on a pull request. */
  pullRequest?: PullRequestInfo;
  safeMode: boolean;
  workflowFrom: WorkflowSource;
}

export interface DocsSyncIntent extends IntentBase {
  kind: 'docs_sync';
  trigger: 'schedule' | 'workflow_dispatch';
  /** Absent for `schedule`, whose payload names no sender. */
  actor?: string;
  ref?: string;
  /** The cron expression, for `schedule`. */
  schedule?: string;
  inputs: Record<string, string>;
}

export interface DispatchIntent extends IntentBase {
  kind: 'dispatch';
  actor: string;
  task: string;
  ref?: string;
  inputs: Record<string, string>;
}

export interface IgnoreIntent {
  kind: 'ignore';
  event: string;
  action?: string;
  reason: string;
  repository?: RepositoryInfo;
}

export type Intent =
  ReviewIntent | CommandIntent | LabelIntent | DocsSyncIntent | DispatchIntent | IgnoreIntent;

export const isReviewIntent = (intent: Intent): intent is ReviewIntent => intent.kind === 'review';
export const isCommandIntent = (intent: Intent): intent is CommandIntent =>
  intent.kind === 'command';
export const isLabelIntent = (intent: Intent): intent is LabelIntent => intent.kind === 'label';
export const isDocsSyncIntent = (intent: Intent): intent is DocsSyncIntent =>
  intent.kind === 'docs_sync';
export const isDispatchIntent = (intent: Intent): intent is DispatchIntent =>
  intent.kind === 'dispatch';
export const isIgnoreIntent = (intent: Intent): intent is IgnoreIntent => intent.kind === 'ignore';

// ---------------------------------------------------------------------------------------------
// Webhook shapes (names only; values are checked at run time)

type PullRequestEvent = EmitterWebhookEvent<'pull_request'>['payload'];
type WebhookPullRequest = PullRequestEvent['pull_request'];
type WebhookBranch = WebhookPullRequest['head'];
type WebhookRepository = PullRequestEvent['repository'];
type WebhookUser = NonNullable<WebhookPullRequest['user']>;
type IssueCommentEvent = EmitterWebhookEvent<'issue_comment'>['payload'];
type WebhookIssue = IssueCommentEvent['issue'];
type WebhookComment = IssueCommentEvent['comment'];
type LabeledEvent = EmitterWebhookEvent<'pull_request.labeled'>['payload'];
type IssuesLabeledEvent = EmitterWebhookEvent<'issues.labeled'>['payload'];
type WebhookLabel = NonNullable<LabeledEvent['label']>;
type WorkflowDispatchEvent = EmitterWebhookEvent<'workflow_dispatch'>['payload'];
type PullRequestAction = PullRequestEvent['action'];
type IssueCommentAction = IssueCommentEvent['action'];

const REVIEW_ACTIONS = [
  'opened',
  'synchronize',
  'reopened',
  'ready_for_review',
] as const satisfies readonly PullRequestAction[];
const LABELED: PullRequestAction = 'labeled';
const COMMENT_CREATED: IssueCommentAction = 'created';

type Fields = Record<string, unknown>;

function isFields(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `value[key]` when value is an object; `T` only checks that `key` is a real field name. */
function field<T>(value: unknown, key: keyof NonNullable<T> & string): unknown {
  return isFields(value) ? value[key] : undefined;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function positiveInteger(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0 ? value : undefined;
}

function labelNames(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((label) => {
    const name = text(field<WebhookLabel>(label, 'name'));
    return name === undefined ? [] : [name];
  });
}

function sameName(a: string, b: string): boolean {
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

function parseIssue(value: unknown): Parsed<IssueInfo> {
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

function issueFromPullRequest(pr: PullRequestInfo): IssueInfo {
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

// ---------------------------------------------------------------------------------------------
// The normaliser

export function normaliseEvent(
  event: { name: string; payload: unknown },
  options: IntentOptions = {},
): Intent {
  const name = String(event.name);
  const payload = event.payload;
  const action = text(field<PullRequestEvent>(payload, 'action'));
  const ignore = (reason: string, repository?: RepositoryInfo): IgnoreIntent => {
    const intent: IgnoreIntent = { kind: 'ignore', event: name, reason };
    if (action !== undefined) intent.action = action;
    if (repository) intent.repository = repository;
    return intent;
  };

  if (!isFields(payload)) return ignore('the event has no payload');
  const repository = repositoryOf(payload, options);
  if (!repository.ok) return ignore(repository.reason);
  const base = {
    event: name,
    repository: repository.value,
    ...(action === undefined ? {} : { action }),
  };
  const actor = text(field<WebhookUser>(field<PullRequestEvent>(payload, 'sender'), 'login'));
  const triggerLabel = options.triggerLabel ?? DEFAULT_TRIGGER_LABEL;

  switch (name) {
    case 'pull_request':
    case 'pull_request_target': {
      const safeMode = name === 'pull_request_target';
      if (action === undefined) return ignore(`${name} event without an action`, repository.value);
      const pr = parsePullRequest(field<PullRequestEvent>(payload, 'pull_request'));
      if (!pr.ok) return ignore(pr.reason, repository.value);
      if (!actor) return ignore('the payload names no sender', repository.value);
      const workflowFrom: WorkflowSource = safeMode || pr.value.isFork ? 'base' : 'head';
      if (action === LABELED) {
        const label = text(field<WebhookLabel>(field<LabeledEvent>(payload, 'label'), 'name'));
        if (!label || !sameName(label, triggerLabel)) {
          return ignore(
            `label "${label ?? ''}" is not the trigger label "${triggerLabel}"`,
            repository.value,
          );
        }
        return {
          kind: 'label',
          ...base,
          actor,
          label,
          target: 'pull_request',
          issue: issueFromPullRequest(pr.value),
          pullRequest: pr.value,
          safeMode,
          workflowFrom,
        };
      }
      if (!(REVIEW_ACTIONS as readonly string[]).includes(action)) {
        return ignore(
          `${name} "${action}" does not start a review (only ${REVIEW_ACTIONS.join(', ')})`,
          repository.value,
        );
      }
      if (pr.value.state === 'closed')
        return ignore(`pull request #${pr.value.number} is closed`, repository.value);
      // Our own follow-up commits were reviewed inside the implement loop: a push by this
      // action's identity never starts another run (a PAT's pushes do trigger workflows).
      if (
        action === 'synchronize' &&
        isBotUser(field<PullRequestEvent>(payload, 'sender'), options.botLogin)
      ) {
        return ignore(
          `the push to #${pr.value.number} was made by ${actor}, this action's own identity`,
          repository.value,
        );
      }
      if (pr.value.draft && (options.skipDrafts ?? true)) {
        return ignore(
          `pull request #${pr.value.number} is a draft (drafts are skipped)`,
          repository.value,
        );
      }
      return { kind: 'review', ...base, actor, pullRequest: pr.value, safeMode, workflowFrom };
    }

    case 'issue_comment': {
      if (action !== COMMENT_CREATED) {
        return ignore(
          `comment ${action ?? 'event'}: only newly created comments are read`,
          repository.value,
        );
      }
      const issue = parseIssue(field<IssueCommentEvent>(payload, 'issue'));
      if (!issue.ok) return ignore(issue.reason, repository.value);
      if (!issue.value.isPullRequest)
        return ignore(`#${issue.value.number} is an issue, not a pull request`, repository.value);
      const comment = field<IssueCommentEvent>(payload, 'comment');
      const user = field<WebhookComment>(comment, 'user');
      const author = text(field<WebhookUser>(user, 'login'));
      const id = positiveInteger(field<WebhookComment>(comment, 'id'));
      const body = text(field<WebhookComment>(comment, 'body'));
      if (!author || id === undefined || body === undefined) {
        return ignore('the comment lacks an id, a body or an author', repository.value);
      }
      if (isBotUser(user, options.botLogin))
        return ignore(`comment by a bot (${author})`, repository.value);
      const command = parseCommand(body);
      if (!command) return ignore('the comment has no /aethr command', repository.value);
      const commentInfo: CommentInfo = { id, body, author };
      const htmlUrl = text(field<WebhookComment>(comment, 'html_url'));
      if (htmlUrl) commentInfo.htmlUrl = htmlUrl;
      return {
        kind: 'command',
        ...base,
        actor: actor ?? author,
        command,
        comment: commentInfo,
        issue: issue.value,
        pullRequestNumber: issue.value.number,
        safeMode: false,
        workflowFrom: 'base',
      };
    }

    case 'issues': {
      if (action !== LABELED)
        return ignore(`issues "${action ?? ''}" does not start a run`, repository.value);
      const label = text(field<WebhookLabel>(field<LabeledEvent>(payload, 'label'), 'name'));
      if (!label || !sameName(label, triggerLabel)) {
        return ignore(
          `label "${label ?? ''}" is not the trigger label "${triggerLabel}"`,
          repository.value,
        );
      }
      const issue = parseIssue(field<IssuesLabeledEvent>(payload, 'issue'));
      if (!issue.ok) return ignore(issue.reason, repository.value);
      if (!actor) return ignore('the payload names no sender', repository.value);
      return {
        kind: 'label',
        ...base,
        actor,
        label,
        target: issue.value.isPullRequest ? 'pull_request' : 'issue',
        issue: issue.value,
        safeMode: false,
        workflowFrom: 'base',
      };
    }

    case 'schedule': {
      const intent: DocsSyncIntent = {
        kind: 'docs_sync',
        ...base,
        trigger: 'schedule',
        inputs: {},
      };
      const schedule = text(payload['schedule']);
      if (schedule) intent.schedule = schedule;
      return intent;
    }

    case 'workflow_dispatch': {
      const inputs = stringInputs(field<WorkflowDispatchEvent>(payload, 'inputs'));
      const ref = text(field<WorkflowDispatchEvent>(payload, 'ref'));
      const wanted = (inputs['intent'] ?? '').trim().toLowerCase().replaceAll('_', '-');
      if (wanted === 'docs-sync') {
        const intent: DocsSyncIntent = {
          kind: 'docs_sync',
          ...base,
          trigger: 'workflow_dispatch',
          inputs,
        };
        if (actor) intent.actor = actor;
        if (ref) intent.ref = ref;
        return intent;
      }
      const task = (inputs['task'] ?? '').trim();
      if (!task)
        return ignore(
          'workflow_dispatch without a "task" input (or "intent: docs-sync")',
          repository.value,
        );
      if (!actor) return ignore('the payload names no sender', repository.value);
      const intent: DispatchIntent = { kind: 'dispatch', ...base, actor, task, inputs };
      if (ref) intent.ref = ref;
      return intent;
    }

    default:
      return ignore(`event "${name}" does not trigger aethr`, repository.value);
  }
}

function repositoryOf(payload: Fields, options: IntentOptions): Parsed<RepositoryInfo> {
  const fromPayload = parseRepository(field<PullRequestEvent>(payload, 'repository'));
  if (fromPayload.ok || !options.repository) return fromPayload;
  const [owner, repo, ...rest] = options.repository.split('/');
  if (!owner || !repo || rest.length > 0)
    return { ok: false, reason: `"${options.repository}" is not owner/name` };
  return { ok: true, value: { owner, repo, fullName: `${owner}/${repo}` } };
}

/** `workflow_dispatch` inputs as strings (booleans and numbers arrive as such in some payloads). */
function stringInputs(value: unknown): Record<string, string> {
  const inputs: Record<string, string> = {};
  if (!isFields(value)) return inputs;
  for (const [key, input] of Object.entries(value)) {
    if (typeof input === 'string' || typeof input === 'number' || typeof input === 'boolean')
      inputs[key] = String(input);
  }
  return inputs;
}
