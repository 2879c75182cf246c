/**
 * The context resolver: turns a step's declared sources into prompt blocks, in the order they
 * are declared. Expected conditions (missing file, empty diff, no git, …) become placeholder
 * blocks; an unexpected failure of one source becomes a placeholder too and never hides others.
 */
import { realpath, stat } from 'node:fs/promises';
import type { ContextBlock, ContextResolver, ContextState } from '../engine/types.js';
import { GitError, isGitRepo } from '../git/run-git.js';
import { resolveLimits, type ContextLimits } from './caps.js';
import { fileSource } from './file-source.js';
import { prDiffBlock, workingTreeDiffBlock } from './git-diff-source.js';
import { globSource } from './glob-source.js';
import { latestDiffBlock } from './latest-diff-source.js';
import { placeholder } from './placeholders.js';
import { prDescriptionBlock } from './pr-description-source.js';

export interface ContextResolverOptions {
  /** The project root: `file:` and `glob:` paths are relative to it; git_diff runs in its repository. */
  root: string;
  /** PR mode: `git_diff` is this patch (e.g. base...head) instead of the working tree. */
  prDiff?: { patch: string; label: string };
  /** PR mode: the source of `pr_description` (raw; it is sanitised here). */
  prDescription?: { title: string; body: string };
  limits?: Partial<ContextLimits>;
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

export function createContextResolver(options: ContextResolverOptions): ContextResolver {
  const limits = resolveLimits(options.limits);
  const root = options.root;

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
    state: ContextState,
    rootReal: Promise<string | undefined>,
  ): Promise<ContextBlock[]> {
    const parsed = parseSource(source);
    switch (parsed.kind) {
      case 'git_diff':
        return [
          options.prDiff
            ? prDiffBlock(source, options.prDiff, limits.maxDiffChars)
            : await workingTreeDiffBlock(
                source,
                root,
                limits.maxDiffChars,
                limits.maxUntrackedFiles,
              ),
        ];
      case 'latest_diff':
        return [latestDiffBlock(source, state.latestArtifact, limits.maxDiffChars)];
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
      const results = await Promise.all(
        sources.map(async (source) => {
          try {
            const needsRoot = /^\s*(file|glob):/.test(source);
            return await resolveOne(
              source,
              state,
              needsRoot ? lazyRoot() : Promise.resolve(undefined),
            );
          } catch (e) {
            const message = e instanceof Error ? e.message : String(e);
            return [
              {
                source,
                title: source,
                text: placeholder.sourceFailed(source, message),
                placeholder: true,
              },
            ];
          }
        }),
      );
      return results.flat();
    },
  };
}
