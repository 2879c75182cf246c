import { describe, expect, it } from '@jest/globals';
import * as cl100k from 'gpt-tokenizer/encoding/cl100k_base';
import * as o200k from 'gpt-tokenizer/encoding/o200k_base';
import { boundedTokenCount, isSplitPoint, MAX_RUN } from '../../src/models/token-count.js';

const AS_TEXT = { disallowedSpecial: new Set<string>() };
const encoders = {
  o200k_base: (t: string) => o200k.countTokens(t, AS_TEXT),
  cl100k_base: (t: string) => cl100k.countTokens(t, AS_TEXT),
};

/** A small seeded PRNG, so every generated text is the same on every run. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Pieces that stress the pre-split: spaces, tabs, CR/LF, contractions, digits, '/', CJK, emoji. */
const PIECES = [
  ' ',
  '  ',
  '\t',
  '\n',
  '\r\n',
  ' \n',
  '\n ',
  '\n  ',
  'a',
  'word',
  'Word',
  'WORD',
  "it's",
  "'ll",
  '123',
  '4567',
  '/',
  '//',
  '}',
  '};',
  '{',
  '(x)',
  '=>',
  '+',
  '-',
  '@@',
  '--- a/x',
  '+++ b/y',
  '日本語',
  'é',
  '🚀',
  '\u00a0',
  '\u3000',
  '<|endoftext|>',
  'x.y',
  '#',
  '"s"',
  '\\',
  '\n/',
];

function generated(seed: number, parts: number): string {
  const next = rng(seed);
  let out = '';
  for (let i = 0; i < parts; i++) out += PIECES[Math.floor(next() * PIECES.length)];
  return out;
}

function splitAtEveryPoint(text: string): string[] {
  const pieces: string[] = [];
  let from = 0;
  for (let p = 1; p < text.length; p++) {
    if (isSplitPoint(text, p)) {
      pieces.push(text.slice(from, p));
      from = p;
    }
  }
  pieces.push(text.slice(from));
  return pieces;
}

describe('split points', () => {
  it.each(Object.entries(encoders))(
    'the pieces between split points add up to the whole, exactly (%s)',
    (_name, count) => {
      let splits = 0;
      for (let seed = 1; seed <= 300; seed++) {
        const text = generated(seed, 60);
        const pieces = splitAtEveryPoint(text);
        splits += pieces.length - 1;
        expect(pieces.join('')).toBe(text);
        expect(pieces.reduce((n, p) => n + count(p), 0)).toBe(count(text));
      }
      expect(splits).toBeGreaterThan(1_000);
    },
  );

  it('splits before a word on a diff line, never inside whitespace runs or after one', () => {
    const text = '+ const x = 1;\n  indented\n \n';
    const points = [...text].flatMap((_, p) => (isSplitPoint(text, p) ? [p] : []));
    expect(points.map((p) => text.slice(p, p + 3))).toEqual([' co', ' x ', ' = ', ' 1;']);
  });
});

describe('boundedTokenCount', () => {
  it.each(Object.entries(encoders))('is exact when no stretch is long (%s)', (_name, count) => {
    for (let seed = 1; seed <= 50; seed++) {
      const text = generated(seed, 2_000);
      expect(boundedTokenCount(text, count)).toBe(count(text));
    }
  });

  it.each(Object.entries(encoders))(
    'is never below the exact count: long stretches count as their bytes (%s)',
    (_name, count) => {
      for (let seed = 1; seed <= 50; seed++) {
        // Short runs, so the whole can be counted exactly here, with a tiny maxRun to force bounds.
        const text = generated(seed, 400);
        const bounded = boundedTokenCount(text, count, 8);
        expect(bounded).toBeGreaterThanOrEqual(count(text));
        expect(bounded).toBeLessThanOrEqual(Buffer.byteLength(text));
      }
    },
  );

  it('a token covers at least one byte: bytes bound the count of runs the tokenizer is slow on', () => {
    for (const run of [
      'a'.repeat(4_000),
      '='.repeat(4_000),
      ' \n'.repeat(2_000),
      '日'.repeat(1_500),
    ]) {
      for (const count of Object.values(encoders))
        expect(count(run)).toBeLessThanOrEqual(Buffer.byteLength(run));
    }
  });

  it('counts a 300 KB single-line file by its bytes, and ordinary lines around it exactly', () => {
    const line = `+${'Q'.repeat(300_000)}\n`;
    const before =
      'diff --git a/x.min.js b/x.min.js\n--- a/x.min.js\n+++ b/x.min.js\n@@ -0,0 +1 @@\n';
    const calls: string[] = [];
    const count = (t: string): number => {
      calls.push(t);
      return encoders.o200k_base(t);
    };
    const n = boundedTokenCount(`${before}${line}`, count);
    expect(calls.every((t) => t.length <= before.length)).toBe(true);
    expect(n).toBeGreaterThanOrEqual(Buffer.byteLength(line) - MAX_RUN);
    expect(n).toBeLessThanOrEqual(Buffer.byteLength(`${before}${line}`));
  });
});
