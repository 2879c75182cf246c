/**
 * Stands in for an editing backend (opencode) when models are mocked: the mock model answers,
 * the tree is not touched, and the artifact says why nothing changed.
 */
import type { ImplementBackend, ModelClient } from '../engine/types.js';
import { askToImplement, unchangedArtifact } from './implement-request.js';

export function createMockImplementBackend(models: ModelClient, reason: string): ImplementBackend {
  return {
    async implement(input) {
      const reply = await askToImplement(models, input);
      return {
        output: reply.text,
        usage: reply.usage,
        mock: true,
        artifact: unchangedArtifact(input.step.id, input.iteration, reason),
      };
    },
  };
}
