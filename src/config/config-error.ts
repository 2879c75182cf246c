/**
 * The error a workflow file raises when it cannot be used: every problem found in the file, each
 * with its position, the YAML path it concerns, what is wrong and what to write instead.
 */
import { AethrError } from '../errors.js';

export interface ConfigProblem {
  /** 1-based line; 0 when the problem concerns the file as a whole (it could not be read). */
  line: number;
  /** 1-based column; 0 together with `line` 0. */
  column: number;
  /** YAML path such as `steps[1].role`; empty for the document itself. */
  path: string;
  /** What is wrong. */
  message: string;
  /** What to write instead. May span several lines (an example), shown indented. */
  fix?: string;
}

/** One problem as text: `FILE:LINE:COL: PATH: MESSAGE — FIX`. */
export function formatConfigProblem(file: string, problem: ConfigProblem): string {
  const where = problem.line > 0 ? `${file}:${problem.line}:${problem.column}` : file;
  const path = problem.path === '' ? '' : `${problem.path}: `;
  let text = `${where}: ${path}${problem.message}`;
  if (problem.fix !== undefined && problem.fix !== '') {
    const [first, ...rest] = problem.fix.split('\n');
    text += ` — ${first}`;
    for (const line of rest) text += `\n    ${line}`;
  }
  return text;
}

/** Problems in reading order: by line, then column (stable for equal positions). */
export function sortProblems(problems: readonly ConfigProblem[]): ConfigProblem[] {
  return [...problems].sort((a, b) => a.line - b.line || a.column - b.column);
}

export class ConfigError extends AethrError {
  override name = 'ConfigError';
  readonly file: string;
  readonly problems: readonly ConfigProblem[];

  constructor(file: string, problems: readonly ConfigProblem[], options?: { cause?: unknown }) {
    const sorted = sortProblems(problems);
    const count = sorted.length === 1 ? 'the problem' : `the ${sorted.length} problems`;
    super(sorted.map((p) => formatConfigProblem(file, p)).join('\n'), {
      cause: options?.cause,
      hint: `Edit ${file} and fix ${count} listed above.`,
    });
    this.file = file;
    this.problems = sorted;
  }
}

/** A headline plus every problem, for a terminal or a job summary. */
export function formatConfigError(err: ConfigError): string {
  const n = err.problems.length;
  const head = `${err.file}: ${n} problem${n === 1 ? '' : 's'} in the workflow file`;
  return `${head}\n${err.message}\n${err.hint ?? ''}`.trimEnd();
}
