/**
 * Workflow text → validated `Workflow`, or a ConfigError listing every problem in the file at
 * once (YAML syntax first; then schema and cross-field problems together). Pure: no I/O.
 */
import { ConfigError } from './config-error.js';
import type { ConfigProblem } from './config-error.js';
import { crossCheckWorkflow } from './cross-checks.js';
import { parseWorkflowYaml } from './parse-yaml.js';
import { formatPath } from './raw-problem.js';
import type { RawProblem } from './raw-problem.js';
import { workflowSchema } from './schema.js';
import type { Workflow } from './schema.js';
import { locate, sourceText } from './yaml-locate.js';
import { issueToProblems } from './zod-issues.js';

/** Largest workflow file accepted, in bytes. */
export const MAX_WORKFLOW_BYTES = 1024 * 1024;

export function tooLargeProblem(bytes: number): ConfigProblem {
  const size =
    bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MiB` : `${bytes} bytes`;
  return {
    line: 1,
    column: 1,
    path: '',
    message: `the file is ${size}; a workflow file may be at most 1 MiB`,
    fix: 'check that this is the workflow file (a workflow is usually well under 10 KB); move large text into files and reference them with "file:<path>" context',
  };
}

/** Parses and validates workflow YAML. `file` is the name used in messages. */
export function parseWorkflowText(text: string, file: string): Workflow {
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > MAX_WORKFLOW_BYTES) throw new ConfigError(file, [tooLargeProblem(bytes)]);

  const parsed = parseWorkflowYaml(text);
  if (!parsed.ok) throw new ConfigError(file, parsed.problems);
  const { doc, lineCounter, data } = parsed;

  const raw: RawProblem[] = [];
  const result = workflowSchema.safeParse(data);
  if (!result.success) {
    const ctx = {
      schema: workflowSchema,
      data,
      sourceOf: (p: readonly (string | number)[]) => sourceText(doc, p),
    };
    for (const issue of result.error.issues) raw.push(...issueToProblems(issue, ctx));
  }
  raw.push(...crossCheckWorkflow(data));

  if (raw.length === 0 && result.success) return result.data;

  const seen = new Set<string>();
  const problems: ConfigProblem[] = [];
  for (const problem of raw) {
    const position = locate(doc, lineCounter, problem.path, problem.target);
    const entry: ConfigProblem = {
      ...position,
      path: formatPath(problem.path),
      message: problem.message,
      ...(problem.fix !== undefined ? { fix: problem.fix } : {}),
    };
    const key = `${entry.line}:${entry.column}:${entry.path}:${entry.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push(entry);
  }
  throw new ConfigError(file, problems);
}
