/**
 * `glob:<pattern>`: the UTF-8 files under the project root that match a picomatch pattern.
 * Candidates come from git (so .gitignore holds) or, outside git, from a bounded walk that skips
 * `.git` and `node_modules`. Every match is read through the same path-safety rules as `file:`.
 */
import { readdir } from 'node:fs/promises';
import nodePath from 'node:path';
import picomatch from 'picomatch';
import type { ContextBlock } from '../engine/types.js';
import { runGit } from '../git/run-git.js';
import { formatCount, formatNameList, type ContextLimits } from './caps.js';
import { contentText } from './file-source.js';
import { languageForPath } from './language.js';
import { placeholder } from './placeholders.js';
import { readFileSafely } from './read-safe-file.js';
import { checkGlobPattern } from './safe-path.js';

/** Entries a walk outside git visits at most. */
export const MAX_WALK_ENTRIES = 100_000;
const SKIP_DIRS = new Set(['.git', 'node_modules']);
/** Below this, a file cut to fit the total cap is left out instead of shown as a stub. */
const MIN_USEFUL_CHARS = 1_000;

/** Code-unit order: the same on every machine and locale. */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The sorted, de-duplicated candidates that match `pattern` (dotfiles only when named). */
export function matchGlob(candidates: Iterable<string>, pattern: string): string[] {
  const isMatch = picomatch(pattern, { dot: false, windows: false });
  const out = new Set<string>();
  for (const c of candidates) if (c !== '' && !c.endsWith('/') && isMatch(c)) out.add(c);
  return [...out].sort(compareCodeUnits);
}

/** Files git knows about or would add (tracked + untracked, not ignored), relative to `cwd`. */
export async function gitCandidates(cwd: string): Promise<string[]> {
  const res = await runGit(cwd, ['ls-files', '--cached', '--others', '--exclude-standard', '-z']);
  return res.stdout.split('\0').filter((p) => p !== '');
}

/** Files below `root` (symlinks listed, never followed into), skipping .git and node_modules. */
export async function walkCandidates(
  root: string,
  maxEntries = MAX_WALK_ENTRIES,
): Promise<{ files: string[]; capped: boolean }> {
  const files: string[] = [];
  const queue: string[] = [''];
  let seen = 0;
  while (queue.length > 0) {
    const dirRel = queue.shift() as string;
    let entries;
    try {
      entries = await readdir(nodePath.join(root, dirRel), { withFileTypes: true });
    } catch {
      continue;
    }
    entries.sort((a, b) => compareCodeUnits(a.name, b.name));
    for (const entry of entries) {
      if (++seen > maxEntries) return { files, capped: true };
      const rel = dirRel === '' ? entry.name : `${dirRel}/${entry.name}`;
      if (entry.isDirectory()) {
        if (!SKIP_DIRS.has(entry.name)) queue.push(rel);
      } else if (entry.isFile() || entry.isSymbolicLink()) {
        files.push(rel);
      }
    }
  }
  return { files, capped: false };
}

interface GlobReport {
  truncated: { path: string; reason: 'file' | 'total' }[];
  leftOutFiles: string[];
  leftOutTotal: string[];
  skipped: { path: string; why: string }[];
}

/** The note block that says what a glob left out (`undefined` when it left nothing out). */
export function globNote(
  source: string,
  pattern: string,
  matched: number,
  shown: number,
  r: GlobReport,
  limits: Pick<ContextLimits, 'maxGlobFileChars' | 'maxGlobTotalChars' | 'maxGlobFiles'>,
  walkCapped: boolean,
): ContextBlock | undefined {
  const lines: string[] = [];
  if (r.truncated.length > 0) {
    const perFile = r.truncated.filter((t) => t.reason === 'file').map((t) => t.path);
    const total = r.truncated.filter((t) => t.reason === 'total').map((t) => t.path);
    if (perFile.length > 0) {
      lines.push(
        `Truncated to the first ${formatCount(limits.maxGlobFileChars)} characters per file: ${formatNameList(perFile)}.`,
      );
    }
    if (total.length > 0)
      lines.push(
        `Truncated to fit the ${formatCount(limits.maxGlobTotalChars)}-character total: ${formatNameList(total)}.`,
      );
  }
  if (r.leftOutTotal.length > 0) {
    lines.push(
      `Left out (the ${formatCount(limits.maxGlobTotalChars)}-character total was reached): ${formatNameList(r.leftOutTotal)}.`,
    );
  }
  if (r.leftOutFiles.length > 0) {
    lines.push(
      `Left out (at most ${formatCount(limits.maxGlobFiles)} files are shown): ${formatNameList(r.leftOutFiles)}.`,
    );
  }
  if (r.skipped.length > 0) {
    lines.push(`Skipped: ${formatNameList(r.skipped.map((s) => `${s.path} (${s.why})`))}.`);
  }
  if (walkCapped)
    lines.push(
      `The search stopped after ${formatCount(MAX_WALK_ENTRIES)} entries; later files were not considered.`,
    );
  if (lines.length === 0) return undefined;
  return {
    source,
    title: `glob:${pattern}: ${formatCount(shown)} of ${formatCount(matched)} matching files shown`,
    text: `Not everything matching glob:${pattern} is shown. ${lines.join(' ')}`,
    placeholder: true,
  };
}

function skipReason(kind: string, reason?: string): string {
  switch (kind) {
    case 'binary':
      return reason === 'utf8' ? 'not valid UTF-8' : 'binary';
    case 'refused':
      return 'resolves outside the project root; not read';
    case 'not-regular':
      return 'not a regular file';
    case 'empty':
      return 'empty';
    default:
      return reason ? `unreadable: ${reason}` : 'unreadable';
  }
}

export async function globSource(
  source: string,
  rawPattern: string,
  rootReal: string,
  inGit: boolean,
  limits: Pick<ContextLimits, 'maxGlobFileChars' | 'maxGlobTotalChars' | 'maxGlobFiles'>,
): Promise<ContextBlock[]> {
  const check = checkGlobPattern(rawPattern);
  if (!check.ok) {
    const text =
      check.reason === 'absolute' || check.reason === 'escapes'
        ? placeholder.patternRefused(rawPattern.trim(), check.reason)
        : placeholder.emptyPath('glob');
    return [{ source, title: `glob:${rawPattern.trim()}`, text, placeholder: true }];
  }
  const pattern = check.pattern;

  let candidates: string[];
  let walkCapped = false;
  if (inGit) {
    candidates = await gitCandidates(rootReal);
  } else {
    const walked = await walkCandidates(rootReal);
    candidates = walked.files;
    walkCapped = walked.capped;
  }
  const matches = matchGlob(candidates, pattern);

  const blocks: ContextBlock[] = [];
  const report: GlobReport = { truncated: [], leftOutFiles: [], leftOutTotal: [], skipped: [] };
  let used = 0;
  let considered = 0;
  // Reads are bounded too: binary or unreadable matches do not let a glob read without end.
  const maxReads = Math.max(limits.maxGlobFiles * 4, limits.maxGlobFiles + 20);

  for (const rel of matches) {
    if (blocks.length >= limits.maxGlobFiles || considered >= maxReads) {
      report.leftOutFiles.push(rel);
      continue;
    }
    const remaining = limits.maxGlobTotalChars - used;
    if (remaining <= 0) {
      report.leftOutTotal.push(rel);
      continue;
    }
    const budget = Math.min(limits.maxGlobFileChars, remaining);
    considered++;
    const result = await readFileSafely(rootReal, rel, budget);
    if (result.kind !== 'ok') {
      // Deleted in the working tree (still in the index), or a symlink to a directory: not a file here.
      if (result.kind === 'missing' || result.kind === 'directory') continue;
      report.skipped.push({
        path: rel,
        why: skipReason(result.kind, 'reason' in result ? result.reason : undefined),
      });
      continue;
    }
    const byTotal = result.truncated && budget < limits.maxGlobFileChars;
    if (byTotal && budget < MIN_USEFUL_CHARS) {
      report.leftOutTotal.push(rel);
      used = limits.maxGlobTotalChars;
      continue;
    }
    if (result.truncated) report.truncated.push({ path: rel, reason: byTotal ? 'total' : 'file' });
    used += result.shownChars;
    blocks.push({
      source,
      title: `${rel}${result.truncated ? ' (truncated)' : ''} — glob:${pattern}`,
      text: contentText(result, budget),
      language: languageForPath(rel),
    });
  }

  const matchedFiles =
    blocks.length + report.leftOutFiles.length + report.leftOutTotal.length + report.skipped.length;
  if (blocks.length === 0 && matchedFiles === 0) {
    return [
      {
        source,
        title: `glob:${pattern}`,
        text: placeholder.globNoMatch(pattern, inGit),
        placeholder: true,
      },
    ];
  }
  const note = globNote(source, pattern, matchedFiles, blocks.length, report, limits, walkCapped);
  return note ? [note, ...blocks] : blocks;
}
