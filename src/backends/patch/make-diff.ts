/**
 * Writes a git-style unified diff for one file from its old and new text, so whole-file and
 * search/replace edits go through the same validation and `git apply` as a model-written diff.
 * Line diff: common prefix/suffix trimmed, then an LCS on the middle when it is small enough
 * (otherwise the middle is one replacement block). Three lines of context.
 */
import { quoteC } from '../../diff/git-path.js';

const CONTEXT = 3;
/** Above this many cells the middle is replaced as a block instead of diffed line by line. */
const MAX_LCS_CELLS = 4_000_000;
/** Marks a last line that has no newline, so it differs from the same text with one. */
const NO_EOL = '\n\u0000';

type Op = { kind: ' ' | '-' | '+'; token: string };

function tokens(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (text.endsWith('\n')) lines.pop();
  else lines[lines.length - 1] += NO_EOL;
  return lines;
}

function diffTokens(a: readonly string[], b: readonly string[]): Op[] {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const ops: Op[] = [];
  for (let i = 0; i < start; i++) ops.push({ kind: ' ', token: a[i]! });
  const midA = a.slice(start, endA);
  const midB = b.slice(start, endB);
  if (midA.length * midB.length <= MAX_LCS_CELLS && midA.length > 0 && midB.length > 0) {
    const n = midA.length;
    const m = midB.length;
    // lcs[i][j] = LCS length of midA[i..] and midB[j..], stored row-major.
    const lcs = new Uint32Array((n + 1) * (m + 1));
    for (let i = n - 1; i >= 0; i--) {
      for (let j = m - 1; j >= 0; j--) {
        lcs[i * (m + 1) + j] =
          midA[i] === midB[j]
            ? lcs[(i + 1) * (m + 1) + j + 1]! + 1
            : Math.max(lcs[(i + 1) * (m + 1) + j]!, lcs[i * (m + 1) + j + 1]!);
      }
    }
    let i = 0;
    let j = 0;
    while (i < n && j < m) {
      if (midA[i] === midB[j]) {
        ops.push({ kind: ' ', token: midA[i]! });
        i++;
        j++;
      } else if (lcs[(i + 1) * (m + 1) + j]! >= lcs[i * (m + 1) + j + 1]!) {
        ops.push({ kind: '-', token: midA[i++]! });
      } else {
        ops.push({ kind: '+', token: midB[j++]! });
      }
    }
    while (i < n) ops.push({ kind: '-', token: midA[i++]! });
    while (j < m) ops.push({ kind: '+', token: midB[j++]! });
  } else {
    for (const t of midA) ops.push({ kind: '-', token: t });
    for (const t of midB) ops.push({ kind: '+', token: t });
  }
  for (let i = endA; i < a.length; i++) ops.push({ kind: ' ', token: a[i]! });
  return ops;
}

function emit(op: Op, out: string[]): void {
  if (op.token.endsWith(NO_EOL)) {
    out.push(op.kind + op.token.slice(0, -NO_EOL.length), '\\ No newline at end of file');
  } else {
    out.push(op.kind + op.token);
  }
}

/**
 * The diff turning `oldText` into `newText` for `path` (relative, `/`-separated). `oldText` null
 * means the file is created. Returns '' when nothing changes.
 */
export function makeFileDiff(path: string, oldText: string | null, newText: string): string {
  if (oldText === newText) return '';
  const header = [`diff --git ${quoteC(`a/${path}`)} ${quoteC(`b/${path}`)}`];
  if (oldText === null) header.push('new file mode 100644');
  const a = tokens(oldText ?? '');
  const b = tokens(newText);
  if (oldText === null && b.length === 0) return `${header.join('\n')}\n`;
  header.push(
    `--- ${oldText === null ? '/dev/null' : quoteC(`a/${path}`)}`,
    `+++ ${quoteC(`b/${path}`)}`,
  );

  const ops = diffTokens(a, b);
  const out: string[] = [...header];
  // Group changes into hunks with CONTEXT lines around them.
  let k = 0;
  let oldLine = 0; // lines of a consumed before ops[k]
  let newLine = 0;
  while (k < ops.length) {
    if (ops[k]!.kind === ' ') {
      k++;
      oldLine++;
      newLine++;
      continue;
    }
    // A change at k: the hunk starts up to CONTEXT lines before it.
    const lead = Math.min(CONTEXT, oldLine, newLine, k);
    let startK = k - lead;
    const hunkOld = oldLine - lead;
    const hunkNew = newLine - lead;
    // Extend until CONTEXT*2 unchanged lines separate us from the next change (or the end).
    let endK = k;
    let lastChange = k;
    while (endK < ops.length) {
      if (ops[endK]!.kind !== ' ') lastChange = endK;
      else if (endK - lastChange > CONTEXT * 2) break;
      endK++;
    }
    endK = Math.min(ops.length, lastChange + 1 + CONTEXT);
    let oldCount = 0;
    let newCount = 0;
    const body: string[] = [];
    for (; startK < endK; startK++) {
      const op = ops[startK]!;
      if (op.kind !== '+') oldCount++;
      if (op.kind !== '-') newCount++;
      emit(op, body);
    }
    const oldStart = oldCount === 0 ? hunkOld : hunkOld + 1;
    const newStart = newCount === 0 ? hunkNew : hunkNew + 1;
    out.push(`@@ -${oldStart},${oldCount} +${newStart},${newCount} @@`, ...body);
    // Advance line counters over the ops consumed.
    for (let x = k; x < endK; x++) {
      const op = ops[x]!;
      if (op.kind !== '+') oldLine++;
      if (op.kind !== '-') newLine++;
    }
    k = endK;
  }
  return `${out.join('\n')}\n`;
}
