/**
 * Where a GitHub run reports to, besides the PR: the job log, step outputs, the job summary.
 * The Action backs it with @actions/core; `aethr pr` with the terminal.
 */
import { filterLogText, neutraliseExfiltration } from '../security/outbound-filter.js';

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

/**
 * A RunReporter whose every message, output and job summary has the run's secrets and token
 * shapes redacted and workflow commands broken (src/security/outbound-filter.ts). `secrets` is
 * read on each call, so values registered later (`secret()`) are covered too.
 */
export function filteredReporter(
  inner: RunReporter,
  secrets: () => readonly string[],
): RunReporter {
  const clean = (text: string): string => filterLogText(text, [...secrets()]);
  return {
    info: (m) => inner.info(clean(m)),
    notice: (m) => inner.notice(clean(m)),
    warning: (m) => inner.warning(clean(m)),
    group: (name, fn) => inner.group(clean(name), fn),
    setOutput: (name, value) => inner.setOutput(name, clean(value)),
    setFailed: (m) => inner.setFailed(clean(m)),
    jobSummary: (markdown) => inner.jobSummary(neutraliseExfiltration(clean(markdown)).text),
    secret: (value) => inner.secret(value),
  };
}
