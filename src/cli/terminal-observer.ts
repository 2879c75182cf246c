/**
 * Prints a run to the terminal: a header per step, model output as it streams, and a one-line
 * result per step. Pure formatting over the engine's observer events.
 */
import type { RunObserver, RunResult, StepResult } from '../engine/types.js';

export function formatDuration(ms: number): string {
  return ms < 1000 ? `${ms}ms` : `${(ms / 1000).toFixed(1)}s`;
}

function usageText(r: StepResult): string {
  return r.usage
    ? `${r.usage.inputTokens} in / ${r.usage.outputTokens} out tokens`
    : 'usage not reported';
}

export function createTerminalObserver(write: (text: string) => void): RunObserver {
  let atLineStart = true;
  const ensureNewline = (): void => {
    if (!atLineStart) write('\n');
    atLineStart = true;
  };
  return {
    stepStarted({ step, iteration, model, index, total }) {
      ensureNewline();
      const pass = iteration > 1 ? `, pass ${iteration}` : '';
      write(`\n── step ${index + 1}/${total}: ${step.id} (${step.role} · ${model}${pass}) ──\n`);
    },
    delta(_stepId, chunk) {
      if (!chunk) return;
      write(chunk);
      atLineStart = chunk.endsWith('\n');
    },
    stepFinished(result) {
      ensureNewline();
      const parts = [`✓ ${result.stepId}`, formatDuration(result.durationMs), usageText(result)];
      if (result.mock) parts.push('mock');
      if (result.review) {
        parts.push(
          `review status: ${result.review.status}`,
          `${result.review.findings.length} finding(s)`,
        );
      }
      if (result.artifact) {
        const n = result.artifact.changedFiles.length;
        parts.push(
          n
            ? `${n} file(s) changed`
            : `no files changed${result.artifact.note ? ` (${result.artifact.note})` : ''}`,
        );
      }
      write(`${parts.join(' · ')}\n`);
      for (const note of result.review?.notes ?? []) write(`  note: ${note}\n`);
    },
    notice(message) {
      ensureNewline();
      write(`↻ ${message}\n`);
    },
  };
}

export function formatRunSummary(result: RunResult): string {
  const lines = ['', `── ${result.workflow}: done ──`];
  for (const r of result.results) {
    lines.push(
      `  ${r.stepId.padEnd(16)} pass ${r.iteration}  ${r.model.padEnd(28)} ${formatDuration(r.durationMs).padStart(7)}  ${usageText(r)}`,
    );
  }
  for (const loop of result.loops) {
    const how = {
      passed: 'review passed',
      max_iterations: 'max_iterations reached without a passing review',
      completed: 'all iterations done',
      not_converging: `stopped early: ${loop.reason ?? 'not converging'}`,
    }[loop.outcome];
    lines.push(
      `  loop ${loop.backTo}..${loop.stepId}: ${loop.iterations}/${loop.maxIterations} iterations, ${how}`,
    );
    if (loop.escalation) lines.push('', loop.escalation.replace(/^/gm, '    '), '');
  }
  if (result.finalReview) {
    const f = result.finalReview;
    lines.push(`  final review status: ${f.status} (${f.findings.length} finding(s))`);
  }
  return `${lines.join('\n')}\n`;
}
