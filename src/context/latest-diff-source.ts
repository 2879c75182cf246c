/** `latest_diff`: the latest implementation artifact of this run (changed files, stat, patch). Pure. */
import type { ContextBlock, ImplementationArtifact } from '../engine/types.js';
import { capDiff, cutAtLineBoundary, formatCount, renderCappedDiff } from './caps.js';
import { placeholder } from './placeholders.js';

/** Changed files listed by name at most; the rest are counted. */
export const MAX_LISTED_FILES = 200;
/** Characters of diff stat shown at most. */
export const MAX_STAT_CHARS = 20_000;

export function latestDiffBlock(
  source: string,
  artifact: ImplementationArtifact | undefined,
  maxDiffChars: number,
): ContextBlock {
  if (!artifact) {
    return {
      source,
      title: 'Latest implementation artifact',
      text: placeholder.noArtifact(),
      placeholder: true,
    };
  }
  const title = `Latest implementation artifact (step ${artifact.stepId}, iteration ${artifact.iteration})`;
  if (artifact.changedFiles.length === 0 && artifact.patch.trim() === '') {
    return {
      source,
      title,
      text: placeholder.artifactWithoutChanges(artifact.stepId, artifact.iteration, artifact.note),
      placeholder: true,
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

  const capped = capDiff(artifact.patch, maxDiffChars);
  parts.push('Patch:');
  parts.push(
    artifact.patch.trim() === ''
      ? '(the artifact carries no patch text)'
      : renderCappedDiff(capped, maxDiffChars),
  );

  return {
    source,
    title: capped.truncated ? `${title} (patch truncated)` : title,
    text: `${parts.join('\n').replace(/\n+$/, '')}\n`,
    language: 'diff',
  };
}
