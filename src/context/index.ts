/** Context sources: what a step declares it may see (git_diff, latest_diff, file:, glob:, pr_description). */
export {
  createContextResolver,
  parseSource,
  type ContextResolverOptions,
  type ParsedSource,
} from './resolver.js';
export { DEFAULT_CONTEXT_LIMITS, resolveLimits, type ContextLimits } from './caps.js';
export {
  sanitizeUntrustedText,
  stripHtmlComments,
  stripInvisibleChars,
} from './sanitize-untrusted.js';
export { placeholder, SUPPORTED_SOURCES } from './placeholders.js';
