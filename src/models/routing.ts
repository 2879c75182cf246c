/**
 * Which model a role uses. Precedence, highest first:
 *
 *   1. An override from the door (the Action's `model` input), else `AETHR_MODEL` (environment):
 *      overrides every role. A bare name (`gpt-4o`) means `openai:gpt-4o`.
 *   2. `models.<role>` in `.aethr.yaml`.
 *   3. `models.default` in `.aethr.yaml`.
 *   4. `openai:gpt-4o-mini`.
 */
import type { Workflow } from '../config/schema.js';
import { ModelError } from './model-error.js';
import { envValue, parseModelRef, type Env } from './providers.js';

export const DEFAULT_MODEL = 'openai:gpt-4o-mini';

export type ModelSource = 'override' | 'AETHR_MODEL' | 'role' | 'default' | 'builtin';

/** A model every role uses, from a door setting, with where it was set for messages. */
export interface ModelOverride {
  ref: string;
  /** e.g. `the "model" input`. */
  configuredAt: string;
}

export interface RoutedModel {
  /** `provider:model`. */
  ref: string;
  source: ModelSource;
  /** Human wording of where it is configured, for messages: `models.reviewer in .aethr.yaml`. */
  configuredAt: string;
}

/** `gpt-4o` -> `openai:gpt-4o`; `Anthropic:claude-x` -> `anthropic:claude-x`. Throws ModelError if malformed. */
export function normalizeModelRef(ref: string): string {
  return parseModelRef(ref).ref;
}

/** Like `routeModel`, and says where the answer came from. */
export function routeModelWithSource(
  workflow: Pick<Workflow, 'models'>,
  role: string,
  env: Env,
  doorOverride?: ModelOverride,
): RoutedModel {
  if (doorOverride) {
    try {
      return {
        ref: normalizeModelRef(doorOverride.ref),
        source: 'override',
        configuredAt: doorOverride.configuredAt,
      };
    } catch (error) {
      throw new ModelError(
        `${doorOverride.configuredAt} is "${doorOverride.ref}", which is not a valid model reference.`,
        { kind: 'config', hint: 'Use "provider:model", e.g. openai:gpt-4o-mini.', cause: error },
      );
    }
  }
  const override = envValue(env, 'AETHR_MODEL');
  if (override !== undefined) {
    try {
      return {
        ref: normalizeModelRef(override),
        source: 'AETHR_MODEL',
        configuredAt: 'the AETHR_MODEL environment variable',
      };
    } catch (error) {
      throw new ModelError(`AETHR_MODEL="${override}" is not a valid model reference.`, {
        kind: 'config',
        hint: 'Set AETHR_MODEL to "provider:model" (for example "openai:gpt-4o-mini") or to a bare OpenAI model name, or unset it.',
        cause: error,
      });
    }
  }
  const models = workflow.models ?? {};
  const forRole = Object.hasOwn(models, role) ? models[role] : undefined;
  if (forRole)
    return {
      ref: normalizeModelRef(forRole),
      source: 'role',
      configuredAt: `models.${role} in .aethr.yaml`,
    };
  const fallback = Object.hasOwn(models, 'default') ? models.default : undefined;
  if (fallback)
    return {
      ref: normalizeModelRef(fallback),
      source: 'default',
      configuredAt: 'models.default in .aethr.yaml',
    };
  return {
    ref: DEFAULT_MODEL,
    source: 'builtin',
    configuredAt: `the built-in default (${DEFAULT_MODEL}; set models.${role} or models.default in .aethr.yaml)`,
  };
}

/** `provider:model` for a role; see the precedence above. */
export function routeModel(
  workflow: Pick<Workflow, 'models'>,
  role: string,
  env: Env,
  override?: ModelOverride,
): string {
  return routeModelWithSource(workflow, role, env, override).ref;
}
