/**
 * `aethr pr --event FILE`: runs the Action's own path (intent → dispatch → handlers) on a saved
 * event payload, printing what it would post. With GITHUB_TOKEN set and without --dry-run it
 * talks to the real API (GITHUB_API_URL), exactly like the Action.
 */
import { readFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { doorSettings, parseInputs } from '../../action/inputs.js';
import { AethrError, toError } from '../../errors.js';
import { createCheckoutWorkspace, createLocalWorkspace } from '../../git/workspace.js';
import { createDryRunForge } from '../../github/dry-run-forge.js';
import { dispatchIntent } from '../../github/dispatch-intent.js';
import { normaliseEvent, type Intent } from '../../github/event-intent.js';
import { githubPublishers } from '../../github/github-publishers.js';
import { createJobReportPublisher, type JobReport } from '../../github/publish-job-report.js';
import type { RunLog } from '../../github/run-log.js';
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

function terminalLog(io: CliIO): RunLog {
  return {
    info: (m) => io.out(`${m}\n`),
    notice: (m) => io.out(`notice: ${m}\n`),
    warning: (m) => io.err(`warning: ${m}\n`),
    group: async (name, fn) => {
      io.out(`── ${name} ──\n`);
      return fn();
    },
  };
}

function terminalReport(io: CliIO): JobReport & { failed?: string } {
  const report: JobReport & { failed?: string } = {
    notice: (m) => io.out(`notice: ${m}\n`),
    warning: (m) => io.err(`warning: ${m}\n`),
    setOutput: (name, value) =>
      io.out(`output ${name}=${value.length > 200 ? `${value.slice(0, 200)}…` : value}\n`),
    setFailed: (m) => {
      report.failed = m;
      io.err(`failed: ${m}\n`);
    },
    jobSummary: async (markdown) => io.out(`\n── job summary ──\n${markdown}\n`),
  };
  return report;
}

/** The pull request an event is about, for the preview's first line. */
function pullNumberOf(intent: Intent): number | undefined {
  if (intent.kind === 'review') return intent.pullRequest.number;
  if (intent.kind === 'command') return intent.pullRequestNumber;
  if (intent.kind === 'label') return intent.issue.number;
  return undefined;
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
  const live = env.AETHR_LIVE === '1' || env.AETHR_LIVE === 'true';
  // The Action's own inputs and defaults, so a preview behaves as the Action would.
  const given: Record<string, string> = {
    'github-token': token ?? 'dry-run',
    workflow: values.workflow ?? '',
    mock: live ? 'false' : 'true',
  };
  const inputs = parseInputs((name) => given[name] ?? '');
  const intent = normaliseEvent(
    { name, payload },
    {
      skipDrafts: !inputs.includeDrafts,
      botLogin: inputs.botLogin,
      triggerLabel: inputs.triggerLabel,
      repository: env.GITHUB_REPOSITORY,
    },
  );
  const log = terminalLog(io);
  const report = terminalReport(io);
  if (intent.kind === 'ignore') {
    report.notice(`aethr: nothing to do: ${intent.reason}`);
    return 0;
  }
  const { owner, repo } = intent.repository;
  const settings = doorSettings(inputs, env, intent.repository);
  const forge = dryRun
    ? createDryRunForge({
        owner,
        repo,
        root,
        pull: intent.kind === 'review' ? intent.pullRequest : undefined,
        issue: intent.kind === 'label' ? intent.issue : undefined,
        defaultBranch: intent.repository.defaultBranch ?? 'main',
        print: io.out,
      })
    : (await import('../../github/octokit-forge.js')).createOctokitForge({
        token: token!,
        owner,
        repo,
        apiUrl: env.GITHUB_API_URL,
        log: log.info,
      });
  const number = pullNumberOf(intent);
  const on = `${owner}/${repo}${number === undefined ? '' : ` #${number}`}`;
  io.out(
    dryRun
      ? `Previewing ${name} on ${on} (dry run: nothing is posted; the diff comes from the local repository).\n`
      : `Running ${name} on ${on} against ${env.GITHUB_API_URL ?? 'https://api.github.com'}.\n`,
  );
  const workspace = dryRun
    ? await createLocalWorkspace(root)
    : await createCheckoutWorkspace(root, {
        auth: { token: token!, serverUrl: settings.links.serverUrl },
      });
  await dispatchIntent(intent, settings, {
    forge,
    workspace,
    log,
    publishers: (filtered) => [
      ...githubPublishers(filtered.forge, filtered.log, settings),
      createJobReportPublisher(report, { failOn: settings.failOn, links: settings.links }),
    ],
  });
  return report.failed ? 1 : 0;
}
