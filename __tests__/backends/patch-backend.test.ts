import { afterAll, describe, expect, it } from '@jest/globals';
import { existsSync, mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { createPatchBackend } from '../../src/backends/patch/patch-backend.js';
import { PatchRollbackFailed } from '../../src/backends/patch/errors.js';
import type { GitRunner } from '../../src/backends/patch/git.js';
import type { PatchPolicy } from '../../src/backends/patch/policy.js';
import type { ChatRequest } from '../../src/engine/types.js';
import { runGit } from '../../src/git/run-git.js';
import type { Validator } from '../../src/backends/patch/validators.js';
import {
  cleanupTempDirs,
  fence,
  fingerprint,
  git,
  makeRepo,
  prompt,
  read,
  scriptedModel,
  step,
  tempDir,
  writeFileAt,
} from './patch-helpers.js';

afterAll(cleanupTempDirs);

const BASE = {
  'src/app.ts': 'export function add(a: number, b: number): number {\n  return a - b;\n}\n',
  'README.md': '# Demo\n\nA demo project.\n',
  '.github/workflows/ci.yml': 'on: push\njobs: {}\n',
  'run.sh': '#!/bin/sh\necho hi\n',
  'old.txt': 'old\n',
};

const FIX_ADD = `diff --git a/src/app.ts b/src/app.ts
--- a/src/app.ts
+++ b/src/app.ts
@@ -1,3 +1,3 @@
 export function add(a: number, b: number): number {
-  return a - b;
+  return a + b;
 }
diff --git a/src/new.ts b/src/new.ts
new file mode 100644
--- /dev/null
+++ b/src/new.ts
@@ -0,0 +1,1 @@
+export const answer = 42;
`;

async function run(
  root: string,
  reply: string,
  extra: { policy?: Partial<PatchPolicy>; validators?: Validator[] } = {},
) {
  const models = scriptedModel(reply);
  const backend = createPatchBackend({ root, models, ...extra });
  const result = await backend.implement({ step, prompt, model: 'openai:gpt-test', iteration: 1 });
  return { ...result, models };
}

describe('patch backend: success', () => {
  it('applies a good diff and reports changed files, stat and patch', async () => {
    const root = makeRepo(BASE);
    const { artifact, output, usage, models } = await run(root, fence(FIX_ADD));
    expect(artifact.note).toBeUndefined();
    expect(artifact.changedFiles).toEqual(['src/app.ts', 'src/new.ts']);
    expect(read(root, 'src/app.ts')).toContain('return a + b;');
    expect(read(root, 'src/new.ts')).toBe('export const answer = 42;\n');
    expect(artifact.diffStat).toMatch(/src\/app\.ts\s+\|\s+2 \+-/);
    expect(artifact.diffStat).toMatch(/src\/new\.ts\s+\|\s+1 \+/);
    expect(artifact.diffStat).toMatch(/2 files changed, 2 insertions\(\+\), 1 deletion\(-\)/);
    expect(artifact.patch).toContain('diff --git a/src/app.ts b/src/app.ts');
    expect(artifact.patch).toContain('+  return a + b;');
    expect(artifact.patch).toContain('diff --git a/src/new.ts b/src/new.ts');
    expect(artifact.patch).toContain('new file mode 100644');
    expect(artifact.stepId).toBe('implement');
    expect(artifact.iteration).toBe(1);
    expect(output).toContain('patch backend: patch applied to 2 file(s)');
    expect(usage).toEqual({ inputTokens: 10, outputTokens: 20 });
    // The request: purpose implement, the rendered prompt plus the instruction block.
    const req = models.requests[0]!;
    expect(req.purpose).toBe('implement');
    expect(req.stepId).toBe('implement');
    expect(req.model).toBe('openai:gpt-test');
    expect(req.messages[0]).toEqual({ role: 'system', content: prompt.system });
    expect(req.messages[1]!.content).toContain('Task: make the change.');
    expect(req.messages[1]!.content).toContain('```diff');
    expect(req.messages[1]!.content).toContain('`.github/workflows/**`');
    // The artifact's patch re-applies cleanly to a fresh checkout of HEAD.
    const clone = tempDir();
    git(clone, 'clone', '-q', root, '.');
    writeFileAt(clone, '../artifact.patch', artifact.patch);
    git(clone, 'apply', '--check', join(clone, '..', 'artifact.patch'));
  });

  it('accepts the JSON edits form (search/replace and whole-file content)', async () => {
    const root = makeRepo(BASE);
    const reply =
      'I will edit two files.\n```json\n' +
      JSON.stringify({
        edits: [
          { path: 'src/app.ts', search: 'return a - b;', replace: 'return a + b;' },
          { path: 'docs/guide.md', content: '# Guide\n\nUse add().' },
        ],
      }) +
      '\n```\n';
    const { artifact } = await run(root, reply);
    expect(artifact.note).toBeUndefined();
    expect(artifact.changedFiles).toEqual(['docs/guide.md', 'src/app.ts']);
    expect(read(root, 'src/app.ts')).toContain('return a + b;');
    expect(read(root, 'docs/guide.md')).toBe('# Guide\n\nUse add().\n');
    expect(artifact.patch).toContain('+# Guide');
  });

  it('keeps the patch when the validators pass, and they run without secrets in the environment', async () => {
    const root = makeRepo(BASE);
    process.env.AETHR_TEST_API_TOKEN = 'sekrit';
    try {
      const { artifact, output } = await run(root, fence(FIX_ADD), {
        validators: [
          {
            name: 'check',
            run: [
              'node',
              '-e',
              "const fs=require('fs');if(!fs.readFileSync('src/app.ts','utf8').includes('a + b'))process.exit(3);if(process.env.AETHR_TEST_API_TOKEN)process.exit(4)",
            ],
          },
        ],
      });
      expect(artifact.note).toBeUndefined();
      expect(artifact.changedFiles).toEqual(['src/app.ts', 'src/new.ts']);
      expect(output).toMatch(/validators passed \(check; sandbox: /);
    } finally {
      delete process.env.AETHR_TEST_API_TOKEN;
    }
  });
});

describe('patch backend: refusals leave the tree byte-identical', () => {
  const refused = async (
    reply: string,
    expectNote: RegExp,
    extra: { policy?: Partial<PatchPolicy>; validators?: Validator[] } = {},
    setup?: (root: string) => void,
  ) => {
    const root = makeRepo(BASE);
    writeFileAt(root, 'scratch/untracked.txt', 'pre-existing untracked\n');
    writeFileAt(root, 'README.md', '# Demo\n\nA demo project, edited locally.\n');
    setup?.(root);
    const before = fingerprint(root);
    const { artifact, output } = await run(root, reply, extra);
    expect(artifact.changedFiles).toEqual([]);
    expect(artifact.patch).toBe('');
    expect(artifact.diffStat).toBe('');
    expect(artifact.note).toMatch(expectNote);
    expect(output).toContain('patch backend:');
    expect(fingerprint(root)).toBe(before);
    return { root, artifact };
  };

  it('refuses a patch touching .github/workflows/', async () => {
    const diff = `${FIX_ADD}diff --git a/.github/workflows/ci.yml b/.github/workflows/ci.yml
--- a/.github/workflows/ci.yml
+++ b/.github/workflows/ci.yml
@@ -1,2 +1,3 @@
 on: push
 jobs: {}
+# pwned
`;
    const { artifact } = await refused(
      fence(diff),
      /\[deny\] path ".github\/workflows\/ci.yml" matches the deny glob ".github\/workflows\/\*\*"/,
    );
    expect(artifact.note).toMatch(/^patch refused by the policy/);
    expect(artifact.refusal).toMatchObject({ stage: 'validate', rules: ['deny'] });
  });

  it('refuses a path escaping the repository with ..', async () => {
    const diff = `diff --git a/../escape.txt b/../escape.txt
new file mode 100644
--- /dev/null
+++ b/../escape.txt
@@ -0,0 +1 @@
+escaped
`;
    const { root } = await refused(
      fence(diff),
      /\[path\] path "\.\.\/escape\.txt" escapes the repository/,
    );
    expect(existsSync(join(root, '..', 'escape.txt'))).toBe(false);
  });

  it('refuses an absolute path', async () => {
    const target = join(tempDir(), 'abs.txt');
    const diff = `diff --git a/${target} b/${target}
new file mode 100644
--- /dev/null
+++ b/${target}
@@ -0,0 +1 @@
+absolute
`;
    await refused(fence(diff), /\[path\] path ".*abs\.txt" is absolute/);
    expect(existsSync(target)).toBe(false);
  });

  it("refuses a patch that fails git apply --check, with git's reason", async () => {
    const diff = `diff --git a/src/app.ts b/src/app.ts
--- a/src/app.ts
+++ b/src/app.ts
@@ -1,3 +1,3 @@
 export function add(a: number, b: number): number {
-  return a * b;
+  return a + b;
 }
`;
    const { artifact } = await refused(fence(diff), /^patch refused by git apply --check/);
    expect(artifact.note).toContain('error: patch failed: src/app.ts:1');
    expect(artifact.note).toContain('patch does not apply');
  });

  it('refuses a model reply that is garbage', async () => {
    await refused(
      'I could not figure out what to change, sorry!',
      /^no change applied: the reply contains neither a unified diff/,
    );
    await refused('', /^no change applied: the model reply is empty/);
    await refused(
      '```json\n{"edits": [{"path": "x"}]}\n```',
      /edit 1 \(x\) needs either "content", or "search" and "replace"/,
    );
  });

  it('refuses a JSON edit whose search text is missing, and an edit escaping the repository', async () => {
    await refused(
      JSON.stringify({ edits: [{ path: 'src/app.ts', search: 'nope', replace: 'x' }] }),
      /the "search" text of an edit to src\/app\.ts does not occur in the file/,
    );
    await refused(
      JSON.stringify({ edits: [{ path: '../x.txt', content: 'x' }] }),
      /escapes the repository/,
    );
    await refused(
      JSON.stringify({ edits: [{ path: '.aethr.yaml', content: 'x' }] }),
      /\[deny\] path ".aethr.yaml"/,
    );
  });

  it('refuses writing through a symlink that points outside the repository', async () => {
    const outside = tempDir();
    const diff = `diff --git a/link/pwn.txt b/link/pwn.txt
new file mode 100644
--- /dev/null
+++ b/link/pwn.txt
@@ -0,0 +1 @@
+x
`;
    await refused(
      fence(diff),
      /"link\/pwn\.txt" would be written through "link", a symbolic link to .* outside the repository/,
      {},
      (root) => symlinkSync(outside, join(root, 'link')),
    );
    expect(existsSync(join(outside, 'pwn.txt'))).toBe(false);
  });

  it('refuses size caps: bytes, files and changed lines', async () => {
    await refused(fence(FIX_ADD), /\[size\] the patch is \d+ bytes; the limit is 100/, {
      policy: { maxPatchBytes: 100 },
    });
    await refused(fence(FIX_ADD), /\[files\] the patch touches 2 files; the limit is 1/, {
      policy: { maxFiles: 1 },
    });
    await refused(fence(FIX_ADD), /\[lines\] the patch changes 3 lines; the limit is 2/, {
      policy: { maxChangedLines: 2 },
    });
  });

  it('refuses a path outside the allow globs', async () => {
    await refused(
      fence(FIX_ADD),
      /\[allow\] path "src\/app\.ts" matches none of the allow globs \("docs\/\*\*"\)/,
      {
        policy: { allow: ['docs/**'] },
      },
    );
  });
});

describe('patch backend: deletions, renames, binary and mode changes', () => {
  const DELETE = `diff --git a/old.txt b/old.txt
deleted file mode 100644
--- a/old.txt
+++ /dev/null
@@ -1 +0,0 @@
-old
`;
  const RENAME = `diff --git a/old.txt b/renamed.txt
similarity index 100%
rename from old.txt
rename to renamed.txt
`;
  const MODE = `diff --git a/run.sh b/run.sh
old mode 100755
new mode 100644
`;

  /** A binary patch creating assets/logo.bin, made by git itself. */
  function binaryPatch(): string {
    const scratch = makeRepo({ 'x.txt': 'x\n' });
    writeFileAt(scratch, 'assets/logo.bin', Buffer.from([0, 1, 2, 3, 255, 0, 10, 13, 0]));
    git(scratch, 'add', 'assets/logo.bin');
    return git(scratch, 'diff', '--cached', '--binary');
  }

  const cases: [string, () => string, RegExp, Partial<PatchPolicy>, (root: string) => void][] = [
    [
      'deletion',
      () => DELETE,
      /\[deletion\] "old\.txt" would be deleted; deletions are not allowed/,
      { allowDeletions: true },
      (root) => expect(existsSync(join(root, 'old.txt'))).toBe(false),
    ],
    [
      'rename',
      () => RENAME,
      /\[rename\] "old\.txt" would be renamed to "renamed\.txt"; renames are not allowed/,
      { allowRenames: true },
      (root) => {
        expect(existsSync(join(root, 'old.txt'))).toBe(false);
        expect(read(root, 'renamed.txt')).toBe('old\n');
      },
    ],
    [
      'binary',
      binaryPatch,
      /\[binary\] "assets\/logo\.bin" has a binary patch; binary changes are not allowed/,
      { allowBinary: true },
      (root) =>
        expect([...readFileSync(join(root, 'assets/logo.bin'))]).toEqual([
          0, 1, 2, 3, 255, 0, 10, 13, 0,
        ]),
    ],
    [
      'mode change',
      () => MODE,
      /\[mode\] "run\.sh" would change mode 100755 -> 100644; mode changes are not allowed/,
      { allowModeChanges: true },
      (root) =>
        expect(git(root, 'diff', '--summary')).toContain('mode change 100755 => 100644 run.sh'),
    ],
  ];

  for (const [label, patch, message, allow, check] of cases) {
    it(`refuses a ${label} by default and applies it when the policy allows`, async () => {
      const root = makeRepo(BASE);
      const before = fingerprint(root);
      const refused = await run(root, fence(patch()));
      expect(refused.artifact.note).toMatch(message);
      expect(fingerprint(root)).toBe(before);

      const allowed = await run(root, fence(patch()), { policy: allow });
      expect(allowed.artifact.note).toBeUndefined();
      expect(allowed.artifact.changedFiles.length).toBeGreaterThan(0);
      check(root);
    });
  }
});

describe('patch backend: validators decide', () => {
  it('rolls back when a validator fails, removing new files but keeping pre-existing untracked ones', async () => {
    const root = makeRepo(BASE);
    writeFileAt(root, 'notes/keep.txt', 'mine, untracked\n');
    writeFileAt(
      root,
      'src/app.ts',
      'export function add(a: number, b: number): number {\n  return a - b;\n}\n// local edit\n',
    );
    const before = fingerprint(root);
    const { artifact, output } = await run(root, fence(FIX_ADD), {
      validators: [
        { name: 'lint', run: ['node', '-e', 'process.exit(0)'] },
        { name: 'test', run: ['node', '-e', "console.log('1 test failed: add'); process.exit(1)"] },
      ],
    });
    expect(artifact.changedFiles).toEqual([]);
    expect(artifact.note).toMatch(/^patch rolled back: validator "test" failed/);
    expect(artifact.note).toContain('exit 1');
    expect(artifact.note).toContain('1 test failed: add');
    expect(artifact.note).toContain('passed: lint');
    expect(output).toContain('patch backend: patch rolled back: validator "test" failed');
    expect(existsSync(join(root, 'src/new.ts'))).toBe(false);
    expect(read(root, 'notes/keep.txt')).toBe('mine, untracked\n');
    expect(read(root, 'src/app.ts')).toContain('// local edit');
    expect(fingerprint(root)).toBe(before);
  });

  it('removes files a failing validator created, and restores tracked files it modified', async () => {
    const root = makeRepo(BASE);
    const before = fingerprint(root);
    const { artifact } = await run(root, fence(FIX_ADD), {
      validators: [
        {
          name: 'messy',
          run: [
            'node',
            '-e',
            "const fs=require('fs');fs.mkdirSync('coverage/deep',{recursive:true});fs.writeFileSync('coverage/deep/x.json','{}');fs.appendFileSync('README.md','junk');process.exit(2)",
          ],
        },
      ],
    });
    expect(artifact.note).toMatch(/validator "messy" failed/);
    expect(existsSync(join(root, 'coverage/deep/x.json'))).toBe(false);
    expect(read(root, 'README.md')).toBe(BASE['README.md']);
    // An empty directory is invisible to git; the files are what must be gone.
    expect(fingerprint(root).replace(/^D coverage.*\n/gm, '')).toBe(before);
  });

  it('rolls back when a validator times out', async () => {
    const root = makeRepo(BASE);
    const before = fingerprint(root);
    const started = Date.now();
    const { artifact } = await run(root, fence(FIX_ADD), {
      validators: [
        {
          name: 'hang',
          run: ['node', '-e', "console.log('starting');setInterval(()=>{},1000)"],
          timeout_seconds: 1,
        },
      ],
    });
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(artifact.note).toMatch(/validator "hang" failed \(FAILED: hang \(timed out/);
    expect(artifact.note).toContain('starting');
    expect(fingerprint(root)).toBe(before);
  });

  it('rolls back when a validator cannot start', async () => {
    const root = makeRepo(BASE);
    const before = fingerprint(root);
    const { artifact } = await run(root, fence(FIX_ADD), {
      validators: [{ name: 'missing', run: ['definitely-not-a-real-program-aethr'] }],
    });
    expect(artifact.note).toMatch(
      /validator "missing" failed .*"definitely-not-a-real-program-aethr" was not found/,
    );
    expect(fingerprint(root)).toBe(before);
  });
});

describe('patch backend: configuration', () => {
  it('refuses malformed validators when it is created', () => {
    const models = scriptedModel('x');
    expect(() =>
      createPatchBackend({ root: '.', models, validators: [{ name: 'x', run: [] }] }),
    ).toThrow(/non-empty argv array/);
    expect(() =>
      createPatchBackend({
        root: '.',
        models,
        validators: [{ name: 'x', run: ['npm test'], timeout_seconds: -1 }],
      }),
    ).toThrow(/timeout_seconds/);
  });

  it('rejects a root that is not the top level of the work tree', async () => {
    const root = makeRepo(BASE);
    mkdirSync(join(root, 'sub'));
    const models = scriptedModel(fence(FIX_ADD));
    const backend = createPatchBackend({ root: join(root, 'sub'), models });
    await expect(
      backend.implement({ step, prompt, model: 'openai:gpt-test', iteration: 1 }),
    ).rejects.toThrow(/not the top level/);
  });
});

describe('patch backend: safety nets', () => {
  const NESTED = `diff --git a/lib/deep/er/x.ts b/lib/deep/er/x.ts
new file mode 100644
--- /dev/null
+++ b/lib/deep/er/x.ts
@@ -0,0 +1 @@
+export const x = 1;
`;

  it('removes directories the rolled-back patch created', async () => {
    const root = makeRepo(BASE);
    const before = fingerprint(root);
    const { artifact } = await run(root, fence(NESTED), {
      validators: [{ name: 'no', run: ['node', '-e', 'process.exit(1)'] }],
    });
    expect(artifact.note).toMatch(/validator "no" failed/);
    expect(existsSync(join(root, 'lib'))).toBe(false);
    expect(fingerprint(root)).toBe(before);
  });

  it('refuses when git reads the patch differently from the validator', async () => {
    const root = makeRepo(BASE);
    const before = fingerprint(root);
    const liar: GitRunner = async (cwd, args, opts) => {
      const res = await runGit(cwd, args, opts);
      if (args.includes('--numstat'))
        return { ...res, stdout: res.stdout.replace('src/new.ts', '.github/workflows/evil.yml') };
      return res;
    };
    const backend = createPatchBackend({ root, models: scriptedModel(fence(FIX_ADD)), git: liar });
    const { artifact } = await backend.implement({
      step,
      prompt,
      model: 'openai:gpt-test',
      iteration: 1,
    });
    expect(artifact.note).toMatch(
      /^patch refused \(git reads it differently from the validator\): .*evil\.yml/,
    );
    expect(fingerprint(root)).toBe(before);
  });

  it('rolls back when applying changed a path the patch did not name', async () => {
    const root = makeRepo(BASE);
    const before = fingerprint(root);
    const sneaky: GitRunner = async (cwd, args, opts) => {
      const res = await runGit(cwd, args, opts);
      if (args[0] === 'apply' && args.length === 3 && args[1] === '--whitespace=nowarn')
        writeFileAt(root, 'surprise.txt', 'boo\n');
      return res;
    };
    const backend = createPatchBackend({
      root,
      models: scriptedModel(fence(FIX_ADD)),
      git: sneaky,
    });
    const { artifact } = await backend.implement({
      step,
      prompt,
      model: 'openai:gpt-test',
      iteration: 1,
    });
    expect(artifact.note).toMatch(
      /^patch changed more than it declared; rolled back: "surprise\.txt" changed although the patch does not name it/,
    );
    expect(fingerprint(root)).toBe(before);
  });

  it('throws PatchRollbackFailed when the tree cannot be restored (a validator committed)', async () => {
    const root = makeRepo(BASE);
    const backend = createPatchBackend({
      root,
      models: scriptedModel(fence(FIX_ADD)),
      validators: [
        {
          name: 'commits',
          run: [
            'git',
            '-c',
            'user.name=x',
            '-c',
            'user.email=x@x',
            'commit',
            '-q',
            '--allow-empty',
            '-m',
            'sneaky',
          ],
        },
        { name: 'fails', run: ['node', '-e', 'process.exit(1)'] },
      ],
    });
    const failure = backend.implement({ step, prompt, model: 'openai:gpt-test', iteration: 1 });
    await expect(failure).rejects.toBeInstanceOf(PatchRollbackFailed);
    await expect(failure).rejects.toThrow(/HEAD is [0-9a-f]{40}, was [0-9a-f]{40}/);
    // The files themselves were still put back.
    expect(existsSync(join(root, 'src/new.ts'))).toBe(false);
    expect(read(root, 'src/app.ts')).toBe(BASE['src/app.ts']);
  });

  it('passes the mock flag and streams the reply', async () => {
    const root = makeRepo(BASE);
    const chunks: string[] = [];
    const models = {
      async chat(request: ChatRequest, onDelta?: (c: string) => void) {
        onDelta?.('partial');
        return { text: 'no diff here', model: request.model, mock: true };
      },
    };
    const backend = createPatchBackend({ root, models });
    const result = await backend.implement({
      step,
      prompt,
      model: 'mock:m',
      iteration: 2,
      onDelta: (c) => chunks.push(c),
    });
    expect(result.mock).toBe(true);
    expect(result.usage).toBeUndefined();
    expect(result.artifact.iteration).toBe(2);
    expect(result.artifact.note).toMatch(/^no change applied/);
    expect(chunks).toEqual(['partial']);
  });
});

describe('patch backend: rollback of every kind of change', () => {
  it('restores deletions, renames, mode changes and binary files when a validator fails', async () => {
    const root = makeRepo(BASE);
    const scratch = makeRepo({ 'x.txt': 'x\n' });
    writeFileAt(scratch, 'assets/logo.bin', Buffer.from([0, 1, 2, 3, 255, 0]));
    git(scratch, 'add', 'assets/logo.bin');
    const binary = git(scratch, 'diff', '--cached', '--binary');
    const combined =
      FIX_ADD +
      'diff --git a/old.txt b/moved/old.txt\nsimilarity index 100%\nrename from old.txt\nrename to moved/old.txt\n' +
      'diff --git a/run.sh b/run.sh\nold mode 100755\nnew mode 100644\n' +
      'diff --git a/README.md b/README.md\ndeleted file mode 100644\n--- a/README.md\n+++ /dev/null\n@@ -1,3 +0,0 @@\n-# Demo\n-\n-A demo project.\n' +
      binary;
    const before = fingerprint(root);
    const everything = {
      allowDeletions: true,
      allowRenames: true,
      allowModeChanges: true,
      allowBinary: true,
    };
    const { artifact } = await run(root, fence(combined), {
      policy: everything,
      validators: [
        {
          name: 'inspect',
          run: [
            'node',
            '-e',
            "const fs=require('fs');process.exit(fs.existsSync('moved/old.txt')&&!fs.existsSync('README.md')&&fs.existsSync('assets/logo.bin')?1:9)",
          ],
        },
      ],
    });
    expect(artifact.note).toMatch(/validator "inspect" failed \(FAILED: inspect \(exit 1/);
    expect(fingerprint(root)).toBe(before);

    // And the same patch is kept when the validators pass.
    const kept = await run(root, fence(combined), { policy: everything });
    expect(kept.artifact.note).toBeUndefined();
    expect(kept.artifact.changedFiles).toEqual([
      'README.md',
      'assets/logo.bin',
      'moved/old.txt',
      'old.txt',
      'run.sh',
      'src/app.ts',
      'src/new.ts',
    ]);
    expect(kept.artifact.patch).toContain('GIT binary patch');
    expect(kept.artifact.diffStat).toContain('7 files changed');
  });
});
