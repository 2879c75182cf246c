export const id = 663;
export const ids = [663];
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

/***/ 9663:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   WORKFLOW_FILE: () => (/* binding */ WORKFLOW_FILE),
/* harmony export */   initCommand: () => (/* binding */ initCommand),
/* harmony export */   withSchemaLine: () => (/* binding */ withSchemaLine)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7975);
/* harmony import */ var _config_presets_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1674);
/* harmony import */ var _config_did_you_mean_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(5571);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(6624);
/* harmony import */ var _project_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(6858);
/* harmony import */ var _self_command_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(7098);
/* harmony import */ var _usage_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(8149);











const WORKFLOW_FILE = '.aethr.yaml';
async function initCommand(argv, io, cwd = process.cwd()) {
    const { values, positionals } = (0,node_util__WEBPACK_IMPORTED_MODULE_3__.parseArgs)({
        args: argv,
        allowPositionals: true,
        options: {
            list: { type: 'boolean' },
            force: { type: 'boolean' },
            verbose: { type: 'boolean' },
        },
    });
    if (values.list) {
        for (const { name, description } of await (0,_config_presets_js__WEBPACK_IMPORTED_MODULE_4__/* .listPresets */ .nk)())
            io.out(`${name.padEnd(24)}${description}\n`);
        return 0;
    }
    const name = positionals[0];
    if (!name || positionals.length > 1) {
        throw new _usage_js__WEBPACK_IMPORTED_MODULE_7__/* .UsageError */ .eb('init takes exactly one preset name', {
            command: 'init',
            hint: 'Run "aethr init --list" to see them, e.g. "aethr init review-existing-diff".',
        });
    }
    if (!(0,_config_presets_js__WEBPACK_IMPORTED_MODULE_4__/* .isPresetName */ .l6)(name)) {
        const fix = (0,_config_did_you_mean_js__WEBPACK_IMPORTED_MODULE_8__/* .suggestWord */ .vZ)(name, _config_presets_js__WEBPACK_IMPORTED_MODULE_4__/* .PRESET_NAMES */ .dO);
        throw new _usage_js__WEBPACK_IMPORTED_MODULE_7__/* .UsageError */ .eb(`unknown preset ${JSON.stringify(name)}`, {
            command: 'init',
            hint: `${fix.charAt(0).toUpperCase()}${fix.slice(1)} (see "aethr init --list").`,
        });
    }
    const text = withSchemaLine(await (0,_config_presets_js__WEBPACK_IMPORTED_MODULE_4__/* .readPreset */ ._X)(name));
    const target = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(cwd, WORKFLOW_FILE);
    if ((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(target) && !values.force) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .AethrError */ .j(`${WORKFLOW_FILE} already exists; not overwriting it.`, {
            hint: `Run "aethr init ${name} --force" to replace it.`,
        });
    }
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.writeFile)(target, text);
    const aethr = await (0,_self_command_js__WEBPACK_IMPORTED_MODULE_6__/* .selfCommand */ .e)(process.argv[1] ?? 'aethr', process.env, cwd);
    io.out(`Wrote ${WORKFLOW_FILE} from the ${name} preset.\nNext: ${aethr} run "describe your task"\n`);
    return 0;
}
/** The preset with the yaml-language-server line on top (an existing one is replaced). */
function withSchemaLine(text) {
    const body = text.replace(/^# yaml-language-server: \$schema=.*\n/, '');
    return `${_project_js__WEBPACK_IMPORTED_MODULE_9__/* .SCHEMA_COMMENT */ .Ub}\n${body}`;
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

/***/ 1674:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B2: () => (/* binding */ presetPath),
/* harmony export */   _X: () => (/* binding */ readPreset),
/* harmony export */   dO: () => (/* binding */ PRESET_NAMES),
/* harmony export */   l6: () => (/* binding */ isPresetName),
/* harmony export */   nk: () => (/* binding */ listPresets)
/* harmony export */ });
/* unused harmony export presetsDir */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3136);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6624);
/**
 * Built-in workflows, shipped as YAML files in `presets/` next to the bundles.
 */





const PRESET_NAMES = [
    'plan-implement-review',
    'review-existing-diff',
    'debug-failing-test',
    'add-tests',
    'docs-sync',
    'custom',
];
function isPresetName(name) {
    return PRESET_NAMES.includes(name);
}
/**
 * Finds `presets/` by walking up from this module: it sits at `../../presets` from `src/config`
 * and from `dist/cli`, and at `../presets` from `dist/` (the Action bundle).
 */
function presetsDir(from = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)((0,node_url__WEBPACK_IMPORTED_MODULE_3__.fileURLToPath)(import.meta.url))) {
    for (let dir = from;; dir = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)(dir)) {
        const candidate = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, 'presets');
        if ((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(candidate, 'review-existing-diff.yaml')))
            return candidate;
        if ((0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)(dir) === dir)
            break;
    }
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .AethrError */ .j(`Built-in presets not found above ${from}.`, {
        hint: 'Reinstall aethr-action: its presets/ folder is missing.',
    });
}
function presetPath(name) {
    return (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(presetsDir(), `${name}.yaml`);
}
async function readPreset(name) {
    if (!isPresetName(name)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .AethrError */ .j(`Unknown preset "${name}".`, {
            hint: `Choose one of: ${PRESET_NAMES.join(', ')}.`,
        });
    }
    return (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readFile)(presetPath(name), 'utf8');
}
/** Preset names with the one-line description from each file's first comment. */
async function listPresets() {
    const dir = presetsDir();
    const files = new Set(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readdir)(dir));
    const out = [];
    for (const name of PRESET_NAMES) {
        if (!files.has(`${name}.yaml`))
            continue;
        const text = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readFile)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, `${name}.yaml`), 'utf8');
        const description = /^#\s*(.+)$/m.exec(text)?.[1]?.trim() ?? '';
        out.push({ name, description });
    }
    return out;
}


/***/ }),

/***/ 6858:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ub: () => (/* binding */ SCHEMA_COMMENT)
/* harmony export */ });
/* unused harmony exports REPOSITORY, MAJOR_TAG, SCHEMA_URL */
/* harmony import */ var _version_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7319);
/**
 * Where this project lives: the GitHub repository the Action is used from, and the published
 * JSON Schema of `.aethr.yaml` (a raw URL of the schema at the major version's moving tag, so
 * editors follow additive schema changes within a major version).
 */

const REPOSITORY = 'aethr-dev/aethr-action';
const MAJOR_TAG = `v${_version_js__WEBPACK_IMPORTED_MODULE_0__/* .VERSION */ .x.split('.')[0]}`;
const SCHEMA_URL = `https://raw.githubusercontent.com/${REPOSITORY}/${MAJOR_TAG}/schema/aethr.schema.json`;
/** The first line `aethr init` writes: yaml-language-server picks the schema from it. */
const SCHEMA_COMMENT = `# yaml-language-server: $schema=${SCHEMA_URL}`;


/***/ })

};
