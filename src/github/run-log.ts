/**
 * Where a GitHub run logs for people: the Actions job log (`@actions/core`), the App's structured
 * log, the terminal. Outputs, job summaries and failing the step are publishers' business.
 */
export interface RunLog {
  info(message: string): void;
  notice(message: string): void;
  warning(message: string): void;
  /** A collapsible section in the job log; elsewhere just a heading. */
  group<T>(name: string, fn: () => Promise<T>): Promise<T>;
}

/** A log that drops everything (tests, previews that print elsewhere). */
export const SILENT_LOG: RunLog = {
  info: () => {},
  notice: () => {},
  warning: () => {},
  group: (_name, fn) => fn(),
};
