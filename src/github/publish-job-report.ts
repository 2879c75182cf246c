/**
 * The run as a CI job reports it: step outputs, the job summary, notices, and failing the step
 * (findings at or above `fail-on`, or a failed run). The Action backs `JobReport` with
 * `@actions/core`; `aethr pr` prints it.
 */
import type { Severity } from '../engine/types.js';
import type { Finding } from '../engine/types.js';
import { renderLedgerMarkdown } from './ledger-markdown.js';
import type { Publisher } from './publisher.js';
import { commitsNote, spendOf, type RunOutcome } from './run-outcome.js';
import { summaryInputOf, verdictOf } from './run-summary.js';
import type { FailOn, RunLinks } from './settings.js';
import { renderJobSummary } from './summary-comment.js';

export interface JobReport {
  notice(message: string): void;
  warning(message: string): void;
  setOutput(name: string, value: string): void;
  setFailed(message: string): void;
  /** Appends Markdown to the job summary. */
  jobSummary(markdown: string): Promise<void>;
}

const SEVERITY_RANK: Record<Severity, number> = { high: 3, medium: 2, low: 1, info: 0 };

export function createJobReportPublisher(
  report: JobReport,
  o: { failOn: FailOn; links: RunLinks },
): Publisher {
  return {
    name: 'job report',
    async finish(outcome, publication) {
      const ledger = renderLedgerMarkdown([...outcome.calls]);
      const outputs = (status: string, findings: readonly Finding[], error = ''): void =>
        setOutputs(report, outcome, { status, findings, error }, publication.summaryUrl);
      switch (outcome.kind) {
        case 'skipped':
          if (outcome.reason === 'ignored')
            report.notice(`aethr: nothing to do: ${outcome.message}`);
          if (outcome.reason === 'denied') {
            report.notice(`Not running: ${outcome.message}`);
            await report.jobSummary(`### aethr: not run\n\n${outcome.message}\n`);
            outputs('', []);
          }
          if (outcome.reason === 'no-key') {
            report.warning(outcome.message);
            await report.jobSummary(`### aethr: no model key\n\n${outcome.message}\n`);
            outputs('', []);
          }
          return;
        case 'failed': {
          const note = commitsNote(outcome.commits);
          const pushed = note ? `\n\n${note}` : '';
          await report.jobSummary(`### aethr: failed\n\n${outcome.message}${pushed}\n\n${ledger}`);
          // A run that failed reviewed nothing: never read as a pass, and the error says why.
          outputs('error', [], outcome.message);
          report.setFailed(outcome.message);
          return;
        }
        case 'finished': {
          const subject = outcome.subject;
          if (outcome.delivery) {
            const heading = outcome.delivery.kind === 'unchanged' ? 'no changes' : subject.workflow;
            await report.jobSummary(
              `### aethr: ${heading}\n\n${outcome.delivery.note}\n\n${ledger}`,
            );
          } else {
            const input = summaryInputOf(
              outcome,
              publication.placed,
              subject.workflow,
              subject.headSha,
              {
                links: o.links,
                notes: publication.notes,
              },
            );
            await report.jobSummary(`${renderJobSummary(input)}\n\n${ledger}`);
          }
          const verdict = verdictOf(outcome);
          outputs(
            outcome.status === undefined ? '' : verdict.output,
            outcome.findings,
            verdict.noVerdict,
          );
          if (outcome.blocked?.kind === 'error') report.setFailed(outcome.blocked.message);
          const failing = outcome.findings.filter(
            (f) => o.failOn !== 'none' && SEVERITY_RANK[f.severity] >= SEVERITY_RANK[o.failOn],
          );
          if (failing.length)
            report.setFailed(`${failing.length} finding(s) at or above "${o.failOn}" remain.`);
          else if (verdict.noVerdict && o.failOn !== 'none') report.setFailed(verdict.noVerdict);
        }
      }
    },
  };
}

function setOutputs(
  report: JobReport,
  outcome: RunOutcome,
  { status, findings, error }: { status: string; findings: readonly Finding[]; error?: string },
  summaryUrl: string | undefined,
): void {
  const spend = spendOf(outcome.calls);
  report.setOutput('review-status', status);
  report.setOutput('error', error ?? '');
  report.setOutput('findings-count', String(findings.length));
  report.setOutput('findings-json', JSON.stringify(findings));
  report.setOutput('summary-comment-url', summaryUrl ?? '');
  report.setOutput('tokens', String(spend.inputTokens + spend.outputTokens));
  report.setOutput('cost-usd', spend.costUsd.toFixed(4));
}
