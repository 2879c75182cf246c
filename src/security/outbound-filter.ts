/**
 * The last check on everything aethr posts or prints (comments, reviews, PR bodies, check runs,
 * step outputs, the job summary, log lines). Pure.
 *
 * - The run's real secrets (and their base64 and Basic-auth forms) are redacted, and so are known
 *   token shapes (GitHub, OpenAI/Anthropic, AWS, Slack, Google, private key blocks, JWTs, auth
 *   headers). Only secrets: ordinary environment values are never touched.
 * - When a secret or a token shape turns up in text the model wrote, the post is withheld: a short
 *   note goes out instead (aethr's hidden markers kept, so sticky comments are still found).
 * - Markdown images to hosts other than GitHub's own, links whose URL carries data (a query
 *   string, a long path) to other hosts, and raw `<img>`/`<picture>`/`<source>`/… tags are made
 *   inert: rendered as text, so nothing is fetched or leaked by viewing the page.
 * - Log lines that GitHub would read as workflow commands (`::set-output`, `::add-mask`,
 *   `::stop-commands`, `##[…]`) are broken.
 * Fenced code and inline code are left as they are (GitHub renders neither as an image or link).
 */

import { mapProse } from '../context/markdown-prose.js';

export const REDACTED = '[redacted]';

interface Shape {
  name: string;
  pattern: RegExp;
}

/** Token shapes redacted wherever they appear. Global regexes; keep them linear (no nested quantifiers). */
export const TOKEN_SHAPES: readonly Shape[] = [
  { name: 'GitHub token', pattern: /\bgh[pousr]_[A-Za-z0-9]{20,255}\b/g },
  { name: 'GitHub fine-grained token', pattern: /\bgithub_pat_[A-Za-z0-9_]{22,255}\b/g },
  {
    name: 'OpenAI/Anthropic key',
    pattern: /\bsk-(?:proj-|ant-|or-|svcacct-|admin-)?[A-Za-z0-9_-]{20,}/g,
  },
  { name: 'AWS access key id', pattern: /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/g },
  { name: 'Slack token', pattern: /\bxox[abposr]-[A-Za-z0-9-]{10,}/g },
  { name: 'Google API key', pattern: /\bAIza[0-9A-Za-z_-]{35}\b/g },
  {
    name: 'JWT',
    pattern: /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g,
  },
  {
    name: 'authorization header',
    pattern: /\b(authorization:\s*(?:basic|bearer|token)\s+)[A-Za-z0-9+/=._~-]{16,}/gi,
  },
];

const KEY_BEGIN = /-----BEGIN (?:[A-Z0-9]+ ){0,4}PRIVATE KEY-----/g;
const KEY_END = /-----END (?:[A-Z0-9]+ ){0,4}PRIVATE KEY-----/g;

function redactKeyBlocks(text: string, found: () => void): string {
  let out = '';
  let at = 0;
  KEY_BEGIN.lastIndex = 0;
  for (let begin = KEY_BEGIN.exec(text); begin; begin = KEY_BEGIN.exec(text)) {
    found();
    out += `${text.slice(at, begin.index)}${REDACTED}`;
    KEY_END.lastIndex = begin.index + begin[0].length;
    const end = KEY_END.exec(text);
    if (!end) return out;
    at = end.index + end[0].length;
    KEY_BEGIN.lastIndex = at;
  }
  return out + text.slice(at);
}

/** Secrets shorter than this are not redacted as text (they would match everywhere). */
const MIN_SECRET_LENGTH = 8;

/** Each secret, plus the encodings it travels in (base64, `x-access-token:` Basic auth). */
export function secretVariants(secrets: readonly (string | undefined)[]): string[] {
  const out = new Set<string>();
  for (const secret of secrets) {
    if (typeof secret !== 'string' || secret.trim().length < MIN_SECRET_LENGTH) continue;
    const s = secret.trim();
    out.add(s);
    out.add(Buffer.from(s, 'utf8').toString('base64'));
    out.add(Buffer.from(`x-access-token:${s}`, 'utf8').toString('base64'));
    out.add(encodeURIComponent(s));
  }
  // Longest first, so a secret containing another is redacted whole.
  return [...out].sort((a, b) => b.length - a.length);
}

export interface Redaction {
  text: string;
  /** How many secrets / shapes were replaced. */
  count: number;
  /** Which kinds were found: `run secret`, `GitHub token`, ... */
  kinds: string[];
}

/** Replaces the run's secrets and every token shape by `[redacted]`. */
export function redactSecretsAndTokens(text: string, secrets: readonly string[]): Redaction {
  let out = text;
  let count = 0;
  const kinds = new Set<string>();
  for (const secret of secretVariants(secrets)) {
    if (!out.includes(secret)) continue;
    const parts = out.split(secret);
    count += parts.length - 1;
    out = parts.join(REDACTED);
    kinds.add('run secret');
  }
  // Private key blocks: from BEGIN to its END (or the end of the text), found by indexOf (linear).
  out = redactKeyBlocks(out, () => {
    count++;
    kinds.add('private key');
  });
  for (const shape of TOKEN_SHAPES) {
    out = out.replace(shape.pattern, (match: string, prefix?: unknown) => {
      count++;
      kinds.add(shape.name);
      return typeof prefix === 'string' && match.startsWith(prefix)
        ? `${prefix}${REDACTED}`
        : REDACTED;
    });
  }
  return { text: out, count, kinds: [...kinds] };
}

// ---------------------------------------------------------------------------------------------
// Markdown that fetches or leaks

export interface LinkPolicy {
  /** Hosts whose images and links are kept (GitHub's own; add a GHES host). */
  allowHosts?: readonly string[];
}

const GITHUB_HOSTS = ['github.com', 'githubusercontent.com', 'github.io', 'githubassets.com'];

function hostOf(url: string): string | undefined {
  try {
    return new URL(url.trim().replace(/^<|>$/g, '')).hostname.toLowerCase();
  } catch {
    return undefined;
  }
}

function allowedHost(host: string | undefined, policy: LinkPolicy): boolean {
  if (host === undefined) return false;
  const allowed = [...GITHUB_HOSTS, ...(policy.allowHosts ?? []).map((h) => h.toLowerCase())];
  return allowed.some((a) => host === a || host.endsWith(`.${a}`));
}

/** Relative URLs (`#anchor`, `../file`) stay on GitHub: harmless. */
function isRelative(url: string): boolean {
  return !/^[a-z][a-z0-9+.-]*:|^\/\//i.test(url.trim().replace(/^</, ''));
}

/** A URL to another host that carries data: a query, a fragment with data, or a long path. */
function carriesData(url: string): boolean {
  try {
    const u = new URL(url.trim().replace(/^<|>$/g, ''));
    return u.search.length > 1 || u.hash.length > 16 || u.pathname.length > 64 || u.username !== '';
  } catch {
    return true;
  }
}

function inert(url: string): string {
  const host = hostOf(url) ?? 'an unreadable URL';
  return `\`${host}\``;
}

const RAW_MEDIA_TAG =
  /<\s*\/?\s*(img|picture|source|video|audio|iframe|object|embed|image|svg|link|meta|base|form|input)\b[^>]*>?/gi;
const IMAGE =
  /!\[((?:[^\]\\]|\\.){0,1000})\]\(\s*(<[^<>\n]{0,2048}>|[^\s()]*(?:\([^\s()]*\)[^\s()]*)*)(\s+(?:"[^"\n]{0,1000}"|'[^'\n]{0,1000}'|\([^()\n]{0,1000}\)))?\s*\)/g;
const LINK =
  /(?<!!)\[((?:[^\]\\]|\\.){0,1000})\]\(\s*(<[^<>\n]{0,2048}>|[^\s()]*(?:\([^\s()]*\)[^\s()]*)*)(\s+(?:"[^"\n]{0,1000}"|'[^'\n]{0,1000}'|\([^()\n]{0,1000}\)))?\s*\)/g;
const REF_DEFINITION = /^( {0,3}\[[^\]]{1,999}\]:\s*)(<[^<>\n]{0,2048}>|\S+)(.*)$/gm;
const BARE_URL = /\bhttps?:\/\/[^\s<>()[\]`'"]+/gi;

function neutraliseProse(text: string, policy: LinkPolicy): { text: string; count: number } {
  let count = 0;
  let out = text.replace(IMAGE, (match, alt: string, url: string) => {
    if (isRelative(url) || allowedHost(hostOf(url), policy)) return match;
    count++;
    return `(image not shown: ${inert(url)}${alt.trim() ? ` — ${alt.trim().slice(0, 100)}` : ''})`;
  });
  out = out.replace(LINK, (match, label: string, url: string) => {
    if (isRelative(url) || allowedHost(hostOf(url), policy) || !carriesData(url)) return match;
    count++;
    return `${label} (link removed: ${inert(url)})`;
  });
  out = out.replace(REF_DEFINITION, (match, lead: string, url: string) => {
    if (isRelative(url) || allowedHost(hostOf(url), policy)) return match;
    count++;
    return `${lead}#link-removed`;
  });
  out = out.replace(RAW_MEDIA_TAG, (tag: string) => {
    const src = /\b(?:src|srcset|href|data)\s*=\s*["']?([^"'\s>]+)/i.exec(tag)?.[1];
    if (src && /^<\s*img\b/i.test(tag) && allowedHost(hostOf(src), policy)) return tag;
    count++;
    return tag.replace(/</g, '&lt;');
  });
  out = out.replace(BARE_URL, (url: string, offset: number, whole: string) => {
    // Inside an already-handled construct, or fine as it is.
    if (whole[offset - 1] === '(' || whole[offset - 1] === '<' || whole[offset - 1] === '`')
      return url;
    if (allowedHost(hostOf(url), policy) || !carriesData(url)) return url;
    count++;
    return inert(url);
  });
  return { text: out, count };
}

/** Makes images, data-carrying links and raw media tags to non-GitHub hosts inert. */
export function neutraliseExfiltration(
  text: string,
  policy: LinkPolicy = {},
): { text: string; count: number } {
  let count = 0;
  const out = mapProse(text, (prose) => {
    const done = neutraliseProse(prose, policy);
    count += done.count;
    return done.text;
  });
  return { text: out, count };
}

/** Breaks workflow commands (`::cmd`, `##[cmd]`) at line starts, so a log line cannot run one. */
export function neutraliseWorkflowCommands(text: string): string {
  return text.replace(/^(\s*)(::|##\[)/gm, (_m, space: string, cmd: string) =>
    cmd === '::' ? `${space}:\u200b:` : `${space}#\u200b#[`,
  );
}

// ---------------------------------------------------------------------------------------------
// The filter

export interface OutboundOptions extends LinkPolicy {
  /** The run's real secrets (see collectSecrets). */
  secrets: readonly string[];
  /**
   * `withhold` (default, for anything the model may have written): a secret or token shape
   * replaces the whole post by a note. `redact`: replace just the secret (aethr's own messages).
   */
  onSecret?: 'withhold' | 'redact';
  /** What is being posted, for the note (`review comment`, `summary comment`). */
  what?: string;
}

export type OutboundResult =
  | { kind: 'sent'; text: string; redacted: number; neutralised: number }
  | { kind: 'withheld'; text: string; reason: string; kinds: string[] };

/** aethr's hidden marker lines (sticky summary, finding fingerprints) survive a withheld post. */
const MARKER_LINE = /^<!-- aethr:[a-z]+(?: [^\n]*?)? -->$/gm;

export function filterOutbound(text: string, options: OutboundOptions): OutboundResult {
  const redaction = redactSecretsAndTokens(text, options.secrets);
  if (redaction.count > 0 && (options.onSecret ?? 'withhold') === 'withhold') {
    const markers = text.match(MARKER_LINE) ?? [];
    const reason = `it contained what looks like a secret (${redaction.kinds.join(', ')})`;
    const note = [
      `> [!WARNING]`,
      `> aethr withheld this ${options.what ?? 'post'}: ${reason}. Nothing of it was posted; see the run log.`,
      ...(markers.length ? ['', ...markers] : []),
    ].join('\n');
    return { kind: 'withheld', text: note, reason, kinds: redaction.kinds };
  }
  const neutral = neutraliseExfiltration(redaction.text, options);
  return {
    kind: 'sent',
    text: neutral.text,
    redacted: redaction.count,
    neutralised: neutral.count,
  };
}

/** For log lines, outputs and the job summary: redact (never withhold), break workflow commands. */
export function filterLogText(text: string, secrets: readonly string[]): string {
  return neutraliseWorkflowCommands(redactSecretsAndTokens(text, secrets).text);
}

// ---------------------------------------------------------------------------------------------
// Which values are secrets

const SECRET_ENV_NAME = /(^|_)(API_KEY|TOKEN|SECRET|PASSWORD|PRIVATE_KEY|ACCESS_KEY)$/i;

/**
 * The run's real secrets — not every environment value: the GitHub token (input and env), provider
 * keys (`*_API_KEY`), `*_TOKEN`/`*_SECRET`/`*_PASSWORD` variables, secret-named inputs, and values
 * registered as secrets (`core.setSecret`). Short values (under 8 characters) are left out: they
 * cannot be told from ordinary words.
 */
export function collectSecrets(
  env: Readonly<Record<string, string | undefined>>,
  inputs: Readonly<Record<string, string | undefined>> = {},
  registered: readonly string[] = [],
): string[] {
  const out = new Set<string>();
  const add = (value: string | undefined): void => {
    if (typeof value === 'string' && value.trim().length >= MIN_SECRET_LENGTH)
      out.add(value.trim());
  };
  for (const [name, value] of Object.entries(env)) {
    const bare = name.startsWith('INPUT_') ? name.slice(6).replace(/-/g, '_') : name;
    if (SECRET_ENV_NAME.test(bare) || bare === 'GITHUB_TOKEN') add(value);
  }
  for (const [name, value] of Object.entries(inputs))
    if (SECRET_ENV_NAME.test(name.replace(/-/g, '_')) || /token|key|secret/i.test(name)) add(value);
  for (const value of registered) add(value);
  return [...out];
}
