/**
 * `latest_diff`: the latest implementation artifact of this run (changed files, stat, patch), the
 * patch fitted into the step's share of the per-call budget (fit-diff.ts). Pure.
 */
import { parseUnifiedDiff, type ParsedDiff } from '../diff/unified-diff.js';
import type { ContextBlock, ImplementationArtifact } from '../engine/types.js';
import { cutAtLineBoundary, formatCount } from './caps.js';
import { fitDiffInput, type DiffFitOptions, type DiffInput } from './diff-block.js';
import { placeholder } from './placeholders.js';

const parsed = new WeakMap<ImplementationArtifact, ParsedDiff>();

/** The artifact's patch, parsed once however many later steps show it. */
function parsedPatch(artifact: ImplementationArtifact): ParsedDiff {
  let diff = parsed.get(artifact);
  if (!diff) {
    diff = parseUnifiedDiff(artifact.patch);
    parsed.set(artifact, diff);
  }
  return diff;
}

/** Changed files listed by name at most; the rest are counted. */
export const MAX_LISTED_FILES = 200;
/** Characters of diff stat shown at most. */
export const MAX_STAT_CHARS = 20_000;

export function latestDiffInput(
  source: string,
  artifact: ImplementationArtifact | undefined,
): DiffInput {
  if (!artifact) {
    return {
      kind: 'ready',
      block: {
        source,
        title: 'Latest implementation artifact',
        text: placeholder.noArtifact(),
        placeholder: true,
      },
    };
  }
  const title = `Latest implementation artifact (step ${artifact.stepId}, iteration ${artifact.iteration})`;
  if (artifact.changedFiles.length === 0 && artifact.patch.trim() === '') {
    return {
      kind: 'ready',
      block: {
        source,
        title,
        text: placeholder.artifactWithoutChanges(
          artifact.stepId,
          artifact.iteration,
          artifact.note,
        ),
        placeholder: true,
      },
    };
  }

  const files = artifact.changedFiles;
  const listed = files.slice(0, MAX_LISTED_FILES).map((f) => `- ${f}`);
  if (files.length > MAX_LISTED_FILES)
    listed.push(`- … and ${formatCount(files.length - MAX_LISTED_FILES)} more`);
  const parts = [`Changed files (${formatCount(files.length)}):`, ...listed, ''];

  const stat = cutAtLineBoundary(artifact.diffStat.replace(/\s+$/, ''), MAX_STAT_CHARS);
  if (stat.text.trim() !== '') {
    parts.push('Diff stat:', stat.text.replace(/\n$/, ''));
    if (stat.truncated) parts.push('[truncated: the rest of the diff stat is not shown]');
    parts.push('');
  }
  parts.push('Patch:');

  if (artifact.patch.trim() === '') {
    parts.push('(the artifact carries no patch text)');
    return {
      kind: 'ready',
      block: { source, title, text: `${parts.join('\n')}\n`, language: 'diff' },
    };
  }
  return {
    kind: 'diff',
    source,
    title,
    prefix: `${parts.join('\n')}\n`,
    diff: parsedPatch(artifact),
  };
}

export function latestDiffBlock(
  source: string,
  artifact: ImplementationArtifact | undefined,
  fit: DiffFitOptions,
): ContextBlock {
  return fitDiffInput(latestDiffInput(source, artifact), fit);
}
