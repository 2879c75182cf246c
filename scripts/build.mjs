// Builds the committed bundles (ncc) and the JSON Schema for .aethr.yaml.
//   node scripts/build.mjs                 bundles + schema
//   node scripts/build.mjs --schema-only   schema only
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ncc = join('node_modules', '.bin', 'ncc');

function sh(cmd, args, options = {}) {
  const done = spawnSync(cmd, args, { stdio: 'inherit', ...options });
  if (done.status !== 0) {
    console.error(`build: ${cmd} ${args.join(' ')} failed`);
    process.exit(done.status ?? 1);
  }
  return done;
}

function bundle(entry, out) {
  rmSync(out, { recursive: true, force: true });
  sh(ncc, ['build', entry, '-o', out, '--minify', '--license', 'licenses.txt', '--quiet', '--target', 'es2022', '--transpile-only']);
}

function buildSchema() {
  const tmp = mkdtempSync(join(tmpdir(), 'aethr-schema-'));
  try {
    sh(ncc, ['build', 'scripts/gen-schema.ts', '-o', tmp, '--quiet', '--transpile-only']);
    const done = spawnSync(process.execPath, [join(tmp, 'index.js')], { encoding: 'utf8' });
    if (done.status !== 0) {
      console.error(done.stderr);
      process.exit(1);
    }
    mkdirSync('schema', { recursive: true });
    writeFileSync(join('schema', 'aethr.schema.json'), done.stdout);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

if (!process.argv.includes('--schema-only')) {
  // The Action bundle is dist/index.js with its chunks beside it; the CLI lives in dist/cli/.
  rmSync('dist', { recursive: true, force: true });
  bundle('src/cli/index.ts', 'dist/cli');
  const tmp = mkdtempSync(join(tmpdir(), 'aethr-action-'));
  bundle('src/action/index.ts', tmp);
  sh('cp', ['-r', `${tmp}/.`, 'dist/']);
  rmSync(tmp, { recursive: true, force: true });
}
buildSchema();
