/**
 * Octokit's errors, told apart once: the kind of failure (see `ForgeErrorKind`) and a short
 * message a person can read. GitHub's 5xx pages are HTML ("Unicorn!"), and a dropped connection
 * surfaces as "other side closed": neither is shown raw.
 */
import { ForgeError, type ForgeErrorKind } from './forge.js';

interface OctokitLikeError {
  status?: number;
  message?: string;
  response?: { headers?: Record<string, string | undefined>; data?: unknown };
}

const NETWORK =
  /other side closed|socket hang up|ECONNRESET|ECONNREFUSED|ETIMEDOUT|EPIPE|fetch failed|terminated|network|timed? ?out/i;

const MAX_DETAIL = 300;

export function classifyOctokitError(error: unknown, operation: string): ForgeError {
  const e = (typeof error === 'object' && error !== null ? error : {}) as OctokitLikeError;
  const status = typeof e.status === 'number' ? e.status : undefined;
  const raw = typeof e.message === 'string' ? e.message : String(error);
  const kind = kindOf(status, raw, e.response?.headers ?? {});
  return new ForgeError(operation, kind, describe(status, raw, kind), {
    status,
    cause: error,
    hint: HINTS[kind],
  });
}

function kindOf(
  status: number | undefined,
  message: string,
  headers: Record<string, string | undefined>,
): ForgeErrorKind {
  // @octokit/request reports a request that got no answer as status 500 with the fetch error.
  if (status === undefined || ((status === 500 || status === 0) && NETWORK.test(message)))
    return 'network';
  if (status === 429) return 'rate-limit';
  if (status === 403 && (headers['x-ratelimit-remaining'] === '0' || headers['retry-after']))
    return 'rate-limit';
  if (status === 403 && /rate limit/i.test(message)) return 'rate-limit';
  if (status === 401 || status === 403) return 'permission';
  if (status === 404) return 'not-found';
  if (status === 422) return 'validation';
  if (status >= 500) return 'server';
  return 'other';
}

/** One readable line: never an HTML page, never longer than MAX_DETAIL. */
function describe(status: number | undefined, message: string, kind: ForgeErrorKind): string {
  const looksHtml = /<(?:!doctype|html|body|head|h1)\b/i.test(message);
  let text = looksHtml ? '' : message.replace(/\s+/g, ' ').trim();
  if (text.length > MAX_DETAIL) text = `${text.slice(0, MAX_DETAIL)}…`;
  const label =
    kind === 'network'
      ? 'no answer from GitHub'
      : status !== undefined
        ? `HTTP ${status}${looksHtml ? ' (GitHub sent an error page)' : ''}`
        : 'failed';
  return text && kind !== 'network' ? `${label}: ${text}` : text ? `${label} (${text})` : label;
}

const HINTS: Partial<Record<ForgeErrorKind, string>> = {
  permission:
    'The token may not do this. Give the job `permissions: pull-requests: write` (and `contents: write` for implement runs, `checks: write` for the check run). ' +
    'Runs triggered by pull_request from a fork always get a read-only token: use comment commands or pull_request_target for those.',
  'rate-limit': 'GitHub rate-limited the token; run again later.',
  server: 'GitHub had a server error; run again.',
  network: 'GitHub did not answer; run again.',
};
