/** `file:<path>`: one UTF-8 file relative to the project root. */
import type { ContextBlock } from '../engine/types.js';
import { fileTruncationNote } from './caps.js';
import { languageForPath } from './language.js';
import { placeholder } from './placeholders.js';
import { readFileSafely, type SafeReadResult } from './read-safe-file.js';

/** The placeholder for a read that produced no content (`undefined` for `ok`). */
export function placeholderForRead(result: SafeReadResult): string | undefined {
  switch (result.kind) {
    case 'ok':
      return undefined;
    case 'refused':
      return result.reason === 'empty'
        ? placeholder.emptyPath('file')
        : placeholder.pathRefused(result.rel, result.reason);
    case 'missing':
      return placeholder.fileMissing(result.rel);
    case 'directory':
      return placeholder.fileIsDirectory(result.rel);
    case 'not-regular':
      return placeholder.fileNotRegular(result.rel);
    case 'empty':
      return placeholder.fileEmpty(result.rel);
    case 'binary':
      return placeholder.fileBinary(result.rel, result.reason);
    case 'unreadable':
      return placeholder.fileUnreadable(result.rel, result.reason);
  }
}

/** Turns a successful read into content text, with the `[truncated: …]` line when it was cut. */
export function contentText(result: Extract<SafeReadResult, { kind: 'ok' }>, max: number): string {
  if (!result.truncated) return result.text;
  const body = result.text.endsWith('\n') ? result.text : `${result.text}\n`;
  return `${body}${fileTruncationNote({ shownChars: result.shownChars, shownLines: result.shownLines, totalBytes: result.totalBytes, max })}`;
}

export async function fileSource(
  source: string,
  rawPath: string,
  rootReal: string,
  maxChars: number,
): Promise<ContextBlock> {
  const result = await readFileSafely(rootReal, rawPath, maxChars);
  const note = placeholderForRead(result);
  if (note !== undefined || result.kind !== 'ok') {
    return { source, title: `File: ${result.rel || rawPath}`, text: note ?? '', placeholder: true };
  }
  return {
    source,
    title: `File: ${result.rel}${result.truncated ? ' (truncated)' : ''}`,
    text: contentText(result, maxChars),
    language: languageForPath(result.rel),
  };
}
