/**
 * `aethr pr --event FILE`: runs the Action's own path (intent → dispatch → handlers) on a saved
 * event payload, printing what it would post. With GITHUB_TOKEN set and without --dry-run it
 * talks to the real API (GITHUB_API_URL), exactly like the Action.
 */
import { readFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { AethrError, toError } from '../../errors.js';
import { createDryRunForge } from '../../github/dry-run-forge.js';
import { dispatchIntent, toPullInfo } from '../../github/dispatch-intent.js';
import { normaliseEvent } from '../../github/event-intent.js';
import type { RunReporter } from '../../github/reporter.js';
import { loadProjectEnv } from '../../models/env-file.js';
import type { CliIO } from '../main.js';

const EVENT_NAMES = [
  'pull_request',
  'pull_request_target',
  'issue_comment',
  'issues',
  'workflow_dispatch',
  'schedule',
];

/** The event name: --event-name, else the file name (`pull_request.json`), else the payload's shape. */
export function guessEventName(file: string, payload: Record<string, unknown>): string | undefined {
  const stem = basename(file)
    .replace(/\.json$/, '')
    .split('.')[0]!;
  if (EVENT_NAMES.includes(stem)) return stem;
  if (payload.comment && payload.issue) return 'issue_comment';
  if (payload.pull_request) return 'pull_request';
  if (payload.issue) return 'issues';
  if (payload.schedule) return 'schedule';
  if (payload.inputs !== undefined) return 'workflow_dispatch';
  return undefined;
}

function terminalReporter(io: CliIO): RunReporter & { failed?: string } {
  const reporter: RunReporter & { failed?: string } = {
    info: (m) => io.out(`${m}\n`),
    notice: (m) => io.out(`notice: ${m}\n`),
    warning: (m) => io.err(`warning: ${m}\n`),
    group: async (name, fn) => {
      io.out(`── ${name} ──\n`);
      return fn();
    },
    setOutput: (name, value) =>
      io.out(`output ${name}=${value.length > 200 ? `${value.slice(0, 200)}…` : value}\n`),
    setFailed: (m) => {
      reporter.failed = m;
      io.err(`failed: ${m}\n`);
    },
    jobSummary: async (markdown) => io.out(`\n── job summary ──\n${markdown}\n`),
    secret: () => {},
  };
  return reporter;
}

export async function prCommand(argv: string[], io: CliIO, cwd = process.cwd()): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      event: { type: 'string' },
      'event-name': { type: 'string' },
      repo: { type: 'string' },
      'dry-run': { type: 'boolean' },
      workflow: { type: 'string' },
      verbose: { type: 'boolean' },
    },
  });
  if (!values.event)
    throw new AethrError('aethr pr needs --event FILE.', {
      hint: 'Save a webhook payload as JSON and pass its path.',
    });
  const root = resolve(cwd, values.repo ?? '.');
  let payload: Record<string, unknown>;
  try {
    payload = JSON.parse(await readFile(values.event, 'utf8')) as Record<string, unknown>;
  } catch (error) {
    throw new AethrError(`Cannot read the event ${values.event}: ${toError(error).message}`);
  }
  const name = values['event-name'] ?? guessEventName(values.event, payload);
  if (!name)
    throw new AethrError('Cannot tell which event this payload is.', {
      hint: `Pass --event-name (${EVENT_NAMES.join(', ')}).`,
    });

  const env = await loadProjectEnv(root, process.env);
  const token = env.GITHUB_TOKEN ?? env.GH_TOKEN;
  const dryRun = values['dry-run'] || !token;
  const intent = normaliseEvent(
    { name, payload },
    { skipDrafts: true, botLogin: 'github-actions[bot]', repository: env.GITHUB_REPOSITORY },
  );
  const report = terminalReporter(io);
  if (intent.kind === 'ignore') {
    report.notice(`aethr: nothing to do: ${intent.reason}`);
    return 0;
  }
  const { owner, repo } = intent.repository;
  const forge = dryRun
    ? createDryRunForge({
        owner,
        repo,
        root,
        pull: intent.kind === 'review' ? toPullInfo(intent.pullRequest) : undefined,
        defaultBranch: intent.repository.defaultBranch ?? 'main',
        print: io.out,
      })
    : (await import('../../github/octokit-forge.js')).createOctokitForge({
        token: token!,
        owner,
        repo,
        apiUrl: env.GITHUB_API_URL,
        log: report.info,
      });
  io.out(
    dryRun
      ? `Previewing ${name} on ${owner}/${repo} (dry run: nothing is posted).\n`
      : `Running ${name} on ${owner}/${repo} against ${env.GITHUB_API_URL ?? 'https://api.github.com'}.\n`,
  );

  const live = env.AETHR_LIVE === '1' || env.AETHR_LIVE === 'true';
  await dispatchIntent(
    intent,
    {
      workflowSpec: values.workflow ?? '.aethr.yaml',
      failOn: 'none',
      minimumPermission: 'write',
      allowedActors: [],
      mock: !live,
      botLogin: 'github-actions[bot]',
      maxBotCommits: 10,
    },
    { forge, report, root, env, diffSource: dryRun ? 'api' : 'auto' },
  );
  return report.failed ? 1 : 0;
}
