/**
 * Who may spend the repository's model budget or write to it: the actor's permission as the
 * API reports it (never `author_association`, which a payload can show for anyone who ever
 * contributed). API errors propagate, so callers fail closed.
 */
import { AethrError } from '../errors.js';
import { permissionAtLeast, type Forge, type PermissionLevel } from './forge.js';

export type Authorization =
  | { allowed: true; level: PermissionLevel | 'allow-listed' }
  | { allowed: false; level: PermissionLevel; reason: string };

export class PermissionCheckFailed extends AethrError {
  override name = 'PermissionCheckFailed';
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
