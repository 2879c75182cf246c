/**
 * How aethr's own git process gets the token: `GIT_CONFIG_COUNT/KEY/VALUE` environment entries
 * for that one process. Never argv (visible in /proc/<pid>/cmdline and `ps`), never a URL (kept in
 * remotes, printed in errors), never a file the agent can read. The empty first value resets any
 * `extraheader` still configured (git then sends one Authorization header, not two).
 */

export interface GitAuthEnvOptions {
  /** `GITHUB_SERVER_URL`. Default https://github.com. */
  serverUrl?: string;
  /** The environment these are appended to (its GIT_CONFIG_COUNT is honoured). Default process.env. */
  base?: Readonly<Record<string, string | undefined>>;
}

export function gitAuthEnv(token: string, options: GitAuthEnvOptions = {}): Record<string, string> {
  return appendGitConfigEnv(gitAuthPairs(token, options.serverUrl), options.base ?? process.env);
}

/** The config pairs alone, to combine with other GIT_CONFIG_* settings in one append. */
export function gitAuthPairs(
  token: string,
  serverUrl = 'https://github.com',
): Array<[string, string]> {
  if (token === '' || /[\r\n]/.test(token))
    throw new Error('gitAuthEnv: the token is empty or malformed');
  const key = `http.${serverUrl.replace(/\/+$/, '')}/.extraheader`;
  const basic = Buffer.from(`x-access-token:${token}`, 'utf8').toString('base64');
  return [
    [key, ''],
    [key, `AUTHORIZATION: basic ${basic}`],
  ];
}

/** GIT_CONFIG_* entries for `pairs`, numbered after those already in `base`. */
export function appendGitConfigEnv(
  pairs: ReadonlyArray<readonly [string, string]>,
  base: Readonly<Record<string, string | undefined>> = process.env,
): Record<string, string> {
  const existing = Number.parseInt(base.GIT_CONFIG_COUNT ?? '', 10);
  const start = Number.isInteger(existing) && existing > 0 ? existing : 0;
  const env: Record<string, string> = { GIT_CONFIG_COUNT: String(start + pairs.length) };
  pairs.forEach(([key, value], i) => {
    env[`GIT_CONFIG_KEY_${start + i}`] = key;
    env[`GIT_CONFIG_VALUE_${start + i}`] = value;
  });
  return env;
}
