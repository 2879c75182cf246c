/**
 * Sanitises attacker-controlled text (PR titles, bodies, comments) before it reaches a prompt:
 * removes what a human reading the PR on GitHub would not see but a model would.
 * Pure; no I/O.
 */

/**
 * Invisible or direction-changing characters:
 * zero-width and directional marks U+200B–U+200F, bidi embeddings/overrides U+202A–U+202E,
 * word joiner and invisible operators U+2060–U+2064, bidi isolates U+2066–U+2069, BOM U+FEFF,
 * soft hyphen U+00AD, Mongolian vowel separator U+180E, and Unicode tag characters
 * U+E0000–U+E007F (invisible "ASCII smuggling").
 */
const INVISIBLE =
  /[\u00AD\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF\u{E0000}-\u{E007F}]/gu;

/** C0/C1 control characters except tab and newline (carriage returns are normalised first). */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

/** HTML comments, including one left open until the end of the text. */
const HTML_COMMENT = /<!--[\s\S]*?(?:-->|$)/g;

/** Four or more blank (or whitespace-only) lines in a row. */
const MANY_BLANK_LINES = /\n(?:[ \t]*\n){4,}/g;

/** Removes HTML comments `<!-- … -->` (an unterminated one runs to the end of the text). */
export function stripHtmlComments(text: string): string {
  return text.replace(HTML_COMMENT, '');
}

/** Removes zero-width, bidi-control and other invisible characters. */
export function stripInvisibleChars(text: string): string {
  return text.replace(INVISIBLE, '');
}

/**
 * Makes untrusted text safe to show a model next to trusted instructions:
 * normalises line endings, drops control and invisible characters (first, so they cannot hide
 * a comment opener such as `<\u200B!--`), removes HTML comments, collapses runs of more than
 * three blank lines into one, and trims trailing whitespace. Visible text is otherwise kept.
 */
export function sanitizeUntrustedText(text: string): string {
  let s = text.replace(/\r\n?/g, '\n');
  s = s.replace(CONTROL, '');
  s = stripInvisibleChars(s);
  s = stripHtmlComments(s);
  s = s.replace(MANY_BLANK_LINES, '\n\n');
  // trimEnd, not a `\s+$` regex: that is quadratic on long inner runs of whitespace.
  return s.trimEnd();
}
