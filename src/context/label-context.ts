/**
 * Context selected by labels: a workflow's `label_context` maps a label to context sources, and
 * when the pull request (or issue) carries the label those sources are added to every step that
 * has any context, after the step's own. They are resolved in the same call as the step's own,
 * so they share its budget; each block says which label brought it in, and each source is
 * counted in the coverage the summary lists.
 */
import type { ContextBlock, ContextResolver, FileCoverage } from '../engine/types.js';

export interface LabelledSource {
  source: string;
  /** The labels (as the workflow writes them) that bring it in. */
  labels: string[];
}

/** Sources the carried labels bring, in the workflow's order, each once. Labels match case-insensitively, as on GitHub. */
export function labelledSources(
  labelContext: Readonly<Record<string, readonly string[]>> | undefined,
  labels: readonly string[],
): LabelledSource[] {
  const carried = new Set(labels.map((l) => l.trim().toLowerCase()));
  const out = new Map<string, LabelledSource>();
  for (const [label, sources] of Object.entries(labelContext ?? {})) {
    if (!carried.has(label.trim().toLowerCase())) continue;
    for (const raw of sources) {
      const source = raw.trim();
      const seen = out.get(source);
      if (seen) seen.labels.push(label);
      else out.set(source, { source, labels: [label] });
    }
  }
  return [...out.values()];
}

/** `label "security"`, `labels "security", "docs"`; label names are shown as data. */
export function labelWords(labels: readonly string[]): string {
  const names = labels.map((l) => JSON.stringify(l.replace(/[\p{Cc}\p{Cf}]/gu, '')));
  return `${labels.length === 1 ? 'label' : 'labels'} ${names.join(', ')}`;
}

function coverageOf(source: LabelledSource, blocks: readonly ContextBlock[]): FileCoverage {
  const via = labelWords(source.labels);
  const shown = blocks.filter((b) => !b.placeholder);
  if (shown.length === 0) {
    const why = blocks[0]?.text.split(/(?<=[.:])\s/)[0] ?? 'nothing to show';
    return { path: source.source, status: 'skipped', reason: why, via };
  }
  const clipped = blocks.some((b) => b.placeholder || /\(truncated\)/.test(b.title));
  return { path: source.source, status: clipped ? 'clipped' : 'reviewed', via };
}

export function withLabelContext(
  inner: ContextResolver,
  labelContext: Readonly<Record<string, readonly string[]>> | undefined,
  labels: readonly string[],
): ContextResolver {
  const extra = labelledSources(labelContext, labels);
  if (extra.length === 0) return inner;
  return {
    async resolve(sources, state) {
      if (sources.length === 0) return inner.resolve(sources, state);
      const own = new Set(sources.map((s) => s.trim()));
      const added = extra.filter((e) => !own.has(e.source));
      if (added.length === 0) return inner.resolve(sources, state);
      const blocks = await inner.resolve([...sources, ...added.map((a) => a.source)], state);
      const bySource = new Map(added.map((a) => [a.source, a]));
      const out = blocks.map((block): ContextBlock => {
        const from = bySource.get(block.source.trim());
        return from
          ? { ...block, title: `${block.title} (added by the ${labelWords(from.labels)})` }
          : block;
      });
      // One coverage entry per labelled source, carried on its first block.
      for (const a of added) {
        const mine = out.filter((b) => b.source.trim() === a.source);
        const first = mine[0];
        if (first) first.coverage = [...(first.coverage ?? []), coverageOf(a, mine)];
      }
      return out;
    },
  };
}
