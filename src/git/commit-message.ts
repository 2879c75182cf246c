/**
 * Commit messages for follow-up commits. Pure.
 *
 * `aethr(<step>): <one line> (iteration i/n)` plus an `Aethr-Run: <url>` trailer. The one line
 * usually comes from a model, so it is data: control characters, line breaks and bidi controls
 * are removed, whitespace is collapsed, and it is cut to {@link MAX_ONE_LINE} characters.
 */

export interface CommitMessage {
  subject: string;
  body?: string;
  trailers?: Record<string, string>;
}

/** The one-line summary is cut to this many characters (the cut ends in `…`). */
export const MAX_ONE_LINE = 72;
/** A body longer than this is cut (commit bodies are for people, not transcripts). */
export const MAX_BODY = 4000;
/** Used when the model gave no usable summary. */
export const DEFAULT_ONE_LINE = 'apply review feedback';

// C0/C1 controls (tab and newlines included), DEL, line/paragraph separators, bidi embeddings,
// overrides and isolates, zero-width characters and the BOM: none belongs in a subject line.
const UNSAFE_INLINE =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\u200b-\u200f\u061c\ufeff]/g;
// The same, but line feeds survive (for bodies).
const UNSAFE_BODY =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\u200b-\u200f\u061c\ufeff]/g;

/** One line of text: unsafe characters become spaces, whitespace runs collapse, ends trimmed. */
export function sanitizeOneLine(text: string): string {
  return String(text ?? '')
    .replace(UNSAFE_INLINE, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Multi-line text: CRLF/CR become LF, other unsafe characters are removed, trailing blanks trimmed. */
export function sanitizeBody(text: string): string {
  return String(text ?? '')
    .replace(/\r\n?/g, '\n')
    .replace(UNSAFE_BODY, (ch) => (ch === '\t' ? '  ' : ''))
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * Cuts `text` to at most `max` characters (code points), at a word boundary when one is close,
 * ending in `…` when anything was cut.
 */
export function cutLine(text: string, max: number): string {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  const room = Math.max(1, max - 1);
  let cut = chars.slice(0, room).join('');
  const space = cut.lastIndexOf(' ');
  if (space >= Math.floor(room * 0.6)) cut = cut.slice(0, space);
  return `${cut.replace(/[\s.,;:!?-]+$/u, '')}…`;
}

/** A step id fit for `aethr(<step>)`: letters, digits, `.`, `_`, `-`; anything else becomes `-`. */
export function sanitizeStepId(step: string): string {
  const clean = sanitizeOneLine(step)
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  return clean === '' ? 'implement' : clean;
}

/** A trailer key as git expects it: letters, digits and `-`, not starting with `-`. */
export function isTrailerKey(key: string): boolean {
  return /^[A-Za-z0-9][A-Za-z0-9-]*$/.test(key);
}

/**
 * `aethr(<step>): <one line> (iteration i/n)`, with the run linked in an `Aethr-Run` trailer.
 * When the one line had to be cut, the whole (sanitized) text becomes the body.
 */
export function formatCommitMessage(
  step: string,
  oneLine: string,
  iteration: number,
  max: number,
  runUrl?: string,
): CommitMessage & { trailers: Record<string, string> } {
  const i = Number.isInteger(iteration) && iteration > 0 ? iteration : 1;
  const n = Number.isInteger(max) && max >= i ? max : i;
  const full = sanitizeOneLine(oneLine);
  const summary = full === '' ? DEFAULT_ONE_LINE : cutLine(full, MAX_ONE_LINE);
  const subject = `aethr(${sanitizeStepId(step)}): ${summary} (iteration ${i}/${n})`;
  const trailers: Record<string, string> = {};
  const run = runUrl === undefined ? '' : sanitizeOneLine(runUrl).replace(/\s+/g, '');
  if (run !== '') trailers['Aethr-Run'] = run;
  const message: CommitMessage & { trailers: Record<string, string> } = { subject, trailers };
  if (full !== '' && summary !== full) message.body = cutLine(full, MAX_BODY);
  return message;
}

/**
 * The full text handed to `git commit -F -`: subject, blank line, body, blank line, trailers.
 * Every part is sanitized again here (callers may pass their own text); trailers with an invalid
 * key or an empty value are dropped.
 */
export function renderCommitMessage(message: CommitMessage): string {
  const subject = cutLine(sanitizeOneLine(message.subject), 200) || DEFAULT_ONE_LINE;
  const body = message.body === undefined ? '' : cutLine(sanitizeBody(message.body), MAX_BODY);
  const trailers = Object.entries(message.trailers ?? {})
    .filter(([key]) => isTrailerKey(key))
    .map(([key, value]) => [key, sanitizeOneLine(value)] as const)
    .filter(([, value]) => value !== '')
    .map(([key, value]) => `${key}: ${value}`);
  const parts = [subject];
  // A body whose last paragraph looks like trailers would merge with ours; that is harmless.
  if (body !== '') parts.push(body);
  if (trailers.length > 0) parts.push(trailers.join('\n'));
  return `${parts.join('\n\n')}\n`;
}

/**
 * `aethr(task k/N): <task>` for a milestone task (one commit per task), with the acceptance lines
 * as the body and the run linked in an `Aethr-Run` trailer. The task text is an issue author's:
 * it is sanitised like any one line.
 */
export function formatTaskCommitMessage(
  task: { number: number; total: number; text: string; acceptance?: readonly string[] },
  runUrl?: string,
): CommitMessage & { trailers: Record<string, string> } {
  const full = sanitizeOneLine(task.text);
  const summary = full === '' ? DEFAULT_ONE_LINE : cutLine(full, MAX_ONE_LINE);
  const trailers: Record<string, string> = {};
  const run = runUrl === undefined ? '' : sanitizeOneLine(runUrl).replace(/\s+/g, '');
  if (run !== '') trailers['Aethr-Run'] = run;
  const body = [
    ...(summary !== full ? [full] : []),
    ...(task.acceptance ?? []).map((line) => `Acceptance: ${sanitizeOneLine(line)}`),
  ].join('\n');
  return {
    subject: `${taskSubjectPrefix(task.number, task.total)} ${summary}`,
    trailers,
    ...(body !== '' ? { body: cutLine(body, MAX_BODY) } : {}),
  };
}

/** `aethr(task k/N):`, the start of a task commit's subject. */
export function taskSubjectPrefix(number: number, total: number): string {
  return `aethr(task ${number}/${total}):`;
}
