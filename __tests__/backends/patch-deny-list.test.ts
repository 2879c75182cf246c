import { describe, expect, it } from '@jest/globals';
import { resolvePolicy } from '../../src/backends/patch/policy.js';
import { validatePatch } from '../../src/backends/patch/validate-patch.js';

const add = (path: string): string =>
  `diff --git a/${path} b/${path}\nnew file mode 100644\n--- /dev/null\n+++ b/${path}\n@@ -0,0 +1 @@\n+x\n`;

const refusedBy = (path: string, policy = resolvePolicy()) => {
  const verdict = validatePatch(add(path), policy);
  return verdict.ok ? undefined : verdict.problems.map((p) => p.rule);
};

describe('protected paths', () => {
  it.each([
    'CODEOWNERS',
    '.github/CODEOWNERS',
    'docs/CODEOWNERS',
    '.mcp.json',
    'tools/.mcp.json',
    '.gitmodules',
    '.husky/pre-commit',
    '.github/dependabot.yml',
    '.github/workflows/ci.yml',
    '.github/ISSUE_TEMPLATE/bug.md',
    'AGENTS.md',
    'pkg/CLAUDE.md',
    '.cursor/rules/x.mdc',
    '.opencode/agent.md',
    'opencode.json',
    '.aethr.yaml',
  ])('%s is refused by default', (path) => {
    expect(refusedBy(path)).toEqual(['deny']);
  });

  it('a configured deny list adds, and never removes a protected path', () => {
    const policy = resolvePolicy({ deny: ['secrets/**'] });
    expect(refusedBy('secrets/a.txt', policy)).toEqual(['deny']);
    expect(refusedBy('CODEOWNERS', resolvePolicy({ deny: [] }))).toEqual(['deny']);
    expect(refusedBy('src/ok.ts', policy)).toBeUndefined();
  });

  it('.github/ paths change only where an allow glob names them explicitly; workflows never', () => {
    expect(refusedBy('.github/ISSUE_TEMPLATE/bug.md', resolvePolicy({ allow: ['**'] }))).toEqual([
      'deny',
    ]);
    const explicit = resolvePolicy({ allow: ['src/**', '.github/ISSUE_TEMPLATE/**'] });
    expect(refusedBy('.github/ISSUE_TEMPLATE/bug.md', explicit)).toBeUndefined();
    expect(refusedBy('.github/workflows/ci.yml', resolvePolicy({ allow: ['.github/**'] }))).toEqual(
      ['deny'],
    );
  });
});
