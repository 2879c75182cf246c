// Builds the committed bundles and the JSON Schema for .aethr.yaml:
// tsc type-checks and emits ESM into .build/, then ncc bundles that JavaScript.
//   node scripts/build.mjs                 bundles + schema
//   node scripts/build.mjs --schema-only   schema only
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const bin = (name) => join('node_modules', '.bin', name);

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
  sh(bin('ncc'), [
    'build',
    entry,
    '-o',
    out,
    '--minify',
    '--license',
    'licenses.txt',
    '--quiet',
    '--target',
    'es2022',
  ]);
}

// The tokenizer's rank tables as JSON, which the bundles read instead of compiling
// gpt-tokenizer's array literals (src/models/tokenizer-data.ts): the same data, written from them.
async function writeTokenizerRanks(dir) {
  mkdirSync(dir, { recursive: true });
  for (const encoding of ['o200k_base', 'cl100k_base']) {
    const { default: ranks } = await import(`gpt-tokenizer/bpeRanks/${encoding}`);
    writeFileSync(join(dir, `${encoding}.json`), JSON.stringify(ranks));
  }
}

function buildSchema() {
  const done = spawnSync(process.execPath, [join('.build', 'scripts', 'gen-schema.js')], {
    encoding: 'utf8',
  });
  if (done.status !== 0) {
    console.error(done.stderr);
    process.exit(1);
  }
  mkdirSync('schema', { recursive: true });
  writeFileSync(join('schema', 'aethr.schema.json'), done.stdout);
}

rmSync('.build', { recursive: true, force: true });
sh(bin('tsc'), ['-p', 'tsconfig.build.json']);
// .build/ holds ESM because package.json says "type": "module"; ncc reads it from there.
writeFileSync(join('.build', 'package.json'), '{"type":"module"}\n');
if (!process.argv.includes('--schema-only')) {
  rmSync('dist', { recursive: true, force: true });
  bundle('.build/src/cli/index.js', 'dist/cli');
  bundle('.build/src/app/index.js', 'dist/app');
  // The Action bundle is dist/index.js with its chunks beside it.
  const tmp = mkdtempSync(join(tmpdir(), 'aethr-action-'));
  bundle('.build/src/action/index.js', tmp);
  cpSync(tmp, 'dist', { recursive: true });
  rmSync(tmp, { recursive: true, force: true });
  await writeTokenizerRanks(join('dist', 'tokenizer-ranks'));
}
buildSchema();
