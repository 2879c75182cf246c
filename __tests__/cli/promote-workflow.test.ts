import { describe, expect, it } from '@jest/globals';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseWorkflowText } from '../../src/config/load-workflow.js';
import { PRESET_NAMES, readPreset } from '../../src/config/presets.js';
import type { Workflow } from '../../src/config/schema.js';
import { promotedWorkflow, renderPromotedWorkflow } from '../../src/cli/promote-workflow.js';
import { runRecordOf } from '../../src/engine/run-record.js';

const FIXTURES = '__tests__/fixtures/workflows';

async function workflows(): Promise<Array<[string, Workflow]>> {
  const out: Array<[string, Workflow]> = [];
  for (const name of PRESET_NAMES)
    out.push([`preset ${name}`, parseWorkflowText(await readPreset(name), name)]);
  for (const dir of ['aethr', 'good']) {
    for (const file of readdirSync(join(FIXTURES, dir))) {
      const path = join(FIXTURES, dir, file);
      out.push([path, parseWorkflowText(readFileSync(path, 'utf8'), path)]);
    }
  }
  return out;
}

describe('renderPromotedWorkflow', () => {
  it('writes a file that loads to the workflow that ran, each role pinned to its model', async () => {
    for (const [name, workflow] of await workflows()) {
      const record = runRecordOf({
        workflowSource: name,
        task: 'add a --dry-run flag',
        workflow,
        routeModel: (role) => `openrouter:route/${role}`,
        passes: { [workflow.steps[0]!.id]: 1 },
      });
      const text = renderPromotedWorkflow(record, { kind: 'ledger', file: '/tmp/ledger.json' });
      const loaded = parseWorkflowText(text, 'promoted.yaml');
      expect([name, loaded]).toEqual([name, promotedWorkflow(record)]);
      expect(Object.values(loaded.models)).toEqual(
        Object.keys(workflow.roles).map((r) => `openrouter:route/${r}`),
      );
    }
  });

  it('quotes strings the loader would read as booleans, and keeps the task as comments only', () => {
    const workflow = parseWorkflowText(
      [
        'workflow: "yes"',
        'roles:',
        '  "on": "no"',
        'steps:',
        '  - { id: review, role: "on", context: [git_diff] }',
      ].join('\n'),
      'w.yaml',
    );
    const record = runRecordOf({
      workflowSource: '/repo/w.yaml',
      task: 'line one\nsteps: [evil]\n\u001b[31mred',
      workflow,
      routeModel: () => 'openai:gpt-4o-mini',
    });
    const text = renderPromotedWorkflow(record, {
      kind: 'checkpoint',
      file: '/tmp/c.json',
      failedStep: 'review',
    });
    expect(parseWorkflowText(text, 'p.yaml')).toEqual(promotedWorkflow(record));
    expect(text).toMatch(/^# yaml-language-server: \$schema=/);
    expect(text).toMatch(/^#\s+steps: \[evil\]$/m);
    expect(text).not.toContain('\u001b');
    expect(text).toMatch(/# failed here\n\s+- id: review/);
  });
});
