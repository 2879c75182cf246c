import { describe, expect, it } from '@jest/globals';
import { ModelError } from '../../src/models/model-error.js';
import {
  DEFAULT_MODEL,
  normalizeModelRef,
  routeModel,
  routeModelWithSource,
} from '../../src/models/routing.js';

const workflow = {
  models: { reviewer: 'anthropic:claude-sonnet-4-5', default: 'google:gemini-2.5-flash' },
};

describe('routeModel', () => {
  it('uses models[role] first', () => {
    expect(routeModel(workflow, 'reviewer', {})).toBe('anthropic:claude-sonnet-4-5');
  });

  it('falls back to models.default, then openai:gpt-4o-mini', () => {
    expect(routeModel(workflow, 'planner', {})).toBe('google:gemini-2.5-flash');
    expect(routeModel({ models: {} }, 'planner', {})).toBe('openai:gpt-4o-mini');
    expect(DEFAULT_MODEL).toBe('openai:gpt-4o-mini');
  });

  it('AETHR_MODEL overrides every role, including ones with their own model', () => {
    const env = { AETHR_MODEL: 'xai:grok-4' };
    expect(routeModel(workflow, 'reviewer', env)).toBe('xai:grok-4');
    expect(routeModel(workflow, 'planner', env)).toBe('xai:grok-4');
    expect(routeModel({ models: {} }, 'anything', env)).toBe('xai:grok-4');
  });

  it('accepts a bare model name in AETHR_MODEL as an OpenAI model', () => {
    expect(routeModel(workflow, 'reviewer', { AETHR_MODEL: 'gpt-4o' })).toBe('openai:gpt-4o');
    expect(routeModel(workflow, 'reviewer', { AETHR_MODEL: '  gpt-4o \n' })).toBe('openai:gpt-4o');
  });

  it('ignores an empty AETHR_MODEL', () => {
    expect(routeModel(workflow, 'reviewer', { AETHR_MODEL: '' })).toBe(
      'anthropic:claude-sonnet-4-5',
    );
    expect(routeModel(workflow, 'reviewer', { AETHR_MODEL: '   ' })).toBe(
      'anthropic:claude-sonnet-4-5',
    );
  });

  it('rejects a malformed AETHR_MODEL with a ModelError and a hint', () => {
    let caught: unknown;
    try {
      routeModel(workflow, 'reviewer', { AETHR_MODEL: 'openai:' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ModelError);
    expect((caught as ModelError).message).toContain('AETHR_MODEL');
    expect((caught as ModelError).hint).toContain('provider:model');
  });

  it('keeps model names with slashes and colons, lower-cases the provider', () => {
    expect(normalizeModelRef('openrouter:meta-llama/llama-3.1-8b-instruct:free')).toBe(
      'openrouter:meta-llama/llama-3.1-8b-instruct:free',
    );
    expect(normalizeModelRef('OpenAI:GPT-4o')).toBe('openai:GPT-4o');
  });

  it('does not treat inherited object keys as roles', () => {
    expect(routeModel({ models: {} }, 'constructor', {})).toBe('openai:gpt-4o-mini');
  });

  it('says where the model came from', () => {
    expect(routeModelWithSource(workflow, 'reviewer', {})).toMatchObject({
      source: 'role',
      configuredAt: 'models.reviewer in .aethr.yaml',
    });
    expect(routeModelWithSource(workflow, 'planner', {}).source).toBe('default');
    expect(routeModelWithSource({ models: {} }, 'planner', {}).source).toBe('builtin');
    expect(routeModelWithSource(workflow, 'planner', { AETHR_MODEL: 'gpt-4o' }).source).toBe(
      'AETHR_MODEL',
    );
  });
});
