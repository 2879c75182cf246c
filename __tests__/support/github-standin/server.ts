/**
 * The HTTP side of the GitHub stand-in: authentication, OpenAPI checks, injected failures,
 * pagination, GitHub's headers, and recording of every request.
 */
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { PatchLimits } from './diff.js';
import type { Handler, HandlerRequest, HandlerResult, StandinConfig } from './handler.js';
import { errorBody } from './handler.js';
import type { ModelContext } from './models.js';
import type { OpenApiLoadStats } from './openapi.js';
import { loadOpenApi } from './openapi.js';
import { issueHandlers } from './routes-issues.js';
import { pullData, pullHandlers } from './routes-pulls.js';
import { repoHandlers } from './routes-repo.js';
import type {
  IssueCommentFixture,
  IssueFixture,
  PermissionSetting,
  PullData,
  PullFixture,
  RepoRecord,
} from './state.js';
import { StandinState, fakeSha, nowIso } from './state.js';
import { parsePullDiff } from './diff.js';

export interface GitHubStandinOptions {
  /** The token requests must carry (`authorization: token X` or `Bearer X`). */
  token: string;
  owner: string;
  repo: string;
  /** Who the token acts as (default `github-actions[bot]`, like an Actions GITHUB_TOKEN). */
  tokenUser?: string;
  /** More accepted tokens: token → login (e.g. a personal access token). */
  extraTokens?: Record<string, string>;
  defaultBranch?: string;
  /** SHA of the default branch (default: the base SHA of a PR into it, or a made-up SHA). */
  defaultBranchSha?: string;
  private?: boolean;
  repoId?: number;
  pulls?: PullFixture[];
  issues?: IssueFixture[];
  issueComments?: IssueCommentFixture[];
  /** login → permission level, or 404/500 for the permission endpoint to answer with instead. */
  permissions?: Record<string, PermissionSetting>;
  /** For logins not in `permissions` (default: `read` on public repositories, `none` on private). */
  defaultPermission?: PermissionSetting;
  /** ref (branch name or SHA) → path → text, for `GET /repos/{o}/{r}/contents/{path}`. */
  contents?: Record<string, Record<string, string>>;
  /** branch → SHA (PR head and base branches are added automatically). */
  branches?: Record<string, string>;
  /** A bare repository (e.g. the test's `origin`) whose branches count as the repository's. */
  gitDir?: string;
  /** The repository setting "Allow GitHub Actions to create and approve pull requests" (default false, as on GitHub). */
  allowActionsToCreatePRs?: boolean;
  /** Web root used in `html_url`s (default `https://github.com`). */
  htmlUrl?: string;
  /** Starting primary rate limit (default 5000 per hour). */
  rateLimit?: { limit?: number; remaining?: number };
  /** Limits of the diff media type (GitHub: 300 files, 20,000 lines; above → 406). */
  diffLimits?: { maxFiles?: number; maxLines?: number };
  /** Validate the stand-in's own 2xx responses against the response schemas (default true). */
  validateResponses?: boolean;
  port?: number;
}

export interface RecordedRequest {
  /** The `x-github-request-id` sent back. */
  id: string;
  method: string;
  /** Path as received, without the query. */
  path: string;
  query: Record<string, string>;
  /** The matched operation (`pulls/create-review`), if any. */
  operationId?: string;
  headers: IncomingHttpHeaders;
  /** Parsed JSON body (or the raw text when it is not JSON). */
  body?: unknown;
  status: number;
  /** What was answered: JSON value, or text for diffs and raw contents. */
  response?: unknown;
  at: number;
}

export interface FailureSpec {
  /**
   * `rate-limit`: 403 (or `status`) with `x-ratelimit-remaining: 0` and a near `x-ratelimit-reset`;
   * `secondary-rate-limit`: 403 (or 429) "You have exceeded a secondary rate limit" with `retry-after`;
   * `status`: a plain error (default 500).
   */
  kind?: 'rate-limit' | 'secondary-rate-limit' | 'status';
  status?: number;
  /** How many matching requests fail (default 1). */
  count?: number;
  /** `retry-after` seconds for secondary limits (default 1). */
  retryAfter?: number;
  /** Seconds until `x-ratelimit-reset` for primary limits (default 1). */
  resetIn?: number;
  message?: string;
  /** Only requests matching all given criteria fail. */
  match?: { method?: string; operationId?: string; path?: string | RegExp };
}

export interface PullUpdate {
  head?: { sha: string; ref?: string };
  base?: { sha: string; ref?: string };
  diff?: string;
  title?: string;
  body?: string | null;
  draft?: boolean;
  maintainer_can_modify?: boolean;
  state?: 'open' | 'closed';
  labels?: string[];
  omitPatchFor?: string[];
}

export interface GitHubStandin {
  /** API root to use as `GITHUB_API_URL`. */
  url: string;
  /** Environment for a process that should talk to the stand-in. */
  env: Record<string, string>;
  requests: RecordedRequest[];
  /** Requests GitHub would refuse or not understand: OpenAPI mismatches, unknown or unimplemented operations, bad credentials, review anchors outside the diff. Tests assert it is empty. */
  violations: string[];
  /** 2xx responses of the stand-in that do not match GitHub's response schemas (bugs in the stand-in). */
  responseViolations: string[];
  state: StandinState;
  /** How the OpenAPI description was loaded (cache or rebuilt) and how long it took. */
  openapi: OpenApiLoadStats;
  close(): Promise<void>;
  setPermission(login: string, setting: PermissionSetting): void;
  setContent(ref: string, path: string, text: string | undefined): void;
  setBranch(name: string, sha: string): void;
  /** Simulates a push, an edit or a label change on a PR (keeps earlier heads reviewable). */
  updatePull(number: number, update: PullUpdate): void;
  /** Makes the next matching request(s) fail. */
  failNext(spec?: FailureSpec): void;
  /** Recorded requests for one operation. */
  calls(operationId: string): RecordedRequest[];
}

const HANDLERS: Record<string, Handler> = { ...pullHandlers, ...issueHandlers, ...repoHandlers };
const API_VERSION = '2022-11-28';

function requestId(): string {
  const hex = (n: number): string => randomBytes(n).toString('hex').toUpperCase();
  return `${hex(2)}:${hex(3)}:${hex(3)}:${hex(3)}:${hex(4)}`;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** GitHub's pagination `Link` header (repository URLs use `/repositories/{id}` like GitHub). */
export function linkHeader(pageUrl: URL, page: number, last: number): string | undefined {
  if (last <= 1) return undefined;
  const at = (p: number): string => {
    const u = new URL(pageUrl);
    u.searchParams.delete('page');
    u.searchParams.append('page', String(p));
    return `<${u.toString()}>`;
  };
  const parts: string[] = [];
  if (page > 1) parts.push(`${at(Math.min(page - 1, last))}; rel="prev"`);
  if (page < last) parts.push(`${at(page + 1)}; rel="next"`, `${at(last)}; rel="last"`);
  if (page > 1) parts.push(`${at(1)}; rel="first"`);
  return parts.join(', ');
}

export async function startGitHubStandin(options: GitHubStandinOptions): Promise<GitHubStandin> {
  const openapi = loadOpenApi();
  const state = new StandinState();
  const config: StandinConfig = {
    allowActionsToCreatePRs: options.allowActionsToCreatePRs ?? false,
    defaultPermission: options.defaultPermission ?? (options.private ? 'none' : 'read'),
    diffLimits: { maxFiles: 300, maxLines: 20000, ...options.diffLimits },
  };
  if (options.gitDir !== undefined) config.gitDir = options.gitDir;
  const tokens = new Map<string, string>([
    [options.token, options.tokenUser ?? 'github-actions[bot]'],
  ]);
  for (const [token, login] of Object.entries(options.extraTokens ?? {})) tokens.set(token, login);
  const validateResponses = options.validateResponses ?? true;
  const html = (options.htmlUrl ?? 'https://github.com').replace(/\/+$/, '');
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
  for (const [login, setting] of Object.entries(options.permissions ?? {}))
    state.permissions.set(login, setting);
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
    if (headRepo.toLowerCase() === main.full_name.toLowerCase())
      state.branches.set(fx.head.ref, fx.head.sha);
    if (!state.branches.has(fx.base.ref)) state.branches.set(fx.base.ref, fx.base.sha);
    const createdAt = fx.created_at ?? nowIso();
    const closed = fx.state === 'closed' || fx.merged === true;
    const extra: Parameters<typeof pullData>[4] = {
      draft: fx.draft ?? false,
      maintainer_can_modify: fx.maintainer_can_modify ?? false,
      merged: fx.merged ?? false,
    };
    if (fx.omitPatchFor) extra.omitPatchFor = fx.omitPatchFor;
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

  const requests: RecordedRequest[] = [];
  const violations: string[] = [];
  const responseViolations: string[] = [];
  const failures: Array<Required<Pick<FailureSpec, 'count'>> & FailureSpec> = [];
  const rate = {
    limit: options.rateLimit?.limit ?? 5000,
    remaining: options.rateLimit?.remaining ?? options.rateLimit?.limit ?? 5000,
    reset: Math.floor(Date.now() / 1000) + 3600,
  };
  let baseUrl = '';

  const takeFailure = (
    method: string,
    operationId: string | undefined,
    path: string,
  ): FailureSpec | undefined => {
    const index = failures.findIndex((f) => {
      const m = f.match ?? {};
      if (m.method && m.method.toUpperCase() !== method) return false;
      if (m.operationId && m.operationId !== operationId) return false;
      if (typeof m.path === 'string' && m.path !== path) return false;
      if (m.path instanceof RegExp && !m.path.test(path)) return false;
      return true;
    });
    const failure = failures[index];
    if (!failure) return undefined;
    if (--failure.count <= 0) failures.splice(index, 1);
    return failure;
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const id = requestId();
    const method = (req.method ?? 'GET').toUpperCase();
    const url = new URL(req.url ?? '/', baseUrl);
    const rawBody = await readBody(req);
    const record: RecordedRequest = {
      id,
      method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: req.headers,
      status: 0,
      at: Date.now(),
    };
    if (rawBody !== '') {
      try {
        record.body = JSON.parse(rawBody) as unknown;
      } catch {
        record.body = rawBody;
      }
    }
    requests.push(record);

    // GitHub Enterprise Server serves the API under /api/v3.
    const prefix = url.pathname.startsWith('/api/v3/') ? '/api/v3' : '';
    let pathname = url.pathname.slice(prefix.length);
    const api = baseUrl + prefix;
    const headers: Record<string, string> = {
      'x-github-request-id': id,
      'x-github-api-version-selected': API_VERSION,
      'x-github-media-type': 'github.v3; format=json',
    };
    let documentationUrl = 'https://docs.github.com/rest';

    const send = (status: number, body?: unknown, text?: string, contentType?: string): void => {
      record.status = status;
      record.response = text ?? body;
      const payload = text ?? (body === undefined ? '' : JSON.stringify(body));
      res.writeHead(status, {
        ...headers,
        'content-type': contentType ?? 'application/json; charset=utf-8',
        'content-length': String(Buffer.byteLength(payload)),
      });
      res.end(payload);
    };
    const violation = (
      status: number,
      problem: string,
      message: string,
      extra: object = {},
    ): void => {
      violations.push(`${method} ${url.pathname}${url.search}: ${problem}`);
      send(status, errorBody(status, message, documentationUrl, extra));
    };

    if (!req.headers['user-agent']) {
      return violation(
        403,
        'no User-Agent header',
        'Request forbidden by administrative rules. Please make sure your request has a User-Agent header (https://docs.github.com/en/rest/overview/resources-in-the-rest-api#user-agent-required). Check https://developer.github.com for other possible causes.',
      );
    }
    const auth = /^(?:token|bearer)\s+(\S+)\s*$/i.exec(String(req.headers.authorization ?? ''));
    const actor = auth ? tokens.get(auth[1] as string) : undefined;
    if (!actor) {
      return violation(
        401,
        req.headers.authorization ? 'bad credentials' : 'no authorization header',
        req.headers.authorization ? 'Bad credentials' : 'Requires authentication',
      );
    }

    if (pathname !== '/rate_limit') {
      rate.remaining = Math.max(0, rate.remaining - 1);
    }
    headers['x-ratelimit-limit'] = String(rate.limit);
    headers['x-ratelimit-remaining'] = String(rate.remaining);
    headers['x-ratelimit-reset'] = String(rate.reset);
    headers['x-ratelimit-used'] = String(rate.limit - rate.remaining);
    headers['x-ratelimit-resource'] = 'core';

    // Pagination links point at /repositories/{id}/…; map them back to /repos/{owner}/{repo}/….
    const byId = /^\/repositories\/(\d+)(\/.*)?$/.exec(pathname);
    if (byId) {
      const target = [...state.repos.values()].find((r) => r.id === Number(byId[1]));
      if (target && !openapi.match(method, pathname))
        pathname = `/repos/${target.full_name}${byId[2] ?? ''}`;
    }

    const match = openapi.match(method, pathname);
    if (!match) return violation(404, 'no such operation in the GitHub REST API', 'Not Found');
    const operationId = match.operationId;
    record.operationId = operationId;
    const op = openapi.operation(operationId);
    documentationUrl = op?.documentationUrl || documentationUrl;
    if (!match.implemented && operationId !== 'rate-limit/get') {
      return violation(
        404,
        `${operationId} (${match.template}) is not implemented by the stand-in`,
        'Not Found',
      );
    }
    const paramProblems = openapi.validateParameters(operationId, match.params, url.searchParams);
    if (paramProblems.path.length > 0) {
      return violation(404, `${operationId}: ${paramProblems.path.join('; ')}`, 'Not Found');
    }
    if (paramProblems.query.length > 0) {
      return violation(
        422,
        `${operationId}: ${paramProblems.query.join('; ')}`,
        'Validation Failed',
        {
          errors: paramProblems.query.map((message) => ({
            resource: 'Query',
            code: 'invalid',
            message,
          })),
        },
      );
    }
    let body: unknown;
    if (op?.requestBody && rawBody.trim() !== '') {
      if (typeof record.body === 'string') {
        return violation(400, `${operationId}: body is not JSON`, 'Problems parsing JSON');
      }
      body = record.body;
    }
    const bodyProblems = openapi.validateBody(operationId, body);
    if (bodyProblems.length > 0) {
      return violation(
        422,
        `${operationId}: ${bodyProblems.join('; ')}`,
        `Invalid request.\n\n${bodyProblems.join('\n')}`,
      );
    }

    const failure = takeFailure(method, operationId, url.pathname);
    if (failure) {
      const kind = failure.kind ?? 'status';
      if (kind === 'rate-limit') {
        const reset = Math.floor(Date.now() / 1000) + (failure.resetIn ?? 1);
        headers['x-ratelimit-remaining'] = '0';
        headers['x-ratelimit-reset'] = String(reset);
        headers['x-ratelimit-used'] = String(rate.limit);
        const status = failure.status ?? 403;
        return send(
          status,
          errorBody(
            status,
            failure.message ?? `API rate limit exceeded for installation ID 1.`,
            'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api',
          ),
        );
      }
      if (kind === 'secondary-rate-limit') {
        headers['retry-after'] = String(failure.retryAfter ?? 1);
        const status = failure.status ?? 403;
        return send(
          status,
          errorBody(
            status,
            failure.message ??
              'You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID ' +
                id +
                '.',
            'https://docs.github.com/free-pro-team@latest/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits',
          ),
        );
      }
      const status = failure.status ?? 500;
      return send(status, errorBody(status, failure.message ?? 'Server Error', documentationUrl));
    }

    if (operationId === 'rate-limit/get') {
      const core = {
        limit: rate.limit,
        remaining: rate.remaining,
        reset: rate.reset,
        used: rate.limit - rate.remaining,
      };
      const other = { limit: 30, remaining: 30, reset: rate.reset, used: 0 };
      const result = {
        resources: { core, search: other, graphql: { ...core, limit: 5000 } },
        rate: core,
      };
      checkResponse(operationId, 200, result);
      return send(200, result);
    }

    const repoName = `${match.params.owner}/${match.params.repo}`;
    const repo = state.repo(repoName);
    const isMain = repo !== undefined && repo.id === main.id;
    if (!repo || (!isMain && operationId !== 'repos/get')) {
      return violation(404, `${operationId}: unknown repository ${repoName}`, 'Not Found');
    }
    const ctx: ModelContext = { api, html, state, repo: main };
    const handlerReq: HandlerRequest = {
      operationId,
      method,
      params: match.params,
      query: url.searchParams,
      body,
      headers: req.headers,
      actor,
      repo,
      ctx,
      state,
      config,
      documentationUrl,
    };
    let result: HandlerResult;
    try {
      result = (HANDLERS[operationId] as Handler)(handlerReq);
    } catch (error) {
      responseViolations.push(`${method} ${url.pathname}: stand-in crashed: ${String(error)}`);
      return send(500, errorBody(500, 'Server Error', documentationUrl));
    }
    if (result.status === 422 && operationId.includes('review')) {
      const errors = (result.body as { errors?: unknown[] }).errors ?? [];
      violations.push(
        `${method} ${url.pathname}: ${operationId} rejected by GitHub rules: ${JSON.stringify(errors)}`,
      );
    }
    for (const [k, v] of Object.entries(result.headers ?? {})) headers[k] = v;
    if (result.list) {
      const perPage = Math.min(100, Math.max(1, Number(url.searchParams.get('per_page')) || 30));
      const page = Math.max(1, Number(url.searchParams.get('page')) || 1);
      const last = Math.max(1, Math.ceil(result.list.length / perPage));
      const items = result.list.slice((page - 1) * perPage, page * perPage);
      const linkBase = new URL(
        `${api}/repositories/${main.id}${pathname.slice(`/repos/${repoName}`.length)}`,
      );
      for (const [k, v] of url.searchParams) linkBase.searchParams.append(k, v);
      const link = linkHeader(linkBase, page, last);
      if (link) headers.link = link;
      checkResponse(operationId, result.status, items);
      return send(result.status, items);
    }
    if (result.text !== undefined)
      return send(result.status, undefined, result.text, result.contentType);
    if (result.body !== undefined) checkResponse(operationId, result.status, result.body);
    return send(result.status, result.body);

    function checkResponse(opId: string, status: number, value: unknown): void {
      if (!validateResponses) return;
      const problems = openapi.validateResponse(opId, status, value);
      if (problems.length > 0) {
        responseViolations.push(
          `${method} ${url.pathname} → ${status} ${opId}: ${problems.slice(0, 10).join('; ')}`,
        );
      }
    }
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      responseViolations.push(`stand-in error: ${String(error)}`);
      if (!res.headersSent)
        res.writeHead(500, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify({ message: 'Server Error' }));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  baseUrl = `http://127.0.0.1:${port}`;

  const standin: GitHubStandin = {
    url: baseUrl,
    env: {
      GITHUB_API_URL: baseUrl,
      GITHUB_GRAPHQL_URL: `${baseUrl}/graphql`,
      GITHUB_SERVER_URL: html,
      GITHUB_REPOSITORY: main.full_name,
      GITHUB_REPOSITORY_OWNER: main.owner,
    },
    requests,
    violations,
    responseViolations,
    state,
    openapi: openapi.stats,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
    setPermission: (login, setting) => {
      state.permissions.set(login, setting);
    },
    setContent: (ref, path, text) => {
      const files = state.contents.get(ref) ?? new Map<string, string>();
      if (text === undefined) files.delete(path);
      else files.set(path, text);
      state.contents.set(ref, files);
    },
    setBranch: (name, sha) => {
      state.branches.set(name, sha);
    },
    updatePull: (number, update) => updatePullRecord(state, main, number, update),
    failNext: (spec = {}) => {
      failures.push({ ...spec, count: spec.count ?? 1 });
    },
    calls: (opId) => requests.filter((r) => r.operationId === opId),
  };
  return standin;
}

function updatePullRecord(
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
  if (update.labels) pr.labels = [...update.labels];
  if (update.state) {
    pr.state = update.state;
    pr.closed_at = update.state === 'closed' ? nowIso() : null;
  }
  pr.updated_at = nowIso();
}
