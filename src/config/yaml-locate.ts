/**
 * Finds where a data path (`['steps', 1, 'role']`) is written in a parsed YAML document, so a
 * problem found in the data can be reported at its line and column.
 */
import { isAlias, isMap, isPair, isScalar, isSeq } from 'yaml';
import type { Document, LineCounter, Node, Pair } from 'yaml';
import type { PathSegment } from './raw-problem.js';

export interface Position {
  line: number;
  column: number;
}

type AnyNode = Node | null | undefined;

function deref(doc: Document, node: unknown): AnyNode {
  if (isAlias(node)) return node.resolve(doc) as AnyNode;
  return node as AnyNode;
}

function keyText(pair: Pair): string | undefined {
  const key = pair.key;
  if (isScalar(key)) return String(key.value);
  if (key === null || key === undefined) return undefined;
  return String(key);
}

/** The pair for `key` in a mapping, following `<<` merge keys when the key is not written here. */
function findPair(doc: Document, map: unknown, key: string, depth = 0): Pair | undefined {
  if (!isMap(map) || depth > 8) return undefined;
  let merged: Pair | undefined;
  for (const pair of map.items) {
    if (!isPair(pair)) continue;
    if (keyText(pair) === key) return pair;
    if (isScalar(pair.key) && typeof pair.key.value === 'symbol' && merged === undefined) {
      const sources = isSeq(pair.value) ? pair.value.items : [pair.value];
      for (const source of sources) {
        merged ??= findPair(doc, deref(doc, source), key, depth + 1);
      }
    }
  }
  return merged;
}

interface Found {
  /** The deepest node reached on the path. */
  node: AnyNode;
  /** The pair whose value is `node`, when `node` was reached through a mapping key. */
  pair: Pair | undefined;
  /** How many path segments were resolved. */
  depth: number;
}

function walk(doc: Document, path: readonly PathSegment[]): Found {
  let node = deref(doc, doc.contents);
  let pair: Pair | undefined;
  let depth = 0;
  for (const segment of path) {
    if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment];
      if (item === undefined) break;
      node = deref(doc, item);
      pair = undefined;
    } else if (isMap(node)) {
      const found = findPair(doc, node, String(segment));
      if (found === undefined) break;
      pair = found;
      node = deref(doc, found.value);
    } else {
      break;
    }
    depth++;
  }
  return { node, pair, depth };
}

function startOf(node: unknown): number | undefined {
  if (node === null || typeof node !== 'object') return undefined;
  const range = (node as { range?: [number, number, number] | null }).range;
  return range ? range[0] : undefined;
}

/** A value written as nothing (`key:` with no value) has no useful position of its own. */
function isEmptyValue(node: AnyNode): boolean {
  return isScalar(node) && node.value === null && (node.source ?? '') === '';
}

/**
 * The offset to report for `path`: the key itself for `target: 'key'`; the value otherwise (or
 * its key when the value is empty). When the path goes further than the document (a missing
 * key), the nearest written ancestor: its key when it has one, else where it starts.
 */
export function locateOffset(
  doc: Document,
  path: readonly PathSegment[],
  target: 'key' | 'value' = 'value',
): number {
  const { node, pair, depth } = walk(doc, path);
  const complete = depth === path.length;
  let offset: number | undefined;
  if (!complete) {
    offset = pair ? startOf(pair.key) : startOf(node);
  } else if (target === 'key' || isEmptyValue(node)) {
    offset = pair ? startOf(pair.key) : startOf(node);
  } else {
    offset = startOf(node) ?? (pair ? startOf(pair.key) : undefined);
  }
  return offset ?? startOf(doc.contents) ?? 0;
}

export function toPosition(lineCounter: LineCounter, offset: number): Position {
  const { line, col } = lineCounter.linePos(offset);
  return { line: Math.max(line, 1), column: Math.max(col, 1) };
}

export function locate(
  doc: Document,
  lineCounter: LineCounter,
  path: readonly PathSegment[],
  target: 'key' | 'value' = 'value',
): Position {
  return toPosition(lineCounter, locateOffset(doc, path, target));
}

/** The text a node was written as (for `quote it: "no"` hints), or undefined. */
export function sourceText(doc: Document, path: readonly PathSegment[]): string | undefined {
  const { node, depth } = walk(doc, path);
  if (depth !== path.length || !isScalar(node)) return undefined;
  return node.source;
}
