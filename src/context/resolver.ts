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
  resolveLimits,
  type ContextLimits,
  type PerCallLimits,
} from './caps.js';
import type { DiffInput } from './diff-block.js';
import { fileSource } from './file-source.js';
import type { TokenCounter } from './fit-diff.js';
import { prDiffInput, workingTreeDiffInput, type LabelledDiff } from './git-diff-source.js';
import { globSource } from './glob-source.js';
import { latestDiffInput } from './latest-diff-source.js';
import { learningsBlock, type LearningsInput } from './learnings-source.js';
import { loadEncoder } from '../models/tokens.js';
import { placeholder } from './placeholders.js';
import { prDescriptionBlock } from './pr-description-source.js';
import {
  DEFAULT_CHARS_PER_TOKEN,
  mayExceedTokens,
  splitContextBudget,
  type ContextItem,
} from './split-budget.js';

export {
  contextBudget,
  DEFAULT_CHARS_PER_TOKEN,
  OTHER_SOURCES_SHARE,
  splitContextBudget,
  type ContextItem,
} from './split-budget.js';

export interface ContextResolverOptions {
  /** The project root: `file:` and `glob:` paths are relative to it; git_diff runs in its repository. */
  root: string;
  /** PR mode: `git_diff` is this diff (e.g. base...head, parsed once) instead of the working tree. */
  prDiff?: LabelledDiff;
  /** Local mode: `git_diff` is the working tree against the merge base with this ref (`--base`). */
  diffBase?: string;
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
  /** The workflow's learnings file, for the `learnings` source (see learnings-source.ts). */
  learnings?: LearningsInput;
}

export type ParsedSource =
  | { kind: 'git_diff' }
  | { kind: 'latest_diff' }
  | { kind: 'pr_description' }
  | { kind: 'learnings' }
  | { kind: 'file'; path: string }
  | { kind: 'glob'; pattern: string }
  | { kind: 'unknown' };

/** `file:README.md` → `{kind: 'file', path: 'README.md'}`. Pure. */
export function parseSource(source: string): ParsedSource {
  const s = source.trim();
  if (s === 'git_diff') return { kind: 'git_diff' };
  if (s === 'latest_diff') return { kind: 'latest_diff' };
  if (s === 'pr_description') return { kind: 'pr_description' };
  if (s === 'learnings') return { kind: 'learnings' };
  if (s.startsWith('file:')) return { kind: 'file', path: s.slice('file:'.length).trim() };
  if (s.startsWith('glob:')) return { kind: 'glob', pattern: s.slice('glob:'.length).trim() };
  return { kind: 'unknown' };
}

/** Bytes of working-tree diff read at most, before fitting (8× the context budget, 4–64 MiB). */
export function readLimitBytes(limits: ContextLimits): number {
  return Math.min(64 * 1024 * 1024, Math.max(4 * 1024 * 1024, limits.maxContextChars * 8));
}

/** The real project root, or undefined when it does not exist (checked per resolve: trees change). */
async function realRoot(root: string): Promise<string | undefined> {
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

function rootMissing(source: string, title: string, root: string): ContextBlock {
  return { source, title, text: placeholder.rootMissing(root), placeholder: true };
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
      ...(options.diffBase !== undefined ? { base: options.diffBase } : {}),
    });
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
      case 'learnings':
        return [
          await learningsBlock(source, options.learnings, await rootReal, limits.maxFileChars),
        ];
      case 'file': {
        const real = await rootReal;
        if (real === undefined) return [rootMissing(source, `File: ${parsed.path}`, root)];
        return [await fileSource(source, parsed.path, real, limits.maxFileChars)];
      }
      case 'glob': {
        const real = await rootReal;
        if (real === undefined) return [rootMissing(source, `glob:${parsed.pattern}`, root)];
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
      const lazyRoot = (): Promise<string | undefined> => (rootPromise ??= realRoot(root));
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
            const needsRoot = /^\s*(?:(?:file|glob):|learnings\s*$)/.test(source);
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
