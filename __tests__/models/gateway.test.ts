import { afterEach, describe, expect, it } from '@jest/globals';
import type { ChatRequest } from '../../src/engine/types.js';
import { createModelGateway } from '../../src/models/gateway.js';
import { ModelError } from '../../src/models/model-error.js';
import { startOpenAIStub, type OpenAIStub } from '../support/openai-stub.js';

const KEY = 'gateway-test-key-55aa11';

const request = (overrides: Partial<ChatRequest> = {}): ChatRequest => ({
  model: 'openai:gpt-4o-mini',
  role: 'reviewer',
  stepId: 'review',
  purpose: 'review',
  messages: [{ role: 'user', content: '# Task\n\nreview it' }],
  ...overrides,
});

/** A clock that advances 25 ms per reading. */
function steppingClock(): () => number {
  let now = 1_000;
  return () => (now += 25);
}

let stub: OpenAIStub | undefined;
afterEach(async () => {
  await stub?.close();
  stub = undefined;
});

describe('model gateway', () => {
  it('live=false: mock, recorded with the reason and estimated usage', async () => {
    const gateway = createModelGateway({
      env: { OPENAI_API_KEY: KEY },
      live: false,
      clock: steppingClock(),
    });
    const result = await gateway.chat(request());
    expect(result.mock).toBe(true);
    expect(result.text).toContain('[mock openai:gpt-4o-mini]');
    expect(gateway.calls).toEqual([
      {
        provider: 'openai',
        model: 'gpt-4o-mini',
        ref: 'openai:gpt-4o-mini',
        role: 'reviewer',
        stepId: 'review',
        purpose: 'review',
        mock: true,
        mockReason: 'live model calls are off (mock mode)',
        inputTokens: result.usage!.inputTokens,
        outputTokens: result.usage!.outputTokens,
        startedAt: 1_025,
        durationMs: 25,
        status: 'ok',
      },
    ]);
    expect(gateway.route('openai:gpt-4o').mode).toBe('mock');
  });

  it('live=true without a key: mock, says which variable is missing, notices once', async () => {
    const notices: string[] = [];
    const gateway = createModelGateway({ env: {}, live: true, onNotice: (m) => notices.push(m) });
    await gateway.chat(request());
    await gateway.chat(request({ stepId: 'again' }));
    expect(gateway.calls.map((c) => c.mock)).toEqual([true, true]);
    expect(gateway.calls[0]!.mockReason).toContain('OPENAI_API_KEY is not set');
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain('OPENAI_API_KEY');
  });

  it('live=true with a key: calls the endpoint, streams, records API usage', async () => {
    stub = await startOpenAIStub({
      reply: () => ({
        text: 'live answer',
        chunks: 2,
        usage: { prompt_tokens: 40, completion_tokens: 3 },
      }),
    });
    const gateway = createModelGateway({
      env: { OPENAI_BASE_URL: stub.url, OPENAI_API_KEY: KEY },
      live: true,
      clock: steppingClock(),
    });
    const deltas: string[] = [];
    const result = await gateway.chat(request({ model: 'gpt-4o' }), (d) => deltas.push(d));
    expect(result).toEqual({
      finishReason: 'stop',
      text: 'live answer',
      usage: { inputTokens: 40, outputTokens: 3 },
      model: 'openai:gpt-4o',
      mock: false,
    });
    expect(deltas.join('')).toBe('live answer');
    expect(stub.chatRequests()[0]!.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(gateway.calls[0]).toMatchObject({
      provider: 'openai',
      model: 'gpt-4o',
      ref: 'openai:gpt-4o',
      mock: false,
      inputTokens: 40,
      outputTokens: 3,
      baseURL: stub.url,
      status: 'ok',
      durationMs: 25,
    });
    expect(gateway.calls[0]!.mockReason).toBeUndefined();
  });

  it('a custom provider on a local server needs no key', async () => {
    stub = await startOpenAIStub();
    const gateway = createModelGateway({ env: { OLLAMA_BASE_URL: stub.url }, live: true });
    const result = await gateway.chat(request({ model: 'ollama:llama3.2', purpose: 'general' }));
    expect(result.mock).toBe(false);
    expect(result.text).toBe('stub reply from llama3.2: # Task');
    expect(gateway.calls[0]).toMatchObject({ provider: 'ollama', model: 'llama3.2', mock: false });
    expect(gateway.calls[0]!.inputTokens).toBeGreaterThan(0);
    expect(stub.chatRequests()[0]!.headers.authorization).toBe('Bearer aethr-no-key');
  });

  it('errors are recorded (redacted) and rethrown as ModelError', async () => {
    stub = await startOpenAIStub({
      reply: () => ({ status: 401, error: { message: `bad key ${KEY}` } }),
    });
    const gateway = createModelGateway({
      env: { OPENAI_BASE_URL: stub.url, OPENAI_API_KEY: KEY },
      live: true,
      maxRetries: 0,
    });
    await expect(gateway.chat(request())).rejects.toBeInstanceOf(ModelError);
    const call = gateway.calls[0]!;
    expect(call.status).toBe('error');
    expect(call.errorKind).toBe('auth');
    expect(call.error).toContain('OPENAI_API_KEY');
    expect(call.error).not.toContain(KEY);
    expect(call.inputTokens).toBeUndefined();
  });

  it('unknown model error says where it is configured (AETHR_MODEL or models.<role>)', async () => {
    stub = await startOpenAIStub({
      reply: () => ({
        status: 404,
        error: { message: 'The model does not exist', code: 'model_not_found' },
      }),
    });
    const env = { OPENAI_BASE_URL: stub.url, OPENAI_API_KEY: KEY };
    const fromYaml = createModelGateway({ env, live: true });
    await expect(fromYaml.chat(request({ model: 'openai:gpt-nope' }))).rejects.toThrow(
      /Unknown model "openai:gpt-nope".*models\.reviewer/,
    );
    const fromEnv = createModelGateway({ env: { ...env, AETHR_MODEL: 'gpt-nope' }, live: true });
    await expect(fromEnv.chat(request({ model: 'openai:gpt-nope' }))).rejects.toThrow(
      /AETHR_MODEL/,
    );
  });

  it('a key without a base URL for a custom provider is a config error, not a silent mock', async () => {
    const gateway = createModelGateway({ env: { FOO_API_KEY: KEY }, live: true });
    const error = await gateway.chat(request({ model: 'foo:bar' })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModelError);
    expect((error as ModelError).kind).toBe('config');
    expect((error as ModelError).hint).toContain('FOO_BASE_URL');
    expect(gateway.calls[0]!.status).toBe('error');
    // Neither key nor base URL: mock, with the reason.
    const plain = createModelGateway({ env: {}, live: true });
    await plain.chat(request({ model: 'foo:bar' }));
    expect(plain.calls[0]!.mockReason).toContain('FOO_BASE_URL');
  });

  it('reuses one SDK client per base URL and key', async () => {
    stub = await startOpenAIStub();
    let fetches = 0;
    const counting: typeof fetch = (input, init) => {
      fetches++;
      return fetch(input, init);
    };
    const gateway = createModelGateway({
      env: { OPENAI_BASE_URL: stub.url, OPENAI_API_KEY: KEY },
      live: true,
      fetch: counting,
    });
    await gateway.chat(request({ model: 'openai:gpt-4o' }));
    await gateway.chat(
      request({ model: 'openai:gpt-4o-mini', role: 'planner', purpose: 'general' }),
    );
    expect(fetches).toBe(2);
    expect(gateway.liveClientCount).toBe(1);
    const other = createModelGateway({
      env: {
        OPENAI_BASE_URL: stub.url,
        OPENAI_API_KEY: KEY,
        ANTHROPIC_BASE_URL: stub.url,
        ANTHROPIC_API_KEY: 'another-key-123',
      },
      live: true,
    });
    await other.chat(request());
    await other.chat(request({ model: 'anthropic:claude-x' }));
    expect(other.liveClientCount).toBe(2);
    expect(stub.chatRequests().map((r) => r.body?.model)).toEqual([
      'gpt-4o',
      'gpt-4o-mini',
      'gpt-4o-mini',
      'claude-x',
    ]);
    expect(gateway.calls.map((c) => c.status)).toEqual(['ok', 'ok']);
  });
});
