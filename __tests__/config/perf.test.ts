import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseWorkflowText } from '../../src/config/load-workflow.js';

const text = readFileSync(
  join(process.cwd(), '__tests__/fixtures/workflows/aethr/repeat.yaml'),
  'utf8',
);

describe('loader speed', () => {
  it('parses a normal workflow in well under a millisecond on average', () => {
    parseWorkflowText(text, 'warm-up.yaml');
    const runs = 300;
    const started = performance.now();
    for (let i = 0; i < runs; i++) parseWorkflowText(text, 'repeat.yaml');
    const perRun = (performance.now() - started) / runs;
    expect(perRun).toBeLessThan(5); // measured ≈0.4 ms; the bound only catches a pathology
  });

  it('handles a large valid workflow (500 steps) quickly', () => {
    const steps = Array.from({ length: 500 }, (_, i) =>
      [`  - id: step-${i}`, '    role: reviewer', '    context: [git_diff, "file:README.md"]'].join(
        '\n',
      ),
    );
    const big = ['workflow: big', 'roles:', '  reviewer: Review.', 'steps:', ...steps].join('\n');
    const started = performance.now();
    expect(parseWorkflowText(big, 'big.yaml').steps).toHaveLength(500);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('reports a file full of mistakes quickly', () => {
    const steps = Array.from({ length: 300 }, (_, i) =>
      [
        `  - id: step-${i}`,
        '    role: reviewr',
        '    histroy_visibility: none',
        '    context: [git-diff]',
      ].join('\n'),
    );
    const bad = ['workflow: bad', 'roles:', '  reviewer: Review.', 'steps:', ...steps].join('\n');
    const started = performance.now();
    let problems = 0;
    try {
      parseWorkflowText(bad, 'bad.yaml');
    } catch (error) {
      problems = (error as { problems: unknown[] }).problems.length;
    }
    expect(problems).toBe(900);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
