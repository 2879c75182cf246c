/**
 * The step runner: runs steps in order, follows `repeat` loops within their bounds, and returns
 * every result. A failing step throws `StepFailed` carrying the state to resume from.
 */
import type { Step, Workflow } from '../config/schema.js';
import { AethrError, toError } from '../errors.js';
import { checkConvergence, renderEscalationReport, type LoopIteration } from './convergence.js';
import { isReviewStep, renderPrompt, visibleHistory, type HistoryEntry } from './prompt.js';
import { parseReview } from './review-parse.js';
import type {
  EnginePorts,
  ImplementationArtifact,
  LoopOutcome,
  RunInput,
  RunResult,
  RunState,
  StepResult,
} from './types.js';

export class StepFailed extends AethrError {
  override name = 'StepFailed';
  constructor(
    readonly stepId: string,
    readonly state: RunState,
    cause: unknown,
  ) {
    const error = toError(cause);
    super(`Step "${stepId}" failed: ${error.message}`, {
      cause: error,
      hint: error instanceof AethrError ? error.hint : undefined,
    });
  }
}

export function initialState(): RunState {
  return { nextStep: 0, passes: {}, loopIterations: {}, results: [], loops: [] };
}

export async function runWorkflow(input: RunInput, ports: EnginePorts): Promise<RunResult> {
  const { workflow, task } = input;
  const steps = workflow.steps;
  const state: RunState = structuredClone(input.resume ?? initialState());
  const index = new Map(steps.map((s, i) => [s.id, i]));

  while (state.nextStep < steps.length) {
    const i = state.nextStep;
    const step = steps[i]!;
    const iteration = (state.passes[step.id] ?? 0) + 1;
    let result: StepResult;
    try {
      result = await runStep({ workflow, step, task, iteration, index: i, state }, ports);
    } catch (error) {
      throw new StepFailed(step.id, structuredClone(state), error);
    }
    state.passes[step.id] = iteration;
    state.results.push(result);
    state.nextStep = step.repeat ? nextAfterRepeat(step, i, result, state, index, ports) : i + 1;
  }
  return {
    workflow: workflow.workflow,
    task,
    results: state.results,
    loops: state.loops,
    finalReview: [...state.results].reverse().find((r) => r.review)?.review,
  };
}

/** Decides where a repeat controller sends the run next, and records the loop's outcome. */
function nextAfterRepeat(
  step: Step,
  i: number,
  result: StepResult,
  state: RunState,
  index: Map<string, number>,
  ports: EnginePorts,
): number {
  const repeat = step.repeat!;
  const iteration = state.loopIterations[step.id] ?? 1;
  const passed = repeat.until_review_pass && result.review?.status === 'pass';
  const backTo = index.get(repeat.back_to) ?? i;
  const record = (outcome: LoopOutcome['outcome'], extra: Partial<LoopOutcome> = {}): number => {
    state.loops.push({
      stepId: step.id,
      backTo: repeat.back_to,
      iterations: iteration,
      maxIterations: repeat.max_iterations,
      outcome,
      ...extra,
    });
    delete state.loopIterations[step.id];
    return i + 1;
  };

  if (passed) {
    ports.observer?.notice?.(
      `Review passed at iteration ${iteration}/${repeat.max_iterations}; the "${step.id}" loop stops.`,
    );
    return record('passed');
  }
  if (repeat.until_review_pass && iteration >= 2 && iteration < repeat.max_iterations) {
    const iterations = loopIterations(state.results, step.id, iteration);
    const verdict = checkConvergence(iterations.at(-2)!, iterations.at(-1)!);
    if (!verdict.converging) {
      ports.observer?.notice?.(
        `Stopped the "${step.id}" loop at iteration ${iteration}/${repeat.max_iterations}: ${verdict.reason}.`,
      );
      return record('not_converging', {
        reason: verdict.reason,
        escalation: renderEscalationReport(iterations, verdict.reason!),
      });
    }
  }
  if (iteration >= repeat.max_iterations) {
    ports.observer?.notice?.(
      repeat.until_review_pass
        ? `Stopped after ${iteration}/${repeat.max_iterations} iterations: max_iterations reached and the review still asks for revision.`
        : `Repeat of "${repeat.back_to}".."${step.id}" done: ${iteration}/${repeat.max_iterations} iterations.`,
    );
    return record(repeat.until_review_pass ? 'max_iterations' : 'completed');
  }
  state.loopIterations[step.id] = iteration + 1;
  // Inner loops inside the repeated slice start afresh on the next pass.
  for (const [id, at] of index) if (at >= backTo && at < i) delete state.loopIterations[id];
  ports.observer?.notice?.(
    repeat.until_review_pass
      ? `Review asked for revision; going back to "${repeat.back_to}" (iteration ${iteration + 1}/${repeat.max_iterations}).`
      : `Repeating from "${repeat.back_to}" (iteration ${iteration + 1}/${repeat.max_iterations}).`,
  );
  return backTo;
}

/** The last `count` passes of a loop controller, each with the artifact that preceded it. */
function loopIterations(
  results: readonly StepResult[],
  controller: string,
  count: number,
): LoopIteration[] {
  const out: LoopIteration[] = [];
  let artifact: ImplementationArtifact | undefined;
  for (const r of results) {
    if (r.artifact) artifact = r.artifact;
    if (r.stepId === controller) {
      out.push({ review: r, artifact });
      artifact = undefined;
    }
  }
  return out.slice(-count);
}

interface StepInput {
  workflow: Workflow;
  step: Step;
  task: string;
  iteration: number;
  index: number;
  state: RunState;
}

async function runStep(input: StepInput, ports: EnginePorts): Promise<StepResult> {
  const { workflow, step, task, iteration, state } = input;
  const clock = ports.clock ?? Date.now;
  const model = ports.routeModel(step.role);
  ports.observer?.stepStarted?.({
    step,
    iteration,
    model,
    index: input.index,
    total: workflow.steps.length,
  });
  const started = clock();

  const latestArtifact = latestArtifactOf(state.results);
  const context = await ports.context.resolve(step.context, { latestArtifact });
  const history: HistoryEntry[] = visibleHistory(step.history_visibility, state.results).map(
    (result) => ({
      kind: 'result',
      result,
    }),
  );
  const prompt = renderPrompt({ workflow, step, task, history, context });
  const onDelta = (chunk: string): void => ports.observer?.delta?.(step.id, chunk);
  const review = isReviewStep(step);

  let output: string;
  let usage: StepResult['usage'];
  let mock: boolean;
  let artifact: ImplementationArtifact | undefined;
  let finishReason: string | undefined;
  const backendName = step.backend ?? 'llm';
  if (backendName === 'llm') {
    const reply = await ports.models.chat(
      {
        model,
        role: step.role,
        stepId: step.id,
        purpose: review ? 'review' : 'general',
        messages: [
          { role: 'system', content: prompt.system },
          { role: 'user', content: prompt.user },
        ],
        ...(prompt.counted ? { counted: prompt.counted } : {}),
      },
      onDelta,
    );
    ({ text: output, usage, mock } = reply);
    finishReason = reply.finishReason;
  } else {
    const backend = ports.backends[backendName];
    if (!backend) {
      throw new AethrError(`The "${backendName}" backend is not available in this run.`, {
        hint:
          backendName === 'opencode'
            ? 'Install the opencode CLI (npm i -g opencode-ai) or use `backend: patch`.'
            : undefined,
      });
    }
    const done = await backend.implement({ step, prompt, model, iteration, onDelta });
    ({ output, usage, artifact } = done);
    mock = done.mock ?? false;
  }

  const result: StepResult = {
    stepId: step.id,
    role: step.role,
    iteration,
    model,
    mock,
    output,
    durationMs: clock() - started,
  };
  if (usage) result.usage = usage;
  if (artifact) result.artifact = artifact;
  const coverage = context.flatMap((block) => block.coverage ?? []);
  if (coverage.length) result.coverage = coverage;
  if (review) result.review = parseReview(output, finishReason ? { finishReason } : {});
  ports.observer?.stepFinished?.(result);
  return result;
}

function latestArtifactOf(results: readonly StepResult[]): ImplementationArtifact | undefined {
  for (let i = results.length - 1; i >= 0; i--) {
    const artifact = results[i]!.artifact;
    if (artifact) return artifact;
  }
  return undefined;
}

/** `--show-prompt`: every step's prompt, with placeholders where earlier outputs would be. */
export async function previewPrompts(
  input: { workflow: Workflow; task: string },
  ports: Pick<EnginePorts, 'context' | 'routeModel'>,
): Promise<Array<{ step: Step; model: string; system: string; user: string }>> {
  const previews = [];
  const pending: HistoryEntry[] = [];
  for (const step of input.workflow.steps) {
    const context = await ports.context.resolve(step.context, {});
    const history = visibleHistory(step.history_visibility, pending);
    const prompt = renderPrompt({
      workflow: input.workflow,
      step,
      task: input.task,
      history,
      context,
    });
    previews.push({
      step,
      model: ports.routeModel(step.role),
      system: prompt.system,
      user: prompt.user,
    });
    pending.push({ kind: 'pending', stepId: step.id, role: step.role });
  }
  return previews;
}
