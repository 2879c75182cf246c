import { describe, expect, it } from '@jest/globals';
import { decodeUtf8, firstInvalidUtf8Offset } from '../../src/config/utf8.js';

const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(
    parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))),
  );

describe('decodeUtf8', () => {
  it('decodes valid UTF-8 and drops a byte-order mark', () => {
    expect(decodeUtf8(bytes('a: caf\u00e9 \u{1F600}'))).toEqual({
      ok: true,
      text: 'a: caf\u00e9 \u{1F600}',
    });
    expect(decodeUtf8(bytes([0xef, 0xbb, 0xbf], 'a: 1'))).toEqual({ ok: true, text: 'a: 1' });
  });

  it('finds the first invalid byte and its line and column', () => {
    expect(decodeUtf8(bytes('a: 1\nb: \u00e9\u00e9', [0xff], '\n'))).toEqual({
      ok: false,
      offset: 12,
      line: 2,
      column: 6,
      byte: 0xff,
    });
    expect(decodeUtf8(bytes([0x80]))).toMatchObject({ ok: false, line: 1, column: 1, byte: 0x80 });
  });

  it('rejects overlong forms, surrogates, out-of-range and truncated sequences', () => {
    expect(firstInvalidUtf8Offset(bytes('ok'))).toBe(-1);
    expect(firstInvalidUtf8Offset(bytes('x', [0xc0, 0xaf]))).toBe(1); // overlong "/"
    expect(firstInvalidUtf8Offset(bytes('x', [0xe0, 0x80, 0xaf]))).toBe(1); // overlong
    expect(firstInvalidUtf8Offset(bytes('x', [0xed, 0xa0, 0x80]))).toBe(1); // surrogate
    expect(firstInvalidUtf8Offset(bytes('x', [0xf4, 0x90, 0x80, 0x80]))).toBe(1); // > U+10FFFF
    expect(firstInvalidUtf8Offset(bytes('xy', [0xe2, 0x82]))).toBe(2); // truncated
    expect(decodeUtf8(bytes('x', [0xe2, 0x82]))).toMatchObject({ ok: false, offset: 1 });
  });
});
