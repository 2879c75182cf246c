/**
 * The patch backend's face for the doors. Only what loads cheaply is here: the backend itself
 * loads on its first patch (load-backend.ts), and the validators, which need execa, with it.
 * Tests and tools import the modules they need directly.
 */
export { createPatchBackend } from './load-backend.js';
export type { PatchBackendOptions } from './patch-backend.js';
export { PatchRejected, PatchRollbackFailed } from './errors.js';
export type { RejectionStage } from './errors.js';
export { DEFAULT_DENY, DEFAULT_PATCH_POLICY, resolvePolicy } from './policy.js';
export type { PatchPolicy } from './policy.js';
