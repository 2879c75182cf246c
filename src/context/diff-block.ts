/**
 * A diff source in two halves: first the raw diff (read once, not yet fitted), then the block
 * fitted into whatever share of the per-call budget the resolver gives it. Pure.
 */
import type { ParsedDiff } from '../diff/unified-diff.js';
import type { ContextBlock } from '../engine/types.js';
import { fitDiff, type FitBudget, type UnreadFile } from './fit-diff.js';

/** A diff source's raw material, or a finished (placeholder) block when there is nothing to fit. */
export type DiffInput =
  | { kind: 'ready'; block: ContextBlock }
  | {
      kind: 'diff';
      source: string;
      title: string;
      /** Parsed once (for a PR, once for the whole run); `diff.text` is the patch. */
      diff: ParsedDiff;
      /** Changed files that are not in `patch` (never read, over a count limit). */
      unread?: UnreadFile[];
      /** Text shown before the patch inside the block (it counts against the budget). */
      prefix?: string;
      untrusted?: boolean;
    };

export interface DiffFitOptions {
  budget: FitBudget;
  /** Globs dropped first when over budget (added to the defaults). */
  ignore?: readonly string[];
}

export const FITTED_TITLE_SUFFIX = ' (fitted to the context budget)';

/** Characters (and tokens) the whole raw block would take: what a diff source asks for. */
export function diffInputChars(input: DiffInput): number {
  if (input.kind === 'ready') return input.block.text.length;
  return (input.prefix?.length ?? 0) + input.diff.text.length;
}

/** The block for a diff input, fitted into `options.budget` (prefix included). */
export function fitDiffInput(input: DiffInput, options: DiffFitOptions): ContextBlock {
  if (input.kind === 'ready') return input.block;
  const prefix = input.prefix ?? '';
  const count = options.budget.countTokens;
  const perToken = options.budget.charsPerToken;
  const prefixTokens =
    options.budget.maxTokens !== undefined && count && prefix
      ? Math.max(count(prefix), perToken ? Math.ceil(prefix.length / perToken) : 0)
      : 0;
  const budget: FitBudget = {
    ...options.budget,
    maxChars: Math.max(0, options.budget.maxChars - prefix.length),
    ...(options.budget.maxTokens !== undefined
      ? { maxTokens: Math.max(0, options.budget.maxTokens - prefixTokens) }
      : {}),
  };
  const fit = fitDiff(input.diff, budget, {
    ...(options.ignore ? { ignore: options.ignore } : {}),
    ...(input.unread?.length ? { unread: input.unread } : {}),
  });
  const block: ContextBlock = {
    source: input.source,
    title: fit.fitted ? `${input.title}${FITTED_TITLE_SUFFIX}` : input.title,
    text: `${prefix}${fit.text}`,
    language: 'diff',
    coverage: fit.coverage,
  };
  if (input.untrusted) block.untrusted = true;
  if (count && fit.tokens !== undefined) block.tokens = prefixTokens + fit.tokens;
  return block;
}
