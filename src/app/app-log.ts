/**
 * The App's structured log: pino JSON lines on stdout (Probot logs through the same logger), each
 * run's lines carrying its delivery id and PR. Every line passes through redaction first: the
 * private key, the webhook secret, model keys and each installation token minted so far never
 * reach the log, whoever logs (aethr, Probot, Octokit).
 */
import { pino, type Logger } from 'pino';
import type { RunLog } from '../github/run-log.js';
import { REDACTED, redactSecrets } from '../models/redact.js';
import type { LogLevel } from './config.js';

/** As in models/redact.ts: shorter values would mangle ordinary words. */
const MIN_SECRET_LENGTH = 6;
/** GitHub tokens (installation `ghs_`, personal `ghp_`, …), even ones this process never saw. */
const GITHUB_TOKEN_SHAPE = /\bgh[pousr]_[A-Za-z0-9_]{16,}/g;

/** The secrets in play; installation tokens are added as they are minted. */
export class SecretSet {
  private readonly values = new Set<string>();
  /** All known values in one expression (longest first), rebuilt when one is added. */
  private known: RegExp | undefined;
  constructor(initial: ReadonlyArray<string | undefined> = []) {
    for (const v of initial) this.add(v);
  }
  add(value: string | undefined): void {
    const secret = value?.trim() ?? '';
    if (secret.length < MIN_SECRET_LENGTH || this.values.has(secret)) return;
    this.values.add(secret);
    // A PEM is also redacted line by line (an error may quote part of it).
    if (secret.includes('\n'))
      for (const line of secret.split('\n'))
        if (line.trim().length >= 16) this.values.add(line.trim());
    const escaped = [...this.values]
      .sort((a, b) => b.length - a.length)
      .map((v) => v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    this.known = new RegExp(escaped.join('|'), 'g');
  }
  list(): string[] {
    return [...this.values];
  }
  /** The known values, then anything shaped like a key or token (models/redact.ts). */
  redact(text: string): string {
    const known = this.known ? text.replace(this.known, REDACTED) : text;
    return redactSecrets(known).replace(GITHUB_TOKEN_SHAPE, REDACTED);
  }
}

/** A copy of `value` with every string redacted (objects logged as fields, errors included). */
function redactValue(value: unknown, secrets: SecretSet, depth = 0): unknown {
  if (typeof value === 'string') return secrets.redact(value);
  if (depth > 6 || value === null || typeof value !== 'object') return value;
  if (value instanceof Error) {
    return {
      type: value.name,
      message: secrets.redact(value.message),
      ...(value.stack ? { stack: secrets.redact(value.stack) } : {}),
      ...((value as { status?: number }).status !== undefined
        ? { status: (value as { status?: number }).status }
        : {}),
    };
  }
  if (Array.isArray(value)) return value.map((v) => redactValue(v, secrets, depth + 1));
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k, redactValue(v, secrets, depth + 1)]),
  );
}

export function createAppLogger(level: LogLevel, secrets: SecretSet): Logger {
  return pino({
    level,
    name: 'aethr-app',
    hooks: {
      logMethod(args, method) {
        const clean = args.map((a) => redactValue(a, secrets)) as Parameters<typeof method>;
        method.apply(this, clean);
      },
    },
  });
}

/** A run's log for the handlers: people's lines as `info`/`warn`, with the run's fields. */
export function runLogOf(logger: Logger): RunLog {
  return {
    info: (m) => logger.info(m),
    notice: (m) => logger.info({ notice: true }, m),
    warning: (m) => logger.warn(m),
    async group(name, fn) {
      logger.info({ group: name }, name);
      return fn();
    },
  };
}
