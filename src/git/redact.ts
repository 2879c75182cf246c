/**
 * Keeps credentials out of messages built from git's output. Push URLs may carry a token
 * (`https://x-access-token:<token>@github.com/o/r.git`), and git echoes URLs in its errors. Pure.
 */

export const REDACTED = '***';

// scheme://user:password@host  and  scheme://token@host
const URL_USERINFO = /\b([a-z][a-z0-9+.-]*:\/\/)[^\s/@'"]+@/gi;
// GitHub token shapes (classic, fine-grained, app installation, OAuth, refresh).
const GITHUB_TOKENS = /\b(?:gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,})\b/g;
// `Authorization: basic|bearer <value>` as set by actions/checkout's http.extraheader.
const AUTH_HEADER = /\b(authorization:\s*(?:basic|bearer|token)\s+)[^\s'"]+/gi;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Removes URL credentials, token shapes and the given secrets from `text`. */
export function redactGitText(
  text: string,
  secrets: ReadonlyArray<string | undefined> = [],
): string {
  let out = String(text ?? '');
  const known = [
    ...new Set(secrets.filter((s): s is string => typeof s === 'string' && s.length >= 4)),
  ].sort((a, b) => b.length - a.length);
  for (const secret of known) out = out.replace(new RegExp(escapeRegExp(secret), 'g'), REDACTED);
  return out
    .replace(URL_USERINFO, `$1${REDACTED}@`)
    .replace(GITHUB_TOKENS, REDACTED)
    .replace(AUTH_HEADER, `$1${REDACTED}`);
}

/**
 * The secret parts of a URL's user info, to redact verbatim wherever they appear (encoded and
 * decoded): the password, and the user name when it looks like a token (20+ characters).
 */
export function urlSecrets(url: string | undefined): string[] {
  if (!url) return [];
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return [];
  }
  const parts = [parsed.password];
  if (parsed.username.length >= 20) parts.push(parsed.username);
  const out: string[] = [];
  for (const part of parts) {
    if (part === '') continue;
    out.push(part);
    try {
      out.push(decodeURIComponent(part));
    } catch {
      // keep the encoded form only
    }
  }
  return [...new Set(out)];
}

/** A URL fit for messages: credentials removed. */
export function redactUrl(url: string): string {
  return redactGitText(url, urlSecrets(url));
}
