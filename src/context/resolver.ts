/**
 * The context resolver: turns a step's declared sources into prompt blocks, in the order they
 * are declared. Expected conditions (missing file, empty diff, no git, …) become placeholder
 * blocks; an unexpected failure of one source becomes a placeholder too and never hides others.
 *
 * All blocks of a step share one per-call budget (`maxContextChars`, and `maxInputTokens` minus
 * `reserveTokens` when set), split diffs first — see `splitContextBudget`.
 */
import { realpath, stat } from 'node:fs/promises';
import type { ContextBlock, ContextResolver, ContextState } from '../engine/types.js';
import { GitError, isGitRepo } from '../git/run-git.js';
import {
  contextLimitsFromWorkflow,
  cutAtLineBoundary,
  formatCount,
  resolveLimits,
  type ContextLimits,
  type PerCallLimits,
} from './caps.js';
import { diffInputChars, fitDiffInput, FITTED_TITLE_SUFFIX, type DiffInput } from './diff-block.js';
import { fileSource } from './file-source.js';
import type { TokenCounter } from './fit-diff.js';
import { prDiffInput, workingTreeDiffInput, type LabelledDiff } from './git-diff-source.js';
import { globSource } from './glob-source.js';
import { latestDiffInput } from './latest-diff-source.js';
import { loadEncoder } from '../models/tokens.js';
import { placeholder } from './placeholders.js';
import { prDescriptionBlock } from './pr-description-source.js';

export interface ContextResolverOptions {
  /** The project root: `file:` and `glob:` paths are relative to it; git_diff runs in its repository. */
  root: string;
  /** PR mode: `git_diff` is this diff (e.g. base...head, parsed once) instead of the working tree. */
  prDiff?: LabelledDiff;
  /** PR mode: the source of `pr_description` (raw; it is sanitised here). */
  prDescription?: { title: string; body: string };
  limits?: Partial<ContextLimits>;
  /**
   * The workflow's `limits:` block as written in `.aethr.yaml`: `max_context_chars_per_call` and
   * `max_input_tokens_per_call` override `limits.maxContextChars` / `limits.maxInputTokens`.
   */
  perCall?: PerCallLimits | null;
  /**
   * Tokens of a text for the model the prompt goes to (used only with a token limit); must add up
   * over newline-ended parts. Default: gpt-tokenizer's o200k count, with a floor of chars / 3.5
   * (DEFAULT_CHARS_PER_TOKEN) — at or above the estimate the model gateway makes for OpenAI,
   * Anthropic, Gemini and other models.
   */
  countTokens?: TokenCounter;
  /** Globs of changed files dropped first when a diff is over budget (besides lock files etc.). */
  ignore?: readonly string[];
}

export type ParsedSource =
  | { kind: 'git_diff' }
  | { kind: 'latest_diff' }
  | { kind: 'pr_description' }
  | { kind: 'file'; path: string }
  | { kind: 'glob'; pattern: string }
  | { kind: 'unknown' };

/** `file:README.md` → `{kind: 'file', path: 'README.md'}`. Pure. */
export function parseSource(source: string): ParsedSource {
  const s = source.trim();
  if (s === 'git_diff') return { kind: 'git_diff' };
  if (s === 'latest_diff') return { kind: 'latest_diff' };
  if (s === 'pr_description') return { kind: 'pr_description' };
  if (s.startsWith('file:')) return { kind: 'file', path: s.slice('file:'.length).trim() };
  if (s.startsWith('glob:')) return { kind: 'glob', pattern: s.slice('glob:'.length).trim() };
  return { kind: 'unknown' };
}

/** Bytes of working-tree diff read at most, before fitting (8× the context budget, 4–64 MiB). */
export function readLimitBytes(limits: ContextLimits): number {
  return Math.min(64 * 1024 * 1024, Math.max(4 * 1024 * 1024, limits.maxContextChars * 8));
}

export function createContextResolver(options: ContextResolverOptions): ContextResolver {
  const limits = resolveLimits({
    ...options.limits,
    ...contextLimitsFromWorkflow(options.perCall),
  });
  const root = options.root;
  let counter: Promise<TokenCounter> | undefined;
  const tokenCounter = (): Promise<TokenCounter> =>
    (counter ??= options.countTokens
      ? Promise.resolve(options.countTokens)
      : loadEncoder('o200k_base'));

  async function diffInput(source: string, state: ContextState): Promise<DiffInput | undefined> {
    const parsed = parseSource(source);
    if (parsed.kind === 'latest_diff') return latestDiffInput(source, state.latestArtifact);
    if (parsed.kind !== 'git_diff') return undefined;
    if (options.prDiff) return prDiffInput(source, options.prDiff);
    return workingTreeDiffInput(source, root, {
      maxReadBytes: readLimitBytes(limits),
      maxUntrackedFiles: limits.maxUntrackedFiles,
    });
  }

  /** The real project root, or undefined when it does not exist (checked per resolve: trees change). */
  async function realRoot(): Promise<string | undefined> {
    try {
      const real = await realpath(root);
      return (await stat(real)).isDirectory() ? real : undefined;
    } catch {
      return undefined;
    }
  }

  async function inGitRepo(rootReal: string): Promise<boolean> {
    try {
      return await isGitRepo(rootReal);
    } catch (e) {
      if (e instanceof GitError && e.kind === 'not-installed') return false;
      throw e;
    }
  }

  async function resolveOne(
    source: string,
    rootReal: Promise<string | undefined>,
  ): Promise<ContextBlock[]> {
    const parsed = parseSource(source);
    switch (parsed.kind) {
      case 'git_diff':
      case 'latest_diff':
        return []; // resolved by diffInput
      case 'pr_description':
        return [prDescriptionBlock(source, options.prDescription, limits.maxPrDescriptionChars)];
      case 'file': {
        const real = await rootReal;
        if (real === undefined) {
          return [
            {
              source,
              title: `File: ${parsed.path}`,
              text: placeholder.rootMissing(root),
              placeholder: true,
            },
          ];
        }
        return [await fileSource(source, parsed.path, real, limits.maxFileChars)];
      }
      case 'glob': {
        const real = await rootReal;
        if (real === undefined) {
          return [
            {
              source,
              title: `glob:${parsed.pattern}`,
              text: placeholder.rootMissing(root),
              placeholder: true,
            },
          ];
        }
        return globSource(source, parsed.pattern, real, await inGitRepo(real), limits);
      }
      case 'unknown':
        return [
          {
            source,
            title: `Unknown source ${source}`,
            text: placeholder.unknownSource(source),
            placeholder: true,
          },
        ];
    }
  }

  return {
    async resolve(sources: readonly string[], state: ContextState): Promise<ContextBlock[]> {
      let rootPromise: Promise<string | undefined> | undefined;
      const lazyRoot = (): Promise<string | undefined> => (rootPromise ??= realRoot());
      const failed = (source: string, e: unknown): ContextBlock => ({
        source,
        title: source,
        text: placeholder.sourceFailed(source, e instanceof Error ? e.message : String(e)),
        placeholder: true,
      });
      const items: ContextItem[] = await Promise.all(
        sources.map(async (source): Promise<ContextItem> => {
          try {
            const input = await diffInput(source, state);
            if (input) return { source, input };
            const needsRoot = /^\s*(file|glob):/.test(source);
            const blocks = await resolveOne(
              source,
              needsRoot ? lazyRoot() : Promise.resolve(undefined),
            );
            return { source, blocks };
          } catch (e) {
            return { source, blocks: [failed(source, e)] };
          }
        }),
      );
      const countTokens = mayExceedTokens(items, limits) ? await tokenCounter() : undefined;
      const ownCounter = options.countTokens === undefined;
      return splitContextBudget(items, limits, {
        ...(countTokens ? { countTokens } : {}),
        ...(ownCounter ? { charsPerToken: DEFAULT_CHARS_PER_TOKEN } : {}),
        // The default counter is at or above every model family's count but cl100k's, so the
        // engine may pass the blocks' counts on to the gateway (ChatRequest.counted).
        keepCounts: ownCounter,
        ...(options.ignore ? { ignore: options.ignore } : {}),
        onDiffError: failed,
      });
    },
  };
}

/**
 * Whether counting tokens can matter: a token covers at least one UTF-8 byte, so context whose
 * bytes (headings and fences included) fit the token budget fits whatever the tokenizer says, and
 * the tokenizer need not be loaded.
 */
function mayExceedTokens(items: readonly ContextItem[], limits: ContextLimits): boolean {
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

// ---------------------------------------------------------------------------------------------
// One budget for all sources of a step

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
  options: {
    countTokens?: TokenCounter;
    /** A floor on each block's count: at least ceil(chars / this) (see DEFAULT_CHARS_PER_TOKEN). */
    charsPerToken?: number;
    /** Leave each block's count in `tokens` (else blocks come back without one). */
    keepCounts?: boolean;
    ignore?: readonly string[];
    onDiffError?: (source: string, e: unknown) => ContextBlock;
  } = {},
): ContextBlock[] {
  const budget = contextBudget(limits);
  const hasTokens = Number.isFinite(budget.tokens);
  const count = options.countTokens;
  // Each block's text is counted once, however often its cost is asked (a fitted diff comes with
  // its count, the sum of its files').
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
  const add = (a: Cost, b: Cost): Cost => ({
    chars: a.chars + b.chars,
    tokens: a.tokens + b.tokens,
  });
  const zero: Cost = { chars: 0, tokens: 0 };

  // What the other sources ask for.
  const otherBlocks = new Map<number, ContextBlock[]>();
  items.forEach((item, i) => {
    if ('blocks' in item) otherBlocks.set(i, item.blocks);
    else if (item.input.kind === 'ready') otherBlocks.set(i, [item.input.block]);
  });
  let othersNeed = zero;
  for (const blocks of otherBlocks.values())
    for (const b of blocks) othersNeed = add(othersNeed, costOf(b));

  // 2. Diffs, smallest first.
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
    const wrap = d.wrap;
    const share: Cost = {
      chars: Math.max(0, Math.min(d.need, Math.floor(pool.chars / left))),
      tokens: hasTokens ? Math.max(0, Math.floor(pool.tokens / left)) : Number.POSITIVE_INFINITY,
    };
    let block: ContextBlock;
    try {
      block = fitDiffInput(d.input, {
        budget: {
          maxChars: Math.min(limits.maxDiffChars, Math.max(0, share.chars - wrap)),
          ...(hasTokens
            ? {
                maxTokens: Math.max(0, share.tokens - Math.ceil(wrap / 3)),
                ...(count ? { countTokens: count } : {}),
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
    const used = costOf(block);
    pool = { chars: pool.chars - used.chars, tokens: pool.tokens - used.tokens };
  });
  let diffUsed = zero;
  for (const b of fitted.values()) diffUsed = add(diffUsed, costOf(b));

  // 3. Other sources, in declaration order, in what the diffs left — keeping room for a
  //    placeholder for each one after the current one, should they not fit either.
  let room: Cost = {
    chars: budget.chars - diffUsed.chars,
    tokens: budget.tokens - diffUsed.tokens,
  };
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
  let later = queue.reduce((sum, q) => add(sum, q.fallback), zero);
  const shownOthers = new Map<number, ContextBlock[]>();
  for (const { i, block, fallback } of queue) {
    later = { chars: later.chars - fallback.chars, tokens: later.tokens - fallback.tokens };
    const space: Cost = { chars: room.chars - later.chars, tokens: room.tokens - later.tokens };
    const c = costOf(block);
    let shown: ContextBlock;
    if (c.chars <= space.chars && (!hasTokens || c.tokens <= space.tokens)) shown = block;
    else
      shown =
        (block.placeholder ? undefined : cutToRoom(block, space, costOf)) ??
        (block.placeholder ? block : overBudget(block));
    const used = costOf(shown);
    room = { chars: room.chars - used.chars, tokens: room.tokens - used.tokens };
    const list = shownOthers.get(i) ?? [];
    list.push(shown);
    shownOthers.set(i, list);
  }
  const blocks = items.flatMap((_, i) => {
    const done = fitted.get(i);
    return done ? [done] : (shownOthers.get(i) ?? []);
  });
  return blocks.map((b) => {
    const { tokens: _own, ...rest } = b;
    return options.keepCounts && count && hasTokens ? { ...rest, tokens: textTokens(b) } : rest;
  });
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
