import { describe, expect, it } from '@jest/globals';
import { ModelError } from '../../src/models/model-error.js';
import { redactSecrets, redactURL } from '../../src/models/redact.js';

describe('redactSecrets', () => {
  it('removes every occurrence of the given secrets', () => {
    const out = redactSecrets('key=plainsecret42 and again plainsecret42.', ['plainsecret42']);
    expect(out).not.toContain('plainsecret42');
    expect(out).toBe('key=[redacted] and again [redacted].');
  });

  it('removes common key shapes even when not given', () => {
    const text =
      'Incorrect API key provided: sk-proj-abcdEFGH1234****wxyz. Also xai-ABCDEFGH12345 and AIzaSyA1234567890abcdefghijklmnop and Bearer abc.def.ghi123';
    const out = redactSecrets(text);
    expect(out).not.toMatch(/sk-proj|xai-ABC|AIzaSy|abc\.def/);
    expect(out).toContain('Bearer [redacted]');
  });

  it('redacts secret query parameters and URL credentials', () => {
    expect(redactSecrets('https://x.example/v1?key=abcdef123&x=1')).toBe(
      'https://x.example/v1?key=[redacted]&x=1',
    );
    expect(redactURL('https://user:pass1234@llm.example/v1')).toBe('https://llm.example/v1');
    expect(redactURL(undefined)).toBe('(none)');
  });

  it('ignores undefined and very short secrets, replaces the longest first', () => {
    expect(redactSecrets('a b c', [undefined, 'a'])).toBe('a b c');
    expect(redactSecrets('secret-long-value', ['secret', 'secret-long-value'])).toBe('[redacted]');
  });

  it('ModelError redacts its message and hint', () => {
    const error = new ModelError('bad key plainsecret42', {
      kind: 'auth',
      hint: 'replace plainsecret42',
      secrets: ['plainsecret42'],
    });
    expect(error.message).toBe('bad key [redacted]');
    expect(error.hint).toBe('replace [redacted]');
    expect(error.name).toBe('ModelError');
  });
});
