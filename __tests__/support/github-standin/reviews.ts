/**
 * Reviews and review comments, with GitHub's anchoring rules: a comment must sit on a line of
 * the PR diff on its side (RIGHT: added or context lines; LEFT: deleted or context lines), a
 * multi-line range must stay inside one hunk and go forwards; otherwise 422, as GitHub answers.
 */
import type { DiffFile, Side } from './diff.js';
import { diffHunkFor, hunkOf, positionOf } from './diff.js';
import type { Handler, HandlerResult, Pull } from './handler.js';
import {
  ACTIONS_BOT,
  bodyTooLong,
  findPull,
  intParam,
  notFound,
  obj,
  tooLong,
  unprocessable,
  validationFailed,
} from './handler.js';
import { reviewCommentJson, reviewJson } from './models.js';
import type { ReviewCommentRecord, ReviewRecord } from './state.js';
import { nowIso } from './state.js';

interface CommentInput {
  path?: unknown;
  line?: unknown;
  side?: unknown;
  start_line?: unknown;
  start_side?: unknown;
  position?: unknown;
  subject_type?: unknown;
  body?: unknown;
}

interface AnchorProblem {
  /** Attribute of the review thread (`line`, `start_line`, `path`, …); undefined for a bare message. */
  field?: string;
  message: string;
}

interface Anchored {
  path: string;
  line: number | null;
  side: Side;
  start_line: number | null;
  start_side: Side | null;
  position: number | null;
  subject_type: 'line' | 'file';
  diff_hunk: string;
}

const FIELD_WORDS: Record<string, string> = {
  line: 'line',
  start_line: 'start line',
  diff_hunk: 'diff hunk',
  path: 'path',
  position: 'position',
  side: 'side',
  start_side: 'start side',
};

/** Where GitHub would anchor a review comment, or why it refuses to. */
function anchorComment(
  files: DiffFile[],
  c: CommentInput,
): { problems: AnchorProblem[]; anchored?: Anchored } {
  const problems: AnchorProblem[] = [];
  const file = files.find((f) => f.filename === c.path);
  if (!file) {
    return {
      problems: [
        { field: 'path', message: 'is invalid' },
        { field: 'diff_hunk', message: "can't be blank" },
      ],
    };
  }
  if (c.subject_type === 'file') {
    return {
      problems,
      anchored: {
        path: file.filename,
        line: null,
        side: 'RIGHT',
        start_line: null,
        start_side: null,
        position: null,
        subject_type: 'file',
        diff_hunk: file.patchText ?? '',
      },
    };
  }
  const sideOk = (s: unknown): s is Side | undefined =>
    s === undefined || s === 'LEFT' || s === 'RIGHT';
  if (!sideOk(c.side)) problems.push({ field: 'side', message: 'is not included in the list' });
  if (!sideOk(c.start_side))
    problems.push({ field: 'start_side', message: 'is not included in the list' });
  if (problems.length > 0) return { problems };
  const side: Side = (c.side as Side | undefined) ?? 'RIGHT';

  let line: number;
  if (typeof c.line === 'number') {
    line = c.line;
  } else if (typeof c.position === 'number') {
    const at = file.positions[c.position];
    const resolved = at?.right ?? at?.left;
    if (!at || resolved === undefined) {
      return {
        problems: [
          { field: 'position', message: 'is invalid' },
          { field: 'diff_hunk', message: "can't be blank" },
        ],
      };
    }
    const anchoredSide: Side = at.right !== undefined ? 'RIGHT' : 'LEFT';
    return {
      problems,
      anchored: {
        path: file.filename,
        line: resolved,
        side: anchoredSide,
        start_line: null,
        start_side: null,
        position: c.position,
        subject_type: 'line',
        diff_hunk: diffHunkFor(file, at.hunk, anchoredSide, resolved),
      },
    };
  } else {
    return { problems: [{ message: 'Line could not be resolved' }] };
  }

  const hunk = hunkOf(file, side, line);
  if (hunk < 0) {
    problems.push({ field: 'line', message: 'must be part of the diff' });
    problems.push({ field: 'diff_hunk', message: "can't be blank" });
  }
  let startLine: number | null = null;
  let startSide: Side | null = null;
  if (c.start_line !== undefined && c.start_line !== null) {
    startLine = Number(c.start_line);
    startSide = (c.start_side as Side | undefined) ?? side;
    if (startSide === side && startLine >= line) {
      problems.push({ field: 'start_line', message: 'must precede the end line.' });
    } else if (hunk >= 0 && hunkOf(file, startSide, startLine) !== hunk) {
      problems.push({ field: 'start_line', message: 'must be part of the same hunk as the line.' });
    } else if (hunk < 0 && hunkOf(file, startSide, startLine) < 0) {
      problems.push({ field: 'start_line', message: 'must be part of the same hunk as the line.' });
    }
  }
  if (problems.length > 0) return { problems };
  return {
    problems,
    anchored: {
      path: file.filename,
      line,
      side,
      start_line: startLine,
      start_side: startSide,
      position: positionOf(file, side, line) ?? null,
      subject_type: 'line',
      diff_hunk: diffHunkFor(file, hunk, side, line),
    },
  };
}

function sentence(p: AnchorProblem): string {
  return p.field
    ? `Pull request review thread ${FIELD_WORDS[p.field] ?? p.field} ${p.message}`
    : p.message;
}

function filesForCommit(pr: Pull, commitId: unknown): DiffFile[] | undefined {
  if (commitId === undefined) return pr.pull.files;
  return typeof commitId === 'string' ? pr.pull.filesAt.get(commitId) : undefined;
}

const createReview: Handler = (req) => {
  const pr = findPull(req);
  if (!pr) return notFound(req);
  const body = obj(req.body);
  const event = body.event as string | undefined;
  const comments = Array.isArray(body.comments) ? (body.comments as CommentInput[]) : [];
  const reviewBody = typeof body.body === 'string' ? body.body : '';
  const reject = (errors: string[]): HandlerResult => {
    req.state.rejectedReviews.push({
      pull_number: pr.number,
      operationId: req.operationId,
      errors,
      comments,
    });
    return unprocessable(req, errors);
  };
  const files = filesForCommit(pr, body.commit_id);
  if (!files) return reject(['Commit could not be resolved']);
  if (event === 'APPROVE' && req.actor === ACTIONS_BOT && !req.config.allowActionsToCreatePRs) {
    return reject(['GitHub Actions is not permitted to approve pull requests.']);
  }
  if (event === 'APPROVE' && req.actor === pr.user)
    return reject(['Can not approve your own pull request']);
  if (event === 'REQUEST_CHANGES' && req.actor === pr.user) {
    return reject(['Can not request changes on your own pull request']);
  }
  if (event === 'REQUEST_CHANGES' && reviewBody.trim() === '')
    return reject(["Body can't be blank"]);
  if (event === 'COMMENT' && reviewBody.trim() === '' && comments.length === 0)
    return reject(["Body can't be blank"]);
  if (tooLong(reviewBody) || comments.some((c) => tooLong(c.body))) {
    return reject([`Body is too long (maximum is 65536 characters)`]);
  }
  if (
    event === undefined &&
    req.state.reviews.some(
      (r) => r.pull_number === pr.number && r.user === req.actor && r.state === 'PENDING',
    )
  ) {
    return reject(['User can only have one pending review per pull request']);
  }
  const anchored: Anchored[] = [];
  const problems: AnchorProblem[] = [];
  for (const c of comments) {
    const result = anchorComment(files, c);
    problems.push(...result.problems);
    if (result.anchored) anchored.push(result.anchored);
  }
  if (problems.length > 0) return reject(problems.map(sentence));

  const now = nowIso();
  const review: ReviewRecord = {
    id: req.state.id(),
    pull_number: pr.number,
    user: req.actor,
    body: reviewBody,
    state:
      event === 'APPROVE'
        ? 'APPROVED'
        : event === 'REQUEST_CHANGES'
          ? 'CHANGES_REQUESTED'
          : event === 'COMMENT'
            ? 'COMMENTED'
            : 'PENDING',
    commit_id: typeof body.commit_id === 'string' ? body.commit_id : pr.pull.head.sha,
  };
  if (review.state !== 'PENDING') review.submitted_at = now;
  req.state.reviews.push(review);
  anchored.forEach((a, i) => {
    req.state.reviewComments.push({
      ...a,
      id: req.state.id(),
      pull_number: pr.number,
      review_id: review.id,
      body: String(comments[i]?.body ?? ''),
      commit_id: review.commit_id,
      user: req.actor,
      created_at: now,
      updated_at: now,
    });
  });
  return { status: 200, body: reviewJson(req.ctx, review) };
};

const createReviewComment: Handler = (req) => {
  const pr = findPull(req);
  if (!pr) return notFound(req);
  const body = obj(req.body);
  if (tooLong(body.body)) return bodyTooLong(req, 'PullRequestReviewComment');
  const now = nowIso();
  const store = (a: Anchored, commitId: string, inReplyTo?: number): HandlerResult => {
    const review: ReviewRecord = {
      id: req.state.id(),
      pull_number: pr.number,
      user: req.actor,
      body: '',
      state: 'COMMENTED',
      commit_id: commitId,
      submitted_at: now,
    };
    req.state.reviews.push(review);
    const record: ReviewCommentRecord = {
      ...a,
      id: req.state.id(),
      pull_number: pr.number,
      review_id: review.id,
      body: String(body.body),
      commit_id: commitId,
      user: req.actor,
      created_at: now,
      updated_at: now,
    };
    if (inReplyTo !== undefined) record.in_reply_to_id = inReplyTo;
    req.state.reviewComments.push(record);
    const json = reviewCommentJson(req.ctx, record);
    return { status: 201, body: json, headers: { location: String(json.url) } };
  };
  if (typeof body.in_reply_to === 'number') {
    const parent = req.state.reviewComments.find(
      (c) => c.id === body.in_reply_to && c.pull_number === pr.number,
    );
    if (!parent) return notFound(req);
    return store({ ...parent }, parent.commit_id, parent.id);
  }
  const files = filesForCommit(pr, body.commit_id);
  if (!files) {
    return validationFailed(req, [
      { resource: 'PullRequestReviewComment', code: 'invalid', field: 'commit_id' },
    ]);
  }
  const { problems, anchored } = anchorComment(files, body);
  if (problems.length > 0 || !anchored) {
    req.state.rejectedReviews.push({
      pull_number: pr.number,
      operationId: req.operationId,
      errors: problems.map(sentence),
      comments: [body],
    });
    return validationFailed(
      req,
      problems.map((p) => ({
        resource: 'PullRequestReviewComment',
        code: 'custom',
        field: p.field ? `pull_request_review_thread.${p.field}` : 'line',
        message: p.field ? `pull_request_review_thread.${p.field} ${p.message}` : p.message,
      })),
    );
  }
  return store(anchored, String(body.commit_id));
};

const updateReviewComment: Handler = (req) => {
  const comment = req.state.reviewComments.find((c) => c.id === intParam(req, 'comment_id'));
  if (!comment) return notFound(req);
  const body = obj(req.body);
  if (tooLong(body.body)) return bodyTooLong(req, 'PullRequestReviewComment');
  comment.body = String(body.body);
  comment.updated_at = nowIso();
  return { status: 200, body: reviewCommentJson(req.ctx, comment) };
};

const listReviews: Handler = (req) => {
  const pr = findPull(req);
  if (!pr) return notFound(req);
  const reviews = req.state.reviews.filter((r) => r.pull_number === pr.number);
  return { status: 200, list: reviews.map((r) => reviewJson(req.ctx, r)) };
};

const listReviewComments: Handler = (req) => {
  const pr = findPull(req);
  if (!pr) return notFound(req);
  const since = req.query.get('since');
  let comments = req.state.reviewComments.filter(
    (c) => c.pull_number === pr.number && (!since || Date.parse(c.updated_at) >= Date.parse(since)),
  );
  const sort = req.query.get('sort') ?? 'created';
  comments = [...comments].sort((a, b) =>
    sort === 'updated' ? (a.updated_at < b.updated_at ? -1 : 1) : a.id - b.id,
  );
  if (req.query.get('direction') === 'desc') comments.reverse();
  return { status: 200, list: comments.map((c) => reviewCommentJson(req.ctx, c)) };
};

export const reviewHandlers: Record<string, Handler> = {
  'pulls/create-review': createReview,
  'pulls/create-review-comment': createReviewComment,
  'pulls/update-review-comment': updateReviewComment,
  'pulls/list-reviews': listReviews,
  'pulls/list-review-comments': listReviewComments,
};
