import { describe, expect, it } from '@jest/globals';
import { AethrError } from '../../src/errors.js';
import {
  BudgetExceeded,
  createBudgetGuard,
  DEFAULT_MAX_INPUT_TOKENS_PER_CALL,
  DEFAULT_MAX_OUTPUT_TOKENS_PER_CALL,
  resolveCallLimits,
} from '../../src/models/budget.js';

// $0.001 per token in and out, so costs are easy to read.
const pricing = { 'openai:gpt-4o-mini': { input_per_mtok: 1000, output_per_mtok: 1000 } };
const call = (
  overrides: Partial<Parameters<ReturnType<typeof createBudgetGuard>['check']>[0]> = {},
) => ({
  ref: 'openai:gpt-4o-mini',
  role: 'builder',
  stepId: 'implement',
  inputTokens: 100,
  maxOutputTokens: 100,
  ...overrides,
});

describe('resolveCallLimits', () => {
  it('fills safe defaults', () => {
    expect(DEFAULT_MAX_INPUT_TOKENS_PER_CALL).toBe(120_000);
    expect(DEFAULT_MAX_OUTPUT_TOKENS_PER_CALL).toBe(4096);
    expect(resolveCallLimits()).toEqual({
      maxInputTokensPerCall: 120_000,
      maxOutputTokensPerCall: 4096,
    });
    expect(
      resolveCallLimits({
        max_output_tokens_per_call: 10,
        max_patch_bytes: 5,
        max_context_chars_per_call: 7,
      }),
    ).toEqual({
      maxInputTokensPerCall: 120_000,
      maxOutputTokensPerCall: 10,
      maxContextCharsPerCall: 7,
      maxPatchBytes: 5,
    });
  });
});

describe('BudgetGuard', () => {
  it('without USD budgets: only the per-call limits refuse; the projection is still given', () => {
    const guard = createBudgetGuard({
      limits: { max_input_tokens_per_call: 1000, max_output_tokens_per_call: 200 },
    });
    const ok = guard.check(call({ ref: 'openai:gpt-4o', inputTokens: 1000, maxOutputTokens: 200 }));
    expect(ok).toMatchObject({ ok: true });
    expect(ok.ok && ok.projectedUsd).toBeCloseTo((1000 * 2.5 + 200 * 10) / 1e6);
    expect(guard.check(call({ inputTokens: 1001 }))).toMatchObject({
      ok: false,
      limit: 'max_input_tokens_per_call',
    });
    expect(guard.check(call({ maxOutputTokens: 201 }))).toMatchObject({
      ok: false,
      limit: 'max_output_tokens_per_call',
    });
    // Unknown price without a USD budget: allowed, cost unknown.
    expect(guard.check(call({ ref: 'openai:my-finetune' }))).toEqual({
      ok: true,
      projectedUsd: undefined,
      price: undefined,
    });
    expect(guard.clampOutputTokens()).toBe(200);
    expect(guard.clampOutputTokens(50)).toBe(50);
    expect(guard.clampOutputTokens(5000)).toBe(200);
  });

  it('run_usd: projected cost is input + MAXIMUM output; spend is what was reported', () => {
    const guard = createBudgetGuard({ budget: { run_usd: 0.5 }, pricing });
    expect(guard.check(call())).toMatchObject({ ok: true, projectedUsd: 0.2 });
    expect(
      guard.record({
        ref: 'openai:gpt-4o-mini',
        role: 'builder',
        inputTokens: 100,
        outputTokens: 50,
      }),
    ).toBeCloseTo(0.15);
    expect(guard.check(call())).toMatchObject({ ok: true });
    guard.record({
      ref: 'openai:gpt-4o-mini',
      role: 'builder',
      inputTokens: 100,
      outputTokens: 50,
    });
    expect(guard.spentUsd).toBeCloseTo(0.3);
    // 0.30 spent + 0.20 projected = 0.50: exactly the budget is allowed.
    expect(guard.check(call())).toMatchObject({ ok: true });
    const refused = guard.check(call({ maxOutputTokens: 101 }));
    expect(refused).toMatchObject({ ok: false, limit: 'run_usd' });
    if (refused.ok) throw new Error('unreachable');
    expect(refused.message).toContain('budget.run_usd');
    expect(refused.message).toContain('$0.3000 of its $0.5000 budget');
    expect(refused.hint).toMatch(/Raise budget\.run_usd in \.aethr\.yaml/);
  });

  it('pr_usd counts what earlier runs on the PR spent', () => {
    const guard = createBudgetGuard({ budget: { pr_usd: 1 }, pricing, spentBeforeUsd: 0.85 });
    expect(guard.check(call({ maxOutputTokens: 40 }))).toMatchObject({ ok: true });
    const refused = guard.check(call());
    expect(refused).toMatchObject({ ok: false, limit: 'pr_usd' });
    expect(!refused.ok && refused.message).toContain('earlier runs $0.8500');
  });

  it('role_budgets_usd bounds one role and leaves the others alone', () => {
    const guard = createBudgetGuard({ budget: { role_budgets_usd: { builder: 0.3 } }, pricing });
    guard.record({
      ref: 'openai:gpt-4o-mini',
      role: 'builder',
      inputTokens: 100,
      outputTokens: 50,
    });
    const refused = guard.check(call());
    expect(refused).toMatchObject({ ok: false, limit: 'role_budgets_usd.builder' });
    expect(!refused.ok && refused.hint).toContain('budget.role_budgets_usd.builder');
    expect(guard.check(call({ role: 'reviewer' }))).toMatchObject({ ok: true });
    expect(guard.spentByRole('builder')).toBeCloseTo(0.15);
    expect(guard.spentByRole('reviewer')).toBe(0);
    // A role without a role budget and no run/pr budget: no USD budget applies to it.
    expect(guard.usdBudgetApplies('reviewer')).toBe(false);
    expect(guard.usdBudgetApplies('builder')).toBe(true);
  });

  it('an unknown price with a USD budget is refused, asking for a pricing: entry', () => {
    const guard = createBudgetGuard({ budget: { run_usd: 5 } });
    const refused = guard.check(call({ ref: 'azure:prod-gpt' }));
    expect(refused).toMatchObject({ ok: false, limit: 'pricing' });
    if (refused.ok) throw new Error('unreachable');
    expect(refused.message).toContain('azure:prod-gpt');
    expect(refused.message).toContain('budget.run_usd');
    expect(refused.hint).toContain(
      'pricing: { "azure:prod-gpt": { input_per_mtok: <USD>, output_per_mtok: <USD> } }',
    );
    expect(
      guard.record({ ref: 'azure:prod-gpt', role: 'builder', inputTokens: 1, outputTokens: 1 }),
    ).toBeUndefined();
  });

  it('BudgetExceeded is a typed AethrError naming the limit, with a hint', () => {
    const guard = createBudgetGuard({ budget: { run_usd: 0 }, pricing });
    const decision = guard.check(call());
    if (decision.ok) throw new Error('expected a refusal');
    const error = new BudgetExceeded(decision, call());
    expect(error).toBeInstanceOf(AethrError);
    expect(error.name).toBe('BudgetExceeded');
    expect(error.limit).toBe('run_usd');
    expect(error.projectedUsd).toBeCloseTo(0.2);
    expect(error.hint).toContain('budget.run_usd');
    expect(error.stepId).toBe('implement');
  });
});
