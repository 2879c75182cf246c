/**
 * End to end through the engine: a workflow whose budget allows two calls stops cleanly before
 * the third, and the model stand-in's request log shows that no request exceeded a limit.
 */
import { afterEach, describe, expect, it } from '@jest/globals';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as o200k from 'gpt-tokenizer/encoding/o200k_base';
import { parseWorkflowText } from '../../src/config/load-workflow.js';
import { runWorkflow, StepFailed } from '../../src/engine/run-workflow.js';
import { BudgetExceeded } from '../../src/models/budget.js';
import { summariseLedger } from '../../src/models/ledger.js';
import { buildPorts } from '../../src/runner/build-ports.js';
import { startOpenAIStub, type OpenAIStub } from '../support/openai-stub.js';

const AS_TEXT = { disallowedSpecial: new Set<string>() };
const MAX_INPUT = 2000;
const MAX_OUTPUT = 100;

// $0.001 per token. Each call reports 1,000 in + 500 out = $1.50 spent; a call's projection is
// (its ~100 counted input tokens + 100 max output) x $0.001 = ~$0.20. Budget $2.50:
// call 1: 0 + 0.2 <= 2.5; call 2: 1.5 + 0.2 <= 2.5; call 3: 3.0 + 0.2 > 2.5 -> refused.
const WORKFLOW = `
workflow: three-steps
roles:
  planner: Plan the change.
  builder: Describe the change.
  reviewer: Review the change.
models:
  default: openai:gpt-4o-mini
steps:
  - id: plan
    role: planner
    history_visibility: none
  - id: build
    role: builder
    history_visibility: none
  - id: review
    role: reviewer
    history_visibility: none
budget:
  run_usd: 2.5
limits:
  max_input_tokens_per_call: ${MAX_INPUT}
  max_output_tokens_per_call: ${MAX_OUTPUT}
pricing:
  "openai:gpt-4o-mini": { input_per_mtok: 1000, output_per_mtok: 1000 }
`;

let stub: OpenAIStub | undefined;
let dir: string | undefined;
afterEach(async () => {
  await stub?.close();
  stub = undefined;
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = undefined;
});

describe('a workflow whose budget allows two calls', () => {
  it('stops before the third with BudgetExceeded naming the limit, keeping partial results', async () => {
    stub = await startOpenAIStub({
      reply: (req) => ({
        text: `done: ${String(req.body?.messages?.[1]?.content ?? '').split('\n')[0]}`,
        usage: { prompt_tokens: 1000, completion_tokens: 500 },
      }),
    });
    dir = await mkdtemp(join(tmpdir(), 'aethr-budget-'));
    const workflow = parseWorkflowText(WORKFLOW, '.aethr.yaml');
    expect(workflow.budget).toEqual({ run_usd: 2.5 });
    const ports = buildPorts({
      workflow,
      root: dir,
      env: { OPENAI_BASE_URL: stub.url, OPENAI_API_KEY: 'sk-budget-test' },
      live: true,
    });

    const error = await runWorkflow({ workflow, task: 'Add a --dry-run flag' }, ports).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(StepFailed);
    const failed = error as StepFailed;
    expect(failed.stepId).toBe('review');
    expect(failed.cause).toBeInstanceOf(BudgetExceeded);
    expect((failed.cause as BudgetExceeded).limit).toBe('run_usd');
    expect(failed.message).toMatch(
      /Step "review" failed: Not calling openai:gpt-4o-mini for step "review" \(role reviewer\)/,
    );
    expect(failed.message).toContain(
      'this run has spent $3.00 of its $2.50 budget (budget.run_usd)',
    );
    expect(failed.hint).toContain('Raise budget.run_usd in .aethr.yaml');
    // Partial results are kept in the state to resume from.
    expect(failed.state.nextStep).toBe(2);
    expect(failed.state.results.map((r) => r.stepId)).toEqual(['plan', 'build']);

    // The stand-in saw exactly two requests, none over a limit.
    const requests = stub.chatRequests();
    expect(requests).toHaveLength(2);
    for (const req of requests) {
      expect(req.body?.max_completion_tokens).toBeLessThanOrEqual(MAX_OUTPUT);
      expect(req.body?.max_tokens).toBeUndefined();
      const messages = (req.body?.messages ?? []).map((m) => ({
        role: m.role as 'user',
        content: String(m.content),
      }));
      const counted = o200k.encodeChat(messages, 'gpt-4o-mini', AS_TEXT).length;
      expect(counted).toBeLessThanOrEqual(MAX_INPUT);
    }

    // The ledger: two calls made and one blocked, with what was spent.
    const calls = ports.models.calls;
    expect(calls.map((c) => `${c.stepId}:${c.status}`)).toEqual([
      'plan:ok',
      'build:ok',
      'review:blocked',
    ]);
    expect(calls[2]!.limit).toBe('run_usd');
    const { totals } = summariseLedger(calls);
    expect(totals).toMatchObject({
      calls: 3,
      ok: 2,
      blocked: 1,
      inputTokens: 2000,
      outputTokens: 1000,
    });
    expect(totals.usd).toBeCloseTo(3);
    expect(totals.liveUsd).toBeCloseTo(3);
  });
});
