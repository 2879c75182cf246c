/**
 * Prints a run to the terminal: a header per step, model output as it streams (control
 * characters removed: model text never drives the terminal), and a one-line result per step.
 * With a ticker (on a TTY), an elapsed-time line shows while a step works silently.
 */
import type { RunObserver, RunResult, StepResult } from '../engine/types.js';
import type { ElapsedTicker } from './elapsed-ticker.js';
import { plain, terminalSafe, type Paint } from './style.js';

export function formatDuration(ms: number): string {
  return ms < 1000 ? `${ms}ms` : `${(ms / 1000).toFixed(1)}s`;
}

function usageText(r: StepResult): string {
  return r.usage
    ? `${r.usage.inputTokens} in / ${r.usage.outputTokens} out tokens`
    : 'usage not reported';
}

export interface TerminalObserverOptions {
  paint?: Paint;
  ticker?: ElapsedTicker;
}

export function createTerminalObserver(
  rawWrite: (text: string) => void,
  options: TerminalObserverOptions = {},
): RunObserver & { close(): void } {
  const paint = options.paint ?? plain;
  const ticker = options.ticker;
  let atLineStart = true;
  const write = (text: string): void => {
    if (text === '') return;
    ticker?.beforeOutput();
    rawWrite(text);
    atLineStart = text.endsWith('\n');
    ticker?.afterOutput(atLineStart);
  };
  const ensureNewline = (): void => {
    if (!atLineStart) write('\n');
  };
  return {
    stepStarted({ step, iteration, model, index, total }) {
      ensureNewline();
      const pass = iteration > 1 ? `, pass ${iteration}` : '';
      write(
        `\n${paint('bold', `── step ${index + 1}/${total}: ${step.id}`)} (${step.role} · ${model}${pass}) ──\n`,
      );
      ticker?.start(`${step.id} · ${model}`);
    },
    delta(_stepId, chunk) {
      if (chunk) write(terminalSafe(chunk));
    },
    stepFinished(result) {
      ticker?.stop();
      ensureNewline();
      const parts = [
        paint('green', `✓ ${result.stepId}`),
        formatDuration(result.durationMs),
        usageText(result),
      ];
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
      for (const note of result.review?.notes ?? []) write(`  note: ${terminalSafe(note)}\n`);
    },
    notice(message) {
      ensureNewline();
      write(`↻ ${terminalSafe(message)}\n`);
    },
    close() {
      ticker?.stop();
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
