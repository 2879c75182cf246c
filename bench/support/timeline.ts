/**
 * A review run's timeline, observed from outside: the git commands the action ran (from git's
 * own trace2 events, GIT_TRACE2_EVENT) and the stand-ins' answers (BusyClock spans), cut into
 * the phases of a review — start-up, API calls before the fetch, the fetch, the diff, prompt
 * preparation up to the model request, the model, and publishing to exit.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { BusySpan } from '../../__tests__/support/busy-clock.js';

export interface GitSpan {
  name: string;
  /** The command line after `git` and its global options. */
  args: string[];
  start: number;
  end: number;
}

/** Top-level git processes in a trace2 event file (children such as upload-pack fold into them). */
export function readGitTrace(file: string): GitSpan[] {
  if (!existsSync(file)) return [];
  const bySid = new Map<string, Partial<GitSpan>>();
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line) continue;
    const e = JSON.parse(line) as {
      event: string;
      sid: string;
      time?: string;
      name?: string;
      argv?: string[];
    };
    if (e.sid.includes('/')) continue;
    const span = bySid.get(e.sid) ?? {};
    bySid.set(e.sid, span);
    const at = e.time ? Date.parse(e.time) : undefined;
    if (e.event === 'start') {
      span.start = at;
      const argv = e.argv ?? [];
      const at0 = argv.findIndex((a, i) => i > 0 && !a.startsWith('-') && argv[i - 1] !== '-c');
      span.args = argv.slice(at0);
    } else if (e.event === 'cmd_name') span.name = e.name;
    else if (e.event === 'exit' || e.event === 'atexit') span.end = at;
  }
  return [...bySid.values()]
    .filter((s): s is GitSpan => s.start !== undefined && s.end !== undefined)
    .map((s) => ({ name: s.name ?? '?', args: s.args ?? [], start: s.start, end: s.end }))
    .sort((a, b) => a.start - b.start);
}

export interface Phase {
  name: string;
  wallMs: number;
  /** Stand-in answering time inside the phase. */
  standinMs: number;
}

function overlap(spans: readonly BusySpan[], from: number, to: number): number {
  // Spans of one sequential client do not overlap; clip each to the window.
  return spans.reduce((n, s) => n + Math.max(0, Math.min(s.end, to) - Math.max(s.start, from)), 0);
}

/** The phases of one review run that started (spawn) at `t0` and ended at `t1`. */
export function reviewPhases(
  t0: number,
  t1: number,
  git: readonly GitSpan[],
  spans: readonly BusySpan[],
): { phases: Phase[]; fetches: GitSpan[] } {
  const fetches = git.filter((g) => g.name === 'fetch');
  const diff = git.find((g) => g.name === 'diff');
  const model = spans.find((s) => s.label.startsWith('model '));
  const first = Math.min(...git.map((g) => g.start), ...spans.map((s) => s.start), t1);
  const marks: Array<[string, number]> = [['start-up to the first request', first]];
  if (fetches.length > 0) {
    marks.push(['API calls and git before the fetch', fetches[0]!.start]);
    marks.push([`git fetch (${fetches.length}×)`, Math.max(...fetches.map((f) => f.end))]);
  }
  if (diff) marks.push(['git diff (with its blob fetch)', diff.end]);
  if (model) {
    marks.push(['prompt preparation', model.start]);
    marks.push(['model stand-in', model.end]);
  }
  marks.push(['publishing to exit', t1]);
  const phases: Phase[] = [];
  let from = t0;
  for (const [name, to] of marks) {
    phases.push({ name, wallMs: Math.max(0, to - from), standinMs: overlap(spans, from, to) });
    from = Math.max(from, to);
  }
  return { phases, fetches };
}
