/**
 * Reads why `git push` (or `git ls-remote` before it) failed. Pure, so the mapping is testable
 * without a server that answers 403.
 */

export type PushFailureKind = 'head-moved' | 'forbidden' | 'rejected';

/** The remote has commits we do not: someone pushed between our check and our push. */
const MOVED = [
  /\[rejected\][^\n]*\((?:fetch first|non-fast-forward|stale info)\)/i,
  /updates were rejected because the (?:remote contains work|tip of your current branch is behind)/i,
  /\bnon-fast-forward\b/i,
  // The other push landed while ours was being received.
  /cannot lock ref[^\n]*but expected/i,
];

/** The credentials may not write here (or may not read: a private fork answers "not found"). */
const FORBIDDEN = [
  /permission to \S+ denied/i,
  /\bpermission denied\b/i,
  /the requested url returned error: 40[1347]\b/i,
  /authentication failed/i,
  /could not read (?:username|password)/i,
  /terminal prompts disabled/i,
  /invalid username or (?:password|token)/i,
  /repository not found/i,
  /refusing to allow (?:a github app|an oauth app|a personal access token) to create or update workflow/i,
  /without [`']?workflows?[`']? (?:permission|scope)/i,
  /insufficient permission/i,
  /write access to repository not granted/i,
  /resource not accessible by integration/i,
];

export function classifyPushFailure(output: string): PushFailureKind {
  if (FORBIDDEN.some((re) => re.test(output)) && !MOVED.slice(0, 2).some((re) => re.test(output))) {
    return 'forbidden';
  }
  if (MOVED.some((re) => re.test(output))) return 'head-moved';
  return 'rejected';
}

/**
 * The lines of git's output worth showing: `remote:` messages, `!` porcelain lines, `error:`
 * and `fatal:` lines; at most `max` of them, joined by newlines.
 */
export function pushFailureSummary(output: string, max = 6): string {
  const lines = output
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && l !== 'Done' && !/^To\s/.test(l))
    .filter((l) => !/^hint:/i.test(l));
  const important = lines.filter((l) => /^(?:!|remote:|error:|fatal:|ERROR:)/.test(l));
  return (important.length > 0 ? important : lines).slice(0, max).join('\n');
}
