/** The opencode backend's one error type: what went wrong, what to do, and what the tree holds now. */
import { AethrError } from '../../errors.js';
import type { ImplementationArtifact } from '../../engine/types.js';

export type OpencodeErrorKind =
  /** The opencode binary was not found. */
  | 'not-installed'
  /** The step's model cannot be routed (no base URL, no key). */
  | 'config'
  /** opencode did not finish within the backend's timeout and was stopped. */
  | 'timeout'
  /** opencode printed an `error` event (provider unreachable, refused request, ...). */
  | 'error-event'
  /** opencode exited non-zero, printed no error event and changed nothing. */
  | 'exit'
  /** opencode moved HEAD (a commit, checkout or reset): the engine owns commits. */
  | 'head-moved'
  /** opencode could not be started. */
  | 'spawn';

export class OpencodeError extends AethrError {
  override name = 'OpencodeError';
  readonly kind: OpencodeErrorKind;
  /** What the working tree holds after the failed run (changes are left in place for the caller). */
  readonly artifact: ImplementationArtifact | undefined;
  /** The tail of opencode's stderr (redacted). */
  readonly stderr: string;
  constructor(
    message: string,
    details: {
      kind: OpencodeErrorKind;
      hint?: string;
      cause?: unknown;
      artifact?: ImplementationArtifact;
      stderr?: string;
    },
  ) {
    super(message, { hint: details.hint, cause: details.cause });
    this.kind = details.kind;
    this.artifact = details.artifact;
    this.stderr = details.stderr ?? '';
  }
}

export const INSTALL_HINT =
  'Install the opencode CLI (npm i -g opencode-ai, or scripts/install-opencode.sh), set AETHR_OPENCODE_BIN to its binary, or use `backend: patch` for this step.';
