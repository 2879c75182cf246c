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
import type { ChatRequest, ChatResult, ModelClient } from '../engine/types.js';
import type { BudgetGuard, BudgetLimit } from './budget.js';
import { mockChat } from './mock-model.js';
import { ModelError, type ModelErrorKind } from './model-error.js';
import {
  createClientCache,
  routeCall,
  type ClientCache,
  type ModelRoute,
} from './gateway-route.js';
import type { LiveChatResult } from './openai-chat.js';
import {
  isServiceTierRefusal,
  shouldTryFallback,
  type CallSettings,
  type ModelPolicy,
} from './policy.js';
import { envValue, parseModelRef, type Env, type ResolvedProvider } from './providers.js';
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

export { describeKeyProblem, hasKeyFor, type ModelRoute } from './gateway-route.js';

export interface ModelGateway extends ModelClient {
  /** Every call so far, in order. */
  readonly calls: CallRecord[];
  readonly live: boolean;
  /** SDK clients created so far (one per base URL + key). */
  readonly liveClientCount: number;
  /** How a call for `ref` would be answered now (no network). */
  route(ref: string): ModelRoute;
}

export function createModelGateway(options: ModelGatewayOptions): ModelGateway {
  const env = options.env;
  const noticed = new Set<string>();
  const g: Gateway = {
    options,
    env,
    clock: options.clock ?? Date.now,
    calls: [],
    clients: createClientCache(env, options),
    notice(message) {
      if (noticed.has(message)) return;
      noticed.add(message);
      options.onNotice?.(message);
    },
  };

  async function chat(
    request: ChatRequest,
    onDelta?: (chunk: string) => void,
  ): Promise<ChatResult> {
    const refs = [request.model];
    for (const ref of options.policy?.fallbackModels(request.role) ?? [])
      if (!refs.includes(ref)) refs.push(ref);
    const attempts: Attempts = { count: 0 };
    for (let i = 0; ; i++) {
      if (i > 0) attempts.fallbackFrom = request.model;
      try {
        return await callModel(g, { ...request, model: refs[i]! }, onDelta, attempts);
      } catch (error) {
        const next = refs[i + 1];
        if (next === undefined || !shouldTryFallback(error)) throw error;
        g.notice(
          `${refs[i]} failed (${error.kind.replace('_', ' ')}); trying the fallback model ${next} for role "${request.role}".`,
        );
      }
    }
  }

  return {
    calls: g.calls,
    live: options.live,
    get liveClientCount() {
      return g.clients.size;
    },
    route: (ref) => routeCall(ref, env, options.live),
    chat,
  };
}

/** What one gateway's calls share. */
interface Gateway {
  options: ModelGatewayOptions;
  env: Env;
  clock: () => number;
  calls: CallRecord[];
  clients: ClientCache;
  /** Tells the door once per message. */
  notice(message: string): void;
}

interface Attempts {
  count: number;
  fallbackFrom?: string;
}

function secretsOf(env: Env): string[] {
  return Object.entries(env)
    .filter(([name, value]) => /(_API_KEY|_TOKEN|_SECRET)$/.test(name) && typeof value === 'string')
    .map(([, value]) => value as string);
}

function fail(g: Gateway, record: CallRecord, error: unknown): void {
  record.durationMs = g.clock() - record.startedAt;
  record.status = 'error';
  record.error = redactSecrets(
    error instanceof Error ? error.message : String(error),
    secretsOf(g.env),
  );
  if (error instanceof ModelError) record.errorKind = error.kind;
}

/** One model, one request (plus one retry without a refused service tier). */
async function callModel(
  g: Gateway,
  request: ChatRequest,
  onDelta: ((chunk: string) => void) | undefined,
  attempts: Attempts,
): Promise<ChatResult> {
  const { options } = g;
  const attempt = ++attempts.count;
  const record: CallRecord = {
    provider: 'unknown',
    model: request.model,
    ref: request.model,
    role: request.role,
    stepId: request.stepId,
    mock: !options.live,
    startedAt: g.clock(),
    durationMs: 0,
    status: 'ok',
  };
  if (attempt > 1) record.attempt = attempt;
  if (attempts.fallbackFrom !== undefined) record.fallbackFrom = attempts.fallbackFrom;
  if (request.purpose) record.purpose = request.purpose;
  g.calls.push(record);
  // The record of the attempt now running (a refused service tier is retried as a new one).
  const current = { record };

  try {
    const parsed = parseModelRef(request.model);
    record.provider = parsed.provider;
    record.model = parsed.model;
    record.ref = parsed.ref;

    const decision = routeCall(parsed.ref, g.env, options.live);
    if (decision.target) {
      record.provider = decision.target.provider;
      record.ref = decision.target.ref;
    }
    const send = options.budget ? await checkCallBudget(options.budget, request, record) : request;
    const settings: CallSettings = options.policy?.settingsFor(request.role, record.ref) ?? {};
    applySettings(record, settings);

    let result: LiveChatResult;
    if (decision.mode === 'mock') {
      record.mock = true;
      record.mockReason = decision.reason;
      if (options.live) g.notice(`Using the mock model: ${decision.reason}.`);
      result = await mockChat({ ...send, model: record.ref }, onDelta);
    } else {
      result = await callLive(g, {
        current,
        target: decision.target,
        send,
        settings,
        onDelta,
        attempts,
      });
    }
    const last = current.record;
    if (result.usage) {
      last.inputTokens = result.usage.inputTokens;
      last.outputTokens = result.usage.outputTokens;
    }
    if (options.budget) await recordCallSpend(options.budget, request, last, result);
    last.durationMs = g.clock() - last.startedAt;
    return answerOf(result);
  } catch (error) {
    const last = current.record;
    if (last.status !== 'blocked') fail(g, last, error);
    else last.durationMs = g.clock() - last.startedAt;
    throw error;
  }
}

function applySettings(record: CallRecord, settings: CallSettings): void {
  if (settings.serviceTier !== undefined) record.serviceTier = settings.serviceTier;
  if (settings.reasoningEffort !== undefined) record.reasoningEffort = settings.reasoningEffort;
}

/**
 * A live call; a service tier the provider refuses is retried once without it, as its own
 * record (`current.record` then points at it), when the policy says so.
 */
async function callLive(
  g: Gateway,
  c: {
    current: { record: CallRecord };
    target: ResolvedProvider;
    send: ChatRequest;
    settings: CallSettings;
    onDelta: ((chunk: string) => void) | undefined;
    attempts: Attempts;
  },
): Promise<LiveChatResult> {
  const { target, send, onDelta } = c;
  let record = c.current.record;
  record.mock = false;
  record.baseURL = redactURL(target.baseURL, [target.apiKey]);
  const configuredAt = envValue(g.env, 'AETHR_MODEL')
    ? 'the AETHR_MODEL environment variable'
    : `models.${send.role} (or models.default) in .aethr.yaml`;
  const live = (settings: CallSettings): Promise<LiveChatResult> =>
    g.clients.clientFor(target).chat(target, send, onDelta, { configuredAt, ...settings });
  let result: LiveChatResult;
  try {
    result = await live(c.settings);
  } catch (error) {
    const tier = c.settings.serviceTier;
    if (
      tier === undefined ||
      g.options.policy?.serviceTierFallback !== 'default' ||
      !isServiceTierRefusal(error)
    ) {
      throw error;
    }
    fail(g, record, error);
    record.note = `service tier "${tier}" refused; retried without it (policy.service_tier.fallback: default)`;
    const { error: _e, errorKind: _k, note: _n, serviceTier: _t, ...base } = record;
    record = {
      ...base,
      status: 'ok',
      startedAt: g.clock(),
      durationMs: 0,
      attempt: ++c.attempts.count,
      note: `retry without service tier "${tier}"`,
    };
    g.calls.push(record);
    c.current.record = record;
    const settings = { ...c.settings };
    delete settings.serviceTier;
    applySettings(record, settings);
    g.notice(`${record.ref} refused service tier "${tier}"; retrying without it.`);
    result = await live(settings);
  }
  if (result.serviceTier !== undefined) record.serviceTierReported = result.serviceTier;
  return result;
}

function answerOf(result: LiveChatResult): ChatResult {
  const answer: ChatResult = { text: result.text, model: result.model, mock: result.mock };
  if (result.usage) answer.usage = result.usage;
  if (result.finishReason !== undefined) answer.finishReason = result.finishReason;
  if (result.toolCalls?.length) answer.toolCalls = result.toolCalls;
  return answer;
}
