/**
 * What a piece of fitted text costs (characters, and tokens when a token limit can bind), counted
 * once: every file of a diff is counted once per context level and per counter, however many
 * steps and loop iterations fit the same parsed diff, and a candidate text is costed as the sum
 * of its parts rather than counted again. Pure (the memo holds counts of immutable parsed files).
 *
 * Summing is sound because every part ends with a newline and the next starts with a character
 * that is not whitespace (a file header, a `@@` line, a `[` note): the tokenizers' pre-split never
 * joins text across such a boundary, so the counts add up exactly, and a counter that is only
 * subadditive (a max of two counts, a rounded estimate) gives a sum at or above the whole.
 */
import type { DiffFile } from '../diff/unified-diff.js';
import { renderAt, type Level } from './fit-reduce-context.js';

/** Tokens of a text, for the model that will read it. Must be synchronous and deterministic. */
export type TokenCounter = (text: string) => number;

export interface Cost {
  chars: number;
  tokens: number;
}

export const ZERO: Cost = Object.freeze({ chars: 0, tokens: 0 });

export function addCost(a: Cost, b: Cost): Cost {
  return { chars: a.chars + b.chars, tokens: a.tokens + b.tokens };
}

/** Without a tokenizer: a bound no BPE count exceeds by much (about 3 UTF-8 bytes a token). */
export function estimateTokens(text: string): number {
  return Math.ceil(Buffer.byteLength(text, 'utf8') / 3);
}

const memo = new WeakMap<TokenCounter, WeakMap<DiffFile, Map<Level, number>>>();

function memoFor(counter: TokenCounter, file: DiffFile): Map<Level, number> {
  let byFile = memo.get(counter);
  if (!byFile) {
    byFile = new WeakMap();
    memo.set(counter, byFile);
  }
  let byLevel = byFile.get(file);
  if (!byLevel) {
    byLevel = new Map();
    byFile.set(file, byLevel);
  }
  return byLevel;
}

export interface Meter {
  /** Characters at most: the budget's, or fewer when a floor of chars per token says so. */
  readonly maxChars: number;
  /** The budget as given, for the notes. */
  readonly stated: { chars: number; tokens: number | undefined };
  /** The token limit (it is named in notes even when it cannot bind). */
  readonly maxTokens: number | undefined;
  /** Tokens are counted: a token limit that the characters alone do not prove is met. */
  readonly counting: boolean;
  measure(text: string): Cost;
  /** A file at a context level (its rendered text counted once). */
  fileCost(file: DiffFile, level: Level): Cost;
  /** Whether a cost is within the budget. */
  within(cost: Cost): boolean;
  /** Whether `text`, costing `cost` (the sum of its parts), fits: by its bytes when they prove it. */
  fits(text: string, cost: Cost): boolean;
  /** The larger share of the budget a cost takes (characters or tokens). */
  weight(cost: Cost): number;
}

export function createMeter(budget: {
  maxChars: number;
  maxTokens?: number;
  countTokens?: TokenCounter;
  charsPerToken?: number;
}): Meter {
  const statedChars = Math.max(0, Math.floor(budget.maxChars));
  const maxTokens =
    budget.maxTokens === undefined || !Number.isFinite(budget.maxTokens)
      ? undefined
      : Math.max(0, Math.floor(budget.maxTokens));
  // A count of at least ceil(chars / r) is within maxTokens exactly when chars ≤ r × maxTokens:
  // the floor is a character limit on the whole text (it does not add up part by part).
  const floorChars =
    maxTokens !== undefined && budget.charsPerToken !== undefined && budget.charsPerToken > 0
      ? Math.floor(maxTokens * budget.charsPerToken)
      : Number.POSITIVE_INFINITY;
  const maxChars = Math.min(statedChars, floorChars);
  // A text within maxChars has at most 3 UTF-8 bytes a character, and a token covers at least
  // one byte: with maxTokens ≥ 3 × maxChars the token limit cannot bind, so nothing is counted.
  const counting = maxTokens !== undefined && maxTokens < 3 * maxChars;
  const counter = counting ? (budget.countTokens ?? estimateTokens) : undefined;
  const tokensOf = (text: string): number => (counter && text !== '' ? counter(text) : 0);

  return {
    maxChars,
    stated: { chars: statedChars, tokens: maxTokens },
    maxTokens,
    counting,
    measure: (text) => ({ chars: text.length, tokens: tokensOf(text) }),
    fileCost(file, level) {
      const rendered = renderAt(file, level);
      const chars = rendered.text.length;
      if (!counter) return { chars, tokens: 0 };
      // Over the whole character budget, the file is never shown at this level: its bytes bound
      // its tokens well enough to rank it, without counting.
      if (chars > maxChars) return { chars, tokens: Buffer.byteLength(rendered.text, 'utf8') };
      const counts = memoFor(counter, file);
      // A level that drops nothing costs what the file as given costs.
      const key: Level = rendered.reduced ? level : 'as-given';
      let tokens = counts.get(key);
      if (tokens === undefined) {
        tokens = tokensOf(rendered.text);
        counts.set(key, tokens);
      }
      return { chars, tokens };
    },
    within: (c) => c.chars <= maxChars && (!counting || c.tokens <= maxTokens!),
    fits(text, cost) {
      if (text.length > maxChars) return false;
      if (!counting) return true;
      if (Buffer.byteLength(text, 'utf8') <= maxTokens!) return true;
      return cost.tokens <= maxTokens!;
    },
    weight: (c) =>
      Math.max(
        maxChars > 0 ? c.chars / maxChars : Number.POSITIVE_INFINITY,
        !counting ? 0 : maxTokens! > 0 ? c.tokens / maxTokens! : Number.POSITIVE_INFINITY,
      ),
  };
}
