/**
 * The Action's run of an intent: the Octokit forge, the runner's checkout as the workspace, the
 * GitHub publishers plus the step outputs and job summary. Loaded only when there is work.
 */
import { createCheckoutWorkspace } from '../git/workspace.js';
import { reloadDispatchedIntent } from '../github/carried-intent.js';
import { dispatchIntent } from '../github/dispatch-intent.js';
import type { Intent } from '../github/event-intent.js';
import { githubPublishers } from '../github/github-publishers.js';
import { createOctokitForge } from '../github/octokit-forge.js';
import { createJobReportPublisher, type JobReport } from '../github/publish-job-report.js';
import type { RunLog } from '../github/run-log.js';
import type { DoorSettings } from '../github/settings.js';
import { filteredJobReport } from '../security/filtered-reports.js';

export async function runIntent(
  intent: Exclude<Intent, { kind: 'ignore' }>,
  settings: DoorSettings,
  o: { token: string; env: NodeJS.ProcessEnv; log: RunLog; report: JobReport },
): Promise<void> {
  const { owner, repo } = intent.repository;
  const forge = createOctokitForge({
    token: o.token,
    owner,
    repo,
    apiUrl: o.env.GITHUB_API_URL,
    log: (m) => o.log.info(m),
    retryBaseMs: settings.githubRetryBaseMs,
  });
  // A request carried by the App's dispatch: what it claims is read again from the API.
  const ready = await reloadDispatchedIntent(intent, forge);
  if (ready.kind === 'ignore') {
    o.report.notice(`aethr: nothing to do: ${ready.reason}`);
    return;
  }
  const workspace = await createCheckoutWorkspace(o.env.GITHUB_WORKSPACE ?? process.cwd(), {
    auth: { token: o.token, serverUrl: settings.links.serverUrl },
  });
  await dispatchIntent(ready, settings, {
    forge,
    workspace,
    log: o.log,
    publishers: (filtered) => [
      ...githubPublishers(filtered.forge, filtered.log, settings),
      createJobReportPublisher(
        filteredJobReport(o.report, () => settings.secrets),
        {
          failOn: settings.failOn,
          links: settings.links,
        },
      ),
    ],
  });
}
