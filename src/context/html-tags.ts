/**
 * Removes HTML tags from Markdown prose in one linear pass, dropping the content of elements a
 * reader never sees (`hidden`, `display:none`, `<template>`, `<script>`, ...), and keeping the
 * text of every other element. Regexes for this go quadratic (or worse) on hostile input such as
 * thousands of unclosed `<div hidden`; this scanner looks at each character a bounded number of
 * times. A `<` that does not start a well-formed tag is left as text. Pure.
 */

/** Elements whose content is never shown. */
const HIDDEN_ELEMENTS = new Set([
  'template',
  'script',
  'style',
  'noscript',
  'textarea',
  'title',
  'head',
  'svg',
  'math',
  'iframe',
  'object',
]);

const HIDDEN_ATTRIBUTE =
  /(?:^|\s)hidden(?:\s|=|$)|display\s*:\s*none|visibility\s*:\s*hidden|font-size\s*:\s*0(?![.\d])|opacity\s*:\s*0(?![.\d])/i;

interface Tag {
  start: number;
  end: number;
  name: string;
  closing: boolean;
  hidden: boolean;
}

/** Index of the next occurrence of `ch` after each position (-1 when none), in one backward pass. */
function nextIndex(text: string, ch: string): Int32Array {
  const next = new Int32Array(text.length + 1).fill(-1);
  for (let i = text.length - 1; i >= 0; i--) next[i] = text[i] === ch ? i : next[i + 1]!;
  return next;
}

function isNameStart(c: string | undefined): boolean {
  return c !== undefined && /[A-Za-z]/.test(c);
}

function findTags(text: string): Tag[] {
  const tags: Tag[] = [];
  const nextLt = nextIndex(text, '<');
  const nextGt = nextIndex(text, '>');
  const nextDq = nextIndex(text, '"');
  const nextSq = nextIndex(text, "'");
  let i = nextLt[0]!;
  while (i !== -1) {
    let p = i + 1;
    const closing = text[p] === '/';
    if (closing) p++;
    if (!isNameStart(text[p])) {
      i = nextLt[i + 1]!;
      continue;
    }
    const nameStart = p;
    while (p < text.length && /[A-Za-z0-9-]/.test(text[p]!)) p++;
    const name = text.slice(nameStart, p).toLowerCase();
    const after = text[p];
    if (after !== undefined && !/[\s/>]/.test(after)) {
      i = nextLt[i + 1]!;
      continue;
    }
    // Up to the first ">" outside quotes; a "<" outside quotes first means this was no tag.
    let end = -1;
    let q = p;
    for (;;) {
      const candidates = [nextGt[q]!, nextLt[q]!, nextDq[q]!, nextSq[q]!].filter((x) => x !== -1);
      if (candidates.length === 0) break;
      const at = Math.min(...candidates);
      const c = text[at];
      if (c === '>') {
        end = at + 1;
        break;
      }
      if (c === '<') break;
      const close = (c === '"' ? nextDq : nextSq)[at + 1]!;
      if (close === -1) break;
      q = close + 1;
    }
    if (end === -1) {
      i = nextLt[i + 1]!;
      continue;
    }
    const attributes = text.slice(p, end - 1);
    tags.push({
      start: i,
      end,
      name,
      closing,
      hidden: !closing && (HIDDEN_ELEMENTS.has(name) || HIDDEN_ATTRIBUTE.test(attributes)),
    });
    i = end < text.length ? nextLt[end]! : -1;
  }
  return tags;
}

/** The text without its tags; hidden elements go with their content (to their end tag, or the end). */
export function stripHtmlTags(text: string): string {
  const tags = findTags(text);
  let out = '';
  let at = 0;
  for (let t = 0; t < tags.length; t++) {
    const tag = tags[t]!;
    out += text.slice(at, tag.start);
    at = tag.end;
    if (!tag.hidden || /\/\s*$/.test(text.slice(tag.start, tag.end - 1))) continue;
    // Skip to the matching end tag of the same name.
    let depth = 1;
    let u = t + 1;
    for (; u < tags.length; u++) {
      const other = tags[u]!;
      if (other.name !== tag.name) continue;
      depth += other.closing ? -1 : 1;
      if (depth === 0) break;
    }
    if (u >= tags.length) return out;
    at = tags[u]!.end;
    t = u;
  }
  return out + text.slice(at);
}
