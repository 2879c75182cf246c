import { afterAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { countTokens as o200k } from 'gpt-tokenizer/encoding/o200k_base';
import YAML from 'yaml';
import {
  contextLimitsFromWorkflow,
  createContextResolver,
  resolveLimits,
} from '../../src/context/index.js';
import { workflowSchema, type Workflow } from '../../src/config/schema.js';
import { renderPrompt } from '../../src/engine/prompt.js';
import { runWorkflow } from '../../src/engine/run-workflow.js';
import type {
  ChatRequest,
  ContextBlock,
  EnginePorts,
  ModelClient,
} from '../../src/engine/types.js';
import { parseUnifiedDiff } from '../../src/diff/unified-diff.js';
import { cleanup, tempDir, write } from './git-fixture.js';

afterAll(cleanup);

const asText = { disallowedSpecial: new Set<string>() };
const countTokens = (text: string): number => o200k(text, asText);
/** Tokens of a chat request as OpenAI counts them (3 per message + role, 3 to prime the reply). */
const requestTokens = (r: ChatRequest): number =>
  3 + r.messages.reduce((n, m) => n + 3 + countTokens(m.role) + countTokens(m.content), 0);

const preset: Workflow = workflowSchema.parse(
  YAML.parse(readFileSync('presets/review-existing-diff.yaml', 'utf8')),
);

function filePatch(path: string, lines: number, seed: number): string {
  const body: string[] = [];
  for (let j = 0; j < lines; j++) {
    if (j % 6 === 2) {
      body.push(
        `-  const value${j} = compute(${seed}, ${j});`,
        `+  const value${j} = computeSafely(${seed}, ${j}, options);`,
      );
    } else {
      body.push(`   context line ${j} of ${path}`);
    }
  }
  const old = body.filter((l) => !l.startsWith('+')).length;
  const neu = body.filter((l) => !l.startsWith('-')).length;
  return `diff --git a/${path} b/${path}\nindex 1234567..89abcde 100644\n--- a/${path}\n+++ b/${path}\n@@ -10,${old} +10,${neu} @@ function f${seed}()\n${body.join('\n')}\n`;
}

function bigPr(files: number): string {
  return Array.from({ length: files }, (_, i) =>
    filePatch(
      i % 150 === 0 ? `vendor/dep${i}/index.js` : `packages/p${i % 40}/src/module${i}.ts`,
      8 + ((i * 37) % 60),
      i,
    ),
  ).join('');
}

function recorder(): ModelClient & { requests: ChatRequest[] } {
  const requests: ChatRequest[] = [];
  return {
    requests,
    async chat(request) {
      requests.push(request);
      return { text: 'Looks fine.\n\nReview status: pass', model: request.model, mock: false };
    },
  };
}

/** Characters of the context part of a prompt. */
function contextChars(blocks: ContextBlock[], workflow: Workflow): number {
  const user = renderPrompt({
    workflow,
    step: workflow.steps[0]!,
    task: 't',
    history: [],
    context: blocks,
  }).user;
  return user.slice(user.indexOf('# Context')).length;
}

describe('per-call context budget', () => {
  it('a 2,000-file pull request: every request stays under max_input_tokens and every file is accounted for', async () => {
    const patch = bigPr(2_000);
    expect(countTokens(patch)).toBeGreaterThan(500_000);
    const models = recorder();
    const maxInput = 30_000;
    const ports: EnginePorts = {
      models,
      context: createContextResolver({
        root: tempDir(),
        prDiff: { diff: parseUnifiedDiff(patch), label: 'PR #1: main...big' },
        perCall: { max_input_tokens_per_call: maxInput },
        countTokens,
      }),
      routeModel: () => 'openai:gpt-4o-mini',
      backends: {},
    };
    const result = await runWorkflow(
      { workflow: preset, task: 'Review this pull request.' },
      ports,
    );
    expect(models.requests).toHaveLength(1);
    for (const r of models.requests) expect(requestTokens(r)).toBeLessThanOrEqual(maxInput);
    // The context used the budget, not a sliver of it.
    expect(requestTokens(models.requests[0]!)).toBeGreaterThan(maxInput * 0.6);

    const coverage = result.results[0]!.coverage!;
    expect(coverage).toHaveLength(2_000);
    expect(new Set(coverage.map((c) => c.path)).size).toBe(2_000);
    expect(coverage.filter((c) => c.reason === 'vendored code')).toHaveLength(14);
    expect(coverage.filter((c) => c.status === 'reviewed').length).toBeGreaterThan(50);
    const user = models.requests[0]!.messages[1]!.content;
    expect(user).toContain('Pull request diff (PR #1: main...big) (fitted to the context budget)');
    expect(user).toMatch(
      /\[Fitted to the context budget of [\d,]+ characters \/ [\d,]+ tokens: the diff has 2,000 files/,
    );
  });

  it("reads the workflow limits and keeps today's defaults", () => {
    expect(resolveLimits().maxContextChars).toBe(400_000);
    expect(resolveLimits().maxInputTokens).toBeUndefined();
    expect(
      contextLimitsFromWorkflow({
        max_context_chars_per_call: 5_000,
        max_input_tokens_per_call: 900,
      }),
    ).toEqual({
      maxContextChars: 5_000,
      maxInputTokens: 900,
    });
    expect(contextLimitsFromWorkflow(undefined)).toEqual({});
  });

  it('splits the budget diffs first: a small file source stays whole, the diff takes the rest', async () => {
    const root = tempDir();
    write(root, 'CONTRIBUTING.md', 'Write tests.\n'.repeat(200));
    const patch = bigPr(60);
    const budget = 20_000;
    const blocks = await createContextResolver({
      root,
      prDiff: { diff: parseUnifiedDiff(patch), label: 'PR #2' },
      perCall: { max_context_chars_per_call: budget },
    }).resolve(['git_diff', 'file:CONTRIBUTING.md'], {});
    expect(blocks.map((b) => b.source)).toEqual(['git_diff', 'file:CONTRIBUTING.md']);
    expect(blocks[1]!.text).toBe('Write tests.\n'.repeat(200));
    expect(blocks[0]!.text.length).toBeGreaterThan(budget - 2_600 - 1_000);
    expect(contextChars(blocks, preset)).toBeLessThanOrEqual(budget);
    expect(blocks[0]!.coverage).toHaveLength(60);
  });

  it('cuts other sources that do not fit after the diff, in declaration order', async () => {
    const root = tempDir();
    for (let i = 0; i < 5; i++) write(root, `docs/d${i}.md`, `doc ${i} line\n`.repeat(3_000));
    const budget = 60_000;
    const sources = ['git_diff', ...Array.from({ length: 5 }, (_, i) => `file:docs/d${i}.md`)];
    const blocks = await createContextResolver({
      root,
      prDiff: { diff: parseUnifiedDiff(bigPr(300)), label: 'PR #3' },
      perCall: { max_context_chars_per_call: budget },
    }).resolve(sources, {});
    expect(blocks.map((b) => b.source)).toEqual(sources);
    expect(contextChars(blocks, preset)).toBeLessThanOrEqual(budget);
    // The diff had at least three quarters of the budget.
    expect(blocks[0]!.text.length).toBeGreaterThan(budget * 0.7);
    // The others keep a quarter: the first document is cut at a line, the rest are placeholders.
    expect(blocks[1]!.title).toBe('File: docs/d0.md (truncated)');
    expect(blocks[1]!.text).toMatch(
      /^(doc 0 line\n)+\[truncated: cut to fit the per-call context budget; the rest of this source is not shown\.\]$/,
    );
    expect(blocks[1]!.text.length).toBeGreaterThan(budget * 0.2);
    for (const b of blocks.slice(2)) {
      expect(b.placeholder).toBe(true);
      expect(b.text).toMatch(
        /^Not shown: File: docs\/d\d\.md does not fit in what is left of the per-call context budget/,
      );
    }
  });

  it('shares the budget between two diff sources, the smaller one first', async () => {
    const root = tempDir();
    const small = filePatch('src/small.ts', 10, 1);
    const blocks = await createContextResolver({
      root,
      prDiff: { diff: parseUnifiedDiff(bigPr(200)), label: 'PR #4' },
      perCall: { max_context_chars_per_call: 30_000 },
    }).resolve(['git_diff', 'latest_diff'], {
      latestArtifact: {
        stepId: 'implement',
        iteration: 1,
        changedFiles: ['src/small.ts'],
        diffStat: '',
        patch: small,
      },
    });
    expect(blocks[1]!.text).toBe(`Changed files (1):\n- src/small.ts\n\nPatch:\n${small}`);
    expect(blocks[1]!.coverage).toEqual([{ path: 'src/small.ts', status: 'reviewed' }]);
    expect(blocks[0]!.title).toMatch(/\(fitted to the context budget\)$/);
    expect(contextChars(blocks, preset)).toBeLessThanOrEqual(30_000);
    expect(blocks[0]!.text.length).toBeGreaterThan(25_000);
  });

  it('passes a pull request diff within budget through byte-identical', async () => {
    const patch = bigPr(3);
    const [b] = await createContextResolver({
      root: tempDir(),
      prDiff: { diff: parseUnifiedDiff(patch), label: 'PR #5' },
      perCall: { max_input_tokens_per_call: 120_000 },
    }).resolve(['git_diff'], {});
    expect(b!.text).toBe(patch);
    expect(b!.title).toBe('Pull request diff (PR #5)');
    expect(b!.coverage!.map((c) => c.status)).toEqual(['reviewed', 'reviewed', 'reviewed']);
  });
});
