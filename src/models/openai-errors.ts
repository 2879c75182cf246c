/**
 * Everything a live call can throw, in the user's terms: a ModelError with the kind, where the
 * model is configured, which key or base URL to check, and no secret in any of it.
 */
import { ModelError, type ModelErrorKind } from './model-error.js';
import { keyEnvLabel, type ResolvedProvider } from './providers.js';
import { redactSecrets, redactURL } from './redact.js';
import { TOO_LONG_HEADER } from './openai-retry.js';
import type { LiveCallContext, OpenAIModule } from './openai-chat.js';

export interface ErrorContext {
  target: ResolvedProvider;
  baseURL: string;
  timeoutMs: number;
  maxRetries: number;
  secrets: Array<string | undefined>;
  context: LiveCallContext;
}

function where(info: ErrorContext): string {
  return info.context.configuredAt ?? `models in .aethr.yaml (or AETHR_MODEL)`;
}

function attempts(info: ErrorContext): string {
  const n = info.maxRetries + 1;
  return `${n} attempt${n === 1 ? '' : 's'}`;
}

export function make(
  info: ErrorContext,
  kind: ModelErrorKind,
  message: string,
  hint: string,
  extra: { status?: number; apiMessage?: string; cause?: unknown } = {},
): ModelError {
  return new ModelError(message, {
    kind,
    hint,
    secrets: info.secrets,
    provider: info.target.provider,
    ref: info.target.ref,
    baseURL: redactURL(info.baseURL, info.secrets),
    ...extra,
  });
}

export function baseURLHint(info: ErrorContext): string {
  const url = redactURL(info.baseURL, info.secrets);
  if (info.target.baseURLSource === 'env' && info.target.baseURLEnvName) {
    return `${url} comes from ${info.target.baseURLEnvName}; check it (and that the server is running).`;
  }
  return `Check your network connection and proxy settings (HTTPS_PROXY), and that ${url} is reachable.`;
}

export function idleTimeoutError(info: ErrorContext, started: boolean): ModelError {
  return make(
    info,
    'timeout',
    `${info.target.ref} ${started ? 'stopped streaming' : 'sent no data'} for ${info.timeoutMs} ms (base URL ${redactURL(info.baseURL, info.secrets)}).`,
    'The provider may be overloaded; run again, or raise the model timeout.',
  );
}

export function abortedError(info: ErrorContext): ModelError {
  return make(
    info,
    'aborted',
    `The call to ${info.target.ref} was cancelled.`,
    'The run was stopped before the model answered.',
  );
}

export function describeCause(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current && depth < 4; depth++) {
    if (current instanceof Error) {
      const code = (current as NodeJS.ErrnoException).code;
      const text =
        code && !current.message.includes(code) ? `${code}: ${current.message}` : current.message;
      if (text && !parts.includes(text)) parts.push(text);
      current = (current as { cause?: unknown }).cause;
    } else {
      parts.push(String(current));
      break;
    }
  }
  // The innermost cause is the most specific (ECONNREFUSED 127.0.0.1:1234).
  return parts.length > 0 ? parts[parts.length - 1]! : 'unknown error';
}

const MODEL_MISSING =
  /model[^.\n]{0,80}\b(not found|does not exist|doesn't exist|not exist|unknown|not available|is not supported)\b|\b(unknown|invalid|unsupported) model\b|no such model|model_not_found/i;

function apiMessageOf(error: { message: string; error?: unknown }): string {
  const inner = error.error as { message?: unknown } | undefined;
  if (inner && typeof inner.message === 'string') return inner.message;
  return error.message.replace(/^\d{3}\s+/, '');
}

/** Turns anything the SDK throws into a ModelError in the user's terms. */
export function toModelError(error: unknown, sdk: OpenAIModule, info: ErrorContext): ModelError {
  if (error instanceof ModelError) return error;
  const { target } = info;
  const url = redactURL(info.baseURL, info.secrets);

  if (error instanceof sdk.APIUserAbortError) return abortedError(info);
  if (error instanceof sdk.APIConnectionTimeoutError) {
    return make(
      info,
      'timeout',
      `No answer from ${url} for ${target.ref} within ${info.timeoutMs} ms (${attempts(info)}).`,
      `The endpoint did not respond in time. ${baseURLHint(info)} If the model is just slow, raise the model timeout.`,
      { cause: error },
    );
  }
  if (error instanceof sdk.APIConnectionError) {
    const detail = describeCause(error);
    return make(
      info,
      'connection',
      `Could not connect to ${url} for ${target.ref} (${attempts(info)}): ${detail}`,
      baseURLHint(info),
      { cause: error },
    );
  }
  if (error instanceof sdk.APIError && typeof error.status === 'number')
    return httpError(error, error.status, info);

  const message = error instanceof Error ? error.message : String(error);
  return make(
    info,
    'unknown',
    `The call to ${target.ref} at ${url} failed: ${message}`,
    'Run again; if it keeps failing, report it with the message above.',
    {
      cause: error,
    },
  );
}

type ApiError = InstanceType<OpenAIModule['APIError']>;

/** What every error from an HTTP answer carries. */
interface HttpFailure {
  status: number;
  /** The provider's message, redacted. */
  apiMessage: string;
  code: string | undefined;
  url: string;
  keyVar: string;
  extra: { status: number; apiMessage: string; cause: unknown };
}

/** An HTTP error answer: auth, unknown model, rate limit, server or bad request. */
function httpError(error: ApiError, status: number, info: ErrorContext): ModelError {
  const { target } = info;
  const apiMessage = redactSecrets(apiMessageOf(error), info.secrets);
  const failure: HttpFailure = {
    status,
    apiMessage,
    code: typeof error.code === 'string' ? error.code : undefined,
    url: redactURL(info.baseURL, info.secrets),
    keyVar: target.keyEnvName ?? keyEnvLabel(target.keyEnvNames),
    extra: { status, apiMessage, cause: error },
  };
  const modelMissing = failure.code === 'model_not_found' || MODEL_MISSING.test(apiMessage);
  if (status === 401 || (status === 403 && !modelMissing)) return authError(failure, info);
  if (status === 404 || modelMissing) return modelMissingError(failure, modelMissing, info);
  if (status === 429) return rateLimitError(failure, error.headers?.get(TOO_LONG_HEADER), info);
  if (status >= 500) {
    return make(
      info,
      'server',
      `${target.label} failed with HTTP ${status} for ${target.ref} (${attempts(info)}): ${apiMessage}`,
      `This is an error on the provider's side; run again later.${target.baseURLSource === 'env' ? ` ${baseURLHint(info)}` : ''}`,
      failure.extra,
    );
  }
  return make(
    info,
    'bad_request',
    `${target.label} rejected the request for ${target.ref} (HTTP ${status}): ${apiMessage}`,
    `Check that ${target.model} supports chat completions at ${failure.url}, and the model settings in ${where(info)}.`,
    failure.extra,
  );
}

/** 401, or a 403 that is not about the model: no key, a wrong key, or a key without access. */
function authError(f: HttpFailure, info: ErrorContext): ModelError {
  const { target } = info;
  if (!target.apiKey) {
    return make(
      info,
      'auth',
      `${f.url} requires an API key for ${target.ref} (HTTP ${f.status}), and none is set.`,
      `Set ${keyEnvLabel(target.keyEnvNames)} (in the project .env, your shell, or a repository secret) and run again.`,
      f.extra,
    );
  }
  const what = f.status === 401 ? 'rejected the API key' : 'refused access with the API key';
  const fix =
    f.status === 401
      ? `Check that ${f.keyVar} holds a valid ${target.label} key${target.keyHelp ? ` (${target.keyHelp})` : ''}; update it in the project .env, your shell, or the repository secret, then run again.`
      : `The key in ${f.keyVar} is valid but may not have access to ${target.model} (or to this project/organisation); check its permissions, or choose another model in ${where(info)}.`;
  return make(
    info,
    'auth',
    `${target.label} ${what} in ${f.keyVar} (HTTP ${f.status}) for ${target.ref}: ${f.apiMessage}`,
    fix,
    f.extra,
  );
}

function modelMissingError(f: HttpFailure, modelMissing: boolean, info: ErrorContext): ModelError {
  const { target } = info;
  const hint = modelMissing
    ? `Check the model name in ${where(info)}; list the models your key can use in the ${target.label} console or with GET ${f.url.replace(/\/+$/, '')}/models.`
    : `Check the model name in ${where(info)}. If it is right, the base URL may be wrong: ${baseURLHint(info)}`;
  return make(
    info,
    'model_not_found',
    `Unknown model "${target.ref}" (configured in ${where(info)}): ${target.label} at ${f.url} answered HTTP ${f.status}: ${f.apiMessage}`,
    hint,
    f.extra,
  );
}

/** 429: a wait longer than we take (boundedRetryFetch marked it), out of quota, or just busy. */
function rateLimitError(
  f: HttpFailure,
  asked: string | null | undefined,
  info: ErrorContext,
): ModelError {
  const { target } = info;
  if (asked) {
    const seconds = Math.ceil(Number(asked) / 1000);
    return make(
      info,
      'rate_limit',
      `${target.label} rate-limited ${target.ref} and asked to wait ${seconds} s, longer than Aethr waits: ${f.apiMessage}`,
      `Run again later, or check the rate limits and quota of the key in ${f.keyVar}.`,
      f.extra,
    );
  }
  const quota = f.code === 'insufficient_quota' || /quota|billing|credit/i.test(f.apiMessage);
  return make(
    info,
    'rate_limit',
    `${target.label} rate-limited ${target.ref} (HTTP 429, ${attempts(info)}): ${f.apiMessage}`,
    quota
      ? `The account behind ${f.keyVar} is out of quota or credits; check its billing.`
      : `Wait a little and run again, or check the rate limits of the key in ${f.keyVar}.`,
    f.extra,
  );
}
