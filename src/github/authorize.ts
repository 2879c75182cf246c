/**
 * Who may spend the repository's model budget or write to it: the actor's permission as the
 * API reports it (never `author_association`, which a payload can show for anyone who ever
 * contributed). API errors propagate, so callers fail closed.
 */
import { AethrError } from '../errors.js';
import { PERMISSION_LEVELS, permissionAtLeast, type Forge, type PermissionLevel } from './forge.js';

export type Authorization =
  | { allowed: true; level: PermissionLevel | 'allow-listed' }
  | { allowed: false; level: PermissionLevel; reason: string };

export class PermissionCheckFailed extends AethrError {
  override name = 'PermissionCheckFailed';
}

/** The permission API did not answer in time: the check fails closed (nothing runs). */
export class PermissionCheckTimeout extends PermissionCheckFailed {
  override name = 'PermissionCheckTimeout';
}

/** How long the permission call may take before the run is refused. */
export const PERMISSION_TIMEOUT_MS = 15_000;

/**
 * The level from GitHub's collaborator-permission answer. `role_name` carries maintain and
 * triage (and custom roles); `user.permissions` has the booleans; the legacy `permission` field
 * only says admin/write/read/none, so it is the last resort.
 */
export function permissionFromResponse(data: {
  permission?: string | null;
  role_name?: string | null;
  user?: { permissions?: Record<string, boolean | undefined> | null } | null;
}): PermissionLevel {
  const role = data.role_name?.toLowerCase();
  if (role && (PERMISSION_LEVELS as readonly string[]).includes(role))
    return role as PermissionLevel;
  const p = data.user?.permissions;
  if (p) {
    if (p.admin) return 'admin';
    if (p.maintain) return 'maintain';
    if (p.push) return 'write';
    if (p.triage) return 'triage';
    if (p.pull) return 'read';
  }
  const legacy = data.permission?.toLowerCase();
  return legacy && (PERMISSION_LEVELS as readonly string[]).includes(legacy)
    ? (legacy as PermissionLevel)
    : 'none';
}

/** `call`, or a PermissionCheckTimeout after `ms` (the call is aborted through `signal`). */
export async function withPermissionTimeout<T>(
  what: string,
  call: (signal: AbortSignal) => Promise<T>,
  ms: number = PERMISSION_TIMEOUT_MS,
): Promise<T> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(
        new PermissionCheckTimeout(`${what} did not answer within ${ms} ms; not running.`, {
          hint: 'GitHub may be degraded; re-run the job. Runs never start without a permission answer.',
        }),
      );
    }, ms);
  });
  try {
    return await Promise.race([call(controller.signal), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export async function authorizeActor(
  forge: Forge,
  actor: string,
  minimum: PermissionLevel,
  allowedActors: readonly string[] = [],
): Promise<Authorization> {
  if (allowedActors.includes(actor.toLowerCase())) return { allowed: true, level: 'allow-listed' };
  let level: PermissionLevel;
  try {
    level = await forge.getPermission(actor);
  } catch (error) {
    if (error instanceof PermissionCheckTimeout) throw error;
    const status = (error as { status?: number }).status;
    // 404: not a collaborator at all.
    if (status === 404) level = 'none';
    else {
      throw new PermissionCheckFailed(
        `Could not check ${actor}'s permission on ${forge.owner}/${forge.repo} (${(error as Error).message}); not running.`,
        {
          cause: error,
          hint: 'The token needs read access to the repository metadata; with the default GITHUB_TOKEN this works unless permissions: disables it.',
        },
      );
    }
  }
  if (permissionAtLeast(level, minimum)) return { allowed: true, level };
  return {
    allowed: false,
    level,
    reason: `${actor} has ${level} permission; aethr runs need ${minimum} or higher.`,
  };
}
