import { describe, expect, it } from '@jest/globals';
import { workflowSchema } from '../../src/config/schema.js';
import { previewPrompts, runWorkflow, StepFailed } from '../../src/engine/run-workflow.js';
import type { ChatRequest, EnginePorts, ModelClient } from '../../src/engine/types.js';

// Unit level: the engine with scripted ports. End-to-end runs go through the CLI and a real HTTP stand-in.
function scripted(replies: Record<string, string[]>): ModelClient & { requests: ChatRequest[] } {
  const requests: ChatRequest[] = [];
  return {
    requests,
    async chat(request, onDelta) {
      requests.push(request);
      const queue = replies[request.stepId] ?? [];
      const text = queue.length > 1 ? queue.shift()! : (queue[0] ?? `${request.stepId} done`);
      if (text === 'THROW') throw new Error('provider exploded');
      onDelta?.(text);
      return {
        text,
        usage: { inputTokens: 10, outputTokens: 5 },
        model: request.model,
        mock: false,
      };
    },
  };
}

function ports(models: ModelClient, notices: string[] = []): EnginePorts {
  return {
    models,
    context: {
      resolve: async (sources) => sources.map((s) => ({ source: s, title: s, text: `ctx ${s}` })),
    },
    routeModel: (role) => `openai:${role}-model`,
    backends: {},
    observer: { notice: (m) => notices.push(m) },
  };
}

const loop = (max: number) =>
  workflowSchema.parse({
    workflow: 'loop',
    roles: { planner: 'p', implementer: 'i', reviewer: 'r' },
    steps: [
      { id: 'plan', role: 'planner' },
      { id: 'implement', role: 'implementer', history_visibility: 'latest' },
      {
        id: 'review',
        role: 'reviewer',
        repeat: { back_to: 'implement', until_review_pass: true, max_iterations: max },
      },
    ],
  });

describe('runWorkflow', () => {
  it('loops until the review passes', async () => {
    const models = scripted({ review: ['Review status: revise', 'Review status: pass'] });
    const notices: string[] = [];
    const result = await runWorkflow({ workflow: loop(3), task: 't' }, ports(models, notices));
    expect(result.results.map((r) => `${r.stepId}#${r.iteration}`)).toEqual([
      'plan#1',
      'implement#1',
      'review#1',
      'implement#2',
      'review#2',
    ]);
    expect(result.loops).toEqual([
      { stepId: 'review', backTo: 'implement', iterations: 2, maxIterations: 3, outcome: 'passed' },
    ]);
    expect(result.finalReview?.status).toBe('pass');
    expect(notices.join('\n')).toMatch(/going back to "implement" \(iteration 2\/3\)/);
    // history_visibility: latest: the second implement pass sees the review, not the plan.
    const secondImplement = models.requests.filter((r) => r.stepId === 'implement')[1]!;
    expect(secondImplement.messages[1]!.content).toContain('Review status: revise');
    expect(secondImplement.messages[1]!.content).not.toContain('plan done');
    expect(models.requests.find((r) => r.stepId === 'review')!.purpose).toBe('review');
  });

  it('stops at max_iterations and says so', async () => {
    const notices: string[] = [];
    const result = await runWorkflow(
      { workflow: loop(2), task: 't' },
      ports(scripted({ review: ['Review status: revise'] }), notices),
    );
    expect(result.results.filter((r) => r.stepId === 'implement')).toHaveLength(2);
    expect(result.loops[0]!.outcome).toBe('max_iterations');
    expect(notices.at(-1)).toMatch(/max_iterations reached/);
  });

  it('fails with the state to resume from, and resumes without rerunning finished steps', async () => {
    const workflow = loop(1);
    const models = scripted({ implement: ['THROW'] });
    const error = await runWorkflow({ workflow, task: 't' }, ports(models)).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(StepFailed);
    const failed = error as StepFailed;
    expect(failed.stepId).toBe('implement');
    expect(failed.state.nextStep).toBe(1);
    expect(failed.state.results.map((r) => r.stepId)).toEqual(['plan']);

    const again = scripted({ review: ['Review status: pass'] });
    const result = await runWorkflow({ workflow, task: 't', resume: failed.state }, ports(again));
    expect(again.requests.map((r) => r.stepId)).toEqual(['implement', 'review']);
    expect(result.results.map((r) => r.stepId)).toEqual(['plan', 'implement', 'review']);
  });

  it('reports a missing editing backend clearly', async () => {
    const workflow = workflowSchema.parse({
      workflow: 'w',
      roles: { implementer: 'i' },
      steps: [{ id: 'implement', role: 'implementer', backend: 'opencode' }],
    });
    await expect(runWorkflow({ workflow, task: 't' }, ports(scripted({})))).rejects.toThrow(
      /"opencode" backend is not available/,
    );
  });
});

describe('previewPrompts', () => {
  it('renders every step once with placeholders and no model call', async () => {
    const models = scripted({});
    const previews = await previewPrompts({ workflow: loop(3), task: 'do it' }, ports(models));
    expect(previews.map((p) => p.step.id)).toEqual(['plan', 'implement', 'review']);
    expect(previews[1]!.user).toContain('[placeholder: the output of step "plan"');
    expect(models.requests).toHaveLength(0);
  });
});

describe('convergence', () => {
  const reviewWith = (titles: string[]) =>
    `\`\`\`json\n${JSON.stringify({ status: 'revise', findings: titles.map((t, i) => ({ path: 'a.ts', line: i + 1, severity: 'high', title: t, body: '' })) })}\n\`\`\``;

  it('stops early when the review reports the same findings twice, with an escalation report', async () => {
    const notices: string[] = [];
    const models = scripted({ review: [reviewWith(['null deref']), reviewWith(['null deref'])] });
    const result = await runWorkflow({ workflow: loop(5), task: 't' }, ports(models, notices));
    expect(result.results.filter((r) => r.stepId === 'implement')).toHaveLength(2);
    expect(result.loops[0]).toMatchObject({ outcome: 'not_converging', iterations: 2 });
    expect(result.loops[0]!.reason).toMatch(/same 1 blocking finding/);
    expect(result.loops[0]!.escalation).toMatch(
      /What was tried[\s\S]*iteration 2[\s\S]*null deref/,
    );
    expect(notices.join('\n')).toMatch(/Stopped the "review" loop at iteration 2\/5/);
  });

  it('stops early when only new problems appear and none is fixed', async () => {
    const models = scripted({ review: [reviewWith(['a']), reviewWith(['a', 'b'])] });
    const result = await runWorkflow({ workflow: loop(5), task: 't' }, ports(models));
    expect(result.loops[0]!.outcome).toBe('not_converging');
    expect(result.loops[0]!.reason).toMatch(/new blocking findings appeared \(b\)/);
  });

  it('keeps going while findings get fixed', async () => {
    const models = scripted({
      review: [reviewWith(['a', 'b']), reviewWith(['b']), 'Review status: pass'],
    });
    const result = await runWorkflow({ workflow: loop(5), task: 't' }, ports(models));
    expect(result.loops[0]).toMatchObject({ outcome: 'passed', iterations: 3 });
  });
});
