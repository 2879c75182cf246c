import { describe, expect, test } from '@jest/globals';
import { OpencodeError } from '../../src/backends/opencode/errors.js';
import {
  formatDuration,
  judgeRun,
  runArtifact,
  runResult,
  tail,
} from '../../src/backends/opencode/opencode-verdict.js';
import type { JudgeInput } from '../../src/backends/opencode/opencode-verdict.js';
import type { OpencodeRunSummary } from '../../src/backends/opencode/opencode-events.js';
import type { ProcessRunResult } from '../../src/backends/opencode/run-process.js';
import type { TreeChanges } from '../../src/git/tree-changes.js';

const redact = (text: string): string => text.replaceAll('sk-secret', '[redacted]');

function run(extra: Partial<ProcessRunResult> = {}): ProcessRunResult {
  return {
    exitCode: 0,
    signal: undefined,
    timedOut: false,
    stderr: '',
    stdoutBytes: 10,
    stdoutCapped: false,
    durationMs: 5,
    ...extra,
  };
}

function summary(extra: Partial<OpencodeRunSummary> = {}): OpencodeRunSummary {
  return { texts: [], tools: [], errors: [], steps: 1, ignoredLines: 0, ...extra };
}

const changed: TreeChanges = {
  changedFiles: ['a.ts'],
  patch: 'diff --git a/a.ts b/a.ts\n+sk-secret\n',
  diffStat: ' a.ts | 1 +',
  notes: ['tree note'],
};
const unchanged: TreeChanges = { changedFiles: [], patch: '', diffStat: '', notes: [] };

describe('runArtifact', () => {
  test('keeps the changes and adds notes on capped output, the key and the exit code', () => {
    const artifact = runArtifact({
      stepId: 's',
      iteration: 2,
      changes: changed,
      run: run({ exitCode: 3, stdoutCapped: true, stdoutBytes: 99 }),
      failed: [],
      apiKey: 'sk-secret',
      redact,
    });
    expect(artifact).toEqual({
      stepId: 's',
      iteration: 2,
      changedFiles: ['a.ts'],
      diffStat: ' a.ts | 1 +',
      patch: changed.patch,
      note: [
        'tree note',
        'opencode printed more than 99 bytes; the rest of its events were not read',
        'the changes contain the provider API key',
        'opencode exited with code 3',
      ].join('\n'),
    });
  });

  test('a run that changed nothing says so first, with the failed tool calls', () => {
    const artifact = runArtifact({
      stepId: 's',
      iteration: 1,
      changes: unchanged,
      run: run(),
      failed: ['edit: denied'],
      redact,
    });
    expect(artifact.note).toBe('opencode changed no files; failed tool calls: edit: denied');
    const timedOut = runArtifact({
      stepId: 's',
      iteration: 1,
      changes: changed,
      run: run({ exitCode: 1, timedOut: true }),
      failed: [],
      redact,
    });
    expect(timedOut.note).toBe('tree note');
  });
});

describe('judgeRun', () => {
  const base = (extra: Partial<JudgeInput>): JudgeInput => ({
    stepId: 's',
    bin: '/bin/opencode',
    timeoutMs: 120_000,
    run: run(),
    summary: summary(),
    headBefore: 'abc',
    headAfter: 'abc',
    artifact: runArtifact({
      stepId: 's',
      iteration: 1,
      changes: changed,
      run: run(),
      failed: [],
      redact,
    }),
    target: { ref: 'openai:gpt', baseURL: 'http://127.0.0.1:1/v1?k=sk-secret' },
    redact,
    ...extra,
  });
  const kindOf = (input: JudgeInput): string | undefined => {
    try {
      judgeRun(input);
      return undefined;
    } catch (error) {
      expect(error).toBeInstanceOf(OpencodeError);
      return (error as OpencodeError).kind;
    }
  };

  test('a clean run passes', () => {
    expect(kindOf(base({}))).toBeUndefined();
  });

  test('each way of failing has its kind, in order of precedence', () => {
    expect(kindOf(base({ run: run({ spawnError: { message: 'x', code: 'ENOENT' } }) }))).toBe(
      'not-installed',
    );
    expect(kindOf(base({ run: run({ spawnError: { message: 'x', code: 'EACCES' } }) }))).toBe(
      'spawn',
    );
    expect(kindOf(base({ run: run({ timedOut: true }), headAfter: 'def' }))).toBe('timeout');
    expect(kindOf(base({ headAfter: 'def', summary: summary({ errors: ['boom'] }) }))).toBe(
      'head-moved',
    );
    expect(kindOf(base({ summary: summary({ errors: ['boom'] }) }))).toBe('error-event');
  });

  test('a failed exit is an error only when nothing changed', () => {
    const nothing = runArtifact({
      stepId: 's',
      iteration: 1,
      changes: unchanged,
      run: run(),
      failed: [],
      redact,
    });
    expect(kindOf(base({ run: run({ exitCode: 2 }) }))).toBeUndefined();
    expect(() =>
      judgeRun(
        base({
          run: run({ exitCode: undefined, signal: 'SIGKILL', stderr: 'a\n\nb\n' }),
          artifact: nothing,
        }),
      ),
    ).toThrow('opencode step "s" was killed by SIGKILL and changed no files: a\nb');
  });

  test('messages say what the tree keeps and never show a secret', () => {
    expect(() => judgeRun(base({ summary: summary({ errors: ['bad sk-secret'] }) }))).toThrow(
      'opencode step "s" failed: bad [redacted] The working tree keeps its 1 changed file(s).',
    );
    let error: OpencodeError | undefined;
    try {
      judgeRun(base({ summary: summary({ errors: ['x'] }) }));
    } catch (e) {
      error = e as OpencodeError;
    }
    expect(error?.hint).toBe(
      'Check that openai:gpt is reachable at http://127.0.0.1:1/v1?k=[redacted] and supports tool calls.',
    );
    expect(() => judgeRun(base({ run: run({ timedOut: true }) }))).toThrow(
      'within the 2 min timeout',
    );
  });
});

describe('runResult and helpers', () => {
  test('the output lists failed tool calls and carries usage', () => {
    const usage = { inputTokens: 1, outputTokens: 2 };
    const result = runResult('did it sk-secret', summary({ usage }), ['bash: no'], base(), redact);
    expect(result).toEqual({
      output: 'did it [redacted]\n\nTool calls that failed:\n- bash: no',
      artifact: base(),
      usage,
      mock: false,
    });
    expect(runResult('', summary(), [], base(), redact).output).toBe('(opencode printed no text)');
    function base() {
      return { stepId: 's', iteration: 1, changedFiles: [], diffStat: '', patch: '' };
    }
  });

  test('formatDuration and tail', () => {
    expect([formatDuration(120_000), formatDuration(3000), formatDuration(1500)]).toEqual([
      '2 min',
      '3 s',
      '1500 ms',
    ]);
    expect(tail('1\n2\n\n3\n4\n5\n6  \n')).toBe('2\n3\n4\n5\n6');
  });
});
