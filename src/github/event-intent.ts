/**
 * Every GitHub event a door receives, normalised once into an `Intent`. Nothing downstream reads
 * the webhook payload: what a run needs (repository, pull request, comment, actor) is copied here
 * (the readers are in payload-readers.ts; a payload missing something we need becomes an
 * `ignore` intent with the reason, never an exception).
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
 * - `repository_dispatch` of type `aethr`, or `workflow_dispatch` with an `aethr` input, from a
 *   dispatch sender (the App in dispatch mode) → the intent of the event it carries, marked
 *   `dispatched` (carried-intent.ts: what it claims is re-read before the run);
 * - anything else → `ignore`, with a reason a person can read.
 *
 * Commands and labels are explicit requests, so they run on draft pull requests too.
 */
import { CARRIED_INPUT, DISPATCH_EVENT_TYPE, parseCarried } from './carried-intent.js';
import { parseCommand } from './commands.js';
import type {
  CommentInfo,
  DispatchIntent,
  DocsSyncIntent,
  IgnoreIntent,
  Intent,
  IntentOptions,
  RepositoryInfo,
  WorkflowSource,
} from './intent-types.js';
import { DEFAULT_TRIGGER_LABEL } from './intent-types.js';
import {
  COMMENT_CREATED,
  LABELED,
  REVIEW_ACTIONS,
  field,
  isBotUser,
  isFields,
  issueFromPullRequest,
  parseIssue,
  parsePullRequest,
  positiveInteger,
  repositoryOf,
  sameName,
  stringInputs,
  text,
  type Fields,
  type IssueCommentEvent,
  type IssuesLabeledEvent,
  type LabeledEvent,
  type PullRequestEvent,
  type WebhookComment,
  type WebhookLabel,
  type WebhookUser,
  type RepositoryDispatchEvent,
  type WorkflowDispatchEvent,
} from './payload-readers.js';

export * from './intent-types.js';
export { isBotUser, parsePullRequest, parseRepository, type Parsed } from './payload-readers.js';

/** One event being normalised: what every reader below needs. */
interface Scope {
  name: string;
  action: string | undefined;
  payload: Fields;
  repository: RepositoryInfo;
  /** The fields every intent carries. */
  base: { event: string; repository: RepositoryInfo; action?: string };
  /** `sender.login`. */
  actor: string | undefined;
  triggerLabel: string;
  options: IntentOptions;
  ignore(reason: string): IgnoreIntent;
}

export function normaliseEvent(
  event: { name: string; payload: unknown },
  options: IntentOptions = {},
): Intent {
  const name = String(event.name);
  const payload = event.payload;
  const action = text(field<PullRequestEvent>(payload, 'action'));
  const ignoreWith =
    (repository?: RepositoryInfo) =>
    (reason: string): IgnoreIntent => {
      const intent: IgnoreIntent = { kind: 'ignore', event: name, reason };
      if (action !== undefined) intent.action = action;
      if (repository) intent.repository = repository;
      return intent;
    };

  if (!isFields(payload)) return ignoreWith()('the event has no payload');
  const repository = repositoryOf(payload, options);
  if (!repository.ok) return ignoreWith()(repository.reason);
  const s: Scope = {
    name,
    action,
    payload,
    repository: repository.value,
    base: {
      event: name,
      repository: repository.value,
      ...(action === undefined ? {} : { action }),
    },
    actor: text(field<WebhookUser>(field<PullRequestEvent>(payload, 'sender'), 'login')),
    triggerLabel: options.triggerLabel ?? DEFAULT_TRIGGER_LABEL,
    options,
    ignore: ignoreWith(repository.value),
  };

  switch (name) {
    case 'pull_request':
    case 'pull_request_target':
      return pullRequestIntent(s);
    case 'issue_comment':
      return commentIntent(s);
    case 'issues':
      return issueLabelIntent(s);
    case 'schedule': {
      const intent: DocsSyncIntent = {
        kind: 'docs_sync',
        ...s.base,
        trigger: 'schedule',
        inputs: {},
      };
      const schedule = text(payload['schedule']);
      if (schedule) intent.schedule = schedule;
      return intent;
    }
    case 'workflow_dispatch':
      return workflowDispatchIntent(s);
    case 'repository_dispatch':
      if (s.action !== DISPATCH_EVENT_TYPE)
        return s.ignore(`repository_dispatch "${s.action ?? ''}" is not for aethr`);
      return dispatchedIntent(s, field<RepositoryDispatchEvent>(payload, 'client_payload'));
    default:
      return s.ignore(`event "${name}" does not trigger aethr`);
  }
}

function pullRequestIntent(s: Scope): Intent {
  const { name, action, actor, base } = s;
  const safeMode = name === 'pull_request_target';
  if (action === undefined) return s.ignore(`${name} event without an action`);
  const pr = parsePullRequest(field<PullRequestEvent>(s.payload, 'pull_request'));
  if (!pr.ok) return s.ignore(pr.reason);
  if (!actor) return s.ignore('the payload names no sender');
  const workflowFrom: WorkflowSource = safeMode || pr.value.isFork ? 'base' : 'head';
  if (action === LABELED) {
    const label = triggerLabelOf(s);
    if (typeof label !== 'string') return label;
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
    return s.ignore(
      `${name} "${action}" does not start a review (only ${REVIEW_ACTIONS.join(', ')})`,
    );
  }
  if (pr.value.state === 'closed') return s.ignore(`pull request #${pr.value.number} is closed`);
  // Our own follow-up commits were reviewed inside the implement loop: a push by this
  // action's identity never starts another run (a PAT's pushes do trigger workflows).
  if (
    action === 'synchronize' &&
    isBotUser(field<PullRequestEvent>(s.payload, 'sender'), s.options.botLogin)
  ) {
    return s.ignore(
      `the push to #${pr.value.number} was made by ${actor}, this action's own identity`,
    );
  }
  if (pr.value.draft && (s.options.skipDrafts ?? true)) {
    return s.ignore(`pull request #${pr.value.number} is a draft (drafts are skipped)`);
  }
  return { kind: 'review', ...base, actor, pullRequest: pr.value, safeMode, workflowFrom };
}

/** The event's label when it is the trigger label, else the `ignore` intent saying so. */
function triggerLabelOf(s: Scope): string | IgnoreIntent {
  const label = text(field<WebhookLabel>(field<LabeledEvent>(s.payload, 'label'), 'name'));
  if (!label || !sameName(label, s.triggerLabel)) {
    return s.ignore(`label "${label ?? ''}" is not the trigger label "${s.triggerLabel}"`);
  }
  return label;
}

function commentIntent(s: Scope): Intent {
  if (s.action !== COMMENT_CREATED) {
    return s.ignore(`comment ${s.action ?? 'event'}: only newly created comments are read`);
  }
  const issue = parseIssue(field<IssueCommentEvent>(s.payload, 'issue'));
  if (!issue.ok) return s.ignore(issue.reason);
  if (!issue.value.isPullRequest)
    return s.ignore(`#${issue.value.number} is an issue, not a pull request`);
  const comment = field<IssueCommentEvent>(s.payload, 'comment');
  const user = field<WebhookComment>(comment, 'user');
  const author = text(field<WebhookUser>(user, 'login'));
  const id = positiveInteger(field<WebhookComment>(comment, 'id'));
  const body = text(field<WebhookComment>(comment, 'body'));
  if (!author || id === undefined || body === undefined) {
    return s.ignore('the comment lacks an id, a body or an author');
  }
  if (isBotUser(user, s.options.botLogin)) return s.ignore(`comment by a bot (${author})`);
  const command = parseCommand(body);
  if (!command) return s.ignore('the comment has no /aethr command');
  const commentInfo: CommentInfo = { id, body, author };
  const htmlUrl = text(field<WebhookComment>(comment, 'html_url'));
  if (htmlUrl) commentInfo.htmlUrl = htmlUrl;
  return {
    kind: 'command',
    ...s.base,
    actor: s.actor ?? author,
    command,
    comment: commentInfo,
    issue: issue.value,
    pullRequestNumber: issue.value.number,
    safeMode: false,
    workflowFrom: 'base',
  };
}

function issueLabelIntent(s: Scope): Intent {
  if (s.action !== LABELED) return s.ignore(`issues "${s.action ?? ''}" does not start a run`);
  const label = triggerLabelOf(s);
  if (typeof label !== 'string') return label;
  const issue = parseIssue(field<IssuesLabeledEvent>(s.payload, 'issue'));
  if (!issue.ok) return s.ignore(issue.reason);
  if (!s.actor) return s.ignore('the payload names no sender');
  return {
    kind: 'label',
    ...s.base,
    actor: s.actor,
    label,
    target: issue.value.isPullRequest ? 'pull_request' : 'issue',
    issue: issue.value,
    safeMode: false,
    workflowFrom: 'base',
  };
}

function workflowDispatchIntent(s: Scope): Intent {
  const inputs = stringInputs(field<WorkflowDispatchEvent>(s.payload, 'inputs'));
  const carried = inputs[CARRIED_INPUT];
  if (carried !== undefined) {
    try {
      return dispatchedIntent(s, JSON.parse(carried));
    } catch {
      return s.ignore(`the "${CARRIED_INPUT}" input is not JSON`);
    }
  }
  const ref = text(field<WorkflowDispatchEvent>(s.payload, 'ref'));
  const wanted = (inputs['intent'] ?? '').trim().toLowerCase().replaceAll('_', '-');
  if (wanted === 'docs-sync') {
    const intent: DocsSyncIntent = {
      kind: 'docs_sync',
      ...s.base,
      trigger: 'workflow_dispatch',
      inputs,
    };
    if (s.actor) intent.actor = s.actor;
    if (ref) intent.ref = ref;
    return intent;
  }
  const task = (inputs['task'] ?? '').trim();
  if (!task) return s.ignore('workflow_dispatch without a "task" input (or "intent: docs-sync")');
  if (!s.actor) return s.ignore('the payload names no sender');
  const intent: DispatchIntent = { kind: 'dispatch', ...s.base, actor: s.actor, task, inputs };
  if (ref) intent.ref = ref;
  return intent;
}

/**
 * A request the App authorised and carried here: normalised as the original event would be, in
 * the repository the dispatch arrived in, with the workflow file from the base branch (dispatched
 * runs have the repository's secrets, like `pull_request_target`).
 */
function dispatchedIntent(s: Scope, carried: unknown): Intent {
  const sender = s.actor;
  if (!sender || !(s.options.dispatchSenders ?? []).some((login) => sameName(login, sender))) {
    return s.ignore(
      `an aethr dispatch sent by ${sender ?? 'nobody'}, who is not one of the dispatch senders`,
    );
  }
  const parsed = parseCarried(carried);
  if (!parsed.ok) return s.ignore(parsed.reason);
  const { name, payload, delivery } = parsed.value;
  const inner = normaliseEvent(
    { name, payload: { ...payload, repository: s.payload['repository'] } },
    s.options,
  );
  if (inner.kind === 'ignore') return s.ignore(`the dispatched ${name}: ${inner.reason}`);
  if (inner.kind !== 'review' && inner.kind !== 'command' && inner.kind !== 'label')
    return s.ignore(`the dispatched ${name} does not start a pull request or issue run`);
  return {
    ...inner,
    event: s.name,
    safeMode: true,
    workflowFrom: 'base',
    dispatched: { sender, event: name, ...(delivery ? { delivery } : {}) },
  };
}
