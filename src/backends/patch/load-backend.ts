/**
 * The patch backend as the doors build it: its module — and with it the validators and execa,
 * which only a patch that lands needs — is loaded on the first implement call, not when the run's
 * ports are assembled (a review never edits, and should not pay for either at start-up).
 * Validators come from the workflow, whose schema has refused malformed ones already; the backend
 * checks them again when it loads.
 */
import type { ImplementBackend } from '../../engine/types.js';
import type { PatchBackendOptions } from './patch-backend.js';

export function createPatchBackend(options: PatchBackendOptions): ImplementBackend {
  let backend: Promise<ImplementBackend> | undefined;
  return {
    async implement(input) {
      backend ??= import('./patch-backend.js').then((m) => m.createPatchBackend(options));
      return (await backend).implement(input);
    },
  };
}
