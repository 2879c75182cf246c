export const id = 283;
export const ids = [283];
export const modules = {

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


/***/ })

};
