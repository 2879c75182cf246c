/**
 * File names as git writes them in diff headers: C-style quoting for unusual names (quotes,
 * backslashes, control characters, and non-ASCII bytes under the default `core.quotePath`), a tab
 * after an unquoted name that contains a space, `/dev/null` for a missing side. Pure.
 *
 * One reading for every diff in the project: the PR diff (src/diff/unified-diff.ts), and the strict
 * and forgiving readers of model-written patches (src/backends/patch/).
 */

/** Control characters (C0, DEL, C1). */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

const C_ESCAPES: Readonly<Record<string, number>> = {
  a: 7,
  b: 8,
  t: 9,
  n: 10,
  v: 11,
  f: 12,
  r: 13,
  '"': 34,
  '\\': 92,
};

/**
 * Decodes a git C-quoted name (`"a/sp\303\251cial\tname"`), or returns null when `text` is not a
 * well-formed quoted string. `rest` is what follows the closing quote.
 */
export function unquoteC(text: string): { value: string; rest: string } | null {
  if (!text.startsWith('"')) return null;
  const bytes: number[] = [];
  let i = 1;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '"') {
      return { value: Buffer.from(bytes).toString('utf8'), rest: text.slice(i + 1) };
    }
    if (ch === '\\') {
      const next = text[i + 1];
      if (next === undefined) return null;
      if (next >= '0' && next <= '7') {
        const oct = /^[0-7]{1,3}/.exec(text.slice(i + 1, i + 4))![0];
        bytes.push(parseInt(oct, 8) & 0xff);
        i += 1 + oct.length;
        continue;
      }
      const code = C_ESCAPES[next];
      if (code === undefined) return null;
      bytes.push(code);
      i += 2;
      continue;
    }
    for (const b of Buffer.from(ch, 'utf8')) bytes.push(b);
    i += 1;
  }
  return null;
}

/** A name that may be C-quoted → the name; an unquoted or malformed one comes back as it is. */
export function unquoteGitPath(value: string): string {
  return unquoteC(value)?.value ?? value;
}

/** Quotes a name for a diff header the way git does when it must (quotes, backslashes, control characters). */
export function quoteC(name: string): string {
  if (!/["\\]/.test(name) && !CONTROL.test(name)) return name;
  let out = '"';
  for (const ch of name) {
    const code = ch.codePointAt(0)!;
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (code === 9) out += '\\t';
    else if (code === 10) out += '\\n';
    else if (code < 0x20 || code === 0x7f) out += `\\${code.toString(8).padStart(3, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}

function stripCr(text: string): string {
  return text.endsWith('\r') ? text.slice(0, -1) : text;
}

/**
 * The name on a `---`, `+++`, `rename from/to` or `copy from/to` line (what follows the keyword):
 * C-quoted, or the text up to the first tab (git appends one to a name with a space, and diff(1)
 * a timestamp), trailing whitespace dropped. `null` for `/dev/null`; `undefined` for a quoted name
 * that does not decode.
 */
export function headerName(text: string): string | null | undefined {
  const raw = stripCr(text);
  let name: string;
  if (raw.startsWith('"')) {
    const quoted = unquoteC(raw);
    if (!quoted) return undefined;
    name = quoted.value;
  } else {
    const tab = raw.indexOf('\t');
    name = (tab >= 0 ? raw.slice(0, tab) : raw).replace(/\s+$/, '');
  }
  return name === '/dev/null' ? null : name;
}

/** `path` without its first component (`a/src/x.ts` → `src/x.ts`), as `git apply -p1` reads it. */
export function stripComponent(path: string): string | undefined {
  const slash = path.indexOf('/');
  return slash < 0 ? undefined : path.slice(slash + 1);
}

/**
 * The one name a `diff --git A B` line gives when both sides name the same file (what follows
 * `diff --git `), first component stripped; null when the sides differ or cannot be read (then
 * `rename`/`copy`/`---`/`+++` headers say which files they are).
 */
export function gitHeaderName(rest: string): string | null {
  const text = stripCr(rest);
  if (text.startsWith('"')) {
    const first = unquoteC(text);
    if (!first) return null;
    const second = first.rest.trimStart();
    const secondName = second.startsWith('"') ? unquoteC(second)?.value : second;
    if (secondName === undefined) return null;
    const a = stripComponent(first.value);
    const b = stripComponent(secondName);
    return a !== undefined && a === b ? a : null;
  }
  // Unquoted `a/P b/P`, whatever P holds: the split where both halves name the same path (the
  // right one may be quoted).
  for (let i = 0; i < text.length; i++) {
    if (text[i] !== ' ') continue;
    const right = text.slice(i + 1);
    const quoted = right.startsWith('"') ? unquoteC(right) : undefined;
    if (quoted === null || (quoted && quoted.rest !== '')) continue;
    const a = stripComponent(text.slice(0, i));
    const b = stripComponent(quoted ? quoted.value : right);
    if (a !== undefined && a !== '' && a === b) return a;
  }
  return null;
}
