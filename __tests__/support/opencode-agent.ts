/**
 * Which opencode the tests drive: the REAL CLI when it is installed (`AETHR_OPENCODE_BIN`, or
 * `scripts/install-opencode.sh`'s `.tools/opencode/`), otherwise the stand-in
 * `__tests__/support/fake-opencode.mjs`. `describe()` is what the test output prints.
 */
import { execFileSync } from 'node:child_process';
import { accessSync, constants, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface OpencodeAgent {
  kind: 'real' | 'standin';
  bin: string;
  version: string;
  describe: string;
}

const here = dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = resolve(here, '..', '..');
export const STANDIN_BIN = join(here, 'fake-opencode.mjs');

export function standinAgent(): OpencodeAgent {
  return {
    kind: 'standin',
    bin: STANDIN_BIN,
    version: '0.0.0-standin',
    describe: `stand-in ${STANDIN_BIN}`,
  };
}

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Candidate real binaries: AETHR_OPENCODE_BIN first, then the platform packages under .tools/opencode. */
function candidates(): string[] {
  const out: string[] = [];
  const fromEnv = process.env.AETHR_OPENCODE_BIN?.trim();
  if (fromEnv) out.push(resolve(fromEnv));
  const modules = join(REPO_ROOT, '.tools', 'opencode', 'node_modules');
  if (existsSync(modules)) {
    const platform = `opencode-${process.platform}-${process.arch}`;
    const names = readdirSync(modules).filter((n) => n.startsWith(platform));
    // The plain package first, then -baseline / -musl variants.
    names.sort((a, b) => a.length - b.length || a.localeCompare(b));
    for (const name of names) out.push(join(modules, name, 'bin', 'opencode'));
  }
  return out;
}

function versionOf(bin: string): string | undefined {
  const home = mkdtempSync(join(tmpdir(), 'aethr-oc-version-'));
  try {
    const out = execFileSync(bin, ['--version'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      timeout: 30_000,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: home,
        XDG_CONFIG_HOME: join(home, 'c'),
        XDG_DATA_HOME: join(home, 'd'),
        XDG_CACHE_HOME: join(home, 'ca'),
        XDG_STATE_HOME: join(home, 's'),
        OPENCODE_DISABLE_AUTOUPDATE: '1',
      },
    }).trim();
    return /^\d+\.\d+\.\d+/.test(out) ? out : undefined;
  } catch {
    return undefined;
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}

/** The real opencode when one runs here, else undefined. `AETHR_OPENCODE_STANDIN=1` forces the stand-in. */
export function findRealOpencode(): OpencodeAgent | undefined {
  if (process.env.AETHR_OPENCODE_STANDIN === '1') return undefined;
  for (const bin of candidates()) {
    if (!existsSync(bin) || !executable(bin)) continue;
    const version = versionOf(bin);
    if (version)
      return { kind: 'real', bin, version, describe: `REAL opencode ${version} at ${bin}` };
  }
  return undefined;
}
