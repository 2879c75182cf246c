/** `aethr run` without a task on a terminal opens $EDITOR; `script` gives the CLI a real TTY. */
import { expect, it } from '@jest/globals';
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI_BUNDLE } from '../support/run-cli.js';

const hasScript = spawnSync('script', ['--version']).status === 0;

(hasScript ? it : it.skip)('opens $EDITOR on a TTY and runs the task written there', () => {
  const dir = mkdtempSync(join(tmpdir(), 'aethr-editor-'));
  execFileSync('git', ['init', '-q'], { cwd: dir });
  execFileSync(process.execPath, [CLI_BUNDLE, 'init', 'custom'], { cwd: dir });
  // The "editor" writes a task above the template's comment lines, as a person would.
  const editor = join(dir, 'fake-editor.sh');
  writeFileSync(
    editor,
    '#!/bin/sh\nprintf "explain the repository layout\\n%s" "$(cat "$1")" > "$1"\n',
  );
  chmodSync(editor, 0o755);
  const command = `${JSON.stringify(process.execPath)} ${JSON.stringify(CLI_BUNDLE)} run`;
  const out = spawnSync('script', ['-qec', command, '/dev/null'], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, EDITOR: editor, AETHR_LIVE: '', OPENAI_API_KEY: '' },
    timeout: 30_000,
  });
  expect(out.status).toBe(0);
  expect(out.stdout).toContain('Task: explain the repository layout');
  expect(out.stdout).not.toContain('Write the task for this run above');
});
