export const id = 593;
export const ids = [593];
export const modules = {

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

/***/ 1675:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F: () => (/* binding */ loadWorkflowSpec)
/* harmony export */ });
/* unused harmony export DEFAULT_WORKFLOW_FILE */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6624);
/* harmony import */ var _did_you_mean_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(5571);
/* harmony import */ var _load_workflow_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8397);
/* harmony import */ var _presets_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1674);
/**
 * Where a run's workflow comes from: a file (in the working tree, or read through another
 * reader such as the base branch on GitHub), or a preset name when no such file exists.
 */






const DEFAULT_WORKFLOW_FILE = '.aethr.yaml';
async function loadWorkflowSpec(spec, cwd, options = {}) {
    const wanted = spec ?? DEFAULT_WORKFLOW_FILE;
    if (wanted.startsWith('preset:'))
        return loadPreset(wanted.slice('preset:'.length));
    const found = options.reader
        ? await fromReader(options.reader, wanted)
        : await fromDisk(wanted, cwd);
    if (found)
        return found;
    if ((0,_presets_js__WEBPACK_IMPORTED_MODULE_4__/* .isPresetName */ .l6)(wanted))
        return loadPreset(wanted);
    if (wanted === DEFAULT_WORKFLOW_FILE && options.fallbackPreset)
        return loadPreset(options.fallbackPreset);
    if (spec === undefined) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .AethrError */ .j(`No ${DEFAULT_WORKFLOW_FILE} in ${cwd}.`, {
            hint: 'Create one with "aethr init review-existing-diff" (see "aethr init --list"), or pass --workflow FILE.',
        });
    }
    const near = (0,_did_you_mean_js__WEBPACK_IMPORTED_MODULE_5__/* .closestMatch */ .h0)(wanted, _presets_js__WEBPACK_IMPORTED_MODULE_4__/* .PRESET_NAMES */ .dO);
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .AethrError */ .j(`Workflow "${wanted}" is neither a file nor a preset.`, {
        hint: near
            ? `Did you mean the preset "${near}"?`
            : `Pass a path to a workflow file, or one of the presets: ${_presets_js__WEBPACK_IMPORTED_MODULE_4__/* .PRESET_NAMES */ .dO.join(', ')}.`,
    });
}
async function fromDisk(wanted, cwd) {
    const file = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.isAbsolute)(wanted) ? wanted : (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(cwd, wanted);
    if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(file))
        return undefined;
    const display = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.relative)(cwd, file) || file;
    return { workflow: await (0,_load_workflow_js__WEBPACK_IMPORTED_MODULE_3__/* .loadWorkflowFile */ .md)(file, display), source: file, display };
}
async function fromReader(reader, wanted) {
    const file = await reader.read(wanted);
    if (!file)
        return undefined;
    return {
        workflow: (0,_load_workflow_js__WEBPACK_IMPORTED_MODULE_3__/* .parseWorkflowText */ .oO)(file.text, file.display),
        source: file.display,
        display: file.display,
    };
}
async function loadPreset(name) {
    const text = await (0,_presets_js__WEBPACK_IMPORTED_MODULE_4__/* .readPreset */ ._X)(name);
    const display = `preset ${name}`;
    return {
        workflow: (0,_load_workflow_js__WEBPACK_IMPORTED_MODULE_3__/* .parseWorkflowText */ .oO)(text, (0,_presets_js__WEBPACK_IMPORTED_MODULE_4__/* .isPresetName */ .l6)(name) ? (0,_presets_js__WEBPACK_IMPORTED_MODULE_4__/* .presetPath */ .B2)(name) : display),
        source: `preset:${name}`,
        display,
    };
}


/***/ }),

/***/ 3177:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L$: () => (/* binding */ BudgetExceeded),
/* harmony export */   Zd: () => (/* binding */ resolveCallLimits),
/* harmony export */   zr: () => (/* binding */ createBudgetGuard)
/* harmony export */ });
/* unused harmony exports DEFAULT_MAX_INPUT_TOKENS_PER_CALL, DEFAULT_MAX_OUTPUT_TOKENS_PER_CALL, isBudgetExceeded */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6624);
/* harmony import */ var _pricing_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8924);


const DEFAULT_MAX_INPUT_TOKENS_PER_CALL = 120_000;
const DEFAULT_MAX_OUTPUT_TOKENS_PER_CALL = 4_096;
/** The workflow's `limits:` with defaults filled in. */
function resolveCallLimits(limits) {
    const out = {
        maxInputTokensPerCall: limits?.max_input_tokens_per_call ?? DEFAULT_MAX_INPUT_TOKENS_PER_CALL,
        maxOutputTokensPerCall: limits?.max_output_tokens_per_call ?? DEFAULT_MAX_OUTPUT_TOKENS_PER_CALL,
    };
    if (limits?.max_context_chars_per_call !== undefined)
        out.maxContextCharsPerCall = limits.max_context_chars_per_call;
    if (limits?.max_patch_bytes !== undefined)
        out.maxPatchBytes = limits.max_patch_bytes;
    return out;
}
/** Rounding slack so that a budget of exactly N calls allows N calls. */
const EPSILON = 1e-12;
const count = (n) => n.toLocaleString('en-US');
function createBudgetGuard(settings = {}) {
    const limits = resolveCallLimits(settings.limits);
    const budget = settings.budget ?? {};
    const prices = (0,_pricing_js__WEBPACK_IMPORTED_MODULE_1__/* .createPriceTable */ .qt)(settings.pricing);
    const spentBeforeUsd = settings.spentBeforeUsd ?? 0;
    const byRole = new Map();
    let spentUsd = 0;
    const roleBudget = (role) => budget.role_budgets_usd?.[role];
    const usdBudgetApplies = (role) => budget.run_usd !== undefined || budget.pr_usd !== undefined || roleBudget(role) !== undefined;
    function check(call) {
        const who = `${call.ref} for step "${call.stepId}" (role ${call.role})`;
        if (call.inputTokens > limits.maxInputTokensPerCall) {
            return {
                ok: false,
                limit: 'max_input_tokens_per_call',
                message: `Not calling ${who}: the request has ${count(call.inputTokens)} input tokens, over limits.max_input_tokens_per_call (${count(limits.maxInputTokensPerCall)}).`,
                hint: 'Give the step less context, or raise limits.max_input_tokens_per_call in .aethr.yaml; then resume from the checkpoint.',
            };
        }
        if (call.maxOutputTokens > limits.maxOutputTokensPerCall) {
            return {
                ok: false,
                limit: 'max_output_tokens_per_call',
                message: `Not calling ${who}: it asks for up to ${count(call.maxOutputTokens)} output tokens, over limits.max_output_tokens_per_call (${count(limits.maxOutputTokensPerCall)}).`,
                hint: 'Raise limits.max_output_tokens_per_call in .aethr.yaml.',
            };
        }
        const price = prices.priceFor(call.ref);
        const projectedUsd = price ? (0,_pricing_js__WEBPACK_IMPORTED_MODULE_1__/* .costUsd */ .O4)(price, call.inputTokens, call.maxOutputTokens) : undefined;
        if (!usdBudgetApplies(call.role))
            return { ok: true, projectedUsd, price };
        if (!price || projectedUsd === undefined) {
            const keys = [
                roleBudget(call.role) !== undefined ? `budget.role_budgets_usd.${call.role}` : undefined,
                budget.run_usd !== undefined ? 'budget.run_usd' : undefined,
                budget.pr_usd !== undefined ? 'budget.pr_usd' : undefined,
            ].filter((k) => k !== undefined);
            return {
                ok: false,
                limit: 'pricing',
                message: `Not calling ${who}: its price is unknown, so its cost cannot be checked against ${keys.join(' and ')}.`,
                hint: `Add its price (USD per million tokens) to .aethr.yaml: pricing: { "${call.ref}": { input_per_mtok: <USD>, output_per_mtok: <USD> } }.`,
            };
        }
        const cost = `it could cost up to ${(0,_pricing_js__WEBPACK_IMPORTED_MODULE_1__/* .formatUsd */ .UK)(projectedUsd)} (${count(call.inputTokens)} input + up to ${count(call.maxOutputTokens)} output tokens)`;
        const lower = 'or lower limits.max_output_tokens_per_call';
        const roleLimit = roleBudget(call.role);
        if (roleLimit !== undefined) {
            const spent = byRole.get(call.role) ?? 0;
            if (spent + projectedUsd > roleLimit + EPSILON) {
                const key = `role_budgets_usd.${call.role}`;
                return {
                    ok: false,
                    limit: key,
                    projectedUsd,
                    message: `Not calling ${who}: ${cost}, and role "${call.role}" has spent ${(0,_pricing_js__WEBPACK_IMPORTED_MODULE_1__/* .formatUsd */ .UK)(spent)} of its ${(0,_pricing_js__WEBPACK_IMPORTED_MODULE_1__/* .formatUsd */ .UK)(roleLimit)} budget (budget.${key}).`,
                    hint: `Raise budget.${key} in .aethr.yaml (${lower}), then resume from the checkpoint.`,
                };
            }
        }
        if (budget.run_usd !== undefined && spentUsd + projectedUsd > budget.run_usd + EPSILON) {
            return {
                ok: false,
                limit: 'run_usd',
                projectedUsd,
                message: `Not calling ${who}: ${cost}, and this run has spent ${(0,_pricing_js__WEBPACK_IMPORTED_MODULE_1__/* .formatUsd */ .UK)(spentUsd)} of its ${(0,_pricing_js__WEBPACK_IMPORTED_MODULE_1__/* .formatUsd */ .UK)(budget.run_usd)} budget (budget.run_usd).`,
                hint: `Raise budget.run_usd in .aethr.yaml (${lower}), then resume from the checkpoint.`,
            };
        }
        if (budget.pr_usd !== undefined &&
            spentBeforeUsd + spentUsd + projectedUsd > budget.pr_usd + EPSILON) {
            return {
                ok: false,
                limit: 'pr_usd',
                projectedUsd,
                message: `Not calling ${who}: ${cost}, and this pull request has spent ${(0,_pricing_js__WEBPACK_IMPORTED_MODULE_1__/* .formatUsd */ .UK)(spentBeforeUsd + spentUsd)} (earlier runs ${(0,_pricing_js__WEBPACK_IMPORTED_MODULE_1__/* .formatUsd */ .UK)(spentBeforeUsd)}, this run ${(0,_pricing_js__WEBPACK_IMPORTED_MODULE_1__/* .formatUsd */ .UK)(spentUsd)}) of its ${(0,_pricing_js__WEBPACK_IMPORTED_MODULE_1__/* .formatUsd */ .UK)(budget.pr_usd)} budget (budget.pr_usd).`,
                hint: `Raise budget.pr_usd in .aethr.yaml (${lower}), then resume from the checkpoint.`,
            };
        }
        return { ok: true, projectedUsd, price };
    }
    function record(actual) {
        const price = prices.priceFor(actual.ref);
        if (!price)
            return undefined;
        const cost = (0,_pricing_js__WEBPACK_IMPORTED_MODULE_1__/* .costUsd */ .O4)(price, actual.inputTokens, actual.outputTokens);
        spentUsd += cost;
        byRole.set(actual.role, (byRole.get(actual.role) ?? 0) + cost);
        return cost;
    }
    return {
        limits,
        spentBeforeUsd,
        get spentUsd() {
            return spentUsd;
        },
        spentByRole: (role) => byRole.get(role) ?? 0,
        priceFor: (ref) => prices.priceFor(ref),
        usdBudgetApplies,
        clampOutputTokens: (requested) => requested === undefined
            ? limits.maxOutputTokensPerCall
            : Math.min(requested, limits.maxOutputTokensPerCall),
        check,
        record,
    };
}
/** A call was refused by a budget or a limit; nothing was sent. */
class BudgetExceeded extends _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .AethrError */ .j {
    name = 'BudgetExceeded';
    /** The `.aethr.yaml` key that refused it (`run_usd`, `role_budgets_usd.builder`, ...). */
    limit;
    ref;
    role;
    stepId;
    projectedUsd;
    constructor(decision, call) {
        super(decision.message, { hint: decision.hint });
        this.limit = decision.limit;
        this.ref = call.ref;
        this.role = call.role;
        this.stepId = call.stepId;
        this.projectedUsd = decision.projectedUsd;
    }
}
function isBudgetExceeded(value) {
    return value instanceof BudgetExceeded;
}


/***/ }),

/***/ 6232:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Oc: () => (/* binding */ createModelGateway),
  uX: () => (/* reexport */ describeKeyProblem)
});

// UNUSED EXPORTS: hasKeyFor

;// CONCATENATED MODULE: ./.build/src/models/mock-model.js
/** ceil(chars / 4): the usual rough token estimate. */
function estimateTokens(text) {
    return Math.ceil(text.length / 4);
}
function mockUsage(request, reply) {
    const inputChars = request.messages.reduce((sum, m) => sum + m.content.length, 0);
    return { inputTokens: Math.ceil(inputChars / 4), outputTokens: estimateTokens(reply) };
}
function mockPurpose(request) {
    if (request.purpose)
        return request.purpose;
    if (/review/i.test(request.role))
        return 'review';
    if (/implement/i.test(request.role))
        return 'implement';
    return 'general';
}
function userText(request) {
    return request.messages
        .filter((m) => m.role === 'user')
        .map((m) => m.content)
        .join('\n\n');
}
const MAX_TASK_LINE = 160;
/** The first line of the task: the first non-empty line under a `# Task` heading, else of the user prompt. */
function firstTaskLine(prompt) {
    const lines = prompt.split(/\r?\n/);
    const heading = lines.findIndex((line) => /^#{1,6}\s*task\s*$/i.test(line.trim()));
    const start = heading === -1 ? 0 : heading + 1;
    let found = '';
    for (let i = start; i < lines.length; i++) {
        const line = lines[i].trim();
        if (heading !== -1 && /^#{1,6}\s/.test(line))
            break;
        if (line) {
            found = line;
            break;
        }
    }
    if (!found)
        return '(no task given)';
    return found.length > MAX_TASK_LINE ? `${found.slice(0, MAX_TASK_LINE)}…` : found;
}
/**
 * The first added line of the first file in a unified diff that has one: its new-file path (from
 * `+++ b/path`) and line number (from `@@ -a,b +c,d @@`, counting context and added lines).
 * Undefined when the text holds no diff with an added line.
 */
function firstAddedLine(text) {
    const lines = text.split(/\r?\n/);
    const files = lines.filter((l) => /^\+\+\+ \S/.test(l)).length;
    let path;
    let newLine;
    for (let i = 0; i < lines.length; i++) {
        const line = lines[i];
        if (line.startsWith('+++ ') && i > 0 && lines[i - 1].startsWith('--- ')) {
            const target = line.slice(4).split('\t')[0].trim();
            path = target === '/dev/null' ? undefined : target.replace(/^b\//, '');
            newLine = undefined;
            continue;
        }
        if (line.startsWith('--- ') && lines[i + 1]?.startsWith('+++ '))
            continue;
        const hunk = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,\d+)? @@/.exec(line);
        if (hunk) {
            newLine = path === undefined ? undefined : Number(hunk[1]);
            continue;
        }
        if (path === undefined || newLine === undefined)
            continue;
        if (line.startsWith('+'))
            return { path, line: newLine, files };
        if (line.startsWith(' ') || line === '')
            newLine++;
        else if (line.startsWith('-') || line.startsWith('\\'))
            continue;
        else
            newLine = undefined; // left the hunk (a fence, prose, a new `diff --git`)
    }
    return undefined;
}
function header(request) {
    return `[mock ${request.model}]`;
}
function reviewReply(request) {
    const anchor = firstAddedLine(userText(request));
    const findings = anchor
        ? [
            {
                path: anchor.path,
                line: anchor.line,
                severity: 'info',
                title: 'Mock review: no issues found',
                body: 'This finding comes from the deterministic mock model; no model reviewed the change.',
            },
        ]
        : [];
    const summary = anchor
        ? `Mock review of ${anchor.files} changed file${anchor.files === 1 ? '' : 's'}: no issues found.`
        : 'Mock review: no diff was found in the prompt, so there is nothing to comment on.';
    return [
        `${header(request)} ${request.role} review for step "${request.stepId}"`,
        '',
        summary,
        'This is a deterministic mock reply; no model was called.',
        '',
        '```json',
        JSON.stringify({ status: 'pass', findings }, null, 2),
        '```',
        '',
        'Review status: pass',
        '',
    ].join('\n');
}
function implementReply(request) {
    return [
        `${header(request)} ${request.role} for step "${request.stepId}"`,
        '',
        `Task: ${firstTaskLine(userText(request))}`,
        '',
        'mock mode: no changes proposed. The mock model never edits code; run with a live model to get a change.',
        '',
    ].join('\n');
}
function generalReply(request) {
    const task = firstTaskLine(userText(request));
    return [
        `${header(request)} ${request.role} for step "${request.stepId}"`,
        '',
        `Task: ${task}`,
        '',
        'Plan (mock):',
        `1. Read the context given to step "${request.stepId}".`,
        `2. Work out what "${task}" needs from the ${request.role}.`,
        '3. Hand the result to the next step.',
        '',
        'This is a deterministic mock reply; no model was called.',
        '',
    ].join('\n');
}
/** The mock reply text for a request (pure). */
function mockReplyText(request) {
    switch (mockPurpose(request)) {
        case 'review':
            return reviewReply(request);
        case 'implement':
            return implementReply(request);
        default:
            return generalReply(request);
    }
}
/** Splits a reply into line-sized deltas so streaming output looks like a live model's. */
function deltas(text) {
    return text.match(/[^\n]*\n|[^\n]+$/g) ?? [text];
}
/** Answers one request without the network. Honors an already-aborted signal. */
async function mockChat(request, onDelta) {
    request.signal?.throwIfAborted();
    const text = mockReplyText(request);
    if (onDelta)
        for (const chunk of deltas(text))
            onDelta(chunk);
    return { text, usage: mockUsage(request, text), model: request.model, mock: true };
}
function createMockModel() {
    return { chat: mockChat };
}

// EXTERNAL MODULE: ./.build/src/models/model-error.js
var model_error = __webpack_require__(3332);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./.build/src/models/openai-retry.js
var openai_retry = __webpack_require__(9561);
// EXTERNAL MODULE: ./.build/src/models/redact.js
var redact = __webpack_require__(3033);
// EXTERNAL MODULE: ./.build/src/models/providers.js
var providers = __webpack_require__(152);
;// CONCATENATED MODULE: ./.build/src/models/openai-errors.js
/**
 * Everything a live call can throw, in the user's terms: a ModelError with the kind, where the
 * model is configured, which key or base URL to check, and no secret in any of it.
 */




function where(info) {
    return info.context.configuredAt ?? `models in .aethr.yaml (or AETHR_MODEL)`;
}
function attempts(info) {
    const n = info.maxRetries + 1;
    return `${n} attempt${n === 1 ? '' : 's'}`;
}
function make(info, kind, message, hint, extra = {}) {
    return new model_error/* ModelError */.m(message, {
        kind,
        hint,
        secrets: info.secrets,
        provider: info.target.provider,
        ref: info.target.ref,
        baseURL: (0,redact/* redactURL */.fz)(info.baseURL, info.secrets),
        ...extra,
    });
}
function baseURLHint(info) {
    const url = (0,redact/* redactURL */.fz)(info.baseURL, info.secrets);
    if (info.target.baseURLSource === 'env' && info.target.baseURLEnvName) {
        return `${url} comes from ${info.target.baseURLEnvName}; check it (and that the server is running).`;
    }
    return `Check your network connection and proxy settings (HTTPS_PROXY), and that ${url} is reachable.`;
}
function idleTimeoutError(info, started) {
    return make(info, 'timeout', `${info.target.ref} ${started ? 'stopped streaming' : 'sent no data'} for ${info.timeoutMs} ms (base URL ${(0,redact/* redactURL */.fz)(info.baseURL, info.secrets)}).`, 'The provider may be overloaded; run again, or raise the model timeout.');
}
function abortedError(info) {
    return make(info, 'aborted', `The call to ${info.target.ref} was cancelled.`, 'The run was stopped before the model answered.');
}
function describeCause(error) {
    const parts = [];
    let current = error;
    for (let depth = 0; current && depth < 4; depth++) {
        if (current instanceof Error) {
            const code = current.code;
            const text = code && !current.message.includes(code) ? `${code}: ${current.message}` : current.message;
            if (text && !parts.includes(text))
                parts.push(text);
            current = current.cause;
        }
        else {
            parts.push(String(current));
            break;
        }
    }
    // The innermost cause is the most specific (ECONNREFUSED 127.0.0.1:1234).
    return parts.length > 0 ? parts[parts.length - 1] : 'unknown error';
}
const MODEL_MISSING = /model[^.\n]{0,80}\b(not found|does not exist|doesn't exist|not exist|unknown|not available|is not supported)\b|\b(unknown|invalid|unsupported) model\b|no such model|model_not_found/i;
function apiMessageOf(error) {
    const inner = error.error;
    if (inner && typeof inner.message === 'string')
        return inner.message;
    return error.message.replace(/^\d{3}\s+/, '');
}
/** Turns anything the SDK throws into a ModelError in the user's terms. */
function toModelError(error, sdk, info) {
    if (error instanceof model_error/* ModelError */.m)
        return error;
    const { target } = info;
    const url = (0,redact/* redactURL */.fz)(info.baseURL, info.secrets);
    if (error instanceof sdk.APIUserAbortError)
        return abortedError(info);
    if (error instanceof sdk.APIConnectionTimeoutError) {
        return make(info, 'timeout', `No answer from ${url} for ${target.ref} within ${info.timeoutMs} ms (${attempts(info)}).`, `The endpoint did not respond in time. ${baseURLHint(info)} If the model is just slow, raise the model timeout.`, { cause: error });
    }
    if (error instanceof sdk.APIConnectionError) {
        const detail = describeCause(error);
        return make(info, 'connection', `Could not connect to ${url} for ${target.ref} (${attempts(info)}): ${detail}`, baseURLHint(info), { cause: error });
    }
    if (error instanceof sdk.APIError && typeof error.status === 'number')
        return httpError(error, error.status, info);
    const message = error instanceof Error ? error.message : String(error);
    return make(info, 'unknown', `The call to ${target.ref} at ${url} failed: ${message}`, 'Run again; if it keeps failing, report it with the message above.', {
        cause: error,
    });
}
/** An HTTP error answer: auth, unknown model, rate limit, server or bad request. */
function httpError(error, status, info) {
    const { target } = info;
    const apiMessage = (0,redact/* redactSecrets */.fp)(apiMessageOf(error), info.secrets);
    const failure = {
        status,
        apiMessage,
        code: typeof error.code === 'string' ? error.code : undefined,
        url: (0,redact/* redactURL */.fz)(info.baseURL, info.secrets),
        keyVar: target.keyEnvName ?? (0,providers/* keyEnvLabel */.re)(target.keyEnvNames),
        extra: { status, apiMessage, cause: error },
    };
    const modelMissing = failure.code === 'model_not_found' || MODEL_MISSING.test(apiMessage);
    if (status === 401 || (status === 403 && !modelMissing))
        return authError(failure, info);
    if (status === 404 || modelMissing)
        return modelMissingError(failure, modelMissing, info);
    if (status === 429)
        return rateLimitError(failure, error.headers?.get(openai_retry/* TOO_LONG_HEADER */.Ku), info);
    if (status >= 500) {
        return make(info, 'server', `${target.label} failed with HTTP ${status} for ${target.ref} (${attempts(info)}): ${apiMessage}`, `This is an error on the provider's side; run again later.${target.baseURLSource === 'env' ? ` ${baseURLHint(info)}` : ''}`, failure.extra);
    }
    return make(info, 'bad_request', `${target.label} rejected the request for ${target.ref} (HTTP ${status}): ${apiMessage}`, `Check that ${target.model} supports chat completions at ${failure.url}, and the model settings in ${where(info)}.`, failure.extra);
}
/** 401, or a 403 that is not about the model: no key, a wrong key, or a key without access. */
function authError(f, info) {
    const { target } = info;
    if (!target.apiKey) {
        return make(info, 'auth', `${f.url} requires an API key for ${target.ref} (HTTP ${f.status}), and none is set.`, `Set ${(0,providers/* keyEnvLabel */.re)(target.keyEnvNames)} (in the project .env, your shell, or a repository secret) and run again.`, f.extra);
    }
    const what = f.status === 401 ? 'rejected the API key' : 'refused access with the API key';
    const fix = f.status === 401
        ? `Check that ${f.keyVar} holds a valid ${target.label} key${target.keyHelp ? ` (${target.keyHelp})` : ''}; update it in the project .env, your shell, or the repository secret, then run again.`
        : `The key in ${f.keyVar} is valid but may not have access to ${target.model} (or to this project/organisation); check its permissions, or choose another model in ${where(info)}.`;
    return make(info, 'auth', `${target.label} ${what} in ${f.keyVar} (HTTP ${f.status}) for ${target.ref}: ${f.apiMessage}`, fix, f.extra);
}
function modelMissingError(f, modelMissing, info) {
    const { target } = info;
    const hint = modelMissing
        ? `Check the model name in ${where(info)}; list the models your key can use in the ${target.label} console or with GET ${f.url.replace(/\/+$/, '')}/models.`
        : `Check the model name in ${where(info)}. If it is right, the base URL may be wrong: ${baseURLHint(info)}`;
    return make(info, 'model_not_found', `Unknown model "${target.ref}" (configured in ${where(info)}): ${target.label} at ${f.url} answered HTTP ${f.status}: ${f.apiMessage}`, hint, f.extra);
}
/** 429: a wait longer than we take (boundedRetryFetch marked it), out of quota, or just busy. */
function rateLimitError(f, asked, info) {
    const { target } = info;
    if (asked) {
        const seconds = Math.ceil(Number(asked) / 1000);
        return make(info, 'rate_limit', `${target.label} rate-limited ${target.ref} and asked to wait ${seconds} s, longer than Aethr waits: ${f.apiMessage}`, `Run again later, or check the rate limits and quota of the key in ${f.keyVar}.`, f.extra);
    }
    const quota = f.code === 'insufficient_quota' || /quota|billing|credit/i.test(f.apiMessage);
    return make(info, 'rate_limit', `${target.label} rate-limited ${target.ref} (HTTP 429, ${attempts(info)}): ${f.apiMessage}`, quota
        ? `The account behind ${f.keyVar} is out of quota or credits; check its billing.`
        : `Wait a little and run again, or check the rate limits of the key in ${f.keyVar}.`, f.extra);
}

;// CONCATENATED MODULE: ./.build/src/models/openai-stream.js



/** One streamed request; a cut stream is a StreamCut, anything else a ModelError. */
async function streamOnce(openai, sdk, body, target, request, onDelta, info) {
    const controller = new AbortController();
    const outer = request.signal;
    const forwardAbort = () => controller.abort(outer?.reason);
    if (outer?.aborted)
        forwardAbort();
    else
        outer?.addEventListener('abort', forwardAbort, { once: true });
    let idleTimer;
    let idleTimedOut = false;
    const armIdle = () => {
        if (idleTimer !== undefined)
            clearTimeout(idleTimer);
        idleTimer = setTimeout(() => {
            idleTimedOut = true;
            controller.abort();
        }, info.timeoutMs);
    };
    let text = '';
    let usage;
    let serviceTier;
    let finishReason;
    const calls = [];
    let streaming = false;
    try {
        const stream = await openai.chat.completions.create(body, { signal: controller.signal });
        streaming = true;
        armIdle();
        for await (const chunk of stream) {
            armIdle();
            const choice = chunk.choices?.[0];
            const content = choice?.delta?.content;
            if (typeof content === 'string' && content.length > 0) {
                text += content;
                onDelta?.(content);
            }
            for (const call of choice?.delta?.tool_calls ?? []) {
                const slot = (calls[call.index] ??= { id: '', name: '', arguments: '' });
                if (call.id)
                    slot.id = call.id;
                if (call.function?.name)
                    slot.name += call.function.name;
                if (call.function?.arguments)
                    slot.arguments += call.function.arguments;
            }
            if (typeof choice?.finish_reason === 'string')
                finishReason = choice.finish_reason;
            if (typeof chunk.service_tier === 'string')
                serviceTier = chunk.service_tier;
            if (chunk.usage) {
                usage = {
                    inputTokens: chunk.usage.prompt_tokens ?? 0,
                    outputTokens: chunk.usage.completion_tokens ?? 0,
                };
            }
        }
        // The SDK ends the iteration quietly when the request is aborted: decide why here.
        if (idleTimedOut)
            throw idleTimeoutError(info, text.length > 0);
        if (outer?.aborted)
            throw abortedError(info);
    }
    catch (error) {
        if (error instanceof model_error/* ModelError */.m)
            throw error;
        if (idleTimedOut)
            throw idleTimeoutError(info, text.length > 0);
        if (outer?.aborted)
            throw abortedError(info);
        if (streaming && finishReason === undefined && (0,openai_retry/* isStreamCut */.HK)(error))
            throw new openai_retry/* StreamCut */.dj(describeCause(error), error);
        throw toModelError(error, sdk, info);
    }
    finally {
        if (idleTimer !== undefined)
            clearTimeout(idleTimer);
        outer?.removeEventListener('abort', forwardAbort);
    }
    const result = { text, model: target.ref, mock: false };
    if (usage)
        result.usage = usage;
    if (serviceTier !== undefined)
        result.serviceTier = serviceTier;
    if (finishReason !== undefined)
        result.finishReason = finishReason;
    const toolCalls = calls
        .filter((c) => c !== undefined && c.name !== '')
        .map((c) => ({
        id: c.id,
        type: 'function',
        function: { name: c.name, arguments: c.arguments },
    }));
    if (toolCalls.length > 0)
        result.toolCalls = toolCalls;
    return result;
}

;// CONCATENATED MODULE: ./.build/src/models/openai-chat.js






const DEFAULT_TIMEOUT_MS = 120_000;
const DEFAULT_MAX_RETRIES = 2;
const DEFAULT_MAX_RETRY_WAIT_MS = 60_000;
const DEFAULT_MAX_STREAM_RETRIES = 2;
const STREAM_RETRY_BASE_MS = 500;
/** Sent when a keyless local server is called (the SDK insists on some key). */
const NO_KEY_PLACEHOLDER = 'aethr-no-key';
let sdkPromise;
/** Loads the SDK once, on first use. */
function loadOpenAISdk() {
    sdkPromise ??= __webpack_require__.e(/* import() */ 674).then(__webpack_require__.bind(__webpack_require__, 3674));
    return sdkPromise;
}
function createOpenAIChatClient(options) {
    const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const maxRetries = options.maxRetries ?? DEFAULT_MAX_RETRIES;
    const maxRetryWaitMs = options.maxRetryWaitMs ?? DEFAULT_MAX_RETRY_WAIT_MS;
    const maxStreamRetries = options.maxStreamRetries ?? DEFAULT_MAX_STREAM_RETRIES;
    const streamRetryBaseMs = options.streamRetryBaseMs ?? STREAM_RETRY_BASE_MS;
    let clientPromise;
    async function client() {
        clientPromise ??= loadOpenAISdk().then((sdk) => new sdk.default({
            baseURL: options.baseURL,
            apiKey: options.apiKey ?? NO_KEY_PLACEHOLDER,
            adminAPIKey: null,
            organization: options.organization ?? null,
            project: options.project ?? null,
            webhookSecret: null,
            timeout: timeoutMs,
            maxRetries,
            fetch: (0,openai_retry/* boundedRetryFetch */.a4)(options.fetch ?? globalThis.fetch, maxRetryWaitMs),
            ...(options.headers ? { defaultHeaders: options.headers } : {}),
        }));
        try {
            return await clientPromise;
        }
        catch (error) {
            clientPromise = undefined;
            throw error;
        }
    }
    async function chat(target, request, onDelta, context = {}) {
        const secrets = [options.apiKey, target.apiKey];
        const info = {
            target,
            baseURL: options.baseURL,
            timeoutMs,
            maxRetries,
            secrets,
            context,
        };
        let sdk;
        let openai;
        try {
            sdk = await loadOpenAISdk();
            openai = await client();
        }
        catch (error) {
            throw new model_error/* ModelError */.m(`Could not load the openai SDK: ${error.message}`, {
                kind: 'config',
                secrets,
                cause: error,
                hint: 'Reinstall aethr-action\'s dependencies (the "openai" package is required for live calls).',
            });
        }
        const body = {
            model: target.model,
            messages: request.raw
                ? request.raw.messages
                : request.messages.map((m) => ({ role: m.role, content: m.content })),
            stream: true,
            stream_options: { include_usage: true },
        };
        if (request.raw) {
            for (const [key, value] of Object.entries(request.raw))
                if (key !== 'messages' && value !== undefined)
                    body[key] = value;
        }
        if (request.maxOutputTokens !== undefined)
            body[target.maxTokensParam] = request.maxOutputTokens;
        if (context.serviceTier !== undefined)
            body['service_tier'] = context.serviceTier;
        if (context.reasoningEffort !== undefined)
            body['reasoning_effort'] = context.reasoningEffort;
        const started = Date.now();
        for (let retry = 0;; retry++) {
            try {
                return await streamOnce(openai, sdk, body, target, request, onDelta, info);
            }
            catch (error) {
                const cut = error instanceof openai_retry/* StreamCut */.dj ? error : undefined;
                if (!cut)
                    throw error;
                const wait = streamRetryBaseMs * 2 ** retry;
                const young = Date.now() - started + wait < timeoutMs;
                if (retry >= maxStreamRetries || !young || request.signal?.aborted) {
                    throw make(info, 'connection', `The reply from ${target.ref} was cut off mid-stream (${cut.detail}) ${retry + 1} time(s); gave up.`, `The connection to ${(0,redact/* redactURL */.fz)(info.baseURL, info.secrets)} drops during replies; run again, or check proxies and load balancers on the way.`, { cause: cut.cause });
                }
                onDelta?.('\n\n[the reply was cut off; asking again]\n\n');
                await (0,openai_retry/* sleepUnlessAborted */.bp)(wait, request.signal);
            }
        }
    }
    return { baseURL: options.baseURL, timeoutMs, maxRetries, chat };
}

;// CONCATENATED MODULE: ./.build/src/models/gateway-route.js
/**
 * The gateway's two lookups: whether a model call goes to the mock or to a live endpoint (and
 * which), and the one SDK client kept per endpoint, key and headers.
 */





/**
 * What stops `ref` from being called live with `env`, in one sentence; undefined when nothing does
 * (a key is set, or the provider is a keyless local server). For `aethr doctor`.
 */
function describeKeyProblem(ref, env) {
    let target;
    try {
        target = (0,providers/* resolveProvider */.Kd)(ref, env);
    }
    catch (error) {
        return error.message;
    }
    if (target.baseURL === undefined) {
        const baseVar = target.baseURLEnvNames.join(' or ');
        return target.known
            ? `${target.label} needs ${baseVar} (the endpoint for ${target.ref}) and ${(0,providers/* keyEnvLabel */.re)(target.keyEnvNames)}.`
            : `"${target.provider}" is not a built-in provider: set ${baseVar} to its OpenAI-compatible base URL, and ${(0,providers/* keyEnvLabel */.re)(target.keyEnvNames)} unless it is a local server.`;
    }
    if (!target.apiKey && !target.keyOptional) {
        return `${(0,providers/* keyEnvLabel */.re)(target.keyEnvNames)} is not set (needed for ${target.ref}).`;
    }
    return undefined;
}
/** True when `ref` can be called live with `env` (key set, or a keyless local server). */
function hasKeyFor(ref, env) {
    return describeKeyProblem(ref, env) === undefined;
}
/** Mock or live for `ref`: mock when live calls are off or the provider has no key. */
function routeCall(ref, env, live) {
    if (!live)
        return { mode: 'mock', reason: 'live model calls are off (mock mode)' };
    const target = (0,providers/* resolveProvider */.Kd)(ref, env);
    if (target.baseURL === undefined) {
        if (target.apiKey) {
            // A key without an endpoint: the user meant a live call, so this is a configuration error.
            throw new model_error/* ModelError */.m(`No base URL for "${target.provider}" (model ${target.ref}).`, {
                kind: 'config',
                ref: target.ref,
                provider: target.provider,
                secrets: [target.apiKey],
                hint: `Set ${target.baseURLEnvNames.join(' or ')} to the provider's OpenAI-compatible base URL (ending in /v1 for most servers).`,
            });
        }
        return { mode: 'mock', reason: describeKeyProblem(ref, env) ?? 'no base URL', target };
    }
    if (!target.apiKey && !target.keyOptional) {
        return {
            mode: 'mock',
            reason: `no API key for ${target.ref}: ${(0,providers/* keyEnvLabel */.re)(target.keyEnvNames)} is not set`,
            target,
        };
    }
    return { mode: 'live', target };
}
function fingerprint(value) {
    return value === undefined ? '-' : (0,external_node_crypto_.createHash)('sha256').update(value).digest('hex').slice(0, 16);
}
function createClientCache(env, options) {
    const clients = new Map();
    return {
        get size() {
            return clients.size;
        },
        clientFor(target) {
            const baseURL = target.baseURL;
            const openai = target.provider === 'openai';
            const organization = openai ? (0,providers/* envValue */.$R)(env, 'OPENAI_ORG_ID') : undefined;
            const project = openai ? (0,providers/* envValue */.$R)(env, 'OPENAI_PROJECT_ID') : undefined;
            const key = [
                baseURL,
                fingerprint(target.apiKey),
                JSON.stringify(target.headers ?? {}),
                organization,
                project,
            ].join('\n');
            let client = clients.get(key);
            if (!client) {
                client = createOpenAIChatClient({
                    baseURL,
                    ...(target.apiKey !== undefined ? { apiKey: target.apiKey } : {}),
                    ...(target.headers ? { headers: target.headers } : {}),
                    ...(organization ? { organization } : {}),
                    ...(project ? { project } : {}),
                    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
                    maxRetries: options.maxRetries ?? DEFAULT_MAX_RETRIES,
                    ...(options.maxRetryWaitMs !== undefined
                        ? { maxRetryWaitMs: options.maxRetryWaitMs }
                        : {}),
                    ...(options.fetch ? { fetch: options.fetch } : {}),
                    streamRetryBaseMs: (0,openai_retry/* retryBaseMsFrom */.cX)(env),
                });
                clients.set(key, client);
            }
            return client;
        },
    };
}

// EXTERNAL MODULE: ./.build/src/models/policy.js
var policy = __webpack_require__(4014);
// EXTERNAL MODULE: ./.build/src/models/budget.js
var budget = __webpack_require__(3177);
// EXTERNAL MODULE: ./.build/src/models/tokens.js + 2 modules
var tokens = __webpack_require__(7653);
;// CONCATENATED MODULE: ./.build/src/models/call-budget.js


/**
 * The input tokens for the pre-call checks, counted only when that changes a decision. Families
 * without a local tokenizer are estimated (chars per token), as always. For OpenAI families a
 * bound made without the tokenizer — the messages' bytes, with the context the prompt's builder
 * already counted at its count (chatTokensBound) — is used when it alone proves the call within
 * max_input_tokens_per_call and every USD budget: no exact count could decide otherwise. Only
 * when it cannot is the prompt counted, once, exactly. Pricing after the call comes from the
 * usage the provider reports (see callModel), so a bound never becomes a cost.
 */
async function estimateInput(request, ref, guard, maxOutputTokens) {
    const method = (0,tokens/* tokenMethodFor */.k_)(ref);
    if (method.kind === 'approx')
        return { tokens: (0,tokens/* approxChatTokens */.hc)(request.messages, method), method };
    const bound = (0,tokens/* chatTokensBound */.Fn)(request.messages, ref, request.counted);
    const proves = bound.tokens <= guard.limits.maxInputTokensPerCall &&
        (!guard.usdBudgetApplies(request.role) ||
            guard.check({
                ref,
                role: request.role,
                stepId: request.stepId,
                inputTokens: bound.tokens,
                maxOutputTokens,
            }).ok);
    return proves ? bound : (0,tokens/* estimateChatTokens */.tl)(request.messages, ref);
}
/**
 * Before a call: the request as it is sent (its output cap clamped), with the estimate, the
 * projection and the price source in `record`. A refusal marks the record `blocked` and throws
 * BudgetExceeded; nothing is sent.
 */
async function checkCallBudget(guard, request, record) {
    const maxOutputTokens = guard.clampOutputTokens(request.maxOutputTokens);
    record.maxOutputTokens = maxOutputTokens;
    const estimate = await estimateInput(request, record.ref, guard, maxOutputTokens);
    record.estimatedInputTokens = estimate.tokens;
    record.estimateMethod = estimate.method.label;
    const call = { ref: record.ref, role: request.role, stepId: request.stepId };
    const verdict = guard.check({ ...call, inputTokens: estimate.tokens, maxOutputTokens });
    if (verdict.projectedUsd !== undefined)
        record.projectedUsd = verdict.projectedUsd;
    if (!verdict.ok) {
        record.status = 'blocked';
        record.limit = verdict.limit;
        record.error = verdict.message;
        throw new budget/* BudgetExceeded */.L$(verdict, call);
    }
    if (verdict.price)
        record.priceSource = verdict.price.source;
    return { ...request, maxOutputTokens };
}
/** After a call: its spend added to the guard, and its cost and basis in `record`. */
async function recordCallSpend(guard, request, record, result) {
    if (!result.usage && record.estimateMethod?.startsWith('bound:')) {
        // No usage reported: price the call by an exact count, not by the bound that let it through.
        const exact = await (0,tokens/* estimateChatTokens */.tl)(request.messages, record.ref);
        record.estimatedInputTokens = exact.tokens;
        record.estimateMethod = exact.method.label;
    }
    const inputTokens = result.usage?.inputTokens ?? record.estimatedInputTokens ?? 0;
    const outputTokens = result.usage?.outputTokens ?? (await (0,tokens/* countTokens */.ih)(result.text, record.ref));
    const cost = guard.record({ ref: record.ref, role: request.role, inputTokens, outputTokens });
    if (cost !== undefined)
        record.costUsd = cost;
    record.costBasis = result.usage ? 'reported' : 'estimated';
}

;// CONCATENATED MODULE: ./.build/src/models/gateway.js








function createModelGateway(options) {
    const env = options.env;
    const noticed = new Set();
    const g = {
        options,
        env,
        clock: options.clock ?? Date.now,
        calls: [],
        clients: createClientCache(env, options),
        notice(message) {
            if (noticed.has(message))
                return;
            noticed.add(message);
            options.onNotice?.(message);
        },
    };
    async function chat(request, onDelta) {
        const refs = [request.model];
        for (const ref of options.policy?.fallbackModels(request.role) ?? [])
            if (!refs.includes(ref))
                refs.push(ref);
        const attempts = { count: 0 };
        for (let i = 0;; i++) {
            if (i > 0)
                attempts.fallbackFrom = request.model;
            try {
                return await callModel(g, { ...request, model: refs[i] }, onDelta, attempts);
            }
            catch (error) {
                const next = refs[i + 1];
                if (next === undefined || !(0,policy/* shouldTryFallback */.P7)(error))
                    throw error;
                g.notice(`${refs[i]} failed (${error.kind.replace('_', ' ')}); trying the fallback model ${next} for role "${request.role}".`);
            }
        }
    }
    return {
        calls: g.calls,
        live: options.live,
        get liveClientCount() {
            return g.clients.size;
        },
        route: (ref) => routeCall(ref, env, options.live),
        chat,
    };
}
function secretsOf(env) {
    return Object.entries(env)
        .filter(([name, value]) => /(_API_KEY|_TOKEN|_SECRET)$/.test(name) && typeof value === 'string')
        .map(([, value]) => value);
}
function fail(g, record, error) {
    record.durationMs = g.clock() - record.startedAt;
    record.status = 'error';
    record.error = (0,redact/* redactSecrets */.fp)(error instanceof Error ? error.message : String(error), secretsOf(g.env));
    if (error instanceof model_error/* ModelError */.m)
        record.errorKind = error.kind;
}
/** One model, one request (plus one retry without a refused service tier). */
async function callModel(g, request, onDelta, attempts) {
    const { options } = g;
    const attempt = ++attempts.count;
    const record = {
        provider: 'unknown',
        model: request.model,
        ref: request.model,
        role: request.role,
        stepId: request.stepId,
        mock: !options.live,
        startedAt: g.clock(),
        durationMs: 0,
        status: 'ok',
    };
    if (attempt > 1)
        record.attempt = attempt;
    if (attempts.fallbackFrom !== undefined)
        record.fallbackFrom = attempts.fallbackFrom;
    if (request.purpose)
        record.purpose = request.purpose;
    g.calls.push(record);
    // The record of the attempt now running (a refused service tier is retried as a new one).
    const current = { record };
    try {
        const parsed = (0,providers/* parseModelRef */.qV)(request.model);
        record.provider = parsed.provider;
        record.model = parsed.model;
        record.ref = parsed.ref;
        const decision = routeCall(parsed.ref, g.env, options.live);
        if (decision.target) {
            record.provider = decision.target.provider;
            record.ref = decision.target.ref;
        }
        const send = options.budget ? await checkCallBudget(options.budget, request, record) : request;
        const settings = options.policy?.settingsFor(request.role, record.ref) ?? {};
        applySettings(record, settings);
        let result;
        if (decision.mode === 'mock') {
            record.mock = true;
            record.mockReason = decision.reason;
            if (options.live)
                g.notice(`Using the mock model: ${decision.reason}.`);
            result = await mockChat({ ...send, model: record.ref }, onDelta);
        }
        else {
            result = await callLive(g, {
                current,
                target: decision.target,
                send,
                settings,
                onDelta,
                attempts,
            });
        }
        const last = current.record;
        if (result.usage) {
            last.inputTokens = result.usage.inputTokens;
            last.outputTokens = result.usage.outputTokens;
        }
        if (options.budget)
            await recordCallSpend(options.budget, request, last, result);
        last.durationMs = g.clock() - last.startedAt;
        return answerOf(result);
    }
    catch (error) {
        const last = current.record;
        if (last.status !== 'blocked')
            fail(g, last, error);
        else
            last.durationMs = g.clock() - last.startedAt;
        throw error;
    }
}
function applySettings(record, settings) {
    if (settings.serviceTier !== undefined)
        record.serviceTier = settings.serviceTier;
    if (settings.reasoningEffort !== undefined)
        record.reasoningEffort = settings.reasoningEffort;
}
/**
 * A live call; a service tier the provider refuses is retried once without it, as its own
 * record (`current.record` then points at it), when the policy says so.
 */
async function callLive(g, c) {
    const { target, send, onDelta } = c;
    let record = c.current.record;
    record.mock = false;
    record.baseURL = (0,redact/* redactURL */.fz)(target.baseURL, [target.apiKey]);
    const configuredAt = (0,providers/* envValue */.$R)(g.env, 'AETHR_MODEL')
        ? 'the AETHR_MODEL environment variable'
        : `models.${send.role} (or models.default) in .aethr.yaml`;
    const live = (settings) => g.clients.clientFor(target).chat(target, send, onDelta, { configuredAt, ...settings });
    let result;
    try {
        result = await live(c.settings);
    }
    catch (error) {
        const tier = c.settings.serviceTier;
        if (tier === undefined ||
            g.options.policy?.serviceTierFallback !== 'default' ||
            !(0,policy/* isServiceTierRefusal */.eG)(error)) {
            throw error;
        }
        fail(g, record, error);
        record.note = `service tier "${tier}" refused; retried without it (policy.service_tier.fallback: default)`;
        const { error: _e, errorKind: _k, note: _n, serviceTier: _t, ...base } = record;
        record = {
            ...base,
            status: 'ok',
            startedAt: g.clock(),
            durationMs: 0,
            attempt: ++c.attempts.count,
            note: `retry without service tier "${tier}"`,
        };
        g.calls.push(record);
        c.current.record = record;
        const settings = { ...c.settings };
        delete settings.serviceTier;
        applySettings(record, settings);
        g.notice(`${record.ref} refused service tier "${tier}"; retrying without it.`);
        result = await live(settings);
    }
    if (result.serviceTier !== undefined)
        record.serviceTierReported = result.serviceTier;
    return result;
}
function answerOf(result) {
    const answer = { text: result.text, model: result.model, mock: result.mock };
    if (result.usage)
        answer.usage = result.usage;
    if (result.finishReason !== undefined)
        answer.finishReason = result.finishReason;
    if (result.toolCalls?.length)
        answer.toolCalls = result.toolCalls;
    return answer;
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

/***/ 9561:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   HK: () => (/* binding */ isStreamCut),
/* harmony export */   Ku: () => (/* binding */ TOO_LONG_HEADER),
/* harmony export */   a4: () => (/* binding */ boundedRetryFetch),
/* harmony export */   bp: () => (/* binding */ sleepUnlessAborted),
/* harmony export */   cX: () => (/* binding */ retryBaseMsFrom),
/* harmony export */   dj: () => (/* binding */ StreamCut)
/* harmony export */ });
/* unused harmony exports retryAfterMs, RETRY_BASE_ENV */
/**
 * How a live call waits and tries again, beside the SDK's own retries: a `retry-after` above the
 * caller's limit is not waited for (the SDK would wait any time a server asks), and a stream cut
 * before its `finish_reason` is recognised so it can be sent again.
 */
/** Milliseconds a response asks us to wait (`retry-after-ms`, then `retry-after`), if it says. */
function retryAfterMs(headers, now = Date.now()) {
    const ms = headers.get('retry-after-ms');
    if (ms !== null && ms.trim() !== '') {
        const value = Number.parseFloat(ms);
        if (!Number.isNaN(value))
            return value;
    }
    const after = headers.get('retry-after');
    if (after !== null && after.trim() !== '') {
        const seconds = Number.parseFloat(after);
        if (!Number.isNaN(seconds))
            return seconds * 1000;
        const date = Date.parse(after);
        if (!Number.isNaN(date))
            return date - now;
    }
    return undefined;
}
/** Set on a response whose wait was too long: the wait asked for, in ms. */
const TOO_LONG_HEADER = 'x-aethr-retry-after-ms';
/**
 * Wraps fetch so a retryable response asking for a wait above `maxWaitMs` is not retried. It also
 * rethrows fetch's abort `DOMException` as a same-realm Error named `AbortError`: under a VM
 * context (jest) the SDK's `instanceof Error` check fails for it and a timeout would be misread
 * as a connection failure.
 */
function boundedRetryFetch(inner, maxWaitMs) {
    return async (input, init) => {
        let response;
        try {
            response = await inner(input, init);
        }
        catch (error) {
            if (error instanceof Error || typeof error !== 'object' || error === null)
                throw error;
            const foreign = error;
            const copy = new Error(String(foreign.message ?? 'fetch failed'), foreign.cause === undefined ? undefined : { cause: foreign.cause });
            if (typeof foreign.name === 'string')
                copy.name = foreign.name;
            throw copy;
        }
        if (response.status !== 429 && response.status < 500)
            return response;
        const wait = retryAfterMs(response.headers);
        if (wait === undefined || wait <= maxWaitMs)
            return response;
        const headers = new Headers(response.headers);
        headers.set('x-should-retry', 'false');
        headers.set(TOO_LONG_HEADER, String(Math.round(wait)));
        return new Response(response.body, {
            status: response.status,
            statusText: response.statusText,
            headers,
        });
    };
}
/** A stream that broke before its finish_reason: worth asking again. */
class StreamCut extends Error {
    detail;
    cause;
    constructor(detail, cause) {
        super(detail);
        this.detail = detail;
        this.cause = cause;
    }
}
const CUT_CAUSE = /terminated|ECONNRESET|socket hang up|other side closed|EPIPE|UND_ERR_SOCKET|premature close/i;
function isStreamCut(error) {
    for (let current = error, depth = 0; current && depth < 5; depth++) {
        const e = current;
        if (CUT_CAUSE.test(String(e.message ?? '')) || CUT_CAUSE.test(String(e.code ?? '')))
            return true;
        current = e.cause;
    }
    return false;
}
function sleepUnlessAborted(ms, signal) {
    return new Promise((resolve) => {
        const timer = setTimeout(done, ms);
        function done() {
            clearTimeout(timer);
            signal?.removeEventListener('abort', done);
            resolve();
        }
        signal?.addEventListener('abort', done, { once: true });
    });
}
/**
 * `AETHR_RETRY_BASE_MS`: the base of every retry wait (GitHub's 1 s, a cut stream's 0.5 s), in
 * milliseconds. For tests that meet many faults; unset, the defaults apply.
 */
const RETRY_BASE_ENV = 'AETHR_RETRY_BASE_MS';
function retryBaseMsFrom(env) {
    const text = env[RETRY_BASE_ENV]?.trim();
    if (!text)
        return undefined;
    const value = Number(text);
    return Number.isFinite(value) && value >= 0 && value <= 60_000 ? value : undefined;
}


/***/ }),

/***/ 4014:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   P7: () => (/* binding */ shouldTryFallback),
/* harmony export */   eG: () => (/* binding */ isServiceTierRefusal),
/* harmony export */   q6: () => (/* binding */ createModelPolicy)
/* harmony export */ });
/* unused harmony exports supportsServiceTier, isReasoningModel, FALLBACK_ERROR_KINDS */
/* harmony import */ var _model_error_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3332);

function split(ref) {
    const colon = ref.indexOf(':');
    return colon === -1
        ? { provider: 'openai', model: ref.toLowerCase() }
        : { provider: ref.slice(0, colon).toLowerCase(), model: ref.slice(colon + 1).toLowerCase() };
}
/** True for providers that take OpenAI's `service_tier`. */
function supportsServiceTier(ref) {
    return split(ref).provider === 'openai';
}
/** OpenAI reasoning models, which take `reasoning_effort`. */
function isReasoningModel(ref) {
    const { provider, model } = split(ref);
    if (provider !== 'openai')
        return false;
    return /^(o\d|gpt-5)/.test(model) && !/chat/.test(model);
}
function createModelPolicy(config = {}) {
    const tiers = config.service_tier;
    const efforts = config.reasoning_effort;
    const fallbacks = config.fallback_models ?? {};
    return {
        serviceTierFallback: tiers?.fallback ?? 'default',
        settingsFor(role, ref) {
            const out = {};
            const tier = tiers?.roles?.[role] ?? tiers?.default;
            if (tier !== undefined && supportsServiceTier(ref))
                out.serviceTier = tier;
            const effort = efforts?.roles?.[role] ?? efforts?.default;
            if (effort !== undefined && isReasoningModel(ref))
                out.reasoningEffort = effort;
            return out;
        },
        fallbackModels: (role) => [...(fallbacks[role] ?? fallbacks['default'] ?? [])],
    };
}
/** The provider refused the requested service tier (HTTP 400 naming service_tier). */
function isServiceTierRefusal(error) {
    if (!(error instanceof _model_error_js__WEBPACK_IMPORTED_MODULE_0__/* .ModelError */ .m))
        return false;
    if (error.status !== 400 && error.kind !== 'bad_request')
        return false;
    return /service[_ ]?tier|\bflex\b|\bpriority\b|\bscale tier\b/i.test(`${error.apiMessage ?? ''} ${error.message}`);
}
const FALLBACK_ERROR_KINDS = [
    'server',
    'rate_limit',
    'model_not_found',
];
/** Errors after which the next fallback model is tried. */
function shouldTryFallback(error) {
    return error instanceof _model_error_js__WEBPACK_IMPORTED_MODULE_0__/* .ModelError */ .m && FALLBACK_ERROR_KINDS.includes(error.kind);
}


/***/ }),

/***/ 8924:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   O4: () => (/* binding */ costUsd),
/* harmony export */   UK: () => (/* binding */ formatUsd),
/* harmony export */   qt: () => (/* binding */ createPriceTable)
/* harmony export */ });
/* unused harmony exports DEFAULT_PRICES, undatedModel */
/**
 * Model prices in USD per million tokens, for projecting a call's cost before it is made and for
 * the ledger.
 *
 * DEFAULT_PRICES are defaults: list prices of the providers' standard tier as published in 2025
 * (no batch, cache or long-context discounts or surcharges). Prices change; a workflow's
 * `pricing:` map (`"provider:model": { input_per_mtok, output_per_mtok }`) always wins, and is the
 * way to price a model this table does not know (an Azure deployment, a fine-tune, a local model:
 * `{ input_per_mtok: 0, output_per_mtok: 0 }`).
 *
 * Lookup for `provider:model`: the workflow's entry for exactly that reference, then for the model
 * without a date suffix (`gpt-4o-2024-08-06` -> `gpt-4o`, `claude-sonnet-4-20250514` ->
 * `claude-sonnet-4`); then the same in the defaults. `gemini:` is `google:`, and OpenRouter's
 * `vendor/model` is priced as the vendor's model. An unknown model has an unknown cost (not zero):
 * with a USD budget such a call is refused (see budget.ts).
 */
/** USD per million tokens. Defaults only: `.aethr.yaml` `pricing:` overrides any of them. */
const DEFAULT_PRICES = Object.freeze({
    // OpenAI
    'openai:gpt-4o': { input_per_mtok: 2.5, output_per_mtok: 10 },
    'openai:chatgpt-4o-latest': { input_per_mtok: 5, output_per_mtok: 15 },
    'openai:gpt-4o-mini': { input_per_mtok: 0.15, output_per_mtok: 0.6 },
    'openai:gpt-4.1': { input_per_mtok: 2, output_per_mtok: 8 },
    'openai:gpt-4.1-mini': { input_per_mtok: 0.4, output_per_mtok: 1.6 },
    'openai:gpt-4.1-nano': { input_per_mtok: 0.1, output_per_mtok: 0.4 },
    'openai:gpt-4-turbo': { input_per_mtok: 10, output_per_mtok: 30 },
    'openai:gpt-4': { input_per_mtok: 30, output_per_mtok: 60 },
    'openai:gpt-3.5-turbo': { input_per_mtok: 0.5, output_per_mtok: 1.5 },
    'openai:o1': { input_per_mtok: 15, output_per_mtok: 60 },
    'openai:o1-mini': { input_per_mtok: 1.1, output_per_mtok: 4.4 },
    'openai:o3': { input_per_mtok: 2, output_per_mtok: 8 },
    'openai:o3-pro': { input_per_mtok: 20, output_per_mtok: 80 },
    'openai:o3-mini': { input_per_mtok: 1.1, output_per_mtok: 4.4 },
    'openai:o4-mini': { input_per_mtok: 1.1, output_per_mtok: 4.4 },
    'openai:gpt-5': { input_per_mtok: 1.25, output_per_mtok: 10 },
    'openai:gpt-5-mini': { input_per_mtok: 0.25, output_per_mtok: 2 },
    'openai:gpt-5-nano': { input_per_mtok: 0.05, output_per_mtok: 0.4 },
    'openai:gpt-5-codex': { input_per_mtok: 1.25, output_per_mtok: 10 },
    'openai:gpt-5-chat-latest': { input_per_mtok: 1.25, output_per_mtok: 10 },
    'openai:gpt-5.1': { input_per_mtok: 1.25, output_per_mtok: 10 },
    // Anthropic
    'anthropic:claude-opus-4': { input_per_mtok: 15, output_per_mtok: 75 },
    'anthropic:claude-opus-4-0': { input_per_mtok: 15, output_per_mtok: 75 },
    'anthropic:claude-opus-4-1': { input_per_mtok: 15, output_per_mtok: 75 },
    'anthropic:claude-opus-4-5': { input_per_mtok: 5, output_per_mtok: 25 },
    'anthropic:claude-sonnet-4': { input_per_mtok: 3, output_per_mtok: 15 },
    'anthropic:claude-sonnet-4-0': { input_per_mtok: 3, output_per_mtok: 15 },
    'anthropic:claude-sonnet-4-5': { input_per_mtok: 3, output_per_mtok: 15 },
    'anthropic:claude-3-7-sonnet': { input_per_mtok: 3, output_per_mtok: 15 },
    'anthropic:claude-haiku-4-5': { input_per_mtok: 1, output_per_mtok: 5 },
    'anthropic:claude-3-5-haiku': { input_per_mtok: 0.8, output_per_mtok: 4 },
    // Google (prompts up to 200k tokens)
    'google:gemini-2.5-pro': { input_per_mtok: 1.25, output_per_mtok: 10 },
    'google:gemini-2.5-flash': { input_per_mtok: 0.3, output_per_mtok: 2.5 },
    'google:gemini-2.5-flash-lite': { input_per_mtok: 0.1, output_per_mtok: 0.4 },
    'google:gemini-2.0-flash': { input_per_mtok: 0.1, output_per_mtok: 0.4 },
    'google:gemini-2.0-flash-lite': { input_per_mtok: 0.075, output_per_mtok: 0.3 },
    // xAI
    'xai:grok-4': { input_per_mtok: 3, output_per_mtok: 15 },
    'xai:grok-3': { input_per_mtok: 3, output_per_mtok: 15 },
    'xai:grok-3-mini': { input_per_mtok: 0.3, output_per_mtok: 0.5 },
    'xai:grok-code-fast-1': { input_per_mtok: 0.2, output_per_mtok: 1.5 },
});
const PROVIDER_ALIASES = { gemini: 'google' };
/** OpenRouter vendor prefixes -> our provider names. */
const VENDORS = {
    openai: 'openai',
    anthropic: 'anthropic',
    google: 'google',
    'x-ai': 'xai',
    xai: 'xai',
};
function splitRef(ref) {
    const colon = ref.indexOf(':');
    const provider = colon === -1 ? 'openai' : ref.slice(0, colon).trim().toLowerCase();
    const model = (colon === -1 ? ref : ref.slice(colon + 1)).trim();
    return { provider: PROVIDER_ALIASES[provider] ?? provider, model };
}
/** `gpt-4o-2024-08-06` -> `gpt-4o`; `claude-sonnet-4-20250514` -> `claude-sonnet-4`; `-latest` stays. */
function undatedModel(model) {
    return model.replace(/-\d{4}-\d{2}-\d{2}$/, '').replace(/-\d{8}$/, '');
}
/** Reference spellings to try, most specific first. */
function candidates(ref) {
    const { provider, model } = splitRef(ref);
    const out = [`${provider}:${model}`, `${provider}:${undatedModel(model)}`];
    const slash = model.indexOf('/');
    if (slash !== -1) {
        const vendor = VENDORS[model.slice(0, slash).toLowerCase()];
        const inner = model.slice(slash + 1).replace(/:.*$/, '');
        if (vendor)
            out.push(`${vendor}:${inner}`, `${vendor}:${undatedModel(inner)}`);
    }
    return [...new Set(out)];
}
function normaliseKeys(table) {
    const map = new Map();
    for (const [key, entry] of Object.entries(table)) {
        const { provider, model } = splitRef(key);
        map.set(`${provider}:${model}`, [key, entry]);
    }
    return map;
}
const DEFAULTS = normaliseKeys(DEFAULT_PRICES);
/** A price table: the workflow's `pricing:` over DEFAULT_PRICES. */
function createPriceTable(pricing) {
    const workflow = normaliseKeys(pricing ?? {});
    return {
        priceFor(ref) {
            const tries = candidates(ref);
            for (const [source, table] of [
                ['pricing', workflow],
                ['default', DEFAULTS],
            ]) {
                // Exact reference first in each table; the vendor route only for OpenRouter-style refs.
                for (const key of tries) {
                    const hit = table.get(key);
                    if (hit)
                        return { ...hit[1], source, key: hit[0] };
                }
            }
            return undefined;
        },
    };
}
/** USD for a number of tokens at a price. */
function costUsd(price, inputTokens, outputTokens) {
    return (inputTokens * price.input_per_mtok + outputTokens * price.output_per_mtok) / 1_000_000;
}
/** `$0.0123`, `$1.25`, `<$0.0001`: enough digits to see small calls. */
function formatUsd(usd) {
    if (usd === 0)
        return '$0.00';
    if (usd < 0.0001)
        return '<$0.0001';
    if (usd < 1)
        return `$${usd.toFixed(4)}`;
    return `$${usd.toFixed(2)}`;
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


/***/ }),

/***/ 4216:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Nh: () => (/* binding */ routeModel)
/* harmony export */ });
/* unused harmony exports DEFAULT_MODEL, normalizeModelRef, routeModelWithSource */
/* harmony import */ var _model_error_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3332);
/* harmony import */ var _providers_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(152);


const DEFAULT_MODEL = 'openai:gpt-4o-mini';
/** `gpt-4o` -> `openai:gpt-4o`; `Anthropic:claude-x` -> `anthropic:claude-x`. Throws ModelError if malformed. */
function normalizeModelRef(ref) {
    return (0,_providers_js__WEBPACK_IMPORTED_MODULE_1__/* .parseModelRef */ .qV)(ref).ref;
}
/** Like `routeModel`, and says where the answer came from. */
function routeModelWithSource(workflow, role, env, doorOverride) {
    if (doorOverride) {
        try {
            return {
                ref: normalizeModelRef(doorOverride.ref),
                source: 'override',
                configuredAt: doorOverride.configuredAt,
            };
        }
        catch (error) {
            throw new _model_error_js__WEBPACK_IMPORTED_MODULE_0__/* .ModelError */ .m(`${doorOverride.configuredAt} is "${doorOverride.ref}", which is not a valid model reference.`, { kind: 'config', hint: 'Use "provider:model", e.g. openai:gpt-4o-mini.', cause: error });
        }
    }
    const override = (0,_providers_js__WEBPACK_IMPORTED_MODULE_1__/* .envValue */ .$R)(env, 'AETHR_MODEL');
    if (override !== undefined) {
        try {
            return {
                ref: normalizeModelRef(override),
                source: 'AETHR_MODEL',
                configuredAt: 'the AETHR_MODEL environment variable',
            };
        }
        catch (error) {
            throw new _model_error_js__WEBPACK_IMPORTED_MODULE_0__/* .ModelError */ .m(`AETHR_MODEL="${override}" is not a valid model reference.`, {
                kind: 'config',
                hint: 'Set AETHR_MODEL to "provider:model" (for example "openai:gpt-4o-mini") or to a bare OpenAI model name, or unset it.',
                cause: error,
            });
        }
    }
    const models = workflow.models ?? {};
    const forRole = Object.hasOwn(models, role) ? models[role] : undefined;
    if (forRole)
        return {
            ref: normalizeModelRef(forRole),
            source: 'role',
            configuredAt: `models.${role} in .aethr.yaml`,
        };
    const fallback = Object.hasOwn(models, 'default') ? models.default : undefined;
    if (fallback)
        return {
            ref: normalizeModelRef(fallback),
            source: 'default',
            configuredAt: 'models.default in .aethr.yaml',
        };
    return {
        ref: DEFAULT_MODEL,
        source: 'builtin',
        configuredAt: `the built-in default (${DEFAULT_MODEL}; set models.${role} or models.default in .aethr.yaml)`,
    };
}
/** `provider:model` for a role; see the precedence above. */
function routeModel(workflow, role, env, override) {
    return routeModelWithSource(workflow, role, env, override).ref;
}


/***/ }),

/***/ 7653:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  hc: () => (/* binding */ approxChatTokens),
  Fn: () => (/* binding */ chatTokensBound),
  ih: () => (/* binding */ countTokens),
  tl: () => (/* binding */ estimateChatTokens),
  nA: () => (/* binding */ loadEncoder),
  k_: () => (/* binding */ tokenMethodFor)
});

// UNUSED EXPORTS: REPLY_PRIMING_TOKENS, TOKENS_PER_MESSAGE, chatTokensUpperBound, countChatTokens, encodingFor, tokenizerLoaded

;// CONCATENATED MODULE: ./.build/src/models/token-count.js
/**
 * Token counting in linear time, whatever the text. Pure; the tokenizer comes in as a function.
 *
 * A BPE tokenizer first pre-splits text into chunks with a regular expression (words with one
 * leading space or punctuation mark, runs of up to three digits, runs of punctuation, runs of
 * whitespace), then merges each chunk's bytes. The merge step is super-linear in a chunk's
 * length: gpt-tokenizer takes about 0.6 s on a 40,000-character run of one letter and 70–100 s on
 * 300 KB of lines made only of spaces (a whitespace run across lines is one chunk). Minified files,
 * base64 blobs and blank-line floods in a pull request are attacker input, so no chunk longer than
 * MAX_RUN characters ever reaches the tokenizer:
 *
 * - The text is cut only at split points: a space followed by a character that is not
 *   whitespace, and preceded by one that is not whitespace or by a newline. At such a point both
 *   encodings' pre-split (o200k_base and cl100k_base, as gpt-tokenizer writes them) end a chunk
 *   whether or not the text goes on, and start the next one the same way, so the counts of the
 *   pieces add up to the count of the whole, exactly (a test checks it on generated texts).
 * - A stretch between two split points longer than MAX_RUN characters is counted as its UTF-8
 *   bytes: every token of these encodings stands for at least one byte, so that is never below
 *   its true count. Everything else is counted exactly, in as few calls as possible.
 *
 * So the result is exact for ordinary text and an upper bound for pathological text, and the work
 * is linear in the length.
 */
/** Longest stretch without a split point that is given to the tokenizer (longer: counted as bytes). */
const MAX_RUN = 512;
/** JavaScript's `\s` (what the tokenizers' patterns mean by whitespace). */
function isWhitespace(code) {
    return (code === 0x20 ||
        (code >= 0x09 && code <= 0x0d) ||
        code === 0xa0 ||
        code === 0x1680 ||
        (code >= 0x2000 && code <= 0x200a) ||
        code === 0x2028 ||
        code === 0x2029 ||
        code === 0x202f ||
        code === 0x205f ||
        code === 0x3000 ||
        code === 0xfeff);
}
/** Whether the tokenizers' pre-split always ends a chunk right before index `p` of `text`. */
function isSplitPoint(text, p) {
    if (p <= 0 || p + 1 >= text.length || text.charCodeAt(p) !== 0x20)
        return false;
    if (isWhitespace(text.charCodeAt(p + 1)))
        return false;
    const before = text.charCodeAt(p - 1);
    return before === 0x0a || !isWhitespace(before);
}
/**
 * Tokens of `text` by `count` (an exact tokenizer count), with every stretch of more than
 * `maxRun` characters between split points counted as its UTF-8 bytes instead.
 */
function boundedTokenCount(text, count, maxRun = MAX_RUN) {
    if (text.length <= maxRun)
        return text === '' ? 0 : count(text);
    let total = 0;
    let exactFrom = 0; // start of the stretch still to count exactly
    let last = 0; // the latest split point (or the start)
    const longStretch = (end) => {
        if (last > exactFrom)
            total += count(text.slice(exactFrom, last));
        total += Buffer.byteLength(text.slice(last, end), 'utf8');
        exactFrom = end;
    };
    for (let p = text.indexOf(' ', 1); p !== -1; p = text.indexOf(' ', p + 1)) {
        if (!isSplitPoint(text, p))
            continue;
        if (p - last > maxRun)
            longStretch(p);
        last = p;
    }
    if (text.length - last > maxRun)
        longStretch(text.length);
    if (exactFrom < text.length)
        total += count(text.slice(exactFrom));
    return total;
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(3136);
;// CONCATENATED MODULE: ./.build/src/models/tokenizer-data.js
/**
 * The tokenizer of an encoding, from rank tables the build ships as JSON next to the bundles
 * (`dist/tokenizer-ranks/`), else from gpt-tokenizer's own modules (unbundled runs, tests, or a
 * file missing). The same tables either way: the JSON is written from those modules at build time.
 *
 * Why JSON: gpt-tokenizer ships o200k's 200,000 ranks as a 2.4 MB array literal, which V8 must
 * parse and compile as code; JSON.parse of the same data is faster and leaves less behind (about
 * 30 ms and 16 MB less for o200k, measured on its own).
 */



/** The folder the build writes the tables to, seen from a bundle chunk. */
const RANKS_DIR = 'tokenizer-ranks';
/**
 * Where the tables may be: beside the Action's chunks (`dist/`), or one level up from the CLI's
 * and the App's (`dist/cli/`, `dist/app/`).
 */
function candidates(from) {
    return [(0,external_node_path_.join)(from, RANKS_DIR), (0,external_node_path_.join)((0,external_node_path_.dirname)(from), RANKS_DIR)];
}
async function shippedRanks(encoding, from) {
    for (const dir of candidates(from)) {
        try {
            const ranks = JSON.parse(await (0,promises_.readFile)((0,external_node_path_.join)(dir, `${encoding}.json`), 'utf8'));
            if (Array.isArray(ranks))
                return ranks;
        }
        catch {
            // Not there (or unreadable): the next place, then the package's own tables.
        }
    }
    return undefined;
}
async function packageRanks(encoding) {
    // Literal specifiers so bundlers see both modules.
    const module = encoding === 'o200k_base'
        ? await __webpack_require__.e(/* import() */ 851).then(__webpack_require__.bind(__webpack_require__, 4851))
        : await __webpack_require__.e(/* import() */ 592).then(__webpack_require__.bind(__webpack_require__, 7592));
    return module.default;
}
/** gpt-tokenizer's encoding API for `encoding`. */
async function loadEncoding(encoding, from = (0,external_node_path_.dirname)((0,external_node_url_.fileURLToPath)(import.meta.url))) {
    // Loaded here, not with this module: a run that never counts never loads any tokenizer code.
    const [{ GptEncoding: Encoding }, ranks] = await Promise.all([
        __webpack_require__.e(/* import() */ 98).then(__webpack_require__.bind(__webpack_require__, 4098)),
        shippedRanks(encoding, from).then((r) => r ?? packageRanks(encoding)),
    ]);
    return Encoding.getEncodingApi(encoding, () => ranks);
}

;// CONCATENATED MODULE: ./.build/src/models/tokens.js


/** Tokens each chat message adds around its content and role (OpenAI's documented value). */
const TOKENS_PER_MESSAGE = 3;
/** Tokens priming the reply (`<|im_start|>assistant<|im_sep|>`). */
const REPLY_PRIMING_TOKENS = 3;
const O200K = /^(gpt-4o|chatgpt-4o|gpt-4\.1|gpt-4\.5|gpt-5|o1|o3|o4|codex-mini|computer-use)/;
const CL100K = /^(gpt-4(?![o.])|gpt-3\.5|gpt-35)/;
/** The model name without provider and without an `openai/` vendor prefix (OpenRouter). */
function bareModel(ref) {
    const colon = ref.indexOf(':');
    const provider = colon === -1 ? 'openai' : ref.slice(0, colon).toLowerCase();
    let model = (colon === -1 ? ref : ref.slice(colon + 1)).trim().toLowerCase();
    if (model.startsWith('openai/'))
        model = model.slice('openai/'.length);
    return { provider, model };
}
/** The OpenAI encoding for a model reference (`provider:model` or a bare model), if it has one. */
function encodingFor(ref) {
    const { provider, model } = bareModel(ref);
    if (provider === 'anthropic' ||
        provider === 'google' ||
        provider === 'gemini' ||
        provider === 'xai') {
        return undefined;
    }
    if (O200K.test(model))
        return 'o200k_base';
    if (CL100K.test(model))
        return 'cl100k_base';
    return undefined;
}
/** How tokens are counted for `ref`. */
function tokenMethodFor(ref) {
    const encoding = encodingFor(ref);
    if (encoding)
        return { kind: 'exact', encoding, label: `tokenizer:${encoding}` };
    const { provider, model } = bareModel(ref);
    const dense = provider === 'anthropic' ||
        provider === 'google' ||
        provider === 'gemini' ||
        /^(anthropic\/|google\/)?(claude|gemini)/.test(model);
    return dense
        ? { kind: 'approx', charsPerToken: 3.5, label: 'approx:chars/3.5' }
        : { kind: 'approx', charsPerToken: 4, label: 'approx:chars/4' };
}
const encoders = new Map();
/** Special-token text counts as ordinary text (never throws). */
const AS_TEXT = { disallowedSpecial: new Set() };
/** Loads (once) the tokenizer for an encoding; its counts take linear time (token-count.ts). */
function loadEncoder(encoding) {
    let encoder = encoders.get(encoding);
    if (!encoder) {
        encoder = loadEncoding(encoding).then((module) => {
            // Options cost a set-up on every call (a quarter of the time on short texts): only text that
            // holds special-token syntax (all of it starts with "<|") needs them to count as plain text.
            const exact = (text) => text.includes('<|') ? module.countTokens(text, AS_TEXT) : module.countTokens(text);
            return (text) => boundedTokenCount(text, exact);
        });
        encoder.catch(() => encoders.delete(encoding));
        encoders.set(encoding, encoder);
    }
    return encoder;
}
/** Whether a tokenizer has been loaded in this process (for tests and benchmarks). */
function tokenizerLoaded() {
    return encoders.size > 0;
}
function approxTokens(text, charsPerToken) {
    return text.length === 0 ? 0 : Math.ceil(text.length / charsPerToken);
}
/** Tokens of `text` for the model `ref` (exact for OpenAI families, else an approximation). */
async function countTokens(text, ref) {
    const method = tokenMethodFor(ref);
    if (method.kind === 'approx')
        return approxTokens(text, method.charsPerToken);
    const encoder = await loadEncoder(method.encoding);
    return text.length === 0 ? 0 : encoder(text);
}
/** Input tokens of a chat request (content, roles and the per-message and priming overhead). */
async function countChatTokens(messages, ref) {
    return (await estimateChatTokens(messages, ref)).tokens;
}
/** `countChatTokens` with the method used. */
async function estimateChatTokens(messages, ref) {
    const method = tokenMethodFor(ref);
    if (method.kind === 'approx')
        return { tokens: approxChatTokens(messages, method), method };
    const encoder = await loadEncoder(method.encoding);
    let tokens = REPLY_PRIMING_TOKENS;
    for (const message of messages) {
        tokens += TOKENS_PER_MESSAGE + encoder(message.role);
        if (message.content.length > 0)
            tokens += encoder(message.content);
    }
    return { tokens, method };
}
/** A chars-per-token estimate of a chat, with the same overhead as an exact count. */
function approxChatTokens(messages, method = { kind: 'approx', charsPerToken: 4, label: 'approx:chars/4' }) {
    const perToken = method.charsPerToken ?? 4;
    let tokens = REPLY_PRIMING_TOKENS;
    for (const message of messages) {
        tokens += TOKENS_PER_MESSAGE + 1 + approxTokens(message.content, perToken);
    }
    return tokens;
}
/**
 * A bound no exact count can exceed, without loading a tokenizer: every BPE token covers at least
 * one UTF-8 byte, so a message costs at most its bytes plus the overhead. Lets callers skip the
 * tokenizer when a limit cannot be reached anyway.
 */
function chatTokensUpperBound(messages) {
    let tokens = REPLY_PRIMING_TOKENS;
    for (const message of messages) {
        tokens +=
            TOKENS_PER_MESSAGE + Buffer.byteLength(message.role) + Buffer.byteLength(message.content);
    }
    return tokens;
}
/** Tokens a counted piece may gain where it meets the text around it (a chunk across its edges). */
const EDGE_TOKENS = 4;
/**
 * `chatTokensUpperBound` for `ref`, with the text the prompt's builder already counted at its
 * count instead of its bytes — for every family that count bounds (all but cl100k_base's).
 */
function chatTokensBound(messages, ref, counted) {
    const bytes = chatTokensUpperBound(messages);
    if (counted && encodingFor(ref) !== 'cl100k_base') {
        const tokens = bytes - counted.bytes + counted.tokens + EDGE_TOKENS * counted.parts;
        if (tokens < bytes)
            return { tokens, method: { kind: 'bound', label: 'bound:counted+bytes' } };
    }
    return { tokens: bytes, method: { kind: 'bound', label: 'bound:utf8-bytes' } };
}


/***/ })

};
