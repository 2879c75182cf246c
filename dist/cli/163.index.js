export const id = 163;
export const ids = [163];
export const modules = {

/***/ 9308:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $z: () => (/* binding */ opencodeCommand),
/* harmony export */   oq: () => (/* binding */ findExecutable),
/* harmony export */   uz: () => (/* binding */ OPENCODE_BIN_ENV)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/** Finds the opencode executable: an explicit path, `AETHR_OPENCODE_BIN`, or `opencode` on PATH. */



const OPENCODE_BIN_ENV = 'AETHR_OPENCODE_BIN';
/** What to look for: `bin` when given, else `AETHR_OPENCODE_BIN`, else `opencode`. */
function opencodeCommand(bin, env) {
    const fromEnv = env[OPENCODE_BIN_ENV]?.trim();
    return bin?.trim() || fromEnv || 'opencode';
}
async function isExecutableFile(path) {
    try {
        if (!(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.stat)(path)).isFile())
            return false;
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.access)(path, node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.X_OK);
        return true;
    }
    catch {
        return false;
    }
}
/**
 * The absolute path of `command` when it names an executable file: a path (relative to `cwd`) when
 * it contains a slash, otherwise the first match on `env.PATH`. Undefined when there is none.
 */
async function findExecutable(command, env, cwd) {
    if (command.includes('/') || command.includes('\\')) {
        const path = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.isAbsolute)(command) ? command : (0,node_path__WEBPACK_IMPORTED_MODULE_2__.resolve)(cwd, command);
        return (await isExecutableFile(path)) ? path : undefined;
    }
    for (const dir of (env.PATH ?? '').split(node_path__WEBPACK_IMPORTED_MODULE_2__.delimiter)) {
        if (dir === '')
            continue;
        const path = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, command);
        if (await isExecutableFile(path))
            return path;
    }
    return undefined;
}


/***/ }),

/***/ 9163:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  authCommand: () => (/* binding */ authCommand)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
// EXTERNAL MODULE: ./.build/src/errors.js
var errors = __webpack_require__(6624);
// EXTERNAL MODULE: ./.build/src/git/run-git.js
var run_git = __webpack_require__(9724);
// EXTERNAL MODULE: ./.build/src/models/env-file.js
var env_file = __webpack_require__(244);
// EXTERNAL MODULE: ./.build/src/models/providers.js
var providers = __webpack_require__(152);
;// CONCATENATED MODULE: ./.build/src/cli/dotenv-edit.js
/**
 * Editing a project `.env` and `.gitignore` as text, for `aethr auth login`: set one variable
 * (replacing earlier lines of the same name, keeping every other line and comment as it was),
 * and make sure `.env` is ignored. Pure; the command does the file I/O.
 */

/** How a key is written: bare when it is plain, else quoted so `#` and spaces survive. */
function formatEnvValue(value) {
    if (/^[A-Za-z0-9_\-./+=:@~,%]+$/.test(value))
        return value;
    if (!value.includes("'"))
        return `'${value}'`;
    if (!/["\\]/.test(value))
        return `"${value}"`;
    return undefined;
}
/**
 * `text` with `name=value` set: the first line that assigns `name` is replaced, later ones are
 * removed, or the line is appended. Undefined when the value cannot be written so that
 * Node's `.env` parser reads it back unchanged.
 */
function setEnvVariable(text, name, value) {
    const formatted = formatEnvValue(value);
    if (formatted === undefined)
        return undefined;
    const line = `${name}=${formatted}`;
    const assigns = new RegExp(`^\\s*(?:export\\s+)?${name}\\s*=`);
    const lines = text === '' ? [] : text.replace(/\r\n/g, '\n').replace(/\n$/, '').split('\n');
    let placed = false;
    const out = [];
    for (const current of lines) {
        if (!assigns.test(current))
            out.push(current);
        else if (!placed) {
            out.push(line);
            placed = true;
        }
    }
    if (!placed)
        out.push(line);
    const result = `${out.join('\n')}\n`;
    return (0,external_node_util_.parseEnv)(result)[name] === value ? result : undefined;
}
/** Whether a `.gitignore` text has a line that ignores `.env` at its own level. */
function gitignoreCoversEnv(text) {
    return text
        .split(/\r?\n/)
        .map((l) => l.trim())
        .some((l) => ['.env', '/.env', '.env*', '/.env*', '*.env'].includes(l));
}
/** `.gitignore` text with `.env` added on its own line. */
function addEnvToGitignore(text) {
    const base = text === '' || text.endsWith('\n') ? text : `${text}\n`;
    return `${base}# Provider keys written by "aethr auth login"\n.env\n`;
}

;// CONCATENATED MODULE: ./.build/src/cli/read-secret.js
/**
 * Reads one secret line: on a terminal through a prompt that echoes nothing, otherwise from
 * standard input (`echo "$KEY" | aethr auth login openai`). The secret is never written out.
 */

const MAX_SECRET_BYTES = 64 * 1024;
async function readSecret(prompt, stdin = process.stdin, write = (text) => process.stderr.write(text)) {
    return stdin.isTTY ? readHidden(prompt, stdin, write) : readPiped(stdin);
}
async function readPiped(stdin) {
    let text = '';
    for await (const chunk of stdin) {
        text += String(chunk);
        if (text.length > MAX_SECRET_BYTES) {
            throw new errors/* AethrError */.j('Standard input is too long to be a key.', {
                hint: 'Pipe just the key: echo "$OPENAI_API_KEY" | aethr auth login openai',
            });
        }
    }
    return text.split(/\r?\n/).find((line) => line.trim() !== '') ?? '';
}
function readHidden(prompt, stdin, write) {
    write(prompt);
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding('utf8');
    let value = '';
    return new Promise((resolve, reject) => {
        const finish = (error) => {
            stdin.off('data', onData);
            stdin.setRawMode(false);
            stdin.pause();
            write('\n');
            if (error)
                reject(error);
            else
                resolve(value);
        };
        const onData = (chunk) => {
            for (const ch of chunk) {
                if (ch === '\r' || ch === '\n')
                    return finish();
                if (ch === '\u0003' || ch === '\u0004') {
                    return finish(new errors/* AethrError */.j('Cancelled; nothing was written.'));
                }
                if (ch === '\u007f' || ch === '\b')
                    value = value.slice(0, -1);
                else if (ch >= ' ')
                    value += ch;
            }
        };
        stdin.on('data', onData);
    });
}

// EXTERNAL MODULE: ./.build/src/cli/self-command.js
var self_command = __webpack_require__(7098);
// EXTERNAL MODULE: ./.build/src/cli/usage.js
var usage = __webpack_require__(8149);
;// CONCATENATED MODULE: ./.build/src/cli/commands/auth.js
/**
 * `aethr auth login <provider>`: writes a provider key into the project `.env` (read from a
 * hidden prompt or stdin), and makes sure git ignores that file. `aethr auth status`: which
 * providers have a key, and where it comes from. No key is ever printed, not even in part.
 */











const PROVIDER_NAMES = [...Object.keys(providers/* PROVIDERS */.xq), ...Object.keys(providers/* PROVIDER_ALIASES */.Pm)];
async function authCommand(argv, io, cwd = process.cwd()) {
    const { positionals } = (0,external_node_util_.parseArgs)({
        args: argv,
        allowPositionals: true,
        options: { verbose: { type: 'boolean' } },
    });
    const [action, provider, ...extra] = positionals;
    if (action === 'status' && provider === undefined)
        return auth_status(io, cwd);
    if (action === 'login') {
        if (provider === undefined || extra.length > 0) {
            throw new usage/* UsageError */.eb('auth login takes one provider name', {
                command: 'auth',
                hint: `One of: ${PROVIDER_NAMES.join(', ')}.`,
            });
        }
        return login(provider, io, cwd);
    }
    if (action === undefined)
        throw new usage/* UsageError */.eb('auth needs login or status', { command: 'auth' });
    if (action === 'status')
        throw new usage/* UsageError */.eb('auth status takes no argument', { command: 'auth' });
    throw (0,usage/* unknownWord */.$5)('auth action', action, ['login', 'status'], 'auth');
}
function specFor(name) {
    const lower = name.toLowerCase();
    const spec = providers/* PROVIDERS */.xq[providers/* PROVIDER_ALIASES */.Pm[lower] ?? lower];
    if (!spec)
        throw (0,usage/* unknownWord */.$5)('provider', name, PROVIDER_NAMES, 'auth');
    return spec;
}
async function readText(file) {
    try {
        return await (0,promises_.readFile)(file, 'utf8');
    }
    catch (error) {
        if (error.code === 'ENOENT')
            return undefined;
        throw error;
    }
}
async function login(providerName, io, cwd) {
    const spec = specFor(providerName);
    const variable = spec.keyEnvNames[0];
    const key = (await readSecret(`${spec.label} key for ${variable} (input hidden): `)).trim();
    if (key === '') {
        throw new errors/* AethrError */.j('No key was given; nothing was written.', {
            hint: `Paste the key at the prompt, or pipe it: echo "$${variable}" | aethr auth login ${spec.name}`,
        });
    }
    if (/[\s\p{Cc}]/u.test(key)) {
        throw new errors/* AethrError */.j('The key contains spaces or control characters; nothing was written.', {
            hint: 'Copy the key again: it is one word.',
        });
    }
    const envFile = (0,external_node_path_.join)(cwd, '.env');
    const before = await readText(envFile);
    const text = setEnvVariable(before ?? '', variable, key);
    if (text === undefined) {
        throw new errors/* AethrError */.j(`This key cannot be written to ${envFile} so that it reads back unchanged.`, {
            hint: `Set ${variable} in your environment instead.`,
        });
    }
    // Write beside the file, then rename: an interrupted write never leaves half a .env.
    const temp = `${envFile}.aethr-${process.pid}`;
    await (0,promises_.writeFile)(temp, text, { mode: 0o600 });
    await (0,promises_.chmod)(temp, 0o600);
    await (0,promises_.rename)(temp, envFile);
    io.out(`Saved ${variable} to ${envFile} (readable by you only).\n`);
    for (const line of await protectEnvFile(cwd))
        io.out(`${line}\n`);
    if ((0,providers/* envValue */.$R)(process.env, variable) !== undefined) {
        io.err(`note: ${variable} is also set in your environment, and that value wins over .env.\n`);
    }
    const aethr = await (0,self_command/* selfCommand */.e)(process.argv[1] ?? 'aethr', process.env, cwd);
    io.out(`Next: AETHR_LIVE=1 ${aethr} run "describe your task" (models: ${spec.name}:…)\n`);
    return 0;
}
/** Ignores `.env` in git (adding it to .gitignore when needed); returns lines to print. */
async function protectEnvFile(cwd) {
    const gitignore = (0,external_node_path_.join)(cwd, '.gitignore');
    const text = (await readText(gitignore)) ?? '';
    const inRepo = await (0,run_git/* isGitRepo */.tj)(cwd).catch(() => false);
    const lines = [];
    const ignored = inRepo
        ? (await (0,run_git/* runGit */.EO)(cwd, ['check-ignore', '-q', '--no-index', '.env'], { okCodes: [1] })).code === 0
        : gitignoreCoversEnv(text);
    if (!ignored) {
        await (0,promises_.writeFile)(gitignore, addEnvToGitignore(text));
        lines.push(`Added .env to ${gitignore}.`);
    }
    if (inRepo) {
        const tracked = await (0,run_git/* runGit */.EO)(cwd, ['ls-files', '--', '.env']);
        if (tracked.stdout.trim() !== '') {
            lines.push('warning: .env is tracked by git, so the key would be committed. Untrack it: git rm --cached .env');
        }
    }
    return lines;
}
function auth_status(io, cwd) {
    const dotenv = (0,env_file/* loadDotEnv */.XS)(cwd, {});
    const rows = Object.values(providers/* PROVIDERS */.xq).map((spec) => {
        const fromEnv = spec.keyEnvNames.find((n) => (0,providers/* envValue */.$R)(process.env, n) !== undefined);
        const fromFile = spec.keyEnvNames.find((n) => (0,providers/* envValue */.$R)(dotenv.env, n) !== undefined);
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
    const merged = (0,env_file/* loadDotEnv */.XS)(cwd, process.env).env;
    const live = merged.AETHR_LIVE === '1' || merged.AETHR_LIVE === 'true';
    io.out(live
        ? '\nLive mode (AETHR_LIVE=1): roles whose provider has a key call it.\n'
        : '\nMock mode: set AETHR_LIVE=1 to call the models with these keys.\n');
    return 0;
}


/***/ }),

/***/ 7098:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   e: () => (/* binding */ selfCommand)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var _backends_opencode_find_binary_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9308);
/**
 * How to run aethr again, for "Next: …" lines: `aethr` when that name on PATH is this very
 * program, `npx aethr` for a project-local install, `npx -p aethr-action aethr` for a one-off
 * npx, and otherwise `node <path of this script>`. A suggested command must work when pasted.
 */



function real(path) {
    try {
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync)(path);
    }
    catch {
        return path;
    }
}
async function selfCommand(script, env, cwd) {
    const self = real(script);
    const parts = self.split(node_path__WEBPACK_IMPORTED_MODULE_1__.sep);
    const local = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.relative)(real(cwd), self);
    const inProject = parts.includes('node_modules') && !local.startsWith('..');
    // Under npx the package's bin folder is on PATH only for this one command.
    const viaNpx = env.npm_command === 'exec' || parts.includes('_npx');
    if (viaNpx)
        return inProject ? 'npx aethr' : 'npx -p aethr-action aethr';
    const onPath = await (0,_backends_opencode_find_binary_js__WEBPACK_IMPORTED_MODULE_2__/* .findExecutable */ .oq)('aethr', env, cwd);
    if (onPath && real(onPath) === self)
        return 'aethr';
    if (inProject)
        return 'npx aethr';
    const shown = local.startsWith('..') ? self : local;
    return `node ${/\s/.test(shown) ? JSON.stringify(shown) : shown}`;
}


/***/ }),

/***/ 9724:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EO: () => (/* binding */ runGit),
/* harmony export */   XS: () => (/* binding */ GitError),
/* harmony export */   jv: () => (/* binding */ repoRoot),
/* harmony export */   tj: () => (/* binding */ isGitRepo)
/* harmony export */ });
/* unused harmony exports DEFAULT_GIT_TIMEOUT_MS, DEFAULT_GIT_MAX_BYTES, gitEnv */
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6624);
/**
 * The one place that starts `git`. Always an argv (never a shell), never interactive, never paged,
 * with a stable locale so callers can parse messages, bounded in time and output size.
 */



class GitError extends _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .AethrError */ .j {
    name = 'GitError';
    kind;
    args;
    cwd;
    /** The exit code, when git ran to completion. */
    exitCode;
    stderr;
    constructor(message, details) {
        super(message, { cause: details.cause, hint: details.hint });
        this.kind = details.kind;
        this.args = details.args;
        this.cwd = details.cwd;
        this.exitCode = details.exitCode;
        this.stderr = details.stderr ?? '';
    }
}
const DEFAULT_GIT_TIMEOUT_MS = 120_000;
const DEFAULT_GIT_MAX_BYTES = 64 * 1024 * 1024;
/** Global options put before every subcommand. */
const GLOBAL_ARGS = ['--no-pager', '-c', 'core.quotepath=off'];
/** Environment that keeps git non-interactive and its output stable. */
function gitEnv(extra) {
    return {
        ...process.env,
        GIT_TERMINAL_PROMPT: '0',
        GCM_INTERACTIVE: 'never',
        GIT_PAGER: 'cat',
        PAGER: 'cat',
        // git treats ":" as "do not launch an editor" (merge/commit messages are then taken as given).
        GIT_EDITOR: ':',
        LC_ALL: 'C',
        LANGUAGE: 'C',
        ...extra,
    };
}
/** `git diff HEAD` style description of the command, for messages (never includes stdin). */
function describe(args) {
    const shown = args.slice(0, 8).join(' ');
    return `git ${shown}${args.length > 8 ? ' …' : ''}`;
}
function firstLines(text, max = 3) {
    return text
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l !== '')
        .slice(0, max)
        .join(' / ');
}
/**
 * Runs `git <args>` in `cwd`. Resolves when the exit code is in `okCodes`; otherwise rejects
 * with a GitError whose `kind` says why.
 */
function runGit(cwd, args, opts = {}) {
    const okCodes = opts.okCodes ?? [];
    const maxBytes = opts.maxBytes ?? DEFAULT_GIT_MAX_BYTES;
    const argv = [...GLOBAL_ARGS, ...args];
    const what = describe(args);
    return new Promise((resolve, reject) => {
        const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.execFile)('git', argv, {
            cwd,
            env: gitEnv(opts.env),
            encoding: 'buffer',
            maxBuffer: maxBytes,
            timeout: opts.timeoutMs ?? DEFAULT_GIT_TIMEOUT_MS,
            killSignal: 'SIGKILL',
            windowsHide: true,
            shell: false,
            ...(opts.signal ? { signal: opts.signal } : {}),
        }, (error, stdoutBuf, stderrBuf) => {
            const stdout = Buffer.isBuffer(stdoutBuf)
                ? stdoutBuf.toString('utf8')
                : String(stdoutBuf ?? '');
            const stderr = Buffer.isBuffer(stderrBuf)
                ? stderrBuf.toString('utf8')
                : String(stderrBuf ?? '');
            if (!error) {
                resolve({ stdout, stderr, code: 0 });
                return;
            }
            void settleFailure(error, {
                what,
                args,
                cwd,
                stdout,
                stderr,
                opts,
                okCodes,
                maxBytes,
            }).then((settled) => (settled instanceof GitError ? reject(settled) : resolve(settled)));
        });
        if (child.stdin) {
            child.stdin.on('error', () => {
                // git may exit before reading all its input (EPIPE); the exit code tells the story.
            });
            child.stdin.end(opts.input ?? '');
        }
    });
}
/** What a failed execFile means: an accepted exit code, a truncated result, or a GitError. */
async function settleFailure(error, f) {
    const { what, args, cwd, stdout, stderr, opts } = f;
    const err = error;
    const fail = (message, kind, extra = {}) => new GitError(message, { kind, args, cwd, stderr, cause: error, ...extra });
    if (err.code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER') {
        return opts.onOverflow === 'truncate'
            ? { stdout, stderr, code: 0, truncated: true }
            : fail(`${what} produced more than ${f.maxBytes} bytes of output`, 'output-too-large');
    }
    if (err.name === 'AbortError' || err.code === 'ABORT_ERR')
        return fail(`${what} was cancelled`, 'aborted');
    if (err.code === 'ENOENT' && err.syscall?.startsWith('spawn')) {
        // Node reports a missing cwd and a missing binary the same way: tell them apart.
        const dir = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.stat)(cwd).then((st) => st.isDirectory(), () => undefined);
        if (dir === undefined)
            return fail(`cannot run git: ${cwd} does not exist`, 'bad-cwd');
        if (!dir)
            return fail(`cannot run git: ${cwd} is not a directory`, 'bad-cwd');
        return fail('git is not installed or not on PATH', 'not-installed', {
            hint: 'Install git (https://git-scm.com) and make sure `git --version` works in this shell.',
        });
    }
    if (typeof err.code === 'number') {
        if (f.okCodes.includes(err.code))
            return { stdout, stderr, code: err.code };
        const detail = firstLines(stderr) || firstLines(stdout);
        return new GitError(`${what} failed (exit ${err.code})${detail ? `: ${detail}` : ''}`, {
            kind: 'exit',
            args,
            cwd,
            exitCode: err.code,
            stderr,
            cause: error,
        });
    }
    if (err.killed || err.signal) {
        const timedOut = err.killed === true;
        return fail(timedOut
            ? `${what} timed out after ${opts.timeoutMs ?? DEFAULT_GIT_TIMEOUT_MS} ms`
            : `${what} was killed by ${String(err.signal)}`, timedOut ? 'timeout' : 'spawn');
    }
    return fail(`${what} could not run: ${err.message}`, 'spawn');
}
/**
 * True when `cwd` is inside a git work tree. False when git says it is not a repository (or
 * `cwd` is inside `.git`). Rejects with a GitError when git is missing or fails otherwise
 * (e.g. "dubious ownership"), so callers can tell "not a repo" from "cannot tell".
 */
async function isGitRepo(cwd) {
    const res = await runGit(cwd, ['rev-parse', '--is-inside-work-tree'], {
        okCodes: [0, 128],
        timeoutMs: 30_000,
    });
    if (res.code === 0)
        return res.stdout.trim() === 'true';
    if (/not a git repository/i.test(res.stderr))
        return false;
    throw new GitError(`git rev-parse failed in ${cwd}: ${firstLines(res.stderr) || 'exit 128'}`, {
        kind: 'exit',
        args: ['rev-parse', '--is-inside-work-tree'],
        cwd,
        exitCode: 128,
        stderr: res.stderr,
    });
}
/** The absolute top-level directory of the work tree containing `cwd` (rejects outside git). */
async function repoRoot(cwd) {
    const res = await runGit(cwd, ['rev-parse', '--show-toplevel'], { timeoutMs: 30_000 });
    const top = res.stdout.replace(/\r?\n$/, '');
    if (top === '') {
        throw new GitError(`${cwd} is not inside a git work tree`, {
            kind: 'exit',
            args: ['rev-parse', '--show-toplevel'],
            cwd,
            exitCode: 0,
            stderr: res.stderr,
        });
    }
    return top;
}


/***/ }),

/***/ 244:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   XS: () => (/* binding */ loadDotEnv),
/* harmony export */   zr: () => (/* binding */ loadProjectEnv)
/* harmony export */ });
/* unused harmony exports MAX_ENV_FILE_BYTES, withDotEnv */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7975);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6624);
/**
 * The project `.env`: read with Node's `util.parseEnv` and merged UNDER the environment, so a
 * variable that is already set (non-empty) always wins over the file. Nothing is written to
 * `process.env`: the door decides what to do with the merged object.
 *
 * A missing file is normal (found: false). A file that exists but cannot be read, or is larger
 * than 1 MiB, is an AethrError with a hint.
 */




const MAX_ENV_FILE_BYTES = 1024 * 1024;
function isSet(value) {
    return typeof value === 'string' && value.length > 0;
}
/**
 * Loads `<projectDir>/.env` (or `options.fileName`) under `baseEnv` (default `process.env`).
 * Returns a new object; `baseEnv` is not modified.
 */
function loadDotEnv(projectDir, baseEnv = process.env, options = {}) {
    const file = node_path__WEBPACK_IMPORTED_MODULE_1__.resolve(projectDir, options.fileName ?? '.env');
    const env = { ...baseEnv };
    const result = { env, path: file, found: false, loaded: [], ignored: [] };
    let text;
    try {
        const stat = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(file);
        if (!stat.isFile()) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .AethrError */ .j(`${file} is not a regular file.`, {
                hint: 'Remove it or rename it; Aethr reads .env as a file of KEY=value lines.',
            });
        }
        if (stat.size > MAX_ENV_FILE_BYTES) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .AethrError */ .j(`${file} is ${stat.size} bytes, more than the ${MAX_ENV_FILE_BYTES} bytes Aethr reads.`, {
                hint: 'A .env file holds KEY=value lines; check that this is the right file.',
            });
        }
        text = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(file, 'utf8');
    }
    catch (error) {
        if (error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .AethrError */ .j)
            throw error;
        const code = error.code;
        if (code === 'ENOENT' || code === 'ENOTDIR')
            return result;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .AethrError */ .j(`Could not read ${file}: ${error.message}`, {
            cause: error,
            hint: 'Check the file permissions, or remove the file if you do not need it.',
        });
    }
    result.found = true;
    const parsed = (0,node_util__WEBPACK_IMPORTED_MODULE_2__.parseEnv)(text.replace(/^\uFEFF/, ''));
    for (const [name, value] of Object.entries(parsed)) {
        if (value === undefined)
            continue;
        if (isSet(env[name])) {
            result.ignored.push(name);
        }
        else {
            env[name] = value;
            result.loaded.push(name);
        }
    }
    return result;
}
/** The merged environment only: `loadDotEnv(projectDir, baseEnv).env`. */
function withDotEnv(projectDir, baseEnv = process.env) {
    return loadDotEnv(projectDir, baseEnv).env;
}
/**
 * The door's entry point: the environment merged with the project `.env` (existing variables win).
 * Async so a door can await it alongside other start-up work; the read itself is small and sync.
 */
async function loadProjectEnv(projectDir, baseEnv = process.env) {
    return loadDotEnv(projectDir, baseEnv).env;
}


/***/ }),

/***/ 3332:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   m: () => (/* binding */ ModelError)
/* harmony export */ });
/* unused harmony export isModelError */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6624);
/* harmony import */ var _redact_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3033);
/**
 * The one error type of the models layer. Its message says what happened in the user's terms
 * (which provider, model, env var or base URL), its `hint` says what to do, and both are redacted:
 * an API key never appears in either.
 */


class ModelError extends _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .AethrError */ .j {
    name = 'ModelError';
    kind;
    status;
    provider;
    ref;
    baseURL;
    apiMessage;
    constructor(message, options) {
        const secrets = options.secrets ?? [];
        super((0,_redact_js__WEBPACK_IMPORTED_MODULE_1__/* .redactSecrets */ .fp)(message, secrets), {
            hint: options.hint === undefined ? undefined : (0,_redact_js__WEBPACK_IMPORTED_MODULE_1__/* .redactSecrets */ .fp)(options.hint, secrets),
            // The raw cause may carry provider text; keep only a redacted copy of its message.
            cause: options.cause === undefined ? undefined : redactedCause(options.cause, secrets),
        });
        this.kind = options.kind;
        this.status = options.status;
        this.provider = options.provider;
        this.ref = options.ref;
        this.baseURL =
            options.baseURL === undefined ? undefined : (0,_redact_js__WEBPACK_IMPORTED_MODULE_1__/* .redactSecrets */ .fp)(options.baseURL, secrets);
        this.apiMessage =
            options.apiMessage === undefined ? undefined : (0,_redact_js__WEBPACK_IMPORTED_MODULE_1__/* .redactSecrets */ .fp)(options.apiMessage, secrets);
    }
}
function redactedCause(cause, secrets) {
    const message = cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause);
    return new Error((0,_redact_js__WEBPACK_IMPORTED_MODULE_1__/* .redactSecrets */ .fp)(message, secrets));
}
function isModelError(value) {
    return value instanceof ModelError;
}


/***/ }),

/***/ 152:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $R: () => (/* binding */ envValue),
/* harmony export */   Kd: () => (/* binding */ resolveProvider),
/* harmony export */   Pm: () => (/* binding */ PROVIDER_ALIASES),
/* harmony export */   qV: () => (/* binding */ parseModelRef),
/* harmony export */   re: () => (/* binding */ keyEnvLabel),
/* harmony export */   xq: () => (/* binding */ PROVIDERS)
/* harmony export */ });
/* unused harmony exports DEFAULT_PROVIDER, envPrefix, canonicalProvider, providerSpec, isLocalBaseURL */
/* harmony import */ var _model_error_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3332);
/**
 * Provider routing: `provider:model` -> the OpenAI-compatible endpoint, key and base URL to use.
 *
 * Built-in providers (base URLs from each provider's OpenAI-compatibility documentation):
 *
 * | provider            | default base URL                                          | key env                          | base URL env         |
 * |---------------------|-----------------------------------------------------------|----------------------------------|----------------------|
 * | `openai`            | https://api.openai.com/v1                                 | OPENAI_API_KEY                   | OPENAI_BASE_URL      |
 * | `anthropic`         | https://api.anthropic.com/v1/                             | ANTHROPIC_API_KEY                | ANTHROPIC_BASE_URL   |
 * | `google` / `gemini` | https://generativelanguage.googleapis.com/v1beta/openai/  | GEMINI_API_KEY, GOOGLE_API_KEY   | GEMINI_BASE_URL      |
 * | `openrouter`        | https://openrouter.ai/api/v1                              | OPENROUTER_API_KEY               | OPENROUTER_BASE_URL  |
 * | `xai`               | https://api.x.ai/v1                                       | XAI_API_KEY                      | XAI_BASE_URL         |
 * | `azure`             | (none) AZURE_OPENAI_ENDPOINT + `/openai/v1/`              | AZURE_OPENAI_API_KEY             | AZURE_OPENAI_BASE_URL|
 *
 * For Azure the model part is the deployment name (`azure:my-gpt-4o-deployment`); the v1 API
 * (`https://<resource>.openai.azure.com/openai/v1/`) takes the key from the standard client, and we
 * also send it as the `api-key` header.
 *
 * Any other provider name routes by convention: `foo:some-model` uses `FOO_BASE_URL` and
 * `FOO_API_KEY` (the name upper-cased, `-` and `.` turned into `_`). Such a provider has no default
 * base URL: without `FOO_BASE_URL` it cannot be called.
 *
 * A key is optional only for local servers: when the base URL was set through the environment and
 * points at a loopback or private address (localhost, 127.x, ::1, 10.x, 192.168.x, 172.16-31.x,
 * *.local, host.docker.internal). Ollama, LM Studio, vLLM or llama.cpp on your machine then work
 * without a key (`OLLAMA_BASE_URL=http://localhost:11434/v1`, model `ollama:llama3.2`). Anything
 * else needs its key; without one the gateway falls back to the mock model and says why.
 *
 * Environment values are trimmed, and an empty value counts as unset.
 */

const PROVIDERS = {
    openai: {
        name: 'openai',
        label: 'OpenAI',
        defaultBaseURL: 'https://api.openai.com/v1',
        baseURLEnvNames: ['OPENAI_BASE_URL'],
        keyEnvNames: ['OPENAI_API_KEY'],
        maxTokensParam: 'max_completion_tokens',
        keyHelp: 'https://platform.openai.com/api-keys',
    },
    anthropic: {
        name: 'anthropic',
        label: 'Anthropic',
        defaultBaseURL: 'https://api.anthropic.com/v1/',
        baseURLEnvNames: ['ANTHROPIC_BASE_URL'],
        keyEnvNames: ['ANTHROPIC_API_KEY'],
        maxTokensParam: 'max_tokens',
        keyHelp: 'https://console.anthropic.com/settings/keys',
    },
    google: {
        name: 'google',
        label: 'Google Gemini',
        defaultBaseURL: 'https://generativelanguage.googleapis.com/v1beta/openai/',
        baseURLEnvNames: ['GEMINI_BASE_URL'],
        keyEnvNames: ['GEMINI_API_KEY', 'GOOGLE_API_KEY'],
        maxTokensParam: 'max_tokens',
        keyHelp: 'https://aistudio.google.com/apikey',
    },
    openrouter: {
        name: 'openrouter',
        label: 'OpenRouter',
        defaultBaseURL: 'https://openrouter.ai/api/v1',
        baseURLEnvNames: ['OPENROUTER_BASE_URL'],
        keyEnvNames: ['OPENROUTER_API_KEY'],
        maxTokensParam: 'max_tokens',
        keyHelp: 'https://openrouter.ai/keys',
    },
    xai: {
        name: 'xai',
        label: 'xAI',
        defaultBaseURL: 'https://api.x.ai/v1',
        baseURLEnvNames: ['XAI_BASE_URL'],
        keyEnvNames: ['XAI_API_KEY'],
        maxTokensParam: 'max_tokens',
        keyHelp: 'https://console.x.ai',
    },
    azure: {
        name: 'azure',
        label: 'Azure OpenAI',
        // No default: derived from AZURE_OPENAI_ENDPOINT when AZURE_OPENAI_BASE_URL is unset.
        baseURLEnvNames: ['AZURE_OPENAI_BASE_URL'],
        keyEnvNames: ['AZURE_OPENAI_API_KEY'],
        maxTokensParam: 'max_completion_tokens',
    },
};
const PROVIDER_ALIASES = { gemini: 'google' };
const DEFAULT_PROVIDER = 'openai';
/** Reads an env var: trimmed, empty counts as unset. */
function envValue(env, name) {
    const value = env[name];
    if (typeof value !== 'string')
        return undefined;
    const trimmed = value.trim();
    return trimmed.length > 0 ? trimmed : undefined;
}
function firstSet(env, names) {
    for (const name of names) {
        const value = envValue(env, name);
        if (value !== undefined)
            return { name, value };
    }
    return undefined;
}
/** `my-local.llm` -> `MY_LOCAL_LLM` (the prefix of `<PREFIX>_BASE_URL` / `<PREFIX>_API_KEY`). */
function envPrefix(provider) {
    return provider.toUpperCase().replace(/[^A-Z0-9]+/g, '_');
}
const PROVIDER_NAME = /^[a-z0-9][a-z0-9_.-]*$/;
/**
 * Splits `provider:model`. A bare model name (no colon) belongs to `openai`. The provider is
 * lower-cased; the model keeps its case and may itself contain colons or slashes
 * (`openrouter:meta-llama/llama-3.1-8b-instruct:free`).
 */
function parseModelRef(ref) {
    const text = ref.trim();
    const colon = text.indexOf(':');
    const provider = colon === -1 ? DEFAULT_PROVIDER : text.slice(0, colon).toLowerCase();
    const model = colon === -1 ? text : text.slice(colon + 1).trim();
    if (!model || /\s/.test(model) || !PROVIDER_NAME.test(provider)) {
        throw new _model_error_js__WEBPACK_IMPORTED_MODULE_0__/* .ModelError */ .m(`"${ref}" is not a valid model reference.`, {
            kind: 'config',
            ref,
            hint: 'Write models as "provider:model", for example "openai:gpt-4o-mini" or "anthropic:claude-sonnet-4-5".',
        });
    }
    return { provider, model, ref: `${provider}:${model}` };
}
function canonicalProvider(name) {
    const lower = name.toLowerCase();
    return PROVIDER_ALIASES[lower] ?? lower;
}
/** The table entry for a provider, or the convention-based spec for an unknown name. */
function providerSpec(name) {
    const canonical = canonicalProvider(name);
    const spec = PROVIDERS[canonical];
    if (spec)
        return { ...spec, known: true };
    const prefix = envPrefix(canonical);
    return {
        name: canonical,
        label: canonical,
        baseURLEnvNames: [`${prefix}_BASE_URL`],
        keyEnvNames: [`${prefix}_API_KEY`],
        maxTokensParam: 'max_tokens',
        known: false,
    };
}
/** True for loopback, private-network and `.local` hosts: servers you run yourself. */
function isLocalBaseURL(url) {
    let host;
    try {
        host = new URL(url).hostname.toLowerCase();
    }
    catch {
        return false;
    }
    host = host.replace(/^\[|\]$/g, '');
    if (host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.local'))
        return true;
    if (host === 'host.docker.internal' || host === '0.0.0.0' || host === '::1')
        return true;
    const v4 = /^(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(host);
    if (v4) {
        const a = Number(v4[1]);
        const b = Number(v4[2]);
        return a === 127 || a === 10 || (a === 192 && b === 168) || (a === 172 && b >= 16 && b <= 31);
    }
    return host.includes(':') && /^f[cd]/.test(host); // IPv6 unique local (fc00::/7)
}
/**
 * Where `ref` goes: provider, model, base URL and key, read from `env`. Never throws for a missing
 * key or base URL (those are reported through the fields; see `describeKeyProblem`), only for a
 * malformed reference.
 */
function resolveProvider(ref, env) {
    const parsed = parseModelRef(ref);
    const spec = providerSpec(parsed.provider);
    let baseURL;
    let baseURLSource = 'none';
    let baseURLEnvName;
    const fromEnv = firstSet(env, spec.baseURLEnvNames);
    if (fromEnv) {
        baseURL = fromEnv.value;
        baseURLSource = 'env';
        baseURLEnvName = fromEnv.name;
    }
    else if (spec.name === 'azure' && envValue(env, 'AZURE_OPENAI_ENDPOINT')) {
        baseURL = `${envValue(env, 'AZURE_OPENAI_ENDPOINT').replace(/\/+$/, '')}/openai/v1/`;
        baseURLSource = 'env';
        baseURLEnvName = 'AZURE_OPENAI_ENDPOINT';
    }
    else if (spec.defaultBaseURL) {
        baseURL = spec.defaultBaseURL;
        baseURLSource = 'default';
    }
    const key = firstSet(env, spec.keyEnvNames);
    const keyOptional = baseURLSource === 'env' && baseURL !== undefined && isLocalBaseURL(baseURL);
    const resolved = {
        provider: spec.name,
        model: parsed.model,
        ref: `${parsed.provider}:${parsed.model}`,
        baseURL,
        baseURLSource,
        baseURLEnvNames: spec.name === 'azure'
            ? [...spec.baseURLEnvNames, 'AZURE_OPENAI_ENDPOINT']
            : spec.baseURLEnvNames,
        keyEnvNames: spec.keyEnvNames,
        keyOptional,
        known: spec.known,
        label: spec.label,
        maxTokensParam: spec.maxTokensParam,
    };
    if (baseURLEnvName)
        resolved.baseURLEnvName = baseURLEnvName;
    if (key) {
        resolved.apiKey = key.value;
        resolved.keyEnvName = key.name;
    }
    if (spec.keyHelp)
        resolved.keyHelp = spec.keyHelp;
    if (spec.name === 'azure' && key)
        resolved.headers = { 'api-key': key.value };
    return resolved;
}
/** "OPENAI_API_KEY" or "GEMINI_API_KEY (or GOOGLE_API_KEY)". */
function keyEnvLabel(names) {
    if (names.length <= 1)
        return names[0] ?? '(no key variable)';
    return `${names[0]} (or ${names.slice(1).join(', ')})`;
}


/***/ }),

/***/ 3033:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   XF: () => (/* binding */ REDACTED),
/* harmony export */   fp: () => (/* binding */ redactSecrets),
/* harmony export */   fz: () => (/* binding */ redactURL)
/* harmony export */ });
/**
 * Secret redaction for every message that leaves the models layer (errors, hints, call records).
 *
 * Two layers: the exact secrets we know (the API keys in play), and common key shapes (`sk-…`,
 * `xai-…`, `AIza…`, `Bearer …`) so a key echoed back by a provider in some other form is hidden too.
 */
const REDACTED = '[redacted]';
/** Secrets shorter than this are not replaced verbatim (they would mangle ordinary words). */
const MIN_SECRET_LENGTH = 6;
const KEY_SHAPES = [
    // OpenAI (sk-, sk-proj-), Anthropic (sk-ant-), OpenRouter (sk-or-), including masked forms (sk-abc***xyz)
    /\bsk-[A-Za-z0-9_*.-]{8,}/g,
    /\bxai-[A-Za-z0-9_*-]{8,}/g,
    // Google API keys
    /\bAIza[A-Za-z0-9_-]{20,}/g,
    // Authorization header values
    /\b(Bearer)\s+[A-Za-z0-9._~+/=*-]{8,}/gi,
    // key=... in query strings
    /([?&](?:api[-_]?key|key|token|access_token)=)[^&\s"']+/gi,
];
function escapeRegExp(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
/**
 * Replaces every occurrence of each secret (and anything shaped like an API key) with `[redacted]`.
 * `undefined`/short secrets are ignored. Pure; safe on any input.
 */
function redactSecrets(text, secrets = []) {
    let out = String(text);
    const known = [...new Set(secrets.filter((s) => typeof s === 'string'))]
        .map((s) => s.trim())
        .filter((s) => s.length >= MIN_SECRET_LENGTH)
        // Longest first, so a key that contains another key is replaced whole.
        .sort((a, b) => b.length - a.length);
    for (const secret of known) {
        out = out.replace(new RegExp(escapeRegExp(secret), 'g'), REDACTED);
    }
    for (const shape of KEY_SHAPES) {
        out = out.replace(shape, (match, prefix) => {
            if (typeof prefix === 'string' && prefix.length > 0 && match.startsWith(prefix)) {
                return `${prefix}${prefix.endsWith('=') ? '' : ' '}${REDACTED}`;
            }
            return REDACTED;
        });
    }
    return out;
}
/** A URL fit for messages: user info and secret-looking query parameters removed. */
function redactURL(url, secrets = []) {
    if (!url)
        return '(none)';
    let shown = url;
    try {
        const parsed = new URL(url);
        if (parsed.username || parsed.password) {
            parsed.username = '';
            parsed.password = '';
            shown = parsed.toString();
        }
    }
    catch {
        // Not a URL: show it as given (redacted below).
    }
    return redactSecrets(shown, secrets);
}


/***/ })

};
