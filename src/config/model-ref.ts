/**
 * The `provider:model` shape, on its own: the doors check the `model` input with it at start-up,
 * without loading the workflow schema (zod) that an ignored event never needs.
 */

/** `provider:model`, e.g. `openai:gpt-4o-mini` or `openrouter:anthropic/claude-sonnet-4`. */
export const MODEL_REF_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]*:\S+$/;
