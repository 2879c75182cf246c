/**
 * The fitting ladder (see fit-diff.ts for the whole contract): each rung runs only while the text
 * is still over the budget — (0) the whole diff plus the files the caller could not read; (a)
 * binary and header-only files out, then ignored files, the largest first; (b) context around
 * changes down to 1, then 0 lines; (c) at 0 lines, the most whole files that fit, what is left
 * spent on clipping the largest left out; then giving back until the whole fits. Pure.
 */
import type { FileCoverage } from '../engine/types.js';
import { formatCount } from './caps.js';
import { addCost, ZERO, type Cost } from './fit-cost.js';
import {
  assemble,
  budgetWords,
  type Assembled,
  contextNote,
  coverageOf,
  entryLine,
  LIST_SHARE,
  type Decision,
  type FitJob,
  type Plan,
} from './fit-report.js';
import {
  isChange,
  joinLines,
  makePiece,
  pieceOrigin,
  renderAt,
  renderPieces,
  withNewline,
  type Level,
  type Piece,
} from './fit-reduce-context.js';

export interface LadderResult {
  text: string;
  coverage: FileCoverage[];
  notes: string[];
  /** Lines of context kept around changes, when fitting reduced it. */
  contextLines?: 1 | 0;
  /** The text's tokens (the sum of its parts), when tokens were counted. */
  tokens?: number;
}

function sub(a: Cost, b: Cost): Cost {
  return { chars: a.chars - b.chars, tokens: a.tokens - b.tokens };
}

/** The plan's text when it fits the budget, else undefined. */
function tryPlan(
  job: FitJob,
  plan: Plan,
  done: Assembled = assemble(job, plan),
): LadderResult | undefined {
  if (!job.meter.fits(done.text, done.cost)) return undefined;
  const result: LadderResult = {
    text: done.text,
    coverage: coverageOf(job, plan.decisions),
    notes: done.notes,
  };
  if (plan.level !== 'as-given' && done.reduced) result.contextLines = plan.level;
  if (job.meter.counting) result.tokens = done.cost.tokens;
  return result;
}

const plan = (decisions: Decision[], level: Level = 'as-given'): Plan => ({
  decisions,
  level,
  keepPreamble: true,
  listShare: LIST_SHARE,
});

/** Runs the ladder over a diff that does not fit as given. */
export function fitLadder(
  job: FitJob,
  ignoreReason: (i: number) => string | undefined,
): LadderResult {
  const { files, inherent } = job;
  // 0. Everything, plus the list of files the caller could not read.
  if (job.unread.length > 0) {
    const done = tryPlan(job, plan(files.map(() => ({ kind: 'full' }))));
    if (done) return done;
  }
  // a. Binary and header-only files leave the text (they stay listed); then ignored files.
  const ignoredWhy = files.map((_, i) => (inherent[i] === undefined ? ignoreReason(i) : undefined));
  const dropped = dropIgnored(job, ignoredWhy);
  if ('text' in dropped) return dropped;
  const { stageA, ignored } = dropped;

  // b. Less context around changes: 1 line, then none.
  for (const level of [1, 0] as const) {
    const done = tryPlan(job, plan(stageA, level));
    if (done) return done;
  }

  // c. At 0 lines of context: the most whole files that fit, then clips.
  const leftOutAs = (i: number): Decision =>
    ignoredWhy[i] !== undefined
      ? { kind: 'skipped', reason: ignoredWhy[i]! }
      : { kind: 'skipped', reason: 'over budget' };
  const packed = packWholeFiles(job, stageA, ignored, leftOutAs);
  return giveBack(job, packed, leftOutAs);
}

/** Step a: ignored files out, the largest first, as many as needed (estimated, then checked). */
function dropIgnored(
  job: FitJob,
  ignoredWhy: readonly (string | undefined)[],
): LadderResult | { stageA: Decision[]; ignored: number[] } {
  const { files, inherent, meter } = job;
  const base: Decision[] = files.map((_, i) =>
    inherent[i] !== undefined ? { kind: 'skipped', reason: inherent[i]! } : { kind: 'full' },
  );
  const asGiven = (i: number): Cost => meter.fileCost(files[i]!, 'as-given');
  const ignored = files
    .flatMap((_, i) => (ignoredWhy[i] !== undefined ? [i] : []))
    .sort((a, b) => meter.weight(asGiven(b)) - meter.weight(asGiven(a)) || a - b);
  const dropFirst = (k: number): Decision[] => {
    const ds = [...base];
    for (const i of ignored.slice(0, k)) ds[i] = { kind: 'skipped', reason: ignoredWhy[i]! };
    return ds;
  };
  const baseText = assemble(job, plan(base));
  const fitted = tryPlan(job, plan(base), baseText);
  if (fitted) return fitted;
  if (ignored.length > 0) {
    // How many to drop, from their sizes (each leaves a list line); then check.
    let need: Cost = {
      chars: baseText.cost.chars - meter.maxChars,
      tokens: meter.counting ? baseText.cost.tokens - meter.maxTokens! : 0,
    };
    let k = 0;
    while (k < ignored.length && (need.chars > 0 || need.tokens > 0)) {
      const i = ignored[k]!;
      const line = meter.measure(
        `${entryLine(job, i, { kind: 'skipped', reason: ignoredWhy[i]! })}\n`,
      );
      need = addCost(sub(need, asGiven(i)), line);
      k++;
    }
    for (let tries = 0; ; tries++) {
      const done = tryPlan(job, plan(dropFirst(k)));
      if (done) return done;
      if (k >= ignored.length) break;
      k = tries < 3 ? k + 1 : ignored.length;
    }
  }
  return { stageA: dropFirst(ignored.length), ignored };
}

/**
 * Step c: at 0 lines of context, as many whole files as fit, the largest left out first (the
 * ignored files only when there is nothing else); what is left goes to clipping the largest
 * files left out, after their last whole hunk (or line) that fits.
 */
function packWholeFiles(
  job: FitJob,
  stageA: readonly Decision[],
  ignored: readonly number[],
  leftOutAs: (i: number) => Decision,
): Plan {
  const { files, meter, unread } = job;
  const level: Level = 0;
  let candidates = stageA.flatMap((d, i) => (d.kind === 'full' ? [i] : []));
  if (candidates.length === 0) candidates = [...ignored];
  const keepPreamble = meter.weight(meter.measure(withNewline(job.parsed.preamble))) <= 0.05;
  const decisions: Decision[] = [...stageA];
  for (const i of candidates) decisions[i] = leftOutAs(i);
  const packed: Plan = { decisions, level, keepPreamble, listShare: LIST_SHARE };

  // The text with no file kept (the notes and the capped list of everything) is the floor; the
  // notes grow a little once files are shown (counts, the reduced-context line).
  const floor = assemble(job, packed).cost;
  const reducible = candidates.some((i) => renderAt(files[i]!, level).reduced);
  const note = reducible ? meter.measure(`[${contextNote(level)}]\n`) : ZERO;
  let room: Cost = {
    chars: meter.maxChars - floor.chars - note.chars - 24,
    tokens: (meter.maxTokens ?? 0) - floor.tokens - note.tokens - 12,
  };
  // While the list is short enough to be shown whole, a file kept also frees its list line.
  const entryCost = (i: number, d: Decision): Cost => {
    const e = entryLine(job, i, d);
    return e === undefined ? ZERO : meter.measure(`${e}\n`);
  };
  let listTotal = ZERO;
  for (let i = 0; i < files.length; i++)
    listTotal = addCost(listTotal, entryCost(i, decisions[i]!));
  for (const u of unread) listTotal.chars += u.path.length + u.reason.length + 13;
  const listWhole =
    listTotal.chars <= Math.floor(meter.maxChars * LIST_SHARE) &&
    (!meter.counting ||
      listTotal.tokens <= Math.floor(meter.maxTokens! * LIST_SHARE) - unread.length * 16);
  const order = candidates
    .map((i) => ({ i, cost: meter.fileCost(files[i]!, level) }))
    .sort((a, b) => meter.weight(a.cost) - meter.weight(b.cost) || a.i - b.i);
  const fitsRoom = (c: Cost): boolean => c.chars >= 0 && (!meter.counting || c.tokens >= 0);
  for (const { i, cost } of order) {
    const freed = listWhole ? entryCost(i, leftOutAs(i)) : ZERO;
    const next = addCost(sub(room, cost), freed);
    if (!fitsRoom(next)) continue;
    decisions[i] = { kind: 'full' };
    room = next;
  }

  // A clipped file's list line says what is shown: longer than "over budget" by this much.
  const clipEntry: Cost = { chars: 72, tokens: 24 };
  const leftOut = order.filter(({ i }) => decisions[i]!.kind === 'skipped').reverse();
  for (const { i } of leftOut) {
    if (room.chars < 200) break;
    const space = sub(room, clipEntry);
    const clip = clipFile(job, i, space);
    if (!clip) continue;
    decisions[i] = clip;
    room = sub(space, clip.cost);
  }
  return packed;
}

/** A file cut after its last whole hunk that fits `space` (or whole lines of its first hunk). */
function clipFile(
  job: FitJob,
  i: number,
  space: Cost,
): Extract<Decision, { kind: 'clipped' }> | undefined {
  const { meter } = job;
  const f = job.files[i]!;
  if (!f.reducible || f.hunks.length === 0) return undefined;
  const pieces = renderAt(f, 0).pieces;
  const fitsIn = (c: Cost): boolean =>
    c.chars <= space.chars && (!meter.counting || c.tokens <= space.tokens);
  let used = meter.measure(joinLines(f.head));
  if (!fitsIn(used)) return undefined;
  const kept: Piece[] = [];
  for (const p of pieces) {
    const text = joinLines([p.header, ...p.lines]);
    // Counted only when its characters fit.
    if (used.chars + text.length > space.chars) break;
    const next = addCost(used, meter.measure(text));
    if (!fitsIn(next)) break;
    kept.push(p);
    used = next;
  }
  if (kept.length > 0) {
    return {
      kind: 'clipped',
      text: renderPieces({ ...f, tail: [] }, kept),
      reason: `over budget: ${formatCount(kept.length)} of ${formatCount(pieces.length)} hunks shown`,
      cost: used,
    };
  }
  // Not even one hunk: whole lines of the first one, under a header recomputed for them.
  const first = pieces[0]!;
  const origin = pieceOrigin(first);
  let count = 0;
  let lineCost = { chars: used.chars + first.header.length + 24, tokens: used.tokens + 16 };
  let lines = ZERO; // the lines up to `count`, counted one by one
  let running = ZERO;
  for (let j = 0; j < first.lines.length; j++) {
    const c = meter.measure(`${first.lines[j]}\n`);
    const next = addCost(lineCost, c);
    if (!fitsIn(next)) break;
    lineCost = next;
    running = addCost(running, c);
    // Never end between a line and its "\ No newline at end of file" marker.
    if (!(first.lines[j + 1] ?? '').startsWith('\\')) {
      count = j + 1;
      lines = running;
    }
  }
  const shown = first.lines.slice(0, count);
  if (!shown.some(isChange)) return undefined;
  const piece = makePiece(origin.oldBefore, origin.newBefore, shown, origin.section);
  const text = renderPieces({ ...f, tail: [] }, [piece]);
  // Lines that start a token of their own add up exactly; otherwise count the text once more.
  const cost = shown.every(startsAToken)
    ? addCost(addCost(used, meter.measure(`${piece.header}\n`)), lines)
    : meter.measure(text);
  return {
    kind: 'clipped',
    text,
    reason: `over budget: the first ${formatCount(count)} of ${formatCount(first.lines.length)} lines of hunk 1 of ${formatCount(pieces.length)} shown`,
    cost,
  };
}

/**
 * Whether a diff body line, after a newline, always starts a token of its own: a `+`, `-` or
 * `\` line, or a context line whose text starts with something other than whitespace (a split
 * point: models/token-count.ts). Then the counts of such lines add up to the count of their join.
 */
function startsAToken(line: string): boolean {
  const c = line.charAt(0);
  if (c === '+' || c === '-' || c === '\\') return true;
  return c === ' ' && line.length > 1 && !/\s/.test(line.charAt(1));
}

/**
 * The packed plan's parts were costed apart, and a trailer grows with what is shown: check the
 * whole, and give back (the largest shown first, then list space, then the preamble) until it
 * fits. When not even the notes fit: one line, or nothing.
 */
function giveBack(job: FitJob, packed: Plan, leftOutAs: (i: number) => Decision): LadderResult {
  const { files, inherent, meter } = job;
  const decisions = packed.decisions;
  for (let round = 0; round < files.length + 8; round++) {
    const assembled = assemble(job, packed);
    const done = tryPlan(job, packed, assembled);
    if (done) return done;
    const whole = assembled.cost;
    const over: Cost = {
      chars: whole.chars - meter.maxChars,
      tokens: meter.counting ? whole.tokens - meter.maxTokens! : 0,
    };
    const shown = decisions
      .map((d, i) => ({ d, i }))
      .filter(
        ({ d, i }) => d.kind === 'clipped' || (d.kind === 'full' && inherent[i] === undefined),
      )
      .map(({ d, i }) => ({
        i,
        cost: d.kind === 'clipped' ? d.cost : meter.fileCost(files[i]!, packed.level),
      }))
      .sort((a, b) => meter.weight(b.cost) - meter.weight(a.cost) || a.i - b.i);
    if (shown.length > 0) {
      let freed = ZERO;
      for (const { i, cost } of shown) {
        decisions[i] = leftOutAs(i);
        freed = addCost(freed, cost);
        if (freed.chars >= over.chars && freed.tokens >= over.tokens) break;
      }
    } else if (packed.listShare > 0.01) packed.listShare = packed.listShare / 2;
    else if (packed.listShare > 0) packed.listShare = 0;
    else if (packed.keepPreamble && job.parsed.preamble !== '') packed.keepPreamble = false;
    else break;
  }
  const last = `[The diff (${job.totalWords}) is not shown: it is over the context budget of ${budgetWords(meter.stated.chars, meter.stated.tokens)}.]\n`;
  const skippedAll: Decision[] = files.map((_, i) =>
    inherent[i] !== undefined ? { kind: 'skipped', reason: inherent[i]! } : leftOutAs(i),
  );
  const cost = meter.measure(last);
  const result: LadderResult = {
    text: meter.fits(last, cost) ? last : '',
    coverage: coverageOf(job, skippedAll),
    notes: [last.slice(1, -2)],
  };
  if (meter.counting) result.tokens = result.text === '' ? 0 : cost.tokens;
  return result;
}
