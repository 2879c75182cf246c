/**
 * The model proxy's OpenAI chat-completions wire format, as pure functions: a request body read
 * into a gateway request, and a gateway result written back as a `chat.completion` or as the
 * chunks of a stream.
 */
import type { ChatMessage, ChatResult, RawChatPayload } from '../engine/types.js';

/** Request fields handed on to the provider as they are. */
const PASSED_FIELDS = [
  'tools',
  'tool_choice',
  'parallel_tool_calls',
  'temperature',
  'top_p',
  'stop',
  'response_format',
] as const;

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

export function toChatMessages(raw: unknown[]): ChatMessage[] {
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

export interface ProxyRequest {
  messages: ChatMessage[];
  payload: RawChatPayload;
  maxOutputTokens?: number;
  stream: boolean;
  /** `stream_options.include_usage`: the stream ends with a usage chunk. */
  includeUsage: boolean;
}

/** A chat-completions body read, or why it cannot be (an OpenAI-style error code). */
export function readChatRequest(
  raw: string,
): { ok: true; request: ProxyRequest } | { ok: false; message: string; code: string } {
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(raw) as Record<string, unknown>;
  } catch {
    return { ok: false, message: 'The request body is not JSON.', code: 'bad_json' };
  }
  if (!Array.isArray(body.messages) || body.messages.length === 0)
    return { ok: false, message: '"messages" must be a non-empty list.', code: 'bad_messages' };
  const payload: RawChatPayload = { messages: body.messages };
  for (const field of PASSED_FIELDS)
    if (body[field] !== undefined)
      (payload as unknown as Record<string, unknown>)[field] = body[field];
  const maxTokens = body.max_completion_tokens ?? body.max_tokens;
  const request: ProxyRequest = {
    messages: toChatMessages(body.messages),
    payload,
    stream: body.stream === true,
    includeUsage:
      (body.stream_options as { include_usage?: unknown } | undefined)?.include_usage === true,
  };
  if (typeof maxTokens === 'number' && maxTokens > 0) request.maxOutputTokens = maxTokens;
  return { ok: true, request };
}

/** The HTTP status and OpenAI error code a failed gateway call is answered with. */
export function errorStatus(error: unknown): { status: number; code: string } {
  const e = error as { name?: string; kind?: string; status?: number };
  if (e.name === 'BudgetExceeded') return { status: 402, code: 'budget_exceeded' };
  if (e.kind === 'rate_limit') return { status: 429, code: 'rate_limit' };
  if (e.kind === 'bad_request') return { status: 400, code: 'bad_request' };
  return { status: 502, code: e.kind ?? 'upstream_error' };
}

/** What every answer to one request carries. */
export interface CompletionMeta {
  id: string;
  /** Unix seconds. */
  created: number;
  model: string;
}

function answerParts(result: ChatResult) {
  const toolCalls = result.toolCalls ?? [];
  const finish = result.finishReason ?? (toolCalls.length > 0 ? 'tool_calls' : 'stop');
  const usage = result.usage
    ? {
        prompt_tokens: result.usage.inputTokens,
        completion_tokens: result.usage.outputTokens,
        total_tokens: result.usage.inputTokens + result.usage.outputTokens,
      }
    : undefined;
  return { toolCalls, finish, usage };
}

/** A non-streaming `chat.completion`. */
export function chatCompletion(result: ChatResult, meta: CompletionMeta): unknown {
  const { toolCalls, finish, usage } = answerParts(result);
  return {
    id: meta.id,
    object: 'chat.completion',
    created: meta.created,
    model: meta.model,
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
  };
}

/** The `chat.completion.chunk`s of a stream: the text, each tool call, the finish, the usage. */
export function chatCompletionChunks(
  result: ChatResult,
  meta: CompletionMeta,
  includeUsage: boolean,
): unknown[] {
  const { toolCalls, finish, usage } = answerParts(result);
  const base = {
    id: meta.id,
    object: 'chat.completion.chunk',
    created: meta.created,
    model: meta.model,
  };
  const chunks: unknown[] = [
    {
      ...base,
      choices: [
        { index: 0, delta: { role: 'assistant', content: result.text }, finish_reason: null },
      ],
    },
  ];
  toolCalls.forEach((call, index) =>
    chunks.push({
      ...base,
      choices: [{ index: 0, delta: { tool_calls: [{ index, ...call }] }, finish_reason: null }],
    }),
  );
  chunks.push({ ...base, choices: [{ index: 0, delta: {}, finish_reason: finish }] });
  if (includeUsage && usage) chunks.push({ ...base, choices: [], usage });
  return chunks;
}
