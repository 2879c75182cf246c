/**
 * The App's side of GitHub, through Probot: the App's own identity (`GET /app`, with its JWT), the
 * installation that covers a repository (`GET /repos/{owner}/{repo}/installation`), and an
 * installation client — Probot's Octokit, with writes spaced per installation — whose token the
 * run's git commands use.
 */
import Bottleneck from 'bottleneck';
import type { Logger } from 'pino';
import { Probot, ProbotOctokit } from 'probot';
import { AethrError, toError } from '../errors.js';
import type { Octokit } from '../github/octokit-forge.js';
import type { SecretSet } from './app-log.js';
import type { AppConfig } from './config.js';

export interface AppIdentity {
  appId: number;
  slug: string;
  /** `<slug>[bot]`: the login its comments and pushes carry. */
  botLogin: string;
}

export interface InstallationClient {
  id: number;
  octokit: Octokit;
  /** A current installation token (minted or cached; Probot refreshes it before it expires). */
  token(): Promise<string>;
}

export class NotInstalled extends AethrError {
  override name = 'NotInstalled';
}

const MAX_RATE_LIMIT_RETRIES = 2;

/**
 * Probot's Octokit with GitHub's rate limits handled: writes one at a time per installation and,
 * since an App serves many runs at once (unlike one Action run's handful of writes), spaced
 * `writeSpacingMs` (comments and reviews 2.5 times that); a primary or secondary limit is
 * retried twice after GitHub's `retry-after`.
 * https://docs.github.com/rest/using-the-rest-api/best-practices-for-using-the-rest-api
 */
function octokitClass(config: AppConfig, logger: Logger): typeof ProbotOctokit {
  const write = new Bottleneck.Group({
    id: 'aethr-app-write',
    maxConcurrent: 1,
    minTime: config.writeSpacingMs,
  });
  const notifications = new Bottleneck.Group({
    id: 'aethr-app-notifications',
    maxConcurrent: 1,
    minTime: Math.round(config.writeSpacingMs * 2.5),
  });
  const retryOrGiveUp =
    (what: string) =>
    (retryAfter: number, request: { method: string; url: string }, _o: unknown, count: number) => {
      logger.warn(
        `GitHub ${what} on ${request.method} ${request.url}; retrying in ${retryAfter}s.`,
      );
      return count < MAX_RATE_LIMIT_RETRIES;
    };
  return ProbotOctokit.defaults((options: Record<string, unknown>) => ({
    ...options,
    ...withAuthBaseUrl(options.auth, config.apiUrl),
    throttle: {
      ...(options.throttle as object | undefined),
      write,
      notifications,
      onRateLimit: retryOrGiveUp('rate limit'),
      onSecondaryRateLimit: retryOrGiveUp('secondary rate limit'),
    },
  })) as typeof ProbotOctokit;
}

/**
 * Probot hands the auth strategy a `request` without the base URL, so a token minted outside an
 * API call (`octokit.auth()`, for git) would be asked of api.github.com even on GitHub
 * Enterprise Server; the strategy gets the configured API root.
 */
function withAuthBaseUrl(auth: unknown, baseUrl: string): { auth?: object } {
  const request = (auth as { request?: { defaults(o: object): unknown } } | undefined)?.request;
  return request ? { auth: { ...(auth as object), request: request.defaults({ baseUrl }) } } : {};
}

export function createProbot(config: AppConfig, logger: Logger): Probot {
  return new Probot({
    appId: config.appId,
    privateKey: config.privateKey,
    secret: config.webhookSecret,
    baseUrl: config.apiUrl,
    log: logger,
    Octokit: octokitClass(config, logger),
  });
}

export class AppGitHub {
  private identityOnce: Promise<AppIdentity> | undefined;

  constructor(
    private readonly probot: Probot,
    private readonly secrets: SecretSet,
  ) {}

  /** The App as GitHub knows it; asked once. A bad APP_ID or key fails here, at start. */
  identity(): Promise<AppIdentity> {
    this.identityOnce ??= (async () => {
      const octokit = await this.probot.auth();
      try {
        // Asked at start: a wrong host or key fails at once (a supervisor restarts the app).
        const { data } = await octokit.request('GET /app', { request: { retries: 0 } });
        if (!data?.slug) throw new Error('GitHub sent no slug');
        return { appId: data.id, slug: data.slug, botLogin: `${data.slug}[bot]` };
      } catch (error) {
        this.identityOnce = undefined;
        const status = (error as { status?: number }).status;
        throw new AethrError(
          status === 401 || status === 403 || status === 404
            ? `GitHub refused the App's credentials (GET /app: ${oneLine(error)}); check APP_ID and PRIVATE_KEY.`
            : `Could not read the App from GitHub (GET /app: ${oneLine(error)}); check GHE_HOST and the network.`,
        );
      }
    })();
    return this.identityOnce;
  }

  /** The installation that covers `owner/repo` now (the payload's id may be stale). */
  async installationId(owner: string, repo: string): Promise<number> {
    const octokit = await this.probot.auth();
    try {
      const { data } = await octokit.request('GET /repos/{owner}/{repo}/installation', {
        owner,
        repo,
      });
      return data.id;
    } catch (error) {
      if ((error as { status?: number }).status === 404)
        throw new NotInstalled(`The App is not installed on ${owner}/${repo}.`);
      throw error;
    }
  }

  async client(installationId: number): Promise<InstallationClient> {
    const octokit = await this.probot.auth(installationId);
    return {
      id: installationId,
      octokit: octokit as unknown as Octokit,
      token: async () => {
        const auth = (await octokit.auth({ type: 'installation' })) as { token?: string };
        if (!auth.token) throw new Error('no installation token');
        this.secrets.add(auth.token);
        return auth.token;
      },
    };
  }
}

/** GitHub's noreply address for the App's bot user (the bot user's id, when it can be read). */
export async function botIdentity(
  client: InstallationClient,
  identity: AppIdentity,
  cache: Map<string, number | null>,
): Promise<{ name: string; email: string }> {
  let id = cache.get(identity.botLogin);
  if (id === undefined) {
    try {
      const { data } = await client.octokit.rest.users.getByUsername({
        username: identity.botLogin,
      });
      id = data.id;
    } catch {
      id = null;
    }
    cache.set(identity.botLogin, id);
  }
  const email = id
    ? `${id}+${identity.botLogin}@users.noreply.github.com`
    : `${identity.botLogin}@users.noreply.github.com`;
  return { name: identity.botLogin, email };
}

export function oneLine(error: unknown): string {
  return toError(error).message.split('\n')[0]!.slice(0, 300);
}
