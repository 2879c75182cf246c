/**
 * Where a GitHub run reports to, besides the PR: the job log, step outputs, the job summary.
 * The Action backs it with @actions/core; `aethr pr` with the terminal.
 */
export interface RunReporter {
  info(message: string): void;
  notice(message: string): void;
  warning(message: string): void;
  group<T>(name: string, fn: () => Promise<T>): Promise<T>;
  setOutput(name: string, value: string): void;
  setFailed(message: string): void;
  /** Appends Markdown to the job summary. */
  jobSummary(markdown: string): Promise<void>;
  /** Registers a value that must never appear in logs. */
  secret(value: string): void;
}
