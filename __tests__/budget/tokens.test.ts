import { describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import * as cl100k from 'gpt-tokenizer/encoding/cl100k_base';
import * as o200k from 'gpt-tokenizer/encoding/o200k_base';
import type { ChatMessage } from '../../src/engine/types.js';
import {
  approxChatTokens,
  chatTokensBound,
  chatTokensUpperBound,
  countChatTokens,
  countTokens,
  encodingFor,
  estimateChatTokens,
  tokenMethodFor,
} from '../../src/models/tokens.js';

const AS_TEXT = { disallowedSpecial: new Set<string>() };

const SAMPLES = [
  '',
  'hello world',
  'Review status: pass',
  'diff --git a/src/a.ts b/src/a.ts\n@@ -1,3 +1,4 @@\n-const x = 1;\n+const x = 2; // ünïcödé ✓ 日本語\n',
  'def f(x):\n    return x ** 2  # 🚀 emoji and\ttabs\r\n',
  'a literal <|endoftext|> and <|im_start|> in a diff are plain text',
  `${'word '.repeat(1_000)}end`,
];

const CHAT: ChatMessage[] = [
  { role: 'system', content: 'You are the reviewer. Reply in Markdown.' },
  { role: 'user', content: `# Task\n\nReview this change.\n\n${SAMPLES[3]}${SAMPLES[4]}` },
  { role: 'assistant', content: 'Looks fine. Review status: pass' },
  { role: 'user', content: '' },
];

describe('encodingFor / tokenMethodFor', () => {
  it('maps OpenAI model families to their encodings, whoever serves them', () => {
    for (const ref of [
      'openai:gpt-4o',
      'openai:gpt-4o-mini-2024-07-18',
      'gpt-4.1-nano',
      'openai:o1',
      'openai:o3-mini',
      'openai:o4-mini',
      'openai:gpt-5',
      'openai:gpt-5-mini',
      'openrouter:openai/gpt-4o',
      'azure:gpt-4o',
    ]) {
      expect([ref, encodingFor(ref)]).toEqual([ref, 'o200k_base']);
    }
    for (const ref of [
      'openai:gpt-4',
      'openai:gpt-4-turbo',
      'openai:gpt-4-0613',
      'openai:gpt-3.5-turbo',
    ]) {
      expect([ref, encodingFor(ref)]).toEqual([ref, 'cl100k_base']);
    }
    expect(tokenMethodFor('openai:gpt-4o').label).toBe('tokenizer:o200k_base');
    expect(tokenMethodFor('anthropic:claude-sonnet-4-5')).toMatchObject({
      kind: 'approx',
      label: 'approx:chars/3.5',
    });
    expect(tokenMethodFor('google:gemini-2.5-flash').label).toBe('approx:chars/3.5');
    expect(tokenMethodFor('openrouter:anthropic/claude-sonnet-4').label).toBe('approx:chars/3.5');
    expect(tokenMethodFor('ollama:llama3.2')).toMatchObject({
      kind: 'approx',
      label: 'approx:chars/4',
    });
    expect(tokenMethodFor('xai:grok-4').label).toBe('approx:chars/4');
    expect(tokenMethodFor('azure:my-deployment').label).toBe('approx:chars/4');
  });
});

describe('countTokens', () => {
  it('matches gpt-tokenizer for o200k_base (gpt-4o, o-series, gpt-5) and cl100k_base (gpt-4)', async () => {
    for (const text of SAMPLES) {
      const o = o200k.encode(text, AS_TEXT).length;
      const c = cl100k.encode(text, AS_TEXT).length;
      expect(await countTokens(text, 'openai:gpt-4o')).toBe(o);
      expect(await countTokens(text, 'openai:o3')).toBe(o);
      expect(await countTokens(text, 'openai:gpt-5-mini')).toBe(o);
      expect(await countTokens(text, 'openai:gpt-4')).toBe(c);
      expect(await countTokens(text, 'openai:gpt-3.5-turbo')).toBe(c);
    }
  });

  it('counts a run too long to tokenize quickly by its bytes: at or above the exact count', async () => {
    const run = 'x'.repeat(5000);
    expect(o200k.encode(run, AS_TEXT).length).toBe(625);
    expect(await countTokens(run, 'openai:gpt-4o')).toBe(5000);
    expect(await countTokens(run, 'openai:gpt-4')).toBe(5000);
  });

  it('approximates other providers from characters', async () => {
    expect(await countTokens('x'.repeat(35), 'anthropic:claude-haiku-4-5')).toBe(10);
    expect(await countTokens('x'.repeat(36), 'google:gemini-2.5-pro')).toBe(11);
    expect(await countTokens('x'.repeat(40), 'ollama:llama3.2')).toBe(10);
    expect(await countTokens('', 'ollama:llama3.2')).toBe(0);
  });
});

describe('countChatTokens', () => {
  it("equals gpt-tokenizer's encodeChat: 3 tokens per message plus its role, and 3 priming the reply", async () => {
    const messages = CHAT.map((m) => ({ role: m.role, content: m.content }));
    expect(await countChatTokens(CHAT, 'openai:gpt-4o')).toBe(
      o200k.encodeChat(messages, 'gpt-4o', AS_TEXT).length,
    );
    expect(await countChatTokens(CHAT, 'openai:gpt-4')).toBe(
      cl100k.encodeChat(messages, 'gpt-4', AS_TEXT).length,
    );
    const content = CHAT.reduce((sum, m) => sum + o200k.encode(m.content, AS_TEXT).length, 0);
    // Each role ("system", "user", "assistant") is one token in both encodings.
    expect(await countChatTokens(CHAT, 'openai:gpt-4o')).toBe(content + CHAT.length * (3 + 1) + 3);
  });

  it('says which method it used, and an approximation keeps the chat overhead', async () => {
    const exact = await estimateChatTokens(CHAT, 'openai:gpt-4.1');
    expect(exact.method).toEqual({
      kind: 'exact',
      encoding: 'o200k_base',
      label: 'tokenizer:o200k_base',
    });
    const approx = await estimateChatTokens(CHAT, 'anthropic:claude-sonnet-4-5');
    expect(approx.method.label).toBe('approx:chars/3.5');
    const chars = CHAT.map((m) => (m.content.length ? Math.ceil(m.content.length / 3.5) : 0));
    expect(approx.tokens).toBe(chars.reduce((a, b) => a + b, 0) + CHAT.length * 4 + 3);
    expect(approxChatTokens(CHAT)).toBeGreaterThan(0);
  });

  it('has a byte-based upper bound no exact count exceeds', async () => {
    expect(chatTokensUpperBound(CHAT)).toBeGreaterThanOrEqual(
      await countChatTokens(CHAT, 'openai:gpt-4o'),
    );
    expect(chatTokensUpperBound(CHAT)).toBeGreaterThanOrEqual(
      await countChatTokens(CHAT, 'openai:gpt-4'),
    );
  });
});

describe('chatTokensBound', () => {
  it('takes text the prompt builder counted at its count, and the rest at its bytes', async () => {
    const diff = SAMPLES[3]!;
    const messages: ChatMessage[] = [
      { role: 'system', content: 'You are the reviewer.' },
      { role: 'user', content: `# Task\n\n\`\`\`diff\n${diff}\`\`\`` },
    ];
    const counted = {
      bytes: Buffer.byteLength(diff),
      tokens: o200k.encode(diff, AS_TEXT).length,
      parts: 1,
    };
    const bytes = chatTokensUpperBound(messages);
    const bound = chatTokensBound(messages, 'openai:gpt-4o', counted);
    expect(bound).toEqual({
      tokens: bytes - counted.bytes + counted.tokens + 4,
      method: { kind: 'bound', label: 'bound:counted+bytes' },
    });
    expect(bound.tokens).toBeGreaterThanOrEqual(await countChatTokens(messages, 'openai:gpt-4o'));
    // That count does not bound cl100k_base's: the bytes do.
    expect(chatTokensBound(messages, 'openai:gpt-4', counted)).toEqual({
      tokens: bytes,
      method: { kind: 'bound', label: 'bound:utf8-bytes' },
    });
  });
});

describe('lazy loading', () => {
  it('loads no tokenizer on import, nor for an approximation; only on the first exact count', () => {
    // Node 24 runs tokens.ts directly (type stripping); a resolve hook lists what gets imported.
    const script = `
      import { registerHooks } from 'node:module';
      const seen = [];
      registerHooks({
        resolve(s, c, n) {
          seen.push(s);
          // The sources import each other as .js (TypeScript's ESM convention).
          try { return n(s, c); } catch { return n(s.replace(/\\.js$/, '.ts'), c); }
        },
      });
      const t = await import('./src/models/tokens.ts');
      const loaded = () => seen.filter((s) => s.includes('gpt-tokenizer'));
      const atImport = loaded().length;
      await t.countTokens('hi', 'anthropic:claude-sonnet-4-5');
      const afterApprox = loaded().length;
      await t.countTokens('hi', 'openai:gpt-4o');
      console.log(JSON.stringify({ atImport, afterApprox, after: loaded().sort() }));`;
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
      cwd: process.cwd(),
      encoding: 'utf8',
      env: { ...process.env, NODE_OPTIONS: '' },
    });
    expect(JSON.parse(out.trim().split('\n').pop()!)).toEqual({
      atImport: 0,
      afterApprox: 0,
      // From the sources there are no shipped JSON tables: the package's own (tokenizer-data.ts).
      after: ['gpt-tokenizer/GptEncoding', 'gpt-tokenizer/bpeRanks/o200k_base'],
    });
  });
});
