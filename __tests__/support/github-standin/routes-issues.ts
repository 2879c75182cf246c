/** Issues (pull requests included), issue comments, reactions and labels. */
import type { Handler, HandlerRequest } from './handler.js';
import { bodyTooLong, fail, intParam, notFound, obj, tooLong } from './handler.js';
import { issueCommentJson, issueJson, labelsJson, reactionJson } from './models.js';
import type { IssueCommentRecord } from './state.js';
import { nowIso } from './state.js';

function findComment(req: HandlerRequest): IssueCommentRecord | undefined {
  return req.state.issueComments.find((c) => c.id === intParam(req, 'comment_id'));
}

const getIssue: Handler = (req) => {
  const issue = req.state.issues.get(intParam(req, 'issue_number'));
  return issue ? { status: 200, body: issueJson(req.ctx, issue) } : notFound(req);
};

/** Title, body and state edits (what aethr sends; labels go through their own endpoints). */
const updateIssue: Handler = (req) => {
  const issue = req.state.issues.get(intParam(req, 'issue_number'));
  if (!issue) return notFound(req);
  const body = obj(req.body);
  if (tooLong(body.body)) return bodyTooLong(req, 'Issue');
  if (typeof body.title === 'string') issue.title = body.title;
  if (body.body !== undefined) issue.body = body.body === null ? null : String(body.body);
  if (body.state === 'open' || body.state === 'closed') {
    issue.state = body.state;
    issue.closed_at = body.state === 'closed' ? nowIso() : null;
  }
  issue.updated_at = nowIso();
  return { status: 200, body: issueJson(req.ctx, issue) };
};

const listComments: Handler = (req) => {
  const number = intParam(req, 'issue_number');
  if (!req.state.issues.has(number)) return notFound(req);
  const since = req.query.get('since');
  const comments = req.state.issueComments
    .filter(
      (c) => c.issue_number === number && (!since || Date.parse(c.updated_at) >= Date.parse(since)),
    )
    .sort((a, b) =>
      a.created_at === b.created_at ? a.id - b.id : a.created_at < b.created_at ? -1 : 1,
    );
  return { status: 200, list: comments.map((c) => issueCommentJson(req.ctx, c)) };
};

const createComment: Handler = (req) => {
  const number = intParam(req, 'issue_number');
  if (!req.state.issues.has(number)) return notFound(req);
  const body = obj(req.body);
  if (tooLong(body.body)) return bodyTooLong(req, 'IssueComment');
  const now = nowIso();
  const comment: IssueCommentRecord = {
    id: req.state.id(),
    issue_number: number,
    body: String(body.body),
    user: req.actor,
    created_at: now,
    updated_at: now,
  };
  req.state.issueComments.push(comment);
  const json = issueCommentJson(req.ctx, comment);
  return { status: 201, body: json, headers: { location: String(json.url) } };
};

const getComment: Handler = (req) => {
  const comment = findComment(req);
  return comment ? { status: 200, body: issueCommentJson(req.ctx, comment) } : notFound(req);
};

const updateComment: Handler = (req) => {
  const comment = findComment(req);
  if (!comment) return notFound(req);
  const body = obj(req.body);
  if (tooLong(body.body)) return bodyTooLong(req, 'IssueComment');
  comment.body = String(body.body);
  comment.updated_at = nowIso();
  return { status: 200, body: issueCommentJson(req.ctx, comment) };
};

const deleteComment: Handler = (req) => {
  const comment = findComment(req);
  if (!comment) return notFound(req);
  req.state.issueComments.splice(req.state.issueComments.indexOf(comment), 1);
  return { status: 204 };
};

const createReaction: Handler = (req) => {
  const comment = findComment(req);
  if (!comment) return notFound(req);
  const content = String(obj(req.body).content);
  const existing = req.state.reactions.find(
    (r) => r.comment_id === comment.id && r.user === req.actor && r.content === content,
  );
  if (existing) return { status: 200, body: reactionJson(req.ctx, existing) };
  const reaction = {
    id: req.state.id(),
    comment_id: comment.id,
    content,
    user: req.actor,
    created_at: nowIso(),
  };
  req.state.reactions.push(reaction);
  return { status: 201, body: reactionJson(req.ctx, reaction) };
};

const listReactions: Handler = (req) => {
  const comment = findComment(req);
  if (!comment) return notFound(req);
  const content = req.query.get('content');
  const reactions = req.state.reactions.filter(
    (r) => r.comment_id === comment.id && (!content || r.content === content),
  );
  return { status: 200, list: reactions.map((r) => reactionJson(req.ctx, r)) };
};

const removeLabel: Handler = (req) => {
  const issue = req.state.issues.get(intParam(req, 'issue_number'));
  if (!issue) return notFound(req);
  const name = req.params.name as string;
  const index = issue.labels.findIndex((l) => l.toLowerCase() === name.toLowerCase());
  if (index < 0) return fail(req, 404, 'Label does not exist');
  issue.labels.splice(index, 1);
  issue.updated_at = nowIso();
  req.state.removedLabels.push({ issue_number: issue.number, name });
  return { status: 200, body: labelsJson(req.ctx, issue.labels) };
};

const addLabels: Handler = (req) => {
  const issue = req.state.issues.get(intParam(req, 'issue_number'));
  if (!issue) return notFound(req);
  const raw = obj(req.body).labels;
  const names = (Array.isArray(raw) ? raw : []).map((l) =>
    typeof l === 'string' ? l : String(obj(l).name),
  );
  for (const name of names) {
    if (!issue.labels.some((l) => l.toLowerCase() === name.toLowerCase())) issue.labels.push(name);
  }
  issue.updated_at = nowIso();
  return { status: 200, body: labelsJson(req.ctx, issue.labels) };
};

export const issueHandlers: Record<string, Handler> = {
  'issues/get': getIssue,
  'issues/update': updateIssue,
  'issues/list-comments': listComments,
  'issues/create-comment': createComment,
  'issues/get-comment': getComment,
  'issues/update-comment': updateComment,
  'issues/delete-comment': deleteComment,
  'issues/remove-label': removeLabel,
  'issues/add-labels': addLabels,
  'reactions/create-for-issue-comment': createReaction,
  'reactions/list-for-issue-comment': listReactions,
};
