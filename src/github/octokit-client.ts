/**
 * An Octokit for a token, with GitHub's rate limits handled by the retry and throttling plugins.
 * The API base comes from GITHUB_API_URL (so GitHub Enterprise Server works).
 */
import { getOctokit } from '@actions/github';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import Bottleneck from 'bottleneck';

export type Octokit = ReturnType<typeof getOctokit>;

const MAX_RATE_LIMIT_RETRIES = 2;

/**
 * The throttling plugin spaces writes 1 s apart and notifying writes (comments, reviews) 3 s
 * apart: GitHub's advice for clients making *many* writes. A run makes a handful (far below the
 * 80 content-creating requests a minute GitHub allows), so they stay serial — GitHub's first
 * advice — without spacing, which only added seconds of waiting to every run; a secondary rate
 * limit is still retried after its `retry-after` by onSecondaryRateLimit below.
 * https://docs.github.com/rest/using-the-rest-api/best-practices-for-using-the-rest-api
 */
const WRITE_SPACING_MS = 0;
const NOTIFYING_WRITE_SPACING_MS = 0;

/** An Octokit for a token with GitHub's rate limits handled (the Action and `aethr pr`). */
export function createClient(
  token: string,
  apiUrl: string | undefined,
  log: (m: string) => void,
  retryBaseMs = 1000,
): Octokit {
  const octokit = getOctokit(
    token,
    {
      baseUrl: apiUrl ?? process.env.GITHUB_API_URL ?? 'https://api.github.com',
      // Server errors are retried twice (about 5 s in all), then the run fails with the error.
      retry: { retries: 2, retryAfterBaseValue: retryBaseMs },
      throttle: {
        retryAfterBaseValue: retryBaseMs,
        write: new Bottleneck.Group({
          id: 'aethr-write',
          maxConcurrent: 1,
          minTime: WRITE_SPACING_MS,
        }),
        notifications: new Bottleneck.Group({
          id: 'aethr-notifications',
          maxConcurrent: 1,
          minTime: NOTIFYING_WRITE_SPACING_MS,
        }),
        onRateLimit: retryLimited('rate limit hit', log, retryBaseMs),
        onSecondaryRateLimit: retryLimited('secondary rate limit', log, retryBaseMs),
      },
    },
    retry,
    throttling,
  );
  // The retry and throttling plugins count a request's retries on `options.request`, an object
  // @actions/github's defaults share across all requests: without a copy per request every
  // retry of the run adds to the next request's count, so waits grow (1 s, 4 s, then 9 s and
  // 16 s for another request) and the rate-limit retries run out for the whole client.
  octokit.hook.before('request', (options) => {
    options.request = { ...options.request };
  });
  return octokit;
}

/** The throttling plugin's answer to a rate limit: log the wait, retry a few times. */
function retryLimited(what: string, log: (m: string) => void, baseMs: number) {
  return (
    retryAfter: number,
    request: { method: string; url: string },
    _o: unknown,
    retryCount: number,
  ): boolean => {
    const seconds = (retryAfter * baseMs) / 1000;
    log(`GitHub ${what} on ${request.method} ${request.url}; retrying in ${seconds}s.`);
    return retryCount < MAX_RATE_LIMIT_RETRIES;
  };
}
