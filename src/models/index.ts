/** The models layer: provider routing, the mock model, the live client, the gateway, tokens, pricing, budgets, policy and the ledger. */
export { createModelGateway, describeKeyProblem, hasKeyFor } from './gateway.js';
export type { CallRecord, ModelGateway, ModelGatewayOptions, ModelRoute } from './gateway.js';
export { loadDotEnv, loadProjectEnv, withDotEnv } from './env-file.js';
export type { DotEnvResult } from './env-file.js';
export { createMockModel, mockChat, mockReplyText, estimateTokens } from './mock-model.js';
export { ModelError, isModelError } from './model-error.js';
export type { ModelErrorKind } from './model-error.js';
export { createOpenAIChatClient, DEFAULT_TIMEOUT_MS, DEFAULT_MAX_RETRIES } from './openai-chat.js';
export type { OpenAIChatClient, OpenAIChatClientOptions } from './openai-chat.js';
export { PROVIDERS, parseModelRef, resolveProvider, isLocalBaseURL } from './providers.js';
export type { Env, ResolvedProvider } from './providers.js';
export { redactSecrets, redactURL } from './redact.js';
export { DEFAULT_MODEL, normalizeModelRef, routeModel, routeModelWithSource } from './routing.js';
export type { RoutedModel } from './routing.js';
export {
  BudgetExceeded,
  createBudgetGuard,
  isBudgetExceeded,
  resolveCallLimits,
  DEFAULT_MAX_INPUT_TOKENS_PER_CALL,
  DEFAULT_MAX_OUTPUT_TOKENS_PER_CALL,
} from './budget.js';
export type {
  BudgetCall,
  BudgetDecision,
  BudgetGuard,
  BudgetLimit,
  BudgetSettings,
  CallLimits,
} from './budget.js';
export { createModelPolicy, isReasoningModel, supportsServiceTier } from './policy.js';
export type { CallSettings, ModelPolicy } from './policy.js';
export { DEFAULT_PRICES, costUsd, createPriceTable, formatUsd } from './pricing.js';
export type { ModelPrice, PriceEntry, PriceTable } from './pricing.js';
export { countChatTokens, countTokens, estimateChatTokens, tokenMethodFor } from './tokens.js';
export type { TokenEstimate, TokenMethod, TokenizerEncoding } from './tokens.js';
export { formatLedgerTable, ledgerJson, summariseLedger } from './ledger.js';
export type { LedgerJson, LedgerSummary, LedgerTotals } from './ledger.js';
