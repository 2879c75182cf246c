/** Pull requests, their files and diff, reviews and review comments. */
import type { DiffFile, Side } from './diff.js';
import { diffHunkFor, hunkOf, parsePullDiff, positionOf } from './diff.js';
import { resolveBranch, gitDiff } from './git.js';
import type { FieldError, Handler, HandlerRequest, HandlerResult } from './handler.js';
import {
  bodyTooLong,
  fail,
  intParam,
  notFound,
  obj,
  tooLong,
  unprocessable,
  validationFailed,
} from './handler.js';
import { diffEntryJson, pullJson, reviewCommentJson, reviewJson } from './models.js';
import type { IssueRecord, PullData, ReviewCommentRecord, ReviewRecord } from './state.js';
import { nowIso } from './state.js';

type Pull = IssueRecord & { pull: PullData };

const ACTIONS_BOT = 'github-actions[bot]';
/** GitHub lists at most this many files for a pull request. */
const MAX_LISTED_FILES = 3000;

function findPull(req: HandlerRequest): Pull | undefined {
  return req.state.pull(intParam(req, 'pull_number'));
}

function wantsDiff(req: HandlerRequest): boolean {
  return /application\/vnd\.github(\.v3)?\.diff/.test(String(req.headers.accept ?? ''));
}

const getPull: Handler = (req) => {
  const pr = findPull(req);
  if (!pr) return notFound(req);
  if (wantsDiff(req)) {
    const { maxFiles, maxLines } = req.config.diffLimits;
    const lines = pr.pull.diff.split('\n').length - (pr.pull.diff.endsWith('\n') ? 1 : 0);
    const tooLarge = (what: string, max: number): HandlerResult =>
      fail(
        req,
        406,
        `Sorry, the diff exceeded the maximum number of ${what} (${max}). Consider using 'List pull requests files' API or locally cloning the repository instead.`,
        { errors: [{ resource: 'PullRequest', field: 'diff', code: 'too_large' }] },
      );
    if (pr.pull.files.length > maxFiles) return tooLarge('files', maxFiles);
    if (lines > maxLines) return tooLarge('lines', maxLines);
    return {
      status: 200,
      text: pr.pull.diff,
      contentType: 'application/vnd.github.diff; charset=utf-8',
    };
  }
  return { status: 200, body: pullJson(req.ctx, pr) };
};

const listFiles: Handler = (req) => {
  const pr = findPull(req);
  if (!pr) return notFound(req);
  const files = pr.pull.files.slice(0, MAX_LISTED_FILES);
  return { status: 200, list: files.map((f) => diffEntryJson(req.ctx, pr.pull.head.sha, f)) };
};

const listPulls: Handler = (req) => {
  const state = req.query.get('state') ?? 'open';
  const head = req.query.get('head');
  const base = req.query.get('base');
  const sort = req.query.get('sort') ?? 'created';
  const direction = req.query.get('direction') ?? (sort === 'created' ? 'desc' : 'asc');
  let pulls = req.state.pulls.filter((p) => state === 'all' || p.state === state);
  // GitHub ignores `head` unless it is `owner:branch`.
  if (head?.includes(':')) {
    const [owner, ref] = [head.slice(0, head.indexOf(':')), head.slice(head.indexOf(':') + 1)];
    pulls = pulls.filter(
      (p) =>
        p.pull.head.ref === ref &&
        p.pull.head.repo.split('/')[0]?.toLowerCase() === owner.toLowerCase(),
    );
  }
  if (base) pulls = pulls.filter((p) => p.pull.base.ref === base);
  const key = (p: Pull): string =>
    (sort === 'updated' ? p.updated_at : p.created_at) + String(p.number).padStart(9, '0');
  pulls.sort((a, b) => (key(a) < key(b) ? -1 : 1));
  if (direction === 'desc') pulls.reverse();
  return { status: 200, list: pulls.map((p) => pullJson(req.ctx, p, true)) };
};

/** Builds the stored pull data for a diff (used by fixtures, updates and created PRs). */
export function pullData(
  id: number,
  head: PullData['head'],
  base: PullData['base'],
  diff: string,
  extra: Partial<
    Pick<PullData, 'draft' | 'maintainer_can_modify' | 'merged' | 'omitPatchFor' | 'patchLimits'>
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
    omitPatchFor,
    patchLimits,
  };
}

const createPull: Handler = (req) => {
  const body = obj(req.body);
  if (req.actor === ACTIONS_BOT && !req.config.allowActionsToCreatePRs) {
    return fail(req, 403, 'GitHub Actions is not permitted to create or approve pull requests.');
  }
  const headSpec = String(body.head);
  const baseRef = String(body.base);
  const colon = headSpec.indexOf(':');
  const headOwner = colon >= 0 ? headSpec.slice(0, colon) : req.repo.owner;
  const headRef = colon >= 0 ? headSpec.slice(colon + 1) : headSpec;
  const headRepo =
    typeof body.head_repo === 'string' ? body.head_repo : `${headOwner}/${req.repo.name}`;
  const errors: FieldError[] = [];
  if (typeof body.title !== 'string' && body.issue === undefined) {
    errors.push({ resource: 'PullRequest', code: 'missing_field', field: 'title' });
  }
  const baseSha = resolveBranch(req.state, req.config, baseRef);
  if (!baseSha) errors.push({ resource: 'PullRequest', code: 'invalid', field: 'base' });
  const sameRepo = headRepo.toLowerCase() === req.repo.full_name.toLowerCase();
  const headSha = sameRepo ? resolveBranch(req.state, req.config, headRef) : undefined;
  if (!headSha) errors.push({ resource: 'PullRequest', code: 'invalid', field: 'head' });
  if (errors.length > 0) return validationFailed(req, errors);
  const label = `${headOwner}:${headRef}`;
  const existing = req.state.pulls.find(
    (p) =>
      p.state === 'open' && p.pull.base.ref === baseRef && p.pull.head.ref === headRef && sameRepo,
  );
  if (existing) {
    return validationFailed(req, [
      {
        resource: 'PullRequest',
        code: 'custom',
        message: `A pull request already exists for ${label}.`,
      },
    ]);
  }
  if (headSha === baseSha) {
    return validationFailed(req, [
      {
        resource: 'PullRequest',
        code: 'custom',
        message: `No commits between ${baseRef} and ${headRef}`,
      },
    ]);
  }
  if (tooLong(body.body)) return bodyTooLong(req, 'PullRequest');
  const number = req.state.nextIssueNumber();
  const issueRef = typeof body.issue === 'number' ? req.state.issues.get(body.issue) : undefined;
  const now = nowIso();
  const diff = gitDiff(req.config, baseSha as string, headSha as string);
  const pr: Pull = {
    number,
    id: req.state.id(),
    title: typeof body.title === 'string' ? body.title : (issueRef?.title ?? ''),
    body: typeof body.body === 'string' ? body.body : null,
    user: req.actor,
    labels: [],
    state: 'open',
    created_at: now,
    updated_at: now,
    closed_at: null,
    pull: pullData(
      req.state.id(),
      { sha: headSha as string, ref: headRef, repo: req.repo.full_name },
      { sha: baseSha as string, ref: baseRef },
      diff,
      { draft: body.draft === true, maintainer_can_modify: body.maintainer_can_modify !== false },
    ),
  };
  req.state.issues.set(number, pr);
  const json = pullJson(req.ctx, pr);
  return { status: 201, body: json, headers: { location: String(json.url) } };
};

const updatePull: Handler = (req) => {
  const pr = findPull(req);
  if (!pr) return notFound(req);
  const body = obj(req.body);
  if (tooLong(body.body)) return bodyTooLong(req, 'PullRequest');
  if (typeof body.title === 'string') pr.title = body.title;
  if (typeof body.body === 'string') pr.body = body.body;
  if (typeof body.maintainer_can_modify === 'boolean')
    pr.pull.maintainer_can_modify = body.maintainer_can_modify;
  if (typeof body.base === 'string') {
    const sha = resolveBranch(req.state, req.config, body.base);
    if (!sha)
      return validationFailed(req, [{ resource: 'PullRequest', code: 'invalid', field: 'base' }]);
    pr.pull.base = { ref: body.base, sha };
  }
  if (body.state === 'closed' || body.state === 'open') {
    pr.closed_at = body.state === 'closed' ? nowIso() : null;
    pr.state = body.state;
  }
  pr.updated_at = nowIso();
  return { status: 200, body: pullJson(req.ctx, pr) };
};

// ---------------------------------------------------------------------------------------------
// Review comment anchoring

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

export const pullHandlers: Record<string, Handler> = {
  'pulls/get': getPull,
  'pulls/list-files': listFiles,
  'pulls/list': listPulls,
  'pulls/create': createPull,
  'pulls/update': updatePull,
  'pulls/create-review': createReview,
  'pulls/create-review-comment': createReviewComment,
  'pulls/update-review-comment': updateReviewComment,
  'pulls/list-reviews': listReviews,
  'pulls/list-review-comments': listReviewComments,
};
