/**
 * The Action door: inputs → intent → handler → outputs. This function owns the one try/catch
 * that turns an error into a failed step; everything below it throws.
 */
import { readFile } from 'node:fs/promises';
import { AethrError, toError } from '../errors.js';
import { normaliseEvent } from '../github/event-intent.js';
import { redactSecrets } from '../models/redact.js';
import { createCoreReporter } from './core-reporter.js';
import { parseInputs } from './inputs.js';

export async function run(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const report = createCoreReporter();
  let secrets: string[] = [];
  try {
    const inputs = parseInputs();
    secrets = [inputs.token, ...Object.values(inputs.modelEnv)];
    const intent = normaliseEvent(await readEvent(env), {
      skipDrafts: !inputs.includeDrafts,
      botLogin: inputs.botLogin,
      triggerLabel: inputs.triggerLabel,
      repository: env.GITHUB_REPOSITORY,
    });
    if (intent.kind === 'ignore') {
      report.notice(`aethr: nothing to do: ${intent.reason}`);
      return;
    }
    // Only now load what a run needs: an ignored event exits without it.
    const { createOctokitForge } = await import('../github/octokit-forge.js');
    const { dispatchIntent } = await import('../github/dispatch-intent.js');
    const { owner, repo } = intent.repository;
    const forge = createOctokitForge({
      token: inputs.token,
      owner,
      repo,
      apiUrl: env.GITHUB_API_URL,
      log: (m) => report.info(m),
    });
    const server = env.GITHUB_SERVER_URL ?? 'https://github.com';
    await dispatchIntent(
      intent,
      {
        workflowSpec: inputs.workflow,
        failOn: inputs.failOn,
        maxIterations: inputs.maxIterations,
        minimumPermission: inputs.minimumPermission,
        allowedActors: inputs.allowedActors,
        mock: inputs.mock,
        botLogin: inputs.botLogin,
        maxBotCommits: inputs.maxBotCommits,
        identity: inputs.commitAuthor,
      },
      {
        forge,
        report,
        root: env.GITHUB_WORKSPACE ?? process.cwd(),
        env: { ...env, ...inputs.modelEnv },
        runUrl: env.GITHUB_RUN_ID
          ? `${server}/${owner}/${repo}/actions/runs/${env.GITHUB_RUN_ID}`
          : undefined,
        repositoryUrl: `${server}/${owner}/${repo}`,
        serverUrl: server,
        runId: env.GITHUB_RUN_ID,
      },
    );
  } catch (error) {
    const e = toError(error);
    const hint = error instanceof AethrError && error.hint ? `\n${error.hint}` : tokenHint(error);
    report.setFailed(redactSecrets(`aethr: ${e.message}${hint}`, secrets));
  }
}

/** GitHub's 403 for a token without the needed permission, explained. */
function tokenHint(error: unknown): string {
  const e = error as { status?: number; message?: string };
  if (e.status !== 403 || !/not accessible by integration/i.test(e.message ?? '')) return '';
  return (
    '\nThe token may not write here. Give the job `permissions: pull-requests: write` (and `contents: write` for implement runs); ' +
    'runs triggered by pull_request from a fork always get a read-only token — use comment commands or pull_request_target for those.'
  );
}

async function readEvent(env: NodeJS.ProcessEnv): Promise<{ name: string; payload: unknown }> {
  const name = env.GITHUB_EVENT_NAME;
  const path = env.GITHUB_EVENT_PATH;
  if (!name || !path) {
    throw new AethrError(
      'GITHUB_EVENT_NAME and GITHUB_EVENT_PATH are not set: this is not a GitHub Actions run.',
      {
        hint: 'To preview the action on a saved event, use "aethr pr --event FILE".',
      },
    );
  }
  try {
    return { name, payload: JSON.parse(await readFile(path, 'utf8')) };
  } catch (error) {
    throw new AethrError(`Cannot read the event payload at ${path}: ${toError(error).message}`);
  }
}
