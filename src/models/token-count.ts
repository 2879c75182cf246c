/**
 * Token counting in linear time, whatever the text. Pure; the tokenizer comes in as a function.
 *
 * A BPE tokenizer first pre-splits text into chunks with a regular expression (words with one
 * leading space or punctuation mark, runs of up to three digits, runs of punctuation, runs of
 * whitespace), then merges each chunk's bytes. The merge step is super-linear in a chunk's
 * length: gpt-tokenizer takes about 0.6 s on a 40,000-character run of one letter and 70–100 s on
 * 300 KB of lines made only of spaces (a whitespace run across lines is one chunk). Minified files,
 * base64 blobs and blank-line floods in a pull request are attacker input, so no chunk longer than
 * MAX_RUN characters ever reaches the tokenizer:
 *
 * - The text is cut only at split points: a space followed by a character that is not
 *   whitespace, and preceded by one that is not whitespace or by a newline. At such a point both
 *   encodings' pre-split (o200k_base and cl100k_base, as gpt-tokenizer writes them) end a chunk
 *   whether or not the text goes on, and start the next one the same way, so the counts of the
 *   pieces add up to the count of the whole, exactly (a test checks it on generated texts).
 * - A stretch between two split points longer than MAX_RUN characters is counted as its UTF-8
 *   bytes: every token of these encodings stands for at least one byte, so that is never below
 *   its true count. Everything else is counted exactly, in as few calls as possible.
 *
 * So the result is exact for ordinary text and an upper bound for pathological text, and the work
 * is linear in the length.
 */

/** Longest stretch without a split point that is given to the tokenizer (longer: counted as bytes). */
export const MAX_RUN = 512;

/** JavaScript's `\s` (what the tokenizers' patterns mean by whitespace). */
function isWhitespace(code: number): boolean {
  return (
    code === 0x20 ||
    (code >= 0x09 && code <= 0x0d) ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** Whether the tokenizers' pre-split always ends a chunk right before index `p` of `text`. */
export function isSplitPoint(text: string, p: number): boolean {
  if (p <= 0 || p + 1 >= text.length || text.charCodeAt(p) !== 0x20) return false;
  if (isWhitespace(text.charCodeAt(p + 1))) return false;
  const before = text.charCodeAt(p - 1);
  return before === 0x0a || !isWhitespace(before);
}

/**
 * Tokens of `text` by `count` (an exact tokenizer count), with every stretch of more than
 * `maxRun` characters between split points counted as its UTF-8 bytes instead.
 */
export function boundedTokenCount(
  text: string,
  count: (text: string) => number,
  maxRun: number = MAX_RUN,
): number {
  if (text.length <= maxRun) return text === '' ? 0 : count(text);
  let total = 0;
  let exactFrom = 0; // start of the stretch still to count exactly
  let last = 0; // the latest split point (or the start)
  const longStretch = (end: number): void => {
    if (last > exactFrom) total += count(text.slice(exactFrom, last));
    total += Buffer.byteLength(text.slice(last, end), 'utf8');
    exactFrom = end;
  };
  for (let p = text.indexOf(' ', 1); p !== -1; p = text.indexOf(' ', p + 1)) {
    if (!isSplitPoint(text, p)) continue;
    if (p - last > maxRun) longStretch(p);
    last = p;
  }
  if (text.length - last > maxRun) longStretch(text.length);
  if (exactFrom < text.length) total += count(text.slice(exactFrom));
  return total;
}
