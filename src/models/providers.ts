/**
 * Provider routing: `provider:model` -> the OpenAI-compatible endpoint, key and base URL to use.
 *
 * Built-in providers (base URLs from each provider's OpenAI-compatibility documentation):
 *
 * | provider            | default base URL                                          | key env                          | base URL env         |
 * |---------------------|-----------------------------------------------------------|----------------------------------|----------------------|
 * | `openai`            | https://api.openai.com/v1                                 | OPENAI_API_KEY                   | OPENAI_BASE_URL      |
 * | `anthropic`         | https://api.anthropic.com/v1/                             | ANTHROPIC_API_KEY                | ANTHROPIC_BASE_URL   |
 * | `google` / `gemini` | https://generativelanguage.googleapis.com/v1beta/openai/  | GEMINI_API_KEY, GOOGLE_API_KEY   | GEMINI_BASE_URL      |
 * | `openrouter`        | https://openrouter.ai/api/v1                              | OPENROUTER_API_KEY               | OPENROUTER_BASE_URL  |
 * | `xai`               | https://api.x.ai/v1                                       | XAI_API_KEY                      | XAI_BASE_URL         |
 * | `azure`             | (none) AZURE_OPENAI_ENDPOINT + `/openai/v1/`              | AZURE_OPENAI_API_KEY             | AZURE_OPENAI_BASE_URL|
 *
 * For Azure the model part is the deployment name (`azure:my-gpt-4o-deployment`); the v1 API
 * (`https://<resource>.openai.azure.com/openai/v1/`) takes the key from the standard client, and we
 * also send it as the `api-key` header.
 *
 * Any other provider name routes by convention: `foo:some-model` uses `FOO_BASE_URL` and
 * `FOO_API_KEY` (the name upper-cased, `-` and `.` turned into `_`). Such a provider has no default
 * base URL: without `FOO_BASE_URL` it cannot be called.
 *
 * A key is optional only for local servers: when the base URL was set through the environment and
 * points at a loopback or private address (localhost, 127.x, ::1, 10.x, 192.168.x, 172.16-31.x,
 * *.local, host.docker.internal). Ollama, LM Studio, vLLM or llama.cpp on your machine then work
 * without a key (`OLLAMA_BASE_URL=http://localhost:11434/v1`, model `ollama:llama3.2`). Anything
 * else needs its key; without one the gateway falls back to the mock model and says why.
 *
 * Environment values are trimmed, and an empty value counts as unset.
 */
import { ModelError } from './model-error.js';

export type Env = Readonly<Record<string, string | undefined>>;

export interface ProviderSpec {
  /** Canonical name. */
  name: string;
  label: string;
  defaultBaseURL?: string;
  /** Env vars that override the base URL, first set wins. */
  baseURLEnvNames: string[];
  /** Env vars that hold the key, first set wins. */
  keyEnvNames: string[];
  /** Which field carries the output-token cap. OpenAI deprecated `max_tokens` for its own API. */
  maxTokensParam: 'max_tokens' | 'max_completion_tokens';
  /** Where to get a key (shown in hints). */
  keyHelp?: string;
}

export const PROVIDERS: Readonly<Record<string, ProviderSpec>> = {
  openai: {
    name: 'openai',
    label: 'OpenAI',
    defaultBaseURL: 'https://api.openai.com/v1',
    baseURLEnvNames: ['OPENAI_BASE_URL'],
    keyEnvNames: ['OPENAI_API_KEY'],
    maxTokensParam: 'max_completion_tokens',
    keyHelp: 'https://platform.openai.com/api-keys',
  },
  anthropic: {
    name: 'anthropic',
    label: 'Anthropic',
    defaultBaseURL: 'https://api.anthropic.com/v1/',
    baseURLEnvNames: ['ANTHROPIC_BASE_URL'],
    keyEnvNames: ['ANTHROPIC_API_KEY'],
    maxTokensParam: 'max_tokens',
    keyHelp: 'https://console.anthropic.com/settings/keys',
  },
  google: {
    name: 'google',
    label: 'Google Gemini',
    defaultBaseURL: 'https://generativelanguage.googleapis.com/v1beta/openai/',
    baseURLEnvNames: ['GEMINI_BASE_URL'],
    keyEnvNames: ['GEMINI_API_KEY', 'GOOGLE_API_KEY'],
    maxTokensParam: 'max_tokens',
    keyHelp: 'https://aistudio.google.com/apikey',
  },
  openrouter: {
    name: 'openrouter',
    label: 'OpenRouter',
    defaultBaseURL: 'https://openrouter.ai/api/v1',
    baseURLEnvNames: ['OPENROUTER_BASE_URL'],
    keyEnvNames: ['OPENROUTER_API_KEY'],
    maxTokensParam: 'max_tokens',
    keyHelp: 'https://openrouter.ai/keys',
  },
  xai: {
    name: 'xai',
    label: 'xAI',
    defaultBaseURL: 'https://api.x.ai/v1',
    baseURLEnvNames: ['XAI_BASE_URL'],
    keyEnvNames: ['XAI_API_KEY'],
    maxTokensParam: 'max_tokens',
    keyHelp: 'https://console.x.ai',
  },
  azure: {
    name: 'azure',
    label: 'Azure OpenAI',
    // No default: derived from AZURE_OPENAI_ENDPOINT when AZURE_OPENAI_BASE_URL is unset.
    baseURLEnvNames: ['AZURE_OPENAI_BASE_URL'],
    keyEnvNames: ['AZURE_OPENAI_API_KEY'],
    maxTokensParam: 'max_completion_tokens',
  },
};

export const PROVIDER_ALIASES: Readonly<Record<string, string>> = { gemini: 'google' };

export const DEFAULT_PROVIDER = 'openai';

export interface ResolvedProvider {
  /** Canonical provider name (`gemini` resolves to `google`). */
  provider: string;
  /** The model name sent to the API (`gpt-4o-mini`, `anthropic/claude-sonnet-4`, ...). */
  model: string;
  /** `provider:model` as written (provider lower-cased). */
  ref: string;
  /** Undefined only for a custom provider (or Azure) whose base URL env var is unset. */
  baseURL: string | undefined;
  /** Where the base URL came from. */
  baseURLSource: 'default' | 'env' | 'none';
  /** The env var that set the base URL, when one did. */
  baseURLEnvName?: string;
  baseURLEnvNames: string[];
  apiKey?: string;
  /** The env var the key came from, when one did. */
  keyEnvName?: string;
  keyEnvNames: string[];
  /** True when the call may go out without a key (local server set through the environment). */
  keyOptional: boolean;
  /** False for a provider routed by naming convention. */
  known: boolean;
  label: string;
  maxTokensParam: 'max_tokens' | 'max_completion_tokens';
  /** Extra request headers (Azure's `api-key`). */
  headers?: Record<string, string>;
  keyHelp?: string;
}

/** Reads an env var: trimmed, empty counts as unset. */
export function envValue(env: Env, name: string): string | undefined {
  const value = env[name];
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed.length > 0 ? trimmed : undefined;
}

function firstSet(env: Env, names: readonly string[]): { name: string; value: string } | undefined {
  for (const name of names) {
    const value = envValue(env, name);
    if (value !== undefined) return { name, value };
  }
  return undefined;
}

/** `my-local.llm` -> `MY_LOCAL_LLM` (the prefix of `<PREFIX>_BASE_URL` / `<PREFIX>_API_KEY`). */
export function envPrefix(provider: string): string {
  return provider.toUpperCase().replace(/[^A-Z0-9]+/g, '_');
}

const PROVIDER_NAME = /^[a-z0-9][a-z0-9_.-]*$/;

/**
 * Splits `provider:model`. A bare model name (no colon) belongs to `openai`. The provider is
 * lower-cased; the model keeps its case and may itself contain colons or slashes
 * (`openrouter:meta-llama/llama-3.1-8b-instruct:free`).
 */
export function parseModelRef(ref: string): { provider: string; model: string; ref: string } {
  const text = ref.trim();
  const colon = text.indexOf(':');
  const provider = colon === -1 ? DEFAULT_PROVIDER : text.slice(0, colon).toLowerCase();
  const model = colon === -1 ? text : text.slice(colon + 1).trim();
  if (!model || /\s/.test(model) || !PROVIDER_NAME.test(provider)) {
    throw new ModelError(`"${ref}" is not a valid model reference.`, {
      kind: 'config',
      ref,
      hint: 'Write models as "provider:model", for example "openai:gpt-4o-mini" or "anthropic:claude-sonnet-4-5".',
    });
  }
  return { provider, model, ref: `${provider}:${model}` };
}

export function canonicalProvider(name: string): string {
  const lower = name.toLowerCase();
  return PROVIDER_ALIASES[lower] ?? lower;
}

/** The table entry for a provider, or the convention-based spec for an unknown name. */
export function providerSpec(name: string): ProviderSpec & { known: boolean } {
  const canonical = canonicalProvider(name);
  const spec = PROVIDERS[canonical];
  if (spec) return { ...spec, known: true };
  const prefix = envPrefix(canonical);
  return {
    name: canonical,
    label: canonical,
    baseURLEnvNames: [`${prefix}_BASE_URL`],
    keyEnvNames: [`${prefix}_API_KEY`],
    maxTokensParam: 'max_tokens',
    known: false,
  };
}

/** True for loopback, private-network and `.local` hosts: servers you run yourself. */
export function isLocalBaseURL(url: string): boolean {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return false;
  }
  host = host.replace(/^\[|\]$/g, '');
  if (host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.local')) return true;
  if (host === 'host.docker.internal' || host === '0.0.0.0' || host === '::1') return true;
  const v4 = /^(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(host);
  if (v4) {
    const a = Number(v4[1]);
    const b = Number(v4[2]);
    return a === 127 || a === 10 || (a === 192 && b === 168) || (a === 172 && b >= 16 && b <= 31);
  }
  return host.includes(':') && /^f[cd]/.test(host); // IPv6 unique local (fc00::/7)
}

/**
 * Where `ref` goes: provider, model, base URL and key, read from `env`. Never throws for a missing
 * key or base URL (those are reported through the fields; see `describeKeyProblem`), only for a
 * malformed reference.
 */
export function resolveProvider(ref: string, env: Env): ResolvedProvider {
  const parsed = parseModelRef(ref);
  const spec = providerSpec(parsed.provider);

  let baseURL: string | undefined;
  let baseURLSource: ResolvedProvider['baseURLSource'] = 'none';
  let baseURLEnvName: string | undefined;
  const fromEnv = firstSet(env, spec.baseURLEnvNames);
  if (fromEnv) {
    baseURL = fromEnv.value;
    baseURLSource = 'env';
    baseURLEnvName = fromEnv.name;
  } else if (spec.name === 'azure' && envValue(env, 'AZURE_OPENAI_ENDPOINT')) {
    baseURL = `${envValue(env, 'AZURE_OPENAI_ENDPOINT')!.replace(/\/+$/, '')}/openai/v1/`;
    baseURLSource = 'env';
    baseURLEnvName = 'AZURE_OPENAI_ENDPOINT';
  } else if (spec.defaultBaseURL) {
    baseURL = spec.defaultBaseURL;
    baseURLSource = 'default';
  }

  const key = firstSet(env, spec.keyEnvNames);
  const keyOptional = baseURLSource === 'env' && baseURL !== undefined && isLocalBaseURL(baseURL);
  const resolved: ResolvedProvider = {
    provider: spec.name,
    model: parsed.model,
    ref: `${parsed.provider}:${parsed.model}`,
    baseURL,
    baseURLSource,
    baseURLEnvNames:
      spec.name === 'azure'
        ? [...spec.baseURLEnvNames, 'AZURE_OPENAI_ENDPOINT']
        : spec.baseURLEnvNames,
    keyEnvNames: spec.keyEnvNames,
    keyOptional,
    known: spec.known,
    label: spec.label,
    maxTokensParam: spec.maxTokensParam,
  };
  if (baseURLEnvName) resolved.baseURLEnvName = baseURLEnvName;
  if (key) {
    resolved.apiKey = key.value;
    resolved.keyEnvName = key.name;
  }
  if (spec.keyHelp) resolved.keyHelp = spec.keyHelp;
  if (spec.name === 'azure' && key) resolved.headers = { 'api-key': key.value };
  return resolved;
}

/** "OPENAI_API_KEY" or "GEMINI_API_KEY (or GOOGLE_API_KEY)". */
export function keyEnvLabel(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '(no key variable)';
  return `${names[0]} (or ${names.slice(1).join(', ')})`;
}
