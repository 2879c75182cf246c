/**
 * The bundled App (dist/app/index.js) as a real process on 127.0.0.1, pointed at the GitHub
 * stand-in (as a GitHub Enterprise host: GHE_HOST / GHE_PROTOCOL) and a model stand-in, with
 * signed webhook deliveries sent to it over HTTP, `/status` read back, and real signals.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createHmac, generateKeyPairSync, randomUUID } from 'node:crypto';
import { request, type Agent } from 'node:http';
import { resolve } from 'node:path';
import type { GitHubStandin } from './github-standin.js';
import type { StandinApp } from './github-standin.js';

export const APP_BUNDLE = resolve('dist/app/index.js');
export const WEBHOOK_SECRET = 'whsec-fixture-secret-123456';
export const APP_ID = 4242;
export const APP_SLUG = 'aethr-test';
export const APP_BOT = `${APP_SLUG}[bot]`;
export const INSTALLATION_ID = 77;

let keys: { privateKey: string; publicKey: string } | undefined;

/** The App's key pair (PKCS#1, as GitHub hands out App keys); made once per test file. */
export function appKeys(): { privateKey: string; publicKey: string } {
  keys ??= generateKeyPairSync('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  return keys;
}

/** The stand-in's view of the App (pass as `standin: { app: standinApp() }`). */
export function standinApp(extra: Partial<StandinApp> = {}): StandinApp {
  return {
    id: APP_ID,
    slug: APP_SLUG,
    publicKey: appKeys().publicKey,
    installationId: INSTALLATION_ID,
    ...extra,
  };
}

export interface LogLine {
  level: number;
  msg: string;
  [key: string]: unknown;
}

export interface AppProcess {
  url: string;
  port: number;
  child: ChildProcessWithoutNullStreams;
  lines: LogLine[];
  stdout(): string;
  stderr(): string;
  exited: Promise<number | null>;
  /** Resolves with the first log line (seen or to come) that matches. */
  waitForLine(match: (line: LogLine) => boolean, timeoutMs?: number): Promise<LogLine>;
  /** GET /status with the `recent` latest runs (default 50). */
  status(recent?: number): Promise<AppStatus>;
  /** Polls /status until `done(status)` holds. */
  waitForStatus(
    done: (s: AppStatus) => boolean,
    timeoutMs?: number,
    recent?: number,
  ): Promise<AppStatus>;
  kill(signal: NodeJS.Signals): Promise<number | null>;
}

export interface StatusRun {
  id: number;
  pr: string;
  intent: string;
  state: string;
  head: string | null;
  attempts: number;
  outcome: string | null;
  note: string | null;
  startedAt: string | null;
  finishedAt: string | null;
}

export interface AppStatus {
  state: string;
  mode: string;
  queued: number;
  running: number;
  done: number;
  failed: number;
  superseded: number;
  abandoned: number;
  ignored: number;
  pool: { size: number; running: number };
  recent: StatusRun[];
}

const SCRUB =
  /^(INPUT_|GITHUB_|RUNNER_|ACTIONS_|OPENAI_|ANTHROPIC_|GEMINI_|GOOGLE_|OPENROUTER_|XAI_|AETHR_|APP_ID|PRIVATE_KEY|WEBHOOK_|GHE_|PORT$|HOST$|LOG_)/;

/** The App's environment for a stand-in and a data folder. */
export function appEnv(o: {
  gh: GitHubStandin;
  dataDir: string;
  modelUrl?: string;
  extra?: Record<string, string>;
}): Record<string, string> {
  return {
    APP_ID: String(APP_ID),
    PRIVATE_KEY: appKeys().privateKey,
    WEBHOOK_SECRET,
    HOST: '127.0.0.1',
    PORT: '0',
    GHE_HOST: new URL(o.gh.url).host,
    GHE_PROTOCOL: 'http',
    AETHR_DATA_DIR: o.dataDir,
    LOG_LEVEL: 'info',
    ...(o.modelUrl ? { OPENAI_BASE_URL: o.modelUrl } : {}),
    ...o.extra,
  };
}

/** Starts the bundle (or another command printing the same "listening" line). */
export async function startAppProcess(
  env: Record<string, string>,
  command: string | string[] = APP_BUNDLE,
): Promise<AppProcess> {
  const base: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env))
    if (v !== undefined && !SCRUB.test(k)) base[k] = v;
  const args = typeof command === 'string' ? [command] : command;
  const child = spawn(process.execPath, args, { env: { ...base, ...env } });
  let out = '';
  let err = '';
  let partial = '';
  const lines: LogLine[] = [];
  const waiters: Array<{ match: (l: LogLine) => boolean; done: (l: LogLine) => void }> = [];
  child.stdout.on('data', (d: Buffer) => {
    out += d.toString();
    partial += d.toString();
    const parts = partial.split('\n');
    partial = parts.pop() ?? '';
    for (const text of parts) {
      if (!text.trim()) continue;
      let line: LogLine;
      try {
        line = JSON.parse(text) as LogLine;
      } catch {
        line = { level: 30, msg: text };
      }
      lines.push(line);
      for (const w of [...waiters])
        if (w.match(line)) {
          waiters.splice(waiters.indexOf(w), 1);
          w.done(line);
        }
    }
  });
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<number | null>((done) => child.on('close', (code) => done(code)));

  const waitForLine = (match: (l: LogLine) => boolean, timeoutMs = 20_000) => {
    const seen = lines.find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise<LogLine>((done, fail) => {
      const timer = setTimeout(
        () => fail(new Error(`no matching log line in ${timeoutMs} ms\n${out}\n${err}`)),
        timeoutMs,
      );
      waiters.push({
        match,
        done: (l) => {
          clearTimeout(timer);
          done(l);
        },
      });
      void exited.then(() => {
        clearTimeout(timer);
        fail(new Error(`the app exited\n${out}\n${err}`));
      });
    });
  };
  const ready = await waitForLine(
    (l) => typeof l.port === 'number' && /listening/.test(l.msg),
  ).catch((error: unknown) => {
    child.kill('SIGKILL');
    throw error;
  });
  const port = ready.port as number;
  const url = `http://127.0.0.1:${port}`;
  const status = async (recent?: number) =>
    JSON.parse((await get(`${url}/status${recent ? `?recent=${recent}` : ''}`)).body) as AppStatus;
  return {
    url,
    port,
    child,
    lines,
    stdout: () => out,
    stderr: () => err,
    exited,
    waitForLine,
    status,
    async waitForStatus(done, timeoutMs = 60_000, recent) {
      const until = Date.now() + timeoutMs;
      let last: AppStatus | undefined;
      while (Date.now() < until) {
        last = await status(recent);
        if (done(last)) return last;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`status never matched; last: ${JSON.stringify(last, null, 1)}\n${err}`);
    },
    async kill(signal) {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}

export function signature(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

export interface Delivered {
  status: number;
  body: string;
  ms: number;
  id: string;
}

/** POSTs a delivery the way GitHub does; `signature: null` sends none. */
export function deliver(
  url: string,
  name: string,
  payload: unknown,
  o: {
    id?: string;
    secret?: string;
    signature?: string | null;
    path?: string;
    /** A keep-alive agent, for load. */
    agent?: Agent;
  } = {},
): Promise<Delivered> {
  const body = typeof payload === 'string' ? payload : JSON.stringify(payload);
  const id = o.id ?? randomUUID();
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'x-github-event': name,
    'x-github-delivery': id,
    'user-agent': 'GitHub-Hookshot/test',
  };
  const sig = o.signature === undefined ? signature(o.secret ?? WEBHOOK_SECRET, body) : o.signature;
  if (sig !== null) headers['x-hub-signature-256'] = sig;
  return send(`${url}${o.path ?? '/api/github/webhooks'}`, 'POST', headers, body, o.agent).then(
    (r) => ({
      ...r,
      id,
    }),
  );
}

export function get(url: string, headers: Record<string, string> = {}) {
  return send(url, 'GET', headers);
}

function send(
  url: string,
  method: string,
  headers: Record<string, string>,
  body?: string,
  agent?: Agent,
): Promise<{ status: number; body: string; ms: number }> {
  const started = performance.now();
  return new Promise((done, fail) => {
    const req = request(url, { method, headers, ...(agent ? { agent } : {}) }, (res) => {
      let text = '';
      res.on('data', (d: Buffer) => (text += d.toString()));
      res.on('end', () =>
        done({ status: res.statusCode ?? 0, body: text, ms: performance.now() - started }),
      );
    });
    req.on('error', fail);
    req.end(body);
  });
}

/** A payload as an App receives it: the installation named, the clone URL the real one. */
export function asAppDelivery(
  payload: Record<string, unknown>,
  cloneUrl: string,
): Record<string, unknown> {
  const repository = { ...(payload.repository as object), clone_url: cloneUrl };
  return { ...payload, repository, installation: { id: INSTALLATION_ID, node_id: 'MDIz' } };
}
