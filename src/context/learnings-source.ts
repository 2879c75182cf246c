/**
 * The `learnings` context source: the workflow's learnings file, what earlier runs learned about
 * the repository. It is repository content, so on untrusted pull requests it is read from the
 * base branch (like the workflow file, through `read`), never from the PR's tree; either way its
 * text is an author's, so it is sanitised and fenced as data.
 */
import type { ContextBlock } from '../engine/types.js';
import { cutAtLineBoundary } from './caps.js';
import { contentText, placeholderForRead } from './file-source.js';
import { readFileSafely } from './read-safe-file.js';
import { sanitizeUntrustedText } from './sanitize-untrusted.js';

export interface LearningsInput {
  /** `learnings:` as the workflow declares it (a path inside the repository). */
  path: string;
  /** Reads the file where the PR author cannot change it (the base branch); default the tree. */
  read?: () => Promise<string | undefined>;
  /** Where `read` reads from, for the heading: `base branch main`. */
  origin?: string;
}

export async function learningsBlock(
  source: string,
  input: LearningsInput | undefined,
  rootReal: string | undefined,
  maxChars: number,
): Promise<ContextBlock> {
  const base = { source, title: 'Learnings from earlier runs' };
  if (!input) {
    return {
      ...base,
      text: 'No learnings file: the workflow declares no `learnings:` path, so there is nothing to show.',
      placeholder: true,
    };
  }
  const where = input.origin ? `${input.path}, ${input.origin}` : input.path;
  const title = `${base.title} (${where})`;
  const missing = `No learnings yet: ${where} does not exist. Implement runs start it with what they learn.`;
  let text: string;
  if (input.read) {
    const read = await input.read();
    if (read === undefined) return { source, title, text: missing, placeholder: true };
    text = cutAtLineBoundary(read, maxChars).text;
  } else {
    if (rootReal === undefined)
      return {
        source,
        title,
        text: 'Project root not found: nothing was read.',
        placeholder: true,
      };
    const result = await readFileSafely(rootReal, input.path, maxChars);
    if (result.kind === 'missing') return { source, title, text: missing, placeholder: true };
    const note = placeholderForRead(result);
    if (note !== undefined || result.kind !== 'ok')
      return { source, title, text: note ?? '', placeholder: true };
    text = contentText(result, maxChars);
  }
  const clean = sanitizeUntrustedText(text).trim();
  if (clean === '')
    return { source, title, text: `No learnings yet: ${where} is empty.`, placeholder: true };
  return { source, title, text: clean, language: 'markdown', untrusted: true };
}
