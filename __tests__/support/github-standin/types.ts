/** The stand-in's public API: options, the handle tests get back, and recorded requests. */
import type { IncomingHttpHeaders } from 'node:http';
import type { BusyClock } from '../busy-clock.js';
import type { OpenApiLoadStats } from './openapi.js';
import type { StandinApp } from './routes-app.js';
import type {
  IssueCommentFixture,
  IssueFixture,
  PermissionSetting,
  PullFixture,
  StandinState,
} from './state.js';

export interface GitHubStandinOptions {
  /** The token requests must carry (`authorization: token X` or `Bearer X`). */
  token: string;
  owner: string;
  repo: string;
  /** Who the token acts as (default `github-actions[bot]`, like an Actions GITHUB_TOKEN). */
  tokenUser?: string;
  /** More accepted tokens: token → login (e.g. a personal access token). */
  extraTokens?: Record<string, string>;
  defaultBranch?: string;
  /** SHA of the default branch (default: the base SHA of a PR into it, or a made-up SHA). */
  defaultBranchSha?: string;
  private?: boolean;
  repoId?: number;
  pulls?: PullFixture[];
  issues?: IssueFixture[];
  issueComments?: IssueCommentFixture[];
  /** login → permission level, or 404/500 for the permission endpoint to answer with instead. */
  permissions?: Record<string, PermissionSetting>;
  /** For logins not in `permissions` (default: `read` on public repositories, `none` on private). */
  defaultPermission?: PermissionSetting;
  /** ref (branch name or SHA) → path → text, for `GET /repos/{o}/{r}/contents/{path}`. */
  contents?: Record<string, Record<string, string>>;
  /** branch → SHA (PR head and base branches are added automatically). */
  branches?: Record<string, string>;
  /** A bare repository (e.g. the test's `origin`) whose branches count as the repository's. */
  gitDir?: string;
  /** The repository setting "Allow GitHub Actions to create and approve pull requests" (default false, as on GitHub). */
  allowActionsToCreatePRs?: boolean;
  /** The token has `checks: write` (default true); false: check-run writes answer 403. */
  checksWrite?: boolean;
  /** Web root used in `html_url`s (default `https://github.com`). */
  htmlUrl?: string;
  /** Starting primary rate limit (default 5000 per hour). */
  rateLimit?: { limit?: number; remaining?: number };
  /** Limits of the diff media type (GitHub: 300 files, 20,000 lines; above → 406). */
  diffLimits?: { maxFiles?: number; maxLines?: number };
  /** Adds the time spent answering to this clock (benchmarks subtract it). */
  busy?: BusyClock;
  /** Validate the stand-in's own 2xx responses against the response schemas (default true). */
  validateResponses?: boolean;
  port?: number;
  /** A GitHub App installed on the repository (JWT checks, installation tokens). */
  app?: StandinApp;
  /** Workflow files (`aethr.yml`) `workflow_dispatch` may start. */
  workflows?: string[];
}

export interface RecordedRequest {
  /** The `x-github-request-id` sent back. */
  id: string;
  method: string;
  /** Path as received, without the query. */
  path: string;
  query: Record<string, string>;
  /** The matched operation (`pulls/create-review`), if any. */
  operationId?: string;
  headers: IncomingHttpHeaders;
  /** Parsed JSON body (or the raw text when it is not JSON). */
  body?: unknown;
  status: number;
  /** What was answered: JSON value, or text for diffs and raw contents. */
  response?: unknown;
  at: number;
}

export interface FailureSpec {
  /**
   * `rate-limit`: 403 (or `status`) with `x-ratelimit-remaining: 0` and a near `x-ratelimit-reset`;
   * `secondary-rate-limit`: 403 (or 429) "You have exceeded a secondary rate limit" with `retry-after`;
   * `status`: a plain error (default 500), nothing performed;
   * `lost`: the request IS performed, then the answer is lost: the connection is dropped, or
   *   with `status` an HTML error page (GitHub's 5xx "Unicorn!") is sent instead;
   * `drop`: the connection is dropped before anything is performed;
   * `delay`: answered normally after `delayMs`;
   * `edit`: answered normally, with `edit` run on the state just before (or `after`) the
   *   request is handled: someone else changing something at that moment.
   */
  kind?: 'rate-limit' | 'secondary-rate-limit' | 'status' | 'lost' | 'drop' | 'delay' | 'edit';
  /** For `edit`: the concurrent change. */
  edit?: (state: StandinState) => void;
  /** For `edit`: run it after the request was handled instead of before. */
  after?: boolean;
  status?: number;
  /** Wait this long before answering (any kind). */
  delayMs?: number;
  /** How many matching requests fail (default 1). */
  count?: number;
  /** Let this many matching requests through first (a fault later in the run). */
  skip?: number;
  /** `retry-after` seconds for secondary limits (default 1). */
  retryAfter?: number;
  /** Seconds until `x-ratelimit-reset` for primary limits (default 1). */
  resetIn?: number;
  message?: string;
  /** Only requests matching all given criteria fail. */
  match?: { method?: string; operationId?: string; path?: string | RegExp };
}

export interface PullUpdate {
  head?: { sha: string; ref?: string };
  base?: { sha: string; ref?: string };
  diff?: string;
  title?: string;
  body?: string | null;
  draft?: boolean;
  maintainer_can_modify?: boolean;
  commits?: number;
  state?: 'open' | 'closed';
  labels?: string[];
  omitPatchFor?: string[];
}

export interface GitHubStandin {
  /** API root to use as `GITHUB_API_URL`. */
  url: string;
  /** Environment for a process that should talk to the stand-in. */
  env: Record<string, string>;
  requests: RecordedRequest[];
  /** Installation tokens minted for the App, in order (tests check none leaks into logs). */
  installationTokens: string[];
  /** Requests GitHub would refuse or not understand: OpenAPI mismatches, unknown or unimplemented operations, bad credentials, review anchors outside the diff. Tests assert it is empty. */
  violations: string[];
  /** 2xx responses of the stand-in that do not match GitHub's response schemas (bugs in the stand-in). */
  responseViolations: string[];
  state: StandinState;
  /** How the OpenAPI description was loaded (cache or rebuilt) and how long it took. */
  openapi: OpenApiLoadStats;
  close(): Promise<void>;
  setPermission(login: string, setting: PermissionSetting): void;
  setContent(ref: string, path: string, text: string | undefined): void;
  setBranch(name: string, sha: string): void;
  /** Simulates a push, an edit or a label change on a PR (keeps earlier heads reviewable). */
  updatePull(number: number, update: PullUpdate): void;
  /** Makes the next matching request(s) fail. */
  failNext(spec?: FailureSpec): void;
  /** Recorded requests for one operation. */
  calls(operationId: string): RecordedRequest[];
}
