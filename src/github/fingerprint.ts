/**
 * Finding fingerprints and the hidden markers that carry them (and our comment metadata) in
 * comment bodies, so a re-run recognises what it already posted.
 *
 * A fingerprint is path + severity + normalised title + normalised code snippet, hashed. The line
 * number is left out on purpose: a finding whose code moved is the same finding. The snippet is
 * the text of the finding's first line as the diff shows it (see `anchorFindings`), so a fix that
 * changes that line retires the fingerprint.
 *
 * Markers are HTML comments on a line of their own, outside fenced code:
 *   <!-- aethr:finding fp=3f2a9c0d1b7e4a55 -->
 *   <!-- aethr:summary workflow=review -->
 *   <!-- aethr:meta eyJ2IjoxfQ== -->            (base64 JSON: cannot contain "-->")
 * Values are percent-encoded, so no value can end the comment early. Text that we did not write
 * goes through `escapeCommentText`, which breaks every `<!--` and `-->`, so it cannot forge a
 * marker; `parseHiddenMarkers` also ignores anything inside fenced code. A comment written by
 * somebody else can of course contain a well-formed marker: callers must also check the author.
 */
import { Buffer } from 'node:buffer';
import { createHash } from 'node:crypto';
import type { Finding } from '../engine/types.js';
import { scanFences, splitLines } from './markdown.js';

export { escapeCommentText } from './markdown.js';

export type HiddenMarker =
  | { kind: 'finding'; fp: string }
  | { kind: 'summary'; workflow: string }
  | { kind: 'meta'; data: unknown };

export type MarkerKind = HiddenMarker['kind'];

/** Bounds what we decode from a body written by someone else. */
const MAX_META_CHARS = 200_000;
const MARKER_LINE = /^<!-- aethr:([a-z]+)(?: ([^\s].*?))? -->$/;
const FINGERPRINT = /^[0-9a-f]{8,64}$/;

/** `./src/x.ts`, `/src/x.ts`, `src\x.ts` → `src/x.ts`. (`a/`, `b/` are resolved against a diff.) */
export function normaliseFindingPath(path: string): string {
  let p = path
    .trim()
    .replaceAll('\\', '/')
    .replace(/\/{2,}/g, '/');
  for (;;) {
    const next = p.replace(/^\.\//, '').replace(/^\/+/, '');
    if (next === p) return p;
    p = next;
  }
}

/** Lower case; line references, punctuation and bare numbers dropped; whitespace collapsed. */
export function normaliseTitle(title: string): string {
  return (
    title
      .normalize('NFKC')
      .toLowerCase()
      // "on line 42", "lines 3-5", "L42": the location is not part of what the finding is.
      .replace(/\b(?:(?:at|on|in)\s+)?(?:lines?\s*|l)\d+(?:\s*(?:-|–|to|and)\s*\d+)?\b/gu, ' ')
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .replace(/(^|\s)\p{N}+(?=\s|$)/gu, ' ')
      .replace(/\s+/g, ' ')
      .trim()
  );
}

/** Whitespace-insensitive: re-indenting or reflowing a line keeps its fingerprint. */
export function normaliseSnippet(snippet: string): string {
  return snippet.normalize('NFKC').replace(/\s+/g, ' ').trim().slice(0, 500);
}

/** A 16-hex-digit fingerprint of a finding. `snippet` is the code at the finding's first line. */
export function fingerprintFinding(
  finding: Pick<Finding, 'path' | 'title' | 'severity'>,
  snippet = '',
): string {
  const key = JSON.stringify([
    normaliseFindingPath(finding.path),
    finding.severity,
    normaliseTitle(finding.title),
    normaliseSnippet(snippet),
  ]);
  return createHash('sha256').update(key).digest('hex').slice(0, 16);
}

/**
 * The fingerprint of the n-th finding (1-based) sharing `fingerprint` within one review, so two
 * identical findings in different places stay distinct. The first keeps the plain fingerprint.
 */
export function repeatFingerprint(fingerprint: string, occurrence: number): string {
  if (occurrence <= 1) return fingerprint;
  return createHash('sha256').update(`${fingerprint}#${occurrence}`).digest('hex').slice(0, 16);
}

export function hiddenMarker(kind: 'finding', data: { fp: string }): string;
export function hiddenMarker(kind: 'summary', data: { workflow: string }): string;
export function hiddenMarker(kind: 'meta', data: unknown): string;
export function hiddenMarker(kind: MarkerKind, data: unknown): string {
  if (kind === 'meta') {
    const json = JSON.stringify(data ?? null);
    return `<!-- aethr:meta ${Buffer.from(json, 'utf8').toString('base64')} -->`;
  }
  const attributes = Object.entries(data as Record<string, string>)
    .map(([key, value]) => `${key}=${encodeURIComponent(String(value))}`)
    .join(' ');
  return `<!-- aethr:${kind} ${attributes} -->`;
}

/** Every well-formed marker on its own line outside fenced code, in order. Never throws. */
export function parseHiddenMarkers(body: string): HiddenMarker[] {
  const lines = splitLines(body);
  const { kinds } = scanFences(lines);
  const markers: HiddenMarker[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (kinds[i] !== 'text') continue;
    const match = MARKER_LINE.exec(lines[i] ?? '');
    if (!match) continue;
    const marker = readMarker(match[1] ?? '', match[2] ?? '');
    if (marker) markers.push(marker);
  }
  return markers;
}

/** Fingerprints of the `finding` markers in a body. */
export function parseFingerprints(body: string): string[] {
  return parseHiddenMarkers(body).flatMap((m) => (m.kind === 'finding' ? [m.fp] : []));
}

function readMarker(kind: string, rest: string): HiddenMarker | undefined {
  if (kind === 'meta') {
    if (rest.length > MAX_META_CHARS || !/^[A-Za-z0-9+/]*={0,2}$/.test(rest)) return undefined;
    try {
      return {
        kind: 'meta',
        data: JSON.parse(Buffer.from(rest, 'base64').toString('utf8')) as unknown,
      };
    } catch {
      return undefined;
    }
  }
  const attributes = readAttributes(rest);
  if (!attributes) return undefined;
  if (kind === 'finding') {
    const fp = attributes.get('fp');
    return fp !== undefined && FINGERPRINT.test(fp) ? { kind: 'finding', fp } : undefined;
  }
  if (kind === 'summary') {
    const workflow = attributes.get('workflow');
    return workflow ? { kind: 'summary', workflow } : undefined;
  }
  return undefined;
}

function readAttributes(text: string): Map<string, string> | undefined {
  const attributes = new Map<string, string>();
  for (const pair of text.split(' ')) {
    const match = /^([a-z_]+)=(\S*)$/.exec(pair);
    if (!match) return undefined;
    try {
      attributes.set(match[1] ?? '', decodeURIComponent(match[2] ?? ''));
    } catch {
      return undefined;
    }
  }
  return attributes;
}
