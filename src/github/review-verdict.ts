/**
 * How a door reports the final review: a review with no verdict (empty, refused, truncated,
 * unreadable) is never a pass — the summary shows it as failed with the reason, the step output
 * `review-status` is `error`, and `fail-on` (any level but `none`) fails the job.
 */
import type { ReviewOutcome } from '../engine/types.js';

export interface ReportedVerdict {
  /** For the summary comment. */
  summary: 'pass' | 'revise' | 'failed';
  /** For the `review-status` output. */
  output: 'pass' | 'revise' | 'error';
  /** Set when there was no verdict: the sentence for the summary and the failure. */
  noVerdict?: string;
}

/** `review` undefined (the workflow has no review step) is reported as a pass, as before. */
export function reportedVerdict(
  review: Pick<ReviewOutcome, 'status' | 'noVerdictReason'> | undefined,
): ReportedVerdict {
  const status = review?.status ?? 'pass';
  if (status !== 'none') return { summary: status, output: status };
  const why = review?.noVerdictReason ?? 'the reply could not be read';
  return {
    summary: 'failed',
    output: 'error',
    noVerdict: `The review gave no verdict: ${why}. This is not a pass; run the review again (or raise \`limits.max_output_tokens_per_call\` if the reply was cut off).`,
  };
}
