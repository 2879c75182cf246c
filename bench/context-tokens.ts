/**
 * Tokens sent per single-step review on real pull-request diffs, against each diff's own token
 * count. Built and run by `node bench/context-tokens.mjs` (see there); prints one table.
 *
 * Each row runs the real prompt path: the `review-existing-diff` preset, the context resolver in
 * PR mode (what the Action does), renderPrompt, and the gateway's token count of the request
 * (system + user messages with the chat overhead, o200k_base as for openai:gpt-4o-mini).
 * Diff tokens are gpt-tokenizer's o200k count of the diff text alone.
 *
 * Target (issue 5): a single-step review sends at most 1.1 × the diff's tokens + 600 tokens.
 * Rows with a per-call token limit must also stay under it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { countTokens } from 'gpt-tokenizer/encoding/o200k_base';
import YAML from 'yaml';
import { workflowSchema } from '../src/config/schema.js';
import { createContextResolver } from '../src/context/resolver.js';
import { parseUnifiedDiff } from '../src/diff/unified-diff.js';
import type { PerCallLimits } from '../src/context/caps.js';
import { renderPrompt } from '../src/engine/prompt.js';
import type { ChatMessage, FileCoverage } from '../src/engine/types.js';
import { estimateChatTokens } from '../src/models/tokens.js';

const MODEL = 'openai:gpt-4o-mini';
const FIXTURES = join('bench', 'fixtures');
const asText = { disallowedSpecial: new Set<string>() };
const diffTokens = (text: string): number => countTokens(text, asText);

interface Case {
  name: string;
  diff: string;
  perCall?: PerCallLimits;
}

interface Row {
  cells: string[];
  pass: boolean;
}

const workflow = workflowSchema.parse(
  YAML.parse(readFileSync(join('presets', 'review-existing-diff.yaml'), 'utf8')),
);
const step = workflow.steps[0]!;
/** The task the Action gives a review (src/github/handle-review.ts). */
const task = 'Review the changes of pull request #123 (the diff is in the context).';

async function prompt(
  diff: string,
  perCall?: PerCallLimits,
): Promise<{ messages: ChatMessage[]; coverage: FileCoverage[] }> {
  const resolver = createContextResolver({
    root: process.cwd(),
    prDiff: { diff: parseUnifiedDiff(diff), label: 'pull request #123' },
    ...(perCall ? { perCall } : {}),
  });
  const context = await resolver.resolve(step.context ?? [], {});
  const p = renderPrompt({ workflow, step, task, history: [], context });
  return {
    messages: [
      { role: 'system', content: p.system },
      { role: 'user', content: p.user },
    ],
    coverage: context.flatMap((b) => b.coverage ?? []),
  };
}

const fmt = (n: number): string => n.toLocaleString('en-US');

async function row(c: Case): Promise<Row> {
  const own = diffTokens(c.diff);
  const { messages, coverage } = await prompt(c.diff, c.perCall);
  const sent = (await estimateChatTokens(messages, MODEL)).tokens;
  const files = coverage.length;
  const count = (s: FileCoverage['status']): number =>
    coverage.filter((f) => f.status === s).length;
  const target = Math.floor(1.1 * own + 600);
  const limit = c.perCall?.max_input_tokens_per_call;
  const pass = sent <= target && (limit === undefined || sent <= limit);
  const overhead = sent - own;
  return {
    pass,
    cells: [
      c.name,
      fmt(files),
      `${fmt(count('reviewed'))}/${fmt(count('clipped'))}/${fmt(count('skipped'))}`,
      fmt(own),
      fmt(sent),
      (sent / own).toFixed(3),
      fmt(overhead),
      files > 0 ? (overhead / files).toFixed(1) : '-',
      `≤ ${fmt(target)}${limit !== undefined ? ` and ≤ ${fmt(limit)}` : ''}`,
      pass ? 'PASS' : 'FAIL',
    ],
  };
}

function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]): string =>
    `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
  return [
    line(headers),
    `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`,
    ...rows.map(line),
  ].join('\n');
}

async function main(): Promise<void> {
  const cases: Case[] = readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.diff'))
    .sort()
    .map((f) => ({
      name: f.replace(/\.diff$/, ''),
      diff: readFileSync(join(FIXTURES, f), 'utf8'),
    }));
  // The largest real PR again, against per-call token limits far below its size.
  const largest = [...cases].sort((a, b) => b.diff.length - a.diff.length)[0]!;
  for (const limit of [32_000, 8_000]) {
    cases.push({
      name: `${largest.name} @ max_input_tokens_per_call ${fmt(limit)}`,
      diff: largest.diff,
      perCall: { max_input_tokens_per_call: limit },
    });
  }

  const rows: Row[] = [];
  for (const c of cases) rows.push(await row(c));
  const fixed = (await estimateChatTokens((await prompt('')).messages, MODEL)).tokens;

  console.log(
    `Context tokens per single-step review (preset review-existing-diff, PR mode, ${MODEL}: o200k_base, ${process.version})`,
  );
  console.log(
    'Target: prompt tokens ≤ 1.1 × diff tokens + 600 (and ≤ the per-call limit when one is set).',
  );
  console.log('');
  console.log(
    table(
      [
        'PR diff',
        'files',
        'reviewed/clipped/skipped',
        'diff tokens',
        'prompt tokens',
        'ratio',
        'overhead',
        'overhead/file',
        'target',
        'result',
      ],
      rows.map((r) => r.cells),
    ),
  );
  console.log('');
  console.log(
    `Fixed prompt (system + task + headings, with the empty-diff placeholder): ${fmt(fixed)} tokens. ` +
      'Overhead per file is the fixed prompt spread over the files (no per-file boilerplate is added); ' +
      'a negative overhead means the diff was fitted to the budget.',
  );
  const failed = rows.filter((r) => !r.pass).length;
  console.log(
    failed === 0 ? `All ${rows.length} rows PASS.` : `${failed} of ${rows.length} rows FAIL.`,
  );
  process.exitCode = failed === 0 ? 0 : 1;
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 2;
});
