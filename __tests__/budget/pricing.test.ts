import { describe, expect, it } from '@jest/globals';
import {
  costUsd,
  createPriceTable,
  DEFAULT_PRICES,
  formatUsd,
  undatedModel,
} from '../../src/models/pricing.js';

describe('price table', () => {
  const defaults = createPriceTable();

  it('knows common models by default', () => {
    for (const ref of [
      'openai:gpt-4o',
      'openai:gpt-4o-mini',
      'openai:gpt-4.1',
      'openai:gpt-4.1-mini',
      'openai:o3',
      'openai:o4-mini',
      'openai:gpt-5',
      'anthropic:claude-sonnet-4-5',
      'anthropic:claude-haiku-4-5',
      'anthropic:claude-opus-4-1',
      'google:gemini-2.5-flash',
      'google:gemini-2.5-pro',
      'xai:grok-4',
    ]) {
      expect([ref, defaults.priceFor(ref)?.source]).toEqual([ref, 'default']);
    }
    expect(defaults.priceFor('openai:gpt-4o-mini')).toEqual({
      input_per_mtok: 0.15,
      output_per_mtok: 0.6,
      source: 'default',
      key: 'openai:gpt-4o-mini',
    });
    for (const price of Object.values(DEFAULT_PRICES)) {
      expect(price.output_per_mtok).toBeGreaterThanOrEqual(price.input_per_mtok);
    }
  });

  it('finds dated snapshots, aliases and OpenRouter vendor models', () => {
    expect(undatedModel('gpt-4o-2024-08-06')).toBe('gpt-4o');
    expect(undatedModel('claude-sonnet-4-20250514')).toBe('claude-sonnet-4');
    expect(defaults.priceFor('openai:gpt-4o-2024-08-06')?.key).toBe('openai:gpt-4o');
    expect(defaults.priceFor('anthropic:claude-sonnet-4-20250514')?.key).toBe(
      'anthropic:claude-sonnet-4',
    );
    expect(defaults.priceFor('gemini:gemini-2.5-flash')?.key).toBe('google:gemini-2.5-flash');
    expect(defaults.priceFor('openrouter:openai/gpt-4o-mini')?.key).toBe('openai:gpt-4o-mini');
    expect(defaults.priceFor('openrouter:x-ai/grok-4')?.key).toBe('xai:grok-4');
    // o3-pro is not priced as o3.
    expect(defaults.priceFor('openai:o3-pro')?.input_per_mtok).toBe(20);
  });

  it('an unknown model has an unknown price, not zero', () => {
    expect(defaults.priceFor('openai:my-finetune')).toBeUndefined();
    expect(defaults.priceFor('azure:prod-deployment')).toBeUndefined();
    expect(defaults.priceFor('ollama:llama3.2')).toBeUndefined();
  });

  it("the workflow's pricing: overrides the defaults and prices unknown models", () => {
    const table = createPriceTable({
      'openai:gpt-4o': { input_per_mtok: 1, output_per_mtok: 2 },
      'ollama:llama3.2': { input_per_mtok: 0, output_per_mtok: 0 },
      'Gemini:gemini-2.5-pro': { input_per_mtok: 9, output_per_mtok: 9 },
    });
    expect(table.priceFor('openai:gpt-4o')).toMatchObject({ input_per_mtok: 1, source: 'pricing' });
    expect(table.priceFor('openai:gpt-4o-2024-11-20')).toMatchObject({
      input_per_mtok: 1,
      source: 'pricing',
    });
    expect(table.priceFor('ollama:llama3.2')).toMatchObject({
      input_per_mtok: 0,
      source: 'pricing',
    });
    expect(table.priceFor('google:gemini-2.5-pro')).toMatchObject({
      input_per_mtok: 9,
      source: 'pricing',
    });
    expect(table.priceFor('openai:gpt-4o-mini')?.source).toBe('default');
  });

  it('costs and formats USD', () => {
    expect(costUsd({ input_per_mtok: 2.5, output_per_mtok: 10 }, 1_000_000, 100_000)).toBeCloseTo(
      3.5,
    );
    expect(formatUsd(0)).toBe('$0.00');
    expect(formatUsd(0.00001)).toBe('<$0.0001');
    expect(formatUsd(0.01234)).toBe('$0.0123');
    expect(formatUsd(12.5)).toBe('$12.50');
  });
});
