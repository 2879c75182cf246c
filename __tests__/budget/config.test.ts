import { describe, expect, it } from '@jest/globals';
import { Ajv } from 'ajv';
import { buildJsonSchema } from '../../src/config/json-schema.js';
import { ConfigError, parseWorkflowText } from '../../src/config/load-workflow.js';

const BASE = `
workflow: w
roles:
  builder: Build.
  reviewer: Review.
steps:
  - id: build
    role: builder
`;

const FULL = `${BASE}
budget:
  run_usd: 2
  pr_usd: 10
  role_budgets_usd:
    builder: 1.5
limits:
  max_input_tokens_per_call: 32000
  max_output_tokens_per_call: 4000
  max_context_chars_per_call: 128000
  max_patch_bytes: 256000
pricing:
  "openai:gpt-4o-mini": { input_per_mtok: 0.15, output_per_mtok: 0.6 }
  "azure:prod": { input_per_mtok: 2.5, output_per_mtok: 10 }
policy:
  service_tier:
    default: auto
    roles: { builder: flex }
    fallback: default
  reasoning_effort:
    default: medium
    roles: { reviewer: high }
  fallback_models:
    builder: [openai:gpt-4o-mini, anthropic:claude-haiku-4-5]
    default: [openai:gpt-4.1-mini]
`;

function problems(text: string): string[] {
  try {
    parseWorkflowText(text, '.aethr.yaml');
  } catch (error) {
    if (error instanceof ConfigError)
      return error.problems.map((p) => `${p.path}: ${p.message}${p.fix ? ` — ${p.fix}` : ''}`);
    throw error;
  }
  return [];
}

describe('budget, limits, pricing and policy in .aethr.yaml', () => {
  it('are optional and parse as written', () => {
    expect(parseWorkflowText(BASE, '.aethr.yaml').budget).toBeUndefined();
    const workflow = parseWorkflowText(FULL, '.aethr.yaml');
    expect(workflow.budget).toEqual({ run_usd: 2, pr_usd: 10, role_budgets_usd: { builder: 1.5 } });
    expect(workflow.limits?.max_output_tokens_per_call).toBe(4000);
    expect(workflow.pricing?.['azure:prod']).toEqual({ input_per_mtok: 2.5, output_per_mtok: 10 });
    expect(workflow.policy?.service_tier?.roles).toEqual({ builder: 'flex' });
    expect(workflow.policy?.fallback_models?.['builder']).toEqual([
      'openai:gpt-4o-mini',
      'anthropic:claude-haiku-4-5',
    ]);
  });

  it('report typos, bad values and unknown roles with a did-you-mean', () => {
    expect(problems(`${BASE}budget:\n  run_usdd: 2\n`).join('\n')).toMatch(
      /run_usdd.*did you mean "run_usd"/,
    );
    expect(problems(`${BASE}budget:\n  run_usd: -1\n`)).toHaveLength(1);
    expect(problems(`${BASE}limits:\n  max_output_tokens_per_call: 1.5\n`)).toHaveLength(1);
    expect(
      problems(`${BASE}pricing:\n  gpt-4o: { input_per_mtok: 1, output_per_mtok: 1 }\n`),
    ).toHaveLength(1);
    expect(problems(`${BASE}policy:\n  service_tier: { default: turbo }\n`)).toHaveLength(1);
    expect(problems(`${BASE}budget:\n  role_budgets_usd: { biulder: 1 }\n`)).toEqual([
      'budget.role_budgets_usd.biulder: budget.role_budgets_usd has an entry for "biulder", which is not a role — did you mean "builder"?',
    ]);
    const policy = problems(
      `${BASE}policy:\n  service_tier: { roles: { reviewr: flex } }\n  reasoning_effort: { roles: { planner: low } }\n  fallback_models: { revewer: [openai:gpt-4o] }\n`,
    );
    expect(policy).toHaveLength(3);
    expect(policy[0]).toMatch(/^policy\.service_tier\.roles\.reviewr: .*did you mean "reviewer"/);
    expect(policy[1]).toMatch(
      /^policy\.reasoning_effort\.roles\.planner: .*not a role — use one of .*or add "planner: <instructions>" under "roles:"/,
    );
    expect(policy[2]).toMatch(/^policy\.fallback_models\.revewer: .*did you mean "reviewer"/);
  });

  it('are in the JSON Schema', () => {
    const schema = buildJsonSchema();
    const properties = schema['properties'] as Record<
      string,
      { properties?: Record<string, { description?: string }> }
    >;
    expect(Object.keys(properties)).toEqual(
      expect.arrayContaining(['budget', 'limits', 'pricing', 'policy']),
    );
    expect(Object.keys(properties['budget']!.properties!)).toEqual([
      'run_usd',
      'pr_usd',
      'role_budgets_usd',
    ]);
    expect(properties['limits']!.properties!['max_output_tokens_per_call']!.description).toContain(
      'Default 4096',
    );
    expect(properties['limits']!.properties!['max_input_tokens_per_call']!.description).toContain(
      'Default 120000',
    );
    const validate = new Ajv({ strict: false }).compile(schema);
    const data = {
      workflow: 'w',
      roles: { builder: 'b' },
      steps: [{ id: 'a', role: 'builder' }],
      budget: { run_usd: 1 },
      pricing: { 'openai:x': { input_per_mtok: 1, output_per_mtok: 2 } },
      policy: {
        service_tier: { default: 'flex' },
        fallback_models: { builder: ['openai:gpt-4o'] },
      },
    };
    expect(validate(data)).toBe(true);
    expect(validate({ ...data, budget: { run_usdd: 1 } })).toBe(false);
    expect(
      validate({ ...data, pricing: { gpt4: { input_per_mtok: 1, output_per_mtok: 2 } } }),
    ).toBe(false);
  });
});
