/**
 * examples/aethr-workflows: one workflow per preset, each loading with the real loader and the
 * JSON Schema, routing its roles to more than one provider, with the editor's $schema line.
 */
import { describe, expect, it } from '@jest/globals';
import { Ajv } from 'ajv';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { buildJsonSchema } from '../../src/config/json-schema.js';
import { loadWorkflowFile, parseWorkflowText } from '../../src/config/load-workflow.js';
import { PRESET_NAMES } from '../../src/config/presets.js';
import { SCHEMA_COMMENT } from '../../src/project.js';

const DIR = resolve('examples/aethr-workflows');
const validate = new Ajv({ strict: false, allErrors: true }).compile(buildJsonSchema());

describe('examples/aethr-workflows', () => {
  it('has one workflow per preset', () => {
    expect(readdirSync(DIR).sort()).toEqual(PRESET_NAMES.map((n) => `${n}.yaml`).sort());
  });

  it.each([...PRESET_NAMES])('%s loads, validates, and mixes providers', async (name) => {
    const file = join(DIR, `${name}.yaml`);
    const text = readFileSync(file, 'utf8');
    expect(text.split('\n')[0]).toBe(SCHEMA_COMMENT);
    const workflow = await loadWorkflowFile(file, `${name}.yaml`);
    expect(workflow.workflow).toBe(name);
    expect([name, validate(parse(text)), validate.errors]).toEqual([name, true, null]);
    const providers = new Set(Object.values(workflow.models).map((ref) => ref.split(':')[0]));
    const roles = Object.keys(workflow.roles).length;
    if (roles > 1) expect(providers.size).toBeGreaterThan(1);
    // The steps are the preset's: only the model routing differs.
    const preset = parse(readFileSync(join('presets', `${name}.yaml`), 'utf8')) as {
      steps: unknown;
    };
    expect(parse(text).steps).toEqual(preset.steps);
  });

  it.each(['plan-implement-review', 'review-existing-diff'])(
    '%s (preset and example) shows the optional keys, which load once uncommented',
    (name) => {
      for (const file of [join('presets', `${name}.yaml`), join(DIR, `${name}.yaml`)]) {
        const text = readFileSync(file, 'utf8');
        const uncommented = text.replace(
          /^# ((?:learnings|label_context):.*| {2}[\w-]+: \[.*)$/gm,
          '$1',
        );
        expect(uncommented).not.toBe(text);
        const workflow = parseWorkflowText(uncommented, file);
        expect(workflow.label_context).toEqual({
          security: ['file:SECURITY.md'],
          documentation: ['glob:docs/**/*.md'],
        });
        if (name === 'plan-implement-review')
          expect(workflow.learnings).toBe('.aethr/learnings.md');
        expect([file, validate(parse(uncommented)), validate.errors]).toEqual([file, true, null]);
      }
    },
  );
});
