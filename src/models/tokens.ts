/**
 * Token counting before a call, per model family.
 *
 * - OpenAI families are counted exactly with `gpt-tokenizer`: `o200k_base` for gpt-4o, gpt-4.1,
 *   gpt-4.5, the o-series (o1, o3, o4-mini) and gpt-5; `cl100k_base` for gpt-4 / gpt-4-turbo and
 *   gpt-3.5. The family is read from the model name, whoever serves it (`openai:`, `azure:` when the
 *   deployment is named after the model, `openrouter:openai/gpt-4o`, a local proxy).
 * - A chat costs more than its text: as OpenAI documents ("How to count tokens with tiktoken"),
 *   each message adds 3 tokens (`<|im_start|>`, `<|im_sep|>`, `<|im_end|>`) plus its role's tokens,
 *   and every reply is primed with 3 more (`<|im_start|>assistant<|im_sep|>`). This is exactly what
 *   gpt-tokenizer's `encodeChat` produces for these models (a test checks it).
 * - Special-token text in content (`<|endoftext|>` in a diff) is counted as plain text, as the API
 *   does; it never throws.
 * - Other providers publish no tokenizer usable offline, so their count is an approximation:
 *   ceil(chars / 3.5) for Anthropic (claude*) and Google (gemini*), whose tokenizers produce more
 *   tokens per character than OpenAI's; ceil(chars / 4) for everything else; plus the same chat
 *   overhead. The method used is returned as a label (`tokenizer:o200k_base`,
 *   `approx:chars/3.5`, `approx:chars/4`) and lands in the ledger's `estimateMethod`.
 *
 * The tokenizer tables are several MB of JavaScript (hundreds of ms to load, ~70 MB of heap), so
 * they are loaded lazily with a dynamic import on the first exact count, never at start-up, and
 * callers count only what a byte bound (`chatTokensUpperBound`) cannot settle. Counting is linear
 * in the text whatever its shape (token-count.ts: pathological runs count as their bytes).
 */
import type { ChatMessage, CountedText } from '../engine/types.js';
import { boundedTokenCount } from './token-count.js';
import { loadEncoding } from './tokenizer-data.js';

export type TokenizerEncoding = 'o200k_base' | 'cl100k_base';

/** Tokens each chat message adds around its content and role (OpenAI's documented value). */
export const TOKENS_PER_MESSAGE = 3;
/** Tokens priming the reply (`<|im_start|>assistant<|im_sep|>`). */
export const REPLY_PRIMING_TOKENS = 3;

export interface TokenMethod {
  /**
   * `exact`: a real tokenizer for this model family; `approx`: a chars-per-token estimate;
   * `bound`: a count no exact one exceeds, made without a tokenizer (chatTokensBound).
   */
  kind: 'exact' | 'approx' | 'bound';
  encoding?: TokenizerEncoding;
  /** For `approx`: characters per token. */
  charsPerToken?: number;
  /**
   * What the ledger shows: `tokenizer:o200k_base`, `approx:chars/3.5`, `approx:chars/4`,
   * `bound:utf8-bytes`, `bound:counted+bytes`.
   */
  label: string;
}

export interface TokenEstimate {
  tokens: number;
  method: TokenMethod;
}

const O200K = /^(gpt-4o|chatgpt-4o|gpt-4\.1|gpt-4\.5|gpt-5|o1|o3|o4|codex-mini|computer-use)/;
const CL100K = /^(gpt-4(?![o.])|gpt-3\.5|gpt-35)/;

/** The model name without provider and without an `openai/` vendor prefix (OpenRouter). */
function bareModel(ref: string): { provider: string; model: string } {
  const colon = ref.indexOf(':');
  const provider = colon === -1 ? 'openai' : ref.slice(0, colon).toLowerCase();
  let model = (colon === -1 ? ref : ref.slice(colon + 1)).trim().toLowerCase();
  if (model.startsWith('openai/')) model = model.slice('openai/'.length);
  return { provider, model };
}

/** The OpenAI encoding for a model reference (`provider:model` or a bare model), if it has one. */
export function encodingFor(ref: string): TokenizerEncoding | undefined {
  const { provider, model } = bareModel(ref);
  if (
    provider === 'anthropic' ||
    provider === 'google' ||
    provider === 'gemini' ||
    provider === 'xai'
  ) {
    return undefined;
  }
  if (O200K.test(model)) return 'o200k_base';
  if (CL100K.test(model)) return 'cl100k_base';
  return undefined;
}

/** How tokens are counted for `ref`. */
export function tokenMethodFor(ref: string): TokenMethod {
  const encoding = encodingFor(ref);
  if (encoding) return { kind: 'exact', encoding, label: `tokenizer:${encoding}` };
  const { provider, model } = bareModel(ref);
  const dense =
    provider === 'anthropic' ||
    provider === 'google' ||
    provider === 'gemini' ||
    /^(anthropic\/|google\/)?(claude|gemini)/.test(model);
  return dense
    ? { kind: 'approx', charsPerToken: 3.5, label: 'approx:chars/3.5' }
    : { kind: 'approx', charsPerToken: 4, label: 'approx:chars/4' };
}

// ---------------------------------------------------------------------------------------------
// Lazy tokenizer loading

/** Tokens of a text in one encoding: exact, or above the exact count on pathological runs. */
export type TextTokenCounter = (text: string) => number;

const encoders = new Map<TokenizerEncoding, Promise<TextTokenCounter>>();

/** Special-token text counts as ordinary text (never throws). */
const AS_TEXT = { disallowedSpecial: new Set<string>() };

/** Loads (once) the tokenizer for an encoding; its counts take linear time (token-count.ts). */
export function loadEncoder(encoding: TokenizerEncoding): Promise<TextTokenCounter> {
  let encoder = encoders.get(encoding);
  if (!encoder) {
    encoder = loadEncoding(encoding).then((module): TextTokenCounter => {
      // Options cost a set-up on every call (a quarter of the time on short texts): only text that
      // holds special-token syntax (all of it starts with "<|") needs them to count as plain text.
      const exact = (text: string): number =>
        text.includes('<|') ? module.countTokens(text, AS_TEXT) : module.countTokens(text);
      return (text) => boundedTokenCount(text, exact);
    });
    encoder.catch(() => encoders.delete(encoding));
    encoders.set(encoding, encoder);
  }
  return encoder;
}

/** Whether a tokenizer has been loaded in this process (for tests and benchmarks). */
export function tokenizerLoaded(): boolean {
  return encoders.size > 0;
}

function approxTokens(text: string, charsPerToken: number): number {
  return text.length === 0 ? 0 : Math.ceil(text.length / charsPerToken);
}

/** Tokens of `text` for the model `ref` (exact for OpenAI families, else an approximation). */
export async function countTokens(text: string, ref: string): Promise<number> {
  const method = tokenMethodFor(ref);
  if (method.kind === 'approx') return approxTokens(text, method.charsPerToken!);
  const encoder = await loadEncoder(method.encoding!);
  return text.length === 0 ? 0 : encoder(text);
}

/** Input tokens of a chat request (content, roles and the per-message and priming overhead). */
export async function countChatTokens(
  messages: readonly ChatMessage[],
  ref: string,
): Promise<number> {
  return (await estimateChatTokens(messages, ref)).tokens;
}

/** `countChatTokens` with the method used. */
export async function estimateChatTokens(
  messages: readonly ChatMessage[],
  ref: string,
): Promise<TokenEstimate> {
  const method = tokenMethodFor(ref);
  if (method.kind === 'approx') return { tokens: approxChatTokens(messages, method), method };
  const encoder = await loadEncoder(method.encoding!);
  let tokens = REPLY_PRIMING_TOKENS;
  for (const message of messages) {
    tokens += TOKENS_PER_MESSAGE + encoder(message.role);
    if (message.content.length > 0) tokens += encoder(message.content);
  }
  return { tokens, method };
}

/** A chars-per-token estimate of a chat, with the same overhead as an exact count. */
export function approxChatTokens(
  messages: readonly ChatMessage[],
  method: TokenMethod = { kind: 'approx', charsPerToken: 4, label: 'approx:chars/4' },
): number {
  const perToken = method.charsPerToken ?? 4;
  let tokens = REPLY_PRIMING_TOKENS;
  for (const message of messages) {
    tokens += TOKENS_PER_MESSAGE + 1 + approxTokens(message.content, perToken);
  }
  return tokens;
}

/**
 * A bound no exact count can exceed, without loading a tokenizer: every BPE token covers at least
 * one UTF-8 byte, so a message costs at most its bytes plus the overhead. Lets callers skip the
 * tokenizer when a limit cannot be reached anyway.
 */
export function chatTokensUpperBound(messages: readonly ChatMessage[]): number {
  let tokens = REPLY_PRIMING_TOKENS;
  for (const message of messages) {
    tokens +=
      TOKENS_PER_MESSAGE + Buffer.byteLength(message.role) + Buffer.byteLength(message.content);
  }
  return tokens;
}

/** Tokens a counted piece may gain where it meets the text around it (a chunk across its edges). */
const EDGE_TOKENS = 4;

/**
 * `chatTokensUpperBound` for `ref`, with the text the prompt's builder already counted at its
 * count instead of its bytes — for every family that count bounds (all but cl100k_base's).
 */
export function chatTokensBound(
  messages: readonly ChatMessage[],
  ref: string,
  counted?: CountedText,
): TokenEstimate {
  const bytes = chatTokensUpperBound(messages);
  if (counted && encodingFor(ref) !== 'cl100k_base') {
    const tokens = bytes - counted.bytes + counted.tokens + EDGE_TOKENS * counted.parts;
    if (tokens < bytes) return { tokens, method: { kind: 'bound', label: 'bound:counted+bytes' } };
  }
  return { tokens: bytes, method: { kind: 'bound', label: 'bound:utf8-bytes' } };
}
