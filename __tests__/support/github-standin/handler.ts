/** What route handlers receive and return, and GitHub's error bodies. */
import type { IncomingHttpHeaders } from 'node:http';
import type { ModelContext } from './models.js';
import type {
  IssueRecord,
  PermissionSetting,
  PullData,
  RepoRecord,
  StandinState,
} from './state.js';

export interface StandinConfig {
  allowActionsToCreatePRs: boolean;
  /** Whether the token may write check runs (`checks: write`); false answers 403. */
  checksWrite: boolean;
  defaultPermission: PermissionSetting;
  /** Bare repository whose branches answer refs and PR creation (optional). */
  gitDir?: string;
  diffLimits: { maxFiles: number; maxLines: number };
  /** Workflow file names (`aethr.yml`) that `workflow_dispatch` can start. */
  workflows: string[];
  /** The installed App's bot login and permissions, when there is an App. */
  appLogin?: string;
  appPermissions?: Record<string, 'read' | 'write'>;
}

export interface HandlerRequest {
  operationId: string;
  method: string;
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  headers: IncomingHttpHeaders;
  /** Login of the token's user. */
  actor: string;
  repo: RepoRecord;
  ctx: ModelContext;
  state: StandinState;
  config: StandinConfig;
  documentationUrl: string;
}

export interface HandlerResult {
  status: number;
  /** Send nothing at all: the request hangs until the client gives up. */
  hang?: boolean;
  /** JSON body. */
  body?: unknown;
  /** A list to paginate (JSON items); the server slices it and adds `Link`. */
  list?: unknown[];
  /** Non-JSON body (diffs, raw contents). */
  text?: string;
  contentType?: string;
  headers?: Record<string, string>;
  /** Something the stand-in cannot answer faithfully; recorded in `violations`. */
  violation?: string;
}

export type Handler = (req: HandlerRequest) => HandlerResult;

export function errorBody(
  status: number,
  message: string,
  documentationUrl: string,
  extra: object = {},
): object {
  return { message, ...extra, documentation_url: documentationUrl, status: String(status) };
}

export function fail(
  req: HandlerRequest,
  status: number,
  message: string,
  extra: object = {},
): HandlerResult {
  return { status, body: errorBody(status, message, req.documentationUrl, extra) };
}

export function notFound(req: HandlerRequest): HandlerResult {
  return fail(req, 404, 'Not Found');
}

export interface FieldError {
  resource: string;
  code: string;
  field?: string;
  message?: string;
}

/** 422 "Validation Failed" with error objects, as most create/update endpoints answer. */
export function validationFailed(req: HandlerRequest, errors: FieldError[]): HandlerResult {
  return fail(req, 422, 'Validation Failed', { errors });
}

/** 422 "Unprocessable Entity" with string errors, as the review endpoints answer. */
export function unprocessable(req: HandlerRequest, errors: string[]): HandlerResult {
  return fail(req, 422, 'Unprocessable Entity', { errors: [toSentence(errors)] });
}

/** Rails' Array#to_sentence, which is how GitHub joins several messages into one. */
export function toSentence(items: string[]): string {
  const unique = [...new Set(items)];
  if (unique.length <= 1) return unique[0] ?? '';
  if (unique.length === 2) return `${unique[0]} and ${unique[1]}`;
  return `${unique.slice(0, -1).join(', ')}, and ${unique.at(-1)}`;
}

/** GitHub's body limit for comments, reviews and PR bodies, counted in characters. */
export const MAX_BODY_CHARS = 65536;

export function tooLong(text: unknown): boolean {
  if (typeof text !== 'string' || text.length <= MAX_BODY_CHARS) return false;
  let n = 0;
  for (const _ of text) if (++n > MAX_BODY_CHARS) return true;
  return false;
}

export function bodyTooLong(req: HandlerRequest, resource: string): HandlerResult {
  return validationFailed(req, [
    {
      resource,
      code: 'unprocessable',
      field: 'data',
      message: `Body is too long (maximum is ${MAX_BODY_CHARS} characters)`,
    },
  ]);
}

export function obj(body: unknown): Record<string, unknown> {
  return typeof body === 'object' && body !== null && !Array.isArray(body)
    ? (body as Record<string, unknown>)
    : {};
}

export function intParam(req: HandlerRequest, name: string): number {
  return Number(req.params[name]);
}

export type Pull = IssueRecord & { pull: PullData };

/** The login an Actions `GITHUB_TOKEN` acts as. */
export const ACTIONS_BOT = 'github-actions[bot]';

export function findPull(req: HandlerRequest): Pull | undefined {
  return req.state.pull(intParam(req, 'pull_number'));
}
