/** Context sources: what a step declares it may see (git_diff, latest_diff, file:, glob:, pr_description). */
export {
  contextBudget,
  createContextResolver,
  parseSource,
  splitContextBudget,
  type ContextItem,
  type ContextResolverOptions,
  type ParsedSource,
} from './resolver.js';
export {
  contextLimitsFromWorkflow,
  DEFAULT_CONTEXT_LIMITS,
  resolveLimits,
  type ContextLimits,
  type PerCallLimits,
} from './caps.js';
export {
  DEFAULT_IGNORE_RULES,
  estimateTokens,
  fitDiff,
  parseUnifiedDiff,
  type FitBudget,
  type FitOptions,
  type FitResult,
  type IgnoreRule,
  type TokenCounter,
  type UnreadFile,
} from './fit-diff.js';
export {
  sanitizeUntrustedText,
  stripHtmlComments,
  stripInvisibleChars,
} from './sanitize-untrusted.js';
export { placeholder, SUPPORTED_SOURCES } from './placeholders.js';
