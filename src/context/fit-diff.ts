/**
 * Fits a unified diff into a context budget (characters, and tokens when a limit is set) without
 * losing track of a single file and without ever cutting a line in half. Pure; no I/O.
 *
 * A diff within the budget passes through byte-identical. Otherwise these steps run in order,
 * each only while the text is still over the budget:
 *
 *  0. (only when the caller names files it could not read) the whole diff plus the list of them;
 *  a. binary files and files without a patch (pure renames, mode changes) leave the text; then
 *     files not worth their tokens — lock files, vendored code, build output, minified files,
 *     source maps, snapshots, generated files (DEFAULT_IGNORE_RULES, a generated marker near the
 *     top, a minified shape) and the caller's ignore globs — the largest first, as many as needed;
 *  b. with all of those out, the context around changes shrinks to 1 line, then 0 lines: every
 *     hunk is re-emitted with recomputed `@@ -a,b +c,d @@` counts (split where the kept lines
 *     are no longer contiguous), so old- and new-side line numbers stay exact;
 *  c. at 0 lines of context, as many whole files as fit are kept, the largest left out first
 *     (a reviewer sees the most files; one huge file cannot crowd out the rest). What is left
 *     goes to the largest files left out, clipped after their last whole hunk that fits — or,
 *     when not even one hunk fits, after the last whole line of the first hunk, under a header
 *     recomputed for the lines shown. Ignored files are candidates here only when there is
 *     nothing else.
 *
 * Files keep their order in the text. When anything was left out, the text ends with bracketed
 * lines saying what happened, and one line per file not shown in full:
 * `[skipped] path (status, +adds -dels): reason` or `[clipped] path (...): what is shown`.
 * If that list would take more than a quarter of the budget, its tail is counted in one line.
 * `coverage` names every file of the input (then every `unread` file) exactly once.
 *
 * The pieces: classifying files (fit-classify.ts), less context with exact headers
 * (fit-reduce-context.ts), costs counted once per file (fit-cost.ts), the plan's text and list
 * (fit-report.ts), and the ladder above (fit-ladder.ts). Tokens are counted only when the token
 * limit can bind, and then each file once; a candidate text costs the sum of its parts.
 */
import type { FileCoverage } from '../engine/types.js';
import { parseUnifiedDiff, type ParsedDiff } from '../diff/unified-diff.js';
import { formatCount } from './caps.js';
import { createFileClassifier, inherentSkip } from './fit-classify.js';
import { addCost, createMeter, type TokenCounter } from './fit-cost.js';
import { fitLadder } from './fit-ladder.js';
import { coverageOf, type FitJob, type UnreadFile } from './fit-report.js';

export {
  createIgnoreMatcher,
  DEFAULT_IGNORE_RULES,
  MINIFIED_AVERAGE_CHARS,
  MINIFIED_LINE_CHARS,
  MINIFIED_MIN_CHARS,
  type IgnoreRule,
} from './fit-classify.js';
export { estimateTokens, type TokenCounter } from './fit-cost.js';
export { LIST_SHARE, type UnreadFile } from './fit-report.js';
export {
  parseUnifiedDiff,
  type DiffFile,
  type FileStatus,
  type ParsedDiff,
} from '../diff/unified-diff.js';

export interface FitBudget {
  /** Characters of the fitted text at most, the list of what was left out included. */
  maxChars: number;
  /** Tokens of the fitted text at most (counted with `countTokens`, else estimated). */
  maxTokens?: number;
  /** Must add up over newline-ended parts (a real tokenizer's count does; see fit-cost.ts). */
  countTokens?: TokenCounter;
  /**
   * A floor on the count of the whole text: at least ceil(chars / charsPerToken) tokens (the
   * estimate some model families get). Applied to the whole, as a character limit.
   */
  charsPerToken?: number;
}

export interface FitOptions {
  /** More globs (picomatch; without a `/` they match the base name) dropped first when over budget. */
  ignore?: readonly string[];
  /** `false` turns DEFAULT_IGNORE_RULES and the generated/minified detection off. Default true. */
  defaultIgnores?: boolean;
  /** Files that are part of the change but not in `diff`: listed and covered as skipped. */
  unread?: readonly UnreadFile[];
}

export interface FitResult {
  /** The diff as it goes into the prompt (with the list of what was left out, when anything was). */
  text: string;
  /** Every file of the input diff (then every `unread` file), exactly once, in diff order. */
  coverage: FileCoverage[];
  /** What fitting did, in plain sentences (also in the text, as bracketed lines). Empty when not fitted. */
  notes: string[];
  /** False when the diff passed through byte-identical. */
  fitted: boolean;
  /** Lines of context kept around changes, when fitting reduced it (1 or 0). */
  contextLines?: number;
  /**
   * Tokens of `text` by the budget's counter (the sum of its parts' counts: at or above a count of
   * the whole), when tokens were counted; undefined when the characters alone proved the budget.
   */
  tokens?: number;
}

/** Fits a diff (its text, or the diff parsed once for the whole run) into `budget`. */
export function fitDiff(
  diff: string | ParsedDiff,
  budget: FitBudget,
  options: FitOptions = {},
): FitResult {
  const parsed = typeof diff === 'string' ? parseUnifiedDiff(diff) : diff;
  const meter = createMeter(budget);
  const files = parsed.files;
  const unread = options.unread ?? [];
  const count = files.length + unread.length;
  const job: FitJob = {
    parsed,
    files,
    unread,
    meter,
    inherent: files.map(inherentSkip),
    totalWords:
      `${formatCount(count)} file${count === 1 ? '' : 's'} and ` +
      `${formatCount(parsed.text.length)} characters`,
  };
  if (unread.length === 0) {
    // The diff as given: its cost is the sum of its files' (each counted once, and only when its
    // bytes do not already prove the budget).
    const text = parsed.text;
    let cost = meter.measure('');
    if (
      text.length <= meter.maxChars &&
      meter.counting &&
      Buffer.byteLength(text) > meter.maxTokens!
    ) {
      cost = meter.measure(parsed.preamble);
      for (const file of files) cost = addCost(cost, meter.fileCost(file, 'as-given'));
    }
    if (meter.fits(text, cost)) {
      const result: FitResult = {
        text,
        coverage: coverageOf(
          job,
          files.map(() => ({ kind: 'full' })),
        ),
        notes: [],
        fitted: false,
      };
      if (cost.tokens > 0) result.tokens = cost.tokens;
      return result;
    }
  }
  const classify = createFileClassifier(options);
  return { ...fitLadder(job, (i) => classify(files[i]!)), fitted: true };
}
