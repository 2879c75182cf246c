/**
 * The door settings of one App run: the App's configuration, its identity as author and bot
 * login, and the secrets in play (the installation token, the App's own, the model keys).
 */
import type { DoorSettings } from '../github/settings.js';
import { collectSecrets } from '../security/outbound-filter.js';
import type { IntentOptions } from '../github/intent-types.js';
import type { AppIdentity } from './app-github.js';
import type { AppConfig } from './config.js';

export function appDoorSettings(
  config: AppConfig,
  identity: AppIdentity,
  run: { id: number; repo: string; token: string; author?: { name: string; email: string } },
): DoorSettings {
  const r = config.run;
  return {
    workflowSpec: r.workflowSpec,
    ...(r.model ? { model: r.model } : {}),
    mock: r.mock,
    failOn: r.failOn,
    ...(r.maxIterations ? { maxIterations: r.maxIterations } : {}),
    minimumPermission: r.minimumPermission,
    allowedActors: r.allowedActors,
    // The App receives every PR event with the installation's rights, like pull_request_target.
    untrustedReviews: r.allowUntrustedReviews ? 'always' : 'off',
    botLogin: identity.botLogin,
    ...(run.author ? { identity: run.author } : {}),
    maxBotCommits: r.maxBotCommits,
    // An installation token reaches only the repositories the App is installed on.
    tokenCanPushToFork: false,
    checkRun: r.checkRun ? 'auto' : 'off',
    modelEnv: config.modelEnv,
    secrets: [
      run.token,
      config.privateKey,
      config.webhookSecret,
      ...(config.statusToken ? [config.statusToken] : []),
      ...collectSecrets(config.modelEnv),
    ],
    links: {
      serverUrl: config.serverUrl,
      repositoryUrl: `${config.serverUrl}/${run.repo}`,
      runId: `app-${run.id}`,
    },
  };
}

/** How the App reads events: its own login is a bot whose comments and pushes start nothing. */
export function appIntentOptions(config: AppConfig, identity: AppIdentity): IntentOptions {
  return {
    botLogin: identity.botLogin,
    skipDrafts: !config.run.includeDrafts,
    triggerLabel: config.run.triggerLabel,
  };
}
