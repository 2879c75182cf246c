import { describe, expect, it } from '@jest/globals';
import { parseEnv } from 'node:util';
import {
  addEnvToGitignore,
  gitignoreCoversEnv,
  setEnvVariable,
} from '../../src/cli/dotenv-edit.js';
import { createElapsedTicker, formatElapsed } from '../../src/cli/elapsed-ticker.js';
import { failingFindings, formatFindings } from '../../src/cli/findings-list.js';
import { terminalSafe } from '../../src/cli/style.js';
import { createTerminalObserver } from '../../src/cli/terminal-observer.js';
import { flagsInHelp, toUsageError, UsageError } from '../../src/cli/usage.js';
import { COMMANDS } from '../../src/cli/help.js';
import type { Finding } from '../../src/engine/types.js';

function fakeClock() {
  let now = 0;
  let tick: (() => void) | undefined;
  return {
    now: () => now,
    every: (_ms: number, fn: () => void) => {
      tick = fn;
      return { stop: () => (tick = undefined) };
    },
    advance(ms: number) {
      now += ms;
      tick?.();
    },
    get running() {
      return tick !== undefined;
    },
  };
}

describe('elapsed ticker', () => {
  it('draws after a quiet moment at a line start, erases before output, stops at the end', () => {
    const clock = fakeClock();
    let screen = '';
    const ticker = createElapsedTicker({ write: (t) => (screen += t), ...clock });
    const observer = createTerminalObserver((t) => (screen += t), { ticker });
    observer.stepStarted?.({
      step: { id: 'review', role: 'reviewer' } as never,
      iteration: 1,
      model: 'openai:m',
      index: 0,
      total: 1,
    });
    clock.advance(100);
    expect(screen).not.toContain('⠙'); // not yet: too soon
    clock.advance(2_300);
    expect(screen.endsWith('\r\u001b[2K⠙ review · openai:m · 2.4s')).toBe(true);
    observer.delta?.('review', 'half a line');
    expect(screen.endsWith('2.4s\r\u001b[2Khalf a line')).toBe(true);
    clock.advance(5_000);
    expect(screen.endsWith('half a line')).toBe(true); // never drawn mid-line
    observer.close();
    expect(clock.running).toBe(false);
    expect(formatElapsed(75_500)).toBe('1m15s');
  });

  it('without a ticker, writes no control codes and strips them from model text', () => {
    let screen = '';
    const observer = createTerminalObserver((t) => (screen += t));
    observer.delta?.('s', 'a\u001b]0;title\u0007b\r\nc');
    expect(screen).toBe('a]0;titleb\nc');
    expect(terminalSafe('\u009b2J ok\ttab')).toBe('2J ok\ttab');
  });
});

describe('findings list', () => {
  const f = (severity: Finding['severity'], line: number, title: string): Finding => ({
    path: 'a.ts',
    line,
    severity,
    title,
    body: '',
  });
  it('sorts by severity, one line each, and --fail-on counts at or above', () => {
    const findings = [f('low', 9, 'Low one'), f('high', 3, 'High\none'), f('info', 1, 'Nit')];
    expect(formatFindings({ status: 'revise', statusSource: 'line', findings, notes: [] })).toBe(
      '\nFindings (3, review status: revise):\n  HIGH    a.ts:3  High one\n  LOW     a.ts:9  Low one\n  INFO    a.ts:1  Nit\n',
    );
    expect(failingFindings(findings, 'high')).toHaveLength(1);
    expect(failingFindings(findings, 'low')).toHaveLength(2);
    expect(failingFindings(findings, 'none')).toHaveLength(0);
    expect(formatFindings({ status: 'pass', statusSource: 'line', findings: [], notes: [] })).toBe(
      '\nNo findings (review status: pass).\n',
    );
  });
});

describe('.env editing', () => {
  it('replaces the variable in place, drops duplicates, keeps the rest', () => {
    const text = '# keys\nA=1\nexport OPENAI_API_KEY=old\nB=2\nOPENAI_API_KEY=older\n';
    expect(setEnvVariable(text, 'OPENAI_API_KEY', 'sk-new')).toBe(
      '# keys\nA=1\nOPENAI_API_KEY=sk-new\nB=2\n',
    );
    expect(setEnvVariable('', 'X_API_KEY', 'k')).toBe('X_API_KEY=k\n');
  });

  it('quotes values that need it and refuses what cannot round-trip', () => {
    for (const value of ['a#b', 'with"quote', "it's"]) {
      const text = setEnvVariable('', 'K', value);
      expect(text && parseEnv(text)['K']).toBe(value);
    }
    expect(setEnvVariable('', 'K', `both'and"`)).toBeUndefined();
  });

  it('adds .env to .gitignore unless a line already covers it', () => {
    expect(gitignoreCoversEnv('node_modules/\n.env\n')).toBe(true);
    expect(gitignoreCoversEnv('.env.example\n')).toBe(false);
    expect(addEnvToGitignore('dist')).toBe(
      'dist\n# Provider keys written by "aethr auth login"\n.env\n',
    );
  });
});

describe('usage errors', () => {
  it('reads flags from the help text and turns parseArgs errors into usage errors', () => {
    expect(flagsInHelp(COMMANDS.run.help)).toEqual(
      expect.arrayContaining(['--workflow', '--base', '--fail-on', '--show-prompt', '--help']),
    );
    const error = Object.assign(new TypeError("Unknown option '--wrokflow'. To specify …"), {
      code: 'ERR_PARSE_ARGS_UNKNOWN_OPTION',
    });
    const usage = toUsageError(error, 'run', flagsInHelp(COMMANDS.run.help));
    expect(usage).toBeInstanceOf(UsageError);
    expect((usage as UsageError).hint).toBe('Did you mean "--workflow"?');
    const other = new Error('boom');
    expect(toUsageError(other, 'run', [])).toBe(other);
  });
});
