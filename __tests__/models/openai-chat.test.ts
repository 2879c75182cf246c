import { afterEach, describe, expect, it } from '@jest/globals';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ChatRequest } from '../../src/engine/types.js';
import { ModelError } from '../../src/models/model-error.js';
import {
  createOpenAIChatClient,
  type OpenAIChatClientOptions,
} from '../../src/models/openai-chat.js';
import { boundedRetryFetch, retryAfterMs } from '../../src/models/openai-retry.js';
import { resolveProvider } from '../../src/models/providers.js';
import { startOpenAIStub, type OpenAIStub, type StubReplyFn } from '../support/openai-stub.js';

// Deliberately not shaped like a real key, so only the exact-secret redaction can hide it.
const KEY = 'plain-test-key-7f3a9c21e8';

const request = (overrides: Partial<ChatRequest> = {}): ChatRequest => ({
  model: 'openai:gpt-4o-mini',
  role: 'reviewer',
  stepId: 'review',
  messages: [
    { role: 'system', content: 'You review code.' },
    { role: 'user', content: 'Review this.' },
  ],
  ...overrides,
});

let stub: OpenAIStub | undefined;
afterEach(async () => {
  await stub?.close();
  stub = undefined;
});

async function setup(
  reply?: StubReplyFn,
  options: Partial<OpenAIChatClientOptions> = {},
  ref = 'openai:gpt-4o-mini',
) {
  stub = await startOpenAIStub(reply ? { reply } : {});
  const env = {
    OPENAI_BASE_URL: stub.url,
    OPENAI_API_KEY: KEY,
    ANTHROPIC_BASE_URL: stub.url,
    ANTHROPIC_API_KEY: KEY,
  };
  const target = resolveProvider(ref, env);
  const client = createOpenAIChatClient({
    baseURL: target.baseURL!,
    apiKey: target.apiKey!,
    maxRetries: 2,
    ...options,
  });
  return { stub, target, client };
}

async function failure(promise: Promise<unknown>): Promise<ModelError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(ModelError);
    return error as ModelError;
  }
  throw new Error('expected the call to fail');
}

function expectNoKey(error: ModelError): void {
  for (const text of [
    error.message,
    error.hint ?? '',
    error.apiMessage ?? '',
    String((error.cause as Error | undefined)?.message ?? ''),
  ]) {
    expect(text).not.toContain(KEY);
  }
}

describe('live client against the stub', () => {
  it('streams deltas in order, records usage, sends the key and stream options', async () => {
    const { stub, target, client } = await setup(() => ({
      text: 'one two three four',
      chunks: 4,
      usage: { prompt_tokens: 21, completion_tokens: 7 },
    }));
    const deltas: string[] = [];
    const result = await client.chat(target, request({ maxOutputTokens: 300 }), (d) =>
      deltas.push(d),
    );
    expect(deltas.length).toBe(4);
    expect(deltas.join('')).toBe('one two three four');
    expect(result).toEqual({
      finishReason: 'stop',
      text: 'one two three four',
      usage: { inputTokens: 21, outputTokens: 7 },
      model: 'openai:gpt-4o-mini',
      mock: false,
    });

    const sent = stub.chatRequests()[0]!;
    expect(sent.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(sent.body).toMatchObject({
      model: 'gpt-4o-mini',
      stream: true,
      stream_options: { include_usage: true },
      max_completion_tokens: 300,
      messages: [
        { role: 'system', content: 'You review code.' },
        { role: 'user', content: 'Review this.' },
      ],
    });
    expect(sent.body?.max_tokens).toBeUndefined();
    expect(sent.headers['openai-organization']).toBeUndefined();
  });

  it('uses max_tokens for providers other than OpenAI', async () => {
    const { stub, target, client } = await setup(undefined, {}, 'anthropic:claude-sonnet-4-5');
    await client.chat(
      target,
      request({ model: 'anthropic:claude-sonnet-4-5', maxOutputTokens: 50 }),
    );
    expect(stub.chatRequests()[0]!.body).toMatchObject({
      model: 'claude-sonnet-4-5',
      max_tokens: 50,
    });
    expect(stub.chatRequests()[0]!.body?.max_completion_tokens).toBeUndefined();
  });

  it('usage is undefined when the provider sends none', async () => {
    const { stub, target, client } = await setup();
    // A stub that ignores include_usage: strip the option on the way in.
    stub.setReply(() => ({ text: 'hi' }));
    const noUsageFetch: typeof fetch = async (input, init) => {
      const body = JSON.parse(String(init?.body)) as Record<string, unknown>;
      delete body.stream_options;
      return fetch(input, { ...init, body: JSON.stringify(body) });
    };
    const bare = createOpenAIChatClient({ baseURL: stub.url, apiKey: KEY, fetch: noUsageFetch });
    const result = await bare.chat(target, request());
    expect(result.text).toBe('hi');
    expect(result.usage).toBeUndefined();
    void client;
  });

  it('429 with retry-after-ms: waits about that long, then succeeds (two requests)', async () => {
    const { stub, target, client } = await setup((_req, index) =>
      index === 0
        ? {
            status: 429,
            headers: { 'retry-after-ms': '300' },
            error: { message: 'Rate limit reached', type: 'rate_limit_error' },
          }
        : { text: 'after the wait' },
    );
    const result = await client.chat(target, request());
    expect(result.text).toBe('after the wait');
    const [first, second] = stub.chatRequests();
    expect(stub.chatRequests()).toHaveLength(2);
    const waited = second!.receivedAt - first!.receivedAt;
    expect(waited).toBeGreaterThanOrEqual(280);
    expect(waited).toBeLessThan(2000);
  });

  it('429 with retry-after (seconds): waits about a second, then succeeds', async () => {
    const { stub, target, client } = await setup((_req, index) =>
      index === 0
        ? { status: 429, headers: { 'retry-after': '1' }, error: { message: 'slow down' } }
        : { text: 'ok' },
    );
    const result = await client.chat(target, request());
    expect(result.text).toBe('ok');
    expect(stub.chatRequests()).toHaveLength(2);
    const [first, second] = stub.chatRequests();
    const waited = second!.receivedAt - first!.receivedAt;
    expect(waited).toBeGreaterThanOrEqual(950);
    expect(waited).toBeLessThan(3000);
  });

  it('500 then success: retried with backoff', async () => {
    const { stub, target, client } = await setup((_req, index) =>
      index === 0
        ? { status: 500, error: { message: 'The server had an error', type: 'server_error' } }
        : { text: 'recovered' },
    );
    const result = await client.chat(target, request());
    expect(result.text).toBe('recovered');
    expect(stub.chatRequests()).toHaveLength(2);
  });

  it('a retry-after longer than maxRetryWaitMs is not waited for: a clear rate-limit error at once', async () => {
    const { stub, target, client } = await setup(
      () => ({
        status: 429,
        headers: { 'retry-after': '3600' },
        error: { message: 'Too many requests' },
      }),
      { maxRetryWaitMs: 5_000 },
    );
    const started = Date.now();
    const error = await failure(client.chat(target, request()));
    expect(Date.now() - started).toBeLessThan(2000);
    expect(stub.chatRequests()).toHaveLength(1);
    expect(error.kind).toBe('rate_limit');
    expect(error.message).toContain('asked to wait 3600 s');
  });

  it('429 that persists: rate_limit error after the retries', async () => {
    const { stub, target, client } = await setup(
      () => ({
        status: 429,
        headers: { 'retry-after-ms': '10' },
        error: { message: 'You exceeded your current quota', code: 'insufficient_quota' },
      }),
      { maxRetries: 1 },
    );
    const error = await failure(client.chat(target, request()));
    expect(stub.chatRequests()).toHaveLength(2);
    expect(error.kind).toBe('rate_limit');
    expect(error.status).toBe(429);
    expect(error.hint).toContain('OPENAI_API_KEY');
    expect(error.hint).toMatch(/quota|billing/);
  });

  it('401: names OPENAI_API_KEY, says how to fix, never shows the key', async () => {
    const { stub, target, client } = await setup(() => ({
      status: 401,
      error: {
        message: `Incorrect API key provided: ${KEY}. You can find your API key at https://platform.openai.com/account/api-keys.`,
        type: 'invalid_request_error',
        code: 'invalid_api_key',
      },
    }));
    const error = await failure(client.chat(target, request()));
    expect(stub.chatRequests()).toHaveLength(1); // 401 is not retried
    expect(error.kind).toBe('auth');
    expect(error.status).toBe(401);
    expect(error.message).toContain('OPENAI_API_KEY');
    expect(error.message).toContain('[redacted]');
    expect(error.hint).toContain('OPENAI_API_KEY');
    expect(error.hint).toMatch(/\.env/);
    expectNoKey(error);
  });

  it('403: names the key variable and suggests access or another model', async () => {
    const { target, client } = await setup(() => ({
      status: 403,
      error: { message: 'Project does not have access', type: 'permission_error' },
    }));
    const error = await failure(client.chat(target, request()));
    expect(error.kind).toBe('auth');
    expect(error.message).toContain('OPENAI_API_KEY');
    expect(error.hint).toContain('access');
    expectNoKey(error);
  });

  it('404 unknown model: names provider:model and where it is configured', async () => {
    const { target, client } = await setup(
      () => ({
        status: 404,
        error: {
          message: 'The model `gpt-nope` does not exist or you do not have access to it.',
          type: 'invalid_request_error',
          code: 'model_not_found',
        },
      }),
      {},
      'openai:gpt-nope',
    );
    const error = await failure(
      client.chat(target, request({ model: 'openai:gpt-nope' }), undefined, {
        configuredAt: 'models.reviewer in .aethr.yaml',
      }),
    );
    expect(error.kind).toBe('model_not_found');
    expect(error.message).toContain('Unknown model "openai:gpt-nope"');
    expect(error.message).toContain('models.reviewer in .aethr.yaml');
    expect(error.hint).toContain('models.reviewer in .aethr.yaml');
    expectNoKey(error);
  });

  it('"model not found" in a 400 is also an unknown model', async () => {
    const { target, client } = await setup(
      () => ({ status: 400, error: { message: 'model: claude-nope not found' } }),
      {},
      'anthropic:claude-nope',
    );
    const error = await failure(client.chat(target, request({ model: 'anthropic:claude-nope' })));
    expect(error.kind).toBe('model_not_found');
    expect(error.message).toContain('Unknown model "anthropic:claude-nope"');
  });

  it('a 404 for a wrong base URL points at the base URL variable too', async () => {
    stub = await startOpenAIStub();
    const base = stub.url.replace(/\/v1$/, '/wrong');
    const target = resolveProvider('openai:gpt-4o-mini', {
      OPENAI_BASE_URL: base,
      OPENAI_API_KEY: KEY,
    });
    const client = createOpenAIChatClient({ baseURL: base, apiKey: KEY });
    const error = await failure(client.chat(target, request()));
    expect(error.kind).toBe('model_not_found');
    expect(error.hint).toContain('OPENAI_BASE_URL');
  });

  it('no answer within the timeout: a timeout error naming the base URL', async () => {
    const { stub, target, client } = await setup(() => ({ text: 'too late', delayMs: 2_000 }), {
      timeoutMs: 200,
      maxRetries: 0,
    });
    const started = Date.now();
    const error = await failure(client.chat(target, request()));
    expect(Date.now() - started).toBeLessThan(1_500);
    expect(error.kind).toBe('timeout');
    expect(error.message).toContain(stub.url);
    expect(error.message).toContain('200 ms');
    expect(error.hint).toContain('OPENAI_BASE_URL');
  });

  it('a stream that stalls after it started: an idle timeout error', async () => {
    const { target, client } = await setup(
      () => ({ text: 'abcdef', chunks: 3, chunkDelayMs: 600 }),
      { timeoutMs: 250, maxRetries: 0 },
    );
    const deltas: string[] = [];
    const error = await failure(client.chat(target, request(), (d) => deltas.push(d)));
    expect(error.kind).toBe('timeout');
    expect(error.message).toMatch(/sent no data|stopped streaming/);
  });

  it('connection refused: a connection error naming the base URL', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const base = `http://127.0.0.1:${port}/v1`;
    const target = resolveProvider('openai:gpt-4o-mini', {
      OPENAI_BASE_URL: base,
      OPENAI_API_KEY: KEY,
    });
    const client = createOpenAIChatClient({ baseURL: base, apiKey: KEY, maxRetries: 0 });
    const error = await failure(client.chat(target, request()));
    expect(error.kind).toBe('connection');
    expect(error.message).toContain(base);
    expect(error.message).toMatch(/ECONNREFUSED/);
    expect(error.hint).toContain('OPENAI_BASE_URL');
  });

  it('a cancelled call is an aborted error', async () => {
    const { target, client } = await setup(() => ({ text: 'slow', delayMs: 1_000 }), {
      maxRetries: 0,
    });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const error = await failure(client.chat(target, request({ signal: controller.signal })));
    expect(error.kind).toBe('aborted');
  });
});

describe('retry helpers', () => {
  it('retryAfterMs reads retry-after-ms, seconds and HTTP dates', () => {
    expect(retryAfterMs(new Headers({ 'retry-after-ms': '250' }))).toBe(250);
    expect(retryAfterMs(new Headers({ 'retry-after': '2' }))).toBe(2000);
    const now = Date.parse('2030-01-01T00:00:00Z');
    expect(retryAfterMs(new Headers({ 'retry-after': 'Tue, 01 Jan 2030 00:00:05 GMT' }), now)).toBe(
      5000,
    );
    expect(retryAfterMs(new Headers())).toBeUndefined();
  });

  it('boundedRetryFetch marks long waits as not retryable and leaves others alone', async () => {
    const make =
      (status: number, headers: Record<string, string>): typeof fetch =>
      async () =>
        new Response('{}', { status, headers });
    const long = await boundedRetryFetch(make(429, { 'retry-after': '120' }), 60_000)('http://x');
    expect(long.headers.get('x-should-retry')).toBe('false');
    const short = await boundedRetryFetch(make(429, { 'retry-after': '1' }), 60_000)('http://x');
    expect(short.headers.get('x-should-retry')).toBeNull();
    const ok = await boundedRetryFetch(make(200, { 'retry-after': '120' }), 60_000)('http://x');
    expect(ok.headers.get('x-should-retry')).toBeNull();
  });
});
