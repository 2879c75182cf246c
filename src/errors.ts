/**
 * Typed errors. Library code throws these; only a door's single try/catch turns them into an
 * exit code or a failed step. `hint` is the "what to do" line shown to the user.
 */
export class AethrError extends Error {
  override name = 'AethrError';
  readonly hint: string | undefined;
  constructor(message: string, options?: { cause?: unknown; hint?: string }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.hint = options?.hint;
  }
}

/** Wraps any throwable in an Error so callers can rely on `.message`. */
export function toError(value: unknown): Error {
  if (value instanceof Error) return value;
  return new Error(typeof value === 'string' ? value : JSON.stringify(value));
}
