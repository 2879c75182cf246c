/**
 * The App's HTTP side: the webhook path (Probot's middleware verifies the signature before it
 * parses anything, and answers a bad or missing one with 400), `GET /healthz` (200 when ready,
 * 503 while starting or draining) and `GET /status` (the queue as JSON: for loopback clients, or
 * with `Authorization: Bearer <AETHR_STATUS_TOKEN>`; it names repositories and pull requests).
 */
import { timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

/** GitHub caps webhook payloads at 25 MB; larger bodies are refused before they are read. */
const MAX_BODY_BYTES = 25 * 1024 * 1024;

export type WebhookMiddleware = (
  req: IncomingMessage,
  res: ServerResponse,
  next?: () => void,
) => unknown;

export interface HttpServerOptions {
  webhookPath: string;
  webhooks: WebhookMiddleware;
  health(): 'ready' | 'starting' | 'draining';
  /** The status document with the `recent` most recent runs (`?recent=N`, at most 1000). */
  status(recent?: number): unknown;
  statusToken?: string;
}

function json(res: ServerResponse, status: number, body: unknown): void {
  const text = `${JSON.stringify(body)}\n`;
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
  });
  res.end(text);
}

/** A client on this host — not a request a reverse proxy here forwarded from elsewhere. */
function isLoopback(req: IncomingMessage): boolean {
  const address = req.socket.remoteAddress ?? '';
  const local = address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1';
  return local && !req.headers['x-forwarded-for'] && !req.headers.forwarded;
}

function bearerMatches(req: IncomingMessage, token: string): boolean {
  const given = /^Bearer\s+(\S+)$/i.exec(String(req.headers.authorization ?? ''))?.[1] ?? '';
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function createHttpServer(o: HttpServerOptions): Server {
  const notFound = (res: ServerResponse) => json(res, 404, { error: 'Not Found' });
  return createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://app');
    const path = url.pathname.replace(/\/+$/, '') || '/';
    if (path === o.webhookPath.replace(/\/+$/, '')) {
      if (Number(req.headers['content-length'] ?? 0) > MAX_BODY_BYTES) {
        res.setHeader('connection', 'close');
        res.on('finish', () => req.destroy());
        json(res, 413, { error: 'Payload too large' });
        return;
      }
      void Promise.resolve(o.webhooks(req, res, () => notFound(res))).catch(() => {
        if (!res.headersSent) json(res, 500, { error: 'Internal error' });
      });
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return notFound(res);
    if (path === '/healthz') {
      const state = o.health();
      return json(res, state === 'ready' ? 200 : 503, { status: state });
    }
    if (path === '/status') {
      const allowed = o.statusToken ? bearerMatches(req, o.statusToken) : isLoopback(req);
      if (!allowed)
        return json(res, 401, {
          error: o.statusToken
            ? 'Send Authorization: Bearer <AETHR_STATUS_TOKEN>.'
            : 'GET /status answers loopback clients only; set AETHR_STATUS_TOKEN to read it from elsewhere.',
        });
      const recent = Number(url.searchParams.get('recent'));
      return json(res, 200, o.status(recent > 0 ? Math.min(1000, Math.floor(recent)) : undefined));
    }
    return notFound(res);
  });
}
