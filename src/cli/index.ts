#!/usr/bin/env node
// The `aethr` bin. Heavy modules load lazily inside each command, so start-up stays near `node -e 0`.
import { enableCompileCache } from 'node:module';
import { main } from './main.js';
import { painterFor } from './style.js';

// Repeated runs (editing a workflow, `--show-prompt` again) skip compiling the bundle's chunks:
// V8's code cache in the OS temp folder. A failure to set it up only costs speed.
try {
  enableCompileCache();
} catch {
  // no cache: still correct
}

// A reader that stops early (`aethr run … | head`) closes the pipe: end quietly, as cat does.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
}

void main(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  isTTY: process.stdout.isTTY === true,
  paint: painterFor(process.stdout),
}).then((code) => {
  process.exitCode = code;
});
