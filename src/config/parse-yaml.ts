/**
 * YAML text → document + plain data, with every syntax error at its line and column. Aliases are
 * bounded (an alias bomb fails fast instead of expanding), keys must be unique, and the scalars
 * PyYAML reads as booleans (`yes`, `no`, `on`, `off`) are booleans here too, so files written
 * for the Aethr CLI mean the same thing.
 */
import { LineCounter, isAlias, isMap, isScalar, isSeq, parseDocument, visit } from 'yaml';
import type { Document, ErrorCode, ScalarTag, YAMLError } from 'yaml';
import type { ConfigProblem } from './config-error.js';
import { toPosition } from './yaml-locate.js';

/** Most alias expansions a workflow may use; far above any real file, far below a bomb. */
export const MAX_ALIAS_COUNT = 50;

export const MINIMAL_EXAMPLE = [
  'workflow: review',
  'roles:',
  '  reviewer: Review the diff and list concrete problems.',
  'steps:',
  '  - { id: review, role: reviewer, context: [git_diff] }',
].join('\n');

/** PyYAML (YAML 1.1) booleans that the YAML 1.2 core schema would read as text. */
const pyYamlBool: ScalarTag = {
  identify: (value) => typeof value === 'boolean',
  default: true,
  tag: 'tag:yaml.org,2002:bool',
  test: /^(?:yes|Yes|YES|no|No|NO|on|On|ON|off|Off|OFF)$/,
  resolve: (text) => /^(?:yes|on)$/i.test(text),
};

const SYNTAX_FIX: Partial<Record<ErrorCode, string>> = {
  TAB_AS_INDENT: 'indent with spaces; YAML does not allow tabs for indentation',
  DUPLICATE_KEY: 'keep one of the two entries with this key (remove or rename the other)',
  BAD_INDENT: 'line this up with the other keys at the same level (use spaces)',
  MISSING_CHAR: 'add the missing closing quote or bracket',
  MULTILINE_IMPLICIT_KEY:
    'a key must fit on one line; check for a missing ":" or an unclosed quote above',
  BLOCK_AS_IMPLICIT_KEY:
    'put a value that contains ": " in quotes (e.g. reviewer: "End with Review status: pass"); nested keys go on their own lines under an empty "key:"',
  MULTIPLE_DOCS:
    'keep a single YAML document: remove the second "---" and what follows, or merge them',
  UNEXPECTED_TOKEN: 'check the indentation and the ":" and "-" markers on this line',
  BAD_SCALAR_START: 'put the value in quotes, e.g. "@value" or "`value`"',
  BAD_DQ_ESCAPE: 'use single quotes, or escape the backslash as "\\\\"',
  BAD_ALIAS: 'define the anchor (&name) before using the alias (*name)',
  KEY_OVER_1024_CHARS: 'shorten the key',
  BLOCK_IN_FLOW: 'inside [ ] or { } write values inline, not as indented blocks',
  RESOURCE_EXHAUSTION: 'simplify the file: it is nested too deeply',
  NON_STRING_KEY: 'write keys as plain words',
  MULTIPLE_ANCHORS: 'keep one anchor (&name) per value',
  MULTIPLE_TAGS: 'keep one tag (!tag) per value',
  BAD_PROP_ORDER: 'write the anchor and tag before the value',
  ALIAS_PROPS: 'remove the anchor or tag from the alias',
};

const GENERIC_SYNTAX_FIX = 'check the YAML syntax at this position';

/** Messages of the yaml package that speak of its API rather than of the file. */
const SYNTAX_MESSAGE: Partial<Record<ErrorCode, string>> = {
  MULTIPLE_DOCS: 'the file holds more than one YAML document (a second "---" line)',
  RESOURCE_EXHAUSTION: 'the file is nested too deeply to read',
};

/**
 * Where an unterminated quoted value starts: the last line before `end` that opens `quote`
 * after a key, a list dash or a flow bracket and does not close it. The parser reports the
 * error where the text runs out, which is rarely where the mistake is.
 */
export function findUnclosedQuote(text: string, quote: '"' | "'", end: number): number | undefined {
  const body = quote === '"' ? String.raw`(?:[^"\\]|\\.)*` : "(?:[^']|'')*";
  const opener = new RegExp(String.raw`(^\s*|[:\-?]\s+|[\[,{]\s*)${quote}${body}$`);
  let found: number | undefined;
  let start = 0;
  for (const line of text.slice(0, end).split('\n')) {
    const match = opener.exec(line);
    if (match) found = start + match.index + match[1]!.length;
    start += line.length + 1;
  }
  return found;
}

/** The text of the mapping key written at `offset`, if there is one. */
function keyStartingAt(doc: Document, offset: number): string | undefined {
  let found: string | undefined;
  visit(doc, {
    Pair(_key, pair) {
      if (isScalar(pair.key) && pair.key.range?.[0] === offset) {
        found = String(pair.key.value);
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return found;
}

function syntaxProblem(
  doc: Document,
  text: string,
  lineCounter: LineCounter,
  error: YAMLError,
): ConfigProblem {
  let offset = error.pos[0];
  let message = SYNTAX_MESSAGE[error.code] ?? error.message;
  const quote = /^Missing closing ("|')quote/.exec(error.message)?.[1] as '"' | "'" | undefined;
  if (error.code === 'MISSING_CHAR' && quote !== undefined) {
    const opened = findUnclosedQuote(text, quote, offset);
    if (opened !== undefined) {
      offset = opened;
      message = `this ${quote} quote is never closed`;
    }
  }
  if (error.code === 'DUPLICATE_KEY') {
    const key = keyStartingAt(doc, error.pos[0]);
    if (key !== undefined) {
      message = `duplicate key ${JSON.stringify(key)}: a key may appear only once in a mapping`;
    }
  }
  return {
    ...toPosition(lineCounter, offset),
    path: '',
    message: `YAML syntax: ${message}`,
    fix: SYNTAX_FIX[error.code] ?? GENERIC_SYNTAX_FIX,
  };
}

export interface ParsedYaml {
  doc: Document;
  lineCounter: LineCounter;
  data: unknown;
}

export type ParseYamlResult =
  ({ ok: true } & ParsedYaml) | { ok: false; problems: ConfigProblem[] };

function firstAliasOffset(doc: Document): number {
  let offset = 0;
  visit(doc, {
    Alias(_key, node) {
      offset = node.range?.[0] ?? 0;
      return visit.BREAK;
    },
  });
  return offset;
}

/** Keys written as lists or mappings (`? [a, b]`): JSON has no such keys, so they are refused. */
function complexKeyProblems(doc: Document, lineCounter: LineCounter): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  visit(doc, {
    Pair(_key, pair) {
      const key = pair.key;
      if (isMap(key) || isSeq(key)) {
        problems.push({
          ...toPosition(lineCounter, key.range?.[0] ?? 0),
          path: '',
          message: `a key must be a plain word, not a ${isSeq(key) ? 'list' : 'mapping'}`,
          fix: 'write the key as text, e.g. "reviewer:"',
        });
      }
    },
  });
  return problems;
}

function describeTop(contents: unknown): string {
  if (isSeq(contents)) return 'a list';
  if (isAlias(contents)) return 'an alias';
  return 'a single value';
}

/** Parses workflow YAML; the top level must be a non-empty mapping. */
export function parseWorkflowYaml(text: string): ParseYamlResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, {
    lineCounter,
    prettyErrors: false,
    uniqueKeys: true,
    merge: true,
    customTags: [pyYamlBool],
  });

  if (doc.errors.length > 0) {
    // One problem per position: the parser often reports the same mistake twice.
    const byPosition = new Map<string, ConfigProblem>();
    for (const error of doc.errors) {
      const problem = syntaxProblem(doc, text, lineCounter, error);
      const key = `${problem.line}:${problem.column}`;
      if (!byPosition.has(key)) byPosition.set(key, problem);
    }
    return { ok: false, problems: [...byPosition.values()] };
  }

  const contents = doc.contents;
  if (contents === null || (isMap(contents) && contents.items.length === 0)) {
    const empty = contents === null;
    const at = empty ? { line: 1, column: 1 } : toPosition(lineCounter, contents.range?.[0] ?? 0);
    return {
      ok: false,
      problems: [
        {
          ...at,
          path: '',
          message: empty
            ? 'the file has no content (it is empty or only comments)'
            : 'the top-level mapping is empty',
          fix: `write a workflow, for example:\n${MINIMAL_EXAMPLE}`,
        },
      ],
    };
  }

  if (!isMap(contents)) {
    const at = toPosition(lineCounter, contents.range?.[0] ?? 0);
    return {
      ok: false,
      problems: [
        {
          ...at,
          path: '',
          message: `the top level must be a mapping of keys (workflow, roles, models, steps), but it is ${describeTop(contents)}`,
          fix: `start with "workflow:", "roles:" and "steps:" at the left margin (steps go under "steps:"), for example:\n${MINIMAL_EXAMPLE}`,
        },
      ],
    };
  }

  const keyProblems = complexKeyProblems(doc, lineCounter);
  if (keyProblems.length > 0) return { ok: false, problems: keyProblems };

  try {
    const data: unknown = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    return { ok: true, doc, lineCounter, data };
  } catch (error) {
    const at = toPosition(lineCounter, firstAliasOffset(doc));
    const bomb = error instanceof ReferenceError && /alias/i.test(error.message);
    return {
      ok: false,
      problems: [
        {
          ...at,
          path: '',
          message: bomb
            ? `aliases expand to too many copies (more than ${MAX_ALIAS_COUNT}); this looks like an alias bomb`
            : `the YAML could not be read: ${(error as Error).message}`,
          fix: bomb
            ? 'write the values out, or use each alias (*name) only a few times'
            : 'simplify the anchors and aliases in this file',
        },
      ],
    };
  }
}
