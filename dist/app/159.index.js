export const id = 159;
export const ids = [159,283];
export const modules = {

/***/ 819:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  n: () => (/* binding */ guardUntrustedRun)
});

// EXTERNAL MODULE: ./.build/src/git/run-git.js
var run_git = __webpack_require__(9724);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
;// CONCATENATED MODULE: ./.build/src/sandbox/git-credentials.js
/**
 * Takes the checkout's persisted credentials out of reach for the length of an untrusted run, and
 * puts them back after. actions/checkout persists the token as
 * `http.https://github.com/.extraheader` in `.git/config`, and newer versions in a separate file
 * pulled in by `includeIf.gitdir:….path` (under RUNNER_TEMP); a remote URL may carry userinfo,
 * and `url.<base>.insteadOf` may too. All of these are removed from the config files, included
 * credential files are read into memory and deleted, and `restore()` writes the original bytes
 * back — whatever the run did to them meanwhile.
 */




const CREDENTIAL_TEXT = /extraheader|authorization|credential|insteadof|x-access-token|:\/\/[^/\s@]+@/i;
/** `.git/config` and, when there is one, the worktree's `config.worktree`. */
async function gitConfigFiles(root, git = run_git/* runGit */.EO) {
    const out = await git(root, ['rev-parse', '--absolute-git-dir', '--git-common-dir']);
    const [gitDir, common] = out.stdout.split('\n').map((l) => l.trim());
    const commonDir = (0,external_node_path_.isAbsolute)(common) ? common : (0,external_node_path_.resolve)(root, common);
    const files = [(0,external_node_path_.join)(commonDir, 'config')];
    const worktreeConfig = (0,external_node_path_.join)(gitDir, 'config.worktree');
    if (await exists(worktreeConfig))
        files.push(worktreeConfig);
    return files;
}
async function exists(path) {
    return (0,promises_.stat)(path).then(() => true, () => false);
}
async function listEntries(git, root, file) {
    const out = await git(root, ['config', '--file', file, '--null', '--list'], { okCodes: [1] });
    return out.stdout
        .split('\0')
        .filter((e) => e !== '')
        .map((e) => {
        const nl = e.indexOf('\n');
        return nl === -1 ? { key: e, value: '' } : { key: e.slice(0, nl), value: e.slice(nl + 1) };
    });
}
function withoutUserinfo(url) {
    return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/@\s]*@/i, '$1');
}
async function hideGitCredentials(root, git = run_git/* runGit */.EO) {
    const configFiles = await gitConfigFiles(root, git);
    const saved = new Map();
    const save = async (path) => {
        if (saved.has(path))
            return;
        const [bytes, info] = await Promise.all([(0,promises_.readFile)(path), (0,promises_.stat)(path)]);
        saved.set(path, { bytes, mode: info.mode & 0o7777 });
    };
    const removedKeys = [];
    const hiddenFiles = [];
    try {
        for (const file of configFiles) {
            await save(file);
            for (const { key, value } of await listEntries(git, root, file)) {
                const lower = key.toLowerCase();
                if (/^include(if\..*)?\.path$/.test(lower)) {
                    const target = (0,external_node_path_.isAbsolute)(value) ? value : (0,external_node_path_.resolve)((0,external_node_path_.dirname)(file), value);
                    const text = await (0,promises_.readFile)(target, 'utf8').catch(() => undefined);
                    if (text !== undefined && CREDENTIAL_TEXT.test(text)) {
                        await save(target);
                        await (0,promises_.rm)(target, { force: true });
                        hiddenFiles.push(target);
                        await unset(git, root, file, key, removedKeys);
                    }
                }
                else if (/^http\..*extraheader$/.test(lower) ||
                    /^credential\./.test(lower) ||
                    (/^url\..*\.(insteadof|pushinsteadof)$/.test(lower) && /@/.test(key))) {
                    await unset(git, root, file, key, removedKeys);
                }
                else if (/^remote\..*\.(url|pushurl)$/.test(lower) && withoutUserinfo(value) !== value) {
                    await git(root, [
                        'config',
                        '--file',
                        file,
                        '--replace-all',
                        key,
                        withoutUserinfo(value),
                        `^${escapeRegex(value)}$`,
                    ]);
                    removedKeys.push(key);
                }
            }
        }
    }
    catch (error) {
        await restoreAll(saved);
        throw error;
    }
    let restored = false;
    return {
        removedKeys,
        hiddenFiles,
        configFiles,
        async restore() {
            if (restored)
                return;
            restored = true;
            await restoreAll(saved);
        },
    };
}
async function unset(git, root, file, key, removed) {
    if (removed.includes(key))
        return;
    await git(root, ['config', '--file', file, '--unset-all', key], { okCodes: [5] });
    removed.push(key);
}
function escapeRegex(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
async function restoreAll(saved) {
    for (const [path, { bytes, mode }] of saved) {
        await (0,promises_.mkdir)((0,external_node_path_.dirname)(path), { recursive: true });
        await (0,promises_.rm)(path, { force: true, recursive: true });
        await (0,promises_.writeFile)(path, bytes, { mode });
        await (0,promises_.chmod)(path, mode);
    }
}
/** sha256 of a file's bytes, or `missing`. */
async function fileDigest(path) {
    const bytes = await (0,promises_.readFile)(path).catch(() => undefined);
    return bytes === undefined ? 'missing' : (0,external_node_crypto_.createHash)('sha256').update(bytes).digest('hex');
}

// EXTERNAL MODULE: ./.build/src/errors.js
var errors = __webpack_require__(6624);
// EXTERNAL MODULE: ./.build/src/git/safe-git.js + 1 modules
var safe_git = __webpack_require__(3045);
;// CONCATENATED MODULE: ./.build/src/sandbox/integrity.js
/**
 * After an untrusted run: did it change what it must not? `.git/config` (hooksPath, aliases,
 * filters, credentials), `.git/hooks`, and refs on the remote — only the refs aethr itself pushes
 * may move, and aethr pushes after the run, so any other difference is the run's doing. Any
 * change is a `SandboxIntegrityError`, which a door reports as a failed run.
 */







class SandboxIntegrityError extends errors/* AethrError */.j {
    name = 'SandboxIntegrityError';
    problems;
    constructor(problems) {
        super(`The sandboxed run changed what it must not: ${problems.join('; ')}. Nothing more was done with its result.`, {
            hint: 'Treat the pull request as hostile: inspect the listed changes (and the remote) before running aethr on it again.',
        });
        this.problems = problems;
    }
}
async function snapshotIntegrity(root, options = {}) {
    const git = options.git ?? run_git/* runGit */.EO;
    const files = await gitConfigFiles(root, git);
    const config = {};
    for (const f of files)
        config[f] = await fileDigest(f);
    const gitDir = (await git(root, ['rev-parse', '--git-common-dir'])).stdout.trim();
    const hooks = await digestTree((0,external_node_path_.resolve)(root, gitDir, 'hooks'));
    const snapshot = { config, hooks };
    if (options.listRemote)
        snapshot.remoteRefs = await options.listRemote();
    return snapshot;
}
async function digestTree(dir) {
    const out = {};
    const walk = async (rel) => {
        const abs = (0,external_node_path_.join)(dir, rel);
        const info = await (0,promises_.lstat)(abs).catch(() => undefined);
        if (!info)
            return;
        if (info.isSymbolicLink())
            out[rel || '.'] = `link:${await (0,promises_.readlink)(abs)}`;
        else if (info.isDirectory()) {
            if (rel !== '')
                out[rel] = 'dir';
            for (const name of (await (0,promises_.readdir)(abs)).sort())
                await walk(rel ? (0,external_node_path_.join)(rel, name) : name);
        }
        else {
            const hash = (0,external_node_crypto_.createHash)('sha256')
                .update(await (0,promises_.readFile)(abs))
                .digest('hex');
            out[rel] = `${(info.mode & 0o777).toString(8)}:${hash}`;
        }
    };
    await walk('');
    return out;
}
/** What differs between two snapshots, in words; refs in `ownRefs` may move. */
function compareIntegrity(before, after, ownRefs = []) {
    const problems = [];
    for (const file of new Set([...Object.keys(before.config), ...Object.keys(after.config)]))
        if (before.config[file] !== after.config[file])
            problems.push(`${file} was changed`);
    const hookNames = new Set([...Object.keys(before.hooks), ...Object.keys(after.hooks)]);
    for (const name of [...hookNames].sort()) {
        const was = before.hooks[name];
        const now = after.hooks[name];
        if (was === now)
            continue;
        problems.push(was === undefined
            ? `hook ${name} was added`
            : now === undefined
                ? `hook ${name} was removed`
                : `hook ${name} was changed`);
    }
    if (before.remoteRefs && after.remoteRefs) {
        const own = new Set(ownRefs);
        const refs = new Set([...Object.keys(before.remoteRefs), ...Object.keys(after.remoteRefs)]);
        for (const ref of [...refs].sort()) {
            // `HEAD` is a symbolic ref: it moves with its branch, which is reported under its own name.
            if (own.has(ref) || ref === 'HEAD')
                continue;
            const was = before.remoteRefs[ref];
            const now = after.remoteRefs[ref];
            if (was === now)
                continue;
            problems.push(was === undefined
                ? `remote ref ${ref} was created`
                : now === undefined
                    ? `remote ref ${ref} was deleted`
                    : `remote ref ${ref} moved from ${was.slice(0, 12)} to ${now.slice(0, 12)}`);
        }
    }
    return problems;
}
/** Takes a fresh snapshot and throws `SandboxIntegrityError` when anything differs. */
async function verifyIntegrity(root, before, options = {}) {
    const after = await snapshotIntegrity(root, {
        ...options,
        ...(before.remoteRefs ? {} : { listRemote: undefined }),
    });
    const problems = compareIntegrity(before, after, options.ownRefs);
    if (problems.length > 0)
        throw new SandboxIntegrityError(problems);
}
/**
 * `git ls-remote <remote>` as ref -> sha, run by aethr with its own credentials (`env`, from
 * `gitAuthEnv`).
 */
async function lsRemoteRefs(root, remote, env = {}, git = runGit) {
    const out = await git(root, ['ls-remote', '--', remote], { env, timeoutMs: 60_000 });
    return parseRemoteRefs(out.stdout);
}

;// CONCATENATED MODULE: ./.build/src/sandbox/guard-run.js
/**
 * Wraps one untrusted run (validators, an agent) in the git guard: the checkout's credentials are
 * hidden for its length, `.git/config` and hooks are snapshotted, and after the run they must be
 * as they were (and, with `listRemote`, no remote ref moved). The credentials are restored in
 * every case; a change is a SandboxIntegrityError, thrown after restoring.
 */



async function guardUntrustedRun(root, run, options = {}) {
    if (!(await (0,run_git/* isGitRepo */.tj)(root)))
        return run();
    const hidden = await hideGitCredentials(root, options.git);
    let result;
    try {
        const before = await snapshotIntegrity(root, options);
        result = await run();
        const after = await snapshotIntegrity(root, options);
        const problems = compareIntegrity(before, after, options.ownRefs);
        if (problems.length > 0)
            throw new SandboxIntegrityError(problems);
    }
    finally {
        await hidden.restore();
    }
    return result;
}


/***/ }),

/***/ 5283:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EO: () => (/* binding */ defaultHiddenPaths),
/* harmony export */   Q3: () => (/* binding */ isolatedArgv),
/* harmony export */   detectIsolation: () => (/* binding */ detectIsolation)
/* harmony export */ });
/* unused harmony exports ISOLATION_MODES, resetIsolationCache */
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8161);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6760);
/**
 * How repository code is kept from seeing other processes: a new PID namespace with its own
 * `/proc`, so `/proc/<pid>/environ` of aethr, of the runner and of every other step cannot be read.
 * Three ways, tried in this order, once per process:
 *
 * - `bwrap` (bubblewrap): `--unshare-pid --proc /proc --die-with-parent --new-session`, the root
 *   file system bound as it is, and credential files of the real home (and `RUNNER_TEMP`) masked.
 * - `unshare --user --pid --fork --mount-proc`: where unprivileged user namespaces are allowed.
 * - `sudo`: GitHub-hosted Ubuntu runners restrict unprivileged user namespaces (AppArmor) but grant
 *   passwordless sudo; `sudo unshare --pid --fork --mount-proc` makes the namespace as root and
 *   `setpriv` drops straight back to the caller's uid and gid with no supplementary groups (so no
 *   `docker` group either), before the command runs.
 *
 * Each is probed by running `sh` inside it and checking that aethr's own `/proc/<pid>` is not
 * visible; a mode that starts but does not hide aethr is not used. `none` means no isolation.
 */




const ISOLATION_MODES = [
    'bwrap',
    'unshare',
    'sudo',
];
let cached;
/** The isolation this process uses, detected on first call (a few milliseconds per probe). */
function detectIsolation(options = {}) {
    if (options.modes !== undefined)
        return probeModes(options.modes, options);
    cached ??= probeModes(modesFromEnv(options.env ?? process.env), options);
    return cached;
}
/** For tests: forget the detected mode. */
function resetIsolationCache() {
    cached = undefined;
}
function modesFromEnv(env) {
    const wanted = env.AETHR_SANDBOX?.trim().toLowerCase();
    if (wanted === 'none')
        return [];
    if (wanted && ISOLATION_MODES.includes(wanted))
        return [wanted];
    return ISOLATION_MODES;
}
async function probeModes(modes, options) {
    const tried = [];
    for (const mode of modes) {
        const attempts = mode === 'unshare'
            ? [
                { mode, description: '', tried: [], mapCurrentUser: true },
                { mode, description: '', tried: [], mapCurrentUser: false },
            ]
            : [{ mode, description: '', tried: [] }];
        let problem = '';
        for (const candidate of attempts) {
            problem = await probe(candidate, options.timeoutMs ?? 5000);
            if (problem === '') {
                tried.push({ mode });
                const skipped = tried.filter((t) => t.problem).map((t) => `${t.mode}: ${t.problem}`);
                return {
                    ...candidate,
                    tried,
                    description: `sandbox: ${describeMode(mode)}${skipped.length ? ` (not used: ${skipped.join('; ')})` : ''}`,
                };
            }
        }
        tried.push({ mode, problem });
    }
    const why = tried.map((t) => `${t.mode}: ${t.problem}`).join('; ');
    return {
        mode: 'none',
        tried,
        description: `sandbox: none — no way to hide other processes${why ? ` (${why})` : ' (AETHR_SANDBOX=none)'}`,
    };
}
function describeMode(mode) {
    switch (mode) {
        case 'bwrap':
            return 'bubblewrap (own PID namespace and /proc)';
        case 'unshare':
            return 'unshare (user and PID namespace, own /proc)';
        case 'sudo':
            return 'sudo unshare (PID namespace made as root, then back to this user without groups)';
        case 'none':
            return 'none';
    }
}
/** Empty when `isolation` runs `sh` and hides this process from it; otherwise what went wrong. */
function probe(isolation, timeoutMs) {
    const script = `test ! -e /proc/${process.pid}/environ && test -r /proc/self/status`;
    const cmd = isolatedArgv(isolation, ['sh', '-c', script], { cwd: '/', env: {}, hide: [] });
    return new Promise((done) => {
        let stderr = '';
        let child;
        try {
            child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)(cmd.file, cmd.args, {
                cwd: '/',
                env: { PATH: process.env.PATH ?? '/usr/bin:/bin' },
                stdio: ['ignore', 'ignore', 'pipe'],
            });
        }
        catch (error) {
            done(error.message);
            return;
        }
        const timer = setTimeout(() => {
            child.kill('SIGKILL');
            done(`the probe did not finish within ${timeoutMs} ms`);
        }, timeoutMs);
        child.stderr?.on('data', (chunk) => {
            if (stderr.length < 2000)
                stderr += chunk.toString('utf8');
        });
        child.on('error', (error) => {
            clearTimeout(timer);
            done(error.code === 'ENOENT' ? `${cmd.file} is not installed` : error.message);
        });
        child.on('close', (code) => {
            clearTimeout(timer);
            const detail = stderr.trim().split('\n')[0]?.slice(0, 200);
            if (code === 0)
                done('');
            else if (code === 1 && !detail)
                done('it starts but does not hide other processes');
            else
                done(detail || `exit code ${code}`);
        });
    });
}
/** `unshare` options: new mount and pid namespaces, their own /proc, killed when we go. */
const OWN_MOUNTS_AND_PIDS = ['--mount', '--pid', '--fork', '--mount-proc', '--kill-child', '--'];
/** The argv that runs `argv` inside `isolation` (the command itself for `none`). */
function isolatedArgv(isolation, argv, options) {
    const [file, ...rest] = argv;
    if (file === undefined)
        throw new Error('empty command');
    switch (isolation.mode) {
        case 'none':
            return { file, args: rest };
        case 'bwrap': {
            const args = [
                '--die-with-parent',
                '--new-session',
                '--unshare-pid',
                '--unshare-ipc',
                '--dev-bind',
                '/',
                '/',
                '--proc',
                '/proc',
            ];
            for (const path of options.hide) {
                let dir;
                try {
                    dir = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.statSync)(path).isDirectory();
                }
                catch {
                    continue;
                }
                args.push(...(dir ? ['--tmpfs', path] : ['--ro-bind', '/dev/null', path]));
            }
            args.push('--chdir', options.cwd, '--', ...argv);
            return { file: 'bwrap', args };
        }
        case 'unshare':
            // Masks are mounted in the outer namespace (we are "root" there), then the command runs in
            // a nested user namespace, where those mounts are locked: it cannot unmount them.
            return {
                file: 'unshare',
                args: [
                    '--user',
                    '--map-root-user',
                    ...OWN_MOUNTS_AND_PIDS,
                    ...maskThenExec(options.hide, ['unshare', '--user', '--mount', '--']),
                    ...argv,
                ],
            };
        case 'sudo': {
            // Root makes the namespaces and the masks; setpriv drops to this user with no groups and
            // no capabilities, so the masks cannot be undone.
            const uid = process.getuid?.() ?? 0;
            const gid = process.getgid?.() ?? 0;
            const env = Object.entries(options.env).map(([k, v]) => `${k}=${v}`);
            return {
                file: 'sudo',
                args: [
                    '-n',
                    '--',
                    'unshare',
                    ...OWN_MOUNTS_AND_PIDS,
                    ...maskThenExec(options.hide, [
                        'setpriv',
                        `--reuid=${uid}`,
                        `--regid=${gid}`,
                        '--clear-groups',
                        '--inh-caps=-all',
                        '--',
                        'env',
                        '-i',
                        '-C',
                        options.cwd,
                        ...env,
                    ]),
                    ...argv,
                ],
            };
        }
    }
}
/** A sh prelude that masks `hide` (folders by tmpfs, files by /dev/null), then execs `then` + the command. */
function maskThenExec(hide, then) {
    const script = 'set -e; while [ "$1" != "--" ]; do if [ -d "$1" ]; then mount -t tmpfs -o size=1m tmpfs "$1"; ' +
        'else mount --bind /dev/null "$1"; fi; shift; done; shift; exec "$@"';
    return ['sh', '-c', script, 'sh', ...existing(hide), '--', ...then];
}
function existing(paths) {
    return paths.filter((p) => {
        try {
            (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.statSync)(p);
            return true;
        }
        catch {
            return false;
        }
    });
}
/**
 * What the sandbox masks by default (bwrap): files where tools keep credentials in the real home,
 * the runner's temp folder (step scripts, `GITHUB_ENV` files, actions/checkout's credentials
 * file), and the Docker socket (the `docker` group is root). Paths that hold `keep` (the working
 * tree, the sandbox's own home) are never masked.
 */
function defaultHiddenPaths(env, keep) {
    const home = env.HOME || (0,node_os__WEBPACK_IMPORTED_MODULE_2__.homedir)();
    const candidates = [
        ...[
            '.git-credentials',
            '.gitconfig',
            '.config/git',
            '.netrc',
            '.npmrc',
            '.yarnrc.yml',
            '.pypirc',
            '.docker',
            '.config/gh',
            '.aws',
            '.azure',
            '.config/gcloud',
            '.kube',
            '.ssh',
            '.gnupg',
        ].map((p) => (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(home, p)),
        ...(env.RUNNER_TEMP ? [env.RUNNER_TEMP] : []),
        '/run/docker.sock',
        '/var/run/docker.sock',
        '/run/containerd/containerd.sock',
    ];
    const real = (p) => {
        try {
            return (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.realpathSync)((0,node_path__WEBPACK_IMPORTED_MODULE_3__.resolve)(p));
        }
        catch {
            return undefined;
        }
    };
    const kept = keep.map((k) => real(k) ?? (0,node_path__WEBPACK_IMPORTED_MODULE_3__.resolve)(k));
    const found = candidates.map(real).filter((c) => c !== undefined);
    return [...new Set(found)].filter((c) => !kept.some((k) => k === c || k.startsWith(c + node_path__WEBPACK_IMPORTED_MODULE_3__.sep)));
}


/***/ }),

/***/ 1526:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  _: () => (/* binding */ createSandbox)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./.build/src/sandbox/isolation.js
var sandbox_isolation = __webpack_require__(5283);
;// CONCATENATED MODULE: ./.build/src/sandbox/sandbox-env.js
/**
 * The environment of anything that runs repository code: an allow-list, never a deny-list. The
 * runner's environment holds the GitHub token, provider keys, `INPUT_*` (the action's inputs,
 * secrets among them), `ACTIONS_*` (the runtime token) and whatever secrets a workflow mapped into
 * `env:`; none of that is named here, so none of it gets through. Callers add what a tool needs
 * explicitly (`pass` names taken from the base environment, `set` values of their own).
 */
/** Taken from the caller's environment when set. HOME and TMPDIR are always replaced. */
const ALLOWED_ENV_NAMES = Object.freeze([
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
const SECRET_NAME = /TOKEN|SECRET|PASSW|CREDENTIAL|PRIVATE|API_?KEY|ACCESS_?KEY|AUTH|COOKIE|SESSION|^INPUT_|^ACTIONS_|^GITHUB_TOKEN$/i;
function isSecretLookingName(name) {
    return SECRET_NAME.test(name);
}
/** Throws on a `pass` name that looks like a secret: asking for one is a bug, not a preference. */
function sandboxEnv(input) {
    const env = {};
    for (const name of [...ALLOWED_ENV_NAMES, ...(input.pass ?? [])]) {
        if (isSecretLookingName(name))
            throw new Error(`The sandbox never passes "${name}": it looks like a secret.`);
        const value = input.base[name];
        if (value !== undefined)
            env[name] = value;
    }
    if (process.platform === 'win32') {
        for (const name of WINDOWS_NAMES) {
            const key = Object.keys(input.base).find((k) => k.toLowerCase() === name.toLowerCase());
            if (key !== undefined && input.base[key] !== undefined)
                env[name] = input.base[key];
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

;// CONCATENATED MODULE: ./.build/src/sandbox/sandbox.js
/**
 * One sandbox per untrusted run (a validator pass, an agent run): a private HOME and TMPDIR, the
 * allow-listed environment (sandbox-env.ts), and the process isolation detected for this machine
 * (isolation.ts). Callers spawn what `command()` returns with `extendEnv: false` and nothing else.
 */





async function createSandbox(options = {}) {
    const base = options.baseEnv ?? process.env;
    const isolation = options.isolation ?? (await (0,sandbox_isolation.detectIsolation)({ env: base }));
    const dir = await (0,promises_.mkdtemp)((0,external_node_path_.join)(options.tempDir ?? (0,external_node_os_.tmpdir)(), options.prefix ?? 'aethr-sandbox-'));
    const home = (0,external_node_path_.join)(dir, 'home');
    const tmp = (0,external_node_path_.join)(dir, 'tmp');
    await (0,promises_.mkdir)(home, { recursive: true });
    await (0,promises_.mkdir)(tmp, { recursive: true });
    const env = sandboxEnv({
        base,
        home,
        tmp,
        ...(options.passEnv ? { pass: options.passEnv } : {}),
        ...(options.setEnv ? { set: options.setEnv } : {}),
    });
    return {
        isolation,
        dir,
        home,
        env,
        command(argv, opts) {
            const full = { ...env, ...(opts.env ?? {}) };
            const hide = [...(0,sandbox_isolation/* defaultHiddenPaths */.EO)(base, [opts.cwd, dir]), ...(options.hide ?? [])];
            const cmd = (0,sandbox_isolation/* isolatedArgv */.Q3)(isolation, argv, { cwd: opts.cwd, env: full, hide });
            return { ...cmd, env: full, cwd: opts.cwd };
        },
        async dispose() {
            await (0,promises_.rm)(dir, { recursive: true, force: true, maxRetries: 3 }).catch(() => undefined);
        },
    };
}


/***/ }),

/***/ 852:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ye: () => (/* binding */ assertCanRunUntrusted)
/* harmony export */ });
/* unused harmony exports canRunUntrusted, SandboxUnavailable */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6624);
/**
 * Whether code from this pull request may be run here at all (validators, agents). Untrusted code
 * — a fork's PR, anything on `pull_request_target` — runs only inside real process isolation; the
 * answer says why not, and what would enable it, in words a summary can show.
 */

function canRunUntrusted(context) {
    const { isolation } = context;
    const what = context.what ?? 'repository code';
    if (isolation.mode !== 'none')
        return { ok: true, isolation, note: `${what} ran sandboxed (${isolation.description}).` };
    if (!context.untrusted)
        return {
            ok: true,
            isolation,
            note: `${what} ran with an allow-listed environment and no git credentials, but without process isolation (${isolation.description}).`,
        };
    return {
        ok: false,
        isolation,
        reason: `${what} did not run: this pull request's code is untrusted and no process isolation is available on this runner (${isolation.description}).`,
        fix: 'Install bubblewrap (`sudo apt-get install -y bubblewrap`) in an earlier step, or allow unprivileged user namespaces, or run on a runner with passwordless sudo (GitHub-hosted runners have it).',
    };
}
/** Untrusted code and no isolation: nothing was run. `hint` says what to enable. */
class SandboxUnavailable extends _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .AethrError */ .j {
    reason;
    name = 'SandboxUnavailable';
    constructor(reason, fix) {
        super(reason, { hint: fix });
        this.reason = reason;
    }
}
/** `canRunUntrusted`, throwing `SandboxUnavailable` when the answer is no. */
function assertCanRunUntrusted(context) {
    const decision = canRunUntrusted(context);
    if (!decision.ok)
        throw new SandboxUnavailable(decision.reason, decision.fix);
}


/***/ })

};
