/** `pr_description`: the pull request's title and body, sanitised and marked untrusted. Pure. */
import type { ContextBlock } from '../engine/types.js';
import { cutAtLineBoundary, formatCount } from './caps.js';
import { placeholder } from './placeholders.js';
import { sanitizeUntrustedText } from './sanitize-untrusted.js';

export function prDescriptionBlock(
  source: string,
  pr: { title: string; body: string } | undefined,
  maxChars: number,
): ContextBlock {
  const title = 'Pull request description (untrusted: written by the PR author)';
  if (!pr) return { source, title, text: placeholder.prDescriptionMissing(), placeholder: true };
  const prTitle = sanitizeUntrustedText(pr.title).replace(/\s*\n\s*/g, ' ');
  const body = sanitizeUntrustedText(pr.body ?? '');
  const full = `Title: ${prTitle || '(no title)'}\n\n${body || '(no description)'}`;
  const cut = cutAtLineBoundary(full, maxChars);
  const text = cut.truncated
    ? `${cut.text}${cut.text.endsWith('\n') ? '' : '\n'}[truncated: the description is ${formatCount(full.length)} characters; only the first ${formatCount(cut.text.length)} are shown.]`
    : cut.text;
  return { source, title, text, language: 'md', untrusted: true };
}
