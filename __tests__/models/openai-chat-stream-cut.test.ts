import { afterEach, describe, expect, it } from '@jest/globals';
import type { ChatRequest } from '../../src/engine/types.js';
import { ModelError } from '../../src/models/model-error.js';
import { createOpenAIChatClient } from '../../src/models/openai-chat.js';
import { resolveProvider } from '../../src/models/providers.js';
import { startOpenAIStub, type OpenAIStub, type StubReplyFn } from '../support/openai-stub.js';

const KEY = 'plain-test-key-cut-4411';
const request: ChatRequest = {
  model: 'openai:gpt-4o-mini',
  role: 'reviewer',
  stepId: 'review',
  messages: [{ role: 'user', content: 'Review this.' }],
};

let stub: OpenAIStub | undefined;
afterEach(async () => {
  await stub?.close();
  stub = undefined;
});

async function setup(reply: StubReplyFn, timeoutMs = 10_000, maxStreamRetries?: number) {
  stub = await startOpenAIStub({ reply });
  const target = resolveProvider('openai:gpt-4o-mini', {
    OPENAI_BASE_URL: stub.url,
    OPENAI_API_KEY: KEY,
  });
  const client = createOpenAIChatClient({
    baseURL: target.baseURL!,
    apiKey: KEY,
    maxRetries: 0,
    timeoutMs,
    ...(maxStreamRetries !== undefined ? { maxStreamRetries } : {}),
  });
  return { stub, target, client };
}

describe('a stream cut before finish_reason', () => {
  it('is asked again, and the second, whole reply is the answer', async () => {
    const { stub, target, client } = await setup((_req, i) =>
      i === 0
        ? { text: 'partial review that will be cut', chunks: 4, cutAfterChunks: 2 }
        : { text: 'Review status: pass', chunks: 2 },
    );
    const deltas: string[] = [];
    const result = await client.chat(target, request, (d) => deltas.push(d));
    expect(result.text).toBe('Review status: pass');
    expect(result.finishReason).toBe('stop');
    expect(stub.chatRequests()).toHaveLength(2);
    expect(deltas.join('')).toContain('[the reply was cut off; asking again]');
  });

  it('gives up after maxStreamRetries with a connection error that says the stream was cut', async () => {
    const { stub, target, client } = await setup(
      () => ({ text: 'always cut here', chunks: 3, cutAfterChunks: 1 }),
      10_000,
      1,
    );
    const error = await client.chat(target, request).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModelError);
    expect((error as ModelError).kind).toBe('connection');
    expect((error as ModelError).message).toMatch(/cut off mid-stream .* 2 time\(s\)/);
    expect((error as ModelError).message).not.toContain(KEY);
    expect(stub.chatRequests()).toHaveLength(2);
  });

  it('is not retried past the call timeout', async () => {
    const { stub, target, client } = await setup(
      () => ({ text: 'cut', chunks: 2, cutAfterChunks: 1 }),
      400,
      5,
    );
    await expect(client.chat(target, request)).rejects.toThrow(/cut off mid-stream/);
    // 500 ms of backoff would already pass the 400 ms call timeout: one attempt only.
    expect(stub.chatRequests()).toHaveLength(1);
  });

  it('a truncated reply reports finish_reason length; tool calls come back assembled', async () => {
    const { target, client } = await setup((_req, i) =>
      i === 0
        ? { text: 'half a rev', finishReason: 'length' }
        : { text: '', toolCalls: [{ id: 'c1', name: 'read', arguments: '{"filePath":"/a"}' }] },
    );
    expect((await client.chat(target, request)).finishReason).toBe('length');
    const tools = await client.chat(target, {
      ...request,
      raw: { messages: [{ role: 'user', content: 'x' }], tools: [{ type: 'function' }] },
    });
    expect(tools.finishReason).toBe('tool_calls');
    expect(tools.toolCalls).toEqual([
      { id: 'c1', type: 'function', function: { name: 'read', arguments: '{"filePath":"/a"}' } },
    ]);
  });
});
