/**
 * Editing a project `.env` and `.gitignore` as text, for `aethr auth login`: set one variable
 * (replacing earlier lines of the same name, keeping every other line and comment as it was),
 * and make sure `.env` is ignored. Pure; the command does the file I/O.
 */
import { parseEnv } from 'node:util';

/** How a key is written: bare when it is plain, else quoted so `#` and spaces survive. */
export function formatEnvValue(value: string): string | undefined {
  if (/^[A-Za-z0-9_\-./+=:@~,%]+$/.test(value)) return value;
  if (!value.includes("'")) return `'${value}'`;
  if (!/["\\]/.test(value)) return `"${value}"`;
  return undefined;
}

/**
 * `text` with `name=value` set: the first line that assigns `name` is replaced, later ones are
 * removed, or the line is appended. Undefined when the value cannot be written so that
 * Node's `.env` parser reads it back unchanged.
 */
export function setEnvVariable(text: string, name: string, value: string): string | undefined {
  const formatted = formatEnvValue(value);
  if (formatted === undefined) return undefined;
  const line = `${name}=${formatted}`;
  const assigns = new RegExp(`^\\s*(?:export\\s+)?${name}\\s*=`);
  const lines = text === '' ? [] : text.replace(/\r\n/g, '\n').replace(/\n$/, '').split('\n');
  let placed = false;
  const out: string[] = [];
  for (const current of lines) {
    if (!assigns.test(current)) out.push(current);
    else if (!placed) {
      out.push(line);
      placed = true;
    }
  }
  if (!placed) out.push(line);
  const result = `${out.join('\n')}\n`;
  return parseEnv(result)[name] === value ? result : undefined;
}

/** Whether a `.gitignore` text has a line that ignores `.env` at its own level. */
export function gitignoreCoversEnv(text: string): boolean {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .some((l) => ['.env', '/.env', '.env*', '/.env*', '*.env'].includes(l));
}

/** `.gitignore` text with `.env` added on its own line. */
export function addEnvToGitignore(text: string): string {
  const base = text === '' || text.endsWith('\n') ? text : `${text}\n`;
  return `${base}# Provider keys written by "aethr auth login"\n.env\n`;
}
