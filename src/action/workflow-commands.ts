/**
 * The runner's side of a step, spoken directly: inputs from `INPUT_*`, workflow commands on
 * stdout (`::notice::`, `::add-mask::`, groups), outputs and the job summary appended to the
 * files the runner names. The same bytes `@actions/core` writes for these calls; not that package
 * itself, because it imports an HTTP client and undici (for OIDC tokens the Action never asks
 * for), which were a large part of every start-up.
 */
import { randomUUID } from 'node:crypto';
import { appendFileSync } from 'node:fs';
import { access, appendFile, constants } from 'node:fs/promises';
import { EOL } from 'node:os';

function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** `::command key=value::message` on stdout. */
function issue(command: string, message = '', properties: Record<string, string> = {}): void {
  const props = Object.entries(properties)
    .filter(([, v]) => v)
    .map(([k, v]) => `${k}=${escapeProperty(v)}`)
    .join(',');
  process.stdout.write(`::${command}${props ? ` ${props}` : ''}::${escapeData(message)}${EOL}`);
}

/** An input as the runner passes it (`INPUT_<NAME>`), trimmed; '' when unset. */
export function getInput(name: string): string {
  return (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}

export function info(message: string): void {
  process.stdout.write(`${message}${EOL}`);
}

export const notice = (message: string): void => issue('notice', message);
export const warning = (message: string): void => issue('warning', message);

/** Logs the error and makes the step fail when the process exits. */
export function setFailed(message: string): void {
  process.exitCode = 1;
  issue('error', message);
}

/** The runner masks `value` in every later log line. */
export const setSecret = (value: string): void => issue('add-mask', value);

export function setOutput(name: string, value: string): void {
  const file = process.env.GITHUB_OUTPUT;
  if (!file) {
    process.stdout.write(EOL);
    issue('set-output', value, { name });
    return;
  }
  const delimiter = `ghadelimiter_${randomUUID()}`;
  if (name.includes(delimiter) || value.includes(delimiter))
    throw new Error(`Unexpected input: the output ${name} contains the delimiter ${delimiter}`);
  appendFileSync(file, `${name}<<${delimiter}${EOL}${value}${EOL}${delimiter}${EOL}`, 'utf8');
}

/** Log lines inside a collapsible group. */
export async function group<T>(name: string, fn: () => Promise<T>): Promise<T> {
  issue('group', name);
  try {
    return await fn();
  } finally {
    issue('endgroup');
  }
}

/** Appends markdown (and a newline) to the job summary (GITHUB_STEP_SUMMARY). */
export async function appendJobSummary(markdown: string): Promise<void> {
  const file = process.env.GITHUB_STEP_SUMMARY;
  if (!file) throw new Error('Unable to find environment variable for $GITHUB_STEP_SUMMARY.');
  try {
    await access(file, constants.R_OK | constants.W_OK);
  } catch {
    throw new Error(`Unable to access summary file: '${file}'.`);
  }
  await appendFile(file, `${markdown}${EOL}`, 'utf8');
}
