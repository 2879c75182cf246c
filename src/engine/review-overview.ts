/**
 * The reviewer's overview: its reply as written for people, without the parts that are for
 * machines (the findings JSON block, the `Review status:` line), with invisible and control
 * characters removed and cut to a size a PR comment can carry. Pure.
 *
 * The text stays model output: whoever posts it still escapes it for its medium (for GitHub,
 * `escapeCommentText`: no hidden HTML, no mentions, no unclosed fences).
 */
import type { RunResult } from './types.js';

/** Characters of overview kept at most (the rest is cut at a paragraph or line). */
export const MAX_OVERVIEW = 6_000;

// The status line as the review contract reads it (emphasis, bullets and quotes around it allowed).
const STATUS_LINE = /^[\s>*_`#-]*review\s+status\s*[*_`]*\s*:\s*[*_`]*\s*(pass|revise)\b.*$/i;
const FENCE_OPEN = /^\s{0,3}(`{3,}|~{3,})\s*([^`\s]*)/;
const FENCE_CLOSE = /^\s{0,3}(`{3,}|~{3,})\s*$/;
// Control characters other than tab and newline; zero-width, bidi-override and BOM characters.
const INVISIBLE =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g;

/** A fenced block the review contract reads as its findings JSON. */
function isContractBlock(info: string, body: string): boolean {
  return (
    /^(json|jsonc|json5)?$/i.test(info) &&
    /^\s*[[{]/.test(body) &&
    /"(findings|status)"\s*:/.test(body)
  );
}

/** The reply without contract JSON blocks and status lines. */
function withoutContract(lines: readonly string[]): string[] {
  const out: string[] = [];
  let open: { fence: string; info: string; lines: string[] } | undefined;
  for (const line of lines) {
    if (open) {
      open.lines.push(line);
      const close = FENCE_CLOSE.exec(line);
      if (close && close[1]![0] === open.fence[0] && close[1]!.length >= open.fence.length) {
        const body = open.lines.slice(1, -1).join('\n');
        if (!isContractBlock(open.info, body)) out.push(...open.lines);
        open = undefined;
      }
      continue;
    }
    const opener = FENCE_OPEN.exec(line);
    if (opener) {
      open = { fence: opener[1]!, info: opener[2] ?? '', lines: [line] };
      continue;
    }
    if (!STATUS_LINE.test(line)) out.push(line);
  }
  // A block left open by a truncated reply: kept unless it is the contract JSON.
  if (open && !isContractBlock(open.info, open.lines.slice(1).join('\n'))) out.push(...open.lines);
  return out;
}

/** Cuts at the last blank line (else line) before `max`, and says so. */
function cap(text: string, max: number): string {
  if (text.length <= max) return text;
  const note = '\n\n… (overview cut)';
  const room = Math.max(0, max - note.length);
  const head = text.slice(0, room);
  const at = Math.max(head.lastIndexOf('\n\n'), head.lastIndexOf('\n'));
  return `${(at > room / 2 ? head.slice(0, at) : head).trimEnd()}${note}`;
}

/**
 * The overview of a reviewer's reply; empty when the reply is nothing but machine parts (a pure
 * JSON reply, or only a status line).
 */
export function extractOverview(reply: string, max = MAX_OVERVIEW): string {
  const trimmed = reply.trim();
  if (/^[[{]/.test(trimmed) && /[\]}]$/.test(trimmed)) return '';
  const lines = withoutContract(reply.replace(/\r\n?/g, '\n').replace(INVISIBLE, '').split('\n'));
  const text = lines
    .join('\n')
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return cap(text, max);
}

/** The overview of a run's last review step (empty when no step reviewed). */
export function finalOverview(result: RunResult, max = MAX_OVERVIEW): string {
  const last = result.results.filter((r) => r.review).at(-1);
  return last ? extractOverview(last.output, max) : '';
}
