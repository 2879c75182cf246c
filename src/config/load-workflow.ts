/**
 * Reads a workflow file from disk and validates it. The I/O half of the loader: size is checked
 * before reading, at most 1 MiB + 1 byte is read, and the bytes must be valid UTF-8.
 */
import { open } from 'node:fs/promises';
import { relative } from 'node:path';
import { ConfigError } from './config-error.js';
import type { ConfigProblem } from './config-error.js';
import { MAX_WORKFLOW_BYTES, parseWorkflowText, tooLargeProblem } from './parse-workflow.js';
import type { Workflow } from './schema.js';
import { decodeUtf8 } from './utf8.js';

export { ConfigError, formatConfigError, formatConfigProblem } from './config-error.js';
export type { ConfigProblem } from './config-error.js';
export { parseWorkflowText, MAX_WORKFLOW_BYTES } from './parse-workflow.js';

function fileProblem(message: string, fix: string): ConfigProblem {
  return { line: 0, column: 0, path: '', message, fix };
}

/** Bytes of the file, or a problem; never reads more than MAX_WORKFLOW_BYTES + 1. */
async function readBounded(path: string, file: string): Promise<Uint8Array> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      throw new ConfigError(
        file,
        [
          fileProblem(
            'the workflow file does not exist',
            'create it (e.g. copy a preset), or pass the right path',
          ),
        ],
        { cause: error },
      );
    }
    throw new ConfigError(
      file,
      [
        fileProblem(
          `the workflow file cannot be opened (${code ?? String(error)})`,
          'check the path and its permissions',
        ),
      ],
      { cause: error },
    );
  }
  try {
    const stat = await handle.stat();
    if (stat.isDirectory()) {
      throw new ConfigError(file, [
        fileProblem(
          'this is a directory, not a workflow file',
          'pass the path of the .aethr.yaml file inside it',
        ),
      ]);
    }
    if (stat.size > MAX_WORKFLOW_BYTES) throw new ConfigError(file, [tooLargeProblem(stat.size)]);
    // The size may change between stat and read: read one byte more than allowed to notice.
    const buffer = new Uint8Array(MAX_WORKFLOW_BYTES + 1);
    let filled = 0;
    while (filled < buffer.length) {
      const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    if (filled > MAX_WORKFLOW_BYTES) throw new ConfigError(file, [tooLargeProblem(filled)]);
    return buffer.subarray(0, filled);
  } finally {
    await handle.close();
  }
}

/**
 * Loads and validates a workflow file. `displayName` is the name messages show (default: the
 * path relative to the current directory). Throws ConfigError with every problem found.
 */
export async function loadWorkflowFile(path: string, displayName?: string): Promise<Workflow> {
  const file = displayName ?? (relative(process.cwd(), path) || path);
  const bytes = await readBounded(path, file);
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) {
    const hex = decoded.byte.toString(16).toUpperCase().padStart(2, '0');
    throw new ConfigError(file, [
      {
        line: decoded.line,
        column: decoded.column,
        path: '',
        message: `the file is not valid UTF-8 (byte 0x${hex} at offset ${decoded.offset})`,
        fix: 'save the file as UTF-8 (e.g. re-encode it from Latin-1/Windows-1252) or remove the character',
      },
    ]);
  }
  return parseWorkflowText(decoded.text, file);
}
