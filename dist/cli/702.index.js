export const id = 702;
export const ids = [702];
export const modules = {

/***/ 2702:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   doctorCommand: () => (/* binding */ doctorCommand),
/* harmony export */   verdict: () => (/* binding */ verdict)
/* harmony export */ });
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7975);
/* harmony import */ var _config_workflow_source_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1675);
/* harmony import */ var _config_config_error_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2841);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6624);
/* harmony import */ var _models_env_file_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(244);
/* harmony import */ var _models_gateway_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(6232);
/* harmony import */ var _models_providers_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(152);
/* harmony import */ var _models_redact_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(3033);
/* harmony import */ var _models_routing_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(4216);
/**
 * `aethr doctor`: is this project ready to run? Config valid, git present, and a model and a
 * key for every role. Prints a table (✓ fine, ! warning, ✗ problem) and exits non-zero when
 * something needs fixing. In mock mode a missing key is a warning: the mock answers instead.
 */











const run = (0,node_util__WEBPACK_IMPORTED_MODULE_1__.promisify)(node_child_process__WEBPACK_IMPORTED_MODULE_0__.execFile);
const MARK = { ok: '✓', warn: '!', fail: '✗' };
async function tryVersion(command, args, cwd) {
    try {
        const { stdout } = await run(command, args, { cwd, timeout: 10_000 });
        return stdout.trim().split('\n')[0];
    }
    catch {
        return undefined;
    }
}
async function doctorCommand(argv, io, cwd = process.cwd()) {
    const { values } = (0,node_util__WEBPACK_IMPORTED_MODULE_1__.parseArgs)({
        args: argv,
        options: { workflow: { type: 'string' }, verbose: { type: 'boolean' } },
    });
    const env = await (0,_models_env_file_js__WEBPACK_IMPORTED_MODULE_5__/* .loadProjectEnv */ .zr)(cwd, process.env);
    const checks = [];
    const git = await tryVersion('git', ['--version'], cwd);
    checks.push({
        name: 'git',
        level: git ? 'ok' : 'fail',
        detail: git ?? 'git not found on PATH: install git',
    });
    if (git) {
        const inside = await tryVersion('git', ['rev-parse', '--is-inside-work-tree'], cwd);
        checks.push({
            name: 'repository',
            level: inside === 'true' ? 'ok' : 'warn',
            detail: inside === 'true'
                ? 'inside a git work tree'
                : 'not a git repository: git_diff context will be a placeholder',
        });
    }
    try {
        const loaded = await (0,_config_workflow_source_js__WEBPACK_IMPORTED_MODULE_2__/* .loadWorkflowSpec */ .F)(values.workflow, cwd);
        checks.push({
            name: 'workflow',
            level: 'ok',
            detail: `${loaded.display}: "${loaded.workflow.workflow}", ${loaded.workflow.steps.length} step(s)`,
        });
        const live = env.AETHR_LIVE === '1' || env.AETHR_LIVE === 'true';
        checks.push({
            name: 'mode',
            level: 'ok',
            detail: live
                ? 'live (AETHR_LIVE=1): the models below are called'
                : 'mock: a deterministic mock answers; set AETHR_LIVE=1 to call the models below',
        });
        const roles = [...new Set(loaded.workflow.steps.map((s) => s.role))];
        for (const role of roles) {
            const ref = (0,_models_routing_js__WEBPACK_IMPORTED_MODULE_8__/* .routeModel */ .Nh)(loaded.workflow, role, env);
            const problem = (0,_models_gateway_js__WEBPACK_IMPORTED_MODULE_6__/* .describeKeyProblem */ .uX)(ref, env);
            const provider = problem ? undefined : (0,_models_providers_js__WEBPACK_IMPORTED_MODULE_7__/* .resolveProvider */ .Kd)(ref, env);
            checks.push({
                name: `role ${role}`,
                level: problem ? (live ? 'fail' : 'warn') : 'ok',
                detail: provider
                    ? `${ref} via ${(0,_models_redact_js__WEBPACK_IMPORTED_MODULE_9__/* .redactURL */ .fz)(provider.baseURL ?? '')} (${provider.keyEnvName ? `key from ${provider.keyEnvName}` : 'no key needed'})`
                    : `${ref}: ${problem}${live ? '' : ' Only live runs need it: the mock answers for now.'}`,
            });
        }
        if (loaded.workflow.steps.some((s) => s.backend === 'opencode')) {
            const opencode = await tryVersion('opencode', ['--version'], cwd);
            checks.push({
                name: 'opencode',
                level: opencode ? 'ok' : live ? 'fail' : 'warn',
                detail: opencode
                    ? `opencode ${opencode}`
                    : 'opencode not found: install it (npm i -g opencode-ai) or use backend: patch',
            });
        }
    }
    catch (error) {
        checks.push({
            name: 'workflow',
            level: 'fail',
            detail: (0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .toError */ .i)(error).message,
            count: error instanceof _config_config_error_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigError */ .xL ? error.problems.length : 1,
        });
    }
    const width = Math.max(...checks.map((c) => c.name.length)) + 2;
    for (const c of checks) {
        const detail = c.detail.split('\n').join(`\n${' '.repeat(width + 3)}`);
        io.out(`${MARK[c.level]}  ${c.name.padEnd(width)}${detail}\n`);
    }
    io.out(`\n${verdict(checks)}\n`);
    return checks.some((c) => c.level === 'fail') ? 1 : 0;
}
/** `2 problems to fix, 1 warning.` or `All checks passed (1 warning).` */
function verdict(checks) {
    const problems = checks
        .filter((c) => c.level === 'fail')
        .reduce((sum, c) => sum + (c.count ?? 1), 0);
    const warnings = checks.filter((c) => c.level === 'warn').length;
    const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;
    if (problems > 0) {
        return `${plural(problems, 'problem')} to fix${warnings ? `, ${plural(warnings, 'warning')}` : ''}.`;
    }
    return `All checks passed${warnings ? ` (${plural(warnings, 'warning')})` : ''}.`;
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


/***/ })

};
