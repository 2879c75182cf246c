/**
 * The model gateway: the ONE place every model call goes through. It decides mock or live per
 * call, keeps one SDK client per base URL + key, and records every call (provider, model, role,
 * step, tokens, duration, outcome) in `calls` — the hook for budgets and the cost ledger.
 *
 * Mock or live: the door decides whether live calls are allowed at all (`live`: the CLI with
 * AETHR_LIVE=1, the Action when a key is present). Within a live run, a call whose provider has no
 * key (see providers.ts for keyless local servers) falls back to the mock model; the record says
 * why in `mockReason`, and `onNotice` hears it once per reason.
 *
 * Bounds (when a `budget` guard is given, as the doors do through buildPorts): before every call,
 * live or mock, the input tokens are settled (by a byte bound when it proves the checks, else
 * counted: see estimateInput and tokens.ts), the output cap is clamped to
 * `limits.max_output_tokens_per_call` and sent, and the guard checks the projected cost. A refused
 * call is not made: it is recorded with status `blocked` and the limit, and `BudgetExceeded` is
 * thrown. After a call, the estimate, the reported usage, the cost in USD, the service tier and
 * the reasoning effort are recorded. With a `policy`, the tier and effort are sent where the
 * provider takes them, a refused tier is retried without it, and fallback models are tried on
 * server, rate-limit and model-not-found errors (see policy.ts). Each HTTP attempt is its own record.
 */
import { createHash } from 'node:crypto';
import type { ChatRequest, ChatResult, ModelClient } from '../engine/types.js';
import type { BudgetGuard, BudgetLimit } from './budget.js';
import { mockChat } from './mock-model.js';
import { ModelError, type ModelErrorKind } from './model-error.js';
import {
  createOpenAIChatClient,
  DEFAULT_MAX_RETRIES,
  DEFAULT_TIMEOUT_MS,
  type LiveChatResult,
  type OpenAIChatClient,
} from './openai-chat.js';
import {
  isServiceTierRefusal,
  shouldTryFallback,
  type CallSettings,
  type ModelPolicy,
} from './policy.js';
import {
  envValue,
  keyEnvLabel,
  parseModelRef,
  resolveProvider,
  type Env,
  type ResolvedProvider,
} from './providers.js';
import { redactSecrets, redactURL } from './redact.js';
import { checkCallBudget, recordCallSpend } from './call-budget.js';

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
  /** `blocked`: refused by a budget or limit before anything was sent. */
  status: 'ok' | 'error' | 'blocked';
  /** Redacted error message when status is 'error', the refusal when 'blocked'. */
  error?: string;
  errorKind?: ModelErrorKind;

  // With a budget guard:
  /**
   * Input tokens as the pre-call checks saw them: an exact count, an approximation, or — when it
   * alone proved the call within its limits and budgets — an upper bound made without the
   * tokenizer; replaced by an exact count when the provider reports no usage.
   */
  estimatedInputTokens?: number;
  /**
   * How: `tokenizer:o200k_base` (exact), `approx:chars/3.5` / `approx:chars/4`, or
   * `bound:utf8-bytes` / `bound:counted+bytes` (see tokens.ts).
   */
  estimateMethod?: string;
  /** The output cap sent (max_tokens / max_completion_tokens). */
  maxOutputTokens?: number;
  /** Input + maximum output at the model's price, before the call. */
  projectedUsd?: number;
  /** What the call cost; undefined when the model's price is unknown. */
  costUsd?: number;
  /** `reported`: from the usage the provider reported; `estimated`: from our counts. */
  costBasis?: 'reported' | 'estimated';
  /** Where the price came from: the workflow's `pricing:` or the built-in defaults. */
  priceSource?: 'pricing' | 'default';
  /** The limit that refused a `blocked` call (`run_usd`, `role_budgets_usd.builder`, ...). */
  limit?: BudgetLimit;

  // With a policy:
  /** The service tier sent. */
  serviceTier?: string;
  /** The service tier the provider said it used. */
  serviceTierReported?: string;
  /** The reasoning effort sent. */
  reasoningEffort?: string;
  /** 2, 3, ... when one request took several attempts (tier retry, fallback models). */
  attempt?: number;
  /** The model this attempt stands in for (a fallback model). */
  fallbackFrom?: string;
  /** What happened to this attempt, when it is not obvious (a refused tier, a retry). */
  note?: string;
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
  /** Budgets and limits checked before every call (see budget.ts). Without one, calls are unbounded. */
  budget?: BudgetGuard;
  /** Service tier, reasoning effort and fallback models per role (see policy.ts). */
  policy?: ModelPolicy;
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

  const budget = options.budget;
  const policy = options.policy;

  function notice(message: string): void {
    if (noticed.has(message)) return;
    noticed.add(message);
    options.onNotice?.(message);
  }

  function fail(record: CallRecord, error: unknown): void {
    record.durationMs = clock() - record.startedAt;
    record.status = 'error';
    record.error = redactSecrets(
      error instanceof Error ? error.message : String(error),
      allSecrets(),
    );
    if (error instanceof ModelError) record.errorKind = error.kind;
  }

  /** One model, one request (plus one retry without a refused service tier). */
  async function callModel(
    request: ChatRequest,
    onDelta: ((chunk: string) => void) | undefined,
    attempts: { count: number; fallbackFrom?: string },
  ): Promise<ChatResult> {
    const attempt = ++attempts.count;
    let record: CallRecord = {
      provider: 'unknown',
      model: request.model,
      ref: request.model,
      role: request.role,
      stepId: request.stepId,
      mock: !options.live,
      startedAt: clock(),
      durationMs: 0,
      status: 'ok',
    };
    if (attempt > 1) record.attempt = attempt;
    if (attempts.fallbackFrom !== undefined) record.fallbackFrom = attempts.fallbackFrom;
    if (request.purpose) record.purpose = request.purpose;
    calls.push(record);

    try {
      const parsed = parseModelRef(request.model);
      record.provider = parsed.provider;
      record.model = parsed.model;
      record.ref = parsed.ref;

      const decision = route(parsed.ref);
      if (decision.target) {
        record.provider = decision.target.provider;
        record.ref = decision.target.ref;
      }
      const send: ChatRequest = budget ? await checkCallBudget(budget, request, record) : request;
      let settings: CallSettings = policy?.settingsFor(request.role, record.ref) ?? {};
      const applySettings = (r: CallRecord): void => {
        if (settings.serviceTier !== undefined) r.serviceTier = settings.serviceTier;
        if (settings.reasoningEffort !== undefined) r.reasoningEffort = settings.reasoningEffort;
      };
      applySettings(record);

      let result: LiveChatResult;
      if (decision.mode === 'mock') {
        record.mock = true;
        record.mockReason = decision.reason;
        if (options.live) notice(`Using the mock model: ${decision.reason}.`);
        result = await mockChat({ ...send, model: record.ref }, onDelta);
      } else {
        const target = decision.target;
        record.mock = false;
        record.baseURL = redactURL(target.baseURL, [target.apiKey]);
        const configuredAt = envValue(env, 'AETHR_MODEL')
          ? 'the AETHR_MODEL environment variable'
          : `models.${request.role} (or models.default) in .aethr.yaml`;
        const live = (): Promise<LiveChatResult> =>
          clientFor(target).chat(target, send, onDelta, { configuredAt, ...settings });
        try {
          result = await live();
        } catch (error) {
          const tier = settings.serviceTier;
          if (
            tier === undefined ||
            policy?.serviceTierFallback !== 'default' ||
            !isServiceTierRefusal(error)
          ) {
            throw error;
          }
          fail(record, error);
          record.note = `service tier "${tier}" refused; retried without it (policy.service_tier.fallback: default)`;
          const { error: _e, errorKind: _k, note: _n, serviceTier: _t, ...base } = record;
          record = {
            ...base,
            status: 'ok',
            startedAt: clock(),
            durationMs: 0,
            attempt: ++attempts.count,
            note: `retry without service tier "${tier}"`,
          };
          calls.push(record);
          settings = { ...settings };
          delete settings.serviceTier;
          applySettings(record);
          notice(`${record.ref} refused service tier "${tier}"; retrying without it.`);
          result = await live();
        }
        if (result.serviceTier !== undefined) record.serviceTierReported = result.serviceTier;
      }
      if (result.usage) {
        record.inputTokens = result.usage.inputTokens;
        record.outputTokens = result.usage.outputTokens;
      }
      if (budget) await recordCallSpend(budget, request, record, result);
      record.durationMs = clock() - record.startedAt;
      const answer: ChatResult = { text: result.text, model: result.model, mock: result.mock };
      if (result.usage) answer.usage = result.usage;
      if (result.finishReason !== undefined) answer.finishReason = result.finishReason;
      if (result.toolCalls?.length) answer.toolCalls = result.toolCalls;
      return answer;
    } catch (error) {
      if (record.status !== 'blocked') fail(record, error);
      else record.durationMs = clock() - record.startedAt;
      throw error;
    }
  }

  async function chat(
    request: ChatRequest,
    onDelta?: (chunk: string) => void,
  ): Promise<ChatResult> {
    const refs = [request.model];
    for (const ref of policy?.fallbackModels(request.role) ?? [])
      if (!refs.includes(ref)) refs.push(ref);
    const attempts: { count: number; fallbackFrom?: string } = { count: 0 };
    for (let i = 0; ; i++) {
      if (i > 0) attempts.fallbackFrom = request.model;
      try {
        return await callModel({ ...request, model: refs[i]! }, onDelta, attempts);
      } catch (error) {
        const next = refs[i + 1];
        if (next === undefined || !shouldTryFallback(error)) throw error;
        notice(
          `${refs[i]} failed (${error.kind.replace('_', ' ')}); trying the fallback model ${next} for role "${request.role}".`,
        );
      }
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
