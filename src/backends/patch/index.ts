export {
  createPatchBackend,
  patchInstructions,
  repoFileReader,
  PatchRejected,
} from './patch-backend.js';
export type { PatchBackendOptions } from './patch-backend.js';
export { PatchRollbackFailed } from './errors.js';
export type { RejectionStage } from './errors.js';
export { DEFAULT_DENY, DEFAULT_PATCH_POLICY, PROTECTED_PATHS, resolvePolicy } from './policy.js';
export type { PatchPolicy } from './policy.js';
export { extractProposal, parseProposal, editsToPatch } from './parse-proposal.js';
export type { FileEdit, FileReader, Proposal, RawProposal } from './parse-proposal.js';
export { validatePatch, formatProblems, writtenPaths } from './validate-patch.js';
export type {
  PatchProblem,
  PatchRule,
  PatchValidation,
  ValidatedFile,
  FileChange,
} from './validate-patch.js';
export { applyPatch, checkSymlinks } from './apply-patch.js';
export type { ApplyPatchInput, AppliedPatch } from './apply-patch.js';
export { rollback, verifySnapshot } from './rollback.js';
export type { RollbackReport, RollbackTarget } from './rollback.js';
export { takeSnapshot } from './snapshot.js';
export type { TreeSnapshot, PathState } from './snapshot.js';
export {
  runValidators,
  runValidator,
  checkValidators,
  DEFAULT_VALIDATOR_TIMEOUT_SECONDS,
} from './validators.js';
export type {
  Validator,
  ValidatorResult,
  ValidatorsOutcome,
  RunValidatorsOptions,
} from './validators.js';
export type { GitRunner } from './git.js';
