import { describe, expect, test } from '@jest/globals';
import {
  chatCompletion,
  chatCompletionChunks,
  errorStatus,
  readChatRequest,
  toChatMessages,
} from '../../src/sandbox/proxy-wire.js';
import type { ChatResult } from '../../src/engine/types.js';

const meta = { id: 'chatcmpl-aethr-1', created: 1700000000, model: 'gpt-x' };

describe('readChatRequest', () => {
  test('refuses what is not JSON or has no messages', () => {
    expect(readChatRequest('{')).toEqual({
      ok: false,
      message: 'The request body is not JSON.',
      code: 'bad_json',
    });
    expect(readChatRequest('{"messages": []}')).toMatchObject({ ok: false, code: 'bad_messages' });
  });

  test('keeps the passed fields, the token limit and the stream options', () => {
    const read = readChatRequest(
      JSON.stringify({
        model: 'anything',
        messages: [{ role: 'user', content: 'hi' }],
        tools: [{ type: 'function' }],
        temperature: 0,
        user: 'dropped',
        max_tokens: 50,
        max_completion_tokens: 70,
        stream: true,
        stream_options: { include_usage: true },
      }),
    );
    expect(read).toEqual({
      ok: true,
      request: {
        messages: [{ role: 'user', content: 'hi' }],
        payload: {
          messages: [{ role: 'user', content: 'hi' }],
          tools: [{ type: 'function' }],
          temperature: 0,
        },
        maxOutputTokens: 70,
        stream: true,
        includeUsage: true,
      },
    });
    const plain = readChatRequest('{"messages":[{"role":"user","content":"x"}],"max_tokens":0}');
    expect(plain.ok && plain.request).toMatchObject({ stream: false, includeUsage: false });
    expect(plain.ok && 'maxOutputTokens' in plain.request).toBe(false);
  });
});

describe('toChatMessages', () => {
  test('maps roles and flattens content parts and tool calls into text', () => {
    expect(
      toChatMessages([
        { role: 'developer', content: 'rules' },
        { role: 'assistant', content: null, tool_calls: [{ id: 'c1' }] },
        { role: 'tool', content: [{ type: 'text', text: 'a' }, { type: 'image' }, { text: 'b' }] },
        'junk',
      ]),
    ).toEqual([
      { role: 'system', content: 'rules' },
      { role: 'assistant', content: '\n[{"id":"c1"}]' },
      { role: 'user', content: 'ab' },
      { role: 'user', content: '' },
    ]);
  });
});

describe('answers', () => {
  const call = { id: 'c1', type: 'function', function: { name: 'edit', arguments: '{}' } };
  const plain: ChatResult = { text: 'x', model: 'openai:gpt-x', mock: false };
  const result = {
    ...plain,
    text: 'done',
    toolCalls: [call],
    usage: { inputTokens: 3, outputTokens: 4 },
  } as ChatResult;

  test('a chat.completion with the tool calls, the finish reason and the usage', () => {
    expect(chatCompletion(result, meta)).toEqual({
      ...meta,
      object: 'chat.completion',
      choices: [
        {
          index: 0,
          message: { role: 'assistant', content: 'done', tool_calls: [call] },
          finish_reason: 'tool_calls',
        },
      ],
      usage: { prompt_tokens: 3, completion_tokens: 4, total_tokens: 7 },
    });
    expect(chatCompletion(plain, meta)).not.toHaveProperty('usage');
  });

  test('stream chunks: text, each tool call, the finish, then usage when asked', () => {
    const chunks = chatCompletionChunks(result, meta, true) as Array<Record<string, unknown>>;
    expect(chunks.map((c) => c.choices)).toEqual([
      [{ index: 0, delta: { role: 'assistant', content: 'done' }, finish_reason: null }],
      [{ index: 0, delta: { tool_calls: [{ index: 0, ...call }] }, finish_reason: null }],
      [{ index: 0, delta: {}, finish_reason: 'tool_calls' }],
      [],
    ]);
    expect(chunks[3]!.usage).toEqual({ prompt_tokens: 3, completion_tokens: 4, total_tokens: 7 });
    expect(chunks.every((c) => c.object === 'chat.completion.chunk' && c.id === meta.id)).toBe(
      true,
    );
    expect(chatCompletionChunks(plain, meta, true)).toHaveLength(2);
  });

  test('errors map to statuses', () => {
    expect(errorStatus(Object.assign(new Error('x'), { name: 'BudgetExceeded' }))).toEqual({
      status: 402,
      code: 'budget_exceeded',
    });
    expect(errorStatus({ kind: 'rate_limit' })).toEqual({ status: 429, code: 'rate_limit' });
    expect(errorStatus({ kind: 'bad_request' })).toEqual({ status: 400, code: 'bad_request' });
    expect(errorStatus({ kind: 'timeout' })).toEqual({ status: 502, code: 'timeout' });
    expect(errorStatus(new Error('?'))).toEqual({ status: 502, code: 'upstream_error' });
  });
});
