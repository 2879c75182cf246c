/**
 * Turns zod issues into problems a person can act on: expected versus got, allowed values,
 * "did you mean" for unknown keys, and an example of what to write.
 */
import type { z } from 'zod';
import { listWords, suggestWord } from './did-you-mean.js';
import type { PathSegment, RawProblem } from './raw-problem.js';
import { allowedKeysAt, numberBoundsAt } from './schema-lookup.js';

type Issue = z.core.$ZodIssue;

export interface IssueContext {
  /** The schema the data was checked against (for allowed keys and bounds). */
  schema: z.ZodType;
  /** The data that was checked. */
  data: unknown;
  /** The text a scalar was written as in the file, when known. */
  sourceOf?: (path: readonly PathSegment[]) => string | undefined;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function valueAt(data: unknown, path: readonly PathSegment[]): { found: boolean; value: unknown } {
  let current: unknown = data;
  for (const segment of path) {
    if (Array.isArray(current) && typeof segment === 'number' && segment < current.length) {
      current = current[segment];
    } else if (isRecord(current) && Object.hasOwn(current, String(segment))) {
      current = current[String(segment)];
    } else {
      return { found: false, value: undefined };
    }
  }
  return { found: true, value: current };
}

function shorten(text: string, max = 40): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** How a value reads in a message: `the text "x"`, `the number 3`, `a list`, `an empty value`. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'an empty value';
  if (typeof value === 'string') return `the text ${JSON.stringify(shorten(value))}`;
  if (typeof value === 'number') return `the number ${value}`;
  if (typeof value === 'boolean') return `${value}`;
  if (value instanceof Date) return 'a date';
  if (Array.isArray(value)) return value.length === 0 ? 'an empty list' : 'a list';
  if (isRecord(value)) {
    const keys = Object.keys(value);
    return keys.length === 0
      ? 'an empty mapping'
      : `a mapping (with ${listWords(keys.slice(0, 3), 'and')})`;
  }
  return typeof value;
}

const EXPECTED: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping',
  record: 'a mapping',
};

/** What to add for a missing key, by key name. */
const MISSING_FIX: Record<string, string> = {
  workflow: 'add "workflow: <name>", e.g. "workflow: review-pr"',
  roles:
    'add "roles:" with one "<role>: <instructions>" line per role, e.g. "reviewer: Review the diff."',
  steps: 'add "steps:" with at least one step, e.g. "- id: review" and "role: reviewer" under it',
  id: 'add "id: <step-name>", e.g. "id: review"',
  role: 'add "role: <a key of roles>", e.g. "role: reviewer"',
  back_to: 'add "back_to: <id of this step or an earlier one>"',
  max_iterations: 'add "max_iterations: 3" (a whole number from 1 to 20)',
};

/** What to write where a value must not be empty. */
function emptyFix(path: readonly PathSegment[]): string {
  const key = lastKey(path);
  if (path[0] === 'roles' && path.length === 2) return 'write the instructions for this role';
  if (isContextEntry(path)) return 'write a context source, e.g. git_diff';
  const fixes: Record<string, string> = {
    steps: 'add at least one step, e.g. "- id: review" with "role: reviewer" under it',
    workflow: 'write a name, e.g. "workflow: review-pr"',
    role: 'write the name of a role, e.g. "role: reviewer"',
    back_to: 'write the id of this step or an earlier one',
  };
  return fixes[key ?? ''] ?? 'write a value';
}

const lastKey = (path: readonly PathSegment[]): string | undefined => {
  for (let i = path.length - 1; i >= 0; i--)
    if (typeof path[i] === 'string') return path[i] as string;
  return undefined;
};

const isContextEntry = (path: readonly PathSegment[]): boolean =>
  path.length >= 2 &&
  path[path.length - 2] === 'context' &&
  typeof path[path.length - 1] === 'number';

function typeFix(
  expected: string,
  value: unknown,
  path: readonly PathSegment[],
  ctx: IssueContext,
): string {
  const written = ctx.sourceOf?.(path);
  if (expected === 'string') {
    if (isContextEntry(path) && isRecord(value)) {
      const [key] = Object.keys(value);
      const inner = key === undefined ? '' : String(value[key] ?? '');
      return `write it as one word without a space after the colon: "${key ?? 'file'}:${inner}"`;
    }
    if (typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) {
      return `put it in quotes: "${written ?? String(value)}"`;
    }
    if (value === null) return 'write a value after the colon';
    return 'write a single line of text here (use "|" for text over several lines)';
  }
  if (expected === 'boolean') {
    return 'write true or false (without quotes)';
  }
  if (expected === 'number' || expected === 'int') {
    if (typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value)) {
      return `write the number without quotes: ${value.trim()}`;
    }
    if (typeof value === 'number')
      return `write a whole number, e.g. ${Math.max(1, Math.round(value))}`;
    return 'write a number, e.g. 3';
  }
  if (expected === 'array') {
    const key = lastKey(path) ?? 'key';
    if (typeof value === 'string') {
      return `write a list: "${key}: [${value}]", or "- ${value}" on the next line`;
    }
    return `write a list, one "- <item>" per line under "${key}:"`;
  }
  if (expected === 'object' || expected === 'record') {
    const key = lastKey(path);
    if (key === 'roles')
      return 'write one "<role>: <instructions>" per line under "roles:", e.g. "reviewer: Review the diff."';
    if (key === 'models')
      return 'write one "<role>: <provider:model>" per line under "models:", e.g. "reviewer: openai:gpt-4o-mini"';
    if (key === 'repeat')
      return 'write "back_to:", "until_review_pass:" and "max_iterations:" under "repeat:"';
    if (typeof path[path.length - 1] === 'number' && path[0] === 'steps') {
      const name = typeof value === 'string' ? value : 'review';
      return `write each step as a mapping: "- id: ${name}" with "role: <role>" under it`;
    }
    return 'write "key: value" lines here';
  }
  return `write ${EXPECTED[expected] ?? expected}`;
}

/** `openai:gpt4` for `gpt4`, `openai:gpt-4o` for `openai/gpt-4o`; undefined when no guess. */
function guessModelRef(value: string): string | undefined {
  const v = value.trim();
  const slash = /^([A-Za-z0-9][\w.-]*)\/(\S+)$/.exec(v);
  if (slash) return `${slash[1]}:${slash[2]}`;
  const spaced = /^([A-Za-z0-9][\w.-]*):\s+(\S+)$/.exec(v);
  if (spaced) return `${spaced[1]}:${spaced[2]}`;
  if (/\s/.test(v) || v === '') return undefined;
  if (/^(gpt|chatgpt|o\d)/i.test(v)) return `openai:${v}`;
  if (/^claude/i.test(v)) return `anthropic:${v}`;
  if (/^gemini/i.test(v)) return `gemini:${v}`;
  if (/^grok/i.test(v)) return `xai:${v}`;
  return undefined;
}

/** `my role` → `my-role`: a suggestion that satisfies the id pattern. */
function toId(value: string): string {
  const id = value
    .trim()
    .replace(/[^A-Za-z0-9_.-]+/g, '-')
    .replace(/^[^A-Za-z0-9]+/, '')
    .replace(/[-_.]+$/, '');
  return id === '' ? 'my-id' : id;
}

function formatIssue(
  issue: z.core.$ZodIssueInvalidStringFormat,
  value: unknown,
  path: readonly PathSegment[],
): RawProblem {
  const text = typeof value === 'string' ? value : String(value);
  if (path[0] === 'models' && path.length === 2) {
    const guess = guessModelRef(text);
    return {
      path,
      message: `model ${JSON.stringify(text)} has no provider; models are written "provider:model"`,
      fix:
        guess !== undefined
          ? `write ${JSON.stringify(guess)}`
          : `write "<provider>:${text}", e.g. "openai:gpt-4o-mini" (providers: openai, anthropic, gemini, openrouter, xai, …)`,
    };
  }
  if (lastKey(path) === 'id') {
    return {
      path,
      message: `step id ${JSON.stringify(text)} is not valid: ${issue.message}`,
      fix: `write e.g. ${JSON.stringify(toId(text))}`,
    };
  }
  return { path, message: `${JSON.stringify(shorten(text))} is not valid: ${issue.message}` };
}

/** The problems one zod issue stands for (an unknown-keys issue yields one per key). */
export function issueToProblems(issue: Issue, ctx: IssueContext): RawProblem[] {
  const path = issue.path as PathSegment[];
  const { found, value } = valueAt(ctx.data, path);
  const key = lastKey(path);

  switch (issue.code) {
    case 'unrecognized_keys': {
      const allowed = allowedKeysAt(ctx.schema, path);
      const repeatKeys =
        path[0] === 'steps' && path.length === 2
          ? allowedKeysAt(ctx.schema, [...path, 'repeat'])
          : [];
      return issue.keys.map((unknown): RawProblem => {
        let fix = suggestWord(unknown, allowed, 'allowed keys here are');
        if (repeatKeys.includes(unknown)) {
          fix = `move it under "repeat:" of this step (indented below a "repeat:" key)`;
        }
        return {
          path: [...path, unknown],
          target: 'key',
          message: `unknown key ${JSON.stringify(unknown)}`,
          fix,
        };
      });
    }
    case 'invalid_type': {
      if (!found) {
        return [
          {
            path,
            message: `missing required key ${JSON.stringify(key ?? '')}`,
            fix: MISSING_FIX[key ?? ''] ?? `add "${key}:"`,
          },
        ];
      }
      const expected = EXPECTED[issue.expected] ?? issue.expected;
      const got =
        typeof value === 'number' && issue.expected === 'int' ? `${value}` : describeValue(value);
      return [
        {
          path,
          message: `expected ${expected}, got ${got}`,
          fix: typeFix(issue.expected, value, path, ctx),
        },
      ];
    }
    case 'invalid_value': {
      const allowed = issue.values.map((v) => String(v));
      const shown = typeof value === 'string' ? JSON.stringify(value) : describeValue(value);
      return [
        {
          path,
          message: `${shown} is not allowed here; expected one of ${listWords(allowed)}`,
          fix:
            typeof value === 'string'
              ? suggestWord(value, allowed, 'write one of')
              : `write one of ${listWords(allowed)}`,
        },
      ];
    }
    case 'too_small':
    case 'too_big': {
      const small = issue.code === 'too_small';
      const limit = Number(
        small
          ? (issue as z.core.$ZodIssueTooSmall).minimum
          : (issue as z.core.$ZodIssueTooBig).maximum,
      );
      if (issue.origin === 'array' || issue.origin === 'string') {
        const count = Array.isArray(value)
          ? value.length
          : typeof value === 'string'
            ? value.length
            : 0;
        const unit = issue.origin === 'array' ? 'item' : 'character';
        const message = small
          ? count === 0
            ? 'must not be empty'
            : `needs at least ${limit} ${unit}s, got ${count}`
          : `has more than ${limit} ${unit}s`;
        return [{ path, message, fix: small ? emptyFix(path) : `keep at most ${limit} ${unit}s` }];
      }
      const bounds = numberBoundsAt(ctx.schema, path);
      const range =
        bounds && bounds.min !== null && bounds.max !== null
          ? `${bounds.int ? 'a whole number' : 'a number'} from ${bounds.min} to ${bounds.max}`
          : small
            ? `a number of at least ${limit}`
            : `a number of at most ${limit}`;
      return [
        {
          path,
          message: `${small ? 'must be at least' : 'must be at most'} ${limit}, got ${typeof value === 'number' ? value : describeValue(value)}`,
          fix: `write ${range}`,
        },
      ];
    }
    case 'invalid_format':
      return [formatIssue(issue as z.core.$ZodIssueInvalidStringFormat, value, path)];
    case 'invalid_key': {
      const name = String(path[path.length - 1]);
      const what =
        path[0] === 'roles' ? 'role name' : path[0] === 'models' ? 'role name in models' : 'key';
      return [
        {
          path,
          target: 'key',
          message: `${what} ${JSON.stringify(name)} may only use letters, digits, "-", "_" and "." (and must start with a letter or digit)`,
          fix: `write e.g. ${JSON.stringify(toId(name))}`,
        },
      ];
    }
    default:
      return [{ path, message: issue.message }];
  }
}
