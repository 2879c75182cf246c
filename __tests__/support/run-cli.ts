/** Runs the bundled CLI (dist/cli/index.js) as a user would, with a clean environment. */
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

export const CLI_BUNDLE = resolve('dist/cli/index.js');

const SCRUB = /^(OPENAI_|ANTHROPIC_|GEMINI_|GOOGLE_|OPENROUTER_|XAI_|AETHR_|GITHUB_|INPUT_)/;

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCli(
  args: string[],
  options: { cwd: string; env?: Record<string, string>; stdin?: string },
): Promise<CliRun> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env))
    if (v !== undefined && !SCRUB.test(k)) env[k] = v;
  Object.assign(env, options.env);
  const child = spawn(process.execPath, [CLI_BUNDLE, ...args], {
    cwd: options.cwd,
    env,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  child.stdin.end(options.stdin ?? '');
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const code = await new Promise<number>((done) => child.on('close', (c) => done(c ?? -1)));
  return { code, stdout, stderr };
}
