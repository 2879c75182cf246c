/**
 * Secret redaction for every message that leaves the models layer (errors, hints, call records).
 *
 * Two layers: the exact secrets we know (the API keys in play), and common key shapes (`sk-…`,
 * `xai-…`, `AIza…`, `Bearer …`) so a key echoed back by a provider in some other form is hidden too.
 */

export const REDACTED = '[redacted]';

/** Secrets shorter than this are not replaced verbatim (they would mangle ordinary words). */
const MIN_SECRET_LENGTH = 6;

const KEY_SHAPES: RegExp[] = [
  // OpenAI (sk-, sk-proj-), Anthropic (sk-ant-), OpenRouter (sk-or-), including masked forms (sk-abc***xyz)
  /\bsk-[A-Za-z0-9_*.-]{8,}/g,
  /\bxai-[A-Za-z0-9_*-]{8,}/g,
  // Google API keys
  /\bAIza[A-Za-z0-9_-]{20,}/g,
  // Authorization header values
  /\b(Bearer)\s+[A-Za-z0-9._~+/=*-]{8,}/gi,
  // key=... in query strings
  /([?&](?:api[-_]?key|key|token|access_token)=)[^&\s"']+/gi,
];

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Replaces every occurrence of each secret (and anything shaped like an API key) with `[redacted]`.
 * `undefined`/short secrets are ignored. Pure; safe on any input.
 */
export function redactSecrets(
  text: string,
  secrets: ReadonlyArray<string | undefined> = [],
): string {
  let out = String(text);
  const known = [...new Set(secrets.filter((s): s is string => typeof s === 'string'))]
    .map((s) => s.trim())
    .filter((s) => s.length >= MIN_SECRET_LENGTH)
    // Longest first, so a key that contains another key is replaced whole.
    .sort((a, b) => b.length - a.length);
  for (const secret of known) {
    out = out.replace(new RegExp(escapeRegExp(secret), 'g'), REDACTED);
  }
  for (const shape of KEY_SHAPES) {
    out = out.replace(shape, (match: string, prefix?: string) => {
      if (typeof prefix === 'string' && prefix.length > 0 && match.startsWith(prefix)) {
        return `${prefix}${prefix.endsWith('=') ? '' : ' '}${REDACTED}`;
      }
      return REDACTED;
    });
  }
  return out;
}

/** A URL fit for messages: user info and secret-looking query parameters removed. */
export function redactURL(
  url: string | undefined,
  secrets: ReadonlyArray<string | undefined> = [],
): string {
  if (!url) return '(none)';
  let shown = url;
  try {
    const parsed = new URL(url);
    if (parsed.username || parsed.password) {
      parsed.username = '';
      parsed.password = '';
      shown = parsed.toString();
    }
  } catch {
    // Not a URL: show it as given (redacted below).
  }
  return redactSecrets(shown, secrets);
}
