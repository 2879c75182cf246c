/**
 * A small OpenAI-compatible chat-completions server on 127.0.0.1 for tests (node:http, random port).
 *
 *   const stub = await startOpenAIStub();
 *   const client = new OpenAI({ baseURL: stub.url, apiKey: 'sk-test' });
 *   ...
 *   expect(stub.requests[0]?.body?.model).toBe('gpt-4o-mini');
 *   await stub.close();
 *
 * Routes: `POST /v1/chat/completions` (streaming and not), `GET /v1/models`; anything else is 404
 * with an OpenAI-shaped error body. Every request (including 404s) is recorded in `requests`.
 *
 * Replies come from `reply(req, index)` (`index` counts chat-completion requests from 0), set at
 * start or later with `setReply`. A reply is either text (optionally split into `chunks` SSE deltas,
 * delayed by `delayMs` before the response starts) or an error with a status and headers (for
 * example `{ status: 429, headers: { 'retry-after-ms': '200' }, error: { message: 'slow down' } }`).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BusyClock } from './busy-clock.js';

export interface StubRequest {
  method: string;
  /** Path without the query string, e.g. `/v1/chat/completions`. */
  path: string;
  /** Header names lower-cased (node:http), e.g. `headers.authorization`. */
  headers: http.IncomingHttpHeaders;
  /** Parsed JSON body, or undefined when the body was empty or not JSON. */
  body: StubChatBody | undefined;
  /** Raw body text. */
  rawBody: string;
  /** Time the request was received (Date.now()). */
  receivedAt: number;
}

export interface StubChatBody {
  model?: string;
  messages?: Array<{ role: string; content: unknown }>;
  stream?: boolean;
  stream_options?: { include_usage?: boolean };
  max_tokens?: number;
  max_completion_tokens?: number;
  [key: string]: unknown;
}

export interface StubTextReply {
  text: string;
  usage?: { prompt_tokens: number; completion_tokens: number };
  /** Split the text into this many SSE deltas when streaming (default 3). */
  chunks?: number;
  /** Wait this long before sending anything (to exercise timeouts). */
  delayMs?: number;
  /** Wait this long between SSE chunks when streaming. */
  chunkDelayMs?: number;
  /** Override the model echoed in the response (default: the request's model). */
  model?: string;
  /** `finish_reason` sent (default `stop`; `length` for a truncated reply). */
  finishReason?: string;
  /** Tool calls sent after the text (streamed as one delta each, or in the message). */
  toolCalls?: Array<{ id: string; name: string; arguments: string }>;
  /** Streaming only: destroy the connection after this many content deltas, before any finish_reason. */
  cutAfterChunks?: number;
}

export interface StubErrorReply {
  status: number;
  headers?: Record<string, string>;
  error: { message: string; type?: string; code?: string | null; param?: string | null };
  delayMs?: number;
}

export type StubReply = StubTextReply | StubErrorReply;
export type StubReplyFn = (req: StubRequest, index: number) => StubReply;

export interface OpenAIStub {
  /** Base URL ending in `/v1`, e.g. `http://127.0.0.1:54321/v1`. */
  url: string;
  requests: StubRequest[];
  /** Only the chat-completion requests. */
  chatRequests(): StubRequest[];
  setReply(fn: StubReplyFn): void;
  close(): Promise<void>;
}

export interface StubOptions {
  reply?: StubReplyFn;
  /** Adds the time spent answering to this clock (benchmarks subtract it). */
  busy?: BusyClock;
}

/** Rough token estimate used for default usage numbers: ceil(chars / 4), at least 1. */
function estimateTokens(text: string): number {
  return Math.max(1, Math.ceil(text.length / 4));
}

function messageText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) {
    return content
      .map((part: unknown) =>
        part && typeof part === 'object' && 'text' in part
          ? String((part as { text: unknown }).text)
          : '',
      )
      .join('');
  }
  return '';
}

/** Deterministic default: echoes the model and the first line of the last user message. */
export const defaultStubReply = (req: StubRequest): StubTextReply => {
  const messages = req.body?.messages ?? [];
  const lastUser = [...messages].reverse().find((m) => m.role === 'user');
  const firstLine = messageText(lastUser?.content).split('\n')[0] ?? '';
  const text = `stub reply from ${req.body?.model ?? 'unknown-model'}: ${firstLine}`;
  const promptChars = messages.reduce((sum, m) => sum + messageText(m.content).length, 0);
  return {
    text,
    usage: {
      prompt_tokens: Math.ceil(promptChars / 4) + 3 * messages.length + 1,
      completion_tokens: estimateTokens(text),
    },
  };
};

function isError(reply: StubReply): reply is StubErrorReply {
  return 'error' in reply && typeof (reply as StubErrorReply).status === 'number';
}

function splitText(text: string, n: number): string[] {
  const count = Math.max(1, Math.min(n, text.length || 1));
  const size = Math.ceil(text.length / count);
  const parts: string[] = [];
  for (let i = 0; i < count; i++) parts.push(text.slice(i * size, (i + 1) * size));
  return parts.filter((p, i) => p.length > 0 || i === 0);
}

function sendJson(
  res: http.ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

export async function startOpenAIStub(options: StubOptions = {}): Promise<OpenAIStub> {
  let replyFn: StubReplyFn = options.reply ?? defaultStubReply;
  const requests: StubRequest[] = [];
  let chatIndex = 0;
  let idCounter = 0;
  const sockets = new Set<import('node:net').Socket>();
  // Pending delays, cut short by close() so a closed stub never keeps the process alive.
  const timers = new Map<ReturnType<typeof setTimeout>, () => void>();
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, ms);
      timers.set(timer, resolve);
    });

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void handle(req, res, Buffer.concat(chunks).toString('utf8')).catch((err: unknown) => {
        if (!res.headersSent)
          sendJson(res, 500, {
            error: { message: `stub failure: ${String(err)}`, type: 'server_error' },
          });
        else res.destroy();
      });
    });
  });
  options.busy?.track(server, 'model');
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  async function handle(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    rawBody: string,
  ): Promise<void> {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    let body: StubChatBody | undefined;
    if (rawBody.length > 0) {
      try {
        body = JSON.parse(rawBody) as StubChatBody;
      } catch {
        body = undefined;
      }
    }
    const record: StubRequest = {
      method: req.method ?? 'GET',
      path,
      headers: req.headers,
      body,
      rawBody,
      receivedAt: Date.now(),
    };
    requests.push(record);

    if (req.method === 'GET' && path === '/v1/models') {
      sendJson(res, 200, {
        object: 'list',
        data: [
          { id: 'gpt-4o-mini', object: 'model', created: 1700000000, owned_by: 'stub' },
          { id: 'gpt-4o', object: 'model', created: 1700000000, owned_by: 'stub' },
        ],
      });
      return;
    }

    if (req.method !== 'POST' || path !== '/v1/chat/completions') {
      sendJson(res, 404, {
        error: {
          message: `Unknown request URL: ${req.method ?? 'GET'} ${path}`,
          type: 'invalid_request_error',
          code: 'unknown_url',
          param: null,
        },
      });
      return;
    }

    if (body === undefined) {
      sendJson(res, 400, {
        error: {
          message: 'We could not parse the JSON body of your request.',
          type: 'invalid_request_error',
          code: null,
          param: null,
        },
      });
      return;
    }

    const index = chatIndex++;
    const reply = replyFn(record, index);
    if (reply.delayMs && reply.delayMs > 0) {
      await sleep(reply.delayMs);
      if (res.destroyed || req.socket.destroyed) return;
    }

    if (isError(reply)) {
      sendJson(
        res,
        reply.status,
        {
          error: {
            message: reply.error.message,
            type: reply.error.type ?? 'api_error',
            code: reply.error.code ?? null,
            param: reply.error.param ?? null,
          },
        },
        reply.headers ?? {},
      );
      return;
    }

    const id = `chatcmpl-stub-${++idCounter}`;
    const created = 1700000000 + index;
    const model = reply.model ?? body.model ?? 'unknown-model';
    const usage = reply.usage ??
      defaultStubReply(record).usage ?? { prompt_tokens: 1, completion_tokens: 1 };
    const usageBlock = {
      prompt_tokens: usage.prompt_tokens,
      completion_tokens: usage.completion_tokens,
      total_tokens: usage.prompt_tokens + usage.completion_tokens,
    };

    if (body.stream === true) {
      res.writeHead(200, {
        'content-type': 'text/event-stream',
        'cache-control': 'no-cache',
        connection: 'keep-alive',
      });
      const write = (data: unknown) => res.write(`data: ${JSON.stringify(data)}\n\n`);
      const base = { id, object: 'chat.completion.chunk', created, model };
      write({
        ...base,
        choices: [{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }],
      });
      let sent = 0;
      for (const part of splitText(reply.text, reply.chunks ?? 3)) {
        if (reply.chunkDelayMs) await sleep(reply.chunkDelayMs);
        if (res.destroyed) return;
        if (reply.cutAfterChunks !== undefined && sent >= reply.cutAfterChunks) break;
        write({ ...base, choices: [{ index: 0, delta: { content: part }, finish_reason: null }] });
        sent++;
      }
      if (reply.cutAfterChunks !== undefined) {
        // A connection lost mid-stream: the client sees the body end abruptly ("terminated").
        await new Promise<void>((resolve) => res.write('', () => resolve()));
        res.socket?.destroy();
        return;
      }
      (reply.toolCalls ?? []).forEach((call, i) =>
        write({
          ...base,
          choices: [
            {
              index: 0,
              delta: {
                tool_calls: [
                  {
                    index: i,
                    id: call.id,
                    type: 'function',
                    function: { name: call.name, arguments: call.arguments },
                  },
                ],
              },
              finish_reason: null,
            },
          ],
        }),
      );
      const finish = reply.finishReason ?? (reply.toolCalls?.length ? 'tool_calls' : 'stop');
      write({ ...base, choices: [{ index: 0, delta: {}, finish_reason: finish }] });
      if (body.stream_options?.include_usage === true)
        write({ ...base, choices: [], usage: usageBlock });
      res.write('data: [DONE]\n\n');
      res.end();
      return;
    }

    sendJson(res, 200, {
      id,
      object: 'chat.completion',
      created,
      model,
      choices: [
        {
          index: 0,
          message: {
            role: 'assistant',
            content: reply.text,
            refusal: null,
            ...(reply.toolCalls?.length
              ? {
                  tool_calls: reply.toolCalls.map((c) => ({
                    id: c.id,
                    type: 'function',
                    function: { name: c.name, arguments: c.arguments },
                  })),
                }
              : {}),
          },
          finish_reason: reply.finishReason ?? (reply.toolCalls?.length ? 'tool_calls' : 'stop'),
          logprobs: null,
        },
      ],
      usage: usageBlock,
    });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    chatRequests: () =>
      requests.filter((r) => r.method === 'POST' && r.path === '/v1/chat/completions'),
    setReply(fn: StubReplyFn) {
      replyFn = fn;
    },
    close() {
      return new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        for (const [timer, wake] of timers) {
          clearTimeout(timer);
          wake();
        }
        timers.clear();
        server.close(() => resolve());
      });
    },
  };
}
