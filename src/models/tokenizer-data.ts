/**
 * The tokenizer of an encoding, from rank tables the build ships as JSON next to the bundles
 * (`dist/tokenizer-ranks/`), else from gpt-tokenizer's own modules (unbundled runs, tests, or a
 * file missing). The same tables either way: the JSON is written from those modules at build time.
 *
 * Why JSON: gpt-tokenizer ships o200k's 200,000 ranks as a 2.4 MB array literal, which V8 must
 * parse and compile as code; JSON.parse of the same data is faster and leaves less behind (about
 * 30 ms and 16 MB less for o200k, measured on its own).
 */
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { GptEncoding } from 'gpt-tokenizer/GptEncoding';

export type RankedEncoding = 'o200k_base' | 'cl100k_base';

/** The folder the build writes the tables to, seen from a bundle chunk. */
export const RANKS_DIR = 'tokenizer-ranks';

type Ranks = Parameters<typeof GptEncoding.getEncodingApi>[1] extends () => infer R ? R : never;

/**
 * Where the tables may be: beside the Action's chunks (`dist/`), or one level up from the CLI's
 * and the App's (`dist/cli/`, `dist/app/`).
 */
function candidates(from: string): string[] {
  return [join(from, RANKS_DIR), join(dirname(from), RANKS_DIR)];
}

async function shippedRanks(encoding: RankedEncoding, from: string): Promise<Ranks | undefined> {
  for (const dir of candidates(from)) {
    try {
      const ranks: unknown = JSON.parse(await readFile(join(dir, `${encoding}.json`), 'utf8'));
      if (Array.isArray(ranks)) return ranks as Ranks;
    } catch {
      // Not there (or unreadable): the next place, then the package's own tables.
    }
  }
  return undefined;
}

async function packageRanks(encoding: RankedEncoding): Promise<Ranks> {
  // Literal specifiers so bundlers see both modules.
  const module =
    encoding === 'o200k_base'
      ? await import('gpt-tokenizer/bpeRanks/o200k_base')
      : await import('gpt-tokenizer/bpeRanks/cl100k_base');
  return module.default as Ranks;
}

/** gpt-tokenizer's encoding API for `encoding`. */
export async function loadEncoding(
  encoding: RankedEncoding,
  from: string = dirname(fileURLToPath(import.meta.url)),
): Promise<GptEncoding> {
  // Loaded here, not with this module: a run that never counts never loads any tokenizer code.
  const [{ GptEncoding: Encoding }, ranks] = await Promise.all([
    import('gpt-tokenizer/GptEncoding'),
    shippedRanks(encoding, from).then((r) => r ?? packageRanks(encoding)),
  ]);
  return Encoding.getEncodingApi(encoding, () => ranks);
}
