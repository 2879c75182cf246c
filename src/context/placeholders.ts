/**
 * The wording of every placeholder a context source can produce. Pure.
 *
 * Conventions: one or two plain sentences; they start with a short label ending in a colon
 * (`File not found:`, `Path refused:`, `No changes in the working tree …:`), name the source or
 * path concerned, and say what was not done (not read, not shown) so a model never mistakes a
 * placeholder for content. Notes about truncated content are separate: a final line
 * `[truncated: …]` inside the content itself (see caps.ts).
 */

export const SUPPORTED_SOURCES =
  'git_diff, latest_diff, file:<path>, glob:<pattern>, pr_description, learnings';

export const placeholder = {
  gitDiffEmpty: (): string =>
    'No changes in the working tree (git diff is empty): nothing staged, unstaged or untracked differs from HEAD.',
  gitDiffEmptyNoCommits: (): string =>
    'No changes in the working tree (git diff is empty): the repository has no commits yet and nothing is staged or untracked.',
  prDiffEmpty: (label: string): string =>
    `No changes in the pull request (the diff is empty): ${label} changes no file.`,
  notGitRepo: (): string =>
    'Not a git repository: the project root is not inside a git work tree, so git_diff has no diff to show.',
  gitMissing: (): string =>
    'git is not available: git is not installed or not on PATH, so git_diff cannot be read.',
  gitFailed: (message: string): string => `git diff could not be read: ${message}`,

  noArtifact: (): string =>
    'No implementation artifact yet: no earlier implement step has produced changes in this run.',
  artifactWithoutChanges: (stepId: string, iteration: number, note?: string): string =>
    `No changes in the latest implementation artifact: step ${stepId} (iteration ${iteration}) changed no file` +
    (note ? ` (${note}).` : '.'),

  emptyPath: (kind: 'file' | 'glob'): string =>
    kind === 'file'
      ? 'Path refused: file: needs a path relative to the project root, e.g. file:README.md.'
      : 'Pattern refused: glob: needs a pattern relative to the project root, e.g. glob:docs/**/*.md.',
  pathRefused: (
    raw: string,
    why: 'absolute' | 'escapes' | 'symlink' | 'nul' | 'git-dir',
  ): string => {
    if (why === 'git-dir')
      return `Path refused: ${raw} is, or resolves into, a .git directory (git's own files, credentials included, are never read into a prompt).`;
    const reason = {
      absolute: 'absolute paths are not allowed; use a path relative to the project root',
      escapes: 'it leaves the project root through ".."',
      symlink: 'it is, or goes through, a symbolic link that resolves outside the project root',
      nul: 'it contains a NUL character',
    }[why];
    return `Path refused: ${raw} is outside the project root (${reason}); it was not read.`;
  },
  patternRefused: (pattern: string, why: 'absolute' | 'escapes'): string =>
    `Pattern refused: glob:${pattern} reaches outside the project root (${
      why === 'absolute' ? 'absolute patterns are not allowed' : 'it uses ".."'
    }); nothing was read.`,
  fileMissing: (rel: string): string =>
    `File not found: ${rel} does not exist (relative to the project root).`,
  fileIsDirectory: (rel: string): string =>
    `Not a file: ${rel} is a directory; use glob:${rel === '.' ? '' : `${rel}/`}** to include the files in it.`,
  fileNotRegular: (rel: string): string =>
    `Not a regular file: ${rel} is a device, socket or pipe; it was not read.`,
  fileUnreadable: (rel: string, reason: string): string =>
    `File could not be read: ${rel} (${reason}).`,
  fileBinary: (rel: string, why: 'nul' | 'utf8'): string =>
    `Binary file: ${rel} is not UTF-8 text (${
      why === 'nul' ? 'it contains NUL bytes' : 'it is not valid UTF-8'
    }); its content is not shown.`,
  fileEmpty: (rel: string): string => `Empty file: ${rel} exists but has no content.`,
  rootMissing: (root: string): string =>
    `Project root not found: ${root} does not exist or is not a directory; nothing was read.`,

  globNoMatch: (pattern: string, inGit: boolean): string =>
    `No files match glob:${pattern} in the project root (${
      inGit ? 'files ignored by git, ' : '.git, node_modules, '
    }dotfiles unless the pattern names them, and binary files are not included).`,

  prDescriptionMissing: (): string =>
    'No pull request description: this run is not attached to a pull request.',

  overContextBudget: (title: string, budget: string): string =>
    `Not shown: ${title} does not fit in what is left of the per-call context budget (${budget}) after the diff.`,

  unknownSource: (source: string): string =>
    `Unknown context source: "${source}" is not one of ${SUPPORTED_SOURCES}; it was ignored.`,
  sourceFailed: (source: string, message: string): string =>
    `Context source could not be read: ${source} failed (${message}).`,
} as const;
