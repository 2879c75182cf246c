/**
 * Everything opencode is told, built as plain data (pure, no I/O): the `OPENCODE_CONFIG_CONTENT`
 * JSON for the step's routed model, the isolation environment, and the `opencode run` argv.
 *
 * The routed model becomes provider `aethr` (`@ai-sdk/openai-compatible`, built into opencode) with
 * the resolved base URL and key, so opencode talks to exactly the endpoint the rest of the run uses
 * and to nothing else. What was learnt driving opencode 1.18.33 offline:
 * - `autoupdate: false`, `share: "disabled"` and the `OPENCODE_DISABLE_*` flags keep it off the network;
 *   `npm_config_registry` at an unreachable local address stops its background plugin install.
 * - There is no per-request timeout unless `options.timeout` is set (requests wait up to 300 s).
 * - A repository's own `opencode.json` is honoured, including `"permission": "allow"`: a pull
 *   request could grant itself the bypass. `OPENCODE_DISABLE_PROJECT_CONFIG=1` (and `--pure`, no
 *   external plugins) keep the repository from configuring the agent.
 * - Without a TTY, anything that resolves to "ask" (writing outside the directory, for one) is
 *   rejected; `"permission": "allow"` / `--auto` allow it. Only `unsafe_permissions: true` does that.
 * - `opencode run` joins its message arguments and wraps one that contains spaces in double quotes
 *   (escaping inner quotes), so the model sees the prompt quoted. Harmless; noted so nobody chases it.
 */
import { join } from 'node:path';

/** The provider id opencode knows the routed model by: `--model aethr/<model>`. */
export const OPENCODE_PROVIDER_ID = 'aethr';

/** Requests to the model wait at most this long unless told otherwise (opencode's own default is 300 s). */
export const DEFAULT_REQUEST_TIMEOUT_MS = 300_000;
export const DEFAULT_CONTEXT_LIMIT = 128_000;
export const DEFAULT_OUTPUT_LIMIT = 8_192;

/** Where npm would fetch plugins from: the discard port on loopback, so it fails at once. */
export const UNREACHABLE_REGISTRY = 'http://127.0.0.1:9/';

/** Set to `1` for every run. */
export const OPENCODE_DISABLE_FLAGS = [
  'OPENCODE_DISABLE_AUTOUPDATE',
  'OPENCODE_DISABLE_MODELS_FETCH',
  'OPENCODE_DISABLE_SHARE',
  'OPENCODE_DISABLE_LSP_DOWNLOAD',
  'OPENCODE_DISABLE_DEFAULT_PLUGINS',
  'OPENCODE_DISABLE_CLAUDE_CODE',
  'OPENCODE_DISABLE_EXTERNAL_SKILLS',
  'OPENCODE_DISABLE_PROJECT_CONFIG',
] as const;

export interface OpencodeModelTarget {
  /** The model name the endpoint expects (`gpt-4o-mini`, `meta-llama/llama-3.1-8b:free`, ...). */
  model: string;
  /** `provider:model` as routed, for the provider's display name. */
  ref?: string;
  /** The OpenAI-compatible base URL (usually ending in `/v1`). */
  baseURL: string;
  apiKey?: string;
  /** Extra request headers (Azure's `api-key`). */
  headers?: Record<string, string>;
}

export interface OpencodeConfigInput extends OpencodeModelTarget {
  /** `unsafe_permissions: true` on the step: grant every permission (`"permission": "allow"`). */
  unsafePermissions: boolean;
  /** Per-request timeout. Default DEFAULT_REQUEST_TIMEOUT_MS. */
  requestTimeoutMs?: number;
  contextLimit?: number;
  outputLimit?: number;
}

export interface OpencodeProviderConfig {
  npm: '@ai-sdk/openai-compatible';
  name: string;
  options: { baseURL: string; apiKey?: string; timeout: number; headers?: Record<string, string> };
  models: Record<
    string,
    { name: string; tool_call: true; limit: { context: number; output: number } }
  >;
}

export interface OpencodeConfig {
  $schema: string;
  autoupdate: false;
  share: 'disabled';
  model: string;
  small_model: string;
  enabled_providers: string[];
  provider: Record<string, OpencodeProviderConfig>;
  /** No formatters or language servers: the tree changes only by the model's own edits. */
  formatter: false;
  lsp: false;
  /** opencode's own undo snapshots are not needed (git is the record) and cost time on big trees. */
  snapshot: false;
  permission?: 'allow';
}

/** `aethr/<model>` */
export function opencodeModelId(model: string): string {
  return `${OPENCODE_PROVIDER_ID}/${model}`;
}

export function buildOpencodeConfig(input: OpencodeConfigInput): OpencodeConfig {
  const id = opencodeModelId(input.model);
  const options: OpencodeProviderConfig['options'] = {
    baseURL: input.baseURL,
    timeout: input.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS,
  };
  if (input.apiKey) options.apiKey = input.apiKey;
  if (input.headers && Object.keys(input.headers).length > 0)
    options.headers = { ...input.headers };
  const config: OpencodeConfig = {
    $schema: 'https://opencode.ai/config.json',
    autoupdate: false,
    share: 'disabled',
    model: id,
    small_model: id,
    enabled_providers: [OPENCODE_PROVIDER_ID],
    provider: {
      [OPENCODE_PROVIDER_ID]: {
        npm: '@ai-sdk/openai-compatible',
        name: input.ref ? `Aethr (${input.ref})` : 'Aethr',
        options,
        models: {
          [input.model]: {
            name: input.model,
            tool_call: true,
            limit: {
              context: input.contextLimit ?? DEFAULT_CONTEXT_LIMIT,
              output: input.outputLimit ?? DEFAULT_OUTPUT_LIMIT,
            },
          },
        },
      },
    },
    formatter: false,
    lsp: false,
    snapshot: false,
  };
  if (input.unsafePermissions === true) config.permission = 'allow';
  return config;
}

/** The JSON text for `OPENCODE_CONFIG_CONTENT`. */
export function opencodeConfigContent(input: OpencodeConfigInput): string {
  return JSON.stringify(buildOpencodeConfig(input));
}

/** The isolation variables for a run whose private folder is `dir` (created by the caller). */
export function isolationEnv(dir: string): Record<string, string> {
  const env: Record<string, string> = {
    HOME: join(dir, 'home'),
    XDG_CONFIG_HOME: join(dir, 'config'),
    XDG_DATA_HOME: join(dir, 'data'),
    XDG_CACHE_HOME: join(dir, 'cache'),
    XDG_STATE_HOME: join(dir, 'state'),
    npm_config_registry: UNREACHABLE_REGISTRY,
    npm_config_update_notifier: 'false',
    GIT_TERMINAL_PROMPT: '0',
  };
  for (const flag of OPENCODE_DISABLE_FLAGS) env[flag] = '1';
  return env;
}

/**
 * The complete environment of an `opencode run`: the sandbox's allow-listed variables
 * (src/sandbox/sandbox-env.ts: no token, no key, no `INPUT_*`), the isolation, and the config.
 */
export function opencodeEnv(input: {
  sandboxEnv: Readonly<Record<string, string>>;
  isolationDir: string;
  config: OpencodeConfigInput;
}): Record<string, string> {
  return {
    ...input.sandboxEnv,
    ...isolationEnv(input.isolationDir),
    OPENCODE_CONFIG_CONTENT: opencodeConfigContent(input.config),
  };
}

/** The folders under the isolation dir that must exist before opencode starts. */
export const ISOLATION_SUBDIRS = ['home', 'config', 'data', 'cache', 'state'] as const;

/**
 * `opencode run --model aethr/<model> --format json --pure --title <title> [--auto] -- <prompt>`.
 * The prompt is one argv element after `--` (so a prompt starting with `-` is not an option);
 * `--title` skips the title request; `--auto` only for `unsafe_permissions: true`.
 */
export function opencodeRunArgs(input: {
  model: string;
  prompt: string;
  unsafePermissions: boolean;
  title?: string;
}): string[] {
  const args = ['run', '--model', opencodeModelId(input.model), '--format', 'json', '--pure'];
  args.push('--title', input.title ?? 'aethr');
  if (input.unsafePermissions === true) args.push('--auto');
  args.push('--', input.prompt);
  return args;
}

/** The one prompt opencode gets: the step's system text, then the user text. */
export function opencodePrompt(prompt: { system: string; user: string }): string {
  const system = prompt.system.trim();
  const user = prompt.user.trim();
  const rules = [
    '## How to work',
    'Edit the files of this repository (the working directory) with your tools to carry out the task.',
    'Do not commit, stash, switch branches or otherwise change git history: the changes are collected from the working tree afterwards.',
  ].join('\n');
  return [system, rules, user].filter((part) => part !== '').join('\n\n');
}
