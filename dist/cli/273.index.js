export const id = 273;
export const ids = [273];
export const modules = {

/***/ 7273:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runCommand: () => (/* binding */ runCommand)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
// EXTERNAL MODULE: ./.build/src/config/workflow-source.js
var workflow_source = __webpack_require__(1675);
// EXTERNAL MODULE: ./.build/src/engine/checkpoint.js
var engine_checkpoint = __webpack_require__(2538);
// EXTERNAL MODULE: ./.build/src/engine/run-workflow.js + 2 modules
var run_workflow = __webpack_require__(2476);
// EXTERNAL MODULE: ./.build/src/engine/run-record.js
var run_record = __webpack_require__(6269);
// EXTERNAL MODULE: ./.build/src/models/env-file.js
var env_file = __webpack_require__(244);
// EXTERNAL MODULE: ./.build/src/models/ledger.js
var ledger = __webpack_require__(5125);
// EXTERNAL MODULE: ./.build/src/runner/build-ports.js + 19 modules
var build_ports = __webpack_require__(7999);
// EXTERNAL MODULE: ./.build/src/config/did-you-mean.js
var did_you_mean = __webpack_require__(5571);
// EXTERNAL MODULE: ./.build/src/errors.js
var errors = __webpack_require__(6624);
// EXTERNAL MODULE: ./.build/src/git/run-git.js
var run_git = __webpack_require__(9724);
// EXTERNAL MODULE: ./.build/src/cli/usage.js
var usage = __webpack_require__(8149);
;// CONCATENATED MODULE: ./.build/src/cli/base-ref.js
/**
 * `--base REF`: the branch or commit `git_diff` is taken against (through the merge base), checked
 * before the run so a typo is a usage error with a did-you-mean among the repository's branches,
 * not a placeholder in the prompt.
 */




async function checkBaseRef(ref, cwd) {
    if (ref.trim() === '' || ref.startsWith('-')) {
        throw new usage/* UsageError */.eb(`--base takes a branch or commit, not ${JSON.stringify(ref)}`, {
            command: 'run',
        });
    }
    if (!(await (0,run_git/* isGitRepo */.tj)(cwd))) {
        throw new errors/* AethrError */.j(`--base ${ref}: ${cwd} is not inside a git repository.`, {
            hint: 'Run aethr in the repository whose branch you want reviewed.',
        });
    }
    const found = await (0,run_git/* runGit */.EO)(cwd, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`], { okCodes: [1, 128] });
    if (found.code === 0 && found.stdout.trim() !== '')
        return;
    const refs = await (0,run_git/* runGit */.EO)(cwd, [
        'for-each-ref',
        '--format=%(refname:short)',
        'refs/heads',
        'refs/remotes',
        'refs/tags',
    ]);
    const near = (0,did_you_mean/* closestMatch */.h0)(ref, refs.stdout.split('\n').filter(Boolean));
    throw new usage/* UsageError */.eb(`--base ${JSON.stringify(ref)} is not a branch or commit here`, {
        command: 'run',
        hint: near
            ? `Did you mean ${JSON.stringify(near)}?`
            : 'List the branches with "git branch -a" (a remote branch is written origin/main).',
    });
}

;// CONCATENATED MODULE: ./.build/src/cli/elapsed-ticker.js
const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];
const TICK_MS = 100;
/** Quiet time before the line appears, so it does not flash between streamed lines. */
const IDLE_MS = 400;
const ERASE = '\r\u001b[2K';
const defaultEvery = (ms, fn) => {
    const handle = setInterval(fn, ms);
    handle.unref();
    return { stop: () => clearInterval(handle) };
};
function formatElapsed(ms) {
    const seconds = ms / 1000;
    if (seconds < 60)
        return `${seconds.toFixed(1)}s`;
    return `${Math.floor(seconds / 60)}m${String(Math.floor(seconds % 60)).padStart(2, '0')}s`;
}
function createElapsedTicker(options) {
    const now = options.now ?? Date.now;
    const every = options.every ?? defaultEvery;
    let timer;
    let label = '';
    let startedAt = 0;
    let lastOutput = 0;
    let atLineStart = true;
    let drawn = false;
    let frame = 0;
    const erase = () => {
        if (drawn)
            options.write(ERASE);
        drawn = false;
    };
    const tick = () => {
        const t = now();
        if (!atLineStart || t - lastOutput < IDLE_MS)
            return;
        frame = (frame + 1) % FRAMES.length;
        options.write(`${ERASE}${FRAMES[frame]} ${label} · ${formatElapsed(t - startedAt)}`);
        drawn = true;
    };
    const stop = () => {
        timer?.stop();
        timer = undefined;
        erase();
    };
    return {
        start(newLabel) {
            stop();
            label = newLabel;
            startedAt = lastOutput = now();
            atLineStart = true;
            timer = every(TICK_MS, tick);
        },
        beforeOutput: erase,
        afterOutput(lineStart) {
            atLineStart = lineStart;
            lastOutput = now();
        },
        stop,
    };
}

// EXTERNAL MODULE: ./.build/src/engine/finding-location.js
var finding_location = __webpack_require__(2847);
// EXTERNAL MODULE: ./.build/src/cli/style.js
var style = __webpack_require__(107);
;// CONCATENATED MODULE: ./.build/src/cli/findings-list.js
/**
 * The final review as a terminal list, one finding a line (severity, `path:line`, title), and
 * the `--fail-on` rule that turns findings into an exit code. Pure.
 */


const FAIL_ON_LEVELS = ['none', 'high', 'medium', 'low', 'info'];
const RANK = { high: 3, medium: 2, low: 1, info: 0 };
const STYLE = {
    high: ['red', 'bold'],
    medium: 'yellow',
    low: 'cyan',
    info: 'dim',
};
const MAX_TITLE = 120;
/** Findings at or above `level` (none for `none`). */
function failingFindings(findings, level) {
    if (level === 'none')
        return [];
    return findings.filter((f) => RANK[f.severity] >= RANK[level]);
}
function oneLine(text) {
    const flat = (0,style/* terminalSafe */.kJ)(text.replace(/\s+/g, ' ')).trim();
    return flat.length > MAX_TITLE ? `${flat.slice(0, MAX_TITLE - 1)}…` : flat;
}
/** `Findings (2):` then one line each, most severe first, or a line saying there are none. */
function formatFindings(review, paint = style/* plain */.pj) {
    const findings = [...review.findings].sort((a, b) => RANK[b.severity] - RANK[a.severity] || a.path.localeCompare(b.path) || a.line - b.line);
    const status = `review status: ${review.status}`;
    if (findings.length === 0)
        return `\nNo findings (${status}).\n`;
    const width = Math.min(48, Math.max(...findings.map((f) => oneLine((0,finding_location/* findingLocation */.$)(f)).length)));
    const lines = [`\nFindings (${findings.length}, ${status}):`];
    for (const f of findings) {
        const severity = paint(STYLE[f.severity], f.severity.toUpperCase().padEnd(6));
        lines.push(`  ${severity}  ${oneLine((0,finding_location/* findingLocation */.$)(f)).padEnd(width)}  ${oneLine(f.title)}`);
    }
    return `${lines.join('\n')}\n`;
}

// EXTERNAL MODULE: ./.build/src/cli/self-command.js
var self_command = __webpack_require__(7098);
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
function createTerminalObserver(rawWrite, options = {}) {
    const paint = options.paint ?? style/* plain */.pj;
    const ticker = options.ticker;
    let atLineStart = true;
    const write = (text) => {
        if (text === '')
            return;
        ticker?.beforeOutput();
        rawWrite(text);
        atLineStart = text.endsWith('\n');
        ticker?.afterOutput(atLineStart);
    };
    const ensureNewline = () => {
        if (!atLineStart)
            write('\n');
    };
    return {
        stepStarted({ step, iteration, model, index, total }) {
            ensureNewline();
            const pass = iteration > 1 ? `, pass ${iteration}` : '';
            write(`\n${paint('bold', `── step ${index + 1}/${total}: ${step.id}`)} (${step.role} · ${model}${pass}) ──\n`);
            ticker?.start(`${step.id} · ${model}`);
        },
        delta(_stepId, chunk) {
            if (chunk)
                write((0,style/* terminalSafe */.kJ)(chunk));
        },
        stepFinished(result) {
            ticker?.stop();
            ensureNewline();
            const parts = [
                paint('green', `✓ ${result.stepId}`),
                formatDuration(result.durationMs),
                usageText(result),
            ];
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
                write(`  note: ${(0,style/* terminalSafe */.kJ)(note)}\n`);
        },
        notice(message) {
            ensureNewline();
            write(`↻ ${(0,style/* terminalSafe */.kJ)(message)}\n`);
        },
        close() {
            ticker?.stop();
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
 * the ledger of model calls, and `--ledger FILE` writes it as JSON. After a review it lists the
 * findings; `--fail-on LEVEL` makes findings at or above LEVEL exit 1.
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
            base: { type: 'string' },
            'fail-on': { type: 'string' },
        },
    });
    const failOn = (0,usage/* choice */.Yq)(values['fail-on'] ?? 'none', FAIL_ON_LEVELS, '--fail-on', 'run');
    if (values.base !== undefined)
        await checkBaseRef(values.base, cwd);
    const env = await (0,env_file/* loadProjectEnv */.zr)(cwd, process.env);
    const { loaded, resume, ...given } = await runInput(values.workflow, values['resume-checkpoint'], positionals.join(' ').trim(), cwd, io);
    let task = given.task;
    if (!task)
        task = await readTaskFromEditor(env, Boolean(process.stdin.isTTY && process.stdout.isTTY));
    if (values.base !== undefined && !readsGitDiff(loaded.workflow.steps)) {
        io.err(`note: --base changes git_diff, and no step of "${loaded.workflow.workflow}" reads it.\n`);
    }
    const live = env.AETHR_LIVE === '1' || env.AETHR_LIVE === 'true';
    const paint = io.paint ?? style/* plain */.pj;
    const observer = createTerminalObserver(io.out, {
        paint,
        ...(io.isTTY && env.TERM !== 'dumb' ? { ticker: createElapsedTicker({ write: io.out }) } : {}),
    });
    const ports = (0,build_ports/* buildPorts */.P)({
        workflow: loaded.workflow,
        root: cwd,
        env,
        live,
        observer,
        ...(values.base !== undefined ? { diffBase: values.base } : {}),
    });
    if (values['show-prompt']) {
        await showPrompts(loaded.workflow, task, ports, io);
        return 0;
    }
    io.out(live
        ? `Running "${loaded.workflow.workflow}" (${loaded.display}) with live models.\n`
        : `Running "${loaded.workflow.workflow}" (${loaded.display}) in mock mode: a deterministic mock model answers. Set AETHR_LIVE=1 and a provider key for live calls.\n`);
    const record = (passes) => (0,run_record/* runRecordOf */.GH)({
        workflowSource: loaded.source,
        task,
        workflow: loaded.workflow,
        routeModel: ports.routeModel,
        passes,
    });
    const reportLedger = async (passes) => {
        io.out((0,ledger/* formatLedgerTable */.Xf)(ports.models.calls));
        if (!values.ledger)
            return undefined;
        const file = (0,external_node_path_.resolve)(cwd, values.ledger);
        await writeLedger(file, (0,ledger/* ledgerJson */.eH)(ports.models.calls, record(passes)));
        io.out(`Ledger written to ${file}\n`);
        return file;
    };
    try {
        const result = await (0,run_workflow/* runWorkflow */.FZ)({ workflow: loaded.workflow, task, resume }, ports);
        observer.close();
        io.out(formatRunSummary(result));
        const passes = (0,run_record/* passesOf */.Hb)(result.results);
        const ledgerFile = await reportLedger(passes);
        // An ad-hoc run of a preset with an override worth keeping: say how to keep it as a file.
        if (loaded.source.startsWith('preset:') && env.AETHR_MODEL) {
            const file = ledgerFile ?? (await writeTempLedger((0,ledger/* ledgerJson */.eH)(ports.models.calls, record(passes))));
            const aethr = await (0,self_command/* selfCommand */.e)(process.argv[1] ?? 'aethr', process.env, cwd);
            io.out(`\nTo keep this run as an editable workflow:\n  ${aethr} promote --ledger ${file} --out .aethr.yaml\n`);
        }
        if (values.verbose)
            io.out(`${JSON.stringify(ports.models.calls, null, 2)}\n`);
        return reportFindings(result.finalReview, failOn, paint, io);
    }
    catch (error) {
        observer.close();
        if (!(error instanceof run_workflow/* StepFailed */.an))
            throw error;
        await reportLedger(error.state.passes);
        const file = await (0,engine_checkpoint/* writeCheckpoint */.Kp)({
            workflowSource: loaded.source,
            workflowHash: (0,engine_checkpoint/* hashWorkflow */.k7)(loaded.workflow),
            task,
            failedStep: error.stepId,
            error: error.message,
            state: error.state,
            run: record(error.state.passes),
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
/** The workflow and task to run: from a checkpoint being resumed, or from the arguments. */
async function runInput(workflowSpec, checkpointFile, task, cwd, io) {
    if (!checkpointFile)
        return { loaded: await (0,workflow_source/* loadWorkflowSpec */.F)(workflowSpec, cwd), task };
    const checkpoint = await (0,engine_checkpoint/* readCheckpoint */.HQ)(checkpointFile);
    const loaded = await (0,workflow_source/* loadWorkflowSpec */.F)(workflowSpec ?? checkpoint.workflowSource, cwd);
    for (const warning of (0,engine_checkpoint/* checkResumable */.zN)(checkpoint, loaded.workflow))
        io.err(`warning: ${warning}\n`);
    const resume = checkpoint.state;
    io.out(`Resuming "${loaded.workflow.workflow}" at step "${checkpoint.failedStep}" (${resume.results.length} earlier result(s) kept).\n`);
    return { loaded, task: task || checkpoint.task, resume };
}
async function showPrompts(workflow, task, ports, io) {
    for (const preview of await (0,run_workflow/* previewPrompts */.wC)({ workflow, task }, ports)) {
        io.out(`\n══ step ${preview.step.id} (${preview.step.role} · ${preview.model}) ══\n`);
        io.out(`── system ──\n${preview.system}\n── user ──\n${preview.user}\n`);
    }
    io.out('\n(prompt preview: no model was called)\n');
}
/** The final review's findings, and the exit code `--fail-on` asks for. */
function reportFindings(review, failOn, paint, io) {
    if (!review)
        return 0;
    io.out(formatFindings(review, paint));
    const failing = failingFindings(review.findings, failOn);
    if (failing.length === 0)
        return 0;
    io.err(`aethr: ${failing.length} finding${failing.length === 1 ? '' : 's'} at or above "${failOn}" (--fail-on ${failOn}).\n`);
    return 1;
}
async function writeLedger(file, ledger) {
    await (0,promises_.writeFile)(file, `${JSON.stringify(ledger, null, 2)}\n`, { mode: 0o600 });
}
/** The ledger in a private temp folder, when the run was not asked to write one. */
async function writeTempLedger(ledger) {
    const file = (0,external_node_path_.join)(await (0,promises_.mkdtemp)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'aethr-')), 'ledger.json');
    await writeLedger(file, ledger);
    return file;
}
function readsGitDiff(steps) {
    return steps.some((step) => (step.context ?? []).some((source) => source.trim() === 'git_diff'));
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
