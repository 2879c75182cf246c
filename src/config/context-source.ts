/**
 * The grammar of a step's context entries: `git_diff`, `latest_diff`, `pr_description`,
 * `learnings`, `file:<path>` and `glob:<pattern>`. Parsing is pure; reading the sources is src/context's job.
 */
import { closestMatch } from './did-you-mean.js';

export const CONTEXT_KEYWORDS = ['git_diff', 'latest_diff', 'pr_description', 'learnings'] as const;
export const CONTEXT_PREFIXES = ['file', 'glob'] as const;

export type ContextSource =
  | { kind: (typeof CONTEXT_KEYWORDS)[number] }
  | { kind: 'file'; path: string }
  | { kind: 'glob'; pattern: string };

export type ContextSourceResult =
  { ok: true; source: ContextSource } | { ok: false; message: string; fix: string };

const ALLOWED = 'git_diff, latest_diff, pr_description, learnings, file:<path> or glob:<pattern>';
const GLOB_CHARS = /[*?[\]{}]/;

function prefixed(prefix: 'file' | 'glob', rest: string): string {
  return JSON.stringify(`${prefix}:${rest}`);
}

/** Parses one context entry; a failure carries what is wrong and what to write instead. */
export function parseContextSource(entry: string): ContextSourceResult {
  const keyword = CONTEXT_KEYWORDS.find((k) => k === entry);
  if (keyword !== undefined) return { ok: true, source: { kind: keyword } };

  const colon = entry.indexOf(':');
  if (colon >= 0) {
    const head = entry.slice(0, colon);
    const rest = entry.slice(colon + 1);
    const trimmed = rest.trim();
    if (head === 'file' || head === 'glob') {
      if (trimmed === '') {
        const example = head === 'file' ? 'file:README.md' : 'glob:docs/**/*.md';
        return {
          ok: false,
          message: `"${head}:" needs a ${head === 'file' ? 'path' : 'pattern'} after the colon`,
          fix: `write it right after the colon, e.g. ${JSON.stringify(example)}`,
        };
      }
      if (trimmed !== rest) {
        return {
          ok: false,
          message: `${JSON.stringify(entry)} has spaces around the ${head === 'file' ? 'path' : 'pattern'}`,
          fix: `write ${prefixed(head, trimmed)}`,
        };
      }
      if (head === 'file') return { ok: true, source: { kind: 'file', path: rest } };
      return { ok: true, source: { kind: 'glob', pattern: rest } };
    }
    const near = closestMatch(head, CONTEXT_PREFIXES);
    const meant = near ?? (GLOB_CHARS.test(trimmed) ? 'glob' : undefined);
    return {
      ok: false,
      message: `unknown context source ${JSON.stringify(entry)}`,
      fix:
        meant !== undefined && trimmed !== ''
          ? `did you mean ${prefixed(meant as 'file' | 'glob', trimmed)}?`
          : `use one of ${ALLOWED}`,
    };
  }

  const near = closestMatch(entry, CONTEXT_KEYWORDS);
  if (near !== undefined) {
    return {
      ok: false,
      message: `unknown context source ${JSON.stringify(entry)}`,
      fix: `did you mean ${JSON.stringify(near)}?`,
    };
  }
  // A bare path or pattern: say which prefix it needs.
  if (/[/.]/.test(entry) || GLOB_CHARS.test(entry)) {
    const kind = GLOB_CHARS.test(entry) ? 'glob' : 'file';
    return {
      ok: false,
      message: `${JSON.stringify(entry)} looks like a ${kind === 'glob' ? 'pattern' : 'path'} but has no "${kind}:" prefix`,
      fix: `write ${prefixed(kind, entry.trim())}`,
    };
  }
  return {
    ok: false,
    message: `unknown context source ${JSON.stringify(entry)}`,
    fix: `use one of ${ALLOWED}`,
  };
}
