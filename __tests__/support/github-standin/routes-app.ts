/**
 * A GitHub App installed on the repository: the App's JWT (RS256, checked against its public key
 * like GitHub does) reads the App and its installation and mints installation tokens, which then
 * act as `<slug>[bot]`. Also the two ways to start a workflow from outside: `repository_dispatch`
 * and `workflow_dispatch`, recorded for tests.
 * https://docs.github.com/apps/creating-github-apps/authenticating-with-a-github-app/generating-a-json-web-token-jwt-for-a-github-app
 */
import { createPublicKey, randomBytes, verify } from 'node:crypto';
import { resolveBranch } from './git.js';
import type { Handler, HandlerResult } from './handler.js';
import { errorBody, fail, notFound, obj } from './handler.js';
import { userJson, type Json, type ModelContext } from './models-repo.js';
import type { StandinState } from './state.js';
import { nodeId, nowIso } from './state.js';

export interface StandinApp {
  id: number;
  slug: string;
  /** PEM of the App's public key (the private key signs the JWTs). */
  publicKey: string;
  installationId?: number;
  /** What the installation may do (default: what aethr asks for). */
  permissions?: Record<string, 'read' | 'write'>;
}

export const DEFAULT_APP_PERMISSIONS: Record<string, 'read' | 'write'> = {
  metadata: 'read',
  contents: 'write',
  pull_requests: 'write',
  issues: 'write',
  checks: 'write',
  actions: 'write',
};

/** Operations a JWT may call (and nothing else may). */
export const JWT_OPERATIONS = new Set([
  'apps/get-authenticated',
  'apps/get-repo-installation',
  'apps/create-installation-access-token',
]);

export function appLogin(app: StandinApp): string {
  return `${app.slug}[bot]`;
}

export function looksLikeJwt(token: string): boolean {
  return /^[\w-]+\.[\w-]+\.[\w-]+$/.test(token);
}

/** Why GitHub would refuse this JWT, or undefined when it is good. */
export function jwtProblem(token: string, app: StandinApp, nowSec = Date.now() / 1000): string {
  const [h, p, s] = token.split('.') as [string, string, string];
  let header: Record<string, unknown>;
  let payload: Record<string, unknown>;
  try {
    header = JSON.parse(Buffer.from(h, 'base64url').toString('utf8')) as Record<string, unknown>;
    payload = JSON.parse(Buffer.from(p, 'base64url').toString('utf8')) as Record<string, unknown>;
  } catch {
    return 'not JSON';
  }
  if (header.alg !== 'RS256') return `alg ${String(header.alg)} (GitHub requires RS256)`;
  const signed = verify(
    'RSA-SHA256',
    Buffer.from(`${h}.${p}`),
    createPublicKey(app.publicKey),
    Buffer.from(s, 'base64url'),
  );
  if (!signed) return 'signature does not match the App public key';
  if (String(payload.iss) !== String(app.id)) return `iss ${String(payload.iss)} is not the App`;
  const iat = Number(payload.iat);
  const exp = Number(payload.exp);
  if (!Number.isFinite(iat) || !Number.isFinite(exp)) return 'iat or exp missing';
  if (iat > nowSec + 60)
    return "'Issued at' claim ('iat') must be an Integer representing a time in the past";
  if (exp <= nowSec) return "'Expiration time' claim ('exp') is in the past";
  if (exp - nowSec > 600) return "'Expiration time' claim ('exp') is too far in the future";
  return '';
}

export interface AppRouteRequest {
  operationId: string;
  params: Record<string, string>;
  body: unknown;
  app: StandinApp;
  ctx: ModelContext;
  state: StandinState;
  documentationUrl: string;
  /** Registers a token acting as the App's bot until `expiresAt`. */
  mint(token: string, expiresAt: Date): void;
}

const CREATED = '2024-01-01T00:00:00Z';

function permissionsOf(app: StandinApp): Record<string, string> {
  return { ...(app.permissions ?? DEFAULT_APP_PERMISSIONS) };
}

function appJson(req: AppRouteRequest): Json {
  const { app, ctx } = req;
  return {
    id: app.id,
    slug: app.slug,
    node_id: nodeId('A', app.id),
    client_id: `Iv1.${app.id.toString(16).padStart(16, '0')}`,
    owner: userJson(ctx, ctx.repo.owner),
    name: app.slug,
    description: 'aethr test app',
    external_url: 'https://example.com',
    html_url: `${ctx.html}/apps/${app.slug}`,
    created_at: CREATED,
    updated_at: CREATED,
    permissions: permissionsOf(app),
    events: ['pull_request', 'issue_comment', 'issues'],
  };
}

function installationJson(req: AppRouteRequest): Json {
  const { app, ctx } = req;
  const id = app.installationId ?? 1;
  return {
    id,
    account: userJson(ctx, ctx.repo.owner),
    repository_selection: 'selected',
    access_tokens_url: `${ctx.api}/app/installations/${id}/access_tokens`,
    repositories_url: `${ctx.api}/installation/repositories`,
    html_url: `${ctx.html}/settings/installations/${id}`,
    app_id: app.id,
    target_id: ctx.state.user(ctx.repo.owner).id,
    target_type: 'User',
    permissions: permissionsOf(app),
    events: ['pull_request', 'issue_comment', 'issues'],
    created_at: CREATED,
    updated_at: CREATED,
    single_file_name: null,
    app_slug: app.slug,
    suspended_by: null,
    suspended_at: null,
  };
}

export function handleAppRoute(req: AppRouteRequest): HandlerResult {
  const fail404 = (): HandlerResult => ({
    status: 404,
    body: errorBody(404, 'Not Found', req.documentationUrl),
  });
  switch (req.operationId) {
    case 'apps/get-authenticated':
      return { status: 200, body: appJson(req) };
    case 'apps/get-repo-installation': {
      const name = `${req.params.owner}/${req.params.repo}`;
      if (name.toLowerCase() !== req.ctx.repo.full_name.toLowerCase()) return fail404();
      return { status: 200, body: installationJson(req) };
    }
    case 'apps/create-installation-access-token': {
      if (Number(req.params.installation_id) !== (req.app.installationId ?? 1)) return fail404();
      const token = `ghs_${randomBytes(18).toString('base64url').replace(/[-_]/g, 'x')}`;
      const expiresAt = new Date(Date.now() + 3600_000);
      req.mint(token, expiresAt);
      const body = obj(req.body);
      return {
        status: 201,
        body: {
          token,
          expires_at: nowIso(expiresAt),
          permissions: permissionsOf(req.app),
          repository_selection: Array.isArray(body.repositories) ? 'selected' : 'all',
        },
      };
    }
  }
  return fail404();
}

// ---------------------------------------------------------------------------------------------
// Starting workflows from outside (repo-scoped handlers)

export interface DispatchRecord {
  kind: 'repository_dispatch' | 'workflow_dispatch';
  actor: string;
  eventType?: string;
  clientPayload?: unknown;
  workflowId?: string;
  ref?: string;
  inputs?: Record<string, unknown>;
  at: number;
}

/** The installation lacks the permission: GitHub's answer for an integration. */
function lacks(req: Parameters<Handler>[0], permission: string): HandlerResult | undefined {
  const granted = req.config.appPermissions;
  if (!granted || req.actor !== req.config.appLogin) return undefined;
  return granted[permission] === 'write'
    ? undefined
    : fail(req, 403, 'Resource not accessible by integration');
}

const createDispatchEvent: Handler = (req) => {
  const refused = lacks(req, 'contents');
  if (refused) return refused;
  const body = obj(req.body);
  const payload = body.client_payload;
  if (payload !== undefined && JSON.stringify(payload).length >= 65_536)
    return fail(req, 422, 'client_payload is too large (the JSON must be under 64KB)');
  req.state.dispatches.push({
    kind: 'repository_dispatch',
    actor: req.actor,
    eventType: String(body.event_type),
    clientPayload: payload,
    at: Date.now(),
  });
  return { status: 204 };
};

const createWorkflowDispatch: Handler = (req) => {
  const refused = lacks(req, 'actions');
  if (refused) return refused;
  const workflowId = req.params.workflow_id ?? '';
  if (!req.config.workflows.includes(workflowId)) return notFound(req);
  const body = obj(req.body);
  const ref = String(body.ref);
  if (!resolveBranch(req.state, req.config, ref)) return fail(req, 422, `No ref found for: ${ref}`);
  req.state.dispatches.push({
    kind: 'workflow_dispatch',
    actor: req.actor,
    workflowId,
    ref,
    inputs: obj(body.inputs),
    at: Date.now(),
  });
  return { status: 204 };
};

/** `GET /users/{username}`: a public user (the App's bot user included). */
const getUser: Handler = (req) => {
  const login = req.params.username ?? '';
  return {
    status: 200,
    body: {
      ...userJson(req.ctx, login),
      name: null,
      company: null,
      blog: '',
      location: null,
      email: null,
      hireable: null,
      bio: null,
      public_repos: 0,
      public_gists: 0,
      followers: 0,
      following: 0,
      created_at: CREATED,
      updated_at: CREATED,
    },
  };
};

export const dispatchHandlers: Record<string, Handler> = {
  'repos/create-dispatch-event': createDispatchEvent,
  'actions/create-workflow-dispatch': createWorkflowDispatch,
  'users/get-by-username': getUser,
};
