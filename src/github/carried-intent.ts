/**
 * An intent carried from the App to the Action (the App's dispatch mode): the App authorises the
 * actor, then sends a `repository_dispatch` (event type `aethr`) or a `workflow_dispatch` (input
 * `aethr`) whose payload is a compact copy of the original event; the Action normalises that copy
 * as if the original event had arrived (event-intent.ts) and re-reads from the API what the copy
 * only claims (`reloadDispatchedIntent`).
 *
 * Trust: anyone with write access can send a dispatch, so the carried payload is attacker input.
 * Only senders listed in `dispatch-senders` (the App's `<slug>[bot]`) may name another actor;
 * the actor's permission is checked again by the handlers; the pull request (head, base, fork,
 * state, text), the comment (author, body, where it is) and the labels are read again from the
 * API, never taken from the payload; the repository is the one the dispatch arrived in.
 */
import { parseCommand } from './commands.js';
import { ForgeError, type Forge } from './forge.js';
import type {
  CommandIntent,
  IgnoreIntent,
  Intent,
  LabelIntent,
  PullRequestInfo,
  ReviewIntent,
} from './intent-types.js';
import { isFields, sameName, type Fields, type Parsed } from './payload-readers.js';

/** The `repository_dispatch` event type, and the `workflow_dispatch` input, that carry it. */
export const DISPATCH_EVENT_TYPE = 'aethr';
export const CARRIED_INPUT = 'aethr';

/** Events the App carries (the ones an App receives that start runs). */
export const CARRIED_EVENTS = ['pull_request', 'issue_comment', 'issues'] as const;
export type CarriedEventName = (typeof CARRIED_EVENTS)[number];

/** GitHub's limit for `client_payload` is 64 KB; comment bodies are cut well below it. */
const MAX_CARRIED_BYTES = 60_000;
const MAX_COMMENT_CHARS = 8_000;
/** A GitHub login, or an App's `<slug>[bot]`. */
const LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:\[bot\])?$/;

/** What travels in `client_payload` (at most 10 top-level properties, as GitHub allows). */
export interface CarriedEvent {
  aethr: 1;
  event: CarriedEventName;
  action: string;
  actor: string;
  /** The App's `X-GitHub-Delivery`, to follow one request through both logs. */
  delivery?: string;
  pull_request?: Fields;
  issue?: Fields;
  comment?: Fields;
  label?: { name: string };
}

export type CarriableIntent = ReviewIntent | CommandIntent | LabelIntent;

export function isCarriable(intent: Intent): intent is CarriableIntent {
  return (
    (intent.kind === 'review' || intent.kind === 'command' || intent.kind === 'label') &&
    (CARRIED_EVENTS as readonly string[]).includes(intent.event)
  );
}

function pullFields(pr: PullRequestInfo): Fields {
  const repo = (fullName: string | undefined) => (fullName ? { full_name: fullName } : null);
  return {
    number: pr.number,
    title: pr.title.slice(0, 1024),
    draft: pr.draft,
    state: pr.state,
    user: { login: pr.author },
    ...(pr.htmlUrl ? { html_url: pr.htmlUrl } : {}),
    head: { sha: pr.head.sha, ref: pr.head.ref, repo: repo(pr.head.repoFullName) },
    base: { sha: pr.base.sha, ref: pr.base.ref, repo: repo(pr.base.repoFullName) },
    maintainer_can_modify: pr.maintainerCanModify,
    labels: pr.labels.map((name) => ({ name })),
    ...(pr.commits ? { commits: pr.commits } : {}),
  };
}

/** The compact copy of the event behind `intent` (bodies are left for the Action to re-read). */
export function carryIntent(intent: CarriableIntent, delivery?: string): CarriedEvent {
  const carried: CarriedEvent = {
    aethr: 1,
    event: intent.event as CarriedEventName,
    action: intent.action ?? '',
    actor: intent.actor,
    ...(delivery ? { delivery } : {}),
  };
  if (intent.kind === 'review') carried.pull_request = pullFields(intent.pullRequest);
  if (intent.kind === 'label') {
    carried.label = { name: intent.label };
    if (intent.pullRequest) carried.pull_request = pullFields(intent.pullRequest);
    else carried.issue = issueFields(intent);
  }
  if (intent.kind === 'command') {
    carried.issue = issueFields(intent);
    carried.comment = {
      id: intent.comment.id,
      body: intent.comment.body.slice(0, MAX_COMMENT_CHARS),
      user: { login: intent.comment.author, type: 'User' },
      ...(intent.comment.htmlUrl ? { html_url: intent.comment.htmlUrl } : {}),
    };
  }
  return carried;
}

function issueFields(intent: CommandIntent | LabelIntent): Fields {
  const issue = intent.issue;
  return {
    number: issue.number,
    title: issue.title.slice(0, 1024),
    state: issue.state,
    user: { login: issue.author },
    labels: issue.labels.map((name) => ({ name })),
    ...(issue.isPullRequest ? { pull_request: {} } : {}),
    ...(issue.htmlUrl ? { html_url: issue.htmlUrl } : {}),
    ...(issue.draft === undefined ? {} : { draft: issue.draft }),
  };
}

/**
 * The original event a carried payload describes, rebuilt from its checked fields only: the
 * normaliser reads it as it reads any webhook (every value is checked again there).
 */
export function parseCarried(
  value: unknown,
): Parsed<{ name: CarriedEventName; payload: Fields; delivery?: string }> {
  const bad = (reason: string) => ({ ok: false as const, reason: `aethr dispatch: ${reason}` });
  if (!isFields(value)) return bad('the payload is not an object');
  if (JSON.stringify(value).length > MAX_CARRIED_BYTES) return bad('the payload is too large');
  if (value.aethr !== 1) return bad(`unknown format ${JSON.stringify(value.aethr)} (expected 1)`);
  const name = value.event;
  if (typeof name !== 'string' || !(CARRIED_EVENTS as readonly string[]).includes(name))
    return bad(`event ${JSON.stringify(name)} is not one aethr carries`);
  if (typeof value.action !== 'string' || !/^[a-z_]{1,40}$/.test(value.action))
    return bad('the action is missing or invalid');
  if (typeof value.actor !== 'string' || !LOGIN.test(value.actor))
    return bad('the actor is missing or not a GitHub login');
  const delivery = value.delivery;
  if (delivery !== undefined && (typeof delivery !== 'string' || !/^[\w-]{1,100}$/.test(delivery)))
    return bad('the delivery id is invalid');
  const payload: Fields = { action: value.action, sender: { login: value.actor, type: 'User' } };
  for (const key of ['pull_request', 'issue', 'comment', 'label'] as const) {
    if (value[key] === undefined) continue;
    if (!isFields(value[key])) return bad(`${key} is not an object`);
    payload[key] = value[key];
  }
  return {
    ok: true,
    value: { name: name as CarriedEventName, payload, ...(delivery ? { delivery } : {}) },
  };
}

/**
 * The dispatched intent with everything it only claims read again from the API; an `ignore`
 * intent (with the reason) when the request no longer stands: the PR was closed or moved on, the
 * comment is gone or is not what the dispatch says, the label was taken off.
 */
export async function reloadDispatchedIntent(intent: Intent, forge: Forge): Promise<Intent> {
  if (intent.kind === 'ignore' || !intent.dispatched) return intent;
  const ignore = (reason: string): IgnoreIntent => ({
    kind: 'ignore',
    event: intent.event,
    ...(intent.action === undefined ? {} : { action: intent.action }),
    repository: intent.repository,
    reason: `dispatched ${intent.dispatched?.event ?? 'event'}: ${reason}`,
  });
  try {
    switch (intent.kind) {
      case 'review': {
        const pull = await forge.getPull(intent.pullRequest.number);
        if (pull.state !== 'open') return ignore(`pull request #${pull.number} is ${pull.state}`);
        const claimed = intent.pullRequest.head.sha;
        if (pull.head.sha !== claimed) {
          return ignore(
            `#${pull.number} moved from ${claimed.slice(0, 7)} to ${pull.head.sha.slice(0, 7)} since the dispatch; the push that moved it has its own run`,
          );
        }
        return { ...intent, pullRequest: pull };
      }
      case 'command': {
        const c = await forge.getIssueComment(intent.comment.id);
        if (c.issueNumber !== intent.pullRequestNumber)
          return ignore(`comment ${c.id} is not on #${intent.pullRequestNumber}`);
        if (!sameName(c.author, intent.actor) || c.authorType === 'Bot')
          return ignore(`comment ${c.id} is by ${c.author}, not ${intent.actor}`);
        const command = parseCommand(c.body);
        if (!command) return ignore(`comment ${c.id} no longer holds an /aethr command`);
        return {
          ...intent,
          command,
          comment: { id: c.id, body: c.body, author: c.author, htmlUrl: c.htmlUrl },
        };
      }
      case 'label': {
        const issue = await forge.getIssue(intent.issue.number);
        if (!issue.labels.some((l) => sameName(l, intent.label)))
          return ignore(`the label "${intent.label}" is no longer on #${issue.number}`);
        if (intent.target !== 'pull_request') return { ...intent, issue };
        const pull = await forge.getPull(issue.number);
        // The head that was labelled stays the one to work on: the implement run stops, and
        // says so, when the branch moved since.
        const head = { ...pull.head, sha: intent.pullRequest?.head.sha ?? pull.head.sha };
        return { ...intent, issue, pullRequest: { ...pull, head } };
      }
      default:
        return ignore('only pull request, comment and label events are carried');
    }
  } catch (error) {
    if (error instanceof ForgeError && error.kind === 'not-found')
      return ignore(`${error.operation}: not found`);
    throw error;
  }
}
