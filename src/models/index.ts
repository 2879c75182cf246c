/** The models layer: provider routing, the mock model, the live client and the gateway. */
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
