/**
 * Boundary checks on a proposed patch, before it touches anything. Pure: the patch text and a
 * policy in, a verdict out. Every refusal names the rule and, when there is one, the path.
 */
import picomatch from 'picomatch';
import { parseDiff } from './diff-parse.js';
import type { ParsedFilePatch } from './diff-parse.js';
import { checkPathShape } from './paths.js';
import { resolvePolicy } from './policy.js';
import type { PatchPolicy } from './policy.js';

export type PatchRule =
  | 'parse'
  | 'empty'
  | 'size'
  | 'files'
  | 'lines'
  | 'path'
  | 'git-dir'
  | 'allow'
  | 'deny'
  | 'deletion'
  | 'rename'
  | 'copy'
  | 'binary'
  | 'mode'
  | 'symlink'
  | 'submodule'
  // Raised by the apply step, not here:
  | 'cross-check'
  | 'check'
  | 'apply'
  | 'verify';

export interface PatchProblem {
  path?: string;
  rule: PatchRule;
  message: string;
}

export type FileChange = 'modify' | 'add' | 'delete' | 'rename' | 'copy';

export interface ValidatedFile {
  /** The path written (for a deletion: the path removed). */
  path: string;
  /** Source of a rename or copy. */
  oldPath?: string;
  change: FileChange;
  binary: boolean;
  /** Mode before / after when the patch states them (`new file mode` counts as after). */
  oldMode?: string;
  newMode?: string;
  additions: number;
  deletions: number;
}

export type PatchValidation =
  | { ok: true; files: ValidatedFile[]; changedLines: number }
  | { ok: false; problems: PatchProblem[] };

const REGULAR_MODES = new Set(['100644', '100755']);
const SYMLINK_MODE = '120000';
const GITLINK_MODE = '160000';

/** Every path a validated file writes or removes in the work tree (a rename removes its source). */
export function writtenPaths(files: readonly ValidatedFile[]): string[] {
  const out = new Set<string>();
  for (const f of files) {
    out.add(f.path);
    if (f.change === 'rename' && f.oldPath !== undefined) out.add(f.oldPath);
  }
  return [...out];
}

function describeChange(f: ParsedFilePatch): FileChange {
  if (f.isRename) return 'rename';
  if (f.isCopy) return 'copy';
  if (f.isNew) return 'add';
  if (f.isDeleted) return 'delete';
  return 'modify';
}

export function validatePatch(
  patch: string,
  policyInput: Partial<PatchPolicy> = {},
): PatchValidation {
  const policy = resolvePolicy(policyInput);
  const problems: PatchProblem[] = [];
  const bytes = Buffer.byteLength(patch, 'utf8');
  if (bytes > policy.maxPatchBytes) {
    return {
      ok: false,
      problems: [
        {
          rule: 'size',
          message: `the patch is ${bytes} bytes; the limit is ${policy.maxPatchBytes}`,
        },
      ],
    };
  }
  const parsed = parseDiff(patch);
  for (const e of parsed.errors)
    problems.push({ rule: 'parse', message: `line ${e.line}: ${e.message}` });
  if (parsed.files.length === 0) {
    if (problems.length === 0)
      problems.push({ rule: 'empty', message: 'the patch changes no file' });
    return { ok: false, problems };
  }
  if (parsed.files.length > policy.maxFiles) {
    problems.push({
      rule: 'files',
      message: `the patch touches ${parsed.files.length} files; the limit is ${policy.maxFiles}`,
    });
  }

  const checkPath = pathChecker(policy, problems);
  const files: ValidatedFile[] = [];
  let changedLines = 0;
  for (const f of parsed.files) {
    const change = describeChange(f);
    const path = f.newPath ?? f.oldPath;
    if (path === null) continue; // reported by the parser
    if (f.oldPath !== null && f.oldPath !== path)
      checkPath(f.oldPath, change === 'copy' ? 'copy source' : 'rename source');
    checkPath(path, 'path');
    problems.push(...changeProblems(f, path, policy), ...modeProblems(f, path, policy));
    changedLines += f.additions + f.deletions;
    files.push(validatedFile(f, path, change));
  }
  if (policy.maxChangedLines !== undefined && changedLines > policy.maxChangedLines) {
    problems.push({
      rule: 'lines',
      message: `the patch changes ${changedLines} lines; the limit is ${policy.maxChangedLines}`,
    });
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, files, changedLines };
}

/**
 * Checks each path once against its shape, the deny globs, the `.github/` rule and the allow
 * globs, in that order; the first refusal is pushed onto `problems`.
 */
function pathChecker(
  policy: PatchPolicy,
  problems: PatchProblem[],
): (path: string, role: string) => void {
  const glob = { dot: true } as const;
  const allow = policy.allow.map((g) => ({ glob: g, match: picomatch(g, glob) }));
  // Deny globs match case-insensitively, and one without a "/" matches the name at any depth
  // (`.env` also refuses `packages/api/.env`).
  const deny = policy.deny.map((g) => ({
    glob: g,
    match: picomatch(g, { ...glob, nocase: true, basename: !g.includes('/') }),
  }));
  const githubAllow = allow.filter((a) => /^\.github\/./i.test(a.glob));
  const checkedPaths = new Set<string>();
  return (path, role) => {
    if (checkedPaths.has(path)) return;
    checkedPaths.add(path);
    const shape = checkPathShape(path);
    if (shape) {
      problems.push({ path, rule: shape.rule, message: `${role} ${shape.message}` });
      return;
    }
    const denied = deny.find((d) => d.match(path));
    if (denied) {
      problems.push({
        path,
        rule: 'deny',
        message: `${role} "${path}" matches the deny glob "${denied.glob}"`,
      });
      return;
    }
    // `.github/` configures CI, bots and code owners: only what an allow glob names explicitly
    // (one that starts with `.github/`, not `**`) may change there.
    if (/^\.github\//i.test(path) && !githubAllow.some((a) => a.match(path))) {
      problems.push({
        path,
        rule: 'deny',
        message: `${role} "${path}" is under .github/, which patches may change only where the workflow's patch.allow names it explicitly (e.g. ".github/ISSUE_TEMPLATE/**")`,
      });
      return;
    }
    if (!allow.some((a) => a.match(path))) {
      problems.push({
        path,
        rule: 'allow',
        message: `${role} "${path}" matches none of the allow globs (${policy.allow.map((g) => `"${g}"`).join(', ')})`,
      });
    }
  };
}

/** Deletions, renames, copies and binary patches the policy does not allow. */
function changeProblems(f: ParsedFilePatch, path: string, policy: PatchPolicy): PatchProblem[] {
  const where = `"${path}"`;
  const problems: PatchProblem[] = [];
  if (f.isDeleted && !policy.allowDeletions)
    problems.push({
      path,
      rule: 'deletion',
      message: `${where} would be deleted; deletions are not allowed`,
    });
  if (f.isRename && !policy.allowRenames)
    problems.push({
      path,
      rule: 'rename',
      message: `"${f.oldPath}" would be renamed to ${where}; renames are not allowed`,
    });
  if (f.isCopy && !policy.allowCopies)
    problems.push({
      path,
      rule: 'copy',
      message: `"${f.oldPath}" would be copied to ${where}; copies are not allowed`,
    });
  if (f.binary && !policy.allowBinary)
    problems.push({
      path,
      rule: 'binary',
      message: `${where} has a binary patch; binary changes are not allowed`,
    });
  return problems;
}

/** Submodules, symlinks (unless allowed), invalid modes and mode changes (unless allowed). */
function modeProblems(f: ParsedFilePatch, path: string, policy: PatchPolicy): PatchProblem[] {
  const where = `"${path}"`;
  const problems: PatchProblem[] = [];
  const modes = [f.oldMode, f.newMode, f.newFileMode, f.deletedFileMode].filter(
    (m): m is string => m !== undefined,
  );
  if (modes.includes(GITLINK_MODE)) {
    problems.push({
      path,
      rule: 'submodule',
      message: `${where} is a submodule (mode 160000); submodules cannot be changed`,
    });
  } else if (modes.includes(SYMLINK_MODE)) {
    if (!policy.allowSymlinks)
      problems.push({
        path,
        rule: 'symlink',
        message: `${where} is a symbolic link (mode 120000); symlinks are not allowed`,
      });
  }
  for (const mode of modes) {
    if (!REGULAR_MODES.has(mode) && mode !== SYMLINK_MODE && mode !== GITLINK_MODE)
      problems.push({
        path,
        rule: 'mode',
        message: `${where} has an invalid file mode "${mode}"`,
      });
  }
  if (f.oldMode !== undefined || f.newMode !== undefined) {
    if (f.oldMode === undefined || f.newMode === undefined)
      problems.push({
        path,
        rule: 'parse',
        message: `${where} has "old mode" or "new mode" without the other`,
      });
    else if (f.oldMode !== f.newMode && !policy.allowModeChanges)
      problems.push({
        path,
        rule: 'mode',
        message: `${where} would change mode ${f.oldMode} -> ${f.newMode}; mode changes are not allowed`,
      });
  }
  return problems;
}

function validatedFile(f: ParsedFilePatch, path: string, change: FileChange): ValidatedFile {
  const validated: ValidatedFile = {
    path,
    change,
    binary: f.binary,
    additions: f.additions,
    deletions: f.deletions,
  };
  if ((change === 'rename' || change === 'copy') && f.oldPath !== null)
    validated.oldPath = f.oldPath;
  const oldMode = f.oldMode ?? f.deletedFileMode;
  const newMode = f.newMode ?? f.newFileMode;
  if (oldMode !== undefined) validated.oldMode = oldMode;
  if (newMode !== undefined) validated.newMode = newMode;
  return validated;
}

/** One line per problem, for notes and logs. */
export function formatProblems(problems: readonly PatchProblem[]): string {
  return problems.map((p) => `- [${p.rule}] ${p.message}`).join('\n');
}
