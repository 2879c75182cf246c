export const id = 663;
export const ids = [663];
export const modules = {

/***/ 9663:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   WORKFLOW_FILE: () => (/* binding */ WORKFLOW_FILE),
/* harmony export */   initCommand: () => (/* binding */ initCommand)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7975);
/* harmony import */ var _config_presets_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1674);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(6624);






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
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .AethrError */ .j('aethr init takes exactly one preset name.', {
            hint: 'Run "aethr init --list" to see them, e.g. "aethr init review-existing-diff".',
        });
    }
    const text = await (0,_config_presets_js__WEBPACK_IMPORTED_MODULE_4__/* .readPreset */ ._X)(name);
    const target = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(cwd, WORKFLOW_FILE);
    if ((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(target) && !values.force) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .AethrError */ .j(`${WORKFLOW_FILE} already exists; not overwriting it.`, {
            hint: `Run "aethr init ${name} --force" to replace it.`,
        });
    }
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.writeFile)(target, text);
    io.out(`Wrote ${WORKFLOW_FILE} from the ${name} preset.\nNext: aethr run "describe your task"\n`);
    return 0;
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


/***/ })

};
