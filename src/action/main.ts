/**
 * The Action door: inputs → intent → dispatch → publishers. This function owns the one try/catch
 * that turns an error into a failed step; everything below it throws.
 */
import { readFile } from 'node:fs/promises';
import { AethrError, toError } from '../errors.js';
import { normaliseEvent } from '../github/event-intent.js';
import { redactSecrets } from '../models/redact.js';
import { createCoreJobReport, createCoreLog } from './core-reporter.js';
import { doorSettings, parseInputs } from './inputs.js';

export async function run(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const log = createCoreLog();
  const report = createCoreJobReport();
  let secrets: string[] = [];
  try {
    const inputs = parseInputs();
    secrets = [inputs.token, ...Object.values(inputs.modelEnv)];
    const intent = normaliseEvent(await readEvent(env), {
      skipDrafts: !inputs.includeDrafts,
      botLogin: inputs.botLogin,
      triggerLabel: inputs.triggerLabel,
      repository: env.GITHUB_REPOSITORY,
      dispatchSenders: inputs.dispatchSenders,
    });
    if (intent.kind === 'ignore') {
      report.notice(`aethr: nothing to do: ${intent.reason}`);
      return;
    }
    // Only now load what a run needs: an ignored event exits without it.
    const { runIntent } = await import('./run-intent.js');
    const settings = doorSettings(inputs, env, intent.repository);
    secrets = settings.secrets;
    await runIntent(intent, settings, { token: inputs.token, env, log, report });
  } catch (error) {
    const e = toError(error);
    const hint = error instanceof AethrError && error.hint ? `\n${error.hint}` : '';
    report.setFailed(redactSecrets(`aethr: ${e.message}${hint}`, secrets));
  }
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
