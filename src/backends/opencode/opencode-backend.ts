/**
 * The `opencode` implement backend: runs the opencode CLI in the working tree with the step's
 * routed model, then reads what changed from git.
 *
 *   snapshot (HEAD, status, dirty-file hashes)
 *   → opencode run --model aethr/<model> --format json --pure --title … [--auto] -- <prompt>
 *     (isolated HOME/XDG dirs, config in OPENCODE_CONFIG_CONTENT, stdin /dev/null, hard timeout)
 *   → JSONL events: text streamed to onDelta and kept as output, tool calls, usage, errors
 *   → changed files, diff stat and patch from git (new untracked files included)
 *
 * Sandboxed (src/sandbox): opencode runs with the allow-listed environment, in the process
 * isolation detected for the machine (refused for untrusted code when there is none), with the
 * checkout's git credentials hidden and `.git/config`/hooks checked after; it reaches the model
 * only through aethr's model proxy with a one-run dummy key, so budgets and the ledger apply to
 * its calls and the real key never enters its process.
 *
 * The run is judged by the tree, not the exit code (opencode-verdict.ts): a run that changed
 * nothing says so in the artifact note; an `error` event, a timeout, or HEAD moving is an
 * OpencodeError whose `artifact` describes the changes left in the tree.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { ImplementBackend, ModelClient } from '../../engine/types.js';
import { guardUntrustedRun } from '../../sandbox/guard-run.js';
import type { Isolation } from '../../sandbox/isolation.js';
import { startModelProxy } from '../../sandbox/model-proxy.js';
import { createSandbox } from '../../sandbox/sandbox.js';
import { assertCanRunUntrusted } from '../../sandbox/untrusted-policy.js';
import { keyEnvLabel, resolveProvider } from '../../models/providers.js';
import type { ResolvedProvider } from '../../models/providers.js';
import { redactSecrets } from '../../models/redact.js';
import {
  DEFAULT_REQUEST_TIMEOUT_MS,
  ISOLATION_SUBDIRS,
  opencodeEnv,
  opencodePrompt,
  opencodeRunArgs,
} from './opencode-config.js';
import type { OpencodeConfigInput } from './opencode-config.js';
import { EventCollector, failedTools, parseEventLine } from './opencode-events.js';
import { findExecutable, opencodeCommand } from './find-binary.js';
import { INSTALL_HINT, OpencodeError } from './errors.js';
import { DEFAULT_KILL_GRACE_MS, runProcess } from './run-process.js';
import type { ProcessRunResult } from './run-process.js';
import { judgeRun, runArtifact, runResult } from './opencode-verdict.js';
import { describeTreeChanges, readTreeState } from '../../git/tree-changes.js';
import type { GitRunner } from '../../git/tree-changes.js';
import { runGit } from '../../git/run-git.js';

export interface OpencodeBackendOptions {
  /** The working tree (top level of a git repository) opencode edits. */
  root: string;
  /** Environment for provider routing checks; opencode itself gets only the sandbox's allow-list. */
  env: Record<string, string | undefined>;
  /** The gateway opencode's model calls go through (via the model proxy): budgets and ledger apply. */
  models: ModelClient;
  /** Further variables opencode's shell commands may see (never secret-looking ones). */
  passEnv?: readonly string[];
  /** The tree holds untrusted code: refuse to run without process isolation. */
  untrusted?: boolean;
  /** The remote's refs, compared before and after the agent runs (none may move). */
  listRemote?: () => Promise<Record<string, string>>;
  /** Default: detected once per process (tests pin one). */
  isolation?: Isolation;
  /** The opencode executable. Default: `AETHR_OPENCODE_BIN`, else `opencode` on PATH. */
  bin?: string;
  /** Hard limit for one run; the process group is stopped after it. Default 15 min. */
  timeoutMs?: number;
  /** Per model request (opencode's provider `timeout`). Default 5 min, never above `timeoutMs`. */
  requestTimeoutMs?: number;
  /** Model limits told to opencode. Defaults 128 000 / 8 192 tokens. */
  contextLimit?: number;
  outputLimit?: number;
  /** Characters of model text kept as the step's output. Default 200 000. */
  maxOutputChars?: number;
  /** Between SIGTERM and SIGKILL when the timeout fires. Default 3 s. */
  killGraceMs?: number;
  /** Parent folder of the per-run isolation folder. Default the OS temp dir. */
  tempDir?: string;
  /** How git is run (tests may observe calls). Default `runGit`. */
  git?: GitRunner;
}

export const DEFAULT_OPENCODE_TIMEOUT_MS = 15 * 60_000;
const DEFAULT_MAX_OUTPUT_CHARS = 200_000;

const SECRET_ENV_NAME = /(_API_KEY|_TOKEN|_SECRET|_PASSWORD)$/i;

type ImplementInput = Parameters<ImplementBackend['implement']>[0];

export function createOpencodeBackend(options: OpencodeBackendOptions): ImplementBackend {
  const timeoutMs = options.timeoutMs ?? DEFAULT_OPENCODE_TIMEOUT_MS;
  const git = options.git ?? runGit;
  const envSecrets = Object.entries(options.env)
    .filter(([name, value]) => SECRET_ENV_NAME.test(name) && typeof value === 'string')
    .map(([, value]) => value as string);

  return {
    async implement(input) {
      const { step, iteration } = input;
      // 1. Where the model lives, and the binary.
      const target = routeModel(step.id, input.model, options.env);
      const secrets = [target.apiKey, ...envSecrets];
      const redact = (text: string): string => redactSecrets(text, secrets);
      const bin = await locateBinary(step.id, options);

      // 2. The tree before; 3. the run, sandboxed, with the model behind the proxy.
      const before = await readTreeState(options.root, git);
      const { run, collector } = await runAgent(options, input, {
        target,
        bin,
        timeoutMs,
        redact,
      });

      // 4. The tree after, and the verdict.
      const changes = await describeTreeChanges(before, git);
      const { summary } = collector;
      const failed = failedTools(summary);
      const artifact = runArtifact({
        stepId: step.id,
        iteration,
        changes,
        run,
        failed,
        ...(target.apiKey ? { apiKey: target.apiKey } : {}),
        redact,
      });
      judgeRun({
        stepId: step.id,
        bin,
        timeoutMs,
        run,
        summary,
        headBefore: before.head,
        headAfter: changes.after.head,
        artifact,
        target,
        redact,
      });
      return runResult(collector.outputText(), summary, failed, artifact, redact);
    },
  };
}

/** The step's provider, with a base URL (and a key unless the provider needs none). */
function routeModel(
  stepId: string,
  model: string,
  env: OpencodeBackendOptions['env'],
): ResolvedProvider & { baseURL: string } {
  const target = resolveProvider(model, env);
  if (target.baseURL === undefined) {
    throw new OpencodeError(`opencode step "${stepId}": no base URL for ${target.ref}.`, {
      kind: 'config',
      hint: `Set ${target.baseURLEnvNames.join(' or ')} to the provider's OpenAI-compatible base URL.`,
    });
  }
  if (!target.apiKey && !target.keyOptional) {
    throw new OpencodeError(
      `opencode step "${stepId}": ${keyEnvLabel(target.keyEnvNames)} is not set (needed for ${target.ref}).`,
      {
        kind: 'config',
        hint: target.keyHelp
          ? `Get a key at ${target.keyHelp} and set ${target.keyEnvNames[0]}.`
          : `Set ${target.keyEnvNames[0]}.`,
      },
    );
  }
  return { ...target, baseURL: target.baseURL };
}

async function locateBinary(stepId: string, options: OpencodeBackendOptions): Promise<string> {
  const command = opencodeCommand(options.bin, options.env);
  const bin = await findExecutable(command, options.env, options.root);
  if (!bin) {
    throw new OpencodeError(
      `opencode step "${stepId}": the opencode CLI was not found (looked for ${JSON.stringify(command)}).`,
      { kind: 'not-installed', hint: INSTALL_HINT },
    );
  }
  return bin;
}

interface AgentRun {
  target: ResolvedProvider & { baseURL: string };
  bin: string;
  timeoutMs: number;
  redact: (text: string) => string;
}

/**
 * Runs opencode once in the sandbox, its model calls through a one-run model proxy; streams its
 * text to `onDelta`. A budget refusal on the proxy stops the agent and is thrown.
 */
async function runAgent(
  options: OpencodeBackendOptions,
  { step, prompt, model, iteration, onDelta }: ImplementInput,
  { target, bin, timeoutMs, redact }: AgentRun,
): Promise<{ run: ProcessRunResult; collector: EventCollector }> {
  const sandbox = await createSandbox({
    baseEnv: options.env,
    prefix: 'aethr-opencode-',
    ...(options.passEnv ? { passEnv: options.passEnv } : {}),
    ...(options.tempDir ? { tempDir: options.tempDir } : {}),
    ...(options.isolation ? { isolation: options.isolation } : {}),
  });
  let fatal: unknown;
  const stop = new AbortController();
  const proxy = await startModelProxy({
    models: options.models,
    model,
    role: step.role,
    stepId: step.id,
    onError: (error) => {
      // A budget refusal will not change on retry: stop the agent instead of letting it retry.
      if ((error as Error).name === 'BudgetExceeded') {
        fatal ??= error;
        stop.abort();
      }
    },
  }).catch(async (error: unknown) => {
    await sandbox.dispose();
    throw error;
  });
  const unsafe = step.unsafe_permissions === true;
  const config: OpencodeConfigInput = {
    model: target.model,
    ref: target.ref,
    baseURL: proxy.baseURL,
    apiKey: proxy.apiKey,
    unsafePermissions: unsafe,
    requestTimeoutMs: Math.min(options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS, timeoutMs),
  };
  if (options.contextLimit) config.contextLimit = options.contextLimit;
  if (options.outputLimit) config.outputLimit = options.outputLimit;

  const collector = new EventCollector(options.maxOutputChars ?? DEFAULT_MAX_OUTPUT_CHARS);
  let streamed = 0;
  let run: ProcessRunResult;
  try {
    assertCanRunUntrusted({
      untrusted: options.untrusted === true,
      isolation: sandbox.isolation,
      what: 'the opencode agent',
    });
    for (const sub of ISOLATION_SUBDIRS) await mkdir(join(sandbox.dir, sub), { recursive: true });
    const argv = [
      bin,
      ...opencodeRunArgs({
        model: target.model,
        prompt: opencodePrompt(prompt),
        unsafePermissions: unsafe,
        title: `aethr ${step.id} (iteration ${iteration})`,
      }),
    ];
    const env = opencodeEnv({ sandboxEnv: sandbox.env, isolationDir: sandbox.dir, config });
    const cmd = sandbox.command(argv, { cwd: options.root, env });
    run = await guardUntrustedRun(
      options.root,
      () =>
        runProcess({
          bin: cmd.file,
          args: cmd.args,
          cwd: options.root,
          env: cmd.env,
          timeoutMs,
          signal: stop.signal,
          killGraceMs: options.killGraceMs ?? DEFAULT_KILL_GRACE_MS,
          onLine: (line) => {
            const event = parseEventLine(line);
            collector.add(event);
            if (event.kind === 'text' && event.text !== '' && onDelta) {
              onDelta(redact(streamed++ === 0 ? event.text : `\n\n${event.text}`));
            }
          },
        }),
      options.listRemote ? { listRemote: options.listRemote } : {},
    );
  } finally {
    await proxy.close();
    await sandbox.dispose();
  }
  if (fatal !== undefined) throw fatal;
  return { run, collector };
}
