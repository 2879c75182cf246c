/**
 * The HTTP side of the GitHub stand-in: authentication, OpenAPI checks, injected failures,
 * pagination, GitHub's headers, and recording of every request.
 */
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { seedState, updatePullRecord } from './fixtures.js';
import type { Handler, HandlerRequest, HandlerResult, StandinConfig } from './handler.js';
import { errorBody } from './handler.js';
import type { ModelContext } from './models.js';
import { loadOpenApi } from './openapi.js';
import { reviewHandlers } from './reviews.js';
import { issueHandlers } from './routes-issues.js';
import { pullHandlers } from './routes-pulls.js';
import { repoHandlers } from './routes-repo.js';
import {
  DEFAULT_APP_PERMISSIONS,
  JWT_OPERATIONS,
  appLogin,
  dispatchHandlers,
  handleAppRoute,
  jwtProblem,
  looksLikeJwt,
} from './routes-app.js';
import { StandinState } from './state.js';
import type { FailureSpec, GitHubStandin, GitHubStandinOptions, RecordedRequest } from './types.js';

const HANDLERS: Record<string, Handler> = {
  ...pullHandlers,
  ...reviewHandlers,
  ...issueHandlers,
  ...repoHandlers,
  ...dispatchHandlers,
};
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
    checksWrite: options.checksWrite ?? true,
    defaultPermission: options.defaultPermission ?? (options.private ? 'none' : 'read'),
    diffLimits: { maxFiles: 300, maxLines: 20000, ...options.diffLimits },
    workflows: options.workflows ?? [],
  };
  if (options.gitDir !== undefined) config.gitDir = options.gitDir;
  const app = options.app;
  if (app) {
    config.appLogin = appLogin(app);
    config.appPermissions = app.permissions ?? DEFAULT_APP_PERMISSIONS;
  }
  const tokens = new Map<string, string>([
    [options.token, options.tokenUser ?? 'github-actions[bot]'],
  ]);
  /** Installation tokens minted for the App, with when they expire. */
  const minted = new Map<string, number>();
  for (const [token, login] of Object.entries(options.extraTokens ?? {})) tokens.set(token, login);
  const validateResponses = options.validateResponses ?? true;
  const html = (options.htmlUrl ?? 'https://github.com').replace(/\/+$/, '');
  const main = seedState(state, options);

  const requests: RecordedRequest[] = [];
  const installationTokens: string[] = [];
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
    if (failure.skip) {
      failure.skip--;
      return undefined;
    }
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

    let lost: FailureSpec | undefined;
    let after: (() => void) | undefined;
    const send = (status: number, body?: unknown, text?: string, contentType?: string): void => {
      if (lost) {
        // The request was performed; its answer never arrives intact.
        record.status = lost.status ?? 0;
        record.response = { lost: true, performed: status };
        if (lost.status === undefined) {
          res.socket?.destroy();
          return;
        }
        const page =
          '<html><body><h1>Unicorn!</h1><p>This page is taking too long to load.</p></body></html>';
        res.writeHead(lost.status, { ...headers, 'content-type': 'text/html; charset=utf-8' });
        res.end(page);
        return;
      }
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
    const credential = auth?.[1] ?? '';
    const expiry = minted.get(credential);
    let actor = expiry === undefined || expiry > Date.now() ? tokens.get(credential) : undefined;
    // A GitHub App's JWT: only /app endpoints take it (checked once the operation is known).
    const jwt = !actor && app !== undefined && looksLikeJwt(credential);
    if (jwt) {
      const problem = jwtProblem(credential, app);
      if (problem)
        return violation(
          401,
          `App JWT refused: ${problem}`,
          'A JSON web token could not be decoded',
        );
      actor = appLogin(app);
    }
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
    if (jwt !== JWT_OPERATIONS.has(operationId)) {
      return violation(
        401,
        jwt
          ? `${operationId} called with the App's JWT (it needs an installation token)`
          : `${operationId} needs the App's JWT`,
        jwt ? 'Bad credentials' : 'A JSON web token could not be decoded',
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
    if (failure?.delayMs) await new Promise((done) => setTimeout(done, failure.delayMs));
    if (failure?.kind === 'drop') {
      record.status = 0;
      res.socket?.destroy();
      return;
    }
    if (failure?.kind === 'lost') lost = failure;
    else if (failure?.kind === 'edit') {
      if (!failure.after) failure.edit?.(state);
      else after = () => failure.edit?.(state);
    } else if (failure?.kind === 'delay') {
      // only the delay above
    } else if (failure) {
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

    if (app && JWT_OPERATIONS.has(operationId)) {
      const result = handleAppRoute({
        operationId,
        params: match.params,
        body,
        app,
        ctx: { api, html, state, repo: main },
        state,
        documentationUrl,
        mint: (token, expiresAt) => {
          tokens.set(token, appLogin(app));
          minted.set(token, expiresAt.getTime());
          installationTokens.push(token);
        },
      });
      if (result.body !== undefined && result.status < 300)
        checkResponse(operationId, result.status, result.body);
      return send(result.status, result.body);
    }

    // Operations outside a repository (`users/{username}`) are answered for the main one.
    const repoName =
      match.params.owner === undefined
        ? main.full_name
        : `${match.params.owner}/${match.params.repo}`;
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
      after?.();
    } catch (error) {
      responseViolations.push(`${method} ${url.pathname}: stand-in crashed: ${String(error)}`);
      return send(500, errorBody(500, 'Server Error', documentationUrl));
    }
    // A hung endpoint: never answer (the client's timeout must fire; close() drops the socket).
    if (result.hang) return;
    if (result.status === 422 && operationId.includes('review')) {
      const errors = (result.body as { errors?: unknown[] }).errors ?? [];
      violations.push(
        `${method} ${url.pathname}: ${operationId} rejected by GitHub rules: ${JSON.stringify(errors)}`,
      );
    }
    if (result.violation) violations.push(`${method} ${url.pathname}: ${result.violation}`);
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
  options.busy?.track(server, 'github');
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
    installationTokens,
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
