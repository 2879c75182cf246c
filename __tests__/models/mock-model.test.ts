import { describe, expect, it } from '@jest/globals';
import { parseReview } from '../../src/engine/review-parse.js';
import type { ChatRequest } from '../../src/engine/types.js';
import {
  createMockModel,
  firstAddedLine,
  firstTaskLine,
  mockChat,
  mockReplyText,
} from '../../src/models/mock-model.js';

const DIFF = [
  'diff --git a/src/deleted.ts b/src/deleted.ts',
  'deleted file mode 100644',
  '--- a/src/deleted.ts',
  '+++ /dev/null',
  '@@ -1,2 +0,0 @@',
  '-gone',
  '-gone too',
  'diff --git a/src/app.ts b/src/app.ts',
  'index 111..222 100644',
  '--- a/src/app.ts',
  '+++ b/src/app.ts',
  '@@ -10,6 +10,7 @@ export function main() {',
  '   const a = 1;',
  '-  const b = 2;',
  '   const c = 3;',
  '+  const d = 4;',
  '   return a + c;',
  'diff --git a/README.md b/README.md',
  '--- a/README.md',
  '+++ b/README.md',
  '@@ -1 +1,2 @@',
  ' # Title',
  '+more',
].join('\n');

function request(overrides: Partial<ChatRequest> = {}): ChatRequest {
  return {
    model: 'openai:gpt-4o-mini',
    role: 'reviewer',
    stepId: 'review',
    purpose: 'review',
    messages: [
      { role: 'system', content: 'You are the reviewer.' },
      {
        role: 'user',
        content: `# Task\n\nreview my current changes\nsecond line\n\n# Context\n\n## git diff\n\n\`\`\`\`diff\n${DIFF}\n\`\`\`\``,
      },
    ],
    ...overrides,
  };
}

function jsonBlock(text: string): { status: string; findings: Array<Record<string, unknown>> } {
  const match = /```json\n([\s\S]*?)\n```/.exec(text);
  expect(match).not.toBeNull();
  return JSON.parse(match![1]!) as { status: string; findings: Array<Record<string, unknown>> };
}

describe('mock model', () => {
  it('is deterministic: the same request gives the same reply and usage', async () => {
    const a = await mockChat(request());
    const b = await mockChat(request());
    expect(a).toEqual(b);
    expect(a.mock).toBe(true);
    expect(a.model).toBe('openai:gpt-4o-mini');
  });

  it('review: follows the contract with one info finding on the first added line of the first file', async () => {
    const { text } = await mockChat(request());
    expect(text.startsWith('[mock openai:gpt-4o-mini]')).toBe(true);
    expect(text).toMatch(/^Review status: pass$/m);
    const json = jsonBlock(text);
    expect(json.status).toBe('pass');
    expect(json.findings).toEqual([
      {
        path: 'src/app.ts',
        line: 12,
        severity: 'info',
        title: 'Mock review: no issues found',
        body: expect.any(String),
      },
    ]);
    expect(text).toContain('3 changed files');
    // The engine's own parser reads it as a pass with the finding.
    const outcome = parseReview(text);
    expect(outcome.status).toBe('pass');
    expect(outcome.notes).toEqual([]);
    expect(outcome.findings).toHaveLength(1);
    expect(outcome.findings[0]).toMatchObject({ path: 'src/app.ts', line: 12, severity: 'info' });
  });

  it('review without a diff: no findings, still pass', async () => {
    const { text } = await mockChat(
      request({
        messages: [{ role: 'user', content: '# Task\n\nlook at this\n\n# Context\n\n(none)' }],
      }),
    );
    expect(jsonBlock(text)).toEqual({ status: 'pass', findings: [] });
    expect(parseReview(text)).toMatchObject({ status: 'pass', findings: [] });
  });

  it('implement: proposes no changes', () => {
    const text = mockReplyText(
      request({ purpose: 'implement', role: 'implementer', stepId: 'implement' }),
    );
    expect(text).toContain('[mock openai:gpt-4o-mini]');
    expect(text).toContain('mock mode: no changes proposed');
    expect(text).not.toMatch(/^\+\+\+ /m);
  });

  it('general: mentions the role, the step and the first line of the task', () => {
    const text = mockReplyText(
      request({ purpose: 'general', role: 'planner', stepId: 'plan', model: 'anthropic:claude-x' }),
    );
    expect(text.startsWith('[mock anthropic:claude-x] planner for step "plan"')).toBe(true);
    expect(text).toContain('review my current changes');
    expect(text).not.toContain('second line');
  });

  it('infers the purpose from the role when it is absent', () => {
    const base = request();
    delete base.purpose;
    expect(mockReplyText(base)).toContain('Review status: pass');
    expect(mockReplyText({ ...base, role: 'implementer' })).toContain('no changes proposed');
    expect(mockReplyText({ ...base, role: 'planner' })).toContain('Plan (mock)');
  });

  it('estimates usage as ceil(chars / 4)', async () => {
    const req = request({
      messages: [{ role: 'user', content: 'x'.repeat(10) }],
      purpose: 'general',
    });
    const result = await mockChat(req);
    expect(result.usage).toEqual({
      inputTokens: 3,
      outputTokens: Math.ceil(result.text.length / 4),
    });
  });

  it('streams the reply through onDelta, in order', async () => {
    const chunks: string[] = [];
    const result = await createMockModel().chat(request(), (c) => chunks.push(c));
    expect(chunks.length).toBeGreaterThan(3);
    expect(chunks.join('')).toBe(result.text);
  });

  it('honours an aborted signal', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(mockChat(request({ signal: controller.signal }))).rejects.toThrow();
  });
});

describe('mock helpers', () => {
  it('firstAddedLine counts context lines from the hunk start', () => {
    expect(firstAddedLine(DIFF)).toEqual({ path: 'src/app.ts', line: 12, files: 3 });
    expect(firstAddedLine('--- a/x\n+++ b/x\n@@ -0,0 +1 @@\n+new')).toEqual({
      path: 'x',
      line: 1,
      files: 1,
    });
    expect(firstAddedLine('no diff here\n+ a bullet')).toBeUndefined();
  });

  it('firstTaskLine reads under "# Task"', () => {
    expect(firstTaskLine('# Task\n\n  fix the bug  \nmore')).toBe('fix the bug');
    expect(firstTaskLine('just a line')).toBe('just a line');
    expect(firstTaskLine('# Task\n\n# Context')).toBe('(no task given)');
  });
});
