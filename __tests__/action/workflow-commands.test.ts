/**
 * The Action's workflow commands write what @actions/core writes for the same calls (the runner
 * reads these bytes), checked against @actions/core itself.
 */
import { afterEach, expect, it } from '@jest/globals';
import * as core from '@actions/core';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as ours from '../../src/action/workflow-commands.js';

const MESSAGE = 'line 1\r\nline 2: 100% done, a=b\n';
const saved = { ...process.env };
const dirs: string[] = [];
afterEach(() => {
  process.env = { ...saved };
  process.exitCode = undefined;
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** What `fn` writes to stdout. */
async function stdoutOf(fn: () => unknown): Promise<string> {
  const write = process.stdout.write.bind(process.stdout);
  let out = '';
  process.stdout.write = ((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  }) as typeof process.stdout.write;
  try {
    await fn();
  } finally {
    process.stdout.write = write;
  }
  return out;
}

function tempFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'aethr-commands-'));
  dirs.push(dir);
  const file = join(dir, 'file');
  writeFileSync(file, '');
  return file;
}

it('log lines, notices, warnings, masks, groups and failures: the same bytes', async () => {
  const calls: Array<[string, (m: string) => unknown, (m: string) => unknown]> = [
    ['info', core.info, ours.info],
    ['notice', core.notice, ours.notice],
    ['warning', core.warning, ours.warning],
    ['setSecret', core.setSecret, ours.setSecret],
    [
      'group',
      (m) => core.group(m, async () => core.info('in')),
      (m) => ours.group(m, async () => ours.info('in')),
    ],
  ];
  for (const [, theirs, mine] of calls)
    expect(await stdoutOf(() => mine(MESSAGE))).toBe(await stdoutOf(() => theirs(MESSAGE)));

  const failed = await stdoutOf(() => ours.setFailed(MESSAGE));
  expect(process.exitCode).toBe(1);
  process.exitCode = undefined;
  expect(failed).toBe(await stdoutOf(() => core.setFailed(MESSAGE)));
  expect(failed).toBe('::error::line 1%0D%0Aline 2: 100%25 done, a=b%0A\n');
});

it('inputs, outputs (file and command) and the job summary: the same as @actions/core', async () => {
  process.env['INPUT_GITHUB-TOKEN'] = '  ghs_x \n';
  process.env.INPUT_FAIL_ON = 'high';
  for (const name of ['github-token', 'fail on', 'missing'])
    expect(ours.getInput(name)).toBe(core.getInput(name));

  const delimiters = (text: string) => text.replace(/ghadelimiter_[0-9a-f-]+/g, 'DELIM');
  const mine = tempFile();
  const theirs = tempFile();
  process.env.GITHUB_OUTPUT = mine;
  ours.setOutput('status', MESSAGE);
  process.env.GITHUB_OUTPUT = theirs;
  core.setOutput('status', MESSAGE);
  expect(delimiters(readFileSync(mine, 'utf8'))).toBe(delimiters(readFileSync(theirs, 'utf8')));

  delete process.env.GITHUB_OUTPUT;
  expect(await stdoutOf(() => ours.setOutput('a:b', MESSAGE))).toBe(
    await stdoutOf(() => core.setOutput('a:b', MESSAGE)),
  );

  const summaryMine = tempFile();
  const summaryTheirs = tempFile();
  process.env.GITHUB_STEP_SUMMARY = summaryMine;
  await ours.appendJobSummary('## Review\n\nAll good.');
  await ours.appendJobSummary('more');
  process.env.GITHUB_STEP_SUMMARY = summaryTheirs;
  await core.summary.addRaw('## Review\n\nAll good.', true).write();
  await core.summary.addRaw('more', true).write();
  expect(readFileSync(summaryMine, 'utf8')).toBe(readFileSync(summaryTheirs, 'utf8'));
  delete process.env.GITHUB_STEP_SUMMARY;
  await expect(ours.appendJobSummary('x')).rejects.toThrow(/GITHUB_STEP_SUMMARY/);
});
