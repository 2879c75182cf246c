/**
 * The task for `aethr run` when none is given: typed in $EDITOR on a terminal, refused otherwise.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AethrError } from '../errors.js';

const TEMPLATE = `
# Write the task for this run above. Lines starting with # are ignored.
# Save and close the editor to start; an empty task cancels the run.
`;

export async function readTaskFromEditor(env: NodeJS.ProcessEnv, isTTY: boolean): Promise<string> {
  if (!isTTY) {
    throw new AethrError('No task given, and there is no terminal to open an editor on.', {
      hint: 'Pass the task as an argument: aethr run "review my change".',
    });
  }
  const editor = env.VISUAL || env.EDITOR || 'vi';
  const dir = await mkdtemp(join(tmpdir(), 'aethr-task-'));
  const file = join(dir, 'TASK.md');
  try {
    await writeFile(file, TEMPLATE);
    // The editor command may carry flags (e.g. "code --wait"): split on spaces, never via a shell.
    const [command, ...args] = editor.split(/\s+/).filter(Boolean);
    const done = spawnSync(command!, [...args, file], { stdio: 'inherit' });
    if (done.error || done.status !== 0) {
      throw new AethrError(`The editor "${editor}" did not exit cleanly.`, {
        hint: 'Set $EDITOR to a working editor, or pass the task as an argument.',
      });
    }
    const task = stripComments(await readFile(file, 'utf8'));
    if (!task)
      throw new AethrError('The task is empty; nothing to run.', {
        hint: 'Write a task and save the file.',
      });
    return task;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export function stripComments(text: string): string {
  return text
    .split('\n')
    .filter((line) => !line.startsWith('#'))
    .join('\n')
    .trim();
}
