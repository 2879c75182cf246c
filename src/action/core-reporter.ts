/** The Action's log and job report, as workflow commands and the runner's files. */
import * as core from './workflow-commands.js';
import type { JobReport } from '../github/publish-job-report.js';
import type { RunLog } from '../github/run-log.js';

export function createCoreLog(): RunLog {
  return {
    info: (m) => core.info(m),
    notice: (m) => core.notice(m),
    warning: (m) => core.warning(m),
    group: (name, fn) => core.group(name, fn),
  };
}

export function createCoreJobReport(): JobReport {
  return {
    notice: (m) => core.notice(m),
    warning: (m) => core.warning(m),
    setOutput: (name, value) => core.setOutput(name, value),
    setFailed: (m) => core.setFailed(m),
    async jobSummary(markdown) {
      // Without GITHUB_STEP_SUMMARY (e.g. some local runners) there is nowhere to write.
      if (!process.env.GITHUB_STEP_SUMMARY) return;
      await core.appendJobSummary(markdown);
    },
  };
}
