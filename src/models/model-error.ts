/**
 * The one error type of the models layer. Its message says what happened in the user's terms
 * (which provider, model, env var or base URL), its `hint` says what to do, and both are redacted:
 * an API key never appears in either.
 */
import { AethrError } from '../errors.js';
import { redactSecrets } from './redact.js';

export type ModelErrorKind =
  /** Bad model reference, unknown provider without a base URL, missing key for a live call. */
  | 'config'
  /** 401/403: the key was rejected or lacks access. */
  | 'auth'
  /** 404 or "model not found". */
  | 'model_not_found'
  /** 429 after the retries ran out (or a retry-after longer than we wait). */
  | 'rate_limit'
  /** 5xx after the retries ran out. */
  | 'server'
  /** 400/422: the provider refused the request. */
  | 'bad_request'
  /** Could not connect (refused, DNS, TLS). */
  | 'connection'
  /** No answer (or no streamed data) within the timeout. */
  | 'timeout'
  /** The caller's AbortSignal fired. */
  | 'aborted'
  | 'unknown';

export interface ModelErrorOptions {
  kind: ModelErrorKind;
  hint?: string;
  /** Secrets to remove from message and hint (the API key in play). */
  secrets?: ReadonlyArray<string | undefined>;
  status?: number;
  provider?: string;
  /** `provider:model`. */
  ref?: string;
  baseURL?: string;
  /** The provider's own error message, redacted. */
  apiMessage?: string;
  cause?: unknown;
}

export class ModelError extends AethrError {
  override name = 'ModelError';
  readonly kind: ModelErrorKind;
  readonly status: number | undefined;
  readonly provider: string | undefined;
  readonly ref: string | undefined;
  readonly baseURL: string | undefined;
  readonly apiMessage: string | undefined;

  constructor(message: string, options: ModelErrorOptions) {
    const secrets = options.secrets ?? [];
    super(redactSecrets(message, secrets), {
      hint: options.hint === undefined ? undefined : redactSecrets(options.hint, secrets),
      // The raw cause may carry provider text; keep only a redacted copy of its message.
      cause: options.cause === undefined ? undefined : redactedCause(options.cause, secrets),
    });
    this.kind = options.kind;
    this.status = options.status;
    this.provider = options.provider;
    this.ref = options.ref;
    this.baseURL =
      options.baseURL === undefined ? undefined : redactSecrets(options.baseURL, secrets);
    this.apiMessage =
      options.apiMessage === undefined ? undefined : redactSecrets(options.apiMessage, secrets);
  }
}

function redactedCause(cause: unknown, secrets: ReadonlyArray<string | undefined>): Error {
  const message = cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause);
  return new Error(redactSecrets(message, secrets));
}

export function isModelError(value: unknown): value is ModelError {
  return value instanceof ModelError;
}
