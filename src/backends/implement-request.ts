/**
 * What the backends that answer an implement step from one model reply share: the request (the
 * step's model, role and id, purpose `implement`, the rendered prompt) and the artifact of a step
 * that changed nothing.
 */
import type {
  ChatResult,
  ImplementationArtifact,
  ImplementBackend,
  ModelClient,
} from '../engine/types.js';

export type ImplementInput = Parameters<ImplementBackend['implement']>[0];

/** Asks the step's model; `instructions` (how to answer) follow the user prompt. */
export function askToImplement(
  models: ModelClient,
  { step, prompt, model, onDelta }: ImplementInput,
  instructions?: string,
): Promise<ChatResult> {
  const user = instructions === undefined ? prompt.user : `${prompt.user}\n\n${instructions}`;
  return models.chat(
    {
      model,
      role: step.role,
      stepId: step.id,
      purpose: 'implement',
      messages: [
        { role: 'system', content: prompt.system },
        { role: 'user', content: user },
      ],
      // The context the prompt's builder already counted, so the gateway need not again.
      ...(prompt.counted ? { counted: prompt.counted } : {}),
    },
    onDelta,
  );
}

/** The artifact of a step that changed no file, saying why (and, when refused, by what). */
export function unchangedArtifact(
  stepId: string,
  iteration: number,
  note: string,
  refusal?: ImplementationArtifact['refusal'],
): ImplementationArtifact {
  return {
    stepId,
    iteration,
    changedFiles: [],
    diffStat: '',
    patch: '',
    note,
    ...(refusal ? { refusal } : {}),
  };
}
