/**
 * The environment of anything that runs repository code: an allow-list, never a deny-list. The
 * runner's environment holds the GitHub token, provider keys, `INPUT_*` (the action's inputs,
 * secrets among them), `ACTIONS_*` (the runtime token) and whatever secrets a workflow mapped into
 * `env:`; none of that is named here, so none of it gets through. Callers add what a tool needs
 * explicitly (`pass` names taken from the base environment, `set` values of their own).
 */

/** Taken from the caller's environment when set. HOME and TMPDIR are always replaced. */
export const ALLOWED_ENV_NAMES: readonly string[] = Object.freeze([
  'PATH',
  'LANG',
  'LANGUAGE',
  'LC_ALL',
  'LC_CTYPE',
  'TERM',
  'TZ',
  'CI',
]);

/** Windows cannot start programs without these (names are case-insensitive there). */
const WINDOWS_NAMES = ['Path', 'SystemRoot', 'SystemDrive', 'windir', 'ComSpec', 'PATHEXT'];

/** A name that looks like it holds a secret is never passed, even when a caller asks for it. */
const SECRET_NAME =
  /TOKEN|SECRET|PASSW|CREDENTIAL|PRIVATE|API_?KEY|ACCESS_?KEY|AUTH|COOKIE|SESSION|^INPUT_|^ACTIONS_|^GITHUB_TOKEN$/i;

export function isSecretLookingName(name: string): boolean {
  return SECRET_NAME.test(name);
}

export interface SandboxEnvInput {
  /** The environment the allowed names are read from (usually process.env). */
  base: Readonly<Record<string, string | undefined>>;
  /** The sandbox's private HOME (created by the caller). */
  home: string;
  /** The sandbox's private TMPDIR (created by the caller). */
  tmp: string;
  /** Further names to take from `base` (e.g. `JAVA_HOME`, `GOPATH`); secret-looking names are refused. */
  pass?: readonly string[];
  /** Values set by the caller (opencode's isolation flags, its config). Set last. */
  set?: Readonly<Record<string, string>>;
}

/** Throws on a `pass` name that looks like a secret: asking for one is a bug, not a preference. */
export function sandboxEnv(input: SandboxEnvInput): Record<string, string> {
  const env: Record<string, string> = {};
  for (const name of [...ALLOWED_ENV_NAMES, ...(input.pass ?? [])]) {
    if (isSecretLookingName(name))
      throw new Error(`The sandbox never passes "${name}": it looks like a secret.`);
    const value = input.base[name];
    if (value !== undefined) env[name] = value;
  }
  if (process.platform === 'win32') {
    for (const name of WINDOWS_NAMES) {
      const key = Object.keys(input.base).find((k) => k.toLowerCase() === name.toLowerCase());
      if (key !== undefined && input.base[key] !== undefined) env[name] = input.base[key]!;
    }
    env.USERPROFILE = input.home;
    env.TEMP = input.tmp;
    env.TMP = input.tmp;
  }
  env.PATH ??= env.Path ?? '/usr/local/bin:/usr/bin:/bin';
  env.HOME = input.home;
  env.TMPDIR = input.tmp;
  // git run by the tool must never prompt, nor read the runner's global or system config.
  env.GIT_TERMINAL_PROMPT = '0';
  env.GIT_CONFIG_NOSYSTEM = '1';
  Object.assign(env, input.set ?? {});
  return env;
}
