/**
 * The budget guard (pure): decides before every model call whether it may be made, and keeps the
 * run's spend.
 *
 * A call is refused when
 * - its input tokens exceed `limits.max_input_tokens_per_call` (default 120 000), or the output it
 *   asks for exceeds `limits.max_output_tokens_per_call` (default 4 096; the gateway clamps the
 *   request to it, so this only refuses direct misuse);
 * - a USD budget applies (`budget.run_usd`, `budget.pr_usd`, or `budget.role_budgets_usd` for its
 *   role) and the model has no known price (limit `pricing`): its cost could not be bounded;
 * - its projected cost, input tokens plus the MAXIMUM output tokens at the model's price, added to
 *   what is already spent, would exceed the role's budget, the run's budget, or the pull request's
 *   budget (spend of earlier runs on the PR comes in as `spentBeforeUsd`).
 *
 * `record` adds a finished call's spend (reported usage, or the estimate when none was reported).
 * A refusal becomes a `BudgetExceeded` error whose `limit` names the key and whose hint says what
 * to raise in `.aethr.yaml`.
 *
 * `max_context_chars_per_call` and `max_patch_bytes` are resolved here for the context fitter and
 * the patch backend, which enforce them; they have no default (the context and patch layers keep
 * their own caps when the workflow sets none).
 */
import type { BudgetConfig, LimitsConfig, PricingConfig } from '../config/bounds-schema.js';
import { AethrError } from '../errors.js';
import {
  costUsd,
  createPriceTable,
  formatUsd,
  type ModelPrice,
  type PriceTable,
} from './pricing.js';

export const DEFAULT_MAX_INPUT_TOKENS_PER_CALL = 120_000;
export const DEFAULT_MAX_OUTPUT_TOKENS_PER_CALL = 4_096;

export interface CallLimits {
  maxInputTokensPerCall: number;
  maxOutputTokensPerCall: number;
  maxContextCharsPerCall?: number;
  maxPatchBytes?: number;
}

/** The workflow's `limits:` with defaults filled in. */
export function resolveCallLimits(limits?: LimitsConfig): CallLimits {
  const out: CallLimits = {
    maxInputTokensPerCall: limits?.max_input_tokens_per_call ?? DEFAULT_MAX_INPUT_TOKENS_PER_CALL,
    maxOutputTokensPerCall:
      limits?.max_output_tokens_per_call ?? DEFAULT_MAX_OUTPUT_TOKENS_PER_CALL,
  };
  if (limits?.max_context_chars_per_call !== undefined)
    out.maxContextCharsPerCall = limits.max_context_chars_per_call;
  if (limits?.max_patch_bytes !== undefined) out.maxPatchBytes = limits.max_patch_bytes;
  return out;
}

/** The `.aethr.yaml` key a refusal names. */
export type BudgetLimit =
  | 'max_input_tokens_per_call'
  | 'max_output_tokens_per_call'
  | 'pricing'
  | 'run_usd'
  | 'pr_usd'
  | `role_budgets_usd.${string}`;

export interface BudgetCall {
  /** `provider:model`. */
  ref: string;
  role: string;
  stepId: string;
  inputTokens: number;
  /** The output cap sent with the request. */
  maxOutputTokens: number;
}

export type BudgetDecision =
  | {
      ok: true;
      /** Input + maximum output at the model's price; undefined when the price is unknown. */
      projectedUsd: number | undefined;
      price: ModelPrice | undefined;
    }
  | {
      ok: false;
      limit: BudgetLimit;
      message: string;
      hint: string;
      projectedUsd?: number;
    };

export interface SpendRecord {
  ref: string;
  role: string;
  inputTokens: number;
  outputTokens: number;
}

export interface BudgetSettings {
  budget?: BudgetConfig;
  limits?: LimitsConfig;
  pricing?: PricingConfig;
  /** USD spent on this pull request by earlier runs (from the sticky summary). Default 0. */
  spentBeforeUsd?: number;
}

export interface BudgetGuard {
  readonly limits: CallLimits;
  readonly spentBeforeUsd: number;
  /** USD spent by this run so far (calls with a known price). */
  readonly spentUsd: number;
  spentByRole(role: string): number;
  priceFor(ref: string): ModelPrice | undefined;
  /** True when a USD budget bounds calls of `role` (their input must then be counted and priced). */
  usdBudgetApplies(role: string): boolean;
  /** The output cap to send: the request's own, never above the limit; the limit when unset. */
  clampOutputTokens(requested?: number): number;
  check(call: BudgetCall): BudgetDecision;
  /** Adds a finished call's spend; returns its cost (undefined when the price is unknown). */
  record(actual: SpendRecord): number | undefined;
}

/** Rounding slack so that a budget of exactly N calls allows N calls. */
const EPSILON = 1e-12;

const count = (n: number): string => n.toLocaleString('en-US');

export function createBudgetGuard(settings: BudgetSettings = {}): BudgetGuard {
  const limits = resolveCallLimits(settings.limits);
  const budget = settings.budget ?? {};
  const prices: PriceTable = createPriceTable(settings.pricing);
  const spentBeforeUsd = settings.spentBeforeUsd ?? 0;
  const byRole = new Map<string, number>();
  let spentUsd = 0;

  const roleBudget = (role: string): number | undefined => budget.role_budgets_usd?.[role];
  const usdBudgetApplies = (role: string): boolean =>
    budget.run_usd !== undefined || budget.pr_usd !== undefined || roleBudget(role) !== undefined;

  function check(call: BudgetCall): BudgetDecision {
    const who = `${call.ref} for step "${call.stepId}" (role ${call.role})`;
    if (call.inputTokens > limits.maxInputTokensPerCall) {
      return {
        ok: false,
        limit: 'max_input_tokens_per_call',
        message: `Not calling ${who}: the request has ${count(call.inputTokens)} input tokens, over limits.max_input_tokens_per_call (${count(limits.maxInputTokensPerCall)}).`,
        hint: 'Give the step less context, or raise limits.max_input_tokens_per_call in .aethr.yaml; then resume from the checkpoint.',
      };
    }
    if (call.maxOutputTokens > limits.maxOutputTokensPerCall) {
      return {
        ok: false,
        limit: 'max_output_tokens_per_call',
        message: `Not calling ${who}: it asks for up to ${count(call.maxOutputTokens)} output tokens, over limits.max_output_tokens_per_call (${count(limits.maxOutputTokensPerCall)}).`,
        hint: 'Raise limits.max_output_tokens_per_call in .aethr.yaml.',
      };
    }
    const price = prices.priceFor(call.ref);
    const projectedUsd = price ? costUsd(price, call.inputTokens, call.maxOutputTokens) : undefined;
    if (!usdBudgetApplies(call.role)) return { ok: true, projectedUsd, price };

    if (!price || projectedUsd === undefined) {
      const keys = [
        roleBudget(call.role) !== undefined ? `budget.role_budgets_usd.${call.role}` : undefined,
        budget.run_usd !== undefined ? 'budget.run_usd' : undefined,
        budget.pr_usd !== undefined ? 'budget.pr_usd' : undefined,
      ].filter((k): k is string => k !== undefined);
      return {
        ok: false,
        limit: 'pricing',
        message: `Not calling ${who}: its price is unknown, so its cost cannot be checked against ${keys.join(' and ')}.`,
        hint: `Add its price (USD per million tokens) to .aethr.yaml: pricing: { "${call.ref}": { input_per_mtok: <USD>, output_per_mtok: <USD> } }.`,
      };
    }

    const cost = `it could cost up to ${formatUsd(projectedUsd)} (${count(call.inputTokens)} input + up to ${count(call.maxOutputTokens)} output tokens)`;
    const lower = 'or lower limits.max_output_tokens_per_call';
    const roleLimit = roleBudget(call.role);
    if (roleLimit !== undefined) {
      const spent = byRole.get(call.role) ?? 0;
      if (spent + projectedUsd > roleLimit + EPSILON) {
        const key = `role_budgets_usd.${call.role}` as const;
        return {
          ok: false,
          limit: key,
          projectedUsd,
          message: `Not calling ${who}: ${cost}, and role "${call.role}" has spent ${formatUsd(spent)} of its ${formatUsd(roleLimit)} budget (budget.${key}).`,
          hint: `Raise budget.${key} in .aethr.yaml (${lower}), then resume from the checkpoint.`,
        };
      }
    }
    if (budget.run_usd !== undefined && spentUsd + projectedUsd > budget.run_usd + EPSILON) {
      return {
        ok: false,
        limit: 'run_usd',
        projectedUsd,
        message: `Not calling ${who}: ${cost}, and this run has spent ${formatUsd(spentUsd)} of its ${formatUsd(budget.run_usd)} budget (budget.run_usd).`,
        hint: `Raise budget.run_usd in .aethr.yaml (${lower}), then resume from the checkpoint.`,
      };
    }
    if (
      budget.pr_usd !== undefined &&
      spentBeforeUsd + spentUsd + projectedUsd > budget.pr_usd + EPSILON
    ) {
      return {
        ok: false,
        limit: 'pr_usd',
        projectedUsd,
        message: `Not calling ${who}: ${cost}, and this pull request has spent ${formatUsd(spentBeforeUsd + spentUsd)} (earlier runs ${formatUsd(spentBeforeUsd)}, this run ${formatUsd(spentUsd)}) of its ${formatUsd(budget.pr_usd)} budget (budget.pr_usd).`,
        hint: `Raise budget.pr_usd in .aethr.yaml (${lower}), then resume from the checkpoint.`,
      };
    }
    return { ok: true, projectedUsd, price };
  }

  function record(actual: SpendRecord): number | undefined {
    const price = prices.priceFor(actual.ref);
    if (!price) return undefined;
    const cost = costUsd(price, actual.inputTokens, actual.outputTokens);
    spentUsd += cost;
    byRole.set(actual.role, (byRole.get(actual.role) ?? 0) + cost);
    return cost;
  }

  return {
    limits,
    spentBeforeUsd,
    get spentUsd() {
      return spentUsd;
    },
    spentByRole: (role) => byRole.get(role) ?? 0,
    priceFor: (ref) => prices.priceFor(ref),
    usdBudgetApplies,
    clampOutputTokens: (requested) =>
      requested === undefined
        ? limits.maxOutputTokensPerCall
        : Math.min(requested, limits.maxOutputTokensPerCall),
    check,
    record,
  };
}

/** A call was refused by a budget or a limit; nothing was sent. */
export class BudgetExceeded extends AethrError {
  override name = 'BudgetExceeded';
  /** The `.aethr.yaml` key that refused it (`run_usd`, `role_budgets_usd.builder`, ...). */
  readonly limit: BudgetLimit;
  readonly ref: string;
  readonly role: string;
  readonly stepId: string;
  readonly projectedUsd: number | undefined;

  constructor(
    decision: Extract<BudgetDecision, { ok: false }>,
    call: Pick<BudgetCall, 'ref' | 'role' | 'stepId'>,
  ) {
    super(decision.message, { hint: decision.hint });
    this.limit = decision.limit;
    this.ref = call.ref;
    this.role = call.role;
    this.stepId = call.stepId;
    this.projectedUsd = decision.projectedUsd;
  }
}

export function isBudgetExceeded(value: unknown): value is BudgetExceeded {
  return value instanceof BudgetExceeded;
}
