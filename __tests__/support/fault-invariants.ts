/**
 * What must hold after any fault run, whatever the faults were: read from the GitHub stand-in's
 * final state, the bare origin and what the run reported. Each violated invariant is one line.
 */
import { execFileSync } from 'node:child_process';
import { ISSUE, type RunView, type Scene } from './fault-scene.js';

const BOT = 'github-actions[bot]';
const HTML = /<(?:!doctype|html|body|h1)\b|Unicorn!/i;

/** Attempts a request gets at most (Octokit's retries, createOnce's tries): more failures outlast them. */
const ATTEMPTS = 3;

export function checkInvariants(scene: Scene, view: RunView): string[] {
  const problems: string[] = [];
  const { gh } = scene;
  const state = gh.state;
  const fail = (line: string): void => void problems.push(line);
  // GitHub refusing one write every time leaves that write undone; the run must then say so.
  const down = (operationId: string, said: RegExp): boolean =>
    scene.plan.github.some((f) => f.operationId === operationId && f.count > ATTEMPTS) &&
    said.test(`${view.log}\n${view.failure}`);

  for (const v of gh.violations) fail(`stand-in violation: ${v}`);
  for (const v of gh.responseViolations) fail(`stand-in response violation: ${v}`);

  // One sticky summary, never left at "reviewing …".
  const bot = state.issueComments.filter((c) => c.user === BOT);
  const summaries = bot.filter((c) => c.body.includes('aethr:summary'));
  if (summaries.length > 1) fail(`${summaries.length} sticky summaries`);
  for (const s of summaries)
    if (/reviewing …/.test(s.body) && !down('issues/update-comment', /could not update comment/))
      fail(`summary ${s.id} left at "reviewing …"`);
  const help = scene.plan.event === 'help-command';
  const issue = scene.plan.event === 'issue-label';
  if (view.code === 0 && summaries.length !== (help || issue ? 0 : 1))
    fail(`the run passed with ${summaries.length} sticky summaries`);

  // No duplicated reply or comment.
  const others = bot.filter((c) => !c.body.includes('aethr:summary'));
  const seen = new Set<string>();
  for (const c of others) {
    if (seen.has(c.body)) fail(`duplicated comment: ${oneLine(c.body)}`);
    seen.add(c.body);
  }

  // No duplicated inline comment, at most one review.
  if (state.reviews.length > 1) fail(`${state.reviews.length} reviews in one run`);
  const inline = new Set<string>();
  for (const c of state.reviewComments) {
    const key = `${c.path}:${c.line}:${c.body}`;
    if (inline.has(key)) fail(`duplicated inline comment on ${c.path}:${c.line}`);
    inline.add(key);
  }

  // One check run per name and head, finished, without repeated annotations.
  const runs = new Map<string, number>();
  for (const run of state.checkRuns) {
    const key = `${run.name}@${run.head_sha.slice(0, 7)}`;
    runs.set(key, (runs.get(key) ?? 0) + 1);
    if (run.status !== 'completed' && !down('checks/update', /could not update check run/))
      fail(`check run ${key} left ${run.status}`);
    const notes = run.annotations.map((a) => JSON.stringify(a));
    if (new Set(notes).size !== notes.length) fail(`check run ${key} has repeated annotations`);
  }
  for (const [key, n] of runs) if (n > 1) fail(`${n} check runs ${key}`);

  // Whoever asked explicitly hears back once, even when the run failed before its summary.
  // (Except when the actor's permission could not be checked: then nothing is written at all.)
  const unverified = /Could not check \S+ permission/.test(view.failure);
  const explicit = scene.plan.event !== 'review' && !unverified;
  if (explicit && view.code !== 0 && summaries.length === 0 && others.length !== 1)
    if (!down('issues/create-comment', /could not post a comment/))
      fail(`a failed ${scene.plan.event} got ${others.length} replies`);
  for (const s of summaries)
    if (view.code !== 0 && !/❌ failed/.test(s.body) && !/could not update comment/.test(view.log))
      fail(`the run failed and its summary does not say so`);

  // An issue's run opens one pull request and says so once on the issue.
  const pulls = [...state.issues.values()].filter((i) => i.pull?.head.ref === scene.branch);
  if (issue && pulls.length > 1) fail(`${pulls.length} pull requests from ${scene.branch}`);
  if (issue && view.code === 0) {
    if (pulls.length !== 1) fail(`the issue run passed with ${pulls.length} pull requests`);
    const notes = others.filter((c) => c.issue_number === ISSUE);
    if (notes.length !== 1) fail(`the issue run passed with ${notes.length} notes on #${ISSUE}`);
  }

  const claimedText = [...summaries, ...pulls].map((c) => c.body ?? '').join('\n');
  problems.push(...gitProblems(scene, view, claimedText));
  if (help && view.code === 0 && others.filter((c) => /aethr commands/.test(c.body)).length !== 1)
    fail(`/aethr help answered ${others.length} times`);
  problems.push(
    ...endingProblems(
      view,
      bot.map((c) => c.body),
      help,
    ),
  );
  return problems;
}

/** Every commit the run says it pushed is on the branch; the branch only moved forward. */
function gitProblems(scene: Scene, view: RunView, summaryText: string): string[] {
  const { repo } = scene;
  const problems: string[] = [];
  const tipOf = (ref: string): string => {
    try {
      return git(repo.origin, 'rev-parse', '--verify', '--quiet', ref);
    } catch {
      return '';
    }
  };
  const isAncestor = (sha: string, tip: string): boolean => {
    try {
      git(repo.origin, 'merge-base', '--is-ancestor', sha, tip);
      return true;
    } catch {
      return false;
    }
  };
  const prTip = tipOf(`refs/heads/${repo.headRef}`);
  for (const head of scene.foreignHeads)
    if (!isAncestor(head, prTip))
      problems.push(`forced push: ${head.slice(0, 7)} is no longer on ${repo.headRef}`);
  const branch = `refs/heads/${scene.branch}`;
  const tip = tipOf(branch);
  const onBranch = (sha: string): boolean => tip !== '' && isAncestor(sha, tip);
  const claimed = new Set<string>();
  const pushed = /Pushed before stopping: ([0-9a-f, ]+)\./.exec(view.jobSummary);
  for (const sha of pushed?.[1]?.split(/[ ,]+/).filter(Boolean) ?? []) claimed.add(sha);
  // The iterations table links each iteration's commit.
  for (const m of `${summaryText}\n${view.jobSummary}`.matchAll(/\/commit\/([0-9a-f]{40})\)/g))
    if (m[1] !== repo.headSha && !scene.foreignHeads.includes(m[1]!)) claimed.add(m[1]!);
  // A branch run's pull request lists its commits.
  for (const m of summaryText.matchAll(/^\| \d+ \| [\w-]+ \| ([0-9a-f]{7}) \|/gm))
    claimed.add(m[1]!);
  for (const sha of claimed) {
    let full = '';
    try {
      full = git(repo.origin, 'rev-parse', '--verify', '--quiet', `${sha}^{commit}`);
    } catch {
      // not in origin at all
    }
    if (!full || !onBranch(full))
      problems.push(`lost commit: ${sha.slice(0, 7)} reported pushed, not on ${branch}`);
  }
  return problems;
}

/** Exit 0 with a verdict, or a failure that names what failed, never an HTML page. */
function endingProblems(view: RunView, comments: string[], help: boolean): string[] {
  const problems: string[] = [];
  for (const [where, text] of [
    ['log', view.log],
    ['job summary', view.jobSummary],
    ['a comment', comments.join('\n')],
  ] as const)
    if (HTML.test(text)) problems.push(`HTML dumped in ${where}`);
  if (view.code === 0) {
    if (!help && !view.outputs['review-status'])
      problems.push('exit 0 without a review-status output');
    return problems;
  }
  const failure = view.failure.trim();
  if (!failure) problems.push(`exit ${view.code} without an error message`);
  if (/Unexpected error|^aethr: (?:terminated|other side closed|fetch failed)/im.test(failure))
    problems.push(`unclear error: ${oneLine(failure)}`);
  else if (failure && !/could not|failed|moved|cut off|refused|timed out/i.test(failure))
    problems.push(`the error names no failed operation: ${oneLine(failure)}`);
  if (!/aethr: failed/.test(view.jobSummary) && !/### aethr/.test(view.jobSummary))
    problems.push(`exit ${view.code} with a job summary that does not say so: ${oneLine(failure)}`);
  if (view.outputs['review-status'] !== 'error' || !view.outputs.error)
    problems.push(`exit ${view.code} without review-status=error and the error output`);
  return problems;
}

function git(dir: string, ...args: string[]): string {
  return execFileSync('git', ['--git-dir', dir, ...args], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  }).trim();
}

function oneLine(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 160 ? `${line.slice(0, 160)}…` : line;
}
