/**
 * Reads a proposal out of a model reply: one unified diff (fenced as ```diff / ```patch, or bare
 * in the text), or a JSON list of file edits. Model output is data: nothing here runs it, and
 * nothing throws — a reply that cannot be read becomes `{ kind: 'none', note }`.
 *
 * Edits are turned into a unified diff against the current files (read through a small injected
 * `FileReader`), so one validation path handles both forms.
 */
import { makeFileDiff } from './make-diff.js';
import { normalizeDiff } from './normalize-diff.js';
import { checkPathShape } from './paths.js';

export type FileEdit =
  { path: string; content: string } | { path: string; search: string; replace: string };

export type RawProposal =
  | { kind: 'diff'; patch: string }
  | { kind: 'edits'; edits: FileEdit[] }
  | { kind: 'none'; note: string };

export type Proposal =
  | { kind: 'diff'; patch: string }
  | { kind: 'edits'; edits: FileEdit[]; patch: string }
  | { kind: 'none'; note: string };

/** Reads a repository file as UTF-8 text; null when it does not exist. May throw (shown in the note). */
export interface FileReader {
  readText(path: string): Promise<string | null>;
}

interface Fence {
  info: string;
  body: string;
}

/** Fenced blocks (``` or ~~~), closed by a fence of the same kind at the opening's indentation. */
export function findFences(text: string): Fence[] {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  const fences: Fence[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^( {0,3})(`{3,}|~{3,})\s*([^`\s]*)[^`]*$/.exec(lines[i]!);
    if (!open) continue;
    const indent = open[1]!.length;
    const marker = open[2]!;
    const body: string[] = [];
    let j = i + 1;
    let closed = false;
    for (; j < lines.length; j++) {
      const line = lines[j]!;
      const close = /^( *)(`{3,}|~{3,})\s*$/.exec(line);
      if (
        close &&
        close[1]!.length === indent &&
        close[2]![0] === marker[0] &&
        close[2]!.length >= marker.length
      ) {
        closed = true;
        break;
      }
      let k = 0;
      while (k < indent && line[k] === ' ') k++;
      body.push(line.slice(k));
    }
    fences.push({ info: open[3]!.toLowerCase(), body: body.join('\n') });
    if (!closed) break;
    i = j;
  }
  return fences;
}

function looksLikeDiff(text: string): boolean {
  const lines = text.split('\n');
  return lines.some(
    (l, i) =>
      l.startsWith('diff --git ') ||
      (l.startsWith('--- ') && (lines[i + 1] ?? '').startsWith('+++ ')),
  );
}

const DIFF_INFOS = new Set(['diff', 'patch', 'udiff', 'git']);

/** The diff-looking region of prose-wrapped text: from the first file header to the last diff line. */
function bareDiff(text: string): string | null {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  const start = lines.findIndex(
    (l, i) =>
      l.startsWith('diff --git ') ||
      (l.startsWith('--- ') && (lines[i + 1] ?? '').startsWith('+++ ')),
  );
  if (start < 0) return null;
  const header =
    /^(diff --git |old mode |new mode |deleted file mode |new file mode |(rename|copy) (from|to) |(dis)?similarity index |index |--- |\+\+\+ |Binary files |GIT binary patch$)/;
  let end = start;
  let mode: 'header' | 'hunk' | 'binary' = 'header';
  for (let i = start; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.startsWith('diff --git ')) mode = 'header';
    if (l.startsWith('@@')) mode = 'hunk';
    else if (l === 'GIT binary patch') mode = 'binary';
    else if (mode === 'header' && !header.test(l)) break;
    else if (mode === 'hunk' && !(l === '' || ' +-\\'.includes(l[0]!)) && !header.test(l)) break;
    else if (
      mode === 'binary' &&
      !(
        l === '' ||
        /^(literal|delta) \d+$/.test(l) ||
        /^[A-Za-z][0-9A-Za-z!#$%&()*+;<=>?@^_`{|}~-]*$/.test(l)
      )
    )
      break;
    if (mode === 'hunk' && l.startsWith('--- ') && (lines[i + 1] ?? '').startsWith('+++ '))
      mode = 'header';
    end = i + 1;
  }
  return lines.slice(start, end).join('\n');
}

/** Removes commas before `}` or `]` outside strings (a common slip in model JSON). */
function stripTrailingCommas(json: string): string {
  let out = '';
  let inString = false;
  for (let i = 0; i < json.length; i++) {
    const ch = json[i]!;
    if (inString) {
      out += ch;
      if (ch === '\\') out += json[++i] ?? '';
      else if (ch === '"') inString = false;
      continue;
    }
    if (ch === '"') inString = true;
    if (ch === ',') {
      const rest = json.slice(i + 1).trimStart();
      if (rest.startsWith('}') || rest.startsWith(']')) continue;
    }
    out += ch;
  }
  return out;
}

type EditsRead = { edits: FileEdit[] } | { error: string } | null;

/** Null when `text` is not JSON at all; an error when it is JSON of the wrong shape. */
function readEdits(text: string): EditsRead {
  let value: unknown;
  try {
    value = JSON.parse(stripTrailingCommas(text.trim()));
  } catch {
    return null;
  }
  const list = Array.isArray(value)
    ? value
    : value !== null &&
        typeof value === 'object' &&
        Array.isArray((value as { edits?: unknown }).edits)
      ? (value as { edits: unknown[] }).edits
      : undefined;
  if (list === undefined) return { error: 'the JSON reply has no "edits" list' };
  if (list.length === 0) return { error: 'the JSON "edits" list is empty' };
  const edits: FileEdit[] = [];
  for (const [n, item] of list.entries()) {
    const where = `edit ${n + 1}`;
    if (item === null || typeof item !== 'object') return { error: `${where} is not an object` };
    const e = item as Record<string, unknown>;
    if (typeof e.path !== 'string' || e.path === '')
      return { error: `${where} has no "path" string` };
    if (typeof e.content === 'string' && e.search === undefined && e.replace === undefined) {
      edits.push({ path: e.path, content: e.content });
    } else if (
      typeof e.search === 'string' &&
      typeof e.replace === 'string' &&
      e.content === undefined
    ) {
      if (e.search === '') return { error: `${where} (${e.path}) has an empty "search"` };
      edits.push({ path: e.path, search: e.search, replace: e.replace });
    } else {
      return {
        error: `${where} (${e.path}) needs either "content", or "search" and "replace" (strings)`,
      };
    }
  }
  return { edits };
}

/** Finds the proposal in a reply without touching any file. Never throws. */
export function extractProposal(reply: string): RawProposal {
  try {
    const text = reply ?? '';
    if (text.trim() === '') return { kind: 'none', note: 'the model reply is empty' };
    const fences = findFences(text);
    const diffBodies = fences.filter(
      (f) => DIFF_INFOS.has(f.info) || (f.info === '' && looksLikeDiff(f.body)),
    );
    if (diffBodies.length > 0) {
      const joined = diffBodies
        .map((f) => (f.body.endsWith('\n') ? f.body : `${f.body}\n`))
        .join('');
      const patch = normalizeDiff(joined);
      if (patch === '')
        return {
          kind: 'none',
          note: 'the ```diff block in the reply contains no file header (diff --git or ---/+++)',
        };
      return { kind: 'diff', patch };
    }
    let jsonError: string | undefined;
    const jsonCandidates = [
      ...fences
        .filter((f) => f.info === 'json' || (f.info === '' && /^\s*[[{]/.test(f.body)))
        .map((f) => f.body),
      ...(/^\s*[[{]/.test(text) ? [text] : []),
    ];
    for (const candidate of jsonCandidates) {
      const read = readEdits(candidate);
      if (read === null) {
        jsonError ??= 'the JSON block in the reply is not valid JSON';
        continue;
      }
      if ('edits' in read) return { kind: 'edits', edits: read.edits };
      jsonError ??= read.error;
    }
    const bare = bareDiff(text);
    if (bare !== null) {
      const patch = normalizeDiff(bare);
      if (patch !== '') return { kind: 'diff', patch };
    }
    return {
      kind: 'none',
      note:
        jsonError ??
        'the reply contains neither a unified diff (```diff block) nor a JSON {"edits": [...]} block',
    };
  } catch (error) {
    return {
      kind: 'none',
      note: `the reply could not be read: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}

function applyEdit(
  current: string,
  edit: Extract<FileEdit, { search: string }>,
): { text: string } | { error: string } {
  const attempt = (search: string, replace: string): { text: string } | { count: number } => {
    const first = current.indexOf(search);
    if (first < 0) return { count: 0 };
    if (current.indexOf(search, first + 1) >= 0) {
      let count = 0;
      for (let at = current.indexOf(search); at >= 0; at = current.indexOf(search, at + 1)) count++;
      return { count };
    }
    return { text: current.slice(0, first) + replace + current.slice(first + search.length) };
  };
  let result = attempt(edit.search, edit.replace);
  if (
    'count' in result &&
    result.count === 0 &&
    current.includes('\r\n') &&
    !edit.search.includes('\r\n')
  ) {
    result = attempt(edit.search.replace(/\n/g, '\r\n'), edit.replace.replace(/\n/g, '\r\n'));
  }
  if ('text' in result) return result;
  return result.count === 0
    ? { error: `the "search" text of an edit to ${edit.path} does not occur in the file` }
    : {
        error: `the "search" text of an edit to ${edit.path} occurs ${result.count} times; it must be unique`,
      };
}

/** Turns file edits into one unified diff against the files as `reader` sees them. */
export async function editsToPatch(
  edits: readonly FileEdit[],
  reader: FileReader,
): Promise<{ patch: string } | { error: string }> {
  const originals = new Map<string, string | null>();
  const current = new Map<string, string | null>();
  const order: string[] = [];
  for (const edit of edits) {
    const shape = checkPathShape(edit.path);
    if (shape) return { error: `edit to ${JSON.stringify(edit.path)} refused: ${shape.message}` };
    if (!originals.has(edit.path)) {
      let text: string | null;
      try {
        text = await reader.readText(edit.path);
      } catch (error) {
        return {
          error: `cannot read ${edit.path}: ${error instanceof Error ? error.message : String(error)}`,
        };
      }
      originals.set(edit.path, text);
      current.set(edit.path, text);
      order.push(edit.path);
    }
    const now = current.get(edit.path) ?? null;
    if ('content' in edit) {
      const content =
        edit.content !== '' && !edit.content.endsWith('\n') ? `${edit.content}\n` : edit.content;
      current.set(edit.path, content);
    } else {
      if (now === null) return { error: `an edit searches in ${edit.path}, which does not exist` };
      const applied = applyEdit(now, edit);
      if ('error' in applied) return applied;
      current.set(edit.path, applied.text);
    }
  }
  const patch = order
    .map((path) => makeFileDiff(path, originals.get(path) ?? null, current.get(path) ?? ''))
    .join('');
  if (patch === '') return { error: 'the edits change nothing' };
  return { patch };
}

/** Extracts the proposal and, for edits, renders them as a diff. Never throws. */
export async function parseProposal(reply: string, reader: FileReader): Promise<Proposal> {
  const raw = extractProposal(reply);
  if (raw.kind !== 'edits') return raw;
  try {
    const result = await editsToPatch(raw.edits, reader);
    if ('error' in result) return { kind: 'none', note: result.error };
    return { kind: 'edits', edits: raw.edits, patch: result.patch };
  } catch (error) {
    return {
      kind: 'none',
      note: `the edits could not be turned into a diff: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}
