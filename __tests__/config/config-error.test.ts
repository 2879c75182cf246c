import { describe, expect, it } from '@jest/globals';
import {
  ConfigError,
  formatConfigError,
  formatConfigProblem,
} from '../../src/config/config-error.js';
import { AethrError } from '../../src/errors.js';

describe('ConfigError', () => {
  const problems = [
    {
      line: 9,
      column: 5,
      path: 'steps[1].role',
      message: 'role "x" is not defined',
      fix: 'did you mean "y"?',
    },
    {
      line: 2,
      column: 1,
      path: 'modle',
      message: 'unknown key "modle"',
      fix: 'did you mean "models"?',
    },
    { line: 2, column: 1, path: '', message: 'second at the same place' },
  ];

  it('is an AethrError listing every problem sorted by line, one per line', () => {
    const err = new ConfigError('.aethr.yaml', problems);
    expect(err).toBeInstanceOf(AethrError);
    expect(err.name).toBe('ConfigError');
    expect(err.file).toBe('.aethr.yaml');
    expect(err.problems.map((p) => p.line)).toEqual([2, 2, 9]);
    expect(err.message).toBe(
      [
        '.aethr.yaml:2:1: modle: unknown key "modle" — did you mean "models"?',
        '.aethr.yaml:2:1: second at the same place',
        '.aethr.yaml:9:5: steps[1].role: role "x" is not defined — did you mean "y"?',
      ].join('\n'),
    );
    expect(err.hint).toBe('Edit .aethr.yaml and fix the 3 problems listed above.');
    expect(formatConfigError(err).split('\n')[0]).toBe(
      '.aethr.yaml: 3 problems in the workflow file',
    );
  });

  it('formats a problem without a position as FILE: MESSAGE', () => {
    expect(
      formatConfigProblem('w.yaml', {
        line: 0,
        column: 0,
        path: '',
        message: 'missing',
        fix: 'create it',
      }),
    ).toBe('w.yaml: missing — create it');
  });
});
