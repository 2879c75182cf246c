/**
 * The Action's inputs, read and validated in one place. This is the only caller of
 * core.getInput; everything downstream takes the typed `ActionInputs`.
 */
import * as core from './workflow-commands.js';
import { AethrError } from '../errors.js';
import { PERMISSION_LEVELS, type PermissionLevel } from '../github/forge.js';
import { MODEL_REF_PATTERN } from '../config/model-ref.js';
import type { DoorSettings } from '../github/settings.js';
import { FAIL_ON, type FailOn } from '../github/settings.js';
import { retryBaseMsFrom } from '../models/openai-retry.js';
import { collectSecrets } from '../security/outbound-filter.js';

export { FAIL_ON };
export type { FailOn };

/** Provider key inputs and the environment variable each one sets. */
export const KEY_INPUTS = {
  'openai-api-key': 'OPENAI_API_KEY',
  'anthropic-api-key': 'ANTHROPIC_API_KEY',
  'gemini-api-key': 'GEMINI_API_KEY',
  'openrouter-api-key': 'OPENROUTER_API_KEY',
  'xai-api-key': 'XAI_API_KEY',
} as const;

export interface ActionInputs {
  token: string;
  workflow: string;
  model?: string;
  failOn: FailOn;
  maxIterations?: number;
  minimumPermission: PermissionLevel;
  allowedActors: string[];
  /** Logins (the aethr App's `<slug>[bot]`) whose dispatches may carry another actor's request. */
  dispatchSenders: string[];
  mock: boolean;
  includeDrafts: boolean;
  triggerLabel: string;
  botLogin: string;
  baseUrl?: string;
  maxBotCommits: number;
  /** Author of follow-up commits; undefined: the github-actions bot. */
  commitAuthor?: { name: string; email: string };
  /** Environment variables to add for model calls (keys from inputs, base URL). */
  modelEnv: Record<string, string>;
  /** Publish the `aethr / <workflow>` check run. */
  checkRun: boolean;
  /** Review-only runs for PRs by authors below minimum-permission (pull_request_target). */
  allowUntrustedReviews: boolean;
}

type Reader = (name: string) => string;

function oneOf<T extends string>(name: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new AethrError(`Input "${name}" is "${value}"; expected one of ${allowed.join(', ')}.`, {
    hint: `Set "${name}" in the "with:" block of the workflow step.`,
  });
}

function bool(name: string, value: string): boolean {
  if (value === '') return false;
  if (/^(true|yes|1|on)$/i.test(value)) return true;
  if (/^(false|no|0|off)$/i.test(value)) return false;
  throw new AethrError(`Input "${name}" is "${value}"; expected true or false.`);
}

/** A comma- or space-separated list of logins, lower-cased. */
function logins(value: string): string[] {
  return value
    .split(/[\s,]+/)
    .filter(Boolean)
    .map((a) => a.toLowerCase());
}

/** Parses inputs from a reader (core.getInput by default) so tests can feed plain objects. */
export function parseInputs(read: Reader = (name) => core.getInput(name)): ActionInputs {
  const get = (name: string): string => read(name).trim();
  const token = get('github-token');
  if (!token) {
    throw new AethrError('Input "github-token" is empty.', {
      hint: 'Leave it at its default (${{ github.token }}) or pass a token with pull-requests: write.',
    });
  }
  const model = get('model') || undefined;
  if (model && !MODEL_REF_PATTERN.test(model) && !/^[\w.-]+$/.test(model)) {
    throw new AethrError(
      `Input "model" is "${model}"; expected "provider:model", e.g. openai:gpt-4o-mini.`,
    );
  }
  const maxText = get('max-iterations');
  let maxIterations: number | undefined;
  if (maxText) {
    maxIterations = Number(maxText);
    if (!Number.isInteger(maxIterations) || maxIterations < 1 || maxIterations > 20) {
      throw new AethrError(
        `Input "max-iterations" is "${maxText}"; expected a whole number from 1 to 20.`,
      );
    }
  }
  const modelEnv: Record<string, string> = {};
  for (const [input, envName] of Object.entries(KEY_INPUTS)) {
    const value = get(input);
    if (value) {
      core.setSecret(value);
      modelEnv[envName] = value;
    }
  }
  const baseUrl = get('base-url') || undefined;
  if (baseUrl) {
    if (!/^https?:\/\//.test(baseUrl))
      throw new AethrError(`Input "base-url" is "${baseUrl}"; expected an http(s) URL.`);
    modelEnv.OPENAI_BASE_URL = baseUrl;
  }

  const maxBotText = get('max-bot-commits') || '10';
  const maxBotCommits = Number(maxBotText);
  if (!Number.isInteger(maxBotCommits) || maxBotCommits < 0 || maxBotCommits > 100) {
    throw new AethrError(
      `Input "max-bot-commits" is "${maxBotText}"; expected a whole number from 0 to 100.`,
    );
  }
  const authorText = get('commit-author');
  let commitAuthor: ActionInputs['commitAuthor'];
  if (authorText) {
    const m = /^([^<>\n]+?)\s*<([^<>\s]+@[^<>\s]+)>$/.exec(authorText);
    if (!m)
      throw new AethrError(`Input "commit-author" is "${authorText}"; expected "Name <email>".`);
    commitAuthor = { name: m[1]!, email: m[2]! };
  }

  return {
    token,
    maxBotCommits,
    commitAuthor,
    workflow: get('workflow') || '.aethr.yaml',
    model,
    failOn: oneOf('fail-on', get('fail-on') || 'none', FAIL_ON),
    maxIterations,
    minimumPermission: oneOf(
      'minimum-permission',
      get('minimum-permission') || 'write',
      PERMISSION_LEVELS,
    ),
    allowedActors: logins(get('allowed-actors')),
    dispatchSenders: logins(get('dispatch-senders')),
    mock: bool('mock', get('mock')),
    includeDrafts: bool('include-drafts', get('include-drafts')),
    triggerLabel: get('trigger-label') || 'aethr:implement',
    botLogin: get('bot-login') || 'github-actions[bot]',
    baseUrl,
    modelEnv,
    checkRun: get('check-run') === '' ? true : bool('check-run', get('check-run')),
    allowUntrustedReviews: bool('allow-untrusted-reviews', get('allow-untrusted-reviews')),
  };
}

/** The run's settings from the inputs and the runner's environment (GITHUB_*). */
export function doorSettings(
  inputs: ActionInputs,
  env: NodeJS.ProcessEnv,
  repository: { fullName: string },
): DoorSettings {
  const server = (env.GITHUB_SERVER_URL ?? 'https://github.com').replace(/\/+$/, '');
  const repo = repository.fullName;
  const modelEnv = { ...env, ...inputs.modelEnv };
  return {
    workflowSpec: inputs.workflow,
    model: inputs.model,
    mock: inputs.mock,
    failOn: inputs.failOn,
    maxIterations: inputs.maxIterations,
    minimumPermission: inputs.minimumPermission,
    allowedActors: inputs.allowedActors,
    untrustedReviews: inputs.allowUntrustedReviews ? 'pull_request_target' : 'off',
    botLogin: inputs.botLogin,
    identity: inputs.commitAuthor,
    maxBotCommits: inputs.maxBotCommits,
    checkRun: inputs.checkRun ? 'auto' : 'off',
    modelEnv,
    secrets: collectSecrets(modelEnv, { token: inputs.token, ...inputs.modelEnv }),
    links: {
      serverUrl: server,
      repositoryUrl: `${server}/${repo}`,
      runUrl: env.GITHUB_RUN_ID ? `${server}/${repo}/actions/runs/${env.GITHUB_RUN_ID}` : undefined,
      runId: env.GITHUB_RUN_ID,
    },
    githubRetryBaseMs: retryBaseMsFrom(env),
  };
}
