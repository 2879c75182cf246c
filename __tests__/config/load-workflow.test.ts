import { describe, expect, it } from '@jest/globals';
import { mkdtemp, readdir, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import {
  ConfigError,
  formatConfigError,
  loadWorkflowFile,
  parseWorkflowText,
} from '../../src/config/load-workflow.js';
import type { Workflow } from '../../src/config/schema.js';

const FIXTURES = join(process.cwd(), '__tests__/fixtures/workflows');

async function loadError(path: string, display: string): Promise<ConfigError> {
  try {
    await loadWorkflowFile(path, display);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error(`${display} loaded without an error`);
}

function parseError(text: string, display = 'inline.yaml'): ConfigError {
  try {
    parseWorkflowText(text, display);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error('parsed without an error');
}

type Step = Workflow['steps'][number];
const step = (fields: Partial<Step> & { id: string; role: string }): Step => ({
  context: [],
  unsafe_permissions: false,
  history_visibility: 'all',
  ...fields,
});

describe('workflow files written for the Aethr CLI load unchanged', () => {
  const expected: Record<string, Workflow> = {
    'review-existing-diff.yaml': {
      workflow: 'review-existing-diff',
      roles: { reviewer: 'Review the provided task context as if it were an existing diff.' },
      models: { reviewer: 'openai:gpt-4o-mini' },
      steps: [step({ id: 'review', role: 'reviewer', context: ['git_diff'] })],
    },
    'opencode-implement-review.yaml': {
      workflow: 'implement-and-review',
      roles: {
        implementer: 'Implement the task in the working tree.',
        reviewer: 'Review the latest implementation.',
      },
      models: {},
      steps: [
        step({
          id: 'implement',
          role: 'implementer',
          backend: 'opencode',
          unsafe_permissions: true,
        }),
        step({ id: 'review', role: 'reviewer', history_visibility: 'none' }),
      ],
    },
    'repeat.yaml': {
      workflow: 'review-fix-loop',
      roles: {
        implementer: 'Implement the task, addressing the latest review findings.',
        reviewer:
          'Review the latest implementation. End with the line "Review status: pass" or "Review status: revise".',
      },
      models: { default: 'openai:gpt-4o-mini' },
      steps: [
        step({ id: 'implement', role: 'implementer', backend: 'opencode' }),
        step({
          id: 'review',
          role: 'reviewer',
          repeat: { back_to: 'implement', until_review_pass: true, max_iterations: 3 },
        }),
      ],
    },
    'history-visibility.yaml': {
      workflow: 'implement-latest-only',
      roles: { implementer: 'Implement the task.' },
      models: {},
      steps: [
        step({
          id: 'implement',
          role: 'implementer',
          backend: 'opencode',
          history_visibility: 'latest',
        }),
      ],
    },
    'review-docs.yaml': {
      workflow: 'docs-review',
      roles: { reviewer: 'Review the docs against the diff.' },
      models: { reviewer: 'anthropic:claude-sonnet-4' },
      steps: [
        step({
          id: 'review-docs',
          role: 'reviewer',
          context: ['git_diff', 'file:README.md', 'glob:docs/**/*.md'],
        }),
      ],
    },
  };

  it('covers every fixture in aethr/', async () => {
    expect((await readdir(join(FIXTURES, 'aethr'))).sort()).toEqual(Object.keys(expected).sort());
  });

  for (const [name, workflow] of Object.entries(expected)) {
    it(name, async () => {
      await expect(loadWorkflowFile(join(FIXTURES, 'aethr', name))).resolves.toEqual(workflow);
    });
  }

  it('reads anchors, merge keys, PyYAML booleans and $schema as the Aethr CLI would', async () => {
    const workflow = await loadWorkflowFile(join(FIXTURES, 'good/yaml-features.yaml'));
    expect(workflow.roles['second_reviewer']).toBe('Review the change.');
    expect(workflow.steps.map((s) => [s.id, s.backend, s.unsafe_permissions])).toEqual([
      ['implement', 'opencode', true],
      ['implement-again', 'opencode', false],
      ['review', undefined, false],
    ]);
    expect(workflow.steps[2]!.context).toEqual(['latest_diff', 'pr_description']);
  });
});

interface BadCase {
  file: string;
  line: number;
  column?: number;
  path: string;
  message: RegExp;
  fix: RegExp;
}

const BAD: BadCase[] = [
  {
    file: 'unclosed-quote.yaml',
    line: 1,
    column: 11,
    path: '',
    message: /quote is never closed/,
    fix: /closing quote/,
  },
  {
    file: 'tab-indent.yaml',
    line: 3,
    column: 1,
    path: '',
    message: /Tabs are not allowed/,
    fix: /indent with spaces/,
  },
  {
    file: 'colon-in-value.yaml',
    line: 3,
    column: 13,
    path: '',
    message: /YAML syntax/,
    fix: /in quotes/,
  },
  {
    file: 'multiple-docs.yaml',
    line: 7,
    path: '',
    message: /more than one YAML document/,
    fix: /single YAML document/,
  },
  {
    file: 'unknown-top-level-key.yaml',
    line: 4,
    column: 1,
    path: 'model',
    message: /unknown key "model"/,
    fix: /did you mean "models"\?/,
  },
  {
    file: 'unknown-step-key.yaml',
    line: 7,
    column: 5,
    path: 'steps[0].histroy_visibility',
    message: /unknown key "histroy_visibility"/,
    fix: /did you mean "history_visibility"\?/,
  },
  {
    file: 'unknown-key-no-match.yaml',
    line: 7,
    column: 5,
    path: 'steps[0].temperature',
    message: /unknown key "temperature"/,
    fix: /allowed keys here are "id", "role", .*"repeat"/,
  },
  {
    file: 'repeat-key-outside-repeat.yaml',
    line: 7,
    column: 5,
    path: 'steps[0].back_to',
    message: /unknown key "back_to"/,
    fix: /under "repeat:"/,
  },
  {
    file: 'wrong-type.yaml',
    line: 7,
    column: 14,
    path: 'steps[0].context',
    message: /expected a list, got the text "git_diff"/,
    fix: /context: \[git_diff\]/,
  },
  {
    file: 'wrong-type-boolean.yaml',
    line: 8,
    column: 25,
    path: 'steps[0].unsafe_permissions',
    message: /expected true or false, got the text "always"/,
    fix: /write true or false/,
  },
  {
    file: 'bad-enum.yaml',
    line: 7,
    column: 25,
    path: 'steps[0].history_visibility',
    message: /"latests" is not allowed here; expected one of "all", "latest", "summary" or "none"/,
    fix: /did you mean "latest"\?/,
  },
  {
    file: 'bad-backend.yaml',
    line: 7,
    column: 14,
    path: 'steps[0].backend',
    message: /"codex" is not allowed here/,
    fix: /write one of "llm", "opencode" or "patch"/,
  },
  {
    file: 'role-undefined.yaml',
    line: 6,
    column: 11,
    path: 'steps[0].role',
    message: /role "reviwer" is not defined under "roles"/,
    fix: /did you mean "reviewer"\?/,
  },
  {
    file: 'missing-role-key.yaml',
    line: 5,
    path: 'steps[0].role',
    message: /missing required key "role"/,
    fix: /add "role: /,
  },
  {
    file: 'back-to-unknown.yaml',
    line: 11,
    column: 16,
    path: 'steps[1].repeat.back_to',
    message: /"implemnt" is not the id of any step/,
    fix: /did you mean "implement"\?/,
  },
  {
    file: 'back-to-later.yaml',
    line: 9,
    column: 16,
    path: 'steps[0].repeat.back_to',
    message: /names a later step \(steps\[1\]\)/,
    fix: /write one of "implement"/,
  },
  {
    file: 'max-iterations-zero.yaml',
    line: 12,
    column: 23,
    path: 'steps[1].repeat.max_iterations',
    message: /must be at least 1, got 0/,
    fix: /from 1 to 20/,
  },
  {
    file: 'duplicate-step-id.yaml',
    line: 7,
    column: 9,
    path: 'steps[1].id',
    message: /step id "review" is already used by steps\[0\]/,
    fix: /its own id/,
  },
  {
    file: 'duplicate-key.yaml',
    line: 7,
    column: 5,
    path: '',
    message: /duplicate key "role": a key may appear only once/,
    fix: /keep one of/,
  },
  { file: 'alias-bomb.yaml', line: 3, column: 8, path: '', message: /alias bomb/, fix: /alias/ },
  {
    file: 'empty.yaml',
    line: 1,
    column: 1,
    path: '',
    message: /no content/,
    fix: /for example:\nworkflow: review\nroles:\n {2}reviewer: /,
  },
  {
    file: 'comments-only.yaml',
    line: 1,
    column: 1,
    path: '',
    message: /no content/,
    fix: /workflow:/,
  },
  {
    file: 'top-level-list.yaml',
    line: 1,
    column: 1,
    path: '',
    message: /top level must be a mapping.*it is a list/,
    fix: /steps:/,
  },
  {
    file: 'model-without-provider.yaml',
    line: 5,
    column: 13,
    path: 'models.reviewer',
    message: /model "gpt4" has no provider/,
    fix: /write "openai:gpt4"/,
  },
  {
    file: 'models-unknown-role.yaml',
    line: 5,
    column: 3,
    path: 'models.reveiwer',
    message: /neither a role nor "default"/,
    fix: /did you mean "reviewer"\?/,
  },
  {
    file: 'unknown-context-source.yaml',
    line: 8,
    column: 9,
    path: 'steps[0].context[0]',
    message: /unknown context source "git-diff"/,
    fix: /did you mean "git_diff"\?/,
  },
  {
    file: 'context-file-with-space.yaml',
    line: 9,
    column: 9,
    path: 'steps[0].context[1]',
    message: /expected text, got a mapping/,
    fix: /"file:README.md"/,
  },
  {
    file: 'missing-steps.yaml',
    line: 1,
    column: 1,
    path: 'steps',
    message: /missing required key "steps"/,
    fix: /add "steps:"/,
  },
  {
    file: 'unsafe-permissions-llm.yaml',
    line: 7,
    column: 5,
    path: 'steps[0].unsafe_permissions',
    message: /only applies to the opencode backend.*llm, the default/,
    fix: /backend: opencode/,
  },
];

describe('malformed workflow files: file, line, path and a fix', () => {
  it('has a case for every committed bad fixture (multiple-problems is tested below)', async () => {
    const files = (await readdir(join(FIXTURES, 'bad'))).filter(
      (f) => f !== 'multiple-problems.yaml',
    );
    expect(files.sort()).toEqual(BAD.map((c) => c.file).sort());
    expect(files.length).toBeGreaterThanOrEqual(18);
  });

  for (const c of BAD) {
    it(c.file, async () => {
      const display = `bad/${c.file}`;
      const err = await loadError(join(FIXTURES, 'bad', c.file), display);
      expect(err.name).toBe('ConfigError');
      expect(err.file).toBe(display);
      const [problem] = err.problems;
      expect(problem).toBeDefined();
      expect(problem!.line).toBe(c.line);
      if (c.column !== undefined) expect(problem!.column).toBe(c.column);
      expect(problem!.path).toBe(c.path);
      expect(problem!.message).toMatch(c.message);
      expect(problem!.fix).toMatch(c.fix);
      // The message carries all of it: FILE:LINE:COL: PATH: MESSAGE — FIX.
      const firstLine = err.message.split('\n')[0]!;
      expect(firstLine.startsWith(`${display}:${c.line}:${problem!.column}: `)).toBe(true);
      if (c.path !== '') expect(firstLine).toContain(` ${c.path}: `);
      expect(firstLine).toContain(' — ');
      expect(err.hint).toContain(display);
    });
  }

  it('shows a multi-line fix (the minimal example) indented under its problem line', async () => {
    const err = await loadError(join(FIXTURES, 'bad/empty.yaml'), 'empty.yaml');
    expect(err.message.split('\n')).toEqual([
      'empty.yaml:1:1: the file has no content (it is empty or only comments) — write a workflow, for example:',
      '    workflow: review',
      '    roles:',
      '      reviewer: Review the diff and list concrete problems.',
      '    steps:',
      '      - { id: review, role: reviewer, context: [git_diff] }',
    ]);
  });

  it('reports every problem of a file at once, sorted by line', async () => {
    const err = await loadError(join(FIXTURES, 'bad/multiple-problems.yaml'), 'many.yaml');
    expect(err.problems.map((p) => [p.line, p.path])).toEqual([
      [5, 'models.reviewer'],
      [8, 'steps[0].role'],
      [9, 'steps[0].histroy_visibility'],
      [12, 'steps[0].context[1]'],
      [13, 'steps[1].id'],
      [16, 'steps[1].repeat.back_to'],
      [17, 'steps[1].repeat.max_iterations'],
    ]);
    const lines = err.message.split('\n');
    expect(lines).toHaveLength(7);
    expect(lines[0]).toBe(
      'many.yaml:5:13: models.reviewer: model "gpt-4o" has no provider; models are written "provider:model" — write "openai:gpt-4o"',
    );
    expect(lines[3]).toMatch(
      /^many\.yaml:12:9: steps\[0\]\.context\[1\]: .*did you mean "latest_diff"\?$/,
    );
    expect(lines[6]).toMatch(/must be at most 20, got 50/);
    expect(formatConfigError(err)).toMatch(/^many\.yaml: 7 problems in the workflow file\n/);
  });

  it('reports several context-source mistakes in one list, each with what to write', () => {
    const text = [
      'workflow: w',
      'roles: { reviewer: R }',
      'steps:',
      '  - id: review',
      '    role: reviewer',
      '    context: [git-diff, "file: README.md", "file:", docs/guide.md, "glob:", fiel:a.md, pr-description]',
    ].join('\n');
    const err = parseError(text);
    expect(err.problems.map((p) => [p.path, p.fix])).toEqual([
      ['steps[0].context[0]', 'did you mean "git_diff"?'],
      ['steps[0].context[1]', 'write "file:README.md"'],
      ['steps[0].context[2]', 'write it right after the colon, e.g. "file:README.md"'],
      ['steps[0].context[3]', 'write "file:docs/guide.md"'],
      ['steps[0].context[4]', 'write it right after the colon, e.g. "glob:docs/**/*.md"'],
      ['steps[0].context[5]', 'did you mean "file:a.md"?'],
      ['steps[0].context[6]', 'did you mean "pr_description"?'],
    ]);
    expect(new Set(err.problems.map((p) => p.line))).toEqual(new Set([6]));
  });
});

describe('file-level limits', () => {
  async function withTempDir(run: (dir: string) => Promise<void>): Promise<void> {
    const dir = await mkdtemp(join(tmpdir(), 'aethr-config-'));
    try {
      await run(dir);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  it('rejects bytes that are not UTF-8, at the line and column of the first bad byte', () =>
    withTempDir(async (dir) => {
      const path = join(dir, 'latin1.yaml');
      const head = Buffer.from(
        'workflow: caf\u00e9\nroles:\n  reviewer: R\u00e9sum\u00e9 ',
        'utf8',
      );
      await writeFile(
        path,
        Buffer.concat([head, Buffer.from([0xe9, 0x0a]), Buffer.from('steps: []\n')]),
      );
      const err = await loadError(path, 'latin1.yaml');
      expect(err.problems).toHaveLength(1);
      expect(err.problems[0]).toMatchObject({ line: 3, column: 20 });
      expect(err.message).toMatch(
        /^latin1\.yaml:3:20: the file is not valid UTF-8 \(byte 0xE9 .*— save the file as UTF-8/,
      );
    }));

  it('rejects a 10 MB file with one problem at 1:1, without reading it', () =>
    withTempDir(async (dir) => {
      const path = join(dir, 'huge.yaml');
      await writeFile(path, 'workflow: huge\n');
      await truncate(path, 10 * 1000 * 1000); // sparse: cheap to create
      const started = performance.now();
      const err = await loadError(path, 'huge.yaml');
      expect(performance.now() - started).toBeLessThan(500);
      expect(err.problems).toEqual([
        expect.objectContaining({
          line: 1,
          column: 1,
          message: expect.stringMatching(/9\.5 MiB; a workflow file may be at most 1 MiB/),
        }),
      ]);
      expect(err.message.startsWith('huge.yaml:1:1: ')).toBe(true);
    }));

  it('applies the same cap to text handed to parseWorkflowText', () => {
    const err = parseError(`workflow: x\n# ${'x'.repeat(1024 * 1024)}\n`, 'big.yaml');
    expect(err.problems).toHaveLength(1);
    expect(err.problems[0]).toMatchObject({ line: 1, column: 1 });
  });

  it('says a missing file does not exist, and names it relative to the working directory', async () => {
    const path = join(FIXTURES, 'no-such-file.yaml');
    const err = await loadWorkflowFile(path).then(
      () => undefined,
      (e: unknown) => e as ConfigError,
    );
    if (err === undefined) throw new Error('loaded a missing file');
    expect(err).toBeInstanceOf(ConfigError);
    expect(err.file).toBe(relative(process.cwd(), path));
    expect(err.message).toBe(
      `${relative(process.cwd(), path)}: the workflow file does not exist — create it (e.g. copy a preset), or pass the right path`,
    );
  });

  it('says a directory is not a workflow file', async () => {
    const err = await loadError(FIXTURES, 'workflows');
    expect(err.problems[0]!.message).toMatch(/directory/);
  });

  it('loads the same workflow from disk and from text', async () => {
    const path = join(FIXTURES, 'aethr/repeat.yaml');
    expect(parseWorkflowText(await readFile(path, 'utf8'), 'repeat.yaml')).toEqual(
      await loadWorkflowFile(path),
    );
  });
});

describe('messages for other common mistakes', () => {
  const head = 'workflow: w\nroles:\n  reviewer: R\n';
  const one = (text: string) => {
    const err = parseError(text, 'f.yaml');
    return err.problems.map((p) => `${p.line}:${p.column} ${p.path}: ${p.message} — ${p.fix}`);
  };

  it.each([
    [
      'workflow: w\nroles:\n  my role: R\nsteps:\n  - {id: a, role: my role}\n',
      '3:3 roles["my role"]: role name "my role" may only use letters, digits, "-", "_" and "." (and must start with a letter or digit) — write e.g. "my-role"',
    ],
    [
      `${head}models:\n  reviewer: openai/gpt-4o\nsteps:\n  - {id: a, role: reviewer}\n`,
      '5:13 models.reviewer: model "openai/gpt-4o" has no provider; models are written "provider:model" — write "openai:gpt-4o"',
    ],
    [
      `${head}models:\n  reviewer: "anthropic: claude-sonnet-4"\nsteps:\n  - {id: a, role: reviewer}\n`,
      '5:13 models.reviewer: model "anthropic: claude-sonnet-4" has no provider; models are written "provider:model" — write "anthropic:claude-sonnet-4"',
    ],
    [
      `${head}steps: []\n`,
      '4:8 steps: must not be empty — add at least one step, e.g. "- id: review" with "role: reviewer" under it',
    ],
    [
      'workflow: w\nroles:\nsteps:\n  - {id: a, role: reviewer}\n',
      '2:1 roles: expected a mapping, got an empty value — write one "<role>: <instructions>" per line under "roles:", e.g. "reviewer: Review the diff."',
    ],
    [
      `${head}steps:\n  - id: no\n    role: reviewer\n`,
      '5:9 steps[0].id: expected text, got false — put it in quotes: "no"',
    ],
    [
      `${head}steps:\n  - review\n`,
      '5:5 steps[0]: expected a mapping, got the text "review" — write each step as a mapping: "- id: review" with "role: <role>" under it',
    ],
    [
      `${head}steps:\n  - {id: a, role: reviewer, repeat: {back_to: a, max_iterations: 2.5}}\n`,
      '5:66 steps[0].repeat.max_iterations: expected a whole number, got 2.5 — write a whole number, e.g. 3',
    ],
    [
      `${head}steps:\n  - {id: a, role: reviewer, repeat: {back_to: a, max_iterations: "3"}}\n`,
      '5:66 steps[0].repeat.max_iterations: expected a number, got the text "3" — write the number without quotes: 3',
    ],
    [
      `${head}steps:\n  - id: "bad id!"\n    role: reviewer\n`,
      '5:9 steps[0].id: step id "bad id!" is not valid: use letters, digits, "-", "_" or "." — write e.g. "bad-id"',
    ],
    [
      `${head}? [a, b]\n: c\nsteps:\n  - {id: a, role: reviewer}\n`,
      '4:3 : a key must be a plain word, not a list — write the key as text, e.g. "reviewer:"',
    ],
    [
      `${head}steps:\n  - {id: a, role: reviewer, backend: patch, unsafe_permissions: true}\n`,
      `5:45 steps[0].unsafe_permissions: unsafe_permissions only applies to the opencode backend, and this step's backend is patch — add "backend: opencode" to this step, or remove "unsafe_permissions: true"`,
    ],
    [
      '{workflow: w, roles: {reviewer: R}, steps: [{id: a, role: reviewr}]}',
      '1:59 steps[0].role: role "reviewr" is not defined under "roles" — did you mean "reviewer"?',
    ],
  ])('%j', (text, expected) => {
    expect(one(text)).toEqual([expected]);
  });

  it('reports an unknown repeat key and the missing one it was meant to be', () => {
    expect(
      one(
        `${head}steps:\n  - id: a\n    role: reviewer\n    context:\n    repeat: {back_to: a, max_iter: 3}\n`,
      ),
    ).toEqual([
      '7:5 steps[0].context: expected a list, got an empty value — write a list, one "- <item>" per line under "context:"',
      '8:5 steps[0].repeat.max_iterations: missing required key "max_iterations" — add "max_iterations: 3" (a whole number from 1 to 20)',
      '8:26 steps[0].repeat.max_iter: unknown key "max_iter" — did you mean "max_iterations"?',
    ]);
  });

  it('refuses absurd nesting with a syntax problem instead of crashing', () => {
    const problems = one(`${'['.repeat(5000)}${']'.repeat(5000)}`);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/nested too deeply/);
  });

  it('lists the allowed role names when a role is not close to any of them', () => {
    expect(one(`${head}  writer: W\nsteps:\n  - {id: a, role: planner}\n`)).toEqual([
      '6:19 steps[0].role: role "planner" is not defined under "roles" — use one of "reviewer" or "writer", or add "planner: <instructions>" under "roles:"',
    ]);
  });
});

describe('learnings and label_context', () => {
  const head = 'workflow: w\nroles:\n  reviewer: R\n';
  const problems = (text: string) =>
    parseError(text, 'f.yaml').problems.map(
      (p) => `${p.line}:${p.column} ${p.path}: ${p.message} — ${p.fix}`,
    );

  it('loads both keys, with any labels and every context form', () => {
    const workflow = parseWorkflowText(
      [
        head,
        'learnings: .aethr/learnings.md',
        'label_context:',
        '  security: [file:SECURITY.md, learnings]',
        '  "area: docs": ["glob:docs/**/*.md", pr_description]',
        '  no-such-label-anywhere: [git_diff]',
        'steps:',
        '  - { id: review, role: reviewer, context: [git_diff, learnings] }',
      ].join('\n'),
      'f.yaml',
    );
    expect(workflow.learnings).toBe('.aethr/learnings.md');
    expect(Object.keys(workflow.label_context!)).toEqual([
      'security',
      'area: docs',
      'no-such-label-anywhere',
    ]);
  });

  it('reports unknown source forms in label_context with the usual fix, at their line', () => {
    expect(
      problems(
        `${head}label_context:\n  security: [file:SECURITY.md, SECURITY.md, git-diff]\nsteps:\n  - {id: a, role: reviewer}\n`,
      ),
    ).toEqual([
      '5:32 label_context.security[1]: "SECURITY.md" looks like a path but has no "file:" prefix — write "file:SECURITY.md"',
      '5:45 label_context.security[2]: unknown context source "git-diff" — did you mean "git_diff"?',
    ]);
  });

  it('needs learnings: for a learnings source, and a path inside the repository', () => {
    expect(problems(`${head}steps:\n  - {id: a, role: reviewer, context: [learnings]}\n`)).toEqual([
      '5:39 steps[0].context[0]: the "learnings" context needs a learnings file, and the workflow declares none — add "learnings: .aethr/learnings.md" at the top level (any file inside the repository)',
    ]);
    for (const [path, why] of [
      ['../notes.md', 'leaves the repository through ".."'],
      ['/etc/notes.md', 'is an absolute path'],
      ['.git/notes', "is inside git's own .git directory"],
      ['docs/', 'names a directory, not a file'],
    ]) {
      expect(
        problems(
          `${head}learnings: ${JSON.stringify(path)}\nsteps:\n  - {id: a, role: reviewer}\n`,
        ),
      ).toEqual([
        `4:12 learnings: learnings ${JSON.stringify(path)} ${why} — name a file inside the repository, relative to its root, e.g. ".aethr/learnings.md"`,
      ]);
    }
  });
});
