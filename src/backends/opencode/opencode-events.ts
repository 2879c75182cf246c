/**
 * Reads `opencode run --format json` output: one JSON event per line (`step_start`, `text`,
 * `tool_use`, `step_finish`, `error`). Pure: lines go in, a summary comes out. Lines that are not
 * JSON events (log noise) are counted and otherwise ignored; nothing here throws.
 */
import type { TokenUsage } from '../../engine/types.js';

export interface ToolUse {
  tool: string;
  /** `completed`, `error`, `running`, ... as reported. */
  status: string;
  /** The file the tool worked on, when its input names one. */
  path?: string;
  /** The tool's error text, when it failed (for example a rejected permission). */
  error?: string;
}

export interface OpencodeRunSummary {
  /** The `text` parts, in order. */
  texts: string[];
  tools: ToolUse[];
  /** Summed over `step_finish` events; undefined when none reported tokens. */
  usage?: TokenUsage;
  /** `error` events, as readable one-line messages. */
  errors: string[];
  steps: number;
  /** Lines that were not JSON events. */
  ignoredLines: number;
}

export type OpencodeEvent =
  | { kind: 'text'; text: string }
  | { kind: 'tool'; tool: ToolUse }
  | { kind: 'step_start' }
  | { kind: 'step_finish'; usage?: TokenUsage }
  | { kind: 'error'; message: string }
  | { kind: 'other'; type: string }
  | { kind: 'ignored' };

type Json = Record<string, unknown>;

function obj(value: unknown): Json | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Json)
    : undefined;
}

function num(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : 0;
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** The message of an `error` event (`{error: {name, data: {message}}}` and plainer shapes). */
export function errorMessage(event: Json): string {
  const error = event.error;
  if (typeof error === 'string') return error;
  const e = obj(error);
  if (!e) return str(event.message) ?? 'opencode reported an error without a message';
  const data = obj(e.data);
  const message = str(data?.message) ?? str(e.message);
  const name = str(e.name);
  if (message && name && name !== 'UnknownError') return `${name}: ${message}`;
  return message ?? name ?? 'opencode reported an error without a message';
}

/** Reads one output line. */
export function parseEventLine(line: string): OpencodeEvent {
  const trimmed = line.trim();
  if (!trimmed.startsWith('{')) return { kind: 'ignored' };
  let event: Json | undefined;
  try {
    event = obj(JSON.parse(trimmed));
  } catch {
    return { kind: 'ignored' };
  }
  if (!event || typeof event.type !== 'string') return { kind: 'ignored' };
  const part = obj(event.part) ?? {};
  switch (event.type) {
    case 'text': {
      const text = str(part.text) ?? str(event.text) ?? '';
      return { kind: 'text', text };
    }
    case 'tool_use': {
      const state = obj(part.state) ?? {};
      const input = obj(state.input) ?? {};
      const tool: ToolUse = {
        tool: str(part.tool) ?? 'unknown',
        status: str(state.status) ?? 'unknown',
      };
      const path = str(input.filePath) ?? str(input.path);
      if (path) tool.path = path;
      const error = str(state.error);
      if (error) tool.error = error;
      return { kind: 'tool', tool };
    }
    case 'step_start':
      return { kind: 'step_start' };
    case 'step_finish': {
      const tokens = obj(part.tokens);
      if (!tokens) return { kind: 'step_finish' };
      const cache = obj(tokens.cache) ?? {};
      // Cached prompt tokens are prompt tokens too (billed at their own rate).
      const inputTokens = num(tokens.input) + num(cache.read) + num(cache.write);
      const outputTokens = num(tokens.output) + num(tokens.reasoning);
      return { kind: 'step_finish', usage: { inputTokens, outputTokens } };
    }
    case 'error':
      return { kind: 'error', message: errorMessage(event) };
    default:
      return { kind: 'other', type: event.type };
  }
}

/** Accumulates events into a summary (texts kept up to `maxTextChars` in total). */
export class EventCollector {
  readonly summary: OpencodeRunSummary = {
    texts: [],
    tools: [],
    errors: [],
    steps: 0,
    ignoredLines: 0,
  };
  private textChars = 0;
  private textCut = false;

  constructor(private readonly maxTextChars = 200_000) {}

  add(event: OpencodeEvent): void {
    const s = this.summary;
    switch (event.kind) {
      case 'text': {
        if (event.text === '') return;
        const room = this.maxTextChars - this.textChars;
        if (room <= 0) {
          this.textCut = true;
          return;
        }
        const kept = event.text.length > room ? event.text.slice(0, room) : event.text;
        if (kept.length < event.text.length) this.textCut = true;
        s.texts.push(kept);
        this.textChars += kept.length;
        return;
      }
      case 'tool':
        if (s.tools.length < 10_000) s.tools.push(event.tool);
        return;
      case 'step_start':
        s.steps++;
        return;
      case 'step_finish':
        if (event.usage) {
          s.usage = {
            inputTokens: (s.usage?.inputTokens ?? 0) + event.usage.inputTokens,
            outputTokens: (s.usage?.outputTokens ?? 0) + event.usage.outputTokens,
          };
        }
        return;
      case 'error':
        if (s.errors.length < 20) s.errors.push(event.message);
        return;
      case 'ignored':
        s.ignoredLines++;
        return;
      default:
        return;
    }
  }

  /** The texts as the step's output. */
  outputText(): string {
    const text = this.summary.texts.join('\n\n').trim();
    return this.textCut ? `${text}\n\n[output truncated at ${this.maxTextChars} characters]` : text;
  }
}

/** One line per failed tool call, e.g. `write ../x.txt: The user rejected permission ...`. */
export function failedTools(summary: OpencodeRunSummary, max = 10): string[] {
  const failed = summary.tools.filter((t) => t.status === 'error');
  const lines = failed
    .slice(0, max)
    .map(
      (t) =>
        `${t.tool}${t.path ? ` ${t.path}` : ''}: ${(t.error ?? 'failed').split('\n')[0]!.slice(0, 300)}`,
    );
  if (failed.length > max) lines.push(`… and ${failed.length - max} more`);
  return lines;
}

/** Parses a whole output at once (tests, and the tail of a run). */
export function summarizeOutput(
  stdout: string,
  maxTextChars?: number,
): { summary: OpencodeRunSummary; output: string } {
  const collector = new EventCollector(maxTextChars);
  for (const line of stdout.split('\n')) {
    if (line.trim() !== '') collector.add(parseEventLine(line));
  }
  return { summary: collector.summary, output: collector.outputText() };
}
