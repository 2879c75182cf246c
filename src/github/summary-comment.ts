/**
 * The sticky summary comment (one per pull request and workflow, edited in place) and the job
 * summary, both rendered from one structured input.
 *
 * The comment starts with a `summary` marker naming the workflow (how the next run finds it) and
 * ends with a `meta` marker: the open findings' fingerprints (with enough detail to list them as
 * resolved later), the head it reviewed and the pull request's cumulative spend, which
 * `parseSummaryMeta` reads back.
 *
 * Bodies stay under GitHub's 65,536-character limit by dropping whole items from the bottom of
 * the least important sections first (file lists, resolved findings, unanchored details, then
 * table rows) and saying how many were left out; a cut never falls inside a marker or a fence.
 */
import type { Finding, Severity } from '../engine/types.js';
import type { AnchorResult } from './diff-anchor.js';
import { hiddenMarker, parseHiddenMarkers } from './fingerprint.js';
import { SEVERITY_BADGE, MAX_COMMENT_BODY, renderTitle } from './inline-comment.js';
import {
  codeSpan,
  escapeCommentText,
  escapeInlineText,
  escapeTableCell,
  fencedBlock,
  truncateMarkdown,
} from './markdown.js';

export type SummaryStatus = 'pass' | 'revise' | 'running' | 'failed' | 'no-key' | 'skipped';

export const SUMMARY_STATUSES: readonly SummaryStatus[] = [
  'pass',
  'revise',
  'running',
  'failed',
  'no-key',
  'skipped',
];

/** GITHUB_STEP_SUMMARY takes up to 1 MiB per step. */
export const MAX_JOB_SUMMARY = 1_000_000;
/** How much of the comment the meta marker may take. */
const MAX_META = 16_000;
const MAX_META_DETAILS = 100;
const MAX_META_FINGERPRINTS = 500;
const MAX_DETAIL = 8_000;
const MAX_MESSAGE = 4_000;

export interface FileNote {
  path: string;
  reason?: string;
}

export interface SummaryIteration {
  iteration: number;
  findings: number;
  status: string;
  commitSha?: string;
  tokens?: number;
}

export interface SummaryUsage {
  inputTokens: number;
  outputTokens: number;
  costUsd?: number;
}

/** One open finding as the meta marker remembers it. */
export interface MetaFinding {
  fp: string;
  severity?: Severity;
  path?: string;
  title?: string;
}

export interface SummaryMeta {
  v: 1;
  workflow: string;
  status: SummaryStatus;
  /** The head commit the open findings were found on. */
  headSha?: string;
  /** Cumulative model spend on this pull request, in USD (for per-PR budgets). */
  spendUsd: number;
  /** Open findings: fingerprints, with details for the first ones. */
  open: MetaFinding[];
}

export interface SummaryInput {
  workflow: string;
  status: SummaryStatus;
  /** The head commit reviewed (or being reviewed). */
  headSha?: string;
  /**
   * The open findings of this run, as `anchorFindings` placed them. Omit while running or when
   * the run produced no review (failed, no key, skipped): the previous open findings carry over.
   */
  findings?: AnchorResult;
  /** The meta of the comment this one replaces, for resolved findings and spend. */
  previous?: SummaryMeta;
  /** One line (or a short paragraph) under the heading: the failure, the missing secret, ... */
  message?: string;
  files?: {
    reviewed?: readonly string[];
    clipped?: readonly FileNote[];
    skipped?: readonly FileNote[];
  };
  iterations?: readonly SummaryIteration[];
  usage?: SummaryUsage;
  /** Cumulative PR spend including this run; default: the previous value carried over. */
  prSpendUsd?: number;
  runUrl?: string;
  /** `https://github.com/owner/repo`, to link commits. */
  repositoryUrl?: string;
}

const STATUS_HEADING: Record<SummaryStatus, string> = {
  pass: '✅ passed',
  revise: '🔁 changes requested',
  running: '⏳ reviewing …',
  failed: '❌ failed',
  'no-key': '🔑 no model key',
  skipped: '⏭️ skipped',
};

const SEVERITY_RANK: Record<Severity, number> = { high: 0, medium: 1, low: 2, info: 3 };

interface Row {
  finding: Finding;
  fingerprint: string;
  anchored: boolean;
  reason?: string;
}

/** A block whose items may be dropped from the bottom, most droppable (lowest `keep`) first. */
interface Section {
  keep: number;
  head: string;
  items: string[];
  /** Between the head and items, and between items: `\n` for rows and lists, `\n\n` for blocks. */
  separator?: string;
  more: (count: number) => string;
  tail?: string;
}

type Part = string | Section;

// ---------------------------------------------------------------------------------------------
// Public API

/** The sticky PR comment, at most 65,536 characters. */
export function renderSummaryComment(input: SummaryInput): string {
  const meta = buildSummaryMeta(input);
  const parts: Part[] = [
    hiddenMarker('summary', { workflow: input.workflow }),
    ...renderBody(input, 'comment'),
    fitMeta(meta),
  ];
  return assemble(parts, MAX_COMMENT_BODY);
}

/** The same tables for GITHUB_STEP_SUMMARY, every finding in full, no markers. */
export function renderJobSummary(input: SummaryInput): string {
  return assemble(renderBody(input, 'job'), MAX_JOB_SUMMARY);
}

/** The meta the comment for `input` carries. */
export function buildSummaryMeta(input: SummaryInput): SummaryMeta {
  const meta: SummaryMeta = {
    v: 1,
    workflow: input.workflow,
    status: input.status,
    spendUsd: roundUsd(input.prSpendUsd ?? input.previous?.spendUsd ?? 0),
    open: input.findings
      ? sortRows(rowsOf(input.findings)).map((row) => ({
          fp: row.fingerprint,
          severity: row.finding.severity,
          path: row.finding.path.slice(0, 200),
          title: row.finding.title.slice(0, 100),
        }))
      : (input.previous?.open ?? []),
  };
  // The head the open findings belong to: while running (or after a run with no review) that is
  // still the previous one.
  const headSha = input.findings ? input.headSha : input.previous?.headSha;
  if (headSha) meta.headSha = headSha;
  return meta;
}

/** The meta of a summary comment we wrote, or undefined (no marker, or not ours in shape). */
export function parseSummaryMeta(body: string): SummaryMeta | undefined {
  for (const marker of parseHiddenMarkers(body)) {
    if (marker.kind !== 'meta') continue;
    const meta = readMeta(marker.data);
    if (meta) return meta;
  }
  return undefined;
}

/** Whether `body` is the summary comment of `workflow` (check the author as well: markers can be copied). */
export function isSummaryComment(body: string, workflow: string): boolean {
  return parseHiddenMarkers(body).some((m) => m.kind === 'summary' && m.workflow === workflow);
}

/** Findings of the previous summary that are not open any more. */
export function resolvedFindings(
  previous: SummaryMeta | undefined,
  current: AnchorResult,
): MetaFinding[] {
  if (!previous) return [];
  const open = new Set(rowsOf(current).map((row) => row.fingerprint));
  return previous.open.filter((finding) => !open.has(finding.fp));
}

// ---------------------------------------------------------------------------------------------
// Body

function renderBody(input: SummaryInput, mode: 'comment' | 'job'): Part[] {
  const parts: Part[] = [];
  parts.push(
    `## ${STATUS_HEADING[input.status]} · aethr ${codeSpan(input.workflow.slice(0, 100) || 'workflow')}`,
  );
  if (input.message?.trim()) {
    parts.push(truncateMarkdown(escapeCommentText(input.message.trim()), MAX_MESSAGE));
  }
  parts.push(statusLine(input));

  if (!input.findings) {
    const carried = input.previous?.open.length ?? 0;
    if (carried > 0) {
      const when =
        input.status === 'running' ? '; this comment is updated when the run finishes' : '';
      parts.push(
        `_${carried} open finding${carried === 1 ? '' : 's'} from the last completed review${when}._`,
      );
    }
  } else {
    parts.push(...findingSections(input, mode));
  }
  const iterations = iterationSection(input);
  if (iterations) parts.push(iterations);
  parts.push(...fileSections(input));
  return parts;
}

function statusLine(input: SummaryInput): string {
  const bits: string[] = [];
  if (input.headSha) {
    const sha = codeSpan(input.headSha.slice(0, 7));
    const linked = input.repositoryUrl
      ? `[${sha}](${input.repositoryUrl}/commit/${input.headSha})`
      : sha;
    bits.push(input.status === 'running' ? `Reviewing ${linked} …` : `Head ${linked}`);
  }
  if (input.findings) bits.push(countLine(rowsOf(input.findings)));
  if (input.usage) {
    const tokens = input.usage.inputTokens + input.usage.outputTokens;
    bits.push(
      `${formatInt(tokens)} tokens (${formatInt(input.usage.inputTokens)} in, ${formatInt(input.usage.outputTokens)} out)`,
    );
    if (input.usage.costUsd !== undefined) bits.push(formatUsd(input.usage.costUsd));
  }
  const spend = input.prSpendUsd ?? input.previous?.spendUsd;
  if (spend !== undefined && spend > 0) bits.push(`${formatUsd(spend)} on this PR so far`);
  if (input.runUrl) bits.push(`[run log](${input.runUrl})`);
  return bits.length > 0 ? bits.join(' · ') : '';
}

function countLine(rows: readonly Row[]): string {
  if (rows.length === 0) return 'no findings';
  const counts = (Object.keys(SEVERITY_RANK) as Severity[])
    .map(
      (severity) =>
        [severity, rows.filter((row) => row.finding.severity === severity).length] as const,
    )
    .filter(([, count]) => count > 0)
    .map(([severity, count]) => `${count} ${severity}`);
  return `${rows.length} finding${rows.length === 1 ? '' : 's'} (${counts.join(', ')})`;
}

function findingSections(input: SummaryInput, mode: 'comment' | 'job'): Part[] {
  const findings = input.findings;
  if (!findings) return [];
  const rows = sortRows(rowsOf(findings));
  const parts: Part[] = [];
  if (rows.length > 0) {
    parts.push({
      keep: 4,
      head: '### Findings\n\n| Severity | Location | Finding |\n| --- | --- | --- |',
      items: rows.map(
        (row) =>
          `| ${SEVERITY_BADGE[row.finding.severity]} | ${escapeTableCell(codeSpan(location(row.finding)))} | ${escapeTableCell(renderTitle(row.finding.title))}${row.anchored ? '' : ' ¹'} |`,
      ),
      more: (n) =>
        `\n_… ${n} more finding${n === 1 ? '' : 's'} not shown (see job summary / artifact)._`,
      tail: rows.some((row) => !row.anchored)
        ? '\n¹ not on a line of the diff: shown in full below.'
        : undefined,
    });
  }
  const detailed = mode === 'job' ? rows : rows.filter((row) => !row.anchored);
  if (detailed.length > 0) {
    parts.push({
      keep: 3,
      head: mode === 'job' ? '### Details' : '### Not on a diff line',
      separator: '\n\n',
      items: detailed.map(renderDetail),
      more: (n) => `_… ${n} more not shown (see job summary / artifact)._`,
    });
  }
  const resolved = resolvedFindings(input.previous, findings);
  if (resolved.length > 0) {
    parts.push({
      keep: 2,
      head: '### Resolved since the last review',
      items: resolved.map((finding) => {
        const what = finding.title ? renderTitle(finding.title) : `finding ${codeSpan(finding.fp)}`;
        const where = finding.path ? ` · ${codeSpan(finding.path)}` : '';
        const badge = finding.severity ? `${SEVERITY_BADGE[finding.severity]} · ` : '';
        return `- ✔️ ~~${badge}${what}~~${where}`;
      }),
      more: (n) => `- … ${n} more`,
    });
  }
  return parts;
}

function renderDetail(row: Row): string {
  const head = `#### ${SEVERITY_BADGE[row.finding.severity]} · ${renderTitle(row.finding.title)}`;
  const where = `${codeSpan(location(row.finding))}${row.reason ? ` — ${escapeInlineText(row.reason)}` : ''}`;
  const body = escapeCommentText(row.finding.body.trim());
  const suggestion =
    row.finding.suggestion === undefined
      ? ''
      : `Suggested change:\n\n${fencedBlock(row.finding.suggestion)}`;
  const text = [head, where, body, suggestion].filter((part) => part !== '').join('\n\n');
  return truncateMarkdown(text, MAX_DETAIL, '_… (cut; see job summary / artifact)_');
}

function iterationSection(input: SummaryInput): Section | undefined {
  const iterations = input.iterations ?? [];
  if (iterations.length === 0) return undefined;
  return {
    keep: 1,
    head: '### Iterations\n\n| Iteration | Findings | Status | Commit | Tokens |\n| --- | --- | --- | --- | --- |',
    items: iterations.map((it) => {
      const sha = it.commitSha ? codeSpan(it.commitSha.slice(0, 7)) : '—';
      const commit =
        it.commitSha && input.repositoryUrl
          ? `[${sha}](${input.repositoryUrl}/commit/${it.commitSha})`
          : sha;
      const tokens = it.tokens === undefined ? '—' : formatInt(it.tokens);
      return `| ${it.iteration} | ${it.findings} | ${escapeTableCell(escapeInlineText(it.status))} | ${commit} | ${tokens} |`;
    }),
    more: (n) => `\n_… ${n} more iterations not shown._`,
  };
}

function fileSections(input: SummaryInput): Part[] {
  const reviewed = input.files?.reviewed ?? [];
  const clipped = input.files?.clipped ?? [];
  const skipped = input.files?.skipped ?? [];
  if (reviewed.length + clipped.length + skipped.length === 0) return [];
  const parts: Part[] = [
    `<details><summary>Files: ${reviewed.length} reviewed, ${clipped.length} clipped, ${skipped.length} skipped</summary>`,
  ];
  const list = (title: string, notes: readonly FileNote[]): Section => ({
    keep: 0,
    head: `**${title}**\n`,
    items: notes.map(
      (note) =>
        `- ${codeSpan(note.path)}${note.reason ? ` — ${escapeInlineText(note.reason)}` : ''}`,
    ),
    more: (n) => `- … ${n} more`,
  });
  if (reviewed.length > 0)
    parts.push(
      list(
        'Reviewed',
        reviewed.map((path) => ({ path })),
      ),
    );
  if (clipped.length > 0) parts.push(list('Clipped to fit the context budget', clipped));
  if (skipped.length > 0) parts.push(list('Skipped', skipped));
  parts.push('</details>');
  return parts;
}

// ---------------------------------------------------------------------------------------------
// Assembly within a size limit

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

function assemble(parts: readonly Part[], max: number): string {
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

// ---------------------------------------------------------------------------------------------
// Helpers

function rowsOf(findings: AnchorResult): Row[] {
  return [
    ...findings.anchored.map((c) => ({
      finding: c.finding,
      fingerprint: c.fingerprint,
      anchored: true,
    })),
    ...findings.unanchored.map((f) => ({
      finding: f,
      fingerprint: f.fingerprint,
      anchored: false,
      reason: f.reason,
    })),
  ];
}

function sortRows(rows: Row[]): Row[] {
  return [...rows].sort(
    (a, b) =>
      (SEVERITY_RANK[a.finding.severity] ?? 9) - (SEVERITY_RANK[b.finding.severity] ?? 9) ||
      a.finding.path.localeCompare(b.finding.path) ||
      a.finding.line - b.finding.line,
  );
}

function location(finding: Finding): string {
  const end =
    finding.end_line !== undefined && finding.end_line !== finding.line
      ? `-${finding.end_line}`
      : '';
  return `${finding.path}:${finding.line}${end}`;
}

function fitMeta(meta: SummaryMeta): string {
  let detailed = Math.min(meta.open.length, MAX_META_DETAILS);
  let total = Math.min(meta.open.length, MAX_META_FINGERPRINTS);
  for (;;) {
    const open = meta.open
      .slice(0, total)
      .map((finding, i) => (i < detailed ? finding : { fp: finding.fp }));
    const marker = hiddenMarker('meta', { ...meta, open });
    if (marker.length <= MAX_META || total === 0) return marker;
    if (detailed > 0) detailed = Math.floor(detailed / 2);
    else total = Math.floor(total / 2);
  }
}

function readMeta(data: unknown): SummaryMeta | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const value = data as Record<string, unknown>;
  if (value['v'] !== 1 || typeof value['workflow'] !== 'string') return undefined;
  const status = SUMMARY_STATUSES.find((s) => s === value['status']);
  if (!status) return undefined;
  const open: MetaFinding[] = [];
  for (const entry of Array.isArray(value['open']) ? value['open'] : []) {
    if (typeof entry !== 'object' || entry === null) continue;
    const item = entry as Record<string, unknown>;
    if (typeof item['fp'] !== 'string' || !/^[0-9a-f]{8,64}$/.test(item['fp'])) continue;
    const finding: MetaFinding = { fp: item['fp'] };
    const severity = (Object.keys(SEVERITY_RANK) as Severity[]).find((s) => s === item['severity']);
    if (severity) finding.severity = severity;
    if (typeof item['path'] === 'string') finding.path = item['path'];
    if (typeof item['title'] === 'string') finding.title = item['title'];
    open.push(finding);
  }
  const spend = value['spendUsd'];
  const meta: SummaryMeta = {
    v: 1,
    workflow: value['workflow'],
    status,
    spendUsd: typeof spend === 'number' && Number.isFinite(spend) && spend >= 0 ? spend : 0,
    open,
  };
  if (typeof value['headSha'] === 'string') meta.headSha = value['headSha'];
  return meta;
}

function roundUsd(value: number): number {
  return Number.isFinite(value) && value > 0 ? Math.round(value * 1e6) / 1e6 : 0;
}

function formatUsd(value: number): string {
  return `$${value < 1 ? value.toFixed(4) : value.toFixed(2)}`;
}

function formatInt(value: number): string {
  return Math.round(value).toLocaleString('en-US');
}
