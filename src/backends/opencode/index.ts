export { createOpencodeBackend, DEFAULT_OPENCODE_TIMEOUT_MS } from './opencode-backend.js';
export type { OpencodeBackendOptions } from './opencode-backend.js';
export { OpencodeError, INSTALL_HINT } from './errors.js';
export type { OpencodeErrorKind } from './errors.js';
export {
  buildOpencodeConfig,
  opencodeConfigContent,
  opencodeEnv,
  isolationEnv,
  opencodeRunArgs,
  opencodePrompt,
  opencodeModelId,
  OPENCODE_PROVIDER_ID,
  OPENCODE_DISABLE_FLAGS,
  UNREACHABLE_REGISTRY,
  DEFAULT_REQUEST_TIMEOUT_MS,
} from './opencode-config.js';
export type {
  OpencodeConfig,
  OpencodeConfigInput,
  OpencodeModelTarget,
} from './opencode-config.js';
export { parseEventLine, summarizeOutput, EventCollector, failedTools } from './opencode-events.js';
export type { OpencodeEvent, OpencodeRunSummary, ToolUse } from './opencode-events.js';
export { findExecutable, opencodeCommand, OPENCODE_BIN_ENV } from './find-binary.js';
export { describeTreeChanges, readTreeState, changedPaths } from '../../git/tree-changes.js';
export type { TreeChanges, TreeState } from '../../git/tree-changes.js';
