/**
 * Whether code from this pull request may be run here at all (validators, agents). Untrusted code
 * — a fork's PR, anything on `pull_request_target` — runs only inside real process isolation; the
 * answer says why not, and what would enable it, in words a summary can show.
 */
import { AethrError } from '../errors.js';
import type { Isolation } from './isolation.js';

export type RunCodeDecision =
  | { ok: true; isolation: Isolation; note: string }
  | { ok: false; isolation: Isolation; reason: string; fix: string };

export interface RunCodeContext {
  /** The code comes from a fork, or the event runs with the base repository's secrets (`pull_request_target`). */
  untrusted: boolean;
  isolation: Isolation;
  /** What would run, for the message (`validators`, `the opencode agent`). */
  what?: string;
}

export function canRunUntrusted(context: RunCodeContext): RunCodeDecision {
  const { isolation } = context;
  const what = context.what ?? 'repository code';
  if (isolation.mode !== 'none')
    return { ok: true, isolation, note: `${what} ran sandboxed (${isolation.description}).` };
  if (!context.untrusted)
    return {
      ok: true,
      isolation,
      note: `${what} ran with an allow-listed environment and no git credentials, but without process isolation (${isolation.description}).`,
    };
  return {
    ok: false,
    isolation,
    reason: `${what} did not run: this pull request's code is untrusted and no process isolation is available on this runner (${isolation.description}).`,
    fix: 'Install bubblewrap (`sudo apt-get install -y bubblewrap`) in an earlier step, or allow unprivileged user namespaces, or run on a runner with passwordless sudo (GitHub-hosted runners have it).',
  };
}

/** Untrusted code and no isolation: nothing was run. `hint` says what to enable. */
export class SandboxUnavailable extends AethrError {
  override name = 'SandboxUnavailable';
  constructor(
    readonly reason: string,
    fix: string,
  ) {
    super(reason, { hint: fix });
  }
}

/** `canRunUntrusted`, throwing `SandboxUnavailable` when the answer is no. */
export function assertCanRunUntrusted(context: RunCodeContext): void {
  const decision = canRunUntrusted(context);
  if (!decision.ok) throw new SandboxUnavailable(decision.reason, decision.fix);
}
