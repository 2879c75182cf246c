/**
 * Workflow promotion: a run's record (from its checkpoint or ledger) as an `.aethr.yaml` a person
 * can edit — the roles, the models each role really used, the steps in order with their contexts,
 * backends and repeat settings — with the task and what each step did as comments. Pure.
 *
 * The file is written in YAML 1.1 style so strings such as `yes` or `on` come out quoted: the
 * loader reads those bare words as booleans (as the Aethr CLI did), and a promoted file must load
 * to the very workflow that ran.
 */
import { Document, isMap, isSeq } from 'yaml';
import type { Step, Workflow } from '../config/schema.js';
import type { RunRecord } from '../engine/run-record.js';
import { SCHEMA_COMMENT } from '../project.js';

export interface PromoteOrigin {
  kind: 'checkpoint' | 'ledger';
  file: string;
  /** A failed run: the step it failed at. */
  failedStep?: string;
}

/** What a step says by default, left out so the file reads like a hand-written one. */
function withoutDefaults(step: Step): Record<string, unknown> {
  const out: Record<string, unknown> = { ...step };
  if (step.context.length === 0) delete out.context;
  if (!step.unsafe_permissions) delete out.unsafe_permissions;
  if (step.history_visibility === 'all') delete out.history_visibility;
  return out;
}

/** The workflow that ran, with each role pinned to the model it was routed to. */
export function promotedWorkflow(record: RunRecord): Workflow {
  const { $schema: _schema, ...workflow } = record.workflow;
  const models: Record<string, string> = {};
  for (const role of Object.keys(workflow.roles)) {
    const ref = record.routes[role] ?? workflow.models[role] ?? workflow.models['default'];
    if (ref) models[role] = ref;
  }
  return { ...workflow, models };
}

/** Comment lines for text anyone wrote (the task): control characters removed, indented. */
function commentLines(text: string): string[] {
  return (
    text
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]/g, ' ')
      .split('\n')
      .map((line) => `   ${line}`.trimEnd())
  );
}

function stepNote(step: Step, record: RunRecord, origin: PromoteOrigin): string {
  const passes = record.passes[step.id] ?? 0;
  if (origin.failedStep === step.id)
    return ` ${passes ? `ran ${passes} pass${passes === 1 ? '' : 'es'}, then ` : ''}failed here`;
  if (passes === 0)
    return origin.failedStep ? ' not reached (the run failed before it)' : ' did not run';
  return ` ran ${passes} pass${passes === 1 ? '' : 'es'}`;
}

export function renderPromotedWorkflow(record: RunRecord, origin: PromoteOrigin): string {
  const workflow = promotedWorkflow(record);
  const data: Record<string, unknown> = {
    ...workflow,
    steps: workflow.steps.map(withoutDefaults),
  };
  if (workflow.description === undefined) delete data.description;
  const doc = new Document(data, { version: '1.1' });
  doc.commentBefore = [
    ` Promoted by \`aethr promote\` from the ${origin.kind} ${origin.file}`,
    ` (workflow "${workflow.workflow}" from ${record.workflowSource.replace(/^preset:/, 'the preset ')}).`,
    ' Models are the ones each role ran with. Edit freely; `aethr run --show-prompt` previews it.',
    '',
    ' Task of that run:',
    ...commentLines(record.task.trim() || '(no task given)'),
  ].join('\n');
  const steps = doc.get('steps', true);
  if (isSeq(steps)) {
    steps.items.forEach((item, i) => {
      if (isMap(item)) item.commentBefore = stepNote(workflow.steps[i]!, record, origin);
    });
  }
  return `${SCHEMA_COMMENT}\n${doc.toString({ lineWidth: 100 })}`;
}
