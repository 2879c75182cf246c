import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createBudgetGuard } from '../../src/models/budget.js';
import { createModelGateway } from '../../src/models/gateway.js';
import { startModelProxy, type ModelProxy } from '../../src/sandbox/model-proxy.js';
import { startOpenAIStub, type OpenAIStub } from '../support/openai-stub.js';

const REAL_KEY = 'sk-real-provider-key-0123456789';
let llm: OpenAIStub;
beforeAll(async () => {
  llm = await startOpenAIStub({
    reply: (req) =>
      Array.isArray(req.body?.tools)
        ? {
            text: 'calling a tool',
            toolCalls: [{ id: 'call_1', name: 'read', arguments: '{"filePath":"/x"}' }],
          }
        : { text: 'plain answer', usage: { prompt_tokens: 7, completion_tokens: 2 } },
  });
});
afterAll(() => llm.close());

async function proxyWith(limits?: Record<string, number>): Promise<{
  proxy: ModelProxy;
  gateway: ReturnType<typeof createModelGateway>;
  errors: unknown[];
}> {
  const gateway = createModelGateway({
    env: { OPENAI_BASE_URL: llm.url, OPENAI_API_KEY: REAL_KEY },
    live: true,
    ...(limits ? { budget: createBudgetGuard({ limits }) } : {}),
  });
  const errors: unknown[] = [];
  const proxy = await startModelProxy({
    models: gateway,
    model: 'openai:gpt-4o-mini',
    role: 'builder',
    stepId: 'implement',
    onError: (e) => errors.push(e),
  });
  return { proxy, gateway, errors };
}

const post = (proxy: ModelProxy, body: unknown, key = proxy.apiKey) =>
  fetch(`${proxy.baseURL}/chat/completions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

describe('model proxy', () => {
  it('answers non-streaming requests through the gateway with the real key upstream, the routed model only', async () => {
    const { proxy, gateway } = await proxyWith();
    try {
      const res = await post(proxy, {
        model: 'gpt-5-pro-expensive',
        messages: [{ role: 'user', content: 'hi' }],
      });
      const json = (await res.json()) as {
        choices: Array<{ message: { content: string } }>;
        usage: unknown;
      };
      expect(res.status).toBe(200);
      expect(json.choices[0]!.message.content).toBe('plain answer');
      expect(json.usage).toMatchObject({ prompt_tokens: 7, completion_tokens: 2 });
      const upstream = llm.chatRequests().at(-1)!;
      expect(upstream.headers.authorization).toBe(`Bearer ${REAL_KEY}`);
      expect(upstream.body?.model).toBe('gpt-4o-mini');
      expect(gateway.calls.at(-1)).toMatchObject({
        role: 'builder',
        stepId: 'implement',
        status: 'ok',
        inputTokens: 7,
      });
      expect(proxy.apiKey).not.toContain(REAL_KEY);
    } finally {
      await proxy.close();
    }
  });

  it("streams tool calls back in OpenAI SSE chunks, forwarding the agent's tools", async () => {
    const { proxy } = await proxyWith();
    try {
      const res = await post(proxy, {
        stream: true,
        stream_options: { include_usage: true },
        messages: [{ role: 'user', content: 'read it' }],
        tools: [{ type: 'function', function: { name: 'read', parameters: {} } }],
      });
      const text = await res.text();
      expect(res.headers.get('content-type')).toMatch(/text\/event-stream/);
      const chunks = text
        .split('\n\n')
        .filter((l) => l.startsWith('data: {'))
        .map(
          (l) =>
            JSON.parse(l.slice(6)) as {
              choices: Array<{ delta: Record<string, unknown>; finish_reason: string | null }>;
            },
        );
      expect(chunks.some((c) => JSON.stringify(c).includes('"name":"read"'))).toBe(true);
      expect(chunks.find((c) => c.choices[0]?.finish_reason)?.choices[0]?.finish_reason).toBe(
        'tool_calls',
      );
      expect(text.trimEnd().endsWith('data: [DONE]')).toBe(true);
      expect(llm.chatRequests().at(-1)!.body?.tools).toEqual([
        { type: 'function', function: { name: 'read', parameters: {} } },
      ]);
    } finally {
      await proxy.close();
    }
  });

  it('refuses any other key, and reports a budget refusal as 402 to the agent and to onError', async () => {
    const { proxy, errors } = await proxyWith({ max_input_tokens_per_call: 5 });
    try {
      expect(
        (await post(proxy, { messages: [{ role: 'user', content: 'x' }] }, REAL_KEY)).status,
      ).toBe(401);
      const before = llm.chatRequests().length;
      const res = await post(proxy, {
        messages: [{ role: 'user', content: 'a long message '.repeat(20) }],
      });
      expect(res.status).toBe(402);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe(
        'budget_exceeded',
      );
      expect(llm.chatRequests().length).toBe(before); // nothing was sent upstream
      expect((errors[0] as Error).name).toBe('BudgetExceeded');
    } finally {
      await proxy.close();
    }
  });
});
