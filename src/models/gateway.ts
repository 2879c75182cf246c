/**
 * The model gateway: the ONE place every model call goes through. It decides mock or live per
 * call, keeps one SDK client per base URL + key, and records every call (provider, model, role,
 * step, tokens, duration, outcome) in `calls` — the hook for budgets and the cost ledger.
 *
 * Mock or live: the door decides whether live calls are allowed at all (`live`: the CLI with
 * AETHR_LIVE=1, the Action when a key is present). Within a live run, a call whose provider has no
 * key (see providers.ts for keyless local servers) falls back to the mock model; the record says
 * why in `mockReason`, and `onNotice` hears it once per reason.
 */
import { createHash } from 'node:crypto';
import type { ChatRequest, ChatResult, ModelClient } from '../engine/types.js';
import { mockChat } from './mock-model.js';
import { ModelError, type ModelErrorKind } from './model-error.js';
import {
  createOpenAIChatClient,
  DEFAULT_MAX_RETRIES,
  DEFAULT_TIMEOUT_MS,
  type OpenAIChatClient,
} from './openai-chat.js';
import {
  envValue,
  keyEnvLabel,
  parseModelRef,
  resolveProvider,
  type Env,
  type ResolvedProvider,
} from './providers.js';
import { redactSecrets, redactURL } from './redact.js';

export interface CallRecord {
  /** Canonical provider (`openai`, `google`, ...). */
  provider: string;
  /** Model name as sent to the API (`gpt-4o-mini`). */
  model: string;
  /** `provider:model`. */
  ref: string;
  role: string;
  stepId: string;
  purpose?: ChatRequest['purpose'];
  mock: boolean;
  /** Why this call was answered by the mock model. */
  mockReason?: string;
  /** From the API's usage (live) or the ceil(chars/4) estimate (mock); undefined when absent. */
  inputTokens?: number;
  outputTokens?: number;
  /** Base URL of a live call (credentials removed). */
  baseURL?: string;
  startedAt: number;
  durationMs: number;
  status: 'ok' | 'error';
  /** Redacted error message when status is 'error'. */
  error?: string;
  errorKind?: ModelErrorKind;
}

export interface ModelGatewayOptions {
  env: Env;
  /** Whether live calls are allowed at all (the door decides). */
  live: boolean;
  /** Per attempt until the reply starts, and per gap while streaming. Default 120 000. */
  timeoutMs?: number;
  /** SDK retries on connection errors, timeouts, 429 and 5xx. Default 2. */
  maxRetries?: number;
  /** A `retry-after` longer than this is not waited for. Default 60 000. */
  maxRetryWaitMs?: number;
  clock?: () => number;
  /** Told once per distinct reason when a live run falls back to the mock model. */
  onNotice?: (message: string) => void;
  /** Replaces global fetch for live calls (tests). */
  fetch?: typeof fetch;
}

export type ModelRoute =
  | { mode: 'mock'; reason: string; target?: ResolvedProvider }
  | { mode: 'live'; target: ResolvedProvider };

export interface ModelGateway extends ModelClient {
  /** Every call so far, in order. */
  readonly calls: CallRecord[];
  readonly live: boolean;
  /** SDK clients created so far (one per base URL + key). */
  readonly liveClientCount: number;
  /** How a call for `ref` would be answered now (no network). */
  route(ref: string): ModelRoute;
}

/**
 * What stops `ref` from being called live with `env`, in one sentence; undefined when nothing does
 * (a key is set, or the provider is a keyless local server). For `aethr doctor`.
 */
export function describeKeyProblem(ref: string, env: Env): string | undefined {
  let target: ResolvedProvider;
  try {
    target = resolveProvider(ref, env);
  } catch (error) {
    return (error as Error).message;
  }
  if (target.baseURL === undefined) {
    const baseVar = target.baseURLEnvNames.join(' or ');
    return target.known
      ? `${target.label} needs ${baseVar} (the endpoint for ${target.ref}) and ${keyEnvLabel(target.keyEnvNames)}.`
      : `"${target.provider}" is not a built-in provider: set ${baseVar} to its OpenAI-compatible base URL, and ${keyEnvLabel(target.keyEnvNames)} unless it is a local server.`;
  }
  if (!target.apiKey && !target.keyOptional) {
    return `${keyEnvLabel(target.keyEnvNames)} is not set (needed for ${target.ref}).`;
  }
  return undefined;
}

/** True when `ref` can be called live with `env` (key set, or a keyless local server). */
export function hasKeyFor(ref: string, env: Env): boolean {
  return describeKeyProblem(ref, env) === undefined;
}

function fingerprint(value: string | undefined): string {
  return value === undefined ? '-' : createHash('sha256').update(value).digest('hex').slice(0, 16);
}

export function createModelGateway(options: ModelGatewayOptions): ModelGateway {
  const env = options.env;
  const clock = options.clock ?? Date.now;
  const calls: CallRecord[] = [];
  const clients = new Map<string, OpenAIChatClient>();
  const noticed = new Set<string>();
  const allSecrets = (): string[] =>
    Object.entries(env)
      .filter(
        ([name, value]) => /(_API_KEY|_TOKEN|_SECRET)$/.test(name) && typeof value === 'string',
      )
      .map(([, value]) => value as string);

  function route(ref: string): ModelRoute {
    if (!options.live) {
      return { mode: 'mock', reason: 'live model calls are off (mock mode)' };
    }
    const target = resolveProvider(ref, env);
    if (target.baseURL === undefined) {
      if (target.apiKey) {
        // A key without an endpoint: the user meant a live call, so this is a configuration error.
        throw new ModelError(`No base URL for "${target.provider}" (model ${target.ref}).`, {
          kind: 'config',
          ref: target.ref,
          provider: target.provider,
          secrets: [target.apiKey],
          hint: `Set ${target.baseURLEnvNames.join(' or ')} to the provider's OpenAI-compatible base URL (ending in /v1 for most servers).`,
        });
      }
      return { mode: 'mock', reason: describeKeyProblem(ref, env) ?? 'no base URL', target };
    }
    if (!target.apiKey && !target.keyOptional) {
      return {
        mode: 'mock',
        reason: `no API key for ${target.ref}: ${keyEnvLabel(target.keyEnvNames)} is not set`,
        target,
      };
    }
    return { mode: 'live', target };
  }

  function clientFor(target: ResolvedProvider): OpenAIChatClient {
    const baseURL = target.baseURL!;
    const organization = target.provider === 'openai' ? envValue(env, 'OPENAI_ORG_ID') : undefined;
    const project = target.provider === 'openai' ? envValue(env, 'OPENAI_PROJECT_ID') : undefined;
    const cacheKey = [
      baseURL,
      fingerprint(target.apiKey),
      JSON.stringify(target.headers ?? {}),
      organization,
      project,
    ].join('\n');
    let client = clients.get(cacheKey);
    if (!client) {
      client = createOpenAIChatClient({
        baseURL,
        ...(target.apiKey !== undefined ? { apiKey: target.apiKey } : {}),
        ...(target.headers ? { headers: target.headers } : {}),
        ...(organization ? { organization } : {}),
        ...(project ? { project } : {}),
        timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
        maxRetries: options.maxRetries ?? DEFAULT_MAX_RETRIES,
        ...(options.maxRetryWaitMs !== undefined ? { maxRetryWaitMs: options.maxRetryWaitMs } : {}),
        ...(options.fetch ? { fetch: options.fetch } : {}),
      });
      clients.set(cacheKey, client);
    }
    return client;
  }

  async function chat(
    request: ChatRequest,
    onDelta?: (chunk: string) => void,
  ): Promise<ChatResult> {
    const startedAt = clock();
    let parsed: { provider: string; model: string; ref: string } = {
      provider: 'unknown',
      model: request.model,
      ref: request.model,
    };
    const record: CallRecord = {
      provider: parsed.provider,
      model: parsed.model,
      ref: parsed.ref,
      role: request.role,
      stepId: request.stepId,
      mock: !options.live,
      startedAt,
      durationMs: 0,
      status: 'ok',
    };
    if (request.purpose) record.purpose = request.purpose;
    calls.push(record);

    try {
      parsed = parseModelRef(request.model);
      record.provider = parsed.provider;
      record.model = parsed.model;
      record.ref = parsed.ref;

      const decision = route(parsed.ref);
      if (decision.target) {
        record.provider = decision.target.provider;
        record.ref = decision.target.ref;
      }
      let result: ChatResult;
      if (decision.mode === 'mock') {
        record.mock = true;
        record.mockReason = decision.reason;
        if (options.live && !noticed.has(decision.reason)) {
          noticed.add(decision.reason);
          options.onNotice?.(`Using the mock model: ${decision.reason}.`);
        }
        result = await mockChat({ ...request, model: record.ref }, onDelta);
      } else {
        record.mock = false;
        record.baseURL = redactURL(decision.target.baseURL, [decision.target.apiKey]);
        const configuredAt = envValue(env, 'AETHR_MODEL')
          ? 'the AETHR_MODEL environment variable'
          : `models.${request.role} (or models.default) in .aethr.yaml`;
        result = await clientFor(decision.target).chat(decision.target, request, onDelta, {
          configuredAt,
        });
      }
      if (result.usage) {
        record.inputTokens = result.usage.inputTokens;
        record.outputTokens = result.usage.outputTokens;
      }
      record.durationMs = clock() - startedAt;
      return result;
    } catch (error) {
      record.durationMs = clock() - startedAt;
      record.status = 'error';
      record.error = redactSecrets(
        error instanceof Error ? error.message : String(error),
        allSecrets(),
      );
      if (error instanceof ModelError) record.errorKind = error.kind;
      throw error;
    }
  }

  return {
    calls,
    live: options.live,
    get liveClientCount() {
      return clients.size;
    },
    route,
    chat,
  };
}
