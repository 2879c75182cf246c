/**
 * A check run `aethr / <workflow>` on the head the run was authorised for: the reviewer's verdict
 * as something branch protection can require, apart from whether the job succeeded.
 *
 * `in_progress` when the run starts; then `success` (pass), `failure` (findings at or above the
 * threshold, no verdict, or a crash) or `neutral` (findings below it, a budget stop). Findings on
 * diff lines become annotations, 50 per request as GitHub requires; the rest are listed in the
 * output's text. Without `checks: write` the run goes on and the summary says how to enable it.
 * https://docs.github.com/rest/checks/runs#update-a-check-run
 */
import type { Finding, Severity } from '../engine/types.js';
import type { AnchoredComment } from './diff-anchor.js';
import {
  ForgeError,
  mayHaveHappened,
  type CheckAnnotation,
  type CheckConclusion,
  type CheckRun,
  type CheckRunOutput,
  type Forge,
} from './forge.js';
import { createOnce } from './idempotent-write.js';
import { toError } from '../errors.js';
import { codeSpan, escapeInlineText, truncateMarkdown } from './markdown.js';
import type { Publisher } from './publisher.js';
import type { RunLog } from './run-log.js';
import type { RunOutcome } from './run-outcome.js';
import { placeFindings, summaryInputOf } from './run-summary.js';
import type { FailOn, RunLinks } from './settings.js';
import { renderJobSummary } from './summary-comment.js';

/** GitHub's limits: output.summary and output.text 65,535 characters, 50 annotations a request. */
const MAX_OUTPUT_TEXT = 65_535;
const ANNOTATIONS_PER_REQUEST = 50;
/** Annotations per run at most; beyond it findings are listed in the text. */
export const MAX_ANNOTATIONS = 1_000;
const MAX_ANNOTATION_MESSAGE = 60_000;

const SEVERITY_RANK: Record<Severity, number> = { high: 3, medium: 2, low: 1, info: 0 };
const LEVEL: Record<Severity, CheckAnnotation['annotation_level']> = {
  high: 'failure',
  medium: 'warning',
  low: 'notice',
  info: 'notice',
};

export interface CheckRunOptions {
  forge: Forge;
  log: RunLog;
  /** Findings at or above this fail the check (`none`: the default threshold, high). */
  failOn: FailOn;
  links: RunLinks;
  /** Marks the check runs this run creates, to find one whose answer was lost. */
  externalId: string;
  /** Wait before a lost write is looked up again (createOnce's default when undefined). */
  retryDelayMs?: number;
}

export function checkRunName(workflow: string): string {
  return `aethr / ${workflow}`;
}

export function createCheckRunPublisher(o: CheckRunOptions): Publisher {
  let run: CheckRun | undefined;
  let workflow = '';
  /** How to find the run when its create came back unanswered (it may exist, in progress). */
  let findLost: (() => Promise<CheckRun | undefined>) | undefined;
  return {
    name: 'check run',
    async start(subject, publication) {
      if (!subject.headSha) return;
      workflow = subject.workflow;
      const name = checkRunName(subject.workflow);
      const headSha = subject.headSha;
      const find = async (): Promise<CheckRun | undefined> =>
        (await o.forge.listCheckRuns(headSha, name)).find((c) => c.externalId === o.externalId);
      try {
        run = await createOnce({
          create: () =>
            o.forge.createCheckRun({
              name,
              headSha,
              externalId: o.externalId,
              ...(o.links.runUrl ? { detailsUrl: o.links.runUrl } : {}),
              output: {
                title: 'aethr is working',
                summary: `Running the ${subject.workflow} workflow.`,
              },
            }),
          find,
          delayMs: o.retryDelayMs,
        });
      } catch (error) {
        if (mayHaveHappened(error)) findLost = find;
        if (!(error instanceof ForgeError) || error.kind !== 'permission') throw error;
        o.log.info(`No check run: ${error.message}`);
        publication.notes.push(
          `The \`${name}\` check run was not created: the token lacks \`checks: write\`. Add it to the job's \`permissions:\` to get a verdict branch protection can require (or set \`check-run: false\`).`,
        );
      }
    },
    async finish(outcome, publication) {
      // Never leave a run in progress that an unanswered create may have made.
      if (!run && findLost) run = await findLost().catch(() => undefined);
      if (!run) return;
      const conclusion = conclusionOf(outcome, o.failOn);
      const placed = publication.placed ?? placeFindings(outcome);
      const annotations = placed.anchored.slice(0, MAX_ANNOTATIONS).map(annotationOf);
      const listed: Finding[] = [
        ...placed.unanchored,
        ...placed.anchored.slice(MAX_ANNOTATIONS).map((c) => c.finding),
      ];
      const input = summaryInputOf(outcome, placed, workflow, run.headSha, {
        links: o.links,
        notes: publication.notes,
      });
      const output = (batch: CheckAnnotation[]): CheckRunOutput => ({
        title: titleOf(outcome, conclusion),
        summary: truncateMarkdown(
          [
            publication.summaryUrl ? `[Summary comment](${publication.summaryUrl})` : '',
            renderJobSummary(input),
          ]
            .filter(Boolean)
            .join('\n\n'),
          MAX_OUTPUT_TEXT,
        ),
        ...(listed.length ? { text: truncateMarkdown(listText(listed), MAX_OUTPUT_TEXT) } : {}),
        annotations: batch,
      });
      // Annotations first, the conclusion with the last batch: the check never shows a verdict
      // whose annotations are still arriving.
      const update = updater(o, run);
      const batches = chunk(annotations, ANNOTATIONS_PER_REQUEST);
      try {
        for (const batch of batches.slice(0, -1)) await update({ output: output(batch) });
        await update({ conclusion, output: output(batches.at(-1) ?? []) });
      } catch (error) {
        // Never leave the check in progress: one more try with the conclusion alone (without
        // annotations it is safe to retry), every finding listed in the text.
        o.log.warning(
          `Could not finish the check run (${toError(error).message}); retrying briefly.`,
        );
        const all = [...placed.anchored.map((c) => c.finding), ...placed.unanchored];
        await o.forge.updateCheckRun(run.id, {
          conclusion,
          output: {
            ...output([]),
            ...(all.length
              ? { text: truncateMarkdown(listText(all, 'Findings'), MAX_OUTPUT_TEXT) }
              : {}),
          },
        });
      }
    },
  };
}

/**
 * Updates of one check run. GitHub appends the annotations an update carries, so an update whose
 * answer was lost is not sent again blindly: the run's annotation count (and conclusion) tells
 * whether it arrived.
 */
function updater(
  o: CheckRunOptions,
  run: CheckRun,
): (update: { conclusion?: CheckConclusion; output: CheckRunOutput }) => Promise<void> {
  let sent = run.annotationsCount ?? 0;
  return async (update) => {
    const expected = sent + (update.output.annotations?.length ?? 0);
    await createOnce({
      create: () => o.forge.updateCheckRun(run.id, update).then(() => true),
      find: async () => {
        const now = (await o.forge.listCheckRuns(run.headSha, run.name)).find(
          (c) => c.id === run.id,
        );
        const arrived =
          now !== undefined &&
          (now.annotationsCount ?? 0) >= expected &&
          (update.conclusion === undefined || now.conclusion === update.conclusion);
        return arrived ? true : undefined;
      },
      delayMs: o.retryDelayMs,
    });
    sent = expected;
  };
}

export function conclusionOf(outcome: RunOutcome, failOn: FailOn): CheckConclusion {
  if (outcome.kind === 'failed') return outcome.cause === 'budget' ? 'neutral' : 'failure';
  if (outcome.kind === 'skipped') return 'neutral';
  if (outcome.blocked?.kind === 'error') return 'failure';
  if (outcome.status === 'pass') return 'success';
  if (outcome.status === undefined) return 'neutral';
  // No verdict never passes a gate.
  if (outcome.status === 'none') return 'failure';
  const threshold = SEVERITY_RANK[failOn === 'none' ? 'high' : failOn];
  return outcome.findings.some((f) => SEVERITY_RANK[f.severity] >= threshold)
    ? 'failure'
    : 'neutral';
}

function titleOf(outcome: RunOutcome, conclusion: CheckConclusion): string {
  if (outcome.kind === 'failed')
    return outcome.cause === 'budget'
      ? 'Stopped by a budget'
      : `Failed: ${outcome.message.split('\n')[0]!.slice(0, 200)}`;
  if (outcome.kind !== 'finished') return 'Skipped';
  if (outcome.blocked) return `Blocked: ${outcome.blocked.message.split('\n')[0]!.slice(0, 200)}`;
  if (outcome.status === 'none') return 'No verdict: the review could not be read';
  const n = outcome.findings.length;
  const high = outcome.findings.filter((f) => f.severity === 'high').length;
  const counts = `${n} finding${n === 1 ? '' : 's'}${high ? ` (${high} high)` : ''}`;
  if (conclusion === 'success') return n ? `Passed with ${counts}` : 'Passed';
  return `Changes requested: ${counts}`;
}

function annotationOf(c: AnchoredComment): CheckAnnotation {
  const f = c.finding;
  return {
    path: c.path,
    start_line: c.start_line ?? c.line,
    end_line: c.line,
    annotation_level: LEVEL[f.severity],
    title: f.title.slice(0, 255),
    message: (f.body || f.title).slice(0, MAX_ANNOTATION_MESSAGE),
    ...(f.suggestion ? { raw_details: f.suggestion.slice(0, MAX_ANNOTATION_MESSAGE) } : {}),
  };
}

function listText(findings: readonly Finding[], heading = 'Findings not on a diff line'): string {
  return [
    `### ${heading}`,
    '',
    ...findings.map(
      (f) => `- **${f.severity}** ${codeSpan(`${f.path}:${f.line}`)} ${escapeInlineText(f.title)}`,
    ),
  ].join('\n');
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
