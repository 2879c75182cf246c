/**
 * A fitting plan and the text it makes: which files are shown in full, clipped or skipped, at
 * what context level, and the bracketed lines saying what was left out — one line per file not
 * shown in full, the tail of the list only counted once it would take more than its share of the
 * budget. The cost of the text is the sum of its parts (fit-cost.ts), so nothing is counted
 * twice. Pure.
 */
import type { FileCoverage } from '../engine/types.js';
import type { DiffFile, ParsedDiff } from '../diff/unified-diff.js';
import { formatCount } from './caps.js';
import { addCost, ZERO, type Cost, type Meter } from './fit-cost.js';
import { joinLines, renderAt, withNewline, type Level } from './fit-reduce-context.js';

/** Share of the budget the list of files not shown may take before its tail is only counted. */
export const LIST_SHARE = 0.25;

/** A changed file the caller knows of but could not put in the text (never read, over a limit). */
export interface UnreadFile {
  path: string;
  reason: string;
}

export type Decision =
  | { kind: 'full' }
  | { kind: 'clipped'; text: string; reason: string; cost: Cost }
  | { kind: 'skipped'; reason: string };

export interface Plan {
  decisions: Decision[];
  level: Level;
  keepPreamble: boolean;
  /** Share of the budget the list may take (0..1); its tail is counted beyond. */
  listShare: number;
}

/** What one fitting works on: the diff, what is known of each file, and the budget. */
export interface FitJob {
  parsed: ParsedDiff;
  files: readonly DiffFile[];
  unread: readonly UnreadFile[];
  meter: Meter;
  /** Why a file cannot be shown as a patch at all (binary, header only), per file. */
  inherent: readonly (string | undefined)[];
  /** "N files and M characters": the size of the input, for the notes. */
  totalWords: string;
}

function stats(file: DiffFile): string {
  const parts: string[] = [file.oldPath ? `${file.status} from ${file.oldPath}` : file.status];
  if (file.binary) parts.push('binary');
  else parts.push(`+${file.additions} -${file.deletions}`);
  return parts.join(', ');
}

export function contextNote(level: Level): string {
  return `Context around changes was reduced to ${level} line${level === 1 ? '' : 's'}; the line numbers in @@ headers are exact.`;
}

export function budgetWords(maxChars: number, maxTokens: number | undefined): string {
  const chars = `${formatCount(maxChars)} characters`;
  return maxTokens === undefined ? chars : `${chars} / ${formatCount(maxTokens)} tokens`;
}

/** The list line of a file not shown in full (undefined for a file shown in full). */
export function entryLine(job: FitJob, i: number, d: Decision): string | undefined {
  const file = job.files[i]!;
  if (d.kind === 'full') {
    const why = job.inherent[i];
    return why === undefined ? undefined : `[skipped] ${file.path} (${stats(file)}): ${why}`;
  }
  return `[${d.kind}] ${file.path} (${stats(file)}): ${d.reason}`;
}

/** Every file of the input (then every unread file), exactly once, in diff order. */
export function coverageOf(job: FitJob, decisions: readonly Decision[]): FileCoverage[] {
  return [
    ...job.files.map((f, i): FileCoverage => {
      const d = decisions[i]!;
      if (d.kind === 'full') {
        const why = job.inherent[i];
        return why === undefined
          ? { path: f.path, status: 'reviewed' }
          : { path: f.path, status: 'skipped', reason: why };
      }
      return { path: f.path, status: d.kind, reason: d.reason };
    }),
    ...job.unread.map((u): FileCoverage => ({ path: u.path, status: 'skipped', reason: u.reason })),
  ];
}

/** The notes of a plan (plain sentences), and whether it shows any file with less context. */
export function describePlan(job: FitJob, plan: Plan): { notes: string[]; reduced: boolean } {
  let full = 0;
  let clipped = 0;
  let skipped = job.unread.length;
  let reduced = false;
  const reasons = new Map<string, number>();
  const bump = (r: string): void => {
    const key = r.startsWith('over budget') ? 'over budget' : r;
    reasons.set(key, (reasons.get(key) ?? 0) + 1);
  };
  for (const u of job.unread) bump(u.reason);
  plan.decisions.forEach((d, i) => {
    if (d.kind === 'full') {
      if (job.inherent[i] === undefined) {
        full++;
        if (plan.level !== 'as-given' && renderAt(job.files[i]!, plan.level).reduced)
          reduced = true;
      } else {
        skipped++;
        bump(job.inherent[i]!);
      }
    } else if (d.kind === 'clipped') {
      clipped++;
      reduced ||= plan.level !== 'as-given';
    } else {
      skipped++;
      bump(d.reason);
    }
  });
  const { chars: maxChars, tokens: maxTokens } = job.meter.stated;
  const why = [...reasons].map(([r, c]) => `${r}: ${formatCount(c)}`).join(', ');
  const notes = [
    `Fitted to the context budget of ${budgetWords(maxChars, maxTokens)}: the diff has ${job.totalWords}; ` +
      `${formatCount(full)} shown in full, ${formatCount(clipped)} clipped, ${formatCount(skipped)} not shown` +
      `${why ? ` (${why})` : ''}. Files not shown in full are listed below.`,
  ];
  if (reduced) notes.push(contextNote(plan.level));
  if (!plan.keepPreamble && job.parsed.preamble.trim() !== '')
    notes.push('The text before the first file header was left out.');
  return { notes, reduced };
}

export interface Assembled {
  text: string;
  notes: string[];
  /**
   * The sum of the costs of the text's parts. Its tokens are counted when first read (a text whose
   * characters are over the budget never needs them), each file once (fit-cost.ts).
   */
  cost: Cost;
  /** Some file is shown with less context than as given. */
  reduced: boolean;
}

/** The text of a plan, its notes, and its cost. */
export function assemble(job: FitJob, plan: Plan): Assembled {
  const { meter } = job;
  const parts: string[] = [];
  const tokenParts: (() => number)[] = [];
  let listed = ZERO;
  const push = (text: string, tokens: () => number): void => {
    parts.push(text);
    tokenParts.push(tokens);
  };
  if (plan.keepPreamble) {
    const preamble = withNewline(job.parsed.preamble);
    push(preamble, () => meter.measure(preamble).tokens);
  }
  plan.decisions.forEach((d, i) => {
    if (d.kind === 'full') {
      // In the first step binary and header-only files stay (they are a line or two).
      if (job.inherent[i] === undefined || plan.level === 'as-given') {
        const file = job.files[i]!;
        push(renderAt(file, plan.level).text, () => meter.fileCost(file, plan.level).tokens);
      }
    } else if (d.kind === 'clipped') push(d.text, () => d.cost.tokens);
  });
  const { notes, reduced } = describePlan(job, plan);
  const trailer = notes.map((n) => `[${n}]`);
  for (const line of trailer) tokenParts.push(() => meter.measure(`${line}\n`).tokens);
  const entries: string[] = [];
  plan.decisions.forEach((d, i) => {
    const e = entryLine(job, i, d);
    if (e !== undefined) entries.push(e);
  });
  for (const u of job.unread) entries.push(`[skipped] ${u.path}: ${u.reason}`);
  const cap: Cost = {
    chars: Math.floor(meter.maxChars * plan.listShare),
    tokens: meter.maxTokens === undefined ? 0 : Math.floor(meter.maxTokens * plan.listShare),
  };
  let count = 0;
  for (const e of entries) {
    const next = addCost(listed, meter.measure(`${e}\n`));
    if (next.chars > cap.chars || (meter.counting && next.tokens > cap.tokens)) break;
    listed = next;
    count++;
  }
  trailer.push(...entries.slice(0, count));
  if (count < entries.length) {
    const more = `[skipped] ${formatCount(entries.length - count)} more file${entries.length - count === 1 ? '' : 's'} not listed here, to stay within the budget`;
    trailer.push(more);
    tokenParts.push(() => meter.measure(`${more}\n`).tokens);
  }
  const text = `${withNewline(parts.join(''))}${joinLines(trailer)}`;
  let tokens: number | undefined;
  const cost: Cost = {
    chars: text.length,
    get tokens(): number {
      tokens ??= tokenParts.reduce((n, part) => n + part(), listed.tokens);
      return tokens;
    },
  };
  return { text, notes, cost, reduced };
}
