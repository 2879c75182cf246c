/**
 * Markdown mechanics shared by the comment parsers and renderers: where fenced code blocks and
 * inline code spans are, how long a fence must be to hold a text, and how to make untrusted text
 * (model output, comment bodies, file names) safe to put in a GitHub comment.
 *
 * The scanners follow CommonMark (https://spec.commonmark.org/0.31.2/#fenced-code-blocks,
 * #code-spans) closely enough for the two questions we ask: "is this line code?" and "can this text
 * break out of where we put it?". When the answer is uncertain, each caller picks the safe side.
 */

export const ZERO_WIDTH_SPACE = '\u200B';
/** U+2060 WORD JOINER: invisible, and GitHub does not link `@\u2060name` as a mention. */
export const WORD_JOINER = '\u2060';

export type LineKind = 'text' | 'fence' | 'code';

export interface Fence {
  char: '`' | '~';
  length: number;
  /** Columns of indentation before the opening fence (tabs count to the next multiple of 4). */
  indent: number;
}

export interface FenceScan {
  /** Per line: prose (`text`), a fence line (opening or closing), or a line inside a fence. */
  kinds: LineKind[];
  /** Per line: the fence a `code` line (or closing `fence` line) belongs to. */
  fences: (Fence | undefined)[];
  /** The fence still open after the last line, if any. */
  open: Fence | undefined;
}

/** Splits text into lines, accepting CRLF and CR line ends (comment bodies from GitHub use CRLF). */
export function splitLines(text: string): string[] {
  return text.replace(/\r\n?/g, '\n').split('\n');
}

/** Indentation in columns, tabs expanded to the next multiple of 4 as CommonMark does. */
export function indentOf(line: string): number {
  let columns = 0;
  for (const ch of line) {
    if (ch === ' ') columns += 1;
    else if (ch === '\t') columns += 4 - (columns % 4);
    else break;
  }
  return columns;
}

const OPENER = /^[ \t]*(`{3,}|~{3,})(.*)$/;
const CLOSER = /^[ \t]*(`{3,}|~{3,})[ \t]*$/;

/**
 * Classifies lines as prose, fence lines or code. `maxIndent` is how far an opening fence may be
 * indented: 3 is CommonMark's rule for top-level fences; a larger value also treats fences nested
 * in list items as fences (used where seeing too much code is the safe mistake).
 */
export function scanFences(
  lines: readonly string[],
  options: { maxIndent?: number } = {},
): FenceScan {
  const maxIndent = options.maxIndent ?? 3;
  const kinds: LineKind[] = [];
  const fences: (Fence | undefined)[] = [];
  let open: Fence | undefined;
  for (const line of lines) {
    if (open) {
      const close = CLOSER.exec(line);
      const run = close?.[1];
      if (
        run &&
        run[0] === open.char &&
        run.length >= open.length &&
        indentOf(line) <= 3 + open.indent
      ) {
        kinds.push('fence');
        fences.push(open);
        open = undefined;
      } else {
        kinds.push('code');
        fences.push(open);
      }
      continue;
    }
    const opener = OPENER.exec(line);
    const run = opener?.[1];
    const info = opener?.[2] ?? '';
    // A backtick fence's info string cannot contain a backtick: "```a```" is inline code.
    if (run && indentOf(line) <= maxIndent && !(run[0] === '`' && info.includes('`'))) {
      open = { char: run[0] === '`' ? '`' : '~', length: run.length, indent: indentOf(line) };
      kinds.push('fence');
      fences.push(open);
      continue;
    }
    kinds.push('text');
    fences.push(undefined);
  }
  return { kinds, fences, open };
}

/** The longest run of `char` in `text`. */
export function longestRun(text: string, char: string): number {
  let longest = 0;
  let current = 0;
  for (const ch of text) {
    current = ch === char ? current + 1 : 0;
    if (current > longest) longest = current;
  }
  return longest;
}

/** A backtick fence that no backtick run inside `content` can close (at least three long). */
export function fenceFor(content: string): string {
  return '`'.repeat(Math.max(3, longestRun(content, '`') + 1));
}

/** `content` as a fenced code block whose fence the content cannot close. */
export function fencedBlock(content: string, info = ''): string {
  const fence = fenceFor(content);
  const body = content.replace(/\r\n?/g, '\n').replace(/\n$/, '');
  // An empty block has no line at all (for a suggestion: "delete these lines").
  return content === '' ? `${fence}${info}\n${fence}` : `${fence}${info}\n${body}\n${fence}`;
}

/** Inline code for an arbitrary one-line string (file names): backtick run chosen to fit. */
export function codeSpan(text: string): string {
  const flat = text.replace(/[\r\n]+/g, ' ');
  const ticks = '`'.repeat(longestRun(flat, '`') + 1);
  // CommonMark strips one space on each side when both are present; add them when needed.
  const pad = flat.startsWith('`') || flat.endsWith('`') || /^ .* $/.test(flat) ? ' ' : '';
  return `${ticks}${pad}${flat}${pad}${ticks}`;
}

/**
 * Half-open [start, end) ranges of inline code spans in one paragraph (CommonMark: a backtick run
 * opens a span closed by the next run of exactly the same length; unmatched runs are literal; a
 * backslash escapes a backtick only outside a span). Spans never cross a blank line, so callers
 * pass one paragraph at a time.
 */
export function inlineCodeRanges(paragraph: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  let i = 0;
  while (i < paragraph.length) {
    const ch = paragraph[i];
    if (ch === '\\') {
      i += 2;
      continue;
    }
    if (ch !== '`') {
      i += 1;
      continue;
    }
    let length = 0;
    while (paragraph[i + length] === '`') length += 1;
    const close = findRun(paragraph, i + length, length);
    if (close === -1) {
      i += length;
      continue;
    }
    ranges.push([i, close + length]);
    i = close + length;
  }
  return ranges;
}

function findRun(text: string, from: number, length: number): number {
  let i = from;
  while (i < text.length) {
    if (text[i] !== '`') {
      i += 1;
      continue;
    }
    let run = 0;
    while (text[i + run] === '`') run += 1;
    if (run === length) return i;
    i += run;
  }
  return -1;
}

/** Groups consecutive non-blank prose lines into paragraphs: [first line index, last + 1). */
export function paragraphs(
  lines: readonly string[],
  kinds: readonly LineKind[],
): Array<[number, number]> {
  const result: Array<[number, number]> = [];
  let start = -1;
  for (let i = 0; i <= lines.length; i++) {
    const prose = i < lines.length && kinds[i] === 'text' && (lines[i] ?? '').trim() !== '';
    if (prose && start === -1) start = i;
    if (!prose && start !== -1) {
      result.push([start, i]);
      start = -1;
    }
  }
  return result;
}

const MENTION = /(^|[^A-Za-z0-9_`])@(?=[A-Za-z0-9])/g;
// HTML blocks that run until a closing tag rather than a blank line (CommonMark type 1).
const RAW_HTML_BLOCK = /^([ \t]{0,3})<(?=(?:script|pre|style|textarea)\b)/i;

/** Breaks `<!--` and `-->` with an invisible character: no hidden text, no forged markers. */
function breakHtmlComments(text: string): string {
  return text
    .replaceAll('<!--', `<!-${ZERO_WIDTH_SPACE}-`)
    .replaceAll('-->', `-${ZERO_WIDTH_SPACE}->`);
}

function neutraliseMentions(text: string): string {
  return text.replace(MENTION, (_match, before: string) => `${before}@${WORD_JOINER}`);
}

/** Escapes one paragraph of prose, leaving inline code spans as written (apart from comments). */
function escapeParagraph(paragraph: string): string {
  const ranges = inlineCodeRanges(paragraph);
  let out = '';
  let at = 0;
  for (const [start, end] of ranges) {
    out += neutraliseMentions(paragraph.slice(at, start)) + paragraph.slice(start, end);
    at = end;
  }
  out += neutraliseMentions(paragraph.slice(at));
  return breakHtmlComments(out)
    .split('\n')
    .map((line) => line.replace(RAW_HTML_BLOCK, '$1&lt;'))
    .join('\n');
}

/**
 * Makes model- or user-provided Markdown safe to embed in a comment we post:
 * - HTML comments are broken (a zero-width space after `<!-`), so text can neither hide content nor forge our markers;
 * - `@mentions` get an invisible word joiner so nobody is pinged;
 * - raw `<script>`/`<pre>`/`<style>`/`<textarea>` blocks, which would swallow what follows, are
 *   shown as text;
 * - a fence the text leaves open is closed, so nothing after it (our markers, our sections) is
 *   swallowed into a code block.
 * Fenced code is kept verbatim (mentions do not ping inside it), except lines indented less than
 * their opening fence: if that fence sat in a list item, the renderer has already closed it, so
 * those lines are escaped like prose.
 */
export function escapeCommentText(text: string): string {
  const lines = splitLines(text);
  const scan = scanFences(lines);
  const out = [...lines];
  for (const [start, end] of paragraphs(lines, scan.kinds)) {
    const escaped = escapeParagraph(lines.slice(start, end).join('\n')).split('\n');
    for (let i = start; i < end; i++) out[i] = escaped[i - start] ?? '';
  }
  for (let i = 0; i < lines.length; i++) {
    const fence = scan.fences[i];
    const line = lines[i] ?? '';
    if (scan.kinds[i] === 'code' && fence && line.trim() !== '' && indentOf(line) < fence.indent) {
      out[i] = escapeParagraph(line);
    }
  }
  if (scan.open) {
    out.push(' '.repeat(scan.open.indent) + scan.open.char.repeat(scan.open.length));
  }
  return out.join('\n');
}

/** One-line variant for titles and headings: newlines become spaces, no fence handling. */
export function escapeInlineText(text: string): string {
  const flat = text.replace(/\s*[\r\n]+\s*/g, ' ').trim();
  return breakHtmlComments(neutraliseMentions(flat)).replace(
    /^<(?=(?:script|pre|style|textarea)\b)/i,
    '&lt;',
  );
}

/** Text for a GFM table cell: one line, and `|` escaped (GFM splits cells even inside code spans). */
export function escapeTableCell(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').replace(/\\?\|/g, '\\|');
}

/**
 * Cuts Markdown to at most `max` characters at a line boundary, closes a fence the cut left open
 * and appends `note` (which counts toward `max`).
 */
export function truncateMarkdown(text: string, max: number, note = '… (truncated)'): string {
  if (text.length <= max) return text;
  let limit = Math.max(0, max - note.length - 2);
  // Never leave half a surrogate pair.
  if (limit > 0 && /[\uD800-\uDBFF]/.test(text[limit - 1] ?? '')) limit -= 1;
  const cutAt = text.lastIndexOf('\n', limit);
  let kept = text.slice(0, cutAt > 0 ? cutAt : limit);
  for (;;) {
    const open = scanFences(splitLines(kept)).open;
    const close = open ? `\n${' '.repeat(open.indent)}${open.char.repeat(open.length)}` : '';
    if (kept.length + close.length + 2 + note.length <= max || kept === '') {
      return `${kept}${close}\n\n${note}`.slice(0, max);
    }
    // Drop whole lines until the closing fence fits too.
    const back = kept.lastIndexOf('\n');
    kept = back > 0 ? kept.slice(0, back) : '';
  }
}

const ATX_HEADING = /^( {0,3})(#{1,6})(?=[ \t]|$)/;
const SETEXT_UNDERLINE = /^ {0,3}(=+|-+)[ \t]*$/;

/**
 * Headings outside code raised to at least level `min` (`# Title` → `#### Title` for 4), so
 * embedded text never outranks the headings of the comment around it. Setext headings
 * (a line underlined with `===` or `---`) become ATX headings of that level.
 */
export function demoteHeadings(text: string, min: number): string {
  const lines = splitLines(text);
  const { kinds } = scanFences(lines);
  const hashes = '#'.repeat(Math.min(6, Math.max(1, min)));
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (kinds[i] !== 'text') {
      out.push(line);
      continue;
    }
    const atx = ATX_HEADING.exec(line);
    if (atx) {
      const level = Math.max(atx[2]!.length, hashes.length);
      out.push(`${atx[1]}${'#'.repeat(Math.min(6, level))}${line.slice(atx[0].length)}`);
      continue;
    }
    const previous = out[out.length - 1];
    if (
      SETEXT_UNDERLINE.test(line) &&
      previous !== undefined &&
      previous.trim() !== '' &&
      kinds[i - 1] === 'text' &&
      !ATX_HEADING.test(previous) &&
      !/^\s*([-*+]|\d+[.)]|>)(\s|$)/.test(previous)
    ) {
      const level = Math.max(line.trim().startsWith('=') ? 1 : 2, hashes.length);
      out[out.length - 1] = `${'#'.repeat(Math.min(6, level))} ${previous.trim()}`;
      continue;
    }
    out.push(line);
  }
  return out.join('\n');
}
