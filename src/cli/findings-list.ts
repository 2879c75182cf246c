/**
 * The final review as a terminal list, one finding a line (severity, `path:line`, title), and
 * the `--fail-on` rule that turns findings into an exit code. Pure.
 */
import { findingLocation } from '../engine/finding-location.js';
import type { Finding, ReviewOutcome, Severity } from '../engine/types.js';
import { plain, terminalSafe, type Paint, type StyleFormat } from './style.js';

export const FAIL_ON_LEVELS = ['none', 'high', 'medium', 'low', 'info'] as const;
export type FailOn = (typeof FAIL_ON_LEVELS)[number];

const RANK: Record<Severity, number> = { high: 3, medium: 2, low: 1, info: 0 };
const STYLE: Record<Severity, StyleFormat> = {
  high: ['red', 'bold'],
  medium: 'yellow',
  low: 'cyan',
  info: 'dim',
};
const MAX_TITLE = 120;

/** Findings at or above `level` (none for `none`). */
export function failingFindings(findings: readonly Finding[], level: FailOn): Finding[] {
  if (level === 'none') return [];
  return findings.filter((f) => RANK[f.severity] >= RANK[level]);
}

function oneLine(text: string): string {
  const flat = terminalSafe(text.replace(/\s+/g, ' ')).trim();
  return flat.length > MAX_TITLE ? `${flat.slice(0, MAX_TITLE - 1)}…` : flat;
}

/** `Findings (2):` then one line each, most severe first, or a line saying there are none. */
export function formatFindings(review: ReviewOutcome, paint: Paint = plain): string {
  const findings = [...review.findings].sort(
    (a, b) =>
      RANK[b.severity] - RANK[a.severity] || a.path.localeCompare(b.path) || a.line - b.line,
  );
  const status = `review status: ${review.status}`;
  if (findings.length === 0) return `\nNo findings (${status}).\n`;
  const width = Math.min(48, Math.max(...findings.map((f) => oneLine(findingLocation(f)).length)));
  const lines = [`\nFindings (${findings.length}, ${status}):`];
  for (const f of findings) {
    const severity = paint(STYLE[f.severity], f.severity.toUpperCase().padEnd(6));
    lines.push(`  ${severity}  ${oneLine(findingLocation(f)).padEnd(width)}  ${oneLine(f.title)}`);
  }
  return `${lines.join('\n')}\n`;
}
