/**
 * The body of one inline review comment: severity badge, title, explanation, an optional
 * ```suggestion block, and the hidden fingerprint marker that lets a re-run skip it.
 *
 * All model text is escaped (`escapeCommentText`); the suggestion is code and stays verbatim, in
 * a fence longer than any backtick run inside it. GitHub applies a suggestion in place of every
 * line the comment covers (`start_line`..`line`), so it is offered only when the comment covers
 * exactly the finding's range; otherwise it is shown as a plain code block.
 */
import type { Finding, Severity } from '../engine/types.js';
import { hiddenMarker } from './fingerprint.js';
import { escapeCommentText, escapeInlineText, fencedBlock, truncateMarkdown } from './markdown.js';

/** GitHub's limit on a comment body, in characters. */
export const MAX_COMMENT_BODY = 65_536;
/** Longer suggestions are not shown inline (the finding still is). */
export const MAX_SUGGESTION = 20_000;
export const MAX_TITLE = 300;

export const SEVERITY_BADGE: Record<Severity, string> = {
  high: '🔴 High',
  medium: '🟠 Medium',
  low: '🟡 Low',
  info: '🔵 Info',
};

export interface InlineCommentOptions {
  fingerprint: string;
  /**
   * True when the comment covers exactly the finding's lines, so the suggestion can be a
   * one-click ```suggestion. Default true.
   */
  suggestionFits?: boolean;
}

export function renderInlineComment(finding: Finding, options: InlineCommentOptions): string {
  const head = `**${SEVERITY_BADGE[finding.severity] ?? finding.severity}** · ${renderTitle(finding.title)}`;
  const marker = hiddenMarker('finding', { fp: options.fingerprint });
  const suggestion = renderSuggestion(finding, options.suggestionFits ?? true);
  const fixed = head.length + suggestion.length + marker.length + 8;
  const body = truncateMarkdown(
    escapeCommentText(finding.body.trim()),
    Math.max(0, MAX_COMMENT_BODY - fixed),
  );
  return [head, body, suggestion, marker].filter((part) => part !== '').join('\n\n');
}

/** The body of the review that carries the inline comments: a count and a link to the summary. */
export function renderReviewBody(newFindings: number, summaryUrl?: string): string {
  const what = `aethr found ${newFindings} new finding${newFindings === 1 ? '' : 's'}`;
  const summary = summaryUrl ? `[summary comment](${summaryUrl})` : 'summary comment';
  return `${what}; the ${summary} has the full review: the overview, every finding and what was resolved.`;
}

/** A title on one line, escaped, cut at MAX_TITLE characters. */
export function renderTitle(title: string): string {
  const flat = escapeInlineText(title);
  return flat.length > MAX_TITLE
    ? `${flat.slice(0, MAX_TITLE - 1)}…`
    : flat || '(untitled finding)';
}

function renderSuggestion(finding: Finding, fits: boolean): string {
  if (finding.suggestion === undefined) return '';
  const code = finding.suggestion;
  if (code.length > MAX_SUGGESTION) return '_The suggested change is too long to show here._';
  if (fits) return fencedBlock(code, 'suggestion');
  const range =
    finding.end_line !== undefined && finding.end_line !== finding.line
      ? `lines ${finding.line}–${finding.end_line}`
      : `line ${finding.line}`;
  return `Suggested change for ${range} (spans more than this comment covers, so not offered as a one-click change):\n\n${fencedBlock(code)}`;
}
