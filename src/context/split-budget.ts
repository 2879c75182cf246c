/**
 * One per-call budget for all sources of a step (see `splitContextBudget`): diffs first, each
 * fitted by fitDiff into its share; then the other sources in what is left. Every block's tokens
 * are counted once (a fitted diff brings its count along), and not at all when the context's
 * bytes already prove it within the token budget (`mayExceedTokens`). Pure.
 */
import type { ContextBlock } from '../engine/types.js';
import { cutAtLineBoundary, formatCount, type ContextLimits } from './caps.js';
import { diffInputChars, fitDiffInput, FITTED_TITLE_SUFFIX, type DiffInput } from './diff-block.js';
import type { TokenCounter } from './fit-diff.js';
import { placeholder } from './placeholders.js';

/**
 * Whether counting tokens can matter: a token covers at least one UTF-8 byte, so context whose
 * bytes (headings and fences included) fit the token budget fits whatever the tokenizer says, and
 * the tokenizer need not be loaded.
 */
export function mayExceedTokens(items: readonly ContextItem[], limits: ContextLimits): boolean {
  const budget = contextBudget(limits).tokens;
  if (!Number.isFinite(budget)) return false;
  let bytes = 0;
  const add = (block: Pick<ContextBlock, 'title' | 'text' | 'language' | 'untrusted'>): void => {
    const wrap = wrapperChars({ ...block, title: '' });
    bytes += Buffer.byteLength(block.text) + Buffer.byteLength(block.title) + wrap;
  };
  for (const item of items) {
    if ('blocks' in item) item.blocks.forEach(add);
    else if (item.input.kind === 'ready') add(item.input.block);
    else {
      const { input } = item;
      add({
        title: `${input.title}${FITTED_TITLE_SUFFIX}`,
        text: input.prefix ?? '',
        language: 'diff',
      });
      bytes += Buffer.byteLength(input.diff.text);
      // Files named but not read: a list line each, and the notes above the list.
      for (const u of input.unread ?? []) bytes += Buffer.byteLength(u.path + u.reason) + 16;
      if (input.unread?.length) bytes += 400;
    }
    if (bytes > budget) return true;
  }
  return false;
}

/** A resolved source: finished blocks, or a diff still to be fitted. */
export type ContextItem =
  { source: string; blocks: ContextBlock[] } | { source: string; input: DiffInput };

interface Cost {
  chars: number;
  tokens: number;
}

/** Shares of the budget other sources keep for themselves, at most, while diffs are fitted. */
export const OTHER_SOURCES_SHARE = 0.25;

/**
 * The floor of the default count: at least chars / 3.5 tokens, the gateway's estimate for
 * Anthropic and Gemini models, so context fitted with the o200k count and this floor is never
 * over the gateway's estimate for any family it knows (cl100k_base's exact count excepted).
 */
export const DEFAULT_CHARS_PER_TOKEN = 3.5;

/** Characters renderPrompt adds around a block (heading, fence, the untrusted-data sentence). */
function wrapperChars(
  block: Pick<ContextBlock, 'title' | 'untrusted' | 'placeholder' | 'language'>,
): number {
  return block.title.length + 32 + (block.language?.length ?? 4) + (block.untrusted ? 130 : 0);
}

/** The context budget of one call: characters, and tokens (Infinity when there is no token limit). */
export function contextBudget(limits: ContextLimits): Cost {
  const tokens =
    limits.maxInputTokens === undefined
      ? Number.POSITIVE_INFINITY
      : Math.max(
          0,
          limits.maxInputTokens -
            (limits.reserveTokens ?? Math.max(1_000, Math.ceil(limits.maxInputTokens * 0.1))),
        );
  return { chars: limits.maxContextChars, tokens };
}

export interface SplitOptions {
  countTokens?: TokenCounter;
  /** A floor on each block's count: at least ceil(chars / this) (see DEFAULT_CHARS_PER_TOKEN). */
  charsPerToken?: number;
  /** Leave each block's count in `tokens` (else blocks come back without one). */
  keepCounts?: boolean;
  ignore?: readonly string[];
  onDiffError?: (source: string, e: unknown) => ContextBlock;
}

const add = (a: Cost, b: Cost): Cost => ({ chars: a.chars + b.chars, tokens: a.tokens + b.tokens });
const sub = (a: Cost, b: Cost): Cost => ({ chars: a.chars - b.chars, tokens: a.tokens - b.tokens });
const ZERO: Cost = { chars: 0, tokens: 0 };

/** One split: the budget, and each block's cost (its text counted once, however often asked). */
interface Split {
  budget: Cost;
  hasTokens: boolean;
  limits: ContextLimits;
  options: SplitOptions;
  textTokens(b: ContextBlock): number;
  costOf(b: ContextBlock): Cost;
}

function createSplit(limits: ContextLimits, options: SplitOptions): Split {
  const budget = contextBudget(limits);
  const hasTokens = Number.isFinite(budget.tokens);
  const count = options.countTokens;
  // A fitted diff comes with its count (the sum of its files'); other blocks are counted here.
  const counts = new WeakMap<ContextBlock, number>();
  const floor = (text: string): number =>
    options.charsPerToken ? Math.ceil(text.length / options.charsPerToken) : 0;
  const textTokens = (b: ContextBlock): number => {
    if (!count) return Math.ceil(Buffer.byteLength(b.text) / 3);
    let n = b.tokens ?? counts.get(b);
    if (n === undefined) {
      n = count(b.text);
      counts.set(b, n);
    }
    return Math.max(n, floor(b.text));
  };
  const costOf = (b: ContextBlock): Cost => {
    const wrap = wrapperChars(b);
    return {
      chars: b.text.length + wrap,
      tokens: hasTokens ? textTokens(b) + Math.ceil(wrap / 3) : 0,
    };
  };
  return { budget, hasTokens, limits, options, textTokens, costOf };
}

/**
 * Splits the per-call budget between a step's sources, diffs first, and fits every block into it:
 *
 * 1. Other sources (file:, glob:, pr_description, placeholders) are already capped by their own
 *    limits; they keep what they need, up to a quarter of the budget, while diffs are fitted.
 * 2. Diff sources (git_diff, latest_diff) share the rest — each at most `maxDiffChars` — the
 *    smallest first, each taking what it needs up to an equal share of what is left, so one small
 *    diff never strands budget that a large one could use. Each is fitted by fitDiff.
 * 3. Other sources then get everything the diffs left. If they need more, they are kept in the
 *    order declared; the one that no longer fits is cut at a line boundary (with a note), and
 *    those after it become placeholders saying they were over the budget.
 */
export function splitContextBudget(
  items: readonly ContextItem[],
  limits: ContextLimits,
  options: SplitOptions = {},
): ContextBlock[] {
  const split = createSplit(limits, options);
  // What the other sources ask for.
  const otherBlocks = new Map<number, ContextBlock[]>();
  items.forEach((item, i) => {
    if ('blocks' in item) otherBlocks.set(i, item.blocks);
    else if (item.input.kind === 'ready') otherBlocks.set(i, [item.input.block]);
  });
  let othersNeed = ZERO;
  for (const blocks of otherBlocks.values())
    for (const b of blocks) othersNeed = add(othersNeed, split.costOf(b));

  const fitted = fitDiffs(split, items, othersNeed);
  let diffUsed = ZERO;
  for (const b of fitted.values()) diffUsed = add(diffUsed, split.costOf(b));
  const shownOthers = placeOthers(split, items, otherBlocks, sub(split.budget, diffUsed));

  const blocks = items.flatMap((_, i) => {
    const done = fitted.get(i);
    return done ? [done] : (shownOthers.get(i) ?? []);
  });
  const keep = options.keepCounts && options.countTokens && split.hasTokens;
  return blocks.map((b) => {
    const { tokens: _own, ...rest } = b;
    return keep ? { ...rest, tokens: split.textTokens(b) } : rest;
  });
}

/** Step 2: the diff sources, smallest first, each fitted into its share of what is left. */
function fitDiffs(
  split: Split,
  items: readonly ContextItem[],
  othersNeed: Cost,
): Map<number, ContextBlock> {
  const { budget, hasTokens, limits, options } = split;
  const diffs = items.flatMap((item, i) =>
    'input' in item && item.input.kind === 'diff' ? [{ i, input: item.input }] : [],
  );
  const fitted = new Map<number, ContextBlock>();
  let pool: Cost = {
    chars:
      budget.chars - Math.min(othersNeed.chars, Math.floor(budget.chars * OTHER_SOURCES_SHARE)),
    tokens:
      budget.tokens - Math.min(othersNeed.tokens, Math.floor(budget.tokens * OTHER_SOURCES_SHARE)),
  };
  const ordered = diffs
    .map((d) => {
      const wrap = wrapperChars({
        title: `${d.input.title}${FITTED_TITLE_SUFFIX}`,
        untrusted: d.input.untrusted === true,
        language: 'diff',
      });
      // Files named but not in the patch need a line each at the end of the block.
      const list = (d.input.unread ?? []).reduce(
        (n, u) => n + u.path.length + u.reason.length + 16,
        0,
      );
      return { ...d, wrap, need: diffInputChars(d.input) + wrap + (list > 0 ? list + 400 : 0) };
    })
    .sort((a, b) => a.need - b.need || a.i - b.i);
  ordered.forEach((d, k) => {
    const left = ordered.length - k;
    const share: Cost = {
      chars: Math.max(0, Math.min(d.need, Math.floor(pool.chars / left))),
      tokens: hasTokens ? Math.max(0, Math.floor(pool.tokens / left)) : Number.POSITIVE_INFINITY,
    };
    let block: ContextBlock;
    try {
      block = fitDiffInput(d.input, {
        budget: {
          maxChars: Math.min(limits.maxDiffChars, Math.max(0, share.chars - d.wrap)),
          ...(hasTokens
            ? {
                maxTokens: Math.max(0, share.tokens - Math.ceil(d.wrap / 3)),
                ...(options.countTokens ? { countTokens: options.countTokens } : {}),
                ...(options.charsPerToken ? { charsPerToken: options.charsPerToken } : {}),
              }
            : {}),
        },
        ...(options.ignore ? { ignore: options.ignore } : {}),
      });
    } catch (e) {
      if (!options.onDiffError) throw e;
      block = options.onDiffError(d.input.source, e);
    }
    fitted.set(d.i, block);
    pool = sub(pool, split.costOf(block));
  });
  return fitted;
}

/**
 * Step 3: the other sources, in declaration order, in what the diffs left — keeping room for a
 * placeholder for each one after the current one, should they not fit either.
 */
function placeOthers(
  split: Split,
  items: readonly ContextItem[],
  otherBlocks: ReadonlyMap<number, ContextBlock[]>,
  left: Cost,
): Map<number, ContextBlock[]> {
  const { budget, hasTokens, costOf } = split;
  let room = left;
  const overBudget = (b: ContextBlock): ContextBlock => ({
    source: b.source,
    title: b.title,
    text: placeholder.overContextBudget(b.title, budgetWords(budget)),
    placeholder: true,
  });
  const queue: { i: number; block: ContextBlock; fallback: Cost }[] = [];
  items.forEach((_, i) => {
    for (const block of otherBlocks.get(i) ?? []) {
      queue.push({
        i,
        block,
        fallback: block.placeholder ? costOf(block) : costOf(overBudget(block)),
      });
    }
  });
  let later = queue.reduce((sum, q) => add(sum, q.fallback), ZERO);
  const shownOthers = new Map<number, ContextBlock[]>();
  for (const { i, block, fallback } of queue) {
    later = sub(later, fallback);
    const space = sub(room, later);
    const c = costOf(block);
    let shown: ContextBlock;
    if (c.chars <= space.chars && (!hasTokens || c.tokens <= space.tokens)) shown = block;
    else
      shown =
        (block.placeholder ? undefined : cutToRoom(block, space, costOf)) ??
        (block.placeholder ? block : overBudget(block));
    room = sub(room, costOf(shown));
    const list = shownOthers.get(i) ?? [];
    list.push(shown);
    shownOthers.set(i, list);
  }
  return shownOthers;
}

function budgetWords(budget: Cost): string {
  const chars = `${formatCount(budget.chars)} characters`;
  return Number.isFinite(budget.tokens) ? `${chars} / ${formatCount(budget.tokens)} tokens` : chars;
}

/** Below this many characters of room, a block is replaced by a placeholder, not cut. */
const MIN_CUT_CHARS = 1_000;

/** The block cut at a line boundary to fit `room`, with a note; undefined when too little fits. */
function cutToRoom(
  block: ContextBlock,
  room: Cost,
  costOf: (b: ContextBlock) => Cost,
): ContextBlock | undefined {
  const note = `[truncated: cut to fit the per-call context budget; the rest of this source is not shown.]`;
  let max = room.chars - wrapperChars(block) - note.length - 1 - ' (truncated)'.length;
  for (let attempt = 0; attempt < 6 && max >= MIN_CUT_CHARS; attempt++) {
    const cut = cutAtLineBoundary(block.text, max);
    const body = cut.text.endsWith('\n') ? cut.text : `${cut.text}\n`;
    const { tokens: _whole, ...rest } = block;
    const candidate: ContextBlock = {
      ...rest,
      title: block.title.includes('(truncated)') ? block.title : `${block.title} (truncated)`,
      text: `${body}${note}`,
    };
    const c = costOf(candidate);
    if (c.chars <= room.chars && c.tokens <= room.tokens) return candidate;
    // Over in tokens: shrink in proportion, with a margin.
    max = Math.floor(max * Math.min(0.9, room.tokens / Math.max(1, c.tokens)));
  }
  return undefined;
}
