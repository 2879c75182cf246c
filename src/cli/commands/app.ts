/**
 * `aethr app`: runs the aethr GitHub App in the foreground, the same as `node dist/app/index.js`
 * (configured from the environment; see the README's App section). Stops on SIGTERM / SIGINT,
 * draining running work first.
 */
import type { CliIO } from '../main.js';

export const APP_COMMAND = {
  summary: 'Run the aethr GitHub App (webhooks, durable queue, runs)',
  help: `Usage: aethr app

Runs the aethr GitHub App until SIGTERM or SIGINT (which drain running work first). Configured
from the environment, as Probot apps are:

  APP_ID, PRIVATE_KEY (or PRIVATE_KEY_PATH), WEBHOOK_SECRET   the App's credentials (required)
  PORT (3000), HOST (localhost), WEBHOOK_PATH (/api/github/webhooks), LOG_LEVEL (info)
  GHE_HOST, GHE_PROTOCOL (https)                              GitHub Enterprise Server
  AETHR_DATA_DIR (.aethr-app)     the durable queue (one SQLite file; one app per folder)
  AETHR_POOL_SIZE (2)             runs at once (never two of one pull request)
  AETHR_APP_MODE (run)            run: work here; dispatch: hand each run to GitHub Actions
  AETHR_DISPATCH_WORKFLOW         dispatch mode: workflow_dispatch this workflow file
                                  (default: a repository_dispatch of type "aethr")
  OPENAI_API_KEY, OPENAI_BASE_URL, ...   model keys, as for the Action

GET /healthz answers 200 when ready; GET /status shows the queue (loopback, or with
AETHR_STATUS_TOKEN as a bearer token). See the README for every AETHR_* setting.

Options:
  -h, --help   Show this help
`,
} as const;

export async function appCommand(args: string[], io: CliIO): Promise<number> {
  if (args.length > 0) {
    io.err(
      `aethr app: unexpected argument "${args[0]}"; the App is configured from the environment.\n`,
    );
    return 2;
  }
  const { runApp } = await import('../../app/run-app.js');
  const code = await runApp(process.env, (line) => io.err(`${line}\n`));
  // Started: it serves until a signal, whose handler drains and exits the process.
  return code ?? new Promise<number>(() => {});
}
