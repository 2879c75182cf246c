/**
 * The learnings loop, pure: what an implement reply leaves for the next run (a fenced
 * `learnings` block of short bullet points at its end), and how those join the learnings file —
 * deduplicated against what it already says, each line capped, the file capped in size with the
 * oldest learnings dropped first. Lines people wrote that are not bullets are kept as they are.
 */
import { cutLine, sanitizeOneLine } from '../git/commit-message.js';

/** The system-prompt paragraph implement steps get when the workflow keeps learnings. */
export const LEARNINGS_CONTRACT = [
  '## Learnings for later runs',
  'If you learned something about this repository that the next run should know (a convention, a trap, where something lives), end your reply with one fenced ```learnings block of at most 5 short bullet points. Only durable facts about the repository; no task notes, no secrets.',
].join('\n');

export const MAX_LEARNING_CHARS = 200;
export const MAX_LEARNINGS_PER_REPLY = 5;
export const MAX_LEARNINGS_FILE_CHARS = 16_000;

export const LEARNINGS_HEADER =
  '# Learnings\n\nWhat earlier aethr runs learned about this repository, oldest first. aethr adds to this list from implement runs; edit it freely.\n';

const BULLET = /^\s*[-*+]\s+(.*)$/;

/** The bullet points of the last fenced `learnings` block in `output` (empty when there is none). */
export function extractLearnings(output: string): string[] {
  const lines = output.replace(/\r\n?/g, '\n').split('\n');
  let last: string[] | undefined;
  for (let i = 0; i < lines.length; i++) {
    const open = /^ {0,3}(`{3,}|~{3,})\s*learnings\s*$/i.exec(lines[i]!);
    if (!open) continue;
    const marker = open[1]!;
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length; j++) {
      const close = /^ {0,3}(`{3,}|~{3,})\s*$/.exec(lines[j]!);
      if (close && close[1]![0] === marker[0] && close[1]!.length >= marker.length) break;
      body.push(lines[j]!);
    }
    if (j < lines.length) last = body;
    i = j;
  }
  const out: string[] = [];
  for (const line of last ?? []) {
    const text = sanitizeOneLine(BULLET.exec(line)?.[1] ?? line);
    if (text !== '') out.push(cutLine(text, MAX_LEARNING_CHARS));
  }
  return out.slice(0, MAX_LEARNINGS_PER_REPLY);
}

const key = (text: string): string =>
  text
    .toLowerCase()
    .replace(/[`*_]/g, '')
    .replace(/[\s.,;:!?]+$/g, '')
    .replace(/\s+/g, ' ')
    .trim();

export interface MergedLearnings {
  text: string;
  /** The learnings that were new. */
  added: string[];
  /** How many old learnings were dropped to stay under the cap. */
  dropped: number;
}

/** `existing` (undefined: no file yet) with the new learnings appended under the caps. */
export function mergeLearnings(
  existing: string | undefined,
  fresh: readonly string[],
): MergedLearnings {
  const start = existing?.trim() ? existing : LEARNINGS_HEADER;
  const lines = start.replace(/\r\n?/g, '\n').replace(/\n+$/, '').split('\n');
  const known = new Set(lines.flatMap((l) => (BULLET.test(l) ? [key(BULLET.exec(l)![1]!)] : [])));
  const added: string[] = [];
  for (const item of fresh) {
    const k = key(item);
    if (k === '' || known.has(k)) continue;
    known.add(k);
    added.push(item);
  }
  if (added.length === 0) return { text: existing ?? '', added, dropped: 0 };
  if (lines.at(-1)?.trim() !== '' && !BULLET.test(lines.at(-1)!)) lines.push('');
  lines.push(...added.map((a) => `- ${a}`));
  let dropped = 0;
  const size = (): number => lines.reduce((n, l) => n + l.length + 1, 0);
  // Oldest first: the first bullets go, never the ones just added, never prose people wrote.
  while (size() > MAX_LEARNINGS_FILE_CHARS) {
    const oldest = lines.findIndex((l) => BULLET.test(l));
    if (oldest < 0 || lines.length - oldest <= added.length) break;
    lines.splice(oldest, 1);
    dropped++;
  }
  return { text: `${lines.join('\n')}\n`, added, dropped };
}
