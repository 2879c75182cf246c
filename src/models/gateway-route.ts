/**
 * The gateway's two lookups: whether a model call goes to the mock or to a live endpoint (and
 * which), and the one SDK client kept per endpoint, key and headers.
 */
import { createHash } from 'node:crypto';
import { ModelError } from './model-error.js';
import { retryBaseMsFrom } from './openai-retry.js';
import {
  createOpenAIChatClient,
  DEFAULT_MAX_RETRIES,
  DEFAULT_TIMEOUT_MS,
  type OpenAIChatClient,
} from './openai-chat.js';
import {
  envValue,
  keyEnvLabel,
  resolveProvider,
  type Env,
  type ResolvedProvider,
} from './providers.js';

export type ModelRoute =
  | { mode: 'mock'; reason: string; target?: ResolvedProvider }
  | { mode: 'live'; target: ResolvedProvider };

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

/** Mock or live for `ref`: mock when live calls are off or the provider has no key. */
export function routeCall(ref: string, env: Env, live: boolean): ModelRoute {
  if (!live) return { mode: 'mock', reason: 'live model calls are off (mock mode)' };
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

export interface ClientCache {
  clientFor(target: ResolvedProvider): OpenAIChatClient;
  readonly size: number;
}

export interface ClientOptions {
  timeoutMs?: number;
  maxRetries?: number;
  maxRetryWaitMs?: number;
  fetch?: typeof fetch;
}

function fingerprint(value: string | undefined): string {
  return value === undefined ? '-' : createHash('sha256').update(value).digest('hex').slice(0, 16);
}

export function createClientCache(env: Env, options: ClientOptions): ClientCache {
  const clients = new Map<string, OpenAIChatClient>();
  return {
    get size() {
      return clients.size;
    },
    clientFor(target) {
      const baseURL = target.baseURL!;
      const openai = target.provider === 'openai';
      const organization = openai ? envValue(env, 'OPENAI_ORG_ID') : undefined;
      const project = openai ? envValue(env, 'OPENAI_PROJECT_ID') : undefined;
      const key = [
        baseURL,
        fingerprint(target.apiKey),
        JSON.stringify(target.headers ?? {}),
        organization,
        project,
      ].join('\n');
      let client = clients.get(key);
      if (!client) {
        client = createOpenAIChatClient({
          baseURL,
          ...(target.apiKey !== undefined ? { apiKey: target.apiKey } : {}),
          ...(target.headers ? { headers: target.headers } : {}),
          ...(organization ? { organization } : {}),
          ...(project ? { project } : {}),
          timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
          maxRetries: options.maxRetries ?? DEFAULT_MAX_RETRIES,
          ...(options.maxRetryWaitMs !== undefined
            ? { maxRetryWaitMs: options.maxRetryWaitMs }
            : {}),
          ...(options.fetch ? { fetch: options.fetch } : {}),
          streamRetryBaseMs: retryBaseMsFrom(env),
        });
        clients.set(key, client);
      }
      return client;
    },
  };
}
