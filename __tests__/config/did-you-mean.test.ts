import { describe, expect, it } from '@jest/globals';
import {
  closestMatch,
  editDistance,
  listWords,
  suggestWord,
} from '../../src/config/did-you-mean.js';

describe('editDistance', () => {
  it('counts insertions, deletions, substitutions and swaps', () => {
    expect(editDistance('', '')).toBe(0);
    expect(editDistance('abc', '')).toBe(3);
    expect(editDistance('model', 'models')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('histroy', 'history')).toBe(1); // one swap
    expect(editDistance('ab', 'ba')).toBe(1);
  });
});

describe('closestMatch', () => {
  const stepKeys = [
    'id',
    'role',
    'context',
    'backend',
    'unsafe_permissions',
    'history_visibility',
    'repeat',
  ];

  it('finds typos, swapped letters and -/_ or case slips', () => {
    expect(closestMatch('histroy_visibility', stepKeys)).toBe('history_visibility');
    expect(closestMatch('contxt', stepKeys)).toBe('context');
    expect(closestMatch('Unsafe-Permissions', stepKeys)).toBe('unsafe_permissions');
    expect(closestMatch('git-diff', ['git_diff', 'latest_diff'])).toBe('git_diff');
    expect(closestMatch('hist', stepKeys)).toBe('history_visibility'); // unique prefix
  });

  it('offers nothing when no candidate is plausibly meant', () => {
    expect(closestMatch('temperature', stepKeys)).toBeUndefined();
    expect(closestMatch('back_to', stepKeys)).toBeUndefined();
    expect(closestMatch('', stepKeys)).toBeUndefined();
    expect(closestMatch('x', [])).toBeUndefined();
  });
});

describe('suggestWord and listWords', () => {
  it('suggests the close word, else lists the allowed ones', () => {
    expect(suggestWord('latests', ['all', 'latest', 'summary', 'none'])).toBe(
      'did you mean "latest"?',
    );
    expect(suggestWord('codex', ['llm', 'opencode', 'patch'], 'write one of')).toBe(
      'write one of "llm", "opencode" or "patch"',
    );
    expect(listWords(['a'])).toBe('"a"');
    expect(listWords(['a', 'b'], 'and')).toBe('"a" and "b"');
  });
});
