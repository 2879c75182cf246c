/**
 * Model prices in USD per million tokens, for projecting a call's cost before it is made and for
 * the ledger.
 *
 * DEFAULT_PRICES are defaults: list prices of the providers' standard tier as published in 2025
 * (no batch, cache or long-context discounts or surcharges). Prices change; a workflow's
 * `pricing:` map (`"provider:model": { input_per_mtok, output_per_mtok }`) always wins, and is the
 * way to price a model this table does not know (an Azure deployment, a fine-tune, a local model:
 * `{ input_per_mtok: 0, output_per_mtok: 0 }`).
 *
 * Lookup for `provider:model`: the workflow's entry for exactly that reference, then for the model
 * without a date suffix (`gpt-4o-2024-08-06` -> `gpt-4o`, `claude-sonnet-4-20250514` ->
 * `claude-sonnet-4`); then the same in the defaults. `gemini:` is `google:`, and OpenRouter's
 * `vendor/model` is priced as the vendor's model. An unknown model has an unknown cost (not zero):
 * with a USD budget such a call is refused (see budget.ts).
 */

export interface PriceEntry {
  input_per_mtok: number;
  output_per_mtok: number;
}

export interface ModelPrice extends PriceEntry {
  /** `pricing` when it came from the workflow, `default` when from DEFAULT_PRICES. */
  source: 'pricing' | 'default';
  /** The key that matched. */
  key: string;
}

/** USD per million tokens. Defaults only: `.aethr.yaml` `pricing:` overrides any of them. */
export const DEFAULT_PRICES: Readonly<Record<string, PriceEntry>> = Object.freeze({
  // OpenAI
  'openai:gpt-4o': { input_per_mtok: 2.5, output_per_mtok: 10 },
  'openai:chatgpt-4o-latest': { input_per_mtok: 5, output_per_mtok: 15 },
  'openai:gpt-4o-mini': { input_per_mtok: 0.15, output_per_mtok: 0.6 },
  'openai:gpt-4.1': { input_per_mtok: 2, output_per_mtok: 8 },
  'openai:gpt-4.1-mini': { input_per_mtok: 0.4, output_per_mtok: 1.6 },
  'openai:gpt-4.1-nano': { input_per_mtok: 0.1, output_per_mtok: 0.4 },
  'openai:gpt-4-turbo': { input_per_mtok: 10, output_per_mtok: 30 },
  'openai:gpt-4': { input_per_mtok: 30, output_per_mtok: 60 },
  'openai:gpt-3.5-turbo': { input_per_mtok: 0.5, output_per_mtok: 1.5 },
  'openai:o1': { input_per_mtok: 15, output_per_mtok: 60 },
  'openai:o1-mini': { input_per_mtok: 1.1, output_per_mtok: 4.4 },
  'openai:o3': { input_per_mtok: 2, output_per_mtok: 8 },
  'openai:o3-pro': { input_per_mtok: 20, output_per_mtok: 80 },
  'openai:o3-mini': { input_per_mtok: 1.1, output_per_mtok: 4.4 },
  'openai:o4-mini': { input_per_mtok: 1.1, output_per_mtok: 4.4 },
  'openai:gpt-5': { input_per_mtok: 1.25, output_per_mtok: 10 },
  'openai:gpt-5-mini': { input_per_mtok: 0.25, output_per_mtok: 2 },
  'openai:gpt-5-nano': { input_per_mtok: 0.05, output_per_mtok: 0.4 },
  'openai:gpt-5-codex': { input_per_mtok: 1.25, output_per_mtok: 10 },
  'openai:gpt-5-chat-latest': { input_per_mtok: 1.25, output_per_mtok: 10 },
  'openai:gpt-5.1': { input_per_mtok: 1.25, output_per_mtok: 10 },
  // Anthropic
  'anthropic:claude-opus-4': { input_per_mtok: 15, output_per_mtok: 75 },
  'anthropic:claude-opus-4-0': { input_per_mtok: 15, output_per_mtok: 75 },
  'anthropic:claude-opus-4-1': { input_per_mtok: 15, output_per_mtok: 75 },
  'anthropic:claude-opus-4-5': { input_per_mtok: 5, output_per_mtok: 25 },
  'anthropic:claude-sonnet-4': { input_per_mtok: 3, output_per_mtok: 15 },
  'anthropic:claude-sonnet-4-0': { input_per_mtok: 3, output_per_mtok: 15 },
  'anthropic:claude-sonnet-4-5': { input_per_mtok: 3, output_per_mtok: 15 },
  'anthropic:claude-3-7-sonnet': { input_per_mtok: 3, output_per_mtok: 15 },
  'anthropic:claude-haiku-4-5': { input_per_mtok: 1, output_per_mtok: 5 },
  'anthropic:claude-3-5-haiku': { input_per_mtok: 0.8, output_per_mtok: 4 },
  // Google (prompts up to 200k tokens)
  'google:gemini-2.5-pro': { input_per_mtok: 1.25, output_per_mtok: 10 },
  'google:gemini-2.5-flash': { input_per_mtok: 0.3, output_per_mtok: 2.5 },
  'google:gemini-2.5-flash-lite': { input_per_mtok: 0.1, output_per_mtok: 0.4 },
  'google:gemini-2.0-flash': { input_per_mtok: 0.1, output_per_mtok: 0.4 },
  'google:gemini-2.0-flash-lite': { input_per_mtok: 0.075, output_per_mtok: 0.3 },
  // xAI
  'xai:grok-4': { input_per_mtok: 3, output_per_mtok: 15 },
  'xai:grok-3': { input_per_mtok: 3, output_per_mtok: 15 },
  'xai:grok-3-mini': { input_per_mtok: 0.3, output_per_mtok: 0.5 },
  'xai:grok-code-fast-1': { input_per_mtok: 0.2, output_per_mtok: 1.5 },
});

const PROVIDER_ALIASES: Readonly<Record<string, string>> = { gemini: 'google' };
/** OpenRouter vendor prefixes -> our provider names. */
const VENDORS: Readonly<Record<string, string>> = {
  openai: 'openai',
  anthropic: 'anthropic',
  google: 'google',
  'x-ai': 'xai',
  xai: 'xai',
};

function splitRef(ref: string): { provider: string; model: string } {
  const colon = ref.indexOf(':');
  const provider = colon === -1 ? 'openai' : ref.slice(0, colon).trim().toLowerCase();
  const model = (colon === -1 ? ref : ref.slice(colon + 1)).trim();
  return { provider: PROVIDER_ALIASES[provider] ?? provider, model };
}

/** `gpt-4o-2024-08-06` -> `gpt-4o`; `claude-sonnet-4-20250514` -> `claude-sonnet-4`; `-latest` stays. */
export function undatedModel(model: string): string {
  return model.replace(/-\d{4}-\d{2}-\d{2}$/, '').replace(/-\d{8}$/, '');
}

/** Reference spellings to try, most specific first. */
function candidates(ref: string): string[] {
  const { provider, model } = splitRef(ref);
  const out = [`${provider}:${model}`, `${provider}:${undatedModel(model)}`];
  const slash = model.indexOf('/');
  if (slash !== -1) {
    const vendor = VENDORS[model.slice(0, slash).toLowerCase()];
    const inner = model.slice(slash + 1).replace(/:.*$/, '');
    if (vendor) out.push(`${vendor}:${inner}`, `${vendor}:${undatedModel(inner)}`);
  }
  return [...new Set(out)];
}

function normaliseKeys(
  table: Readonly<Record<string, PriceEntry>>,
): Map<string, [string, PriceEntry]> {
  const map = new Map<string, [string, PriceEntry]>();
  for (const [key, entry] of Object.entries(table)) {
    const { provider, model } = splitRef(key);
    map.set(`${provider}:${model}`, [key, entry]);
  }
  return map;
}

const DEFAULTS = normaliseKeys(DEFAULT_PRICES);

export interface PriceTable {
  /** The price of `provider:model`, or undefined when neither the workflow nor the defaults know it. */
  priceFor(ref: string): ModelPrice | undefined;
}

/** A price table: the workflow's `pricing:` over DEFAULT_PRICES. */
export function createPriceTable(pricing?: Readonly<Record<string, PriceEntry>>): PriceTable {
  const workflow = normaliseKeys(pricing ?? {});
  return {
    priceFor(ref) {
      const tries = candidates(ref);
      for (const [source, table] of [
        ['pricing', workflow],
        ['default', DEFAULTS],
      ] as const) {
        // Exact reference first in each table; the vendor route only for OpenRouter-style refs.
        for (const key of tries) {
          const hit = table.get(key);
          if (hit) return { ...hit[1], source, key: hit[0] };
        }
      }
      return undefined;
    },
  };
}

/** USD for a number of tokens at a price. */
export function costUsd(price: PriceEntry, inputTokens: number, outputTokens: number): number {
  return (inputTokens * price.input_per_mtok + outputTokens * price.output_per_mtok) / 1_000_000;
}

/** `$0.0123`, `$1.25`, `<$0.0001`: enough digits to see small calls. */
export function formatUsd(usd: number): string {
  if (usd === 0) return '$0.00';
  if (usd < 0.0001) return '<$0.0001';
  if (usd < 1) return `$${usd.toFixed(4)}`;
  return `$${usd.toFixed(2)}`;
}
