/**
 * Reads a reviewer's reply per the review contract (DESIGN.md "Review output"). Pure and total:
 * whatever the model sends, this returns an outcome, with notes for what it could not read.
 */
import {
  SEVERITIES,
  type Finding,
  type ReviewOutcome,
  type ReviewStatus,
  type Severity,
} from './types.js';

export const MAX_FINDINGS = 200;
/** Findings read at most (a reply cannot make the parser do unbounded work). */
const MAX_FINDINGS_READ = 10_000;
const MAX_TITLE = 200;
const MAX_BODY = 10_000;
const MAX_SUGGESTION = 20_000;

// `Review status: pass`, also with Markdown emphasis (`**Review status:** pass`) or list bullets.
const STATUS_LINE = /^[\s>*_`#-]*review\s+status\s*[*_`]*\s*:\s*[*_`]*\s*(pass|revise)\b/gim;

const SEVERITY_ALIASES: Record<string, Severity> = {
  critical: 'high',
  blocker: 'high',
  error: 'high',
  major: 'medium',
  warning: 'medium',
  warn: 'medium',
  minor: 'low',
  nit: 'info',
  nitpick: 'info',
  note: 'info',
  suggestion: 'info',
};

export interface ReplyFacts {
  /** The API's finish_reason: `length` means the reply was cut at the output limit. */
  finishReason?: string;
}

export function parseReview(reply: string, facts: ReplyFacts = {}): ReviewOutcome {
  const notes: string[] = [];
  const lineStatus = findStatusLine(reply);
  const json = findContractJson(reply);
  let jsonStatus: ReviewStatus | undefined;
  let findings: Finding[] = [];
  let dropped: ReviewOutcome['dropped'];

  if (json.value !== undefined) {
    const read = readContractObject(json.value, notes);
    jsonStatus = read.status;
    findings = read.findings;
    dropped = read.dropped;
  } else if (json.error) {
    notes.push(json.error);
  }
  const withDropped = (outcome: ReviewOutcome): ReviewOutcome =>
    dropped ? { ...outcome, dropped } : outcome;

  // A reply cut at the output limit is not a review, whatever it managed to say first.
  if (facts.finishReason === 'length' || facts.finishReason === 'content_filter') {
    const reason =
      facts.finishReason === 'length'
        ? 'the reply was cut off at the output token limit (finish_reason: length)'
        : 'the provider filtered the reply (finish_reason: content_filter)';
    return withDropped(noVerdict(reason, findings, notes));
  }

  if (lineStatus) {
    if (jsonStatus && jsonStatus !== lineStatus) {
      notes.push(
        `The reply's status line says "${lineStatus}" but its JSON says "${jsonStatus}"; the status line wins.`,
      );
    }
    return withDropped({ status: lineStatus, statusSource: 'line', findings, notes });
  }
  if (jsonStatus) return withDropped({ status: jsonStatus, statusSource: 'json', findings, notes });
  if (json.value !== undefined) {
    const status = findings.some((f) => f.severity === 'high' || f.severity === 'medium')
      ? 'revise'
      : 'pass';
    return withDropped({ status, statusSource: 'derived', findings, notes });
  }
  const reason =
    reply.trim() === ''
      ? 'the reply was empty'
      : json.error
        ? 'the findings JSON could not be read and there is no "Review status:" line'
        : 'the reply has no "Review status:" line and no findings JSON (a refusal, or not a review)';
  return noVerdict(reason, findings, notes);
}

function noVerdict(reason: string, findings: Finding[], notes: string[]): ReviewOutcome {
  notes.push(`No verdict: ${reason}. This is not a pass.`);
  return { status: 'none', statusSource: 'none', noVerdictReason: reason, findings, notes };
}

const SEVERITY_ORDER: Record<Severity, number> = { high: 0, medium: 1, low: 2, info: 3 };

/** Highest severity first, then by path and line: the cap keeps what matters most. */
function byImportance(a: Finding, b: Finding): number {
  return (
    SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
    (a.path < b.path ? -1 : a.path > b.path ? 1 : 0) ||
    a.line - b.line
  );
}

function findStatusLine(reply: string): ReviewStatus | undefined {
  let last: ReviewStatus | undefined;
  for (const match of reply.matchAll(STATUS_LINE)) {
    last = match[1]!.toLowerCase() as ReviewStatus;
  }
  return last;
}

interface JsonSearch {
  value?: unknown;
  error?: string;
}

/** The contract JSON: a fenced json block, a pure JSON reply, or a bare object in prose. */
function findContractJson(reply: string): JsonSearch {
  const candidates: string[] = [];
  // Fenced blocks first, the last one first: models often restate a corrected block at the end.
  for (const block of fencedBlocks(reply).reverse()) {
    if (/^(json|jsonc|json5)?$/i.test(block.info) && /^\s*[[{]/.test(block.body)) {
      candidates.push(block.body);
    }
  }
  const trimmed = reply.trim();
  if (/^[[{]/.test(trimmed)) candidates.push(trimmed);
  const bare = outermostObject(reply);
  if (bare) candidates.push(bare);

  let firstError: string | undefined;
  for (const text of candidates) {
    const parsed = tolerantJsonParse(text);
    if (parsed.ok && looksLikeContract(parsed.value)) return { value: parsed.value };
    if (!parsed.ok && !firstError && /"(findings|status)"/.test(text)) {
      firstError = `The findings JSON could not be read (${parsed.error}); no inline findings taken from it.`;
    }
  }
  return firstError ? { error: firstError } : {};
}

function looksLikeContract(value: unknown): boolean {
  if (Array.isArray(value)) return value.every((item) => isRecord(item) && 'path' in item);
  return isRecord(value) && ('findings' in value || 'status' in value);
}

interface FencedBlock {
  info: string;
  body: string;
}

/** Fenced code blocks (``` or ~~~, any length >= 3), tolerant of a missing closing fence. */
export function fencedBlocks(text: string): FencedBlock[] {
  const blocks: FencedBlock[] = [];
  const lines = text.split('\n');
  let open: { fence: string; info: string; body: string[] } | undefined;
  for (const line of lines) {
    if (!open) {
      const m = /^\s{0,3}(`{3,}|~{3,})\s*([^`\s]*)/.exec(line);
      if (m) open = { fence: m[1]!, info: m[2] ?? '', body: [] };
      continue;
    }
    const close = /^\s{0,3}(`{3,}|~{3,})\s*$/.exec(line);
    if (close && close[1]![0] === open.fence[0] && close[1]!.length >= open.fence.length) {
      blocks.push({ info: open.info, body: open.body.join('\n') });
      open = undefined;
    } else {
      open.body.push(line);
    }
  }
  if (open) blocks.push({ info: open.info, body: open.body.join('\n') });
  return blocks;
}

/** The first balanced `{...}` that mentions "findings" or "status", ignoring braces in strings. */
function outermostObject(text: string): string | undefined {
  for (let start = text.indexOf('{'); start !== -1; start = text.indexOf('{', start + 1)) {
    let depth = 0;
    let inString = false;
    for (let i = start; i < text.length; i++) {
      const ch = text[i];
      if (inString) {
        if (ch === '\\') i++;
        else if (ch === '"') inString = false;
      } else if (ch === '"') inString = true;
      else if (ch === '{') depth++;
      else if (ch === '}' && --depth === 0) {
        const candidate = text.slice(start, i + 1);
        if (/"(findings|status)"/.test(candidate)) return candidate;
        break;
      }
    }
  }
  return undefined;
}

type Parsed = { ok: true; value: unknown } | { ok: false; error: string };

/** JSON.parse, then again without trailing commas and smart quotes. */
export function tolerantJsonParse(text: string): Parsed {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (first) {
    const repaired = text
      .replace(/[\u201c\u201d]/g, '"')
      .replace(/,(\s*[}\]])/g, '$1')
      .replace(/^\s*\/\/.*$/gm, '');
    try {
      return { ok: true, value: JSON.parse(repaired) };
    } catch {
      return { ok: false, error: (first as Error).message };
    }
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readContractObject(
  value: unknown,
  notes: string[],
): { status?: ReviewStatus; findings: Finding[]; dropped?: ReviewOutcome['dropped'] } {
  const raw = Array.isArray(value) ? value : isRecord(value) ? value.findings : undefined;
  let status: ReviewStatus | undefined;
  if (isRecord(value) && typeof value.status === 'string') {
    const s = value.status.trim().toLowerCase();
    if (s === 'pass' || s === 'revise') status = s;
    else notes.push(`Unknown review status "${value.status.slice(0, 40)}" in the JSON; ignored.`);
  }
  const findings: Finding[] = [];
  if (raw !== undefined && !Array.isArray(raw)) {
    notes.push('"findings" is not a list; ignored.');
    return { status, findings };
  }
  let ignored = 0;
  const items = raw ?? [];
  for (const [index, item] of items.slice(0, MAX_FINDINGS_READ).entries()) {
    const finding = readFinding(item);
    if (typeof finding === 'string') {
      ignored++;
      if (ignored <= 5) notes.push(`Finding ${index + 1} ignored: ${finding}.`);
    } else findings.push(finding);
  }
  if (ignored > 5)
    notes.push(`${ignored - 5} more findings ignored for the same kinds of reasons.`);
  if (items.length > MAX_FINDINGS_READ)
    notes.push(`Only the first ${MAX_FINDINGS_READ} entries of "findings" were read.`);
  findings.sort(byImportance);
  if (findings.length <= MAX_FINDINGS) return { status, findings };
  const cut = findings.splice(MAX_FINDINGS);
  const bySeverity: Partial<Record<Severity, number>> = {};
  for (const f of cut) bySeverity[f.severity] = (bySeverity[f.severity] ?? 0) + 1;
  const counts = (Object.keys(SEVERITY_ORDER) as Severity[])
    .filter((s) => bySeverity[s])
    .map((s) => `${bySeverity[s]} ${s}`)
    .join(', ');
  notes.push(
    `${cut.length} findings over the cap of ${MAX_FINDINGS} were dropped (${counts}); the highest severities were kept.`,
  );
  return { status, findings, dropped: { count: cut.length, bySeverity } };
}

function toPositiveInt(value: unknown): number | undefined {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof n === 'number' && Number.isInteger(n) && n > 0 ? n : undefined;
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function readSeverity(value: unknown): Severity | undefined {
  if (typeof value !== 'string') return undefined;
  const s = value.trim().toLowerCase();
  return (SEVERITIES as readonly string[]).includes(s) ? (s as Severity) : SEVERITY_ALIASES[s];
}

/** A finding, or the reason it cannot be one. */
function readFinding(item: unknown): Finding | string {
  if (!isRecord(item)) return 'not an object';
  const path =
    typeof item.path === 'string'
      ? item.path.trim()
      : typeof item.file === 'string'
        ? item.file.trim()
        : '';
  if (!path) return 'no "path"';
  const line = toPositiveInt(item.line ?? item.start_line);
  if (line === undefined) return `"line" is not a positive whole number (path ${clip(path, 80)})`;
  const severity = readSeverity(item.severity) ?? 'info';
  const body =
    typeof item.body === 'string'
      ? item.body
      : typeof item.message === 'string'
        ? item.message
        : '';
  const titleSource =
    typeof item.title === 'string' && item.title.trim() ? item.title : (body.split('\n')[0] ?? '');
  const title = clip(titleSource.trim() || 'Finding', MAX_TITLE);
  const finding: Finding = { path, line, severity, title, body: clip(body, MAX_BODY) };
  const endLine = toPositiveInt(item.end_line);
  if (endLine !== undefined && endLine > line) finding.end_line = endLine;
  if (typeof item.suggestion === 'string' && item.suggestion.length <= MAX_SUGGESTION) {
    finding.suggestion = item.suggestion;
  }
  return finding;
}
