/**
 * The mock provider: deterministic replies, no network. The same request always gets the same
 * reply, and the reply depends on the request so workflows exercise their real paths:
 *
 * - `review`: Markdown summary, a ```json block `{"status":"pass","findings":[...]}` and the line
 *   `Review status: pass` (the review contract in DESIGN.md). When the user prompt holds a unified
 *   diff, one `info` finding anchored on the first added line of the first file with an added line.
 * - `implement`: says no changes are proposed (a mock never edits code).
 * - `general`: a short plan mentioning the role, the step and the first line of the task.
 *
 * When `purpose` is absent it is inferred from the role name (`review…` -> review,
 * `implement…` -> implement, else general). Every reply starts with `[mock provider:model]`.
 * Usage is an estimate: ceil(chars / 4) of the messages and of the reply.
 */
import type { ChatRequest, ChatResult, Finding, ModelClient, TokenUsage } from '../engine/types.js';

export type MockPurpose = NonNullable<ChatRequest['purpose']>;

/** ceil(chars / 4): the usual rough token estimate. */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

export function mockUsage(request: Pick<ChatRequest, 'messages'>, reply: string): TokenUsage {
  const inputChars = request.messages.reduce((sum, m) => sum + m.content.length, 0);
  return { inputTokens: Math.ceil(inputChars / 4), outputTokens: estimateTokens(reply) };
}

export function mockPurpose(
  request: Pick<ChatRequest, 'purpose' | 'role' | 'stepId'>,
): MockPurpose {
  if (request.purpose) return request.purpose;
  if (/review/i.test(request.role)) return 'review';
  if (/implement/i.test(request.role)) return 'implement';
  return 'general';
}

function userText(request: Pick<ChatRequest, 'messages'>): string {
  return request.messages
    .filter((m) => m.role === 'user')
    .map((m) => m.content)
    .join('\n\n');
}

const MAX_TASK_LINE = 160;

/** The first line of the task: the first non-empty line under a `# Task` heading, else of the user prompt. */
export function firstTaskLine(prompt: string): string {
  const lines = prompt.split(/\r?\n/);
  const heading = lines.findIndex((line) => /^#{1,6}\s*task\s*$/i.test(line.trim()));
  const start = heading === -1 ? 0 : heading + 1;
  let found = '';
  for (let i = start; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (heading !== -1 && /^#{1,6}\s/.test(line)) break;
    if (line) {
      found = line;
      break;
    }
  }
  if (!found) return '(no task given)';
  return found.length > MAX_TASK_LINE ? `${found.slice(0, MAX_TASK_LINE)}…` : found;
}

export interface DiffAnchor {
  path: string;
  line: number;
  /** Number of files in the diff (`+++` headers). */
  files: number;
}

/**
 * The first added line of the first file in a unified diff that has one: its new-file path (from
 * `+++ b/path`) and line number (from `@@ -a,b +c,d @@`, counting context and added lines).
 * Undefined when the text holds no diff with an added line.
 */
export function firstAddedLine(text: string): DiffAnchor | undefined {
  const lines = text.split(/\r?\n/);
  const files = lines.filter((l) => /^\+\+\+ \S/.test(l)).length;
  let path: string | undefined;
  let newLine: number | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.startsWith('+++ ') && i > 0 && lines[i - 1]!.startsWith('--- ')) {
      const target = line.slice(4).split('\t')[0]!.trim();
      path = target === '/dev/null' ? undefined : target.replace(/^b\//, '');
      newLine = undefined;
      continue;
    }
    if (line.startsWith('--- ') && lines[i + 1]?.startsWith('+++ ')) continue;
    const hunk = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,\d+)? @@/.exec(line);
    if (hunk) {
      newLine = path === undefined ? undefined : Number(hunk[1]);
      continue;
    }
    if (path === undefined || newLine === undefined) continue;
    if (line.startsWith('+')) return { path, line: newLine, files };
    if (line.startsWith(' ') || line === '') newLine++;
    else if (line.startsWith('-') || line.startsWith('\\')) continue;
    else newLine = undefined; // left the hunk (a fence, prose, a new `diff --git`)
  }
  return undefined;
}

function header(request: Pick<ChatRequest, 'model'>): string {
  return `[mock ${request.model}]`;
}

function reviewReply(request: ChatRequest): string {
  const anchor = firstAddedLine(userText(request));
  const findings: Finding[] = anchor
    ? [
        {
          path: anchor.path,
          line: anchor.line,
          severity: 'info',
          title: 'Mock review: no issues found',
          body: 'This finding comes from the deterministic mock model; no model reviewed the change.',
        },
      ]
    : [];
  const summary = anchor
    ? `Mock review of ${anchor.files} changed file${anchor.files === 1 ? '' : 's'}: no issues found.`
    : 'Mock review: no diff was found in the prompt, so there is nothing to comment on.';
  return [
    `${header(request)} ${request.role} review for step "${request.stepId}"`,
    '',
    summary,
    'This is a deterministic mock reply; no model was called.',
    '',
    '```json',
    JSON.stringify({ status: 'pass', findings }, null, 2),
    '```',
    '',
    'Review status: pass',
    '',
  ].join('\n');
}

function implementReply(request: ChatRequest): string {
  return [
    `${header(request)} ${request.role} for step "${request.stepId}"`,
    '',
    `Task: ${firstTaskLine(userText(request))}`,
    '',
    'mock mode: no changes proposed. The mock model never edits code; run with a live model to get a change.',
    '',
  ].join('\n');
}

function generalReply(request: ChatRequest): string {
  const task = firstTaskLine(userText(request));
  return [
    `${header(request)} ${request.role} for step "${request.stepId}"`,
    '',
    `Task: ${task}`,
    '',
    'Plan (mock):',
    `1. Read the context given to step "${request.stepId}".`,
    `2. Work out what "${task}" needs from the ${request.role}.`,
    '3. Hand the result to the next step.',
    '',
    'This is a deterministic mock reply; no model was called.',
    '',
  ].join('\n');
}

/** The mock reply text for a request (pure). */
export function mockReplyText(request: ChatRequest): string {
  switch (mockPurpose(request)) {
    case 'review':
      return reviewReply(request);
    case 'implement':
      return implementReply(request);
    default:
      return generalReply(request);
  }
}

/** Splits a reply into line-sized deltas so streaming output looks like a live model's. */
function deltas(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [text];
}

/** Answers one request without the network. Honors an already-aborted signal. */
export async function mockChat(
  request: ChatRequest,
  onDelta?: (chunk: string) => void,
): Promise<ChatResult> {
  request.signal?.throwIfAborted();
  const text = mockReplyText(request);
  if (onDelta) for (const chunk of deltas(text)) onDelta(chunk);
  return { text, usage: mockUsage(request, text), model: request.model, mock: true };
}

export function createMockModel(): ModelClient {
  return { chat: mockChat };
}
