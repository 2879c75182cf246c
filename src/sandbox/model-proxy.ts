/**
 * The agent's only way to a model: an OpenAI-compatible endpoint inside aethr, on 127.0.0.1 and a
 * random port, for one run. It holds no key the agent can learn: the agent gets a fresh dummy key
 * and the proxy refuses any other; the real key stays in the gateway, which routes, budgets and
 * records the call in the ledger like every other model call. The model is the step's routed
 * model whatever the agent asks for.
 *
 * `POST /v1/chat/completions`, streaming (SSE) or not. The reply is produced whole by the gateway
 * (which retries cut streams) and then sent; while waiting, a streaming response gets SSE comment
 * lines so nothing on the way times the connection out.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { ChatResult, ModelClient } from '../engine/types.js';
import {
  chatCompletion,
  chatCompletionChunks,
  errorStatus,
  readChatRequest,
} from './proxy-wire.js';

export interface ModelProxyOptions {
  models: ModelClient;
  /** `provider:model` every request is sent to. */
  model: string;
  role: string;
  stepId: string;
  /** Largest request body accepted. Default 32 MiB. */
  maxBodyBytes?: number;
  /** Told about each failed call (a budget refusal, a provider error), e.g. to stop the agent. */
  onError?: (error: unknown) => void;
  /** Between SSE keep-alive comments while the gateway works. Default 10 s. */
  keepAliveMs?: number;
}

export interface ModelProxy {
  /** `http://127.0.0.1:<port>/v1` */
  readonly baseURL: string;
  /** The one key this proxy accepts (random per proxy; worthless anywhere else). */
  readonly apiKey: string;
  /** Requests answered so far (for tests and logs). */
  readonly requestCount: number;
  close(): Promise<void>;
}

const DEFAULT_MAX_BODY = 32 * 1024 * 1024;

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

function apiError(res: http.ServerResponse, status: number, message: string, code: string): void {
  sendJson(res, status, { error: { message, type: 'aethr_proxy_error', code, param: null } });
}

function sameKey(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function bearer(req: http.IncomingMessage): string {
  const header = req.headers.authorization ?? '';
  const match = /^Bearer\s+(.+)$/i.exec(header);
  return match ? match[1]!.trim() : String(req.headers['api-key'] ?? '');
}

export async function startModelProxy(options: ModelProxyOptions): Promise<ModelProxy> {
  const apiKey = `aethr-proxy-${randomBytes(24).toString('hex')}`;
  const maxBody = options.maxBodyBytes ?? DEFAULT_MAX_BODY;
  const modelName = options.model.includes(':')
    ? options.model.slice(options.model.indexOf(':') + 1)
    : options.model;
  const state = { count: 0, ids: 0 };
  const sockets = new Set<Socket>();

  const server = http.createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (!sameKey(bearer(req), apiKey)) {
      req.resume();
      apiError(
        res,
        401,
        'This endpoint only accepts the key aethr gave this run.',
        'invalid_api_key',
      );
      return;
    }
    if (req.method === 'GET' && path === '/v1/models') {
      sendJson(res, 200, {
        object: 'list',
        data: [{ id: modelName, object: 'model', created: 0, owned_by: 'aethr' }],
      });
      return;
    }
    if (
      req.method !== 'POST' ||
      (path !== '/v1/chat/completions' && path !== '/chat/completions')
    ) {
      req.resume();
      apiError(res, 404, `Unknown request URL: ${req.method} ${path}`, 'unknown_url');
      return;
    }
    readBody(req, maxBody, (raw) => {
      if (raw === undefined) {
        apiError(res, 413, `The request body is larger than ${maxBody} bytes.`, 'too_large');
        return;
      }
      answer(options, modelName, state, res, raw).catch((error: unknown) => {
        options.onError?.(error);
        if (!res.headersSent) apiError(res, 500, 'aethr proxy failure', 'proxy_failure');
        else res.destroy();
      });
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    apiKey,
    get requestCount() {
      return state.count;
    },
    close() {
      return new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      });
    },
  };
}

/** The request body, or undefined (read to the end, not kept) when it is over `maxBody`. */
function readBody(
  req: http.IncomingMessage,
  maxBody: number,
  done: (raw: string | undefined) => void,
): void {
  const chunks: Buffer[] = [];
  let size = 0;
  req.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size <= maxBody) chunks.push(chunk);
  });
  req.on('end', () => done(size > maxBody ? undefined : Buffer.concat(chunks).toString('utf8')));
}

/**
 * One chat completion through the gateway. A streaming request gets its SSE headers at once
 * and keep-alive comments while the gateway works; the reply is sent whole when it is there.
 */
async function answer(
  options: ModelProxyOptions,
  modelName: string,
  state: { count: number; ids: number },
  res: http.ServerResponse,
  raw: string,
): Promise<void> {
  const read = readChatRequest(raw);
  if (!read.ok) {
    apiError(res, 400, read.message, read.code);
    return;
  }
  const { request } = read;
  const { stream } = request;
  state.count++;

  let keepAlive: ReturnType<typeof setInterval> | undefined;
  if (stream) {
    res.writeHead(200, {
      'content-type': 'text/event-stream',
      'cache-control': 'no-cache',
      connection: 'keep-alive',
    });
    keepAlive = setInterval(() => res.write(': working\n\n'), options.keepAliveMs ?? 10_000);
  }
  const abort = new AbortController();
  res.on('close', () => {
    if (!res.writableFinished) abort.abort();
  });
  let result: ChatResult;
  try {
    result = await options.models.chat({
      model: options.model,
      role: options.role,
      stepId: options.stepId,
      purpose: 'implement',
      messages: request.messages,
      raw: request.payload,
      signal: abort.signal,
      ...(request.maxOutputTokens !== undefined
        ? { maxOutputTokens: request.maxOutputTokens }
        : {}),
    });
  } catch (error) {
    if (keepAlive) clearInterval(keepAlive);
    options.onError?.(error);
    const { status, code } = errorStatus(error);
    const message = error instanceof Error ? error.message : String(error);
    if (stream) {
      res.end(
        `data: ${JSON.stringify({ error: { message, type: 'aethr_proxy_error', code } })}\n\n`,
      );
    } else apiError(res, status, message, code);
    return;
  }
  if (keepAlive) clearInterval(keepAlive);

  const meta = {
    id: `chatcmpl-aethr-${++state.ids}`,
    created: Math.floor(Date.now() / 1000),
    model: modelName,
  };
  if (!stream) {
    sendJson(res, 200, chatCompletion(result, meta));
    return;
  }
  for (const chunk of chatCompletionChunks(result, meta, request.includeUsage))
    res.write(`data: ${JSON.stringify(chunk)}\n\n`);
  res.end('data: [DONE]\n\n');
}
