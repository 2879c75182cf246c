import * as core from '@actions/core';
import type { RunReporter } from '../github/reporter.js';

export function createCoreReporter(): RunReporter {
  return {
    info: (m) => core.info(m),
    notice: (m) => core.notice(m),
    warning: (m) => core.warning(m),
    group: (name, fn) => core.group(name, fn),
    setOutput: (name, value) => core.setOutput(name, value),
    setFailed: (m) => core.setFailed(m),
    async jobSummary(markdown) {
      // Without GITHUB_STEP_SUMMARY (e.g. some local runners) there is nowhere to write.
      if (!process.env.GITHUB_STEP_SUMMARY) return;
      await core.summary.addRaw(markdown, true).write();
    },
    secret: (value) => core.setSecret(value),
  };
}
