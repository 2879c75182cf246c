/**
 * A scripted OpenAI-compatible model on 127.0.0.1 that can answer with tool calls, for driving an
 * agent CLI (opencode, or the stand-in `fake-opencode.mjs`) in tests.
 *
 * Each reply is picked from the request itself (never from a counter), because opencode sends
 * extra requests of its own (a title request without tools first):
 *
 *   const llm = await startOpencodeLLMStub({ reply: editScript({ writes: [{ file: 'hello.txt', content: 'hi\n' }] }) });
 *   // ... opencode with baseURL llm.url ...
 *   llm.chatRequests();  // every chat-completion request body, in order
 *   await llm.close();
 *
 * Route: `POST /v1/chat/completions` (streamed as SSE when `stream: true`, as opencode always asks,
 * or as one JSON body). Anything else is 404. Replies: text, tool calls (with optional text before
 * them), an HTTP error, or a delay before any of these.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Socket } from 'node:net';

export interface LLMToolCall {
  name: string;
  /** Serialized as the call's JSON `arguments`. */
  arguments: Record<string, unknown>;
}

export type LLMReply =
  | { text: string; delayMs?: number }
  | { toolCalls: LLMToolCall[]; text?: string; delayMs?: number }
  | { status: number; message: string; delayMs?: number };

export interface LLMRequestBody {
  model?: string;
  stream?: boolean;
  messages?: Array<{
    role: string;
    content?: unknown;
    tool_calls?: unknown;
    tool_call_id?: string;
  }>;
  tools?: Array<{ type?: string; function?: { name?: string } }>;
  [key: string]: unknown;
}

export interface LLMRequest {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: LLMRequestBody | undefined;
}

export type LLMReplyFn = (req: LLMRequest) => LLMReply;

export interface OpencodeLLMStub {
  /** Base URL ending in `/v1`. */
  url: string;
  requests: LLMRequest[];
  chatRequests(): LLMRequest[];
  setReply(fn: LLMReplyFn): void;
  close(): Promise<void>;
}

/** Text of a message's content (string or content parts). */
export function contentText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) {
    return content
      .map((p: unknown) =>
        p && typeof p === 'object' && 'text' in p ? String((p as { text: unknown }).text) : '',
      )
      .join('');
  }
  return '';
}

/** Names of the tools the request offers (empty for opencode's title request). */
export function toolNames(req: LLMRequest): string[] {
  return (req.body?.tools ?? []).map((t) => t.function?.name ?? '').filter((n) => n !== '');
}

/** The `Working directory: <abs>` line of opencode's system prompt (the stand-in sends it too). */
export function workingDirectory(req: LLMRequest): string | undefined {
  for (const m of req.body?.messages ?? []) {
    if (m.role !== 'system') continue;
    const match = /Working directory:\s*(\S[^\n]*)/.exec(contentText(m.content));
    if (match) return match[1]!.trim();
  }
  return undefined;
}

/** Tool results sent back since the last user message (0 on the first turn of a task). */
export function toolResultsSinceUser(req: LLMRequest): number {
  const messages = req.body?.messages ?? [];
  let count = 0;
  for (let i = messages.length - 1; i >= 0; i--) {
    const role = messages[i]!.role;
    if (role === 'user') break;
    if (role === 'tool') count++;
  }
  return count;
}

export interface EditScript {
  /** Files to write, paths relative to the working directory (`../x` leaves it). */
  writes: Array<{ file: string; content: string }>;
  /** Text sent along with the tool calls. */
  say?: string;
  /** Final answer after the tools ran. */
  finalText?: string;
  /** Answer to the title request. */
  title?: string;
}

/**
 * The usual script: the title request gets a title; the first tool-bearing turn calls `write` for
 * each file (absolute paths, from the request's working directory); the next turn answers text.
 */
export function editScript(script: EditScript): LLMReplyFn {
  return (req) => {
    if (toolNames(req).length === 0) return { text: script.title ?? 'Aethr test edit' };
    if (toolResultsSinceUser(req) === 0) {
      const dir = workingDirectory(req);
      if (!dir) return { text: 'no working directory in the system prompt' };
      const toolCalls = script.writes.map((w) => ({
        name: 'write',
        arguments: { filePath: `${dir.replace(/\/+$/, '')}/${w.file}`, content: w.content },
      }));
      return script.say ? { toolCalls, text: script.say } : { toolCalls };
    }
    return { text: script.finalText ?? `Wrote ${script.writes.map((w) => w.file).join(', ')}.` };
  };
}

export async function startOpencodeLLMStub(options: {
  reply: LLMReplyFn;
}): Promise<OpencodeLLMStub> {
  let replyFn = options.reply;
  const requests: LLMRequest[] = [];
  const sockets = new Set<Socket>();
  const timers = new Map<ReturnType<typeof setTimeout>, () => void>();
  let ids = 0;
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, ms);
      timers.set(timer, resolve);
    });

  const send = (res: http.ServerResponse, status: number, body: unknown) => {
    const text = JSON.stringify(body);
    res.writeHead(status, {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(text),
    });
    res.end(text);
  };

  async function handle(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    raw: string,
  ): Promise<void> {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    let body: LLMRequestBody | undefined;
    try {
      body = raw ? (JSON.parse(raw) as LLMRequestBody) : undefined;
    } catch {
      body = undefined;
    }
    const record: LLMRequest = { path, headers: req.headers, body };
    requests.push(record);
    if (req.method !== 'POST' || path !== '/v1/chat/completions' || !body) {
      send(res, 404, {
        error: { message: `no route ${req.method ?? ''} ${path}`, type: 'invalid_request_error' },
      });
      return;
    }
    const reply = replyFn(record);
    if (reply.delayMs) await sleep(reply.delayMs);
    if (res.destroyed) return;
    if ('status' in reply) {
      send(res, reply.status, {
        error: { message: reply.message, type: 'api_error', code: null, param: null },
      });
      return;
    }
    const id = `chatcmpl-llmstub-${++ids}`;
    const model = body.model ?? 'stub';
    const base = { id, object: 'chat.completion.chunk', created: 1700000000, model };
    const text = 'text' in reply && reply.text !== undefined ? reply.text : '';
    const calls = 'toolCalls' in reply ? reply.toolCalls : [];
    const finish = calls.length > 0 ? 'tool_calls' : 'stop';
    const usage = {
      prompt_tokens: Math.ceil(raw.length / 4),
      completion_tokens: 10 + Math.ceil(text.length / 4),
    };
    const callId = (i: number) => `call_${ids}_${i}`;

    if (body.stream !== true) {
      send(res, 200, {
        id,
        object: 'chat.completion',
        created: 1700000000,
        model,
        choices: [
          {
            index: 0,
            finish_reason: finish,
            message: {
              role: 'assistant',
              content: text || null,
              ...(calls.length > 0
                ? {
                    tool_calls: calls.map((c, i) => ({
                      id: callId(i),
                      type: 'function',
                      function: { name: c.name, arguments: JSON.stringify(c.arguments) },
                    })),
                  }
                : {}),
            },
          },
        ],
        usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens },
      });
      return;
    }

    res.writeHead(200, {
      'content-type': 'text/event-stream',
      'cache-control': 'no-cache',
      connection: 'keep-alive',
    });
    const write = (data: unknown) => res.write(`data: ${JSON.stringify(data)}\n\n`);
    write({
      ...base,
      choices: [{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }],
    });
    if (text) {
      const half = Math.ceil(text.length / 2);
      for (const part of [text.slice(0, half), text.slice(half)]) {
        if (part)
          write({
            ...base,
            choices: [{ index: 0, delta: { content: part }, finish_reason: null }],
          });
      }
    }
    calls.forEach((call, i) => {
      const args = JSON.stringify(call.arguments);
      const half = Math.ceil(args.length / 2);
      write({
        ...base,
        choices: [
          {
            index: 0,
            delta: {
              tool_calls: [
                {
                  index: i,
                  id: callId(i),
                  type: 'function',
                  function: { name: call.name, arguments: args.slice(0, half) },
                },
              ],
            },
            finish_reason: null,
          },
        ],
      });
      write({
        ...base,
        choices: [
          {
            index: 0,
            delta: { tool_calls: [{ index: i, function: { arguments: args.slice(half) } }] },
            finish_reason: null,
          },
        ],
      });
    });
    write({ ...base, choices: [{ index: 0, delta: {}, finish_reason: finish }] });
    write({
      ...base,
      choices: [],
      usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens },
    });
    res.write('data: [DONE]\n\n');
    res.end();
  }

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void handle(req, res, Buffer.concat(chunks).toString('utf8')).catch((err: unknown) => {
        if (!res.headersSent)
          send(res, 500, { error: { message: `stub failure: ${String(err)}` } });
        else res.destroy();
      });
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    chatRequests: () =>
      requests.filter((r) => r.path === '/v1/chat/completions' && r.body !== undefined),
    setReply(fn) {
      replyFn = fn;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        for (const [timer, wake] of timers) {
          clearTimeout(timer);
          wake();
        }
        timers.clear();
        server.close(() => resolve());
      }),
  };
}
