import { describe, expect, it } from '@jest/globals';
import { MAX_COMMAND_BODY, parseCommand } from '../../src/github/commands.js';

describe('parseCommand', () => {
  it('reads each command', () => {
    expect(parseCommand('/aethr review')).toEqual({ kind: 'review' });
    expect(parseCommand('/aethr review focus on error handling')).toEqual({
      kind: 'review',
      instructions: 'focus on error handling',
    });
    expect(parseCommand('/aethr implement add a --json flag')).toEqual({
      kind: 'implement',
      task: 'add a --json flag',
    });
    expect(parseCommand('/aethr run docs-sync')).toEqual({ kind: 'run', workflow: 'docs-sync' });
    expect(parseCommand('/aethr run .aethr/fix.yaml fix the flaky test')).toEqual({
      kind: 'run',
      workflow: '.aethr/fix.yaml',
      task: 'fix the flaky test',
    });
    expect(parseCommand('/aethr help')).toEqual({ kind: 'help' });
    expect(parseCommand('/aethr')).toEqual({ kind: 'help' });
  });

  it('is case-insensitive and accepts CRLF bodies and up to three spaces of indentation', () => {
    expect(parseCommand('Thanks!\r\n\r\n   /AETHR Review\r\n')).toEqual({ kind: 'review' });
  });

  it('returns undefined without a command', () => {
    expect(parseCommand('')).toBeUndefined();
    expect(parseCommand('LGTM, thanks')).toBeUndefined();
    expect(parseCommand('please run /aethr review')).toBeUndefined(); // not at the start of a line
    expect(parseCommand('/aethrreview')).toBeUndefined();
    expect(parseCommand('/aethr-review')).toBeUndefined();
    expect(parseCommand('    /aethr review')).toBeUndefined(); // indented code
  });

  it('reports unknown subcommands and missing arguments so a door can reply with help', () => {
    expect(parseCommand('/aethr deploy now')).toEqual({
      kind: 'unknown',
      text: '/aethr deploy now',
      reason: '`deploy` is not an aethr command.',
    });
    // Without a task: continues a task-list PR; the run itself answers elsewhere.
    expect(parseCommand('/aethr implement')).toEqual({ kind: 'implement', task: '' });
    expect(parseCommand('/aethr run')).toMatchObject({
      kind: 'unknown',
      reason: expect.stringContaining('needs a workflow'),
    });
    expect(parseCommand('/aethr run ../../etc/passwd')).toMatchObject({ kind: 'unknown' });
    expect(parseCommand('/aethr run /abs/path.yaml')).toMatchObject({ kind: 'unknown' });
  });

  it('ignores commands in fenced code blocks (backticks, tildes, longer fences, inside list items)', () => {
    expect(parseCommand('```\n/aethr review\n```')).toBeUndefined();
    expect(parseCommand('~~~md\n/aethr implement x\n~~~')).toBeUndefined();
    expect(parseCommand('````\n```\n/aethr review\n```\n````')).toBeUndefined();
    expect(parseCommand('- step\n    ```\n/aethr review\n    ```')).toBeUndefined();
    // An unclosed fence runs to the end of the comment.
    expect(parseCommand('```\nlog\n/aethr review')).toBeUndefined();
    // After the fence closes, commands count again.
    expect(parseCommand('```\n/aethr help\n```\n/aethr review')).toEqual({ kind: 'review' });
  });

  it('ignores quoted commands, including lazy continuation lines of a quote', () => {
    expect(parseCommand('> /aethr review')).toBeUndefined();
    expect(parseCommand('> you said\n/aethr implement drop the table')).toBeUndefined();
    expect(parseCommand('> you said\n\n/aethr review')).toEqual({ kind: 'review' });
    expect(parseCommand('> you said\n>\n/aethr review')).toEqual({ kind: 'review' });
  });

  it('ignores inline code, also when a code span runs over several lines', () => {
    expect(parseCommand('`/aethr review`')).toBeUndefined();
    expect(parseCommand('type ``\n/aethr review\n`` to review')).toBeUndefined();
    // An unmatched backtick is literal, so the next line is a command.
    expect(parseCommand('a ` tick\n/aethr review')).toEqual({ kind: 'review' });
  });

  it('ignores commands hidden in HTML comments and drops hidden text from arguments', () => {
    expect(parseCommand('<!--\n/aethr implement rm -rf\n-->')).toBeUndefined();
    expect(parseCommand('<!-- /aethr review -->')).toBeUndefined();
    expect(parseCommand('/aethr implement add tests<!-- and delete the CI -->')).toEqual({
      kind: 'implement',
      task: 'add tests',
    });
  });

  it('lets arguments continue on following lines, up to the next command', () => {
    const body = [
      '/aethr implement add caching to the resolver',
      '',
      'Use an LRU with 100 entries.',
      '```',
      'TypeError: x is undefined',
      '```',
      '',
      '',
      '',
      '/aethr help',
    ].join('\n');
    expect(parseCommand(body)).toEqual({
      kind: 'implement',
      task: 'add caching to the resolver\n\nUse an LRU with 100 entries.\n```\nTypeError: x is undefined\n```',
    });
    expect(parseCommand('/aethr review\nfocus on the parser\nand its tests')).toEqual({
      kind: 'review',
      instructions: 'focus on the parser\nand its tests',
    });
    expect(parseCommand('/aethr run fix\nthe login bug')).toEqual({
      kind: 'run',
      workflow: 'fix',
      task: 'the login bug',
    });
  });

  it('takes the first command', () => {
    expect(parseCommand('/aethr help\n/aethr review')).toEqual({ kind: 'help' });
  });

  it('reads only the first 65,536 characters', () => {
    const padding = 'x'.repeat(MAX_COMMAND_BODY);
    expect(parseCommand(`${padding}\n/aethr review`)).toBeUndefined();
    const task = parseCommand(`/aethr implement ${'y'.repeat(MAX_COMMAND_BODY * 2)}`);
    expect(task?.kind).toBe('implement');
    expect(task?.kind === 'implement' ? task.task.length : -1).toBeGreaterThan(
      MAX_COMMAND_BODY - 100,
    );
    expect(task?.kind === 'implement' ? task.task.length : Infinity).toBeLessThanOrEqual(
      MAX_COMMAND_BODY,
    );
  });

  it('stays linear on hostile input', () => {
    const start = performance.now();
    parseCommand('`'.repeat(30_000) + '\n' + '<!--'.repeat(5_000));
    parseCommand('> a\n'.repeat(10_000));
    expect(performance.now() - start).toBeLessThan(2_000);
  });
});
