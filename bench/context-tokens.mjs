// Context-tokens benchmark: tokens sent per single-step review on real pull-request diffs
// (bench/fixtures/*.diff) against each diff's own token count; target ≤ 1.1 × diff + 600 tokens.
//
//   node bench/context-tokens.mjs            (any working directory; about 10 s)
//
// How: bench/context-tokens.ts runs the real prompt path (preset, context resolver in PR mode,
// renderPrompt, the gateway's token count). Like scripts/build.mjs does for the schema generator,
// it is bundled with @vercel/ncc into a temporary directory and run there with this Node, from the
// repository root. Prints one table; exit code 1 when a row fails its target, 2 on an error.
// Standalone: exports nothing, so bench/run.mjs can call it as a child process.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const ncc = join(root, 'node_modules', '.bin', 'ncc');
const out = mkdtempSync(join(tmpdir(), 'aethr-bench-context-'));

let code;
try {
  const build = spawnSync(
    ncc,
    [
      'build',
      'bench/context-tokens.ts',
      '-o',
      out,
      '--quiet',
      '--transpile-only',
      '--target',
      'es2022',
    ],
    { cwd: root, stdio: 'inherit' },
  );
  if (build.status !== 0) {
    console.error('context-tokens: the ncc build failed');
    code = 2;
  } else {
    const run = spawnSync(process.execPath, [join(out, 'index.js')], {
      cwd: root,
      stdio: 'inherit',
    });
    code = run.status ?? 2;
  }
} finally {
  rmSync(out, { recursive: true, force: true });
}
process.exit(code);
