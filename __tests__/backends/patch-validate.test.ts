import { describe, expect, it } from '@jest/globals';
import { parseDiff } from '../../src/backends/patch/diff-parse.js';
import { DEFAULT_DENY } from '../../src/backends/patch/policy.js';
import { validatePatch } from '../../src/backends/patch/validate-patch.js';
import type { PatchProblem } from '../../src/backends/patch/validate-patch.js';

const newFile = (path: string, header = path): string =>
  `diff --git a/${header} b/${header}\nnew file mode 100644\n--- /dev/null\n+++ b/${path}\n@@ -0,0 +1,1 @@\n+x\n`;
const modify = (path: string): string =>
  `diff --git a/${path} b/${path}\n--- a/${path}\n+++ b/${path}\n@@ -1,1 +1,1 @@\n-a\n+b\n`;

function problems(patch: string, policy = {}): PatchProblem[] {
  const v = validatePatch(patch, policy);
  if (v.ok) throw new Error('expected a refusal');
  return v.problems;
}

describe('validatePatch', () => {
  it('accepts a plain change and describes it', () => {
    const v = validatePatch(modify('src/a.ts') + newFile('src/b.ts'));
    expect(v).toEqual({
      ok: true,
      changedLines: 3,
      files: [
        { path: 'src/a.ts', change: 'modify', binary: false, additions: 1, deletions: 1 },
        {
          path: 'src/b.ts',
          change: 'add',
          binary: false,
          newMode: '100644',
          additions: 1,
          deletions: 0,
        },
      ],
    });
  });

  it.each([
    ['../up.txt', 'path', '"../up.txt" escapes the repository ("..")'],
    ['a/../../up.txt', 'path', '"a/../../up.txt" escapes the repository ("..")'],
    ['/etc/passwd', 'path', '"/etc/passwd" is absolute'],
    ['C:/x.txt', 'path', '"C:/x.txt" is absolute (drive letter)'],
    ['a//b.txt', 'path', '"a//b.txt" is not normalised'],
    ['./a.txt', 'path', '"./a.txt" is not normalised'],
    ['a\\b.txt', 'path', '"a\\\\b.txt" contains a backslash'],
    ['.git/config', 'git-dir', '".git/config" is inside a .git directory'],
    ['vendor/lib/.git/hooks/pre-commit', 'git-dir', 'is inside a .git directory'],
    ['.GIT/config', 'git-dir', 'is inside a .git directory'],
    [
      '.github/workflows/ci.yml',
      'deny',
      '".github/workflows/ci.yml" matches the deny glob ".github/workflows/**"',
    ],
    ['.GitHub/Workflows/ci.yml', 'deny', 'matches the deny glob ".github/workflows/**"'],
    ['.github/actions/setup/action.yml', 'deny', '".github/actions/**"'],
    ['.aethr.yaml', 'deny', '".aethr.yaml"'],
    ['.env', 'deny', '".env"'],
    ['.env.production', 'deny', '".env.*"'],
    ['services/api/.env', 'deny', '".env"'],
    ['AGENTS.md', 'deny', '"AGENTS.md"'],
    ['packages/x/CLAUDE.md', 'deny', '"CLAUDE.md"'],
    ['.claude/settings.json', 'deny', '".claude/**"'],
    ['.cursor/rules/x.mdc', 'deny', '".cursor/**"'],
    ['.cursorrules', 'deny', '".cursorrules"'],
    ['.opencode/agent.md', 'deny', '".opencode/**"'],
    ['opencode.json', 'deny', '"opencode.json"'],
    ['.github/copilot-instructions.md', 'deny', '".github/copilot-instructions.md"'],
  ])('refuses %s (%s)', (path, rule, message) => {
    const found = problems(newFile(path));
    expect(found).toHaveLength(1);
    expect(found[0]!.rule).toBe(rule);
    expect(found[0]!.path).toBe(path);
    expect(found[0]!.message).toContain(message);
  });

  it('knows every default deny glob', () => {
    expect(DEFAULT_DENY).toEqual(
      expect.arrayContaining([
        '.github/workflows/**',
        '.git/**',
        '.aethr.yaml',
        'AGENTS.md',
        'CLAUDE.md',
        '.env',
        '.env.*',
      ]),
    );
    expect(validatePatch(newFile('.github/dependabot.yml')).ok).toBe(false);
    expect(validatePatch(newFile('docs/environment.md')).ok).toBe(true);
  });

  it('reads the path from ---/+++ like git does, not from a spoofed diff --git line', () => {
    const found = problems(newFile('.github/workflows/x.yml', 'README.md'));
    expect(found.map((p) => p.path)).toEqual(['.github/workflows/x.yml']);
  });

  it('checks the source of renames and copies too', () => {
    const rename =
      'diff --git a/.github/workflows/ci.yml b/ci.yml\nsimilarity index 100%\nrename from .github/workflows/ci.yml\nrename to ci.yml\n';
    expect(problems(rename, { allowRenames: true })).toEqual([
      {
        path: '.github/workflows/ci.yml',
        rule: 'deny',
        message:
          'rename source ".github/workflows/ci.yml" matches the deny glob ".github/workflows/**"',
      },
    ]);
    const copy =
      'diff --git a/.env b/leak.txt\nsimilarity index 100%\ncopy from .env\ncopy to leak.txt\n';
    expect(
      problems(copy)
        .map((p) => p.rule)
        .sort(),
    ).toEqual(['copy', 'deny']);
    // An empty deny list does not remove the protected paths.
    expect(validatePatch(copy, { allowCopies: true, deny: [] }).ok).toBe(false);
  });

  it('refuses symlinks, submodules and invalid modes', () => {
    const link =
      'diff --git a/l b/l\nnew file mode 120000\n--- /dev/null\n+++ b/l\n@@ -0,0 +1 @@\n+/etc/passwd\n\\ No newline at end of file\n';
    expect(problems(link)).toEqual([
      {
        path: 'l',
        rule: 'symlink',
        message: '"l" is a symbolic link (mode 120000); symlinks are not allowed',
      },
    ]);
    expect(validatePatch(link, { allowSymlinks: true }).ok).toBe(true);
    const sub =
      'diff --git a/sub b/sub\nnew file mode 160000\n--- /dev/null\n+++ b/sub\n@@ -0,0 +1 @@\n+Subproject commit 0123456789012345678901234567890123456789\n';
    expect(problems(sub)[0]!.rule).toBe('submodule');
    expect(problems(newFile('x').replace('100644', '100666'))[0]).toEqual({
      path: 'x',
      rule: 'mode',
      message: '"x" has an invalid file mode "100666"',
    });
  });

  it('refuses size, file count and changed lines over the caps', () => {
    expect(problems(modify('a'), { maxPatchBytes: 10 })).toEqual([
      {
        rule: 'size',
        message: `the patch is ${Buffer.byteLength(modify('a'))} bytes; the limit is 10`,
      },
    ]);
    const many = Array.from({ length: 51 }, (_, i) => newFile(`f${i}.txt`)).join('');
    expect(problems(many)).toEqual([
      { rule: 'files', message: 'the patch touches 51 files; the limit is 50' },
    ]);
    expect(problems(modify('a'), { maxChangedLines: 1 })).toEqual([
      { rule: 'lines', message: 'the patch changes 2 lines; the limit is 1' },
    ]);
  });

  it('reports parse problems precisely', () => {
    expect(problems('')).toEqual([{ rule: 'empty', message: 'the patch changes no file' }]);
    expect(problems('@@ -1 +1 @@\n-a\n+b\n')).toEqual([
      { rule: 'parse', message: 'line 1: hunk at line 1 has no file header before it' },
    ]);
    expect(problems('diff --git a/a b/a\n--- a/a\n+++ b/a\n@@ -1,3 +1,3 @@\n-a\n+b\n')).toEqual([
      {
        rule: 'parse',
        message: 'line 4: hunk at line 4 ends before the 3/3 lines its header announces',
      },
    ]);
    expect(
      problems('diff --git a/a b/a\n--- /dev/null\n+++ b/a\n@@ -0,0 +1 @@\n+b\n')[0]!.message,
    ).toContain('"--- /dev/null" without "new file mode"');
  });

  it('parses quoted names, binary markers and traditional deletions like git', () => {
    const parsed = parseDiff(
      'diff --git "a/sp ace\\303\\251.txt" "b/sp ace\\303\\251.txt"\nnew file mode 100644\n--- /dev/null\n+++ "b/sp ace\\303\\251.txt"\n@@ -0,0 +1 @@\n+x\n' +
        'diff --git a/img.png b/img.png\nindex 1111111..2222222 100644\nBinary files a/img.png and b/img.png differ\n' +
        '--- a/gone.txt\n+++ b/gone.txt\n@@ -1,2 +0,0 @@\n-a\n-b\n',
    );
    expect(parsed.errors).toEqual([]);
    expect(
      parsed.files.map((f) => [f.newPath ?? f.oldPath, f.isNew, f.isDeleted, f.binary]),
    ).toEqual([
      ['sp aceé.txt', true, false, false],
      ['img.png', false, false, true],
      ['gone.txt', false, true, false],
    ]);
  });
});
