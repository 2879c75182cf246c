/**
 * The rank tables the build ships as JSON (dist/tokenizer-ranks/) are gpt-tokenizer's own: the
 * same entries, and an encoder built from them counts exactly as the package's module does.
 */
import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadEncoding, RANKS_DIR, type RankedEncoding } from '../../src/models/tokenizer-data.js';

const DIST = resolve('dist');
const FIXTURES = resolve('bench/fixtures');

const texts = [
  '',
  'hello world',
  'Ünïcödé, 中文, emoji 🚀🚀, and <|endoftext|> as plain text',
  '    indented\n\n\n   \t  mixed whitespace\r\n',
  ...readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.diff'))
    .map((f) => readFileSync(join(FIXTURES, f), 'utf8')),
];

const AS_TEXT = { disallowedSpecial: new Set<string>() };

describe.each<RankedEncoding>(['o200k_base', 'cl100k_base'])('%s', (encoding) => {
  it('the shipped JSON holds the package tables, entry for entry', async () => {
    const shipped: unknown = JSON.parse(
      readFileSync(join(DIST, RANKS_DIR, `${encoding}.json`), 'utf8'),
    );
    const { default: own } = await import(`gpt-tokenizer/bpeRanks/${encoding}`);
    expect(shipped).toEqual(own);
  });

  it('an encoder from the shipped tables counts like the package module', async () => {
    const fromDist = await loadEncoding(encoding, DIST);
    const fromPackage = (await import(`gpt-tokenizer/encoding/${encoding}`)).default;
    for (const text of texts)
      expect(fromDist.countTokens(text, AS_TEXT)).toBe(fromPackage.countTokens(text, AS_TEXT));
  });
});

it('without shipped tables (an unbundled run), the package tables are used', async () => {
  const empty = mkdtempSync(join(tmpdir(), 'aethr-no-ranks-'));
  try {
    const encoder = await loadEncoding('o200k_base', empty);
    const own = (await import('gpt-tokenizer/encoding/o200k_base')).default;
    expect(encoder.countTokens(texts[2]!, AS_TEXT)).toBe(own.countTokens(texts[2]!, AS_TEXT));
  } finally {
    rmSync(empty, { recursive: true, force: true });
  }
});
