/**
 * `/aethr …` commands in pull-request comments.
 *
 * Grammar (one command per comment; the first one counts):
 *
 *   /aethr review [extra instructions]
 *   /aethr implement [task]     (no task: continue a task-list pull request)
 *   /aethr run <workflow> [task]
 *   /aethr help            (a bare `/aethr` is help too)
 *
 * What counts as a command: `/aethr` at the start of a line (up to three spaces of indentation,
 * as Markdown renders it), case-insensitive, followed by a space or the end of the line. Lines
 * people do not see as a command of theirs are ignored: fenced code (``` or ~~~, also inside list
 * items), quotes (`>` lines and the lines that lazily continue a quoted paragraph), inline code
 * spans and HTML comments.
 *
 * Arguments: the rest of the command line, then every following line up to the next `/aethr`
 * line or the end of the comment — so a task may span paragraphs and include fenced logs. HTML
 * comments are removed from it (they are invisible on GitHub, so nobody reviewing the comment
 * would see them), and surrounding blank lines are trimmed.
 *
 * Bounded: only the first 65,536 characters of a body are read (GitHub's own comment limit).
 */
import { inlineCodeRanges, paragraphs, scanFences, splitLines } from './markdown.js';

export const MAX_COMMAND_BODY = 65_536;

/** What `/aethr implement` without a task answers on a pull request that has no task list. */
export const IMPLEMENT_NEEDS_TASK =
  "`/aethr implement` needs a task, e.g. `/aethr implement add tests for the parser` (only a pull request working through an issue's task list continues without one).";

export type Command =
  | { kind: 'review'; instructions?: string }
  | { kind: 'implement'; task: string }
  | { kind: 'run'; workflow: string; task?: string }
  | { kind: 'help' }
  /** Not a command we know, or one missing its argument: reply with `reason` and the help text. */
  | { kind: 'unknown'; text: string; reason: string };

export const COMMAND_HELP = [
  '`/aethr review [extra instructions]` — review this pull request again.',
  '`/aethr implement <task>` — implement a task on this branch, reviewing each iteration; on a pull request for a task list, `/aethr implement` continues with its first unticked task.',
  '`/aethr run <workflow> [task]` — run a named workflow (a preset or a workflow file).',
  '`/aethr help` — show this help.',
].join('\n');

const COMMAND_LINE = /^ {0,3}\/aethr(?=\s|$)/i;
const QUOTE_LINE = /^ {0,3}>/;
// Workflow names: a preset name or a repository-relative file path. No `..`, no absolute path.
const WORKFLOW_NAME = /^[A-Za-z0-9_.][A-Za-z0-9_.\-/]*$/;

interface ScannedBody {
  lines: string[];
  /** Lines where a command may start. */
  eligible: boolean[];
  /** Lines with inline code and HTML comments blanked, for detection. */
  masked: string[];
  /** Lines with HTML comments removed, for arguments. */
  visible: string[];
}

/** The first `/aethr` command in a comment body, or undefined when there is none. */
export function parseCommand(body: string): Command | undefined {
  const scanned = scanBody(body.slice(0, MAX_COMMAND_BODY).replace(/^\uFEFF/, ''));
  const start = findCommandLine(scanned, 0);
  if (start === -1) return undefined;
  const next = findCommandLine(scanned, start + 1);
  const end = next === -1 ? scanned.lines.length : next;

  const first = (scanned.visible[start] ?? '').replace(COMMAND_LINE, '').trim();
  const rest = scanned.visible.slice(start + 1, end).map((line) => line.trimEnd());
  const match = /^(\S*)\s*([\s\S]*)$/.exec(first);
  const subcommand = (match?.[1] ?? '').toLowerCase();
  const args = joinArguments(match?.[2] ?? '', rest);
  const text = `/aethr ${first.split('\n')[0] ?? ''}`.trim().slice(0, 200);

  switch (subcommand) {
    case '':
    case 'help':
      return { kind: 'help' };
    case 'review':
      return args ? { kind: 'review', instructions: args } : { kind: 'review' };
    case 'implement':
      // Without a task it continues a task-list pull request; elsewhere the run says it needs one.
      return { kind: 'implement', task: args };
    case 'run':
      return parseRun(args, text);
    default:
      return {
        kind: 'unknown',
        text,
        reason: `\`${subcommand.replaceAll('`', '').slice(0, 50)}\` is not an aethr command.`,
      };
  }
}

function parseRun(args: string, text: string): Command {
  const match = /^(\S+)\s*([\s\S]*)$/.exec(args);
  const workflow = match?.[1];
  if (!workflow) {
    return {
      kind: 'unknown',
      text,
      reason: '`/aethr run` needs a workflow, e.g. `/aethr run docs-sync`.',
    };
  }
  if (!WORKFLOW_NAME.test(workflow) || workflow.split('/').includes('..')) {
    return {
      kind: 'unknown',
      text,
      reason: 'The workflow must be a preset name or a relative path inside the repository.',
    };
  }
  const task = (match?.[2] ?? '').trim();
  return task ? { kind: 'run', workflow, task } : { kind: 'run', workflow };
}

function joinArguments(firstLine: string, rest: readonly string[]): string {
  return [firstLine, ...rest]
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function findCommandLine(scanned: ScannedBody, from: number): number {
  for (let i = from; i < scanned.lines.length; i++) {
    if (scanned.eligible[i] && COMMAND_LINE.test(scanned.masked[i] ?? '')) return i;
  }
  return -1;
}

function scanBody(body: string): ScannedBody {
  const lines = splitLines(body);
  // Any indentation: a fence nested in a list item still hides its lines.
  const fences = scanFences(lines, { maxIndent: Number.POSITIVE_INFINITY });
  const masked = [...lines];
  const visible = [...lines];
  const eligible = lines.map((_, i) => fences.kinds[i] === 'text');

  // Quotes, including lines that lazily continue a quoted paragraph (no blank line in between).
  let lazyQuote = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (fences.kinds[i] !== 'text' || line.trim() === '') {
      lazyQuote = false;
      continue;
    }
    if (QUOTE_LINE.test(line)) {
      eligible[i] = false;
      lazyQuote = line.replace(/^ {0,3}>\s?/, '').trim() !== '';
    } else if (lazyQuote) {
      eligible[i] = false;
    }
  }

  // Inline code (paragraph-bounded) and HTML comments (may span paragraphs until `-->`).
  let inComment = false;
  for (const [start, end] of paragraphs(lines, fences.kinds)) {
    const paragraph = lines.slice(start, end).join('\n');
    const hidden = hiddenRanges(paragraph, inComment);
    inComment = hidden.openComment;
    const maskedParagraph = applyRanges(paragraph, hidden.code.concat(hidden.comments), (s) =>
      s.replace(/[^\n]/g, ' '),
    );
    const visibleParagraph = applyRanges(paragraph, hidden.comments, (s) =>
      s.replace(/[^\n]/g, ''),
    );
    const maskedLines = maskedParagraph.split('\n');
    const visibleLines = visibleParagraph.split('\n');
    for (let i = start; i < end; i++) {
      masked[i] = maskedLines[i - start] ?? '';
      visible[i] = visibleLines[i - start] ?? '';
    }
  }
  return { lines, eligible, masked, visible };
}

/** Code spans and HTML comments in one paragraph, left to right (whichever starts first wins). */
function hiddenRanges(
  paragraph: string,
  startsInComment: boolean,
): { code: Array<[number, number]>; comments: Array<[number, number]>; openComment: boolean } {
  const code = inlineCodeRanges(paragraph);
  const comments: Array<[number, number]> = [];
  const keptCode: Array<[number, number]> = [];
  let at = 0;
  let openComment = false;
  if (startsInComment) {
    const close = paragraph.indexOf('-->');
    if (close === -1) return { code: [], comments: [[0, paragraph.length]], openComment: true };
    comments.push([0, close + 3]);
    at = close + 3;
  }
  for (;;) {
    const open = paragraph.indexOf('<!--', at);
    const span = code.find(([s]) => s >= at);
    if (span && (open === -1 || span[0] < open)) {
      keptCode.push(span);
      at = span[1];
      continue;
    }
    if (open === -1) break;
    const close = paragraph.indexOf('-->', open + 2);
    if (close === -1) {
      comments.push([open, paragraph.length]);
      openComment = true;
      break;
    }
    comments.push([open, close + 3]);
    at = close + 3;
  }
  return { code: keptCode, comments, openComment };
}

function applyRanges(
  text: string,
  ranges: Array<[number, number]>,
  replace: (s: string) => string,
): string {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  let out = '';
  let at = 0;
  for (const [start, end] of sorted) {
    if (start < at) continue;
    out += text.slice(at, start) + replace(text.slice(start, end));
    at = end;
  }
  return out + text.slice(at);
}
