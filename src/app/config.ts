/**
 * The App's configuration, read once from the environment the way Probot apps are configured
 * (APP_ID, PRIVATE_KEY or PRIVATE_KEY_PATH, WEBHOOK_SECRET, PORT, HOST, WEBHOOK_PATH, LOG_LEVEL,
 * GHE_HOST / GHE_PROTOCOL) plus aethr's own `AETHR_*` settings. A missing or malformed value is
 * an `AppConfigError` whose message is one line naming the variable.
 */
import { createPrivateKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { MODEL_REF_PATTERN } from '../config/model-ref.js';
import { AethrError, toError } from '../errors.js';
import { PERMISSION_LEVELS } from '../github/forge.js';
import { FAIL_ON, type DoorSettings } from '../github/settings.js';

export class AppConfigError extends AethrError {
  override name = 'AppConfigError';
}

export const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** What a run does with the work: run it here, or hand it to GitHub Actions in the repository. */
export type AppMode = 'run' | 'dispatch';

/** The run settings every repository gets (the Action's inputs, as `AETHR_*` variables). */
export type AppRunConfig = Pick<
  DoorSettings,
  | 'workflowSpec'
  | 'model'
  | 'mock'
  | 'failOn'
  | 'maxIterations'
  | 'minimumPermission'
  | 'allowedActors'
  | 'maxBotCommits'
> & {
  checkRun: boolean;
  includeDrafts: boolean;
  triggerLabel: string;
  /** AETHR_ALLOW_UNTRUSTED_REVIEWS: review-only runs for PR authors below the threshold. */
  allowUntrustedReviews: boolean;
};

export interface AppConfig {
  appId: number;
  privateKey: string;
  webhookSecret: string;
  port: number;
  host: string;
  webhookPath: string;
  logLevel: LogLevel;
  /** REST API root: `https://api.github.com`, or `<GHE_PROTOCOL>://<GHE_HOST>/api/v3`. */
  apiUrl: string;
  /** Web root: `https://github.com` or the Enterprise Server. */
  serverUrl: string;
  dataDir: string;
  poolSize: number;
  /** Attempts per run, counting the first (a run that crashes the app is tried again). */
  maxAttempts: number;
  drainTimeoutMs: number;
  mode: AppMode;
  /** Dispatch mode: the workflow file to `workflow_dispatch`; unset: `repository_dispatch`. */
  dispatchWorkflow?: string;
  /** Bearer token for `GET /status` from other hosts (loopback needs none). */
  statusToken?: string;
  /** Spacing of API writes per installation (comments and reviews: 2.5 times this). */
  writeSpacingMs: number;
  run: AppRunConfig;
  /** Model keys and base URLs (`OPENAI_API_KEY`, `OPENAI_BASE_URL`, …) without the App's secrets. */
  modelEnv: Record<string, string | undefined>;
}

type Env = Record<string, string | undefined>;

/** The App's own secrets: never handed to model clients or anything they start. */
const APP_SECRET_VARIABLES = ['PRIVATE_KEY', 'WEBHOOK_SECRET', 'AETHR_STATUS_TOKEN'];

export function parseAppConfig(env: Env, cwd = process.cwd()): AppConfig {
  const get = (name: string): string | undefined => {
    const value = env[name]?.trim();
    return value ? value : undefined;
  };
  const appIdText = get('APP_ID');
  if (!appIdText) fail('APP_ID is not set; use the App ID shown on the GitHub App settings page.');
  const appId = integer('APP_ID', appIdText, 1, Number.MAX_SAFE_INTEGER);
  const webhookSecret = env.WEBHOOK_SECRET ?? '';
  if (webhookSecret.length === 0)
    fail(
      "WEBHOOK_SECRET is not set; use the App's webhook secret (GitHub signs deliveries with it).",
    );
  const gheHost = get('GHE_HOST');
  const protocol = get('GHE_PROTOCOL') ?? 'https';
  if (!/^https?$/.test(protocol)) fail(`GHE_PROTOCOL is "${protocol}"; expected https or http.`);
  if (gheHost && !/^[A-Za-z0-9.-]+(?::\d+)?$/.test(gheHost))
    fail(`GHE_HOST is "${gheHost}"; expected a host name (and port), e.g. github.example.com.`);
  const webhookPath = get('WEBHOOK_PATH') ?? '/api/github/webhooks';
  if (!webhookPath.startsWith('/')) fail(`WEBHOOK_PATH is "${webhookPath}"; it must start with /.`);
  const mode = oneOf('AETHR_APP_MODE', get('AETHR_APP_MODE') ?? 'run', ['run', 'dispatch']);
  const dispatchWorkflow = get('AETHR_DISPATCH_WORKFLOW');
  if (dispatchWorkflow && !/^(?:[\w.-]+\.ya?ml|\d+)$/.test(dispatchWorkflow))
    fail(
      `AETHR_DISPATCH_WORKFLOW is "${dispatchWorkflow}"; expected a workflow file name (aethr.yml) or id.`,
    );
  const modelEnv = Object.fromEntries(
    Object.entries(env).filter(([name]) => !APP_SECRET_VARIABLES.includes(name)),
  );
  return {
    appId,
    privateKey: readPrivateKey(env),
    webhookSecret,
    port: integer('PORT', get('PORT') ?? '3000', 0, 65535),
    host: get('HOST') ?? 'localhost',
    webhookPath,
    logLevel: oneOf('LOG_LEVEL', (get('LOG_LEVEL') ?? 'info').toLowerCase(), LOG_LEVELS),
    apiUrl: gheHost ? `${protocol}://${gheHost}/api/v3` : 'https://api.github.com',
    serverUrl: gheHost ? `${protocol}://${gheHost}` : 'https://github.com',
    dataDir: resolve(cwd, get('AETHR_DATA_DIR') ?? '.aethr-app'),
    poolSize: integer('AETHR_POOL_SIZE', get('AETHR_POOL_SIZE') ?? '2', 1, 64),
    maxAttempts: integer('AETHR_MAX_ATTEMPTS', get('AETHR_MAX_ATTEMPTS') ?? '3', 1, 10),
    drainTimeoutMs:
      1000 * integer('AETHR_DRAIN_TIMEOUT', get('AETHR_DRAIN_TIMEOUT') ?? '25', 0, 3600),
    mode,
    ...(dispatchWorkflow ? { dispatchWorkflow } : {}),
    ...(get('AETHR_STATUS_TOKEN') ? { statusToken: get('AETHR_STATUS_TOKEN') } : {}),
    writeSpacingMs: integer(
      'AETHR_WRITE_SPACING_MS',
      get('AETHR_WRITE_SPACING_MS') ?? '200',
      0,
      10_000,
    ),
    run: parseRunConfig(get),
    modelEnv,
  };
}

function parseRunConfig(get: (name: string) => string | undefined): AppRunConfig {
  const model = get('AETHR_MODEL');
  if (model && !MODEL_REF_PATTERN.test(model) && !/^[\w.-]+$/.test(model))
    fail(`AETHR_MODEL is "${model}"; expected "provider:model", e.g. openai:gpt-4o-mini.`);
  const maxText = get('AETHR_MAX_ITERATIONS');
  return {
    workflowSpec: get('AETHR_WORKFLOW') ?? '.aethr.yaml',
    ...(model ? { model } : {}),
    mock: bool('AETHR_MOCK', get('AETHR_MOCK')),
    failOn: oneOf('AETHR_FAIL_ON', get('AETHR_FAIL_ON') ?? 'none', FAIL_ON),
    ...(maxText ? { maxIterations: integer('AETHR_MAX_ITERATIONS', maxText, 1, 20) } : {}),
    minimumPermission: oneOf(
      'AETHR_MINIMUM_PERMISSION',
      get('AETHR_MINIMUM_PERMISSION') ?? 'write',
      PERMISSION_LEVELS,
    ),
    allowedActors: (get('AETHR_ALLOWED_ACTORS') ?? '')
      .split(/[\s,]+/)
      .filter(Boolean)
      .map((a) => a.toLowerCase()),
    maxBotCommits: integer('AETHR_MAX_BOT_COMMITS', get('AETHR_MAX_BOT_COMMITS') ?? '10', 0, 100),
    checkRun:
      get('AETHR_CHECK_RUN') === undefined ? true : bool('AETHR_CHECK_RUN', get('AETHR_CHECK_RUN')),
    includeDrafts: bool('AETHR_INCLUDE_DRAFTS', get('AETHR_INCLUDE_DRAFTS')),
    triggerLabel: get('AETHR_TRIGGER_LABEL') ?? 'aethr:implement',
    allowUntrustedReviews: bool(
      'AETHR_ALLOW_UNTRUSTED_REVIEWS',
      get('AETHR_ALLOW_UNTRUSTED_REVIEWS'),
    ),
  };
}

/**
 * The App's private key: PRIVATE_KEY (the PEM, with newlines or `\n`, or base64 of it) or the
 * file at PRIVATE_KEY_PATH. Checked here, so a bad key is a clear error at start.
 */
function readPrivateKey(env: Env): string {
  const inline = env.PRIVATE_KEY?.trim();
  const path = env.PRIVATE_KEY_PATH?.trim();
  if (!inline && !path)
    fail('PRIVATE_KEY is not set (nor PRIVATE_KEY_PATH); use the .pem file generated for the App.');
  const name = inline ? 'PRIVATE_KEY' : 'PRIVATE_KEY_PATH';
  let text = inline ?? '';
  if (!inline) {
    try {
      text = readFileSync(path!, 'utf8');
    } catch (error) {
      fail(`PRIVATE_KEY_PATH is "${path}"; it cannot be read (${toError(error).message}).`);
    }
  }
  let pem = text.replace(/\\n/g, '\n').trim();
  if (!pem.includes('-----BEGIN')) {
    const decoded = Buffer.from(pem, 'base64').toString('utf8');
    if (decoded.includes('-----BEGIN')) pem = decoded.trim();
  }
  try {
    createPrivateKey(pem);
  } catch {
    fail(`${name} is not a PEM private key; use the .pem file generated for the App.`);
  }
  return `${pem}\n`;
}

function fail(message: string): never {
  throw new AppConfigError(message);
}

function integer(name: string, text: string, min: number, max: number): number {
  const n = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(n) || n < min || n > max)
    fail(`${name} is "${text}"; expected a whole number from ${min} to ${max}.`);
  return n;
}

function bool(name: string, text: string | undefined): boolean {
  if (text === undefined) return false;
  if (/^(true|yes|1|on)$/i.test(text)) return true;
  if (/^(false|no|0|off)$/i.test(text)) return false;
  return fail(`${name} is "${text}"; expected true or false.`);
}

function oneOf<T extends string>(name: string, text: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(text)) return text as T;
  return fail(`${name} is "${text}"; expected one of ${allowed.join(', ')}.`);
}
