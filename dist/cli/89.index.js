export const id = 89;
export const ids = [89];
export const modules = {

/***/ 7089:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runCommand: () => (/* binding */ runCommand)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
// EXTERNAL MODULE: ./.build/src/config/workflow-source.js + 13 modules
var workflow_source = __webpack_require__(4281);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: ./.build/src/errors.js
var errors = __webpack_require__(6624);
;// CONCATENATED MODULE: ./.build/src/engine/checkpoint.js
/**
 * Checkpoints: when a run fails, its state is written to a JSON file so `--resume-checkpoint`
 * continues from the failed step without rerunning the ones that finished.
 */





const CHECKPOINT_VERSION = 1;
function hashWorkflow(workflow) {
    return (0,external_node_crypto_.createHash)('sha256').update(JSON.stringify(workflow)).digest('hex').slice(0, 16);
}
async function writeCheckpoint(checkpoint, dir) {
    const folder = dir ?? (await (0,promises_.mkdtemp)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'aethr-')));
    const file = (0,external_node_path_.join)(folder, 'checkpoint.json');
    const full = {
        version: CHECKPOINT_VERSION,
        createdAt: new Date().toISOString(),
        ...checkpoint,
    };
    await (0,promises_.writeFile)(file, `${JSON.stringify(full, null, 2)}\n`, { mode: 0o600 });
    return file;
}
async function readCheckpoint(file) {
    let text;
    try {
        text = await (0,promises_.readFile)(file, 'utf8');
    }
    catch (error) {
        throw new errors/* AethrError */.j(`Cannot read checkpoint ${file}: ${error.message}`, {
            hint: 'Pass the path printed by the failed run.',
        });
    }
    let value;
    try {
        value = JSON.parse(text);
    }
    catch {
        throw new errors/* AethrError */.j(`Checkpoint ${file} is not valid JSON.`, {
            hint: 'Pass the path printed by the failed run.',
        });
    }
    if (!isCheckpoint(value)) {
        throw new errors/* AethrError */.j(`Checkpoint ${file} is not an aethr checkpoint (version ${CHECKPOINT_VERSION}).`, {
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
        throw new errors/* AethrError */.j(`The workflow no longer has step "${checkpoint.failedStep}" at position ${checkpoint.state.nextStep + 1}; this checkpoint cannot be resumed.`, { hint: 'Restore the step or rerun the workflow from the start.' });
    }
    if (hashWorkflow(workflow) !== checkpoint.workflowHash) {
        warnings.push('The workflow changed since the checkpoint was written; resuming with the current file.');
    }
    return warnings;
}

// EXTERNAL MODULE: ./.build/src/engine/run-workflow.js + 3 modules
var run_workflow = __webpack_require__(770);
// EXTERNAL MODULE: ./.build/src/models/env-file.js
var env_file = __webpack_require__(244);
// EXTERNAL MODULE: ./.build/src/models/ledger.js
var ledger = __webpack_require__(5125);
// EXTERNAL MODULE: ./.build/src/runner/build-ports.js + 36 modules
var build_ports = __webpack_require__(4719);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
;// CONCATENATED MODULE: ./.build/src/cli/task-input.js
/**
 * The task for `aethr run` when none is given: typed in $EDITOR on a terminal, refused otherwise.
 */





const TEMPLATE = `
# Write the task for this run above. Lines starting with # are ignored.
# Save and close the editor to start; an empty task cancels the run.
`;
async function readTaskFromEditor(env, isTTY) {
    if (!isTTY) {
        throw new errors/* AethrError */.j('No task given, and there is no terminal to open an editor on.', {
            hint: 'Pass the task as an argument: aethr run "review my change".',
        });
    }
    const editor = env.VISUAL || env.EDITOR || 'vi';
    const dir = await (0,promises_.mkdtemp)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'aethr-task-'));
    const file = (0,external_node_path_.join)(dir, 'TASK.md');
    try {
        await (0,promises_.writeFile)(file, TEMPLATE);
        // The editor command may carry flags (e.g. "code --wait"): split on spaces, never via a shell.
        const [command, ...args] = editor.split(/\s+/).filter(Boolean);
        const done = (0,external_node_child_process_.spawnSync)(command, [...args, file], { stdio: 'inherit' });
        if (done.error || done.status !== 0) {
            throw new errors/* AethrError */.j(`The editor "${editor}" did not exit cleanly.`, {
                hint: 'Set $EDITOR to a working editor, or pass the task as an argument.',
            });
        }
        const task = stripComments(await (0,promises_.readFile)(file, 'utf8'));
        if (!task)
            throw new errors/* AethrError */.j('The task is empty; nothing to run.', {
                hint: 'Write a task and save the file.',
            });
        return task;
    }
    finally {
        await (0,promises_.rm)(dir, { recursive: true, force: true });
    }
}
function stripComments(text) {
    return text
        .split('\n')
        .filter((line) => !line.startsWith('#'))
        .join('\n')
        .trim();
}

;// CONCATENATED MODULE: ./.build/src/cli/terminal-observer.js
function formatDuration(ms) {
    return ms < 1000 ? `${ms}ms` : `${(ms / 1000).toFixed(1)}s`;
}
function usageText(r) {
    return r.usage
        ? `${r.usage.inputTokens} in / ${r.usage.outputTokens} out tokens`
        : 'usage not reported';
}
function createTerminalObserver(write) {
    let atLineStart = true;
    const ensureNewline = () => {
        if (!atLineStart)
            write('\n');
        atLineStart = true;
    };
    return {
        stepStarted({ step, iteration, model, index, total }) {
            ensureNewline();
            const pass = iteration > 1 ? `, pass ${iteration}` : '';
            write(`\n── step ${index + 1}/${total}: ${step.id} (${step.role} · ${model}${pass}) ──\n`);
        },
        delta(_stepId, chunk) {
            if (!chunk)
                return;
            write(chunk);
            atLineStart = chunk.endsWith('\n');
        },
        stepFinished(result) {
            ensureNewline();
            const parts = [`✓ ${result.stepId}`, formatDuration(result.durationMs), usageText(result)];
            if (result.mock)
                parts.push('mock');
            if (result.review) {
                parts.push(`review status: ${result.review.status}`, `${result.review.findings.length} finding(s)`);
            }
            if (result.artifact) {
                const n = result.artifact.changedFiles.length;
                parts.push(n
                    ? `${n} file(s) changed`
                    : `no files changed${result.artifact.note ? ` (${result.artifact.note})` : ''}`);
            }
            write(`${parts.join(' · ')}\n`);
            for (const note of result.review?.notes ?? [])
                write(`  note: ${note}\n`);
        },
        notice(message) {
            ensureNewline();
            write(`↻ ${message}\n`);
        },
    };
}
function formatRunSummary(result) {
    const lines = ['', `── ${result.workflow}: done ──`];
    for (const r of result.results) {
        lines.push(`  ${r.stepId.padEnd(16)} pass ${r.iteration}  ${r.model.padEnd(28)} ${formatDuration(r.durationMs).padStart(7)}  ${usageText(r)}`);
    }
    for (const loop of result.loops) {
        const how = {
            passed: 'review passed',
            max_iterations: 'max_iterations reached without a passing review',
            completed: 'all iterations done',
            not_converging: `stopped early: ${loop.reason ?? 'not converging'}`,
        }[loop.outcome];
        lines.push(`  loop ${loop.backTo}..${loop.stepId}: ${loop.iterations}/${loop.maxIterations} iterations, ${how}`);
        if (loop.escalation)
            lines.push('', loop.escalation.replace(/^/gm, '    '), '');
    }
    if (result.finalReview) {
        const f = result.finalReview;
        lines.push(`  final review status: ${f.status} (${f.findings.length} finding(s))`);
    }
    return `${lines.join('\n')}\n`;
}

;// CONCATENATED MODULE: ./.build/src/cli/commands/run.js
/**
 * `aethr run`: loads the workflow, resolves the task, and runs the engine with terminal output.
 * On failure it writes a checkpoint and prints the one-line resume command. Either way it prints
 * the ledger of model calls, and `--ledger FILE` writes it as JSON.
 */











async function runCommand(argv, io, cwd = process.cwd()) {
    const { values, positionals } = (0,external_node_util_.parseArgs)({
        args: argv,
        allowPositionals: true,
        options: {
            workflow: { type: 'string' },
            'show-prompt': { type: 'boolean' },
            'resume-checkpoint': { type: 'string' },
            verbose: { type: 'boolean' },
            ledger: { type: 'string' },
        },
    });
    const env = await (0,env_file/* loadProjectEnv */.zr)(cwd, process.env);
    let loaded;
    let task = positionals.join(' ').trim();
    let resume;
    if (values['resume-checkpoint']) {
        const checkpoint = await readCheckpoint(values['resume-checkpoint']);
        const spec = values.workflow ?? checkpoint.workflowSource;
        loaded = await (0,workflow_source/* loadWorkflowSpec */.F)(spec, cwd);
        for (const warning of checkResumable(checkpoint, loaded.workflow))
            io.err(`warning: ${warning}\n`);
        task ||= checkpoint.task;
        resume = checkpoint.state;
        io.out(`Resuming "${loaded.workflow.workflow}" at step "${checkpoint.failedStep}" (${resume.results.length} earlier result(s) kept).\n`);
    }
    else {
        loaded = await (0,workflow_source/* loadWorkflowSpec */.F)(values.workflow, cwd);
    }
    if (!task)
        task = await readTaskFromEditor(env, Boolean(process.stdin.isTTY && process.stdout.isTTY));
    const live = env.AETHR_LIVE === '1' || env.AETHR_LIVE === 'true';
    const ports = (0,build_ports/* buildPorts */.P)({
        workflow: loaded.workflow,
        root: cwd,
        env,
        live,
        observer: createTerminalObserver(io.out),
    });
    if (values['show-prompt']) {
        for (const preview of await (0,run_workflow/* previewPrompts */.wC)({ workflow: loaded.workflow, task }, ports)) {
            io.out(`\n══ step ${preview.step.id} (${preview.step.role} · ${preview.model}) ══\n`);
            io.out(`── system ──\n${preview.system}\n── user ──\n${preview.user}\n`);
        }
        io.out('\n(prompt preview: no model was called)\n');
        return 0;
    }
    io.out(live
        ? `Running "${loaded.workflow.workflow}" (${loaded.display}) with live models.\n`
        : `Running "${loaded.workflow.workflow}" (${loaded.display}) in mock mode: a deterministic mock model answers. Set AETHR_LIVE=1 and a provider key for live calls.\n`);
    const reportLedger = async () => {
        io.out((0,ledger/* formatLedgerTable */.Xf)(ports.models.calls));
        if (values.ledger) {
            const file = (0,external_node_path_.resolve)(cwd, values.ledger);
            await (0,promises_.writeFile)(file, `${JSON.stringify((0,ledger/* ledgerJson */.eH)(ports.models.calls), null, 2)}\n`);
            io.out(`Ledger written to ${file}\n`);
        }
    };
    try {
        const result = await (0,run_workflow/* runWorkflow */.FZ)({ workflow: loaded.workflow, task, resume }, ports);
        io.out(formatRunSummary(result));
        await reportLedger();
        if (values.verbose)
            io.out(`${JSON.stringify(ports.models.calls, null, 2)}\n`);
        return 0;
    }
    catch (error) {
        if (!(error instanceof run_workflow/* StepFailed */.an))
            throw error;
        await reportLedger();
        const file = await writeCheckpoint({
            workflowSource: loaded.source,
            workflowHash: hashWorkflow(loaded.workflow),
            task,
            failedStep: error.stepId,
            error: error.message,
            state: error.state,
        });
        io.err(`\naethr: ${error.message}\n`);
        if (error.hint)
            io.err(`hint: ${error.hint}\n`);
        io.err(`Checkpoint written. Resume with:\n  aethr run --resume-checkpoint ${file}\n`);
        if (values.verbose)
            io.err(`${JSON.stringify(error.state, null, 2)}\n`);
        return 1;
    }
}


/***/ }),

/***/ 244:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   zr: () => (/* binding */ loadProjectEnv)
/* harmony export */ });
/* unused harmony exports MAX_ENV_FILE_BYTES, loadDotEnv, withDotEnv */
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
