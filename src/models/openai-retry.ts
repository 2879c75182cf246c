/**
 * How a live call waits and tries again, beside the SDK's own retries: a `retry-after` above the
 * caller's limit is not waited for (the SDK would wait any time a server asks), and a stream cut
 * before its `finish_reason` is recognised so it can be sent again.
 */

/** Milliseconds a response asks us to wait (`retry-after-ms`, then `retry-after`), if it says. */
export function retryAfterMs(headers: Headers, now: number = Date.now()): number | undefined {
  const ms = headers.get('retry-after-ms');
  if (ms !== null && ms.trim() !== '') {
    const value = Number.parseFloat(ms);
    if (!Number.isNaN(value)) return value;
  }
  const after = headers.get('retry-after');
  if (after !== null && after.trim() !== '') {
    const seconds = Number.parseFloat(after);
    if (!Number.isNaN(seconds)) return seconds * 1000;
    const date = Date.parse(after);
    if (!Number.isNaN(date)) return date - now;
  }
  return undefined;
}

/** Set on a response whose wait was too long: the wait asked for, in ms. */
export const TOO_LONG_HEADER = 'x-aethr-retry-after-ms';

/**
 * Wraps fetch so a retryable response asking for a wait above `maxWaitMs` is not retried. It also
 * rethrows fetch's abort `DOMException` as a same-realm Error named `AbortError`: under a VM
 * context (jest) the SDK's `instanceof Error` check fails for it and a timeout would be misread
 * as a connection failure.
 */
export function boundedRetryFetch(inner: typeof fetch, maxWaitMs: number): typeof fetch {
  return async (input, init) => {
    let response: Response;
    try {
      response = await inner(input, init);
    } catch (error) {
      if (error instanceof Error || typeof error !== 'object' || error === null) throw error;
      const foreign = error as { name?: unknown; message?: unknown; cause?: unknown };
      const copy = new Error(
        String(foreign.message ?? 'fetch failed'),
        foreign.cause === undefined ? undefined : { cause: foreign.cause },
      );
      if (typeof foreign.name === 'string') copy.name = foreign.name;
      throw copy;
    }
    if (response.status !== 429 && response.status < 500) return response;
    const wait = retryAfterMs(response.headers);
    if (wait === undefined || wait <= maxWaitMs) return response;
    const headers = new Headers(response.headers);
    headers.set('x-should-retry', 'false');
    headers.set(TOO_LONG_HEADER, String(Math.round(wait)));
    return new Response(response.body, {
      status: response.status,
      statusText: response.statusText,
      headers,
    });
  };
}

/** A stream that broke before its finish_reason: worth asking again. */
export class StreamCut extends Error {
  constructor(
    readonly detail: string,
    override readonly cause: unknown,
  ) {
    super(detail);
  }
}

const CUT_CAUSE =
  /terminated|ECONNRESET|socket hang up|other side closed|EPIPE|UND_ERR_SOCKET|premature close/i;

export function isStreamCut(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    const e = current as { message?: unknown; code?: unknown; cause?: unknown };
    if (CUT_CAUSE.test(String(e.message ?? '')) || CUT_CAUSE.test(String(e.code ?? '')))
      return true;
    current = e.cause;
  }
  return false;
}

export function sleepUnlessAborted(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}

/**
 * `AETHR_RETRY_BASE_MS`: the base of every retry wait (GitHub's 1 s, a cut stream's 0.5 s), in
 * milliseconds. For tests that meet many faults; unset, the defaults apply.
 */
export const RETRY_BASE_ENV = 'AETHR_RETRY_BASE_MS';

export function retryBaseMsFrom(
  env: Readonly<Record<string, string | undefined>>,
): number | undefined {
  const text = env[RETRY_BASE_ENV]?.trim();
  if (!text) return undefined;
  const value = Number(text);
  return Number.isFinite(value) && value >= 0 && value <= 60_000 ? value : undefined;
}
