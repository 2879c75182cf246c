/**
 * Checks of the context extensions that span keys: `learnings:` must name a file inside the
 * repository, a `learnings` context entry needs that key, and every `label_context` entry is a
 * context source like a step's. Labels themselves are free: a label no pull request carries is
 * simply never used.
 */
import { checkRelativePath } from '../context/safe-path.js';
import { parseContextSource } from './context-source.js';
import type { PathSegment, RawProblem } from './raw-problem.js';

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const EXAMPLE = '.aethr/learnings.md';

function checkLearningsPath(data: Record<string, unknown>, out: RawProblem[]): void {
  const path = data['learnings'];
  if (typeof path !== 'string' || path === '') return;
  const check = checkRelativePath(path);
  const rel = check.ok ? check.rel : '';
  const problem = !check.ok
    ? {
        absolute: 'is an absolute path',
        escapes: 'leaves the repository through ".."',
        nul: 'contains a NUL character',
        empty: 'is empty',
      }[check.reason]
    : rel === '.' || path.trim().endsWith('/')
      ? 'names a directory, not a file'
      : rel === '.git' || rel.startsWith('.git/')
        ? "is inside git's own .git directory"
        : path !== path.trim()
          ? 'has spaces around it'
          : undefined;
  if (problem === undefined) return;
  out.push({
    path: ['learnings'],
    message: `learnings ${JSON.stringify(path)} ${problem}`,
    fix: `name a file inside the repository, relative to its root, e.g. ${JSON.stringify(EXAMPLE)}`,
  });
}

/** Every `learnings` entry, with where it is, for the "needs `learnings:`" check. */
function learningsEntries(data: Record<string, unknown>): PathSegment[][] {
  const found: PathSegment[][] = [];
  const steps = Array.isArray(data['steps']) ? data['steps'] : [];
  steps.forEach((step, i) => {
    const context = isRecord(step) && Array.isArray(step['context']) ? step['context'] : [];
    context.forEach((entry, k) => {
      if (entry === 'learnings') found.push(['steps', i, 'context', k]);
    });
  });
  const byLabel = data['label_context'];
  if (isRecord(byLabel)) {
    for (const [label, sources] of Object.entries(byLabel)) {
      if (!Array.isArray(sources)) continue;
      sources.forEach((entry, k) => {
        if (entry === 'learnings') found.push(['label_context', label, k]);
      });
    }
  }
  return found;
}

function checkLabelContext(data: Record<string, unknown>, out: RawProblem[]): void {
  const byLabel = data['label_context'];
  if (!isRecord(byLabel)) return;
  for (const [label, sources] of Object.entries(byLabel)) {
    if (label.trim() === '') {
      out.push({
        path: ['label_context', label],
        target: 'key',
        message: 'label_context has an empty label',
        fix: 'write the label as it appears on GitHub, e.g. security',
      });
    }
    if (!Array.isArray(sources)) continue;
    sources.forEach((entry, k) => {
      if (typeof entry !== 'string' || entry === '') return;
      const result = parseContextSource(entry);
      if (!result.ok)
        out.push({ path: ['label_context', label, k], message: result.message, fix: result.fix });
    });
  }
}

export function crossCheckContextExtensions(data: Record<string, unknown>): RawProblem[] {
  const out: RawProblem[] = [];
  checkLearningsPath(data, out);
  if (data['learnings'] === undefined) {
    for (const path of learningsEntries(data)) {
      out.push({
        path,
        message: 'the "learnings" context needs a learnings file, and the workflow declares none',
        fix: `add "learnings: ${EXAMPLE}" at the top level (any file inside the repository)`,
      });
    }
  }
  checkLabelContext(data, out);
  return out;
}
