/**
 * Runs the App until SIGTERM or SIGINT, for `node dist/app/index.js` and `aethr app`: a bad
 * setting or a failed start is one line on stderr and exit code 1, never a stack trace.
 * Resolves with an exit code when the App could not start; otherwise the signal handler exits.
 */
import { AethrError, toError } from '../errors.js';
import { redactSecrets } from '../models/redact.js';
import { startApp } from './main.js';

export async function runApp(
  env: Record<string, string | undefined>,
  err: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
): Promise<number | undefined> {
  let app;
  try {
    app = await startApp(env);
  } catch (error) {
    const message = error instanceof AethrError ? error.message : toError(error).message;
    const secrets = [env.PRIVATE_KEY, env.WEBHOOK_SECRET, env.AETHR_STATUS_TOKEN];
    err(`aethr app: ${redactSecrets(message.split('\n')[0]!, secrets)}`);
    return 1;
  }
  const running = app;
  // Runs catch their own errors; anything escaping leaves the process in an unknown state, so it
  // stops in one line and the next start takes its runs up again.
  const fatal = (error: unknown) => {
    err(
      `aethr app: stopping on an unexpected error: ${redactSecrets(toError(error).message.split('\n')[0]!, running.secrets)}`,
    );
    process.exit(1);
  };
  process.on('uncaughtException', fatal);
  process.on('unhandledRejection', fatal);
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      void running.stop(signal).then(
        () => process.exit(0),
        (error: unknown) => {
          err(`aethr app: could not stop cleanly: ${toError(error).message}`);
          process.exit(1);
        },
      );
    });
  }
  return undefined;
}
