import { afterEach, describe, expect, it } from '@jest/globals';
import OpenAI from 'openai';
import { startOpenAIStub, type OpenAIStub } from '../support/openai-stub.js';

describe('openai stub (self-test)', () => {
  let stub: OpenAIStub | undefined;
  afterEach(async () => {
    await stub?.close();
    stub = undefined;
  });

  it('answers non-streaming chat completions with a deterministic echo and usage', async () => {
    stub = await startOpenAIStub();
    const res = await fetch(`${stub.url}/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer sk-test' },
      body: JSON.stringify({
        model: 'gpt-4o-mini',
        messages: [{ role: 'user', content: 'hello\nworld' }],
        max_tokens: 10,
      }),
    });
    expect(res.status).toBe(200);
    const json = (await res.json()) as {
      choices: Array<{ message: { content: string } }>;
      usage: { prompt_tokens: number; completion_tokens: number; total_tokens: number };
    };
    expect(json.choices[0]?.message.content).toBe('stub reply from gpt-4o-mini: hello');
    expect(json.usage.prompt_tokens).toBeGreaterThan(0);
    expect(json.usage.total_tokens).toBe(json.usage.prompt_tokens + json.usage.completion_tokens);
    expect(stub.requests).toHaveLength(1);
    expect(stub.requests[0]?.headers.authorization).toBe('Bearer sk-test');
    expect(stub.requests[0]?.body?.max_tokens).toBe(10);
    expect(stub.requests[0]?.rawBody).toContain('"model":"gpt-4o-mini"');
  });

  it('streams SSE deltas, a usage chunk when asked, and [DONE] (through the openai SDK)', async () => {
    stub = await startOpenAIStub({
      reply: () => ({
        text: 'abcdefghij',
        chunks: 4,
        usage: { prompt_tokens: 12, completion_tokens: 5 },
      }),
    });
    const client = new OpenAI({ baseURL: stub.url, apiKey: 'sk-test', maxRetries: 0 });
    const stream = await client.chat.completions.create({
      model: 'gpt-4o',
      messages: [{ role: 'user', content: 'hi' }],
      stream: true,
      stream_options: { include_usage: true },
    });
    const deltas: string[] = [];
    let usage: { prompt_tokens: number; completion_tokens: number } | undefined;
    for await (const chunk of stream) {
      const content = chunk.choices[0]?.delta?.content;
      if (content) deltas.push(content);
      if (chunk.usage) usage = chunk.usage;
    }
    expect(deltas).toEqual(['abc', 'def', 'ghi', 'j']);
    expect(usage).toMatchObject({ prompt_tokens: 12, completion_tokens: 5 });
    expect(stub.requests[0]?.body?.stream).toBe(true);
  });

  it('raw SSE ends with [DONE] and omits usage unless include_usage', async () => {
    stub = await startOpenAIStub({ reply: () => ({ text: 'xy', chunks: 2 }) });
    const res = await fetch(`${stub.url}/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'm', messages: [], stream: true }),
    });
    const text = await res.text();
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    expect(text.trimEnd().endsWith('data: [DONE]')).toBe(true);
    expect(text).not.toContain('"usage"');
  });

  it('serves error replies with headers, /v1/models, and 404 on unknown paths', async () => {
    stub = await startOpenAIStub({
      reply: (_req, index) =>
        index === 0
          ? {
              status: 429,
              headers: { 'retry-after-ms': '10' },
              error: { message: 'Rate limit', type: 'rate_limit_error' },
            }
          : { text: 'ok' },
    });
    const first = await fetch(`${stub.url}/chat/completions`, {
      method: 'POST',
      body: JSON.stringify({ model: 'm', messages: [] }),
    });
    expect(first.status).toBe(429);
    expect(first.headers.get('retry-after-ms')).toBe('10');
    expect(((await first.json()) as { error: { message: string } }).error.message).toBe(
      'Rate limit',
    );
    const second = await fetch(`${stub.url}/chat/completions`, {
      method: 'POST',
      body: JSON.stringify({ model: 'm', messages: [] }),
    });
    expect(second.status).toBe(200);

    const models = await fetch(`${stub.url}/models`);
    expect(
      ((await models.json()) as { data: Array<{ id: string }> }).data.map((m) => m.id),
    ).toContain('gpt-4o-mini');

    const missing = await fetch(`${stub.url}/nope`);
    expect(missing.status).toBe(404);
    expect(stub.chatRequests()).toHaveLength(2);
    expect(stub.requests).toHaveLength(4);

    stub.setReply(() => ({ text: 'changed' }));
    const third = await fetch(`${stub.url}/chat/completions`, {
      method: 'POST',
      body: JSON.stringify({ model: 'm', messages: [] }),
    });
    expect(
      ((await third.json()) as { choices: Array<{ message: { content: string } }> }).choices[0]
        ?.message.content,
    ).toBe('changed');
  });
});
