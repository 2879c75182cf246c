/**
 * Published npm versions as file trees: the registry's tarballs (fetched once with `npm pack`
 * into a cache under node_modules/.cache, reused by later runs) read in memory.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';

export const CACHE_DIR = resolve('node_modules/.cache/aethr-bench');
const TARBALLS = join(CACHE_DIR, 'tarballs');

/** `@scope/name@1.2.3` → the file name `npm pack` writes (`scope-name-1.2.3.tgz`). */
function tarballName(spec: string): string {
  const at = spec.lastIndexOf('@');
  return `${spec.slice(0, at).replace(/^@/, '').replace('/', '-')}-${spec.slice(at + 1)}.tgz`;
}

/** Paths of the tarballs for `specs`, packing the missing ones in one `npm pack` call. */
export function ensureTarballs(specs: readonly string[]): string[] {
  mkdirSync(TARBALLS, { recursive: true });
  const missing = specs.filter((s) => !existsSync(join(TARBALLS, tarballName(s))));
  if (missing.length > 0) {
    process.stdout.write(`Fetching ${missing.length} tarballs from the npm registry (once)…\n`);
    execFileSync('npm', ['pack', '--silent', '--pack-destination', TARBALLS, ...missing], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  }
  return specs.map((s) => join(TARBALLS, tarballName(s)));
}

function field(block: Buffer, start: number, length: number): string {
  const raw = block.subarray(start, start + length);
  const end = raw.indexOf(0);
  return raw.subarray(0, end < 0 ? length : end).toString('utf8');
}

/** The regular files of a .tgz, the leading `package/` directory removed. */
export function readTarball(file: string): Map<string, Buffer> {
  const tar = gunzipSync(readFileSync(file));
  const files = new Map<string, Buffer>();
  let paxPath: string | undefined;
  for (let at = 0; at + 512 <= tar.length;) {
    const header = tar.subarray(at, at + 512);
    if (header.every((b) => b === 0)) break;
    const size = Number.parseInt(field(header, 124, 12).trim() || '0', 8);
    const type = String.fromCharCode(header[156] ?? 48);
    const body = tar.subarray(at + 512, at + 512 + size);
    at += 512 + Math.ceil(size / 512) * 512;
    if (type === 'x') {
      // pax extended header: "<len> path=<value>\n" records.
      const m = /(?:^|\n)\d+ path=([^\n]*)\n/.exec(body.toString('utf8'));
      paxPath = m?.[1];
      continue;
    }
    const prefix = field(header, 345, 155);
    const name = paxPath ?? (prefix ? `${prefix}/${field(header, 0, 100)}` : field(header, 0, 100));
    paxPath = undefined;
    if (type !== '0' && type !== '\0') continue;
    files.set(name.replace(/^[^/]+\//, ''), Buffer.from(body));
  }
  return files;
}
