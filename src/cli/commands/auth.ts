/**
 * `aethr auth login <provider>`: writes a provider key into the project `.env` (read from a
 * hidden prompt or stdin), and makes sure git ignores that file. `aethr auth status`: which
 * providers have a key, and where it comes from. No key is ever printed, not even in part.
 */
import { chmod, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { AethrError } from '../../errors.js';
import { isGitRepo, runGit } from '../../git/run-git.js';
import { loadDotEnv } from '../../models/env-file.js';
import { envValue, PROVIDER_ALIASES, PROVIDERS } from '../../models/providers.js';
import { addEnvToGitignore, gitignoreCoversEnv, setEnvVariable } from '../dotenv-edit.js';
import type { CliIO } from '../main.js';
import { readSecret } from '../read-secret.js';
import { selfCommand } from '../self-command.js';
import { unknownWord, UsageError } from '../usage.js';

const PROVIDER_NAMES = [...Object.keys(PROVIDERS), ...Object.keys(PROVIDER_ALIASES)];

export async function authCommand(argv: string[], io: CliIO, cwd = process.cwd()): Promise<number> {
  const { positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { verbose: { type: 'boolean' } },
  });
  const [action, provider, ...extra] = positionals;
  if (action === 'status' && provider === undefined) return status(io, cwd);
  if (action === 'login') {
    if (provider === undefined || extra.length > 0) {
      throw new UsageError('auth login takes one provider name', {
        command: 'auth',
        hint: `One of: ${PROVIDER_NAMES.join(', ')}.`,
      });
    }
    return login(provider, io, cwd);
  }
  if (action === undefined) throw new UsageError('auth needs login or status', { command: 'auth' });
  if (action === 'status')
    throw new UsageError('auth status takes no argument', { command: 'auth' });
  throw unknownWord('auth action', action, ['login', 'status'], 'auth');
}

function specFor(name: string) {
  const lower = name.toLowerCase();
  const spec = PROVIDERS[PROVIDER_ALIASES[lower] ?? lower];
  if (!spec) throw unknownWord('provider', name, PROVIDER_NAMES, 'auth');
  return spec;
}

async function readText(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

async function login(providerName: string, io: CliIO, cwd: string): Promise<number> {
  const spec = specFor(providerName);
  const variable = spec.keyEnvNames[0]!;
  const key = (await readSecret(`${spec.label} key for ${variable} (input hidden): `)).trim();
  if (key === '') {
    throw new AethrError('No key was given; nothing was written.', {
      hint: `Paste the key at the prompt, or pipe it: echo "$${variable}" | aethr auth login ${spec.name}`,
    });
  }
  if (/[\s\p{Cc}]/u.test(key)) {
    throw new AethrError('The key contains spaces or control characters; nothing was written.', {
      hint: 'Copy the key again: it is one word.',
    });
  }

  const envFile = join(cwd, '.env');
  const before = await readText(envFile);
  const text = setEnvVariable(before ?? '', variable, key);
  if (text === undefined) {
    throw new AethrError(
      `This key cannot be written to ${envFile} so that it reads back unchanged.`,
      {
        hint: `Set ${variable} in your environment instead.`,
      },
    );
  }
  // Write beside the file, then rename: an interrupted write never leaves half a .env.
  const temp = `${envFile}.aethr-${process.pid}`;
  await writeFile(temp, text, { mode: 0o600 });
  await chmod(temp, 0o600);
  await rename(temp, envFile);
  io.out(`Saved ${variable} to ${envFile} (readable by you only).\n`);

  for (const line of await protectEnvFile(cwd)) io.out(`${line}\n`);
  if (envValue(process.env, variable) !== undefined) {
    io.err(`note: ${variable} is also set in your environment, and that value wins over .env.\n`);
  }
  const aethr = await selfCommand(process.argv[1] ?? 'aethr', process.env, cwd);
  io.out(`Next: AETHR_LIVE=1 ${aethr} run "describe your task" (models: ${spec.name}:…)\n`);
  return 0;
}

/** Ignores `.env` in git (adding it to .gitignore when needed); returns lines to print. */
async function protectEnvFile(cwd: string): Promise<string[]> {
  const gitignore = join(cwd, '.gitignore');
  const text = (await readText(gitignore)) ?? '';
  const inRepo = await isGitRepo(cwd).catch(() => false);
  const lines: string[] = [];
  const ignored = inRepo
    ? (await runGit(cwd, ['check-ignore', '-q', '--no-index', '.env'], { okCodes: [1] })).code === 0
    : gitignoreCoversEnv(text);
  if (!ignored) {
    await writeFile(gitignore, addEnvToGitignore(text));
    lines.push(`Added .env to ${gitignore}.`);
  }
  if (inRepo) {
    const tracked = await runGit(cwd, ['ls-files', '--', '.env']);
    if (tracked.stdout.trim() !== '') {
      lines.push(
        'warning: .env is tracked by git, so the key would be committed. Untrack it: git rm --cached .env',
      );
    }
  }
  return lines;
}

function status(io: CliIO, cwd: string): number {
  const dotenv = loadDotEnv(cwd, {});
  const rows = Object.values(PROVIDERS).map((spec) => {
    const fromEnv = spec.keyEnvNames.find((n) => envValue(process.env, n) !== undefined);
    const fromFile = spec.keyEnvNames.find((n) => envValue(dotenv.env, n) !== undefined);
    const where = fromEnv
      ? `set in the environment (${fromEnv})`
      : fromFile
        ? `set in .env (${fromFile})`
        : 'not set';
    return {
      name: spec.name,
      variables: spec.keyEnvNames.join(' or '),
      where,
      set: where !== 'not set',
    };
  });
  const nameWidth = Math.max(...rows.map((r) => r.name.length)) + 2;
  const varWidth = Math.max(...rows.map((r) => r.variables.length)) + 2;
  io.out(`Provider keys (values are never shown; .env: ${dotenv.found ? dotenv.path : 'none'}):\n`);
  for (const r of rows) {
    const mark = r.set ? '✓' : '·';
    io.out(`${mark}  ${r.name.padEnd(nameWidth)}${r.variables.padEnd(varWidth)}${r.where}\n`);
  }
  const merged = loadDotEnv(cwd, process.env).env;
  const live = merged.AETHR_LIVE === '1' || merged.AETHR_LIVE === 'true';
  io.out(
    live
      ? '\nLive mode (AETHR_LIVE=1): roles whose provider has a key call it.\n'
      : '\nMock mode: set AETHR_LIVE=1 to call the models with these keys.\n',
  );
  return 0;
}
