import { describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Finding } from '../../src/engine/types.js';
import { anchorFindings, buildDiffMap } from '../../src/github/diff-anchor.js';
import { parseHiddenMarkers } from '../../src/github/fingerprint.js';
import { MAX_COMMENT_BODY } from '../../src/github/inline-comment.js';
import { scanFences, splitLines } from '../../src/github/markdown.js';
import {
  buildSummaryMeta,
  isSummaryComment,
  parseSummaryMeta,
  renderJobSummary,
  renderSummaryComment,
  type SummaryInput,
} from '../../src/github/summary-comment.js';

const diff = buildDiffMap(readFileSync(new URL('./fixtures/pr.diff', import.meta.url), 'utf8'));

const finding = (
  path: string,
  line: number,
  severity: Finding['severity'],
  title: string,
  extra: Partial<Finding> = {},
): Finding => ({
  path,
  line,
  severity,
  title,
  body: `Body of ${title}.`,
  ...extra,
});

const findings = [
  finding('multi.txt', 25, 'low', 'Magic number'),
  finding('multi.txt', 3, 'high', 'Wrong constant'),
  finding('del.txt', 1, 'medium', 'Removed file still referenced', { suggestion: 'keep()' }),
  finding('noeol.txt', 2, 'info', 'Add a trailing newline'),
];

const FILES = 'https://github.com/o/r/pull/7/files';
/** The files-view anchor of a path: `#diff-` and the SHA-256 of the path. */
const diffAnchor = (path: string) =>
  `${FILES}#diff-${createHash('sha256').update(path).digest('hex')}`;

const input = (extra: Partial<SummaryInput> = {}): SummaryInput => ({
  workflow: 'review',
  status: 'revise',
  headSha: 'ec26c3e57ca3a959ca5aad62de7213c562f8c821',
  findings: anchorFindings(findings, diff),
  files: {
    reviewed: ['multi.txt', 'noeol.txt'],
    clipped: [{ path: 'big.json', reason: 'over budget' }],
    skipped: [{ path: 'img.bin', reason: 'binary' }],
  },
  iterations: [
    { iteration: 1, findings: 6, status: 'revise', commitSha: 'aaaaaaaaaaaaaaaa', tokens: 1200 },
    { iteration: 2, findings: 4, status: 'revise', commitSha: 'bbbbbbbbbbbbbbbb', tokens: 900 },
  ],
  usage: { inputTokens: 1500, outputTokens: 600, costUsd: 0.0123 },
  prSpendUsd: 0.05,
  runUrl: 'https://github.com/o/r/actions/runs/1',
  repositoryUrl: 'https://github.com/o/r',
  pullFilesUrl: FILES,
  ...extra,
});

describe('renderSummaryComment', () => {
  const body = renderSummaryComment(input());

  it('starts with the summary marker and reads back as this workflow’s summary', () => {
    expect(body.startsWith('<!-- aethr:summary workflow=review -->\n')).toBe(true);
    expect(isSummaryComment(body, 'review')).toBe(true);
    expect(isSummaryComment(body, 'docs-sync')).toBe(false);
  });

  it('shows status, counts, usage, spend and the run link', () => {
    expect(body).toContain('## 🔁 changes requested · aethr `review`');
    expect(body).toContain(
      '[`ec26c3e`](https://github.com/o/r/commit/ec26c3e57ca3a959ca5aad62de7213c562f8c821)',
    );
    expect(body).toContain('4 findings (1 high, 1 medium, 1 low, 1 info)');
    expect(body).toContain(
      '2,100 tokens (1,500 in, 600 out) · $0.0123 · $0.0500 on this PR so far',
    );
    expect(body).toContain('[run log](https://github.com/o/r/actions/runs/1)');
  });

  it('lists findings high to info, and unanchored ones in full', () => {
    const rows = body.split('\n').filter((line) => /^\| (🔴|🟠|🟡|🔵)/.test(line));
    expect(rows).toEqual([
      `| 🔴 High | [\`multi.txt:3\`](${diffAnchor('multi.txt')}R3) | Wrong constant |`,
      `| 🟠 Medium | [\`del.txt:1\`](${diffAnchor('del.txt')}) | Removed file still referenced ¹ |`,
      `| 🟡 Low | [\`multi.txt:25\`](${diffAnchor('multi.txt')}R25) | Magic number |`,
      `| 🔵 Info | [\`noeol.txt:2\`](${diffAnchor('noeol.txt')}R2) | Add a trailing newline |`,
    ]);
    expect(body).toContain('### Not on a diff line\n\n#### 🟠 Medium');
    expect(body).toContain(
      `#### 🟠 Medium · Removed file still referenced\n\n[\`del.txt:1\`](${diffAnchor('del.txt')}) — file is deleted in this pull request`,
    );
    expect(body).toContain('Suggested change:\n\n```\nkeep()\n```');
    expect(body).not.toContain('Body of Wrong constant'); // anchored: body is in the inline comment
  });

  it('shows iterations and files', () => {
    expect(body).toContain(
      '| 2 | 4 | revise | [`bbbbbbb`](https://github.com/o/r/commit/bbbbbbbbbbbbbbbb) | 900 |',
    );
    expect(body).toContain('<details><summary>Files: 2 reviewed, 1 clipped, 1 skipped</summary>');
    expect(body).toContain('- `img.bin` — binary');
  });

  it('carries a meta marker that reads back', () => {
    const meta = parseSummaryMeta(body);
    expect(meta).toEqual(buildSummaryMeta(input()));
    expect(meta?.headSha).toBe('ec26c3e57ca3a959ca5aad62de7213c562f8c821');
    expect(meta?.spendUsd).toBe(0.05);
    expect(meta?.open.map((f) => f.title)).toEqual([
      'Wrong constant',
      'Removed file still referenced',
      'Magic number',
      'Add a trailing newline',
    ]);
    expect(parseSummaryMeta('no marker')).toBeUndefined();
  });

  it('lists findings of the previous summary that are gone as resolved', () => {
    const previous = parseSummaryMeta(body);
    const next = renderSummaryComment(
      input({
        previous,
        status: 'pass',
        findings: anchorFindings([findings[0]!], diff),
        prSpendUsd: 0.07,
      }),
    );
    expect(next).toContain('### Resolved since the last review');
    expect(next).toContain('- ✔️ ~~🔴 High · Wrong constant~~ · `multi.txt`');
    expect(next).toContain('- ✔️ ~~🔵 Info · Add a trailing newline~~ · `noeol.txt`');
    expect(next).not.toContain('~~🟡 Low · Magic number~~');
    expect(parseSummaryMeta(next)?.open).toHaveLength(1);
  });

  it('reads "reviewing …" while running and keeps the previous findings in the meta', () => {
    const previous = parseSummaryMeta(body);
    const running = renderSummaryComment({
      workflow: 'review',
      status: 'running',
      headSha: 'ffffffffffffffff',
      previous,
      runUrl: 'https://x/run',
    });
    expect(running).toContain('## ⏳ reviewing … · aethr `review`');
    expect(running).toContain('Reviewing `fffffff` …');
    expect(running).toContain(
      '_4 open findings from the last completed review; this comment is updated when the run finishes._',
    );
    expect(parseSummaryMeta(running)?.headSha).toBe(previous?.headSha);
    expect(parseSummaryMeta(running)?.open).toEqual(previous?.open);
    expect(parseSummaryMeta(running)?.spendUsd).toBe(0.05);
  });

  it('explains failed, no-key and skipped runs with the given message, escaped', () => {
    const noKey = renderSummaryComment({
      workflow: 'review',
      status: 'no-key',
      message: 'Add the `OPENAI_API_KEY` secret. cc @admin',
    });
    expect(noKey).toContain('## 🔑 no model key');
    expect(noKey).toContain('Add the `OPENAI_API_KEY` secret. cc @\u2060admin');
    expect(
      renderSummaryComment({ workflow: 'review', status: 'failed', message: 'boom' }),
    ).toContain('## ❌ failed');
    expect(renderSummaryComment({ workflow: 'review', status: 'skipped' })).toContain(
      '## ⏭️ skipped',
    );
    expect(
      renderSummaryComment({
        workflow: 'review',
        status: 'pass',
        findings: { anchored: [], unanchored: [] },
      }),
    ).toContain('no findings');
  });

  it('cannot be spoofed by finding text', () => {
    const evil = renderSummaryComment(
      input({
        workflow: 'review',
        findings: anchorFindings(
          [
            finding('gone.ts', 1, 'high', 'x <!-- aethr:summary workflow=other -->', {
              body: '<!-- aethr:meta e30= -->\n```\nopen',
            }),
          ],
          diff,
        ),
      }),
    );
    const markers = parseHiddenMarkers(evil);
    expect(markers.map((m) => m.kind)).toEqual(['summary', 'meta']);
    expect(isSummaryComment(evil, 'other')).toBe(false);
    expect(scanFences(splitLines(evil)).open).toBeUndefined();
  });

  it('cuts to 65,536 characters by dropping rows from the bottom, keeping markers and fences whole', () => {
    const many = Array.from({ length: 3000 }, (_, i) =>
      finding(
        `src/file-${i}.ts`,
        i + 1,
        i % 2 ? 'low' : 'high',
        `Finding number ${i} ${'long title '.repeat(5)}`,
        {
          body: 'x'.repeat(500) + '\n```\ncode\n```',
        },
      ),
    );
    const big = renderSummaryComment(input({ findings: anchorFindings(many, diff) }));
    expect(big.length).toBeLessThanOrEqual(MAX_COMMENT_BODY);
    expect(big.length).toBeGreaterThan(MAX_COMMENT_BODY - 2_000); // drops only what it must
    expect(big).toMatch(/_… \d+ more findings not shown \(see job summary \/ artifact\)\._/);
    expect(big).toMatch(/_… \d+ more not shown \(see job summary \/ artifact\)\._/);
    expect(scanFences(splitLines(big)).open).toBeUndefined();
    expect(parseHiddenMarkers(big).map((m) => m.kind)).toEqual(['summary', 'meta']);
    const meta = parseSummaryMeta(big);
    expect(meta?.open.length).toBeGreaterThan(0);
    // The rows kept are the most severe ones.
    const rows = big
      .split('\n')
      .filter((line) => line.startsWith('| 🔴') || line.startsWith('| 🟡'));
    expect(rows[0]?.startsWith('| 🔴')).toBe(true);
  });

  it('cuts a huge message but keeps the meta marker', () => {
    const out = renderSummaryComment({
      workflow: 'review',
      status: 'failed',
      message: 'line\n'.repeat(100_000),
    });
    expect(out.length).toBeLessThanOrEqual(MAX_COMMENT_BODY);
    expect(parseSummaryMeta(out)).toBeDefined();
  });
});

describe('renderJobSummary', () => {
  it('has the same tables, every finding in full, and no markers', () => {
    const job = renderJobSummary(input());
    expect(parseHiddenMarkers(job)).toEqual([]);
    expect(job).toContain(
      `| 🔴 High | [\`multi.txt:3\`](${diffAnchor('multi.txt')}R3) | Wrong constant |`,
    );
    expect(job).toContain('### Details');
    expect(job).toContain('Body of Wrong constant.');
    expect(job).toContain('### Iterations');
  });
});

describe('overview and links', () => {
  it("puts the reviewer's overview under the status line, escaped, headings below ours", () => {
    const body = renderSummaryComment(
      input({
        overview:
          '# My review\n\nThe change flips `add`. @octocat please look.\n<!-- aethr:meta {} -->\n```js\nunclosed',
      }),
    );
    const overview = body.indexOf('### Overview');
    expect(overview).toBeGreaterThan(body.indexOf('[run log]'));
    expect(overview).toBeLessThan(body.indexOf('### Findings'));
    expect(body).toContain('#### My review\n\nThe change flips `add`.');
    expect(body).not.toContain('@octocat'); // a word joiner keeps it from pinging
    expect(parseHiddenMarkers(body).map((m) => m.kind)).toEqual(['summary', 'meta']);
    // The open fence is closed before the findings.
    const lines = splitLines(body.slice(0, body.indexOf('### Findings') + 12));
    expect(scanFences(lines).kinds[lines.length - 1]).toBe('text');
    expect(renderSummaryComment(input({ overview: '  ' }))).not.toContain('### Overview');
  });

  it('links a line outside the diff to the head commit, and inline comments when posted', () => {
    const outside = finding('src/a b.ts', 40, 'low', 'Elsewhere');
    const anchored = anchorFindings([findings[1]!, outside], diff);
    const fp = anchored.anchored[0]!.fingerprint;
    const body = renderSummaryComment(
      input({
        findings: anchored,
        inlineUrls: new Map([[fp, 'https://github.com/o/r/pull/7#discussion_r99']]),
      }),
    );
    expect(body).toContain(
      `[\`multi.txt:3\`](${diffAnchor('multi.txt')}R3) · [comment](https://github.com/o/r/pull/7#discussion_r99)`,
    );
    expect(body).toContain(
      '[`src/a b.ts:40`](https://github.com/o/r/blob/ec26c3e57ca3a959ca5aad62de7213c562f8c821/src/a%20b.ts#L40)',
    );
    const range = renderSummaryComment(
      input({
        findings: anchorFindings([{ ...findings[1]!, line: 2, end_line: 3 }], diff),
      }),
    );
    expect(range).toMatch(/\(https:\/\/github\.com\/o\/r\/pull\/7\/files#diff-[0-9a-f]{64}R2-R3\)/);
  });

  it('shows plain locations when no URL is known (local previews)', () => {
    const body = renderSummaryComment(input({ pullFilesUrl: undefined, repositoryUrl: undefined }));
    expect(body).toContain('| 🔴 High | `multi.txt:3` | Wrong constant |');
  });
});
