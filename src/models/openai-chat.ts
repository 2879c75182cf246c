/**
 * The live model client: chat completions over the `openai` SDK against any OpenAI-compatible
 * endpoint (see providers.ts).
 *
 * - The SDK is loaded with a dynamic `import('openai')` on the first call, so commands that never
 *   call a model (help, init, --show-prompt, mock runs) do not pay for loading it.
 * - Replies are streamed (`stream_options.include_usage`), each text delta goes to `onDelta`, and
 *   usage comes from the API's final usage chunk (undefined when the provider sends none).
 * - Timeouts: `timeoutMs` (default 120 s) bounds each attempt until the response starts (the SDK's
 *   `timeout`), and then each gap between streamed chunks (our idle timer; the SDK stops timing
 *   once headers arrive).
 * - Retries: the SDK's `maxRetries` (default 2) retries connection errors, timeouts, 408, 409, 429
 *   and 5xx with exponential backoff (0.5 s doubling, max 8 s, jitter), and honours `retry-after-ms`
 *   and `retry-after` (seconds or HTTP date). The SDK does not cap a server-requested wait, so a
 *   small fetch wrapper turns a `retry-after` above `maxRetryWaitMs` (default 60 s) into "do not
 *   retry" and the call fails at once with a rate-limit error saying how long the provider asked for.
 * - A stream cut before its `finish_reason` (the connection reset or "terminated" mid-body) is
 *   not an answer: it is sent again, up to `maxStreamRetries` times (default 2) with backoff
 *   (0.5 s doubling), while the call is younger than `timeoutMs` and not cancelled. Text already
 *   given to `onDelta` stays given; a retry is announced there on a line of its own.
 * - `finish_reason` is returned (`length` means the reply was truncated), and so are tool calls
 *   (for agents' requests forwarded through the model proxy, `request.raw`).
 * - Errors become `ModelError`s with a hint; the API key never appears in them.
 */
import type { ChatRequest, ChatResult, TokenUsage, ToolCall } from '../engine/types.js';
import { ModelError, type ModelErrorKind } from './model-error.js';
import { keyEnvLabel, type ResolvedProvider } from './providers.js';
import { redactSecrets, redactURL } from './redact.js';

export { ModelError } from './model-error.js';

export const DEFAULT_TIMEOUT_MS = 120_000;
export const DEFAULT_MAX_RETRIES = 2;
export const DEFAULT_MAX_RETRY_WAIT_MS = 60_000;
export const DEFAULT_MAX_STREAM_RETRIES = 2;
const STREAM_RETRY_BASE_MS = 500;

/** Sent when a keyless local server is called (the SDK insists on some key). */
export const NO_KEY_PLACEHOLDER = 'aethr-no-key';

type OpenAIModule = typeof import('openai');
type OpenAIClient = InstanceType<OpenAIModule['default']>;

let sdkPromise: Promise<OpenAIModule> | undefined;

/** Loads the SDK once, on first use. */
export function loadOpenAISdk(): Promise<OpenAIModule> {
  sdkPromise ??= import('openai');
  return sdkPromise;
}

export interface OpenAIChatClientOptions {
  baseURL: string;
  /** Undefined only for a keyless local server. */
  apiKey?: string;
  /** Extra headers on every request (Azure's `api-key`). */
  headers?: Record<string, string>;
  timeoutMs?: number;
  maxRetries?: number;
  /** A longer `retry-after` than this is not waited for (default 60 s). */
  maxRetryWaitMs?: number;
  /** A stream cut mid-way is sent again at most this many times (default 2). */
  maxStreamRetries?: number;
  /** Sent only when given (the SDK would otherwise read OPENAI_ORG_ID / OPENAI_PROJECT_ID from process.env). */
  organization?: string;
  project?: string;
  /** Replaces global fetch (tests). */
  fetch?: typeof fetch;
}

export interface LiveCallContext {
  /** Where the model is configured, for "unknown model" messages (default: the workflow's `models`). */
  configuredAt?: string;
  /** Sent as `service_tier` (the caller decides whether the provider takes it; see policy.ts). */
  serviceTier?: string;
  /** Sent as `reasoning_effort` (reasoning models only; see policy.ts). */
  reasoningEffort?: string;
}

/** A live reply, with the service tier the provider says it used (when it says). */
export interface LiveChatResult extends ChatResult {
  serviceTier?: string;
}

export interface OpenAIChatClient {
  readonly baseURL: string;
  readonly timeoutMs: number;
  readonly maxRetries: number;
  /** One streamed chat completion for `target` (from `resolveProvider`). */
  chat(
    target: ResolvedProvider,
    request: ChatRequest,
    onDelta?: (chunk: string) => void,
    context?: LiveCallContext,
  ): Promise<LiveChatResult>;
}

/** Milliseconds a response asks us to wait (`retry-after-ms`, then `retry-after`), if it says. */
export function retryAfterMs(headers: Headers, now: number = Date.now()): number | undefined {
  const ms = headers.get('retry-after-ms');
  if (ms !== null && ms.trim() !== '') {
    const value = Number.parseFloat(ms);
    if (!Number.isNaN(value)) return value;
  }
  const after = headers.get('retry-after');
  if (after !== null && after.trim() !== '') {
    const seconds = Number.parseFloat(after);
    if (!Number.isNaN(seconds)) return seconds * 1000;
    const date = Date.parse(after);
    if (!Number.isNaN(date)) return date - now;
  }
  return undefined;
}

const TOO_LONG_HEADER = 'x-aethr-retry-after-ms';

/**
 * Wraps fetch so a retryable response asking for a wait above `maxWaitMs` is not retried. It also
 * rethrows fetch's abort `DOMException` as a same-realm Error named `AbortError`: under a VM
 * context (jest) the SDK's `instanceof Error` check fails for it and a timeout would be misread
 * as a connection failure.
 */
export function boundedRetryFetch(inner: typeof fetch, maxWaitMs: number): typeof fetch {
  return async (input, init) => {
    let response: Response;
    try {
      response = await inner(input, init);
    } catch (error) {
      if (error instanceof Error || typeof error !== 'object' || error === null) throw error;
      const foreign = error as { name?: unknown; message?: unknown; cause?: unknown };
      const copy = new Error(
        String(foreign.message ?? 'fetch failed'),
        foreign.cause === undefined ? undefined : { cause: foreign.cause },
      );
      if (typeof foreign.name === 'string') copy.name = foreign.name;
      throw copy;
    }
    if (response.status !== 429 && response.status < 500) return response;
    const wait = retryAfterMs(response.headers);
    if (wait === undefined || wait <= maxWaitMs) return response;
    const headers = new Headers(response.headers);
    headers.set('x-should-retry', 'false');
    headers.set(TOO_LONG_HEADER, String(Math.round(wait)));
    return new Response(response.body, {
      status: response.status,
      statusText: response.statusText,
      headers,
    });
  };
}

export function createOpenAIChatClient(options: OpenAIChatClientOptions): OpenAIChatClient {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxRetries = options.maxRetries ?? DEFAULT_MAX_RETRIES;
  const maxRetryWaitMs = options.maxRetryWaitMs ?? DEFAULT_MAX_RETRY_WAIT_MS;
  const maxStreamRetries = options.maxStreamRetries ?? DEFAULT_MAX_STREAM_RETRIES;
  let clientPromise: Promise<OpenAIClient> | undefined;

  async function client(): Promise<OpenAIClient> {
    clientPromise ??= loadOpenAISdk().then(
      (sdk) =>
        new sdk.default({
          baseURL: options.baseURL,
          apiKey: options.apiKey ?? NO_KEY_PLACEHOLDER,
          adminAPIKey: null,
          organization: options.organization ?? null,
          project: options.project ?? null,
          webhookSecret: null,
          timeout: timeoutMs,
          maxRetries,
          fetch: boundedRetryFetch(options.fetch ?? globalThis.fetch, maxRetryWaitMs),
          ...(options.headers ? { defaultHeaders: options.headers } : {}),
        }),
    );
    try {
      return await clientPromise;
    } catch (error) {
      clientPromise = undefined;
      throw error;
    }
  }

  async function chat(
    target: ResolvedProvider,
    request: ChatRequest,
    onDelta?: (chunk: string) => void,
    context: LiveCallContext = {},
  ): Promise<LiveChatResult> {
    const secrets = [options.apiKey, target.apiKey];
    const info: ErrorContext = {
      target,
      baseURL: options.baseURL,
      timeoutMs,
      maxRetries,
      secrets,
      context,
    };
    let sdk: OpenAIModule;
    let openai: OpenAIClient;
    try {
      sdk = await loadOpenAISdk();
      openai = await client();
    } catch (error) {
      throw new ModelError(`Could not load the openai SDK: ${(error as Error).message}`, {
        kind: 'config',
        secrets,
        cause: error,
        hint: 'Reinstall aethr-action\'s dependencies (the "openai" package is required for live calls).',
      });
    }

    const body: Record<string, unknown> = {
      model: target.model,
      messages: request.raw
        ? request.raw.messages
        : request.messages.map((m) => ({ role: m.role, content: m.content })),
      stream: true,
      stream_options: { include_usage: true },
    };
    if (request.raw) {
      for (const [key, value] of Object.entries(request.raw))
        if (key !== 'messages' && value !== undefined) body[key] = value;
    }
    if (request.maxOutputTokens !== undefined)
      body[target.maxTokensParam] = request.maxOutputTokens;
    if (context.serviceTier !== undefined) body['service_tier'] = context.serviceTier;
    if (context.reasoningEffort !== undefined) body['reasoning_effort'] = context.reasoningEffort;

    const started = Date.now();
    for (let retry = 0; ; retry++) {
      try {
        return await streamOnce(openai, sdk, body, target, request, onDelta, info);
      } catch (error) {
        const cut = error instanceof StreamCut ? error : undefined;
        if (!cut) throw error;
        const wait = STREAM_RETRY_BASE_MS * 2 ** retry;
        const young = Date.now() - started + wait < timeoutMs;
        if (retry >= maxStreamRetries || !young || request.signal?.aborted) {
          throw make(
            info,
            'connection',
            `The reply from ${target.ref} was cut off mid-stream (${cut.detail}) ${retry + 1} time(s); gave up.`,
            `The connection to ${redactURL(info.baseURL, info.secrets)} drops during replies; run again, or check proxies and load balancers on the way.`,
            { cause: cut.cause },
          );
        }
        onDelta?.('\n\n[the reply was cut off; asking again]\n\n');
        await sleepUnlessAborted(wait, request.signal);
      }
    }
  }

  return { baseURL: options.baseURL, timeoutMs, maxRetries, chat };
}

/** A stream that broke before its finish_reason: worth asking again. */
class StreamCut extends Error {
  constructor(
    readonly detail: string,
    override readonly cause: unknown,
  ) {
    super(detail);
  }
}

const CUT_CAUSE =
  /terminated|ECONNRESET|socket hang up|other side closed|EPIPE|UND_ERR_SOCKET|premature close/i;

function isStreamCut(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    const e = current as { message?: unknown; code?: unknown; cause?: unknown };
    if (CUT_CAUSE.test(String(e.message ?? '')) || CUT_CAUSE.test(String(e.code ?? '')))
      return true;
    current = e.cause;
  }
  return false;
}

function sleepUnlessAborted(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}

/** One streamed request; a cut stream is a StreamCut, anything else a ModelError. */
async function streamOnce(
  openai: OpenAIClient,
  sdk: OpenAIModule,
  body: Record<string, unknown>,
  target: ResolvedProvider,
  request: ChatRequest,
  onDelta: ((chunk: string) => void) | undefined,
  info: ErrorContext,
): Promise<LiveChatResult> {
  const controller = new AbortController();
  const outer = request.signal;
  const forwardAbort = (): void => controller.abort(outer?.reason);
  if (outer?.aborted) forwardAbort();
  else outer?.addEventListener('abort', forwardAbort, { once: true });

  let idleTimer: ReturnType<typeof setTimeout> | undefined;
  let idleTimedOut = false;
  const armIdle = (): void => {
    if (idleTimer !== undefined) clearTimeout(idleTimer);
    idleTimer = setTimeout(() => {
      idleTimedOut = true;
      controller.abort();
    }, info.timeoutMs);
  };

  let text = '';
  let usage: TokenUsage | undefined;
  let serviceTier: string | undefined;
  let finishReason: string | undefined;
  const calls: Array<{ id: string; name: string; arguments: string }> = [];
  let streaming = false;
  try {
    const stream = await openai.chat.completions.create(
      body as unknown as Parameters<OpenAIClient['chat']['completions']['create']>[0] & {
        stream: true;
      },
      { signal: controller.signal },
    );
    streaming = true;
    armIdle();
    for await (const chunk of stream) {
      armIdle();
      const choice = chunk.choices?.[0];
      const content = choice?.delta?.content;
      if (typeof content === 'string' && content.length > 0) {
        text += content;
        onDelta?.(content);
      }
      for (const call of choice?.delta?.tool_calls ?? []) {
        const slot = (calls[call.index] ??= { id: '', name: '', arguments: '' });
        if (call.id) slot.id = call.id;
        if (call.function?.name) slot.name += call.function.name;
        if (call.function?.arguments) slot.arguments += call.function.arguments;
      }
      if (typeof choice?.finish_reason === 'string') finishReason = choice.finish_reason;
      if (typeof chunk.service_tier === 'string') serviceTier = chunk.service_tier;
      if (chunk.usage) {
        usage = {
          inputTokens: chunk.usage.prompt_tokens ?? 0,
          outputTokens: chunk.usage.completion_tokens ?? 0,
        };
      }
    }
    // The SDK ends the iteration quietly when the request is aborted: decide why here.
    if (idleTimedOut) throw idleTimeoutError(info, text.length > 0);
    if (outer?.aborted) throw abortedError(info);
  } catch (error) {
    if (error instanceof ModelError) throw error;
    if (idleTimedOut) throw idleTimeoutError(info, text.length > 0);
    if (outer?.aborted) throw abortedError(info);
    if (streaming && finishReason === undefined && isStreamCut(error))
      throw new StreamCut(describeCause(error), error);
    throw toModelError(error, sdk, info);
  } finally {
    if (idleTimer !== undefined) clearTimeout(idleTimer);
    outer?.removeEventListener('abort', forwardAbort);
  }
  const result: LiveChatResult = { text, model: target.ref, mock: false };
  if (usage) result.usage = usage;
  if (serviceTier !== undefined) result.serviceTier = serviceTier;
  if (finishReason !== undefined) result.finishReason = finishReason;
  const toolCalls: ToolCall[] = calls
    .filter((c) => c !== undefined && c.name !== '')
    .map((c) => ({
      id: c.id,
      type: 'function',
      function: { name: c.name, arguments: c.arguments },
    }));
  if (toolCalls.length > 0) result.toolCalls = toolCalls;
  return result;
}

// ---------------------------------------------------------------------------------------------
// Errors

interface ErrorContext {
  target: ResolvedProvider;
  baseURL: string;
  timeoutMs: number;
  maxRetries: number;
  secrets: Array<string | undefined>;
  context: LiveCallContext;
}

function where(info: ErrorContext): string {
  return info.context.configuredAt ?? `models in .aethr.yaml (or AETHR_MODEL)`;
}

function attempts(info: ErrorContext): string {
  const n = info.maxRetries + 1;
  return `${n} attempt${n === 1 ? '' : 's'}`;
}

function make(
  info: ErrorContext,
  kind: ModelErrorKind,
  message: string,
  hint: string,
  extra: { status?: number; apiMessage?: string; cause?: unknown } = {},
): ModelError {
  return new ModelError(message, {
    kind,
    hint,
    secrets: info.secrets,
    provider: info.target.provider,
    ref: info.target.ref,
    baseURL: redactURL(info.baseURL, info.secrets),
    ...extra,
  });
}

function baseURLHint(info: ErrorContext): string {
  const url = redactURL(info.baseURL, info.secrets);
  if (info.target.baseURLSource === 'env' && info.target.baseURLEnvName) {
    return `${url} comes from ${info.target.baseURLEnvName}; check it (and that the server is running).`;
  }
  return `Check your network connection and proxy settings (HTTPS_PROXY), and that ${url} is reachable.`;
}

function idleTimeoutError(info: ErrorContext, started: boolean): ModelError {
  return make(
    info,
    'timeout',
    `${info.target.ref} ${started ? 'stopped streaming' : 'sent no data'} for ${info.timeoutMs} ms (base URL ${redactURL(info.baseURL, info.secrets)}).`,
    'The provider may be overloaded; run again, or raise the model timeout.',
  );
}

function abortedError(info: ErrorContext): ModelError {
  return make(
    info,
    'aborted',
    `The call to ${info.target.ref} was cancelled.`,
    'The run was stopped before the model answered.',
  );
}

function describeCause(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current && depth < 4; depth++) {
    if (current instanceof Error) {
      const code = (current as NodeJS.ErrnoException).code;
      const text =
        code && !current.message.includes(code) ? `${code}: ${current.message}` : current.message;
      if (text && !parts.includes(text)) parts.push(text);
      current = (current as { cause?: unknown }).cause;
    } else {
      parts.push(String(current));
      break;
    }
  }
  // The innermost cause is the most specific (ECONNREFUSED 127.0.0.1:1234).
  return parts.length > 0 ? parts[parts.length - 1]! : 'unknown error';
}

const MODEL_MISSING =
  /model[^.\n]{0,80}\b(not found|does not exist|doesn't exist|not exist|unknown|not available|is not supported)\b|\b(unknown|invalid|unsupported) model\b|no such model|model_not_found/i;

function apiMessageOf(error: { message: string; error?: unknown }): string {
  const inner = error.error as { message?: unknown } | undefined;
  if (inner && typeof inner.message === 'string') return inner.message;
  return error.message.replace(/^\d{3}\s+/, '');
}

/** Turns anything the SDK throws into a ModelError in the user's terms. */
function toModelError(error: unknown, sdk: OpenAIModule, info: ErrorContext): ModelError {
  if (error instanceof ModelError) return error;
  const { target } = info;
  const url = redactURL(info.baseURL, info.secrets);
  const keyVar = target.keyEnvName ?? keyEnvLabel(target.keyEnvNames);

  if (error instanceof sdk.APIUserAbortError) return abortedError(info);
  if (error instanceof sdk.APIConnectionTimeoutError) {
    return make(
      info,
      'timeout',
      `No answer from ${url} for ${target.ref} within ${info.timeoutMs} ms (${attempts(info)}).`,
      `The endpoint did not respond in time. ${baseURLHint(info)} If the model is just slow, raise the model timeout.`,
      { cause: error },
    );
  }
  if (error instanceof sdk.APIConnectionError) {
    const detail = describeCause(error);
    return make(
      info,
      'connection',
      `Could not connect to ${url} for ${target.ref} (${attempts(info)}): ${detail}`,
      baseURLHint(info),
      { cause: error },
    );
  }
  if (error instanceof sdk.APIError && typeof error.status === 'number') {
    const status = error.status;
    const apiMessage = redactSecrets(apiMessageOf(error), info.secrets);
    const code = typeof error.code === 'string' ? error.code : undefined;
    const extra = { status, apiMessage, cause: error };

    if (
      status === 401 ||
      (status === 403 && !MODEL_MISSING.test(apiMessage) && code !== 'model_not_found')
    ) {
      if (!target.apiKey) {
        return make(
          info,
          'auth',
          `${url} requires an API key for ${target.ref} (HTTP ${status}), and none is set.`,
          `Set ${keyEnvLabel(target.keyEnvNames)} (in the project .env, your shell, or a repository secret) and run again.`,
          extra,
        );
      }
      const what = status === 401 ? 'rejected the API key' : 'refused access with the API key';
      const fix =
        status === 401
          ? `Check that ${keyVar} holds a valid ${target.label} key${target.keyHelp ? ` (${target.keyHelp})` : ''}; update it in the project .env, your shell, or the repository secret, then run again.`
          : `The key in ${keyVar} is valid but may not have access to ${target.model} (or to this project/organisation); check its permissions, or choose another model in ${where(info)}.`;
      return make(
        info,
        'auth',
        `${target.label} ${what} in ${keyVar} (HTTP ${status}) for ${target.ref}: ${apiMessage}`,
        fix,
        extra,
      );
    }

    const modelMissing = code === 'model_not_found' || MODEL_MISSING.test(apiMessage);
    if (status === 404 || modelMissing) {
      const hint = modelMissing
        ? `Check the model name in ${where(info)}; list the models your key can use in the ${target.label} console or with GET ${url.replace(/\/+$/, '')}/models.`
        : `Check the model name in ${where(info)}. If it is right, the base URL may be wrong: ${baseURLHint(info)}`;
      return make(
        info,
        'model_not_found',
        `Unknown model "${target.ref}" (configured in ${where(info)}): ${target.label} at ${url} answered HTTP ${status}: ${apiMessage}`,
        hint,
        extra,
      );
    }

    if (status === 429) {
      const asked = error.headers?.get(TOO_LONG_HEADER);
      if (asked) {
        const seconds = Math.ceil(Number(asked) / 1000);
        return make(
          info,
          'rate_limit',
          `${target.label} rate-limited ${target.ref} and asked to wait ${seconds} s, longer than Aethr waits: ${apiMessage}`,
          `Run again later, or check the rate limits and quota of the key in ${keyVar}.`,
          extra,
        );
      }
      const quota = code === 'insufficient_quota' || /quota|billing|credit/i.test(apiMessage);
      return make(
        info,
        'rate_limit',
        `${target.label} rate-limited ${target.ref} (HTTP 429, ${attempts(info)}): ${apiMessage}`,
        quota
          ? `The account behind ${keyVar} is out of quota or credits; check its billing.`
          : `Wait a little and run again, or check the rate limits of the key in ${keyVar}.`,
        extra,
      );
    }

    if (status >= 500) {
      return make(
        info,
        'server',
        `${target.label} failed with HTTP ${status} for ${target.ref} (${attempts(info)}): ${apiMessage}`,
        `This is an error on the provider's side; run again later.${target.baseURLSource === 'env' ? ` ${baseURLHint(info)}` : ''}`,
        extra,
      );
    }

    return make(
      info,
      'bad_request',
      `${target.label} rejected the request for ${target.ref} (HTTP ${status}): ${apiMessage}`,
      `Check that ${target.model} supports chat completions at ${url}, and the model settings in ${where(info)}.`,
      extra,
    );
  }

  const message = error instanceof Error ? error.message : String(error);
  return make(
    info,
    'unknown',
    `The call to ${target.ref} at ${url} failed: ${message}`,
    'Run again; if it keeps failing, report it with the message above.',
    {
      cause: error,
    },
  );
}
