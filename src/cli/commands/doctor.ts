/**
 * `aethr doctor`: is this project ready to run? Config valid, git present, and a model and a
 * key for every role. Prints a table (✓ fine, ! warning, ✗ problem) and exits non-zero when
 * something needs fixing. In mock mode a missing key is a warning: the mock answers instead.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { parseArgs } from 'node:util';
import { loadWorkflowSpec } from '../../config/workflow-source.js';
import { ConfigError } from '../../config/config-error.js';
import { toError } from '../../errors.js';
import { loadProjectEnv } from '../../models/env-file.js';
import { describeKeyProblem } from '../../models/gateway.js';
import { resolveProvider } from '../../models/providers.js';
import { redactURL } from '../../models/redact.js';
import { routeModel } from '../../models/routing.js';
import type { CliIO } from '../main.js';

const run = promisify(execFile);

interface Check {
  name: string;
  /** `warn` does not fail the doctor; `fail` does. */
  level: 'ok' | 'warn' | 'fail';
  detail: string;
  /** How many problems a failed check stands for (a workflow file can have several). */
  count?: number;
}

const MARK = { ok: '✓', warn: '!', fail: '✗' } as const;

async function tryVersion(
  command: string,
  args: string[],
  cwd: string,
): Promise<string | undefined> {
  try {
    const { stdout } = await run(command, args, { cwd, timeout: 10_000 });
    return stdout.trim().split('\n')[0];
  } catch {
    return undefined;
  }
}

export async function doctorCommand(
  argv: string[],
  io: CliIO,
  cwd = process.cwd(),
): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { workflow: { type: 'string' }, verbose: { type: 'boolean' } },
  });
  const env = await loadProjectEnv(cwd, process.env);
  const checks: Check[] = [];

  const git = await tryVersion('git', ['--version'], cwd);
  checks.push({
    name: 'git',
    level: git ? 'ok' : 'fail',
    detail: git ?? 'git not found on PATH: install git',
  });
  if (git) {
    const inside = await tryVersion('git', ['rev-parse', '--is-inside-work-tree'], cwd);
    checks.push({
      name: 'repository',
      level: inside === 'true' ? 'ok' : 'warn',
      detail:
        inside === 'true'
          ? 'inside a git work tree'
          : 'not a git repository: git_diff context will be a placeholder',
    });
  }

  try {
    const loaded = await loadWorkflowSpec(values.workflow, cwd);
    checks.push({
      name: 'workflow',
      level: 'ok',
      detail: `${loaded.display}: "${loaded.workflow.workflow}", ${loaded.workflow.steps.length} step(s)`,
    });
    const live = env.AETHR_LIVE === '1' || env.AETHR_LIVE === 'true';
    checks.push({
      name: 'mode',
      level: 'ok',
      detail: live
        ? 'live (AETHR_LIVE=1): the models below are called'
        : 'mock: a deterministic mock answers; set AETHR_LIVE=1 to call the models below',
    });
    const roles = [...new Set(loaded.workflow.steps.map((s) => s.role))];
    for (const role of roles) {
      const ref = routeModel(loaded.workflow, role, env);
      const problem = describeKeyProblem(ref, env);
      const provider = problem ? undefined : resolveProvider(ref, env);
      checks.push({
        name: `role ${role}`,
        level: problem ? (live ? 'fail' : 'warn') : 'ok',
        detail: provider
          ? `${ref} via ${redactURL(provider.baseURL ?? '')} (${provider.keyEnvName ? `key from ${provider.keyEnvName}` : 'no key needed'})`
          : `${ref}: ${problem}${live ? '' : ' Only live runs need it: the mock answers for now.'}`,
      });
    }
    if (loaded.workflow.steps.some((s) => s.backend === 'opencode')) {
      const opencode = await tryVersion('opencode', ['--version'], cwd);
      checks.push({
        name: 'opencode',
        level: opencode ? 'ok' : live ? 'fail' : 'warn',
        detail: opencode
          ? `opencode ${opencode}`
          : 'opencode not found: install it (npm i -g opencode-ai) or use backend: patch',
      });
    }
  } catch (error) {
    checks.push({
      name: 'workflow',
      level: 'fail',
      detail: toError(error).message,
      count: error instanceof ConfigError ? error.problems.length : 1,
    });
  }

  const width = Math.max(...checks.map((c) => c.name.length)) + 2;
  for (const c of checks) {
    const detail = c.detail.split('\n').join(`\n${' '.repeat(width + 3)}`);
    io.out(`${MARK[c.level]}  ${c.name.padEnd(width)}${detail}\n`);
  }
  io.out(`\n${verdict(checks)}\n`);
  return checks.some((c) => c.level === 'fail') ? 1 : 0;
}

/** `2 problems to fix, 1 warning.` or `All checks passed (1 warning).` */
export function verdict(checks: readonly Check[]): string {
  const problems = checks
    .filter((c) => c.level === 'fail')
    .reduce((sum, c) => sum + (c.count ?? 1), 0);
  const warnings = checks.filter((c) => c.level === 'warn').length;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  if (problems > 0) {
    return `${plural(problems, 'problem')} to fix${warnings ? `, ${plural(warnings, 'warning')}` : ''}.`;
  }
  return `All checks passed${warnings ? ` (${plural(warnings, 'warning')})` : ''}.`;
}
