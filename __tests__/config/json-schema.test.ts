import { describe, expect, it } from '@jest/globals';
import { Ajv } from 'ajv';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import { buildJsonSchema } from '../../src/config/json-schema.js';
import { SCHEMA_URL } from '../../src/project.js';

const FIXTURES = join(process.cwd(), '__tests__/fixtures/workflows');

describe('buildJsonSchema', () => {
  const schema = buildJsonSchema();
  const validate = new Ajv({ strict: false, allErrors: true }).compile(schema);

  it('is a draft-07 schema with an id, a title and a description', () => {
    expect(schema['$schema']).toBe('http://json-schema.org/draft-07/schema#');
    expect(schema['$id']).toBe(SCHEMA_URL);
    expect(SCHEMA_URL).toMatch(
      /^https:\/\/raw\.githubusercontent\.com\/aethr-dev\/aethr-action\/v\d+\/schema\/aethr\.schema\.json$/,
    );
    expect(buildJsonSchema({ id: 'https://example.test/aethr.schema.json' })['$id']).toBe(
      'https://example.test/aethr.schema.json',
    );
    expect(schema['title']).toMatch(/Aethr/);
    expect(typeof schema['description']).toBe('string');
    expect(schema['additionalProperties']).toBe(false);
    expect(schema['required']).toEqual(['workflow', 'roles', 'steps']);
  });

  it('accepts every Aethr example, and a $schema key', async () => {
    for (const name of await readdir(join(FIXTURES, 'aethr'))) {
      const data: unknown = parse(await readFile(join(FIXTURES, 'aethr', name), 'utf8'));
      expect([name, validate(data), validate.errors]).toEqual([name, true, null]);
    }
    const withSchema = {
      $schema: './schema/aethr.schema.json',
      workflow: 'w',
      roles: { r: 'R' },
      steps: [{ id: 'a', role: 'r' }],
    };
    expect(validate(withSchema)).toBe(true);
  });

  it('rejects a typo key, a bad enum and a model without provider, as the loader does', () => {
    const base = { workflow: 'w', roles: { r: 'R' } };
    expect(validate({ ...base, steps: [{ id: 'a', role: 'r', histroy_visibility: 'none' }] })).toBe(
      false,
    );
    expect(
      validate({ ...base, steps: [{ id: 'a', role: 'r', history_visibility: 'latests' }] }),
    ).toBe(false);
    expect(validate({ ...base, models: { r: 'gpt4' }, steps: [{ id: 'a', role: 'r' }] })).toBe(
      false,
    );
    expect(
      validate({
        ...base,
        steps: [{ id: 'a', role: 'r', repeat: { back_to: 'a', max_iterations: 0 } }],
      }),
    ).toBe(false);
  });

  it('enumerates the context source forms, as the loader reads them', () => {
    const step = (context: string[]) => ({
      workflow: 'w',
      roles: { r: 'R' },
      steps: [{ id: 'a', role: 'r', context }],
    });
    for (const good of [
      ['git_diff', 'latest_diff', 'pr_description'],
      ['file:README.md', 'file:docs/a b.md'],
      ['glob:docs/**/*.md'],
    ]) {
      expect([good, validate(step(good))]).toEqual([good, true]);
    }
    for (const bad of ['git-diff', 'README.md', 'file:', 'file: README.md', 'glob:', 'files:a']) {
      expect([bad, validate(step([bad]))]).toEqual([bad, false]);
    }
    const items = JSON.stringify(
      (schema as { properties: { steps: { items: { properties: { context: unknown } } } } })
        .properties.steps.items.properties.context,
    );
    for (const keyword of ['git_diff', 'latest_diff', 'pr_description'])
      expect(items).toContain(`"const":"${keyword}"`);
  });

  it('checks learnings and the context forms of label_context the same way', () => {
    const base = {
      workflow: 'w',
      roles: { r: 'R' },
      steps: [{ id: 'a', role: 'r', context: ['learnings'] }],
    };
    expect(
      validate({
        ...base,
        learnings: '.aethr/learnings.md',
        label_context: { security: ['file:SECURITY.md', 'learnings'], 'any label': ['git_diff'] },
      }),
    ).toBe(true);
    expect(validate({ ...base, label_context: { security: ['SECURITY.md'] } })).toBe(false);
    expect(validate({ ...base, label_context: { security: 'file:SECURITY.md' } })).toBe(false);
    expect(validate({ ...base, learnings: 3 })).toBe(false);
  });
});
