/** Timing helpers shared by the benchmarks: run commands, take medians, print tables. */
import { spawn } from 'node:child_process';

export interface Sample {
  ms: number;
  code: number;
  stdout: string;
  stderr: string;
}

/** The environment every compared command gets: NODE_EXTRA_CA_CERTS adds tens of ms to each start. */
export function benchEnv(extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (
      v !== undefined &&
      k !== 'NODE_EXTRA_CA_CERTS' &&
      !/^(OPENAI_|AETHR_|GITHUB_|INPUT_)/.test(k)
    )
      env[k] = v;
  }
  return { ...env, ...extra };
}

export function timeCommand(
  args: string[],
  options: { cwd?: string; env?: Record<string, string> } = {},
): Promise<Sample> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, args, {
      cwd: options.cwd,
      env: options.env ?? benchEnv(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) =>
      resolve({
        ms: Number(process.hrtime.bigint() - started) / 1e6,
        code: code ?? -1,
        stdout,
        stderr,
      }),
    );
  });
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Runs the commands interleaved (so drift hits all alike) and returns each one's median. */
export async function compare(
  commands: Record<string, { args: string[]; cwd?: string; env?: Record<string, string> }>,
  rounds: number,
): Promise<Record<string, number>> {
  const samples: Record<string, number[]> = Object.fromEntries(
    Object.keys(commands).map((k) => [k, []]),
  );
  for (let i = 0; i < rounds + 1; i++) {
    for (const [name, c] of Object.entries(commands)) {
      const s = await timeCommand(c.args, c);
      if (s.code !== 0) throw new Error(`${name} exited ${s.code}: ${s.stderr.slice(0, 500)}`);
      if (i > 0) samples[name]!.push(s.ms); // the first round warms the file cache
    }
  }
  return Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, median(v)]));
}

export function printTable(
  title: string,
  header: string[],
  rows: Array<Array<string | number>>,
): void {
  const cells = [header, ...rows.map((r) => r.map(String))];
  const widths = header.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) =>
    r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  process.stdout.write(
    `\n${title}\n${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n${rows.map((r) => line(r.map(String))).join('\n')}\n`,
  );
}
