import { afterEach, describe, expect, it } from '@jest/globals';
import * as cl100k from 'gpt-tokenizer/encoding/cl100k_base';
import * as o200k from 'gpt-tokenizer/encoding/o200k_base';
import type { ChatMessage, ChatRequest } from '../../src/engine/types.js';
import { BudgetExceeded, createBudgetGuard, type BudgetSettings } from '../../src/models/budget.js';
import { createModelGateway } from '../../src/models/gateway.js';
import { ModelError } from '../../src/models/model-error.js';
import { chatTokensUpperBound } from '../../src/models/tokens.js';
import { createModelPolicy } from '../../src/models/policy.js';
import type { PolicyConfig } from '../../src/config/bounds-schema.js';
import { startOpenAIStub, type OpenAIStub, type StubRequest } from '../support/openai-stub.js';

const KEY = 'budget-test-key-77bb22';
const AS_TEXT = { disallowedSpecial: new Set<string>() };
const pricing = { 'openai:gpt-4o-mini': { input_per_mtok: 1000, output_per_mtok: 1000 } };

let stub: OpenAIStub | undefined;
afterEach(async () => {
  await stub?.close();
  stub = undefined;
});

const request = (overrides: Partial<ChatRequest> = {}): ChatRequest => ({
  model: 'openai:gpt-4o-mini',
  role: 'builder',
  stepId: 'implement',
  purpose: 'general',
  messages: [
    { role: 'system', content: 'You are the builder.' },
    { role: 'user', content: '# Task\n\nAdd a flag.' },
  ],
  ...overrides,
});

function liveGateway(
  settings: BudgetSettings = {},
  policy?: PolicyConfig,
  extra: { maxRetries?: number } = {},
) {
  const notices: string[] = [];
  const gateway = createModelGateway({
    env: { OPENAI_BASE_URL: stub!.url, OPENAI_API_KEY: KEY },
    live: true,
    budget: createBudgetGuard(settings),
    ...(policy ? { policy: createModelPolicy(policy) } : {}),
    onNotice: (m) => notices.push(m),
    ...extra,
  });
  return { gateway, notices };
}

/** Tokens of the exact messages a request sent, by gpt-tokenizer's chat encoder. */
function sentTokens(
  req: StubRequest,
  encoder: typeof o200k | typeof cl100k,
  model: 'gpt-4o' | 'gpt-4',
): number {
  const messages = (req.body?.messages ?? []) as ChatMessage[];
  return encoder.encodeChat(
    messages.map((m) => ({ role: m.role, content: String(m.content) })),
    model,
    AS_TEXT,
  ).length;
}

const BIG_PROMPT = [
  '# Task',
  '',
  'Review the change below. Pay attention to ünïcödé, emoji 🚀, CJK 日本語 and code.',
  '',
  '```diff',
  ...Array.from(
    { length: 60 },
    (_, i) => `+export const value${i} = compute(${i}, "s${i}") ?? null; // line ${i}`,
  ),
  '```',
  'A literal <|endoftext|> in a file is plain text.',
].join('\n');

describe('gateway with a budget: estimates', () => {
  it.each([
    ['openai:gpt-4o', o200k, 'gpt-4o'],
    ['openai:gpt-4', cl100k, 'gpt-4'],
  ] as const)(
    'counted when the byte bound cannot settle the limit: within 2%% of a tokenizer count of the request sent (%s)',
    async (ref, encoder, model) => {
      stub = await startOpenAIStub();
      const messages: ChatMessage[] = [
        { role: 'system', content: 'You are the reviewer. Reply with findings as JSON.' },
        { role: 'user', content: BIG_PROMPT },
      ];
      const { gateway } = liveGateway({
        limits: { max_input_tokens_per_call: chatTokensUpperBound(messages) - 1 },
      });
      await gateway.chat(request({ model: ref, messages }));
      const counted = sentTokens(stub.chatRequests()[0]!, encoder, model);
      const record = gateway.calls[0]!;
      expect(record.estimateMethod).toBe(
        ref === 'openai:gpt-4' ? 'tokenizer:cl100k_base' : 'tokenizer:o200k_base',
      );
      expect(counted).toBeGreaterThan(500);
      expect(Math.abs(record.estimatedInputTokens! - counted) / counted).toBeLessThanOrEqual(0.02);
    },
  );

  it('does not count a request its bytes already prove within the limits: the ledger says so', async () => {
    stub = await startOpenAIStub();
    const { gateway } = liveGateway({ pricing, budget: { run_usd: 100 } });
    const sent = request({ messages: [{ role: 'user', content: BIG_PROMPT }] });
    await gateway.chat(sent);
    expect(gateway.calls[0]).toMatchObject({
      status: 'ok',
      estimateMethod: 'bound:utf8-bytes',
      estimatedInputTokens: chatTokensUpperBound(sent.messages),
      costBasis: 'reported',
    });
  });

  it('takes the context the prompt builder counted at its count', async () => {
    stub = await startOpenAIStub();
    const { gateway } = liveGateway({ limits: { max_input_tokens_per_call: 1_000 } });
    const messages: ChatMessage[] = [{ role: 'user', content: BIG_PROMPT }];
    const bytes = Buffer.byteLength(BIG_PROMPT);
    // Without the count, 1,000 tokens cannot be proved from the bytes (so the prompt is counted).
    expect(chatTokensUpperBound(messages)).toBeGreaterThan(1_000);
    await gateway.chat(request({ messages, counted: { bytes, tokens: 900, parts: 1 } }));
    expect(gateway.calls[0]).toMatchObject({
      status: 'ok',
      estimateMethod: 'bound:counted+bytes',
      estimatedInputTokens: chatTokensUpperBound(messages) - bytes + 900 + 4,
    });
  });

  it('records estimate, reported usage, output cap, price source and cost', async () => {
    stub = await startOpenAIStub({
      reply: () => ({ text: 'done', usage: { prompt_tokens: 120, completion_tokens: 30 } }),
    });
    const { gateway } = liveGateway({ pricing, limits: { max_output_tokens_per_call: 64 } });
    const result = await gateway.chat(request());
    expect(result).toEqual({
      finishReason: 'stop',
      text: 'done',
      usage: { inputTokens: 120, outputTokens: 30 },
      model: 'openai:gpt-4o-mini',
      mock: false,
    });
    expect(gateway.calls[0]).toMatchObject({
      status: 'ok',
      inputTokens: 120,
      outputTokens: 30,
      maxOutputTokens: 64,
      estimateMethod: 'bound:utf8-bytes',
      priceSource: 'pricing',
      costBasis: 'reported',
    });
    expect(gateway.calls[0]!.costUsd).toBeCloseTo(0.15);
    expect(gateway.calls[0]!.projectedUsd).toBeCloseTo(
      (gateway.calls[0]!.estimatedInputTokens! + 64) / 1000,
    );
    expect(stub.chatRequests()[0]!.body?.max_completion_tokens).toBe(64);
  });

  it('without reported usage the cost is estimated from the counts', async () => {
    stub = await startOpenAIStub({ reply: () => ({ text: 'hello world' }) });
    // A provider that sends no usage: drop stream_options from the request.
    const noUsage: typeof fetch = (input, init) => {
      const body = JSON.parse(String(init?.body)) as Record<string, unknown>;
      delete body['stream_options'];
      return fetch(input, { ...init, body: JSON.stringify(body) });
    };
    const gateway = createModelGateway({
      env: { OPENAI_BASE_URL: stub.url, OPENAI_API_KEY: KEY },
      live: true,
      budget: createBudgetGuard({ pricing }),
      fetch: noUsage,
    });
    const result = await gateway.chat(request());
    expect(result.usage).toBeUndefined();
    const record = gateway.calls[0]!;
    expect(record.inputTokens).toBeUndefined();
    expect(record.costBasis).toBe('estimated');
    // Priced by an exact count of the request, not by the byte bound that let it through.
    expect(record.estimateMethod).toBe('tokenizer:o200k_base');
    expect(record.estimatedInputTokens).toBeLessThan(chatTokensUpperBound(request().messages));
    // "hello world" is 2 tokens in o200k_base.
    expect(record.costUsd).toBeCloseTo((record.estimatedInputTokens! + 2) / 1000);
  });
});

describe('gateway with a budget: limits', () => {
  it('clamps the output cap to limits.max_output_tokens_per_call and sends the limit when unset', async () => {
    stub = await startOpenAIStub();
    const { gateway } = liveGateway({ limits: { max_output_tokens_per_call: 100 } });
    await gateway.chat(request({ maxOutputTokens: 10_000 }));
    await gateway.chat(request({ maxOutputTokens: 30 }));
    await gateway.chat(request());
    expect(stub.chatRequests().map((r) => r.body?.max_completion_tokens)).toEqual([100, 30, 100]);
    expect(gateway.calls.map((c) => c.maxOutputTokens)).toEqual([100, 30, 100]);
  });

  it('uses max_tokens for other providers, with the default cap of 4096', async () => {
    stub = await startOpenAIStub();
    const gateway = createModelGateway({
      env: { OLLAMA_BASE_URL: stub.url },
      live: true,
      budget: createBudgetGuard(),
    });
    await gateway.chat(request({ model: 'ollama:llama3.2' }));
    expect(stub.chatRequests()[0]!.body?.max_tokens).toBe(4096);
    expect(gateway.calls[0]).toMatchObject({ estimateMethod: 'approx:chars/4' });
    // Unknown price, no USD budget: allowed, cost unknown.
    expect(gateway.calls[0]!.costUsd).toBeUndefined();
  });

  it('refuses a request over max_input_tokens_per_call without sending it', async () => {
    stub = await startOpenAIStub();
    const { gateway } = liveGateway({ limits: { max_input_tokens_per_call: 50 } });
    const error = await gateway
      .chat(request({ messages: [{ role: 'user', content: BIG_PROMPT }] }))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BudgetExceeded);
    expect((error as BudgetExceeded).limit).toBe('max_input_tokens_per_call');
    expect((error as BudgetExceeded).hint).toContain('limits.max_input_tokens_per_call');
    expect(stub.chatRequests()).toHaveLength(0);
    expect(gateway.calls[0]).toMatchObject({
      status: 'blocked',
      limit: 'max_input_tokens_per_call',
    });
  });

  it('per-role budget: the builder is stopped, the reviewer still runs', async () => {
    stub = await startOpenAIStub({
      reply: () => ({ text: 'ok', usage: { prompt_tokens: 100, completion_tokens: 100 } }),
    });
    const { gateway } = liveGateway({
      pricing,
      budget: { role_budgets_usd: { builder: 0.3 } },
      limits: { max_output_tokens_per_call: 100 },
    });
    await gateway.chat(request());
    const error = await gateway.chat(request()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BudgetExceeded);
    expect((error as BudgetExceeded).limit).toBe('role_budgets_usd.builder');
    expect((error as BudgetExceeded).message).toContain('role "builder" has spent $0.2000');
    await gateway.chat(request({ role: 'reviewer', stepId: 'review' }));
    expect(stub.chatRequests()).toHaveLength(2);
    expect(gateway.calls.map((c) => `${c.role}:${c.status}`)).toEqual([
      'builder:ok',
      'builder:blocked',
      'reviewer:ok',
    ]);
  });

  it('unknown pricing with a USD budget: a clear refusal, nothing sent', async () => {
    stub = await startOpenAIStub();
    const { gateway } = liveGateway({ budget: { run_usd: 10 } });
    const error = await gateway
      .chat(request({ model: 'openai:my-finetune' }))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BudgetExceeded);
    expect((error as BudgetExceeded).limit).toBe('pricing');
    expect((error as BudgetExceeded).message).toMatch(
      /openai:my-finetune.*price is unknown.*budget\.run_usd/,
    );
    expect((error as BudgetExceeded).hint).toContain('pricing: { "openai:my-finetune"');
    expect(stub.chatRequests()).toHaveLength(0);
  });

  it('the mock model exercises budgets offline', async () => {
    const gateway = createModelGateway({
      env: {},
      live: false,
      budget: createBudgetGuard({
        pricing,
        budget: { run_usd: 0.05 },
        limits: { max_output_tokens_per_call: 10 },
      }),
    });
    await gateway.chat(request());
    expect(gateway.calls[0]).toMatchObject({
      mock: true,
      status: 'ok',
      estimateMethod: 'tokenizer:o200k_base',
    });
    expect(gateway.calls[0]!.costUsd).toBeGreaterThan(0);
    await expect(gateway.chat(request())).rejects.toBeInstanceOf(BudgetExceeded);
    expect(gateway.calls[1]).toMatchObject({ mock: true, status: 'blocked', limit: 'run_usd' });
  });
});

describe('gateway with a policy', () => {
  it('sends service_tier and reasoning_effort to OpenAI where supported, and omits them elsewhere', async () => {
    stub = await startOpenAIStub();
    const policy: PolicyConfig = {
      service_tier: { default: 'auto', roles: { builder: 'flex' } },
      reasoning_effort: { default: 'low', roles: { builder: 'high' } },
    };
    const gateway = createModelGateway({
      env: { OPENAI_BASE_URL: stub.url, OPENAI_API_KEY: KEY, OLLAMA_BASE_URL: stub.url },
      live: true,
      budget: createBudgetGuard(),
      policy: createModelPolicy(policy),
    });
    await gateway.chat(request({ model: 'openai:o4-mini' }));
    await gateway.chat(request({ model: 'openai:gpt-4o-mini', role: 'reviewer' }));
    await gateway.chat(request({ model: 'ollama:llama3.2' }));
    const bodies = stub.chatRequests().map((r) => r.body!);
    expect([bodies[0]!.service_tier, bodies[0]!.reasoning_effort]).toEqual(['flex', 'high']);
    expect([bodies[1]!.service_tier, bodies[1]!.reasoning_effort]).toEqual(['auto', undefined]);
    expect([bodies[2]!.service_tier, bodies[2]!.reasoning_effort]).toEqual([undefined, undefined]);
    expect(gateway.calls[0]).toMatchObject({ serviceTier: 'flex', reasoningEffort: 'high' });
    expect(gateway.calls[2]!.serviceTier).toBeUndefined();
  });

  it('retries once without a refused service tier (fallback: default)', async () => {
    stub = await startOpenAIStub({
      reply: (req) =>
        req.body?.service_tier === 'flex'
          ? {
              status: 400,
              error: {
                message: "Invalid value for 'service_tier': flex is not available for this model.",
                type: 'invalid_request_error',
                param: 'service_tier',
              },
            }
          : {
              text: 'done on the default tier',
              usage: { prompt_tokens: 10, completion_tokens: 5 },
            },
    });
    const { gateway, notices } = liveGateway({}, { service_tier: { default: 'flex' } });
    const result = await gateway.chat(request());
    expect(result.text).toBe('done on the default tier');
    const bodies = stub.chatRequests().map((r) => r.body!);
    expect(bodies.map((b) => b.service_tier)).toEqual(['flex', undefined]);
    expect(gateway.calls.map((c) => [c.status, c.serviceTier, c.attempt])).toEqual([
      ['error', 'flex', undefined],
      ['ok', undefined, 2],
    ]);
    expect(gateway.calls[0]!.note).toMatch(/service tier "flex" refused; retried without it/);
    expect(notices.join('\n')).toContain('refused service tier "flex"');
  });

  it('fails on a refused tier when fallback is none', async () => {
    stub = await startOpenAIStub({
      reply: () => ({
        status: 400,
        error: { message: 'service_tier flex is not supported', param: 'service_tier' },
      }),
    });
    const { gateway } = liveGateway({}, { service_tier: { default: 'flex', fallback: 'none' } });
    await expect(gateway.chat(request())).rejects.toBeInstanceOf(ModelError);
    expect(stub.chatRequests()).toHaveLength(1);
  });

  it('tries the next fallback model on a 500, recording each attempt', async () => {
    stub = await startOpenAIStub({
      reply: (req) =>
        req.body?.model === 'gpt-4o'
          ? { status: 500, error: { message: 'upstream exploded' } }
          : {
              text: `answer from ${req.body?.model}`,
              usage: { prompt_tokens: 10, completion_tokens: 5 },
            },
    });
    const { gateway, notices } = liveGateway(
      {},
      { fallback_models: { builder: ['openai:gpt-4o-mini', 'openai:gpt-4.1'] } },
      { maxRetries: 0 },
    );
    const result = await gateway.chat(request({ model: 'openai:gpt-4o' }));
    expect(result.model).toBe('openai:gpt-4o-mini');
    expect(result.text).toBe('answer from gpt-4o-mini');
    expect(stub.chatRequests().map((r) => r.body?.model)).toEqual(['gpt-4o', 'gpt-4o-mini']);
    expect(
      gateway.calls.map((c) => [c.ref, c.status, c.errorKind, c.attempt, c.fallbackFrom]),
    ).toEqual([
      ['openai:gpt-4o', 'error', 'server', undefined, undefined],
      ['openai:gpt-4o-mini', 'ok', undefined, 2, 'openai:gpt-4o'],
    ]);
    expect(notices.join('\n')).toContain('trying the fallback model openai:gpt-4o-mini');
  });

  it('does not fall back on a bad request, nor past a budget refusal', async () => {
    stub = await startOpenAIStub({
      reply: () => ({ status: 400, error: { message: 'messages must not be empty' } }),
    });
    const { gateway } = liveGateway(
      {},
      { fallback_models: { default: ['openai:gpt-4o-mini'] } },
      { maxRetries: 0 },
    );
    await expect(gateway.chat(request({ model: 'openai:gpt-4o' }))).rejects.toMatchObject({
      kind: 'bad_request',
    });
    expect(stub.chatRequests()).toHaveLength(1);

    const blocked = liveGateway(
      { budget: { run_usd: 1 } },
      { fallback_models: { default: ['openai:gpt-4o-mini'] } },
    );
    await expect(blocked.gateway.chat(request({ model: 'openai:unpriced' }))).rejects.toMatchObject(
      { limit: 'pricing' },
    );
    expect(blocked.gateway.calls).toHaveLength(1);
  });
});
