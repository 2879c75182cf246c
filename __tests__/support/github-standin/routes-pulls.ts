/** Pull requests: get (JSON or diff), list, files, create and update. */
import { pullData } from './fixtures.js';
import { gitDiff, resolveBranch } from './git.js';
import type { FieldError, Handler, HandlerRequest, HandlerResult, Pull } from './handler.js';
import {
  ACTIONS_BOT,
  bodyTooLong,
  fail,
  findPull,
  notFound,
  obj,
  tooLong,
  validationFailed,
} from './handler.js';
import { diffEntryJson, pullJson } from './models.js';
import { nowIso } from './state.js';

/** GitHub lists at most this many files for a pull request. */
const MAX_LISTED_FILES = 3000;

function wantsDiff(req: HandlerRequest): boolean {
  return /application\/vnd\.github(\.v3)?\.diff/.test(String(req.headers.accept ?? ''));
}

const getPull: Handler = (req) => {
  const pr = findPull(req);
  if (!pr) return notFound(req);
  const accept = String(req.headers.accept ?? '');
  if (/application\/vnd\.github(\.v3)?\.(patch|sha)/.test(accept)) {
    return {
      status: 415,
      body: { message: 'Unsupported media type', documentation_url: req.documentationUrl },
      violation: `the stand-in does not serve '${accept}' for pulls/get (diff and JSON only)`,
    };
  }
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

export const pullHandlers: Record<string, Handler> = {
  'pulls/get': getPull,
  'pulls/list-files': listFiles,
  'pulls/list': listPulls,
  'pulls/create': createPull,
  'pulls/update': updatePull,
};
