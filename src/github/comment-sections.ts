/**
 * Comment bodies within a size limit: parts joined by blank lines, where a `Section`'s items are
 * dropped from the bottom (most droppable section first) with a line saying how many were left
 * out, and a cut never falls inside a marker or a fence. Pure.
 */
import { truncateMarkdown } from './markdown.js';

/** A block whose items may be dropped from the bottom, most droppable (lowest `keep`) first. */
export interface Section {
  keep: number;
  head: string;
  items: string[];
  /** Between the head and items, and between items: `\n` for rows and lists, `\n\n` for blocks. */
  separator?: string;
  more: (count: number) => string;
  tail?: string;
}

export type Part = string | Section;

function sectionText(section: Section, shown: number): string {
  const dropped = section.items.length - shown;
  const lines = [section.head, ...section.items.slice(0, shown)];
  if (dropped > 0) lines.push(section.more(dropped));
  if (section.tail) lines.push(section.tail);
  return lines.join(section.separator ?? '\n');
}

/** `sectionText(section, shown).length` without building the text; `prefix[k]` sums item lengths. */
function sectionLength(section: Section, shown: number, prefix: readonly number[]): number {
  const separator = (section.separator ?? '\n').length;
  const dropped = section.items.length - shown;
  let length = section.head.length + (prefix[shown] ?? 0) + shown * separator;
  if (dropped > 0) length += separator + section.more(dropped).length;
  if (section.tail) length += separator + section.tail.length;
  return length;
}

/** The parts joined by blank lines, at most `max` characters. */
export function assemble(parts: readonly Part[], max: number): string {
  const shown = parts.map((part) => (typeof part === 'string' ? 0 : part.items.length));
  const render = (): string =>
    parts
      .map((part, i) => (typeof part === 'string' ? part : sectionText(part, shown[i] ?? 0)))
      .filter((text) => text !== '')
      .join('\n\n');
  let length = render().length;
  // Drop items one at a time from the most droppable section, tracking the length arithmetically
  // (re-rendering per dropped row would be quadratic on a PR with thousands of findings).
  const order = parts
    .map((part, i) => ({ part, i }))
    .filter((entry): entry is { part: Section; i: number } => typeof entry.part !== 'string')
    .sort((a, b) => a.part.keep - b.part.keep || b.i - a.i);
  for (const { part, i } of order) {
    const prefix = [0];
    for (const item of part.items) prefix.push((prefix[prefix.length - 1] ?? 0) + item.length);
    while (length > max && (shown[i] ?? 0) > 0) {
      const before = sectionLength(part, shown[i] ?? 0, prefix);
      shown[i] = (shown[i] ?? 0) - 1;
      length += sectionLength(part, shown[i] ?? 0, prefix) - before;
    }
    if (length <= max) break;
  }
  const text = render();
  // Only fixed text (a huge message) can still be over: cut it at a line, keeping the last part
  // (the meta marker) intact.
  if (text.length <= max) return text;
  const last = parts[parts.length - 1];
  const tail = typeof last === 'string' && last.startsWith('<!-- aethr:') ? `\n\n${last}` : '';
  return (
    truncateMarkdown(tail ? text.slice(0, text.length - tail.length) : text, max - tail.length) +
    tail
  );
}
