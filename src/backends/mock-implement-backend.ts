/**
 * Stands in for an editing backend (opencode) when models are mocked: the mock model answers,
 * the tree is not touched, and the artifact says why nothing changed.
 */
import type { ImplementBackend, ModelClient } from '../engine/types.js';

export function createMockImplementBackend(models: ModelClient, reason: string): ImplementBackend {
  return {
    async implement({ step, prompt, model, iteration, onDelta }) {
      const reply = await models.chat(
        {
          model,
          role: step.role,
          stepId: step.id,
          purpose: 'implement',
          messages: [
            { role: 'system', content: prompt.system },
            { role: 'user', content: prompt.user },
          ],
        },
        onDelta,
      );
      return {
        output: reply.text,
        usage: reply.usage,
        mock: true,
        artifact: {
          stepId: step.id,
          iteration,
          changedFiles: [],
          diffStat: '',
          patch: '',
          note: reason,
        },
      };
    },
  };
}
