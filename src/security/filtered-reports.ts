/**
 * The job log and the job report with the outbound filter applied: secrets and token shapes
 * redacted, workflow commands broken, exfiltrating images neutralised in the job summary.
 * `secrets` is read on each call, so values learnt later are covered too.
 */
import type { JobReport } from '../github/publish-job-report.js';
import type { RunLog } from '../github/run-log.js';
import { filterLogText, neutraliseExfiltration } from './outbound-filter.js';

export function filteredLog(inner: RunLog, secrets: () => readonly string[]): RunLog {
  const clean = (text: string): string => filterLogText(text, [...secrets()]);
  return {
    info: (m) => inner.info(clean(m)),
    notice: (m) => inner.notice(clean(m)),
    warning: (m) => inner.warning(clean(m)),
    group: (name, fn) => inner.group(clean(name), fn),
  };
}

export function filteredJobReport(inner: JobReport, secrets: () => readonly string[]): JobReport {
  const clean = (text: string): string => filterLogText(text, [...secrets()]);
  return {
    notice: (m) => inner.notice(clean(m)),
    warning: (m) => inner.warning(clean(m)),
    setOutput: (name, value) => inner.setOutput(name, clean(value)),
    setFailed: (m) => inner.setFailed(clean(m)),
    jobSummary: (markdown) => inner.jobSummary(neutraliseExfiltration(clean(markdown)).text),
  };
}
