/**
 * Work branches for implement runs (see open-branch.ts and work-branch.ts): this module is the
 * public face, so callers import one place.
 */
export {
  formatCommitMessage,
  formatTaskCommitMessage,
  taskSubjectPrefix,
} from './commit-message.js';
export type { CommitMessage } from './commit-message.js';
export * from './branch-types.js';
export * from './workspace-errors.js';
export { preparePrWorkspace, prepareBranchWorkspace } from './open-branch.js';
