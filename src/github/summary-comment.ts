/**
 * The sticky summary comment (one per pull request and workflow, edited in place) and the job
 * summary, both rendered from one structured input: status, the reviewer's own overview, the
 * findings (each location linked to its line, and to its inline comment when there is one),
 * iterations and files.
 *
 * The comment starts with a `summary` marker naming the workflow (how the next run finds it) and
 * ends with a `meta` marker (summary-meta.ts): the open findings' fingerprints, the head it
 * reviewed and the pull request's cumulative spend.
 *
 * Bodies stay under GitHub's 65,536-character limit by dropping whole items from the bottom of
 * the least important sections first (file lists, resolved findings, unanchored details, then
 * table rows) and saying how many were left out (comment-sections.ts).
 */
import { formatCount } from '../context/caps.js';
import { findingLocation } from '../engine/finding-location.js';
import { SEVERITIES, type Finding, type Severity } from '../engine/types.js';
import { assemble, type Part, type Section } from './comment-sections.js';
import type { AnchorResult } from './diff-anchor.js';
import { locationUrl } from './finding-links.js';
import { hiddenMarker, parseHiddenMarkers } from './fingerprint.js';
import { SEVERITY_BADGE, MAX_COMMENT_BODY, renderTitle } from './inline-comment.js';
import {
  codeSpan,
  demoteHeadings,
  escapeCommentText,
  escapeInlineText,
  escapeTableCell,
  fencedBlock,
  truncateMarkdown,
} from './markdown.js';
import {
  fitMeta,
  roundUsd,
  type MetaFinding,
  type SummaryMeta,
  type SummaryStatus,
} from './summary-meta.js';

export { parseSummaryMeta, SUMMARY_STATUSES } from './summary-meta.js';
export type { MetaFinding, SummaryMeta, SummaryStatus } from './summary-meta.js';

/** GITHUB_STEP_SUMMARY takes up to 1 MiB per step. */
export const MAX_JOB_SUMMARY = 1_000_000;
const MAX_DETAIL = 8_000;
const MAX_MESSAGE = 4_000;
/** The reviewer's overview is capped before it gets here; this bounds what any caller passes. */
const MAX_OVERVIEW = 8_000;

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
  /** The reviewer's own prose about the change (model output: escaped here). */
  overview?: string;
  /** `https://github.com/o/r/pull/7/files`: locations on diff lines link there. */
  pullFilesUrl?: string;
  /** Fingerprint → URL of the inline comment carrying that finding. */
  inlineUrls?: ReadonlyMap<string, string>;
  files?: {
    reviewed?: readonly string[];
    clipped?: readonly FileNote[];
    skipped?: readonly FileNote[];
    /** Context sources labels brought in (`file:SECURITY.md`, with the label as the reason). */
    context?: readonly FileNote[];
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
  fileInDiff?: boolean;
}

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
  if (input.overview?.trim()) {
    const prose = demoteHeadings(escapeCommentText(input.overview.trim()), 4);
    parts.push(`### Overview\n\n${truncateMarkdown(prose, MAX_OVERVIEW)}`);
  }

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
  const counts = SEVERITIES.map(
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
          `| ${SEVERITY_BADGE[row.finding.severity]} | ${escapeTableCell(linkedLocation(row, input))} | ${escapeTableCell(renderTitle(row.finding.title))}${row.anchored ? '' : ' ¹'} |`,
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
      items: detailed.map((row) => renderDetail(row, input)),
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

function renderDetail(row: Row, input: SummaryInput): string {
  const head = `#### ${SEVERITY_BADGE[row.finding.severity]} · ${renderTitle(row.finding.title)}`;
  const where = `${linkedLocation(row, input)}${row.reason ? ` — ${escapeInlineText(row.reason)}` : ''}`;
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

function noteList(title: string, notes: readonly FileNote[], keep = 0): Section {
  return {
    keep,
    head: `**${title}**\n`,
    items: notes.map(
      (note) =>
        `- ${codeSpan(note.path)}${note.reason ? ` — ${escapeInlineText(note.reason)}` : ''}`,
    ),
    more: (n) => `- … ${n} more`,
  };
}

function fileSections(input: SummaryInput): Part[] {
  const reviewed = input.files?.reviewed ?? [];
  const clipped = input.files?.clipped ?? [];
  const skipped = input.files?.skipped ?? [];
  const context = input.files?.context ?? [];
  const parts: Part[] = [];
  if (context.length > 0) parts.push(noteList('Context added by labels', context, 1));
  if (reviewed.length + clipped.length + skipped.length === 0) return parts;
  parts.push(
    `<details><summary>Files: ${reviewed.length} reviewed, ${clipped.length} clipped, ${skipped.length} skipped</summary>`,
  );
  if (reviewed.length > 0)
    parts.push(
      noteList(
        'Reviewed',
        reviewed.map((path) => ({ path })),
      ),
    );
  if (clipped.length > 0) parts.push(noteList('Clipped to fit the context budget', clipped));
  if (skipped.length > 0) parts.push(noteList('Skipped', skipped));
  parts.push('</details>');
  return parts;
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
      fileInDiff: f.fileInDiff,
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

/** `path:line` as a link to the line, then a link to the inline comment when there is one. */
function linkedLocation(row: Row, input: SummaryInput): string {
  const text = codeSpan(findingLocation(row.finding));
  const placement = row.anchored ? 'line' : row.fileInDiff ? 'file' : 'outside';
  const url = locationUrl(row.finding, placement, input);
  const inline = input.inlineUrls?.get(row.fingerprint);
  return `${url ? `[${text}](${url})` : text}${inline ? ` · [comment](${inline})` : ''}`;
}

function formatUsd(value: number): string {
  return `$${value < 1 ? value.toFixed(4) : value.toFixed(2)}`;
}

function formatInt(value: number): string {
  // Not toLocaleString: Intl's first use costs ~20 ms of a run's exit.
  return formatCount(Math.round(value));
}
