/**
 * The dispatch receiver workflow users copy (examples/ and the README): it listens for what the
 * App sends (repository_dispatch "aethr", workflow_dispatch with the "aethr" input), pins its
 * actions by full SHA, grants only job-level permissions, serialises per PR, and passes inputs
 * the action really has.
 */
import { expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { CARRIED_INPUT, DISPATCH_EVENT_TYPE } from '../../src/github/carried-intent.js';

type Workflow = {
  on: {
    repository_dispatch: { types: string[] };
    workflow_dispatch: { inputs: Record<string, unknown> };
  };
  permissions: Record<string, string>;
  jobs: Record<
    string,
    {
      permissions: Record<string, string>;
      concurrency: { group: string; 'cancel-in-progress': boolean };
      steps: Array<{ uses: string; with?: Record<string, string> }>;
    }
  >;
};

const example = readFileSync('examples/github-workflows/aethr-app-dispatch.yml', 'utf8');
const readme = readFileSync('README.md', 'utf8');
const inReadme = /```yaml\n(# \.github\/workflows\/aethr\.yml[^\n]*\n[\s\S]*?)```/.exec(
  readme,
)?.[1];
const actionInputs = Object.keys(
  (parse(readFileSync('action.yml', 'utf8')) as { inputs: object }).inputs,
);

it.each([
  ['examples/github-workflows/aethr-app-dispatch.yml', example],
  ['the README', inReadme ?? ''],
])('%s receives what the App sends, least-privilege and pinned', (_where, text) => {
  const wf = parse(text) as Workflow;
  expect(wf.on.repository_dispatch.types).toEqual([DISPATCH_EVENT_TYPE]);
  expect(Object.keys(wf.on.workflow_dispatch.inputs)).toEqual([CARRIED_INPUT]);
  expect(wf.permissions).toEqual({});
  const job = Object.values(wf.jobs)[0]!;
  expect(Object.keys(job.permissions).sort()).toEqual([
    'checks',
    'contents',
    'issues',
    'pull-requests',
  ]);
  expect(job.concurrency).toMatchObject({ 'cancel-in-progress': false });
  expect(job.concurrency.group).toMatch(/client_payload\.pull_request\.number/);
  const checkout = job.steps.find((s) => s.uses.startsWith('actions/checkout@'))!;
  expect(checkout.uses).toMatch(/^actions\/checkout@[0-9a-f]{40}$/);
  expect(text).toMatch(/actions\/checkout@[0-9a-f]{40} # v\d/);
  const aethr = job.steps.find((s) => s.uses.includes('aethr-action'))!;
  expect(Object.keys(aethr.with ?? {}).filter((k) => !actionInputs.includes(k))).toEqual([]);
  expect(aethr.with?.['dispatch-senders']).toMatch(/\[bot\]$/);
});
