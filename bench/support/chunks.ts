/**
 * What a bundle chunk holds, told from its text: ncc keeps webpack's
 * `// CONCATENATED MODULE: ./node_modules/<package>/…` and `./.build/src/<dir>/…` comments.
 */
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface ChunkLabel {
  file: string;
  kb: number;
  /** Packages and src/ folders, most modules first. */
  holds: string[];
}

const cache = new Map<string, ChunkLabel>();

export function labelChunk(url: string): ChunkLabel {
  const path = url.startsWith('file:') ? fileURLToPath(url) : url;
  const known = cache.get(path);
  if (known) return known;
  const text = readFileSync(path, 'utf8');
  const counts = new Map<string, number>();
  for (const m of text.matchAll(
    /CONCATENATED MODULE: \.\/(?:node_modules\/((?:@[^/]+\/)?[^/\s]+)|\.build\/(src\/[^/\s]+))/g,
  )) {
    const name = m[1] ?? m[2]!;
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  if (counts.size === 0) {
    const exported = /__webpack_require__\.d\(__webpack_exports__, \{\s*(\w+):/.exec(text)?.[1];
    if (exported) counts.set(`exports ${exported}`, 1);
  }
  const label = {
    file: basename(path),
    kb: Math.round(statSync(path).size / 1024),
    holds: [...counts].sort((a, b) => b[1] - a[1]).map(([n]) => n),
  };
  cache.set(path, label);
  return label;
}

/** Whether the loaded files include the tokenizer (gpt-tokenizer's encoder or its encodings). */
export function loadsTokenizer(urls: readonly string[]): boolean {
  return urls.some((u) => labelChunk(u).holds.includes('gpt-tokenizer'));
}

/** One line: each loaded chunk as `file (KB: what it holds)`. */
export function describeLoads(urls: readonly string[]): string {
  return urls
    .map((u) => labelChunk(u))
    .map(
      (c) => `${c.file} (${c.kb} KB${c.holds.length ? `: ${c.holds.slice(0, 4).join(', ')}` : ''})`,
    )
    .join(', ');
}
