/**
 * The budget's part of one model call (see gateway.ts): before it, the output cap and the input
 * tokens settled — by a byte bound when that alone proves the call within its limits and
 * budgets, else counted once — and the guard's verdict, all written into the call's record; after
 * it, the spend, priced by the usage the provider reports (or by exact counts when it reports
 * none, never by a bound).
 */
import type { ChatRequest, ChatResult } from '../engine/types.js';
import { BudgetExceeded, type BudgetGuard } from './budget.js';
import type { CallRecord } from './gateway.js';
import {
  approxChatTokens,
  chatTokensBound,
  countTokens,
  estimateChatTokens,
  tokenMethodFor,
  type TokenEstimate,
} from './tokens.js';

/**
 * The input tokens for the pre-call checks, counted only when that changes a decision. Families
 * without a local tokenizer are estimated (chars per token), as always. For OpenAI families a
 * bound made without the tokenizer — the messages' bytes, with the context the prompt's builder
 * already counted at its count (chatTokensBound) — is used when it alone proves the call within
 * max_input_tokens_per_call and every USD budget: no exact count could decide otherwise. Only
 * when it cannot is the prompt counted, once, exactly. Pricing after the call comes from the
 * usage the provider reports (see callModel), so a bound never becomes a cost.
 */
export async function estimateInput(
  request: ChatRequest,
  ref: string,
  guard: BudgetGuard,
  maxOutputTokens: number,
): Promise<TokenEstimate> {
  const method = tokenMethodFor(ref);
  if (method.kind === 'approx')
    return { tokens: approxChatTokens(request.messages, method), method };
  const bound = chatTokensBound(request.messages, ref, request.counted);
  const proves =
    bound.tokens <= guard.limits.maxInputTokensPerCall &&
    (!guard.usdBudgetApplies(request.role) ||
      guard.check({
        ref,
        role: request.role,
        stepId: request.stepId,
        inputTokens: bound.tokens,
        maxOutputTokens,
      }).ok);
  return proves ? bound : estimateChatTokens(request.messages, ref);
}

/**
 * Before a call: the request as it is sent (its output cap clamped), with the estimate, the
 * projection and the price source in `record`. A refusal marks the record `blocked` and throws
 * BudgetExceeded; nothing is sent.
 */
export async function checkCallBudget(
  guard: BudgetGuard,
  request: ChatRequest,
  record: CallRecord,
): Promise<ChatRequest> {
  const maxOutputTokens = guard.clampOutputTokens(request.maxOutputTokens);
  record.maxOutputTokens = maxOutputTokens;
  const estimate = await estimateInput(request, record.ref, guard, maxOutputTokens);
  record.estimatedInputTokens = estimate.tokens;
  record.estimateMethod = estimate.method.label;
  const call = { ref: record.ref, role: request.role, stepId: request.stepId };
  const verdict = guard.check({ ...call, inputTokens: estimate.tokens, maxOutputTokens });
  if (verdict.projectedUsd !== undefined) record.projectedUsd = verdict.projectedUsd;
  if (!verdict.ok) {
    record.status = 'blocked';
    record.limit = verdict.limit;
    record.error = verdict.message;
    throw new BudgetExceeded(verdict, call);
  }
  if (verdict.price) record.priceSource = verdict.price.source;
  return { ...request, maxOutputTokens };
}

/** After a call: its spend added to the guard, and its cost and basis in `record`. */
export async function recordCallSpend(
  guard: BudgetGuard,
  request: ChatRequest,
  record: CallRecord,
  result: Pick<ChatResult, 'text' | 'usage'>,
): Promise<void> {
  if (!result.usage && record.estimateMethod?.startsWith('bound:')) {
    // No usage reported: price the call by an exact count, not by the bound that let it through.
    const exact = await estimateChatTokens(request.messages, record.ref);
    record.estimatedInputTokens = exact.tokens;
    record.estimateMethod = exact.method.label;
  }
  const inputTokens = result.usage?.inputTokens ?? record.estimatedInputTokens ?? 0;
  const outputTokens = result.usage?.outputTokens ?? (await countTokens(result.text, record.ref));
  const cost = guard.record({ ref: record.ref, role: request.role, inputTokens, outputTokens });
  if (cost !== undefined) record.costUsd = cost;
  record.costBasis = result.usage ? 'reported' : 'estimated';
}
