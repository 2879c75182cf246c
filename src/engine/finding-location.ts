/** Where a finding points, as people write it: `path:line` or `path:start-end`. Pure. */
import type { Finding } from './types.js';

export function findingLocation(finding: Pick<Finding, 'path' | 'line' | 'end_line'>): string {
  const end =
    finding.end_line !== undefined && finding.end_line !== finding.line
      ? `-${finding.end_line}`
      : '';
  return `${finding.path}:${finding.line}${end}`;
}
