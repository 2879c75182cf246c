/**
 * The routing policy of `.aethr.yaml` `policy:`: service tier and reasoning effort per role, and
 * fallback models per role.
 *
 * - `service_tier` (OpenAI's `auto` | `default` | `flex` | `scale` | `priority`) is sent only to
 *   the `openai` provider. When the provider refuses it (HTTP 400 naming service_tier), the gateway
 *   retries once without it if `fallback` is `default` (the default), and fails if it is `none`.
 * - `reasoning_effort` (`minimal` | `low` | `medium` | `high`) is sent only to OpenAI reasoning
 *   models: the o-series (o1, o3, o4-mini, ...) and gpt-5 (not the gpt-5 chat models).
 * - `fallback_models[role]` (or `fallback_models.default`) lists models tried in order when the
 *   routed model fails with a server error, a rate limit or "model not found" (after the client's
 *   own retries). Every attempt is recorded in the ledger.
 */
import type { PolicyConfig, ReasoningEffort, ServiceTier } from '../config/bounds-schema.js';
import { ModelError, type ModelErrorKind } from './model-error.js';

export interface CallSettings {
  serviceTier?: ServiceTier;
  reasoningEffort?: ReasoningEffort;
}

export interface ModelPolicy {
  /** What to do when a service tier is refused. */
  readonly serviceTierFallback: 'default' | 'none';
  /** The tier and effort to send for a call of `role` to `ref` (omitted where unsupported). */
  settingsFor(role: string, ref: string): CallSettings;
  /** Models to try after the routed one fails, in order. */
  fallbackModels(role: string): string[];
}

function split(ref: string): { provider: string; model: string } {
  const colon = ref.indexOf(':');
  return colon === -1
    ? { provider: 'openai', model: ref.toLowerCase() }
    : { provider: ref.slice(0, colon).toLowerCase(), model: ref.slice(colon + 1).toLowerCase() };
}

/** True for providers that take OpenAI's `service_tier`. */
export function supportsServiceTier(ref: string): boolean {
  return split(ref).provider === 'openai';
}

/** OpenAI reasoning models, which take `reasoning_effort`. */
export function isReasoningModel(ref: string): boolean {
  const { provider, model } = split(ref);
  if (provider !== 'openai') return false;
  return /^(o\d|gpt-5)/.test(model) && !/chat/.test(model);
}

export function createModelPolicy(config: PolicyConfig = {}): ModelPolicy {
  const tiers = config.service_tier;
  const efforts = config.reasoning_effort;
  const fallbacks = config.fallback_models ?? {};
  return {
    serviceTierFallback: tiers?.fallback ?? 'default',
    settingsFor(role, ref) {
      const out: CallSettings = {};
      const tier = tiers?.roles?.[role] ?? tiers?.default;
      if (tier !== undefined && supportsServiceTier(ref)) out.serviceTier = tier;
      const effort = efforts?.roles?.[role] ?? efforts?.default;
      if (effort !== undefined && isReasoningModel(ref)) out.reasoningEffort = effort;
      return out;
    },
    fallbackModels: (role) => [...(fallbacks[role] ?? fallbacks['default'] ?? [])],
  };
}

/** The provider refused the requested service tier (HTTP 400 naming service_tier). */
export function isServiceTierRefusal(error: unknown): boolean {
  if (!(error instanceof ModelError)) return false;
  if (error.status !== 400 && error.kind !== 'bad_request') return false;
  return /service[_ ]?tier|\bflex\b|\bpriority\b|\bscale tier\b/i.test(
    `${error.apiMessage ?? ''} ${error.message}`,
  );
}

export const FALLBACK_ERROR_KINDS: readonly ModelErrorKind[] = [
  'server',
  'rate_limit',
  'model_not_found',
];

/** Errors after which the next fallback model is tried. */
export function shouldTryFallback(error: unknown): error is ModelError {
  return error instanceof ModelError && FALLBACK_ERROR_KINDS.includes(error.kind);
}
