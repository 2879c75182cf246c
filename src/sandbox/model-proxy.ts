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
import type { AddressInfo } from 'node:net';
import type { ChatMessage, ChatResult, ModelClient, RawChatPayload } from '../engine/types.js';

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

/** The text of an OpenAI message's content (string or parts), plus its tool calls, for counting. */
function messageText(message: Record<string, unknown>): string {
  const content = message.content;
  let text =
    typeof content === 'string'
      ? content
      : Array.isArray(content)
        ? content
            .map((p) =>
              p && typeof p === 'object' && typeof (p as { text?: unknown }).text === 'string'
                ? (p as { text: string }).text
                : '',
            )
            .join('')
        : '';
  if (Array.isArray(message.tool_calls)) text += `\n${JSON.stringify(message.tool_calls)}`;
  return text;
}

function toChatMessages(raw: unknown[]): ChatMessage[] {
  return raw.map((m) => {
    const message = (m && typeof m === 'object' ? m : {}) as Record<string, unknown>;
    const role =
      message.role === 'system' || message.role === 'developer'
        ? 'system'
        : message.role === 'assistant'
          ? 'assistant'
          : 'user';
    return { role, content: messageText(message) };
  });
}

const PASSED_FIELDS = [
  'tools',
  'tool_choice',
  'parallel_tool_calls',
  'temperature',
  'top_p',
  'stop',
  'response_format',
] as const;

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

function errorStatus(error: unknown): { status: number; code: string } {
  const e = error as { name?: string; kind?: string; status?: number };
  if (e.name === 'BudgetExceeded') return { status: 402, code: 'budget_exceeded' };
  if (e.kind === 'rate_limit') return { status: 429, code: 'rate_limit' };
  if (e.kind === 'bad_request') return { status: 400, code: 'bad_request' };
  return { status: 502, code: e.kind ?? 'upstream_error' };
}

export async function startModelProxy(options: ModelProxyOptions): Promise<ModelProxy> {
  const apiKey = `aethr-proxy-${randomBytes(24).toString('hex')}`;
  const maxBody = options.maxBodyBytes ?? DEFAULT_MAX_BODY;
  const modelName = options.model.includes(':')
    ? options.model.slice(options.model.indexOf(':') + 1)
    : options.model;
  let count = 0;
  let ids = 0;
  const sockets = new Set<import('node:net').Socket>();

  async function answer(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    raw: string,
  ): Promise<void> {
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(raw) as Record<string, unknown>;
    } catch {
      apiError(res, 400, 'The request body is not JSON.', 'bad_json');
      return;
    }
    if (!Array.isArray(body.messages) || body.messages.length === 0) {
      apiError(res, 400, '"messages" must be a non-empty list.', 'bad_messages');
      return;
    }
    const payload: RawChatPayload = { messages: body.messages };
    for (const field of PASSED_FIELDS)
      if (body[field] !== undefined)
        (payload as unknown as Record<string, unknown>)[field] = body[field];
    const maxTokens = body.max_completion_tokens ?? body.max_tokens;
    const stream = body.stream === true;
    const includeUsage =
      (body.stream_options as { include_usage?: unknown } | undefined)?.include_usage === true;
    count++;

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
        messages: toChatMessages(body.messages),
        raw: payload,
        signal: abort.signal,
        ...(typeof maxTokens === 'number' && maxTokens > 0 ? { maxOutputTokens: maxTokens } : {}),
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

    const id = `chatcmpl-aethr-${++ids}`;
    const created = Math.floor(Date.now() / 1000);
    const toolCalls = result.toolCalls ?? [];
    const finish = result.finishReason ?? (toolCalls.length > 0 ? 'tool_calls' : 'stop');
    const usage = result.usage
      ? {
          prompt_tokens: result.usage.inputTokens,
          completion_tokens: result.usage.outputTokens,
          total_tokens: result.usage.inputTokens + result.usage.outputTokens,
        }
      : undefined;
    if (!stream) {
      sendJson(res, 200, {
        id,
        object: 'chat.completion',
        created,
        model: modelName,
        choices: [
          {
            index: 0,
            message: {
              role: 'assistant',
              content: result.text,
              ...(toolCalls.length ? { tool_calls: toolCalls } : {}),
            },
            finish_reason: finish,
          },
        ],
        ...(usage ? { usage } : {}),
      });
      return;
    }
    const base = { id, object: 'chat.completion.chunk', created, model: modelName };
    const write = (data: unknown): boolean => res.write(`data: ${JSON.stringify(data)}\n\n`);
    write({
      ...base,
      choices: [
        { index: 0, delta: { role: 'assistant', content: result.text }, finish_reason: null },
      ],
    });
    toolCalls.forEach((call, index) =>
      write({
        ...base,
        choices: [{ index: 0, delta: { tool_calls: [{ index, ...call }] }, finish_reason: null }],
      }),
    );
    write({ ...base, choices: [{ index: 0, delta: {}, finish_reason: finish }] });
    if (includeUsage && usage) write({ ...base, choices: [], usage });
    res.end('data: [DONE]\n\n');
  }

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
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBody) chunks.push(chunk);
    });
    req.on('end', () => {
      if (size > maxBody) {
        apiError(res, 413, `The request body is larger than ${maxBody} bytes.`, 'too_large');
        return;
      }
      answer(req, res, Buffer.concat(chunks).toString('utf8')).catch((error: unknown) => {
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
      return count;
    },
    close() {
      return new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      });
    },
  };
}
