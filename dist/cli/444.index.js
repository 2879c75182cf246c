export const id = 444;
export const ids = [444];
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

/***/ 6444:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  DEFAULT_PROMOTE_OUT: () => (/* binding */ DEFAULT_PROMOTE_OUT),
  promoteCommand: () => (/* binding */ promoteCommand)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
// EXTERNAL MODULE: ./.build/src/config/load-workflow.js + 14 modules
var load_workflow = __webpack_require__(8397);
// EXTERNAL MODULE: ./.build/src/engine/checkpoint.js
var engine_checkpoint = __webpack_require__(2538);
// EXTERNAL MODULE: ./.build/src/engine/run-record.js
var run_record = __webpack_require__(6269);
// EXTERNAL MODULE: ./.build/src/errors.js
var errors = __webpack_require__(6624);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./.build/src/project.js
var project = __webpack_require__(6858);
;// CONCATENATED MODULE: ./.build/src/cli/promote-workflow.js
/**
 * Workflow promotion: a run's record (from its checkpoint or ledger) as an `.aethr.yaml` a person
 * can edit — the roles, the models each role really used, the steps in order with their contexts,
 * backends and repeat settings — with the task and what each step did as comments. Pure.
 *
 * The file is written in YAML 1.1 style so strings such as `yes` or `on` come out quoted: the
 * loader reads those bare words as booleans (as the Aethr CLI did), and a promoted file must load
 * to the very workflow that ran.
 */


/** What a step says by default, left out so the file reads like a hand-written one. */
function withoutDefaults(step) {
    const out = { ...step };
    if (step.context.length === 0)
        delete out.context;
    if (!step.unsafe_permissions)
        delete out.unsafe_permissions;
    if (step.history_visibility === 'all')
        delete out.history_visibility;
    return out;
}
/** The workflow that ran, with each role pinned to the model it was routed to. */
function promotedWorkflow(record) {
    const { $schema: _schema, ...workflow } = record.workflow;
    const models = {};
    for (const role of Object.keys(workflow.roles)) {
        const ref = record.routes[role] ?? workflow.models[role] ?? workflow.models['default'];
        if (ref)
            models[role] = ref;
    }
    return { ...workflow, models };
}
/** Comment lines for text anyone wrote (the task): control characters removed, indented. */
function commentLines(text) {
    return (text
        // eslint-disable-next-line no-control-regex
        .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]/g, ' ')
        .split('\n')
        .map((line) => `   ${line}`.trimEnd()));
}
function stepNote(step, record, origin) {
    const passes = record.passes[step.id] ?? 0;
    if (origin.failedStep === step.id)
        return ` ${passes ? `ran ${passes} pass${passes === 1 ? '' : 'es'}, then ` : ''}failed here`;
    if (passes === 0)
        return origin.failedStep ? ' not reached (the run failed before it)' : ' did not run';
    return ` ran ${passes} pass${passes === 1 ? '' : 'es'}`;
}
function renderPromotedWorkflow(record, origin) {
    const workflow = promotedWorkflow(record);
    const data = {
        ...workflow,
        steps: workflow.steps.map(withoutDefaults),
    };
    if (workflow.description === undefined)
        delete data.description;
    const doc = new dist.Document(data, { version: '1.1' });
    doc.commentBefore = [
        ` Promoted by \`aethr promote\` from the ${origin.kind} ${origin.file}`,
        ` (workflow "${workflow.workflow}" from ${record.workflowSource.replace(/^preset:/, 'the preset ')}).`,
        ' Models are the ones each role ran with. Edit freely; `aethr run --show-prompt` previews it.',
        '',
        ' Task of that run:',
        ...commentLines(record.task.trim() || '(no task given)'),
    ].join('\n');
    const steps = doc.get('steps', true);
    if ((0,dist.isSeq)(steps)) {
        steps.items.forEach((item, i) => {
            if ((0,dist.isMap)(item))
                item.commentBefore = stepNote(workflow.steps[i], record, origin);
        });
    }
    return `${project/* SCHEMA_COMMENT */.Ub}\n${doc.toString({ lineWidth: 100 })}`;
}

// EXTERNAL MODULE: ./.build/src/cli/self-command.js
var self_command = __webpack_require__(7098);
// EXTERNAL MODULE: ./.build/src/cli/usage.js
var usage = __webpack_require__(8149);
;// CONCATENATED MODULE: ./.build/src/cli/commands/promote.js
/**
 * `aethr promote`: turns a run that worked (or failed) into an editable workflow file, from the
 * checkpoint or the ledger that run wrote — no session storage, no replay. The result is checked
 * with the normal loader before it is written, and an existing file is kept unless `--force`.
 */











const DEFAULT_PROMOTE_OUT = '.aethr.yaml';
async function promoteCommand(argv, io, cwd = process.cwd()) {
    const { values } = (0,external_node_util_.parseArgs)({
        args: argv,
        options: {
            from: { type: 'string' },
            ledger: { type: 'string' },
            out: { type: 'string' },
            force: { type: 'boolean' },
            verbose: { type: 'boolean' },
        },
    });
    if ((values.from === undefined) === (values.ledger === undefined)) {
        throw new usage/* UsageError */.eb('promote needs exactly one of --from CHECKPOINT or --ledger FILE', {
            command: 'promote',
            hint: 'A failed run prints its checkpoint; `aethr run --ledger FILE` writes a ledger.',
        });
    }
    const { record, origin } = values.from !== undefined
        ? await fromCheckpoint((0,external_node_path_.resolve)(cwd, values.from))
        : await fromLedger((0,external_node_path_.resolve)(cwd, values.ledger));
    const out = (0,external_node_path_.resolve)(cwd, values.out ?? DEFAULT_PROMOTE_OUT);
    const shown = (0,external_node_path_.relative)(cwd, out) || out;
    if ((0,external_node_fs_.existsSync)(out) && !values.force) {
        throw new errors/* AethrError */.j(`${shown} already exists; not overwriting it.`, {
            hint: `Pass --force to replace it, or --out FILE to write elsewhere.`,
        });
    }
    const text = renderPromotedWorkflow(record, origin);
    // The file must load as it is; a failure here is aethr's bug, reported with the loader's detail.
    (0,load_workflow/* parseWorkflowText */.oO)(text, shown);
    await (0,promises_.writeFile)(out, text);
    const aethr = await (0,self_command/* selfCommand */.e)(process.argv[1] ?? 'aethr', process.env, cwd);
    io.out(`Wrote ${shown}: workflow "${record.workflow.workflow}" with ${record.workflow.steps.length} step(s), as the run used it.\n` +
        `Next: ${aethr} run --workflow ${shown} --show-prompt\n`);
    return 0;
}
async function fromCheckpoint(file) {
    const checkpoint = await (0,engine_checkpoint/* readCheckpoint */.HQ)(file);
    if (!(0,run_record/* isRunRecord */.jM)(checkpoint.run)) {
        throw new errors/* AethrError */.j(`Checkpoint ${file} does not record its workflow.`, {
            hint: 'It was written by an older aethr; run the workflow again to get a checkpoint or a ledger that does.',
        });
    }
    const record = { ...checkpoint.run, passes: { ...checkpoint.state.passes } };
    return { record, origin: { kind: 'checkpoint', file, failedStep: checkpoint.failedStep } };
}
async function fromLedger(file) {
    let value;
    try {
        value = JSON.parse(await (0,promises_.readFile)(file, 'utf8'));
    }
    catch (error) {
        throw new errors/* AethrError */.j(`Cannot read the ledger ${file}: ${error.message}`, {
            hint: 'Pass the file `aethr run --ledger FILE` wrote.',
        });
    }
    const run = value?.run;
    if (!(0,run_record/* isRunRecord */.jM)(run)) {
        throw new errors/* AethrError */.j(`The ledger ${file} does not record its run's workflow.`, {
            hint: 'Ledgers written by `aethr run` record it; run the workflow again with --ledger FILE.',
        });
    }
    return { record: run, origin: { kind: 'ledger', file } };
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

/***/ 2538:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   HQ: () => (/* binding */ readCheckpoint),
/* harmony export */   Kp: () => (/* binding */ writeCheckpoint),
/* harmony export */   k7: () => (/* binding */ hashWorkflow),
/* harmony export */   zN: () => (/* binding */ checkResumable)
/* harmony export */ });
/* unused harmony export CHECKPOINT_VERSION */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8161);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6760);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6624);
/**
 * Checkpoints: when a run fails, its state is written to a JSON file so `--resume-checkpoint`
 * continues from the failed step without rerunning the ones that finished.
 */





const CHECKPOINT_VERSION = 1;
function hashWorkflow(workflow) {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(JSON.stringify(workflow)).digest('hex').slice(0, 16);
}
async function writeCheckpoint(checkpoint, dir) {
    const folder = dir ?? (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdtemp)((0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)((0,node_os__WEBPACK_IMPORTED_MODULE_2__.tmpdir)(), 'aethr-')));
    const file = (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(folder, 'checkpoint.json');
    const full = {
        version: CHECKPOINT_VERSION,
        createdAt: new Date().toISOString(),
        ...checkpoint,
    };
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.writeFile)(file, `${JSON.stringify(full, null, 2)}\n`, { mode: 0o600 });
    return file;
}
async function readCheckpoint(file) {
    let text;
    try {
        text = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readFile)(file, 'utf8');
    }
    catch (error) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .AethrError */ .j(`Cannot read checkpoint ${file}: ${error.message}`, {
            hint: 'Pass the path printed by the failed run.',
        });
    }
    let value;
    try {
        value = JSON.parse(text);
    }
    catch {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .AethrError */ .j(`Checkpoint ${file} is not valid JSON.`, {
            hint: 'Pass the path printed by the failed run.',
        });
    }
    if (!isCheckpoint(value)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .AethrError */ .j(`Checkpoint ${file} is not an aethr checkpoint (version ${CHECKPOINT_VERSION}).`, {
            hint: 'Checkpoints from another aethr version cannot be resumed; rerun the workflow.',
        });
    }
    return value;
}
function isCheckpoint(value) {
    if (typeof value !== 'object' || value === null)
        return false;
    const v = value;
    return (v.version === CHECKPOINT_VERSION &&
        typeof v.task === 'string' &&
        typeof v.workflowSource === 'string' &&
        typeof v.state === 'object' &&
        v.state !== null &&
        typeof v.state.nextStep === 'number' &&
        Array.isArray(v.state.results));
}
/** Checks that the workflow still has the step the checkpoint resumes at. */
function checkResumable(checkpoint, workflow) {
    const warnings = [];
    const next = workflow.steps[checkpoint.state.nextStep];
    if (!next || next.id !== checkpoint.failedStep) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .AethrError */ .j(`The workflow no longer has step "${checkpoint.failedStep}" at position ${checkpoint.state.nextStep + 1}; this checkpoint cannot be resumed.`, { hint: 'Restore the step or rerun the workflow from the start.' });
    }
    if (hashWorkflow(workflow) !== checkpoint.workflowHash) {
        warnings.push('The workflow changed since the checkpoint was written; resuming with the current file.');
    }
    return warnings;
}


/***/ }),

/***/ 6269:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GH: () => (/* binding */ runRecordOf),
/* harmony export */   Hb: () => (/* binding */ passesOf),
/* harmony export */   jM: () => (/* binding */ isRunRecord)
/* harmony export */ });
function runRecordOf(o) {
    const routes = {};
    for (const role of Object.keys(o.workflow.roles)) {
        // A role whose routing fails (a malformed override) is left to the file's own models.
        try {
            routes[role] = o.routeModel(role);
        }
        catch {
            continue;
        }
    }
    return {
        workflowSource: o.workflowSource,
        task: o.task,
        workflow: o.workflow,
        routes,
        passes: { ...o.passes },
    };
}
/** Completed passes per step of a finished run. */
function passesOf(results) {
    const passes = {};
    for (const r of results)
        passes[r.stepId] = (passes[r.stepId] ?? 0) + 1;
    return passes;
}
const isRecord = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
/** A run record read back from JSON (its workflow is checked again by the loader later). */
function isRunRecord(value) {
    return (isRecord(value) &&
        typeof value.workflowSource === 'string' &&
        typeof value.task === 'string' &&
        isRecord(value.workflow) &&
        isRecord(value.routes) &&
        Object.values(value.routes).every((r) => typeof r === 'string') &&
        isRecord(value.passes));
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
