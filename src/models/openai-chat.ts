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
 *
 * This module builds the client and the request and runs the stream retries; one streamed
 * attempt is openai-stream.ts, the retry-after bound and cut detection openai-retry.ts, the error
 * mapping openai-errors.ts.
 */
import type { ChatRequest, ChatResult } from '../engine/types.js';
import { ModelError } from './model-error.js';
import type { ResolvedProvider } from './providers.js';
import { redactURL } from './redact.js';
import { make, type ErrorContext } from './openai-errors.js';
import { boundedRetryFetch, sleepUnlessAborted, StreamCut } from './openai-retry.js';
import { streamOnce } from './openai-stream.js';

export { ModelError } from './model-error.js';

export const DEFAULT_TIMEOUT_MS = 120_000;
export const DEFAULT_MAX_RETRIES = 2;
export const DEFAULT_MAX_RETRY_WAIT_MS = 60_000;
export const DEFAULT_MAX_STREAM_RETRIES = 2;
const STREAM_RETRY_BASE_MS = 500;

/** Sent when a keyless local server is called (the SDK insists on some key). */
export const NO_KEY_PLACEHOLDER = 'aethr-no-key';

export type OpenAIModule = typeof import('openai');
export type OpenAIClient = InstanceType<OpenAIModule['default']>;

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
  /** The first wait before a cut stream is sent again, doubled each time (default 500 ms). */
  streamRetryBaseMs?: number;
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

export function createOpenAIChatClient(options: OpenAIChatClientOptions): OpenAIChatClient {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxRetries = options.maxRetries ?? DEFAULT_MAX_RETRIES;
  const maxRetryWaitMs = options.maxRetryWaitMs ?? DEFAULT_MAX_RETRY_WAIT_MS;
  const maxStreamRetries = options.maxStreamRetries ?? DEFAULT_MAX_STREAM_RETRIES;
  const streamRetryBaseMs = options.streamRetryBaseMs ?? STREAM_RETRY_BASE_MS;
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
        const wait = streamRetryBaseMs * 2 ** retry;
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
