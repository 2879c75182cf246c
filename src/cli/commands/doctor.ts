/**
 * `aethr doctor`: is this project ready to run? Config valid, git present, and a model and a
 * key for every role. Prints a table and exits non-zero when something needs fixing.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { parseArgs } from 'node:util';
import { loadWorkflowSpec } from '../../config/workflow-source.js';
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
  ok: boolean;
  detail: string;
  /** A warning does not fail the doctor. */
  warn?: boolean;
}

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
    ok: Boolean(git),
    detail: git ?? 'git not found on PATH: install git',
  });
  if (git) {
    const inside = await tryVersion('git', ['rev-parse', '--is-inside-work-tree'], cwd);
    checks.push({
      name: 'repository',
      ok: inside === 'true',
      warn: inside !== 'true',
      detail:
        inside === 'true'
          ? 'inside a git work tree'
          : 'not a git repository: git_diff context will be a placeholder',
    });
  }

  let workflowOk = false;
  try {
    const loaded = await loadWorkflowSpec(values.workflow, cwd);
    workflowOk = true;
    checks.push({
      name: 'workflow',
      ok: true,
      detail: `${loaded.display}: "${loaded.workflow.workflow}", ${loaded.workflow.steps.length} step(s)`,
    });
    const live = env.AETHR_LIVE === '1' || env.AETHR_LIVE === 'true';
    checks.push({
      name: 'mode',
      ok: true,
      warn: !live,
      detail: live ? 'live (AETHR_LIVE=1)' : 'mock: set AETHR_LIVE=1 to call the models below',
    });
    const roles = [...new Set(loaded.workflow.steps.map((s) => s.role))];
    for (const role of roles) {
      const ref = routeModel(loaded.workflow, role, env);
      const problem = describeKeyProblem(ref, env);
      const provider = problem ? undefined : resolveProvider(ref, env);
      checks.push({
        name: `role ${role}`,
        ok: !problem,
        detail: provider
          ? `${ref} via ${redactURL(provider.baseURL ?? '')} (${provider.keyEnvName ? `key from ${provider.keyEnvName}` : 'no key needed'})`
          : `${ref}: ${problem}`,
      });
    }
    if (loaded.workflow.steps.some((s) => s.backend === 'opencode')) {
      const opencode = await tryVersion('opencode', ['--version'], cwd);
      checks.push({
        name: 'opencode',
        ok: Boolean(opencode),
        detail: opencode
          ? `opencode ${opencode}`
          : 'opencode not found: install it (npm i -g opencode-ai) or use backend: patch',
      });
    }
  } catch (error) {
    checks.push({ name: 'workflow', ok: false, detail: toError(error).message });
  }

  const width = Math.max(...checks.map((c) => c.name.length)) + 2;
  for (const c of checks) {
    const mark = c.ok ? (c.warn ? '!' : '✓') : '✗';
    const detail = c.detail.split('\n').join(`\n${' '.repeat(width + 4)}`);
    io.out(`${mark}  ${c.name.padEnd(width)}${detail}\n`);
  }
  const failed = checks.filter((c) => !c.ok && !c.warn);
  io.out(failed.length ? `\n${failed.length} problem(s) to fix.\n` : '\nAll checks passed.\n');
  return failed.length || !workflowOk ? 1 : 0;
}
