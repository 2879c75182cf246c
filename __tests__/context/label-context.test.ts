import { describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { labelledSources, withLabelContext } from '../../src/context/label-context.js';
import { createContextResolver } from '../../src/context/resolver.js';

function project(): string {
  const root = mkdtempSync(join(tmpdir(), 'aethr-labels-'));
  writeFileSync(join(root, 'README.md'), '# readme\n');
  writeFileSync(join(root, 'SECURITY.md'), '# security policy\n');
  mkdirSync(join(root, 'docs'));
  writeFileSync(join(root, 'docs', 'style.md'), '# style\n');
  return root;
}

const LABELS = {
  Security: ['file:SECURITY.md'],
  docs: ['glob:docs/*.md', 'file:SECURITY.md'],
  unused: ['file:nowhere.md'],
};

describe('labelledSources', () => {
  it('matches labels case-insensitively and lists each source once, with every label bringing it', () => {
    expect(labelledSources(LABELS, ['security', 'DOCS', 'bug'])).toEqual([
      { source: 'file:SECURITY.md', labels: ['Security', 'docs'] },
      { source: 'glob:docs/*.md', labels: ['docs'] },
    ]);
    expect(labelledSources(undefined, ['security'])).toEqual([]);
  });
});

describe('withLabelContext', () => {
  it('adds the sources after the step own, names the label, and counts them in coverage', async () => {
    const resolver = withLabelContext(createContextResolver({ root: project() }), LABELS, ['docs']);
    const blocks = await resolver.resolve(['file:README.md', 'glob:docs/*.md'], {});
    expect(blocks.map((b) => b.title)).toEqual([
      'File: README.md',
      expect.stringMatching(/^docs\/style\.md/),
      'File: SECURITY.md (added by the label "docs")',
    ]);
    expect(blocks[2]!.text).toContain('security policy');
    expect(blocks.flatMap((b) => b.coverage ?? [])).toEqual([
      { path: 'file:SECURITY.md', status: 'reviewed', via: 'label "docs"' },
    ]);
  });

  it('adds nothing to a step without context, and says when a labelled source is missing', async () => {
    const resolver = withLabelContext(createContextResolver({ root: project() }), LABELS, [
      'unused',
    ]);
    expect(await resolver.resolve([], {})).toEqual([]);
    const blocks = await resolver.resolve(['file:README.md'], {});
    expect(blocks[1]).toMatchObject({
      title: 'File: nowhere.md (added by the label "unused")',
      placeholder: true,
      coverage: [{ path: 'file:nowhere.md', status: 'skipped', via: 'label "unused"' }],
    });
  });

  it('shares the step budget: a labelled file that does not fit becomes a placeholder', async () => {
    const root = project();
    writeFileSync(join(root, 'SECURITY.md'), `${'policy line\n'.repeat(400)}`);
    const resolver = withLabelContext(
      createContextResolver({ root, limits: { maxContextChars: 2_000 } }),
      LABELS,
      ['security'],
    );
    const blocks = await resolver.resolve(['file:README.md'], {});
    expect(blocks[1]!.title).toMatch(/SECURITY\.md.*added by the label "Security"/);
    expect(blocks[1]!.coverage?.[0]?.status).not.toBe('reviewed');
  });
});
