export const id = 397;
export const ids = [397];
export const modules = {

/***/ 2841:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   xL: () => (/* binding */ ConfigError)
/* harmony export */ });
/* unused harmony exports formatConfigProblem, sortProblems, formatConfigError */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6624);
/**
 * The error a workflow file raises when it cannot be used: every problem found in the file, each
 * with its position, the YAML path it concerns, what is wrong and what to write instead.
 */

/** One problem as text: `FILE:LINE:COL: PATH: MESSAGE — FIX`. */
function formatConfigProblem(file, problem) {
    const where = problem.line > 0 ? `${file}:${problem.line}:${problem.column}` : file;
    const path = problem.path === '' ? '' : `${problem.path}: `;
    let text = `${where}: ${path}${problem.message}`;
    if (problem.fix !== undefined && problem.fix !== '') {
        const [first, ...rest] = problem.fix.split('\n');
        text += ` — ${first}`;
        for (const line of rest)
            text += `\n    ${line}`;
    }
    return text;
}
/** Problems in reading order: by line, then column (stable for equal positions). */
function sortProblems(problems) {
    return [...problems].sort((a, b) => a.line - b.line || a.column - b.column);
}
class ConfigError extends _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .AethrError */ .j {
    name = 'ConfigError';
    file;
    problems;
    constructor(file, problems, options) {
        const sorted = sortProblems(problems);
        const count = sorted.length === 1 ? 'the problem' : `the ${sorted.length} problems`;
        super(sorted.map((p) => formatConfigProblem(file, p)).join('\n'), {
            cause: options?.cause,
            hint: `Edit ${file} and fix ${count} listed above.`,
        });
        this.file = file;
        this.problems = sorted;
    }
}
/** A headline plus every problem, for a terminal or a job summary. */
function formatConfigError(err) {
    const n = err.problems.length;
    const head = `${err.file}: ${n} problem${n === 1 ? '' : 's'} in the workflow file`;
    return `${head}\n${err.message}\n${err.hint ?? ''}`.trimEnd();
}


/***/ }),

/***/ 8397:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  md: () => (/* binding */ loadWorkflowFile),
  oO: () => (/* reexport */ parseWorkflowText)
});

// UNUSED EXPORTS: ConfigError, MAX_WORKFLOW_BYTES, formatConfigError, formatConfigProblem

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./.build/src/config/config-error.js
var config_error = __webpack_require__(2841);
// EXTERNAL MODULE: ./.build/src/config/did-you-mean.js
var did_you_mean = __webpack_require__(5571);
;// CONCATENATED MODULE: ./.build/src/config/bounds-checks.js
/**
 * Cross-checks for the `budget:` and `policy:` blocks: every role they name must be a role under
 * `roles` (`policy.fallback_models` also takes `default`, like `models`). Runs on the raw data and
 * skips whatever has the wrong shape (the schema reports that).
 */

const isRecord = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
function checkRoleKeys(map, path, allowed, what, out) {
    if (!isRecord(map))
        return;
    for (const key of Object.keys(map)) {
        if (allowed.includes(key))
            continue;
        const suggestion = (0,did_you_mean/* suggestWord */.vZ)(key, allowed, 'use one of');
        out.push({
            path: [...path, key],
            target: 'key',
            message: `${what} has an entry for ${JSON.stringify(key)}, which is not a role`,
            fix: suggestion.startsWith('did you mean')
                ? suggestion
                : `${suggestion}, or add "${key}: <instructions>" under "roles:"`,
        });
    }
}
/** Problems with role names in `budget.role_budgets_usd` and `policy`. */
function crossCheckBounds(data, roleNames) {
    const out = [];
    if (roleNames === undefined)
        return out;
    const budget = data['budget'];
    if (isRecord(budget)) {
        checkRoleKeys(budget['role_budgets_usd'], ['budget', 'role_budgets_usd'], roleNames, 'budget.role_budgets_usd', out);
    }
    const policy = data['policy'];
    if (isRecord(policy)) {
        for (const block of ['service_tier', 'reasoning_effort']) {
            const value = policy[block];
            if (isRecord(value)) {
                checkRoleKeys(value['roles'], ['policy', block, 'roles'], roleNames, `policy.${block}.roles`, out);
            }
        }
        checkRoleKeys(policy['fallback_models'], ['policy', 'fallback_models'], [...roleNames, 'default'], 'policy.fallback_models', out);
    }
    return out;
}

// EXTERNAL MODULE: ./.build/src/context/safe-path.js
var safe_path = __webpack_require__(9900);
;// CONCATENATED MODULE: ./.build/src/config/context-source.js
/**
 * The grammar of a step's context entries: `git_diff`, `latest_diff`, `pr_description`,
 * `learnings`, `file:<path>` and `glob:<pattern>`. Parsing is pure; reading the sources is src/context's job.
 */

const CONTEXT_KEYWORDS = ['git_diff', 'latest_diff', 'pr_description', 'learnings'];
const CONTEXT_PREFIXES = ['file', 'glob'];
const ALLOWED = 'git_diff, latest_diff, pr_description, learnings, file:<path> or glob:<pattern>';
const GLOB_CHARS = /[*?[\]{}]/;
function prefixed(prefix, rest) {
    return JSON.stringify(`${prefix}:${rest}`);
}
/** Parses one context entry; a failure carries what is wrong and what to write instead. */
function parseContextSource(entry) {
    const keyword = CONTEXT_KEYWORDS.find((k) => k === entry);
    if (keyword !== undefined)
        return { ok: true, source: { kind: keyword } };
    const colon = entry.indexOf(':');
    if (colon >= 0) {
        const head = entry.slice(0, colon);
        const rest = entry.slice(colon + 1);
        const trimmed = rest.trim();
        if (head === 'file' || head === 'glob') {
            if (trimmed === '') {
                const example = head === 'file' ? 'file:README.md' : 'glob:docs/**/*.md';
                return {
                    ok: false,
                    message: `"${head}:" needs a ${head === 'file' ? 'path' : 'pattern'} after the colon`,
                    fix: `write it right after the colon, e.g. ${JSON.stringify(example)}`,
                };
            }
            if (trimmed !== rest) {
                return {
                    ok: false,
                    message: `${JSON.stringify(entry)} has spaces around the ${head === 'file' ? 'path' : 'pattern'}`,
                    fix: `write ${prefixed(head, trimmed)}`,
                };
            }
            if (head === 'file')
                return { ok: true, source: { kind: 'file', path: rest } };
            return { ok: true, source: { kind: 'glob', pattern: rest } };
        }
        const near = (0,did_you_mean/* closestMatch */.h0)(head, CONTEXT_PREFIXES);
        const meant = near ?? (GLOB_CHARS.test(trimmed) ? 'glob' : undefined);
        return {
            ok: false,
            message: `unknown context source ${JSON.stringify(entry)}`,
            fix: meant !== undefined && trimmed !== ''
                ? `did you mean ${prefixed(meant, trimmed)}?`
                : `use one of ${ALLOWED}`,
        };
    }
    const near = (0,did_you_mean/* closestMatch */.h0)(entry, CONTEXT_KEYWORDS);
    if (near !== undefined) {
        return {
            ok: false,
            message: `unknown context source ${JSON.stringify(entry)}`,
            fix: `did you mean ${JSON.stringify(near)}?`,
        };
    }
    // A bare path or pattern: say which prefix it needs.
    if (/[/.]/.test(entry) || GLOB_CHARS.test(entry)) {
        const kind = GLOB_CHARS.test(entry) ? 'glob' : 'file';
        return {
            ok: false,
            message: `${JSON.stringify(entry)} looks like a ${kind === 'glob' ? 'pattern' : 'path'} but has no "${kind}:" prefix`,
            fix: `write ${prefixed(kind, entry.trim())}`,
        };
    }
    return {
        ok: false,
        message: `unknown context source ${JSON.stringify(entry)}`,
        fix: `use one of ${ALLOWED}`,
    };
}

;// CONCATENATED MODULE: ./.build/src/config/context-checks.js
/**
 * Checks of the context extensions that span keys: `learnings:` must name a file inside the
 * repository, a `learnings` context entry needs that key, and every `label_context` entry is a
 * context source like a step's. Labels themselves are free: a label no pull request carries is
 * simply never used.
 */


const context_checks_isRecord = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
const EXAMPLE = '.aethr/learnings.md';
function checkLearningsPath(data, out) {
    const path = data['learnings'];
    if (typeof path !== 'string' || path === '')
        return;
    const check = (0,safe_path/* checkRelativePath */._k)(path);
    const rel = check.ok ? check.rel : '';
    const problem = !check.ok
        ? {
            absolute: 'is an absolute path',
            escapes: 'leaves the repository through ".."',
            nul: 'contains a NUL character',
            empty: 'is empty',
        }[check.reason]
        : rel === '.' || path.trim().endsWith('/')
            ? 'names a directory, not a file'
            : rel === '.git' || rel.startsWith('.git/')
                ? "is inside git's own .git directory"
                : path !== path.trim()
                    ? 'has spaces around it'
                    : undefined;
    if (problem === undefined)
        return;
    out.push({
        path: ['learnings'],
        message: `learnings ${JSON.stringify(path)} ${problem}`,
        fix: `name a file inside the repository, relative to its root, e.g. ${JSON.stringify(EXAMPLE)}`,
    });
}
/** Every `learnings` entry, with where it is, for the "needs `learnings:`" check. */
function learningsEntries(data) {
    const found = [];
    const steps = Array.isArray(data['steps']) ? data['steps'] : [];
    steps.forEach((step, i) => {
        const context = context_checks_isRecord(step) && Array.isArray(step['context']) ? step['context'] : [];
        context.forEach((entry, k) => {
            if (entry === 'learnings')
                found.push(['steps', i, 'context', k]);
        });
    });
    const byLabel = data['label_context'];
    if (context_checks_isRecord(byLabel)) {
        for (const [label, sources] of Object.entries(byLabel)) {
            if (!Array.isArray(sources))
                continue;
            sources.forEach((entry, k) => {
                if (entry === 'learnings')
                    found.push(['label_context', label, k]);
            });
        }
    }
    return found;
}
function checkLabelContext(data, out) {
    const byLabel = data['label_context'];
    if (!context_checks_isRecord(byLabel))
        return;
    for (const [label, sources] of Object.entries(byLabel)) {
        if (label.trim() === '') {
            out.push({
                path: ['label_context', label],
                target: 'key',
                message: 'label_context has an empty label',
                fix: 'write the label as it appears on GitHub, e.g. security',
            });
        }
        if (!Array.isArray(sources))
            continue;
        sources.forEach((entry, k) => {
            if (typeof entry !== 'string' || entry === '')
                return;
            const result = parseContextSource(entry);
            if (!result.ok)
                out.push({ path: ['label_context', label, k], message: result.message, fix: result.fix });
        });
    }
}
function crossCheckContextExtensions(data) {
    const out = [];
    checkLearningsPath(data, out);
    if (data['learnings'] === undefined) {
        for (const path of learningsEntries(data)) {
            out.push({
                path,
                message: 'the "learnings" context needs a learnings file, and the workflow declares none',
                fix: `add "learnings: ${EXAMPLE}" at the top level (any file inside the repository)`,
            });
        }
    }
    checkLabelContext(data, out);
    return out;
}

// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 17 modules
var schemas = __webpack_require__(8816);
;// CONCATENATED MODULE: ./.build/src/config/bounds-schema.js
/**
 * The optional `.aethr.yaml` blocks that bound a run's spending and route its calls, after the
 * bounded engine's example: `budget:`, `limits:`, `pricing:` and `policy:`. All optional; defaults
 * are applied at run time (src/models/budget.ts, src/models/policy.ts) and stated here so the JSON
 * Schema documents them.
 */

/** The same shape as `provider:model` in schema.ts (kept here to avoid an import cycle). */
const MODEL_REF = /^[A-Za-z0-9][A-Za-z0-9_.-]*:\S+$/;
const ROLE_KEY = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;
/** OpenAI's `service_tier` values. */
const SERVICE_TIERS = ['auto', 'default', 'flex', 'scale', 'priority'];
const REASONING_EFFORTS = ['minimal', 'low', 'medium', 'high'];
const usd = schemas/* number */.aig().nonnegative();
const tokens = schemas/* number */.aig().int().positive();
const roleKey = schemas/* string */.YjP().regex(ROLE_KEY);
const modelRef = schemas/* string */.YjP()
    .regex(MODEL_REF, { message: 'expected "provider:model", for example "openai:gpt-4o-mini"' });
const budgetSchema = schemas/* strictObject */.rej({
    run_usd: usd.optional().describe('Most this run may spend, in USD. No limit when absent.'),
    pr_usd: usd
        .optional()
        .describe('Most all runs on one pull request may spend together, in USD (spend is kept in the PR summary).'),
    role_budgets_usd: schemas/* record */.g1P(roleKey, usd)
        .optional()
        .describe('Role name -> most that role may spend in this run, in USD.'),
})
    .describe('Spending limits. A call whose projected cost (input + maximum output) would exceed one is not made.');
const limitsSchema = schemas/* strictObject */.rej({
    max_input_tokens_per_call: tokens
        .optional()
        .describe('Input tokens one call may send. Default 120000.'),
    max_output_tokens_per_call: tokens
        .optional()
        .describe('Output tokens one call may ask for (sent as max_tokens / max_completion_tokens). Default 4096.'),
    max_context_chars_per_call: tokens
        .optional()
        .describe('Characters of context one step may include; context is fitted to it.'),
    max_patch_bytes: tokens
        .optional()
        .describe('Largest patch an implement step may apply, in bytes.'),
})
    .describe('Per-call limits.');
const priceSchema = schemas/* strictObject */.rej({
    input_per_mtok: usd.describe('USD per million input tokens.'),
    output_per_mtok: usd.describe('USD per million output tokens.'),
});
const pricingSchema = schemas/* record */.g1P(modelRef, priceSchema)
    .describe('"provider:model" -> price in USD per million tokens; overrides the built-in defaults.');
const policySchema = schemas/* strictObject */.rej({
    service_tier: schemas/* strictObject */.rej({
        default: schemas/* enum */.k5n(SERVICE_TIERS).optional().describe('Tier for roles without an entry.'),
        roles: schemas/* record */.g1P(roleKey, schemas/* enum */.k5n(SERVICE_TIERS))
            .optional()
            .describe('Role name -> service tier.'),
        fallback: schemas/* enum */.k5n(['default', 'none'])
            .optional()
            .describe('When the provider refuses the tier: retry once without it (`default`, the default) or fail (`none`).'),
    })
        .optional()
        .describe('OpenAI service tier per role (for example flex for builders). Not sent to other providers.'),
    reasoning_effort: schemas/* strictObject */.rej({
        default: schemas/* enum */.k5n(REASONING_EFFORTS).optional(),
        roles: schemas/* record */.g1P(roleKey, schemas/* enum */.k5n(REASONING_EFFORTS))
            .optional()
            .describe('Role name -> reasoning effort.'),
    })
        .optional()
        .describe('Reasoning effort per role; sent only to OpenAI reasoning models (o-series, gpt-5).'),
    fallback_models: schemas/* record */.g1P(roleKey, schemas/* array */.YOg(modelRef).min(1))
        .optional()
        .describe('Role name (or default) -> models to try in order when the routed model fails with a server, rate-limit or model-not-found error.'),
})
    .describe('Routing policy: service tier, reasoning effort and fallback models per role.');

;// CONCATENATED MODULE: ./.build/src/config/implement-schema.js
/**
 * Extensions for implement steps: what a `patch` backend may touch, and the validators that
 * decide whether a change stays. All optional; safe defaults live in src/backends/patch/policy.ts.
 */

const patchPolicySchema = schemas/* strictObject */.rej({
    allow: schemas/* array */.YOg(schemas/* string */.YjP().min(1))
        .optional()
        .describe('Globs a patch may touch (default: everything not denied).'),
    deny: schemas/* array */.YOg(schemas/* string */.YjP().min(1))
        .optional()
        .describe('Globs a patch may never touch, added to the defaults (.github/workflows/**, .git/**, .aethr.yaml, .env*, agent config files).'),
    allow_deletions: schemas/* boolean */.zMY().optional(),
    allow_renames: schemas/* boolean */.zMY().optional(),
    allow_binary: schemas/* boolean */.zMY().optional(),
    allow_mode_changes: schemas/* boolean */.zMY().optional(),
    max_files: schemas/* number */.aig().int().min(1).max(1000).optional(),
    max_changed_lines: schemas/* number */.aig().int().min(1).optional(),
})
    .describe('Boundaries for patches proposed by `backend: patch` steps.');
const validatorSchema = schemas/* strictObject */.rej({
    name: schemas/* string */.YjP().min(1),
    run: schemas/* array */.YOg(schemas/* string */.YjP().min(1))
        .min(1)
        .describe('Command as an argument list, e.g. ["npm", "test"]; never run through a shell.'),
    timeout_seconds: schemas/* number */.aig().int().min(1).max(3600).optional(),
});
const validatorsSchema = schemas/* array */.YOg(validatorSchema)
    .max(20)
    .describe('Commands run after a patch lands; if one fails, the patch is rolled back.');

// EXTERNAL MODULE: ./.build/src/config/model-ref.js
var model_ref = __webpack_require__(6955);
;// CONCATENATED MODULE: ./.build/src/config/schema.js
/**
 * The `.aethr.yaml` schema: the single source of the workflow type.
 *
 * Every key the Aethr CLI defined is accepted unchanged (`workflow`, `roles`, `models`, `steps[]`
 * with `id`, `role`, `context`, `backend`, `unsafe_permissions`, `history_visibility`, `repeat`).
 * Everything else is an optional, additive extension. Objects are strict so a typo is reported
 * (with a "did you mean") instead of being silently ignored.
 */




const HISTORY_VISIBILITIES = ['all', 'latest', 'summary', 'none'];
/** `llm` (the default when `backend` is absent) asks the routed model for text. */
const BACKENDS = ['llm', 'opencode', 'patch'];
const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

const modelRefSchema = schemas/* string */.YjP().regex(model_ref/* MODEL_REF_PATTERN */.p, {
    message: 'expected "provider:model", for example "openai:gpt-4o-mini"',
});
const repeatSchema = schemas/* strictObject */.rej({
    back_to: schemas/* string */.YjP().min(1).describe('Id of an earlier step (or this one) to go back to.'),
    until_review_pass: schemas/* boolean */.zMY()
        .default(true)
        .describe('Stop repeating once this step reports "Review status: pass".'),
    max_iterations: schemas/* number */.aig()
        .int()
        .min(1)
        .max(20)
        .describe('Upper bound on passes through the repeated slice (the first pass counts).'),
});
const stepSchema = schemas/* strictObject */.rej({
    id: schemas/* string */.YjP().regex(ID_PATTERN, { message: 'use letters, digits, "-", "_" or "."' }),
    role: schemas/* string */.YjP().min(1).describe('A key of `roles`.'),
    context: schemas/* array */.YOg(schemas/* string */.YjP().min(1))
        .default([])
        .describe('Context sources: git_diff, latest_diff, file:<path>, glob:<pattern>, pr_description, learnings.'),
    backend: schemas/* enum */.k5n(BACKENDS).optional().describe('llm (default), opencode, or patch.'),
    unsafe_permissions: schemas/* boolean */.zMY()
        .default(false)
        .describe('opencode only: bypass its permission prompts. Off by default.'),
    history_visibility: schemas/* enum */.k5n(HISTORY_VISIBILITIES).default('all'),
    repeat: repeatSchema.optional(),
    instructions: schemas/* string */.YjP()
        .optional()
        .describe('Extension: extra instructions for this step, appended after the role text.'),
});
const workflowSchema = schemas/* strictObject */.rej({
    $schema: schemas/* string */.YjP().optional().describe('Editor hint; ignored.'),
    workflow: schemas/* string */.YjP().min(1).describe('Name of the workflow.'),
    description: schemas/* string */.YjP().optional(),
    roles: schemas/* record */.g1P(schemas/* string */.YjP().regex(ID_PATTERN), schemas/* string */.YjP().min(1))
        .describe('Role name -> instructions given to that role.'),
    models: schemas/* record */.g1P(schemas/* string */.YjP().regex(ID_PATTERN), modelRefSchema)
        .default({})
        .describe('Role name -> "provider:model". `default` applies to roles without an entry.'),
    steps: schemas/* array */.YOg(stepSchema).min(1),
    budget: budgetSchema.optional(),
    limits: limitsSchema.optional(),
    pricing: pricingSchema.optional(),
    policy: policySchema.optional(),
    patch: patchPolicySchema.optional(),
    validators: validatorsSchema.optional(),
    learnings: schemas/* string */.YjP()
        .min(1)
        .optional()
        .describe('Extension: a file inside the repository (e.g. .aethr/learnings.md) of what earlier runs learned. Steps that list `learnings` in their context see it; implement runs on GitHub append the short bullet points their reply ends with (a fenced `learnings` block) in the same commit as their change.'),
    label_context: schemas/* record */.g1P(schemas/* string */.YjP().min(1), schemas/* array */.YOg(schemas/* string */.YjP().min(1)))
        .optional()
        .describe("Extension: label -> context sources (same forms as a step's `context`). When the pull request (or issue) carries the label, they are added to every step that has context, after its own."),
})
    .describe('An Aethr workflow (.aethr.yaml).');

;// CONCATENATED MODULE: ./.build/src/config/cross-checks.js
/**
 * Checks that span several fields, which a per-field schema cannot express: role references,
 * model routing keys, unique step ids, repeat targets, context sources, opencode-only options.
 * Runs on the raw parsed data and skips whatever has the wrong shape (the schema reports that),
 * so a file with schema problems still gets these reported in the same pass.
 */





const cross_checks_isRecord = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
function checkRole(step, roleNames, out) {
    const role = step.raw['role'];
    if (roleNames === undefined || typeof role !== 'string' || role === '')
        return;
    if (roleNames.includes(role))
        return;
    const suggestion = (0,did_you_mean/* suggestWord */.vZ)(role, roleNames, 'use one of');
    out.push({
        path: ['steps', step.index, 'role'],
        message: `role ${JSON.stringify(role)} is not defined under "roles"`,
        fix: suggestion.startsWith('did you mean')
            ? suggestion
            : `${suggestion}, or add "${role}: <instructions>" under "roles:"`,
    });
}
function checkRepeat(step, steps, out) {
    const repeat = step.raw['repeat'];
    if (!cross_checks_isRecord(repeat))
        return;
    const target = repeat['back_to'];
    if (typeof target !== 'string' || target === '')
        return;
    const path = ['steps', step.index, 'repeat', 'back_to'];
    const earlier = [
        ...new Set(steps.filter((s) => s.index <= step.index && s.id !== undefined).map((s) => s.id)),
    ];
    const targetStep = steps.find((s) => s.id === target);
    if (targetStep === undefined) {
        out.push({
            path,
            message: `back_to ${JSON.stringify(target)} is not the id of any step`,
            fix: (0,did_you_mean/* suggestWord */.vZ)(target, earlier, 'write the id of this step or an earlier one:'),
        });
    }
    else if (targetStep.index > step.index) {
        out.push({
            path,
            message: `back_to ${JSON.stringify(target)} names a later step (steps[${targetStep.index}]); a repeat can only go back to this step or an earlier one`,
            fix: earlier.length > 0
                ? `write one of ${(0,did_you_mean/* listWords */.yh)(earlier)}, or move this repeat to step ${JSON.stringify(target)} or later`
                : `move this repeat to step ${JSON.stringify(target)} or later`,
        });
    }
}
function checkContext(step, out) {
    const context = step.raw['context'];
    if (!Array.isArray(context))
        return;
    context.forEach((entry, k) => {
        if (typeof entry !== 'string' || entry === '')
            return;
        const result = parseContextSource(entry);
        if (!result.ok) {
            out.push({
                path: ['steps', step.index, 'context', k],
                message: result.message,
                fix: result.fix,
            });
        }
    });
}
const BACKEND_NAMES = new Set(BACKENDS);
function checkUnsafePermissions(step, out) {
    if (step.raw['unsafe_permissions'] !== true)
        return;
    const backend = step.raw['backend'] ?? 'llm';
    if (typeof backend !== 'string' || !BACKEND_NAMES.has(backend) || backend === 'opencode')
        return;
    const shown = step.raw['backend'] === undefined ? 'llm, the default' : backend;
    out.push({
        path: ['steps', step.index, 'unsafe_permissions'],
        target: 'key',
        message: `unsafe_permissions only applies to the opencode backend, and this step's backend is ${shown}`,
        fix: 'add "backend: opencode" to this step, or remove "unsafe_permissions: true"',
    });
}
function checkModels(data, roleNames, out) {
    const models = data['models'];
    if (!cross_checks_isRecord(models) || roleNames === undefined)
        return;
    const allowed = [...roleNames, 'default'];
    for (const key of Object.keys(models)) {
        if (allowed.includes(key))
            continue;
        out.push({
            path: ['models', key],
            target: 'key',
            message: `models has an entry for ${JSON.stringify(key)}, which is neither a role nor "default"`,
            fix: (0,did_you_mean/* suggestWord */.vZ)(key, allowed, 'use one of'),
        });
    }
}
/** Every cross-field problem in the workflow data, in file order per step. */
function crossCheckWorkflow(data) {
    if (!cross_checks_isRecord(data))
        return [];
    const out = [];
    const roleNames = cross_checks_isRecord(data['roles']) ? Object.keys(data['roles']) : undefined;
    checkModels(data, roleNames, out);
    out.push(...crossCheckBounds(data, roleNames));
    const rawSteps = Array.isArray(data['steps']) ? data['steps'] : [];
    const steps = [];
    rawSteps.forEach((raw, index) => {
        if (!cross_checks_isRecord(raw))
            return;
        const id = typeof raw['id'] === 'string' && raw['id'] !== '' ? raw['id'] : undefined;
        steps.push({ index, raw, id });
    });
    const firstIndex = new Map();
    for (const step of steps) {
        checkRole(step, roleNames, out);
        if (step.id !== undefined) {
            const first = firstIndex.get(step.id);
            if (first === undefined)
                firstIndex.set(step.id, step.index);
            else {
                out.push({
                    path: ['steps', step.index, 'id'],
                    message: `step id ${JSON.stringify(step.id)} is already used by steps[${first}]`,
                    fix: `give each step its own id, e.g. ${JSON.stringify(`${step.id}-${step.index + 1}`)}`,
                });
            }
        }
        checkContext(step, out);
        checkUnsafePermissions(step, out);
        checkRepeat(step, steps, out);
    }
    out.push(...crossCheckContextExtensions(data));
    return out;
}

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
;// CONCATENATED MODULE: ./.build/src/config/yaml-locate.js
/**
 * Finds where a data path (`['steps', 1, 'role']`) is written in a parsed YAML document, so a
 * problem found in the data can be reported at its line and column.
 */

function deref(doc, node) {
    if ((0,dist.isAlias)(node))
        return node.resolve(doc);
    return node;
}
function keyText(pair) {
    const key = pair.key;
    if ((0,dist.isScalar)(key))
        return String(key.value);
    if (key === null || key === undefined)
        return undefined;
    return String(key);
}
/** The pair for `key` in a mapping, following `<<` merge keys when the key is not written here. */
function findPair(doc, map, key, depth = 0) {
    if (!(0,dist.isMap)(map) || depth > 8)
        return undefined;
    let merged;
    for (const pair of map.items) {
        if (!(0,dist.isPair)(pair))
            continue;
        if (keyText(pair) === key)
            return pair;
        if ((0,dist.isScalar)(pair.key) && typeof pair.key.value === 'symbol' && merged === undefined) {
            const sources = (0,dist.isSeq)(pair.value) ? pair.value.items : [pair.value];
            for (const source of sources) {
                merged ??= findPair(doc, deref(doc, source), key, depth + 1);
            }
        }
    }
    return merged;
}
function walk(doc, path) {
    let node = deref(doc, doc.contents);
    let pair;
    let depth = 0;
    for (const segment of path) {
        if ((0,dist.isSeq)(node) && typeof segment === 'number') {
            const item = node.items[segment];
            if (item === undefined)
                break;
            node = deref(doc, item);
            pair = undefined;
        }
        else if ((0,dist.isMap)(node)) {
            const found = findPair(doc, node, String(segment));
            if (found === undefined)
                break;
            pair = found;
            node = deref(doc, found.value);
        }
        else {
            break;
        }
        depth++;
    }
    return { node, pair, depth };
}
function startOf(node) {
    if (node === null || typeof node !== 'object')
        return undefined;
    const range = node.range;
    return range ? range[0] : undefined;
}
/** A value written as nothing (`key:` with no value) has no useful position of its own. */
function isEmptyValue(node) {
    return (0,dist.isScalar)(node) && node.value === null && (node.source ?? '') === '';
}
/**
 * The offset to report for `path`: the key itself for `target: 'key'`; the value otherwise (or
 * its key when the value is empty). When the path goes further than the document (a missing
 * key), the nearest written ancestor: its key when it has one, else where it starts.
 */
function locateOffset(doc, path, target = 'value') {
    const { node, pair, depth } = walk(doc, path);
    const complete = depth === path.length;
    let offset;
    if (!complete) {
        offset = pair ? startOf(pair.key) : startOf(node);
    }
    else if (target === 'key' || isEmptyValue(node)) {
        offset = pair ? startOf(pair.key) : startOf(node);
    }
    else {
        offset = startOf(node) ?? (pair ? startOf(pair.key) : undefined);
    }
    return offset ?? startOf(doc.contents) ?? 0;
}
function toPosition(lineCounter, offset) {
    const { line, col } = lineCounter.linePos(offset);
    return { line: Math.max(line, 1), column: Math.max(col, 1) };
}
function locate(doc, lineCounter, path, target = 'value') {
    return toPosition(lineCounter, locateOffset(doc, path, target));
}
/** The text a node was written as (for `quote it: "no"` hints), or undefined. */
function sourceText(doc, path) {
    const { node, depth } = walk(doc, path);
    if (depth !== path.length || !(0,dist.isScalar)(node))
        return undefined;
    return node.source;
}

;// CONCATENATED MODULE: ./.build/src/config/parse-yaml.js
/**
 * YAML text → document + plain data, with every syntax error at its line and column. Aliases are
 * bounded (an alias bomb fails fast instead of expanding), keys must be unique, and the scalars
 * PyYAML reads as booleans (`yes`, `no`, `on`, `off`) are booleans here too, so files written
 * for the Aethr CLI mean the same thing.
 */


/** Most alias expansions a workflow may use; far above any real file, far below a bomb. */
const MAX_ALIAS_COUNT = 50;
const MINIMAL_EXAMPLE = [
    'workflow: review',
    'roles:',
    '  reviewer: Review the diff and list concrete problems.',
    'steps:',
    '  - { id: review, role: reviewer, context: [git_diff] }',
].join('\n');
/** PyYAML (YAML 1.1) booleans that the YAML 1.2 core schema would read as text. */
const pyYamlBool = {
    identify: (value) => typeof value === 'boolean',
    default: true,
    tag: 'tag:yaml.org,2002:bool',
    test: /^(?:yes|Yes|YES|no|No|NO|on|On|ON|off|Off|OFF)$/,
    resolve: (text) => /^(?:yes|on)$/i.test(text),
};
const SYNTAX_FIX = {
    TAB_AS_INDENT: 'indent with spaces; YAML does not allow tabs for indentation',
    DUPLICATE_KEY: 'keep one of the two entries with this key (remove or rename the other)',
    BAD_INDENT: 'line this up with the other keys at the same level (use spaces)',
    MISSING_CHAR: 'add the missing closing quote or bracket',
    MULTILINE_IMPLICIT_KEY: 'a key must fit on one line; check for a missing ":" or an unclosed quote above',
    BLOCK_AS_IMPLICIT_KEY: 'put a value that contains ": " in quotes (e.g. reviewer: "End with Review status: pass"); nested keys go on their own lines under an empty "key:"',
    MULTIPLE_DOCS: 'keep a single YAML document: remove the second "---" and what follows, or merge them',
    UNEXPECTED_TOKEN: 'check the indentation and the ":" and "-" markers on this line',
    BAD_SCALAR_START: 'put the value in quotes, e.g. "@value" or "`value`"',
    BAD_DQ_ESCAPE: 'use single quotes, or escape the backslash as "\\\\"',
    BAD_ALIAS: 'define the anchor (&name) before using the alias (*name)',
    KEY_OVER_1024_CHARS: 'shorten the key',
    BLOCK_IN_FLOW: 'inside [ ] or { } write values inline, not as indented blocks',
    RESOURCE_EXHAUSTION: 'simplify the file: it is nested too deeply',
    NON_STRING_KEY: 'write keys as plain words',
    MULTIPLE_ANCHORS: 'keep one anchor (&name) per value',
    MULTIPLE_TAGS: 'keep one tag (!tag) per value',
    BAD_PROP_ORDER: 'write the anchor and tag before the value',
    ALIAS_PROPS: 'remove the anchor or tag from the alias',
};
const GENERIC_SYNTAX_FIX = 'check the YAML syntax at this position';
/** Messages of the yaml package that speak of its API rather than of the file. */
const SYNTAX_MESSAGE = {
    MULTIPLE_DOCS: 'the file holds more than one YAML document (a second "---" line)',
    RESOURCE_EXHAUSTION: 'the file is nested too deeply to read',
};
/**
 * Where an unterminated quoted value starts: the last line before `end` that opens `quote`
 * after a key, a list dash or a flow bracket and does not close it. The parser reports the
 * error where the text runs out, which is rarely where the mistake is.
 */
function findUnclosedQuote(text, quote, end) {
    const body = quote === '"' ? String.raw `(?:[^"\\]|\\.)*` : "(?:[^']|'')*";
    const opener = new RegExp(String.raw `(^\s*|[:\-?]\s+|[\[,{]\s*)${quote}${body}$`);
    let found;
    let start = 0;
    for (const line of text.slice(0, end).split('\n')) {
        const match = opener.exec(line);
        if (match)
            found = start + match.index + match[1].length;
        start += line.length + 1;
    }
    return found;
}
/** The text of the mapping key written at `offset`, if there is one. */
function keyStartingAt(doc, offset) {
    let found;
    (0,dist.visit)(doc, {
        Pair(_key, pair) {
            if ((0,dist.isScalar)(pair.key) && pair.key.range?.[0] === offset) {
                found = String(pair.key.value);
                return dist.visit.BREAK;
            }
            return undefined;
        },
    });
    return found;
}
function syntaxProblem(doc, text, lineCounter, error) {
    let offset = error.pos[0];
    let message = SYNTAX_MESSAGE[error.code] ?? error.message;
    const quote = /^Missing closing ("|')quote/.exec(error.message)?.[1];
    if (error.code === 'MISSING_CHAR' && quote !== undefined) {
        const opened = findUnclosedQuote(text, quote, offset);
        if (opened !== undefined) {
            offset = opened;
            message = `this ${quote} quote is never closed`;
        }
    }
    if (error.code === 'DUPLICATE_KEY') {
        const key = keyStartingAt(doc, error.pos[0]);
        if (key !== undefined) {
            message = `duplicate key ${JSON.stringify(key)}: a key may appear only once in a mapping`;
        }
    }
    return {
        ...toPosition(lineCounter, offset),
        path: '',
        message: `YAML syntax: ${message}`,
        fix: SYNTAX_FIX[error.code] ?? GENERIC_SYNTAX_FIX,
    };
}
function firstAliasOffset(doc) {
    let offset = 0;
    (0,dist.visit)(doc, {
        Alias(_key, node) {
            offset = node.range?.[0] ?? 0;
            return dist.visit.BREAK;
        },
    });
    return offset;
}
/** Keys written as lists or mappings (`? [a, b]`): JSON has no such keys, so they are refused. */
function complexKeyProblems(doc, lineCounter) {
    const problems = [];
    (0,dist.visit)(doc, {
        Pair(_key, pair) {
            const key = pair.key;
            if ((0,dist.isMap)(key) || (0,dist.isSeq)(key)) {
                problems.push({
                    ...toPosition(lineCounter, key.range?.[0] ?? 0),
                    path: '',
                    message: `a key must be a plain word, not a ${(0,dist.isSeq)(key) ? 'list' : 'mapping'}`,
                    fix: 'write the key as text, e.g. "reviewer:"',
                });
            }
        },
    });
    return problems;
}
function describeTop(contents) {
    if ((0,dist.isSeq)(contents))
        return 'a list';
    if ((0,dist.isAlias)(contents))
        return 'an alias';
    return 'a single value';
}
/** Parses workflow YAML; the top level must be a non-empty mapping. */
function parseWorkflowYaml(text) {
    const lineCounter = new dist.LineCounter();
    const doc = (0,dist.parseDocument)(text, {
        lineCounter,
        prettyErrors: false,
        uniqueKeys: true,
        merge: true,
        customTags: [pyYamlBool],
    });
    if (doc.errors.length > 0) {
        // One problem per position: the parser often reports the same mistake twice.
        const byPosition = new Map();
        for (const error of doc.errors) {
            const problem = syntaxProblem(doc, text, lineCounter, error);
            const key = `${problem.line}:${problem.column}`;
            if (!byPosition.has(key))
                byPosition.set(key, problem);
        }
        return { ok: false, problems: [...byPosition.values()] };
    }
    const contents = doc.contents;
    if (contents === null || ((0,dist.isMap)(contents) && contents.items.length === 0)) {
        const empty = contents === null;
        const at = empty ? { line: 1, column: 1 } : toPosition(lineCounter, contents.range?.[0] ?? 0);
        return {
            ok: false,
            problems: [
                {
                    ...at,
                    path: '',
                    message: empty
                        ? 'the file has no content (it is empty or only comments)'
                        : 'the top-level mapping is empty',
                    fix: `write a workflow, for example:\n${MINIMAL_EXAMPLE}`,
                },
            ],
        };
    }
    if (!(0,dist.isMap)(contents)) {
        const at = toPosition(lineCounter, contents.range?.[0] ?? 0);
        return {
            ok: false,
            problems: [
                {
                    ...at,
                    path: '',
                    message: `the top level must be a mapping of keys (workflow, roles, models, steps), but it is ${describeTop(contents)}`,
                    fix: `start with "workflow:", "roles:" and "steps:" at the left margin (steps go under "steps:"), for example:\n${MINIMAL_EXAMPLE}`,
                },
            ],
        };
    }
    const keyProblems = complexKeyProblems(doc, lineCounter);
    if (keyProblems.length > 0)
        return { ok: false, problems: keyProblems };
    try {
        const data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
        return { ok: true, doc, lineCounter, data };
    }
    catch (error) {
        const at = toPosition(lineCounter, firstAliasOffset(doc));
        const bomb = error instanceof ReferenceError && /alias/i.test(error.message);
        return {
            ok: false,
            problems: [
                {
                    ...at,
                    path: '',
                    message: bomb
                        ? `aliases expand to too many copies (more than ${MAX_ALIAS_COUNT}); this looks like an alias bomb`
                        : `the YAML could not be read: ${error.message}`,
                    fix: bomb
                        ? 'write the values out, or use each alias (*name) only a few times'
                        : 'simplify the anchors and aliases in this file',
                },
            ],
        };
    }
}

;// CONCATENATED MODULE: ./.build/src/config/raw-problem.js
/** `steps[1].repeat.back_to`; keys that are not plain words are quoted: `models["my role"]`. */
function formatPath(path) {
    let text = '';
    for (const segment of path) {
        if (typeof segment === 'number')
            text += `[${segment}]`;
        else if (/^[A-Za-z_$][\w$-]*$/.test(segment))
            text += text === '' ? segment : `.${segment}`;
        else
            text += `[${JSON.stringify(segment)}]`;
    }
    return text;
}

;// CONCATENATED MODULE: ./.build/src/config/schema-lookup.js
/** Reads facts from the zod schema at a data path: which keys a mapping allows, number bounds. */

function unwrap(schema) {
    let current = schema;
    for (let i = 0; i < 8; i++) {
        if (current instanceof schemas/* ZodOptional */.IiU || current instanceof schemas/* ZodDefault */.XiL) {
            current = current.unwrap();
        }
        else if (current instanceof schemas/* ZodNullable */.l1C) {
            current = current.unwrap();
        }
        else
            break;
    }
    return current;
}
/** The schema that describes the value at `path`, or undefined when the path leaves the schema. */
function schemaAt(root, path) {
    let current = unwrap(root);
    for (const segment of path) {
        if (current instanceof schemas/* ZodObject */.bvH && typeof segment === 'string') {
            const next = current.shape[segment];
            current = next === undefined ? undefined : unwrap(next);
        }
        else if (current instanceof schemas/* ZodArray */.naA && typeof segment === 'number') {
            current = unwrap(current.element);
        }
        else if (current instanceof schemas/* ZodRecord */.b8S) {
            current = unwrap(current.valueType);
        }
        else {
            return undefined;
        }
        if (current === undefined)
            return undefined;
    }
    return current;
}
/** Keys the mapping at `path` allows, in schema order (empty when it is not an object schema). */
function allowedKeysAt(root, path) {
    const schema = schemaAt(root, path);
    return schema instanceof schemas/* ZodObject */.bvH ? Object.keys(schema.shape) : [];
}
/** Inclusive bounds of the number at `path`, when the schema gives them. */
function numberBoundsAt(root, path) {
    const schema = schemaAt(root, path);
    if (!(schema instanceof schemas/* ZodNumber */.rSt))
        return undefined;
    return { min: schema.minValue, max: schema.maxValue, int: schema.isInt };
}

;// CONCATENATED MODULE: ./.build/src/config/zod-issues.js


const zod_issues_isRecord = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
function valueAt(data, path) {
    let current = data;
    for (const segment of path) {
        if (Array.isArray(current) && typeof segment === 'number' && segment < current.length) {
            current = current[segment];
        }
        else if (zod_issues_isRecord(current) && Object.hasOwn(current, String(segment))) {
            current = current[String(segment)];
        }
        else {
            return { found: false, value: undefined };
        }
    }
    return { found: true, value: current };
}
function shorten(text, max = 40) {
    return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
/** How a value reads in a message: `the text "x"`, `the number 3`, `a list`, `an empty value`. */
function describeValue(value) {
    if (value === undefined)
        return 'nothing';
    if (value === null)
        return 'an empty value';
    if (typeof value === 'string')
        return `the text ${JSON.stringify(shorten(value))}`;
    if (typeof value === 'number')
        return `the number ${value}`;
    if (typeof value === 'boolean')
        return `${value}`;
    if (value instanceof Date)
        return 'a date';
    if (Array.isArray(value))
        return value.length === 0 ? 'an empty list' : 'a list';
    if (zod_issues_isRecord(value)) {
        const keys = Object.keys(value);
        return keys.length === 0
            ? 'an empty mapping'
            : `a mapping (with ${(0,did_you_mean/* listWords */.yh)(keys.slice(0, 3), 'and')})`;
    }
    return typeof value;
}
const EXPECTED = {
    string: 'text',
    number: 'a number',
    int: 'a whole number',
    boolean: 'true or false',
    array: 'a list',
    object: 'a mapping',
    record: 'a mapping',
};
/** What to add for a missing key, by key name. */
const MISSING_FIX = {
    workflow: 'add "workflow: <name>", e.g. "workflow: review-pr"',
    roles: 'add "roles:" with one "<role>: <instructions>" line per role, e.g. "reviewer: Review the diff."',
    steps: 'add "steps:" with at least one step, e.g. "- id: review" and "role: reviewer" under it',
    id: 'add "id: <step-name>", e.g. "id: review"',
    role: 'add "role: <a key of roles>", e.g. "role: reviewer"',
    back_to: 'add "back_to: <id of this step or an earlier one>"',
    max_iterations: 'add "max_iterations: 3" (a whole number from 1 to 20)',
};
/** What to write where a value must not be empty. */
function emptyFix(path) {
    const key = lastKey(path);
    if (path[0] === 'roles' && path.length === 2)
        return 'write the instructions for this role';
    if (isContextEntry(path))
        return 'write a context source, e.g. git_diff';
    const fixes = {
        steps: 'add at least one step, e.g. "- id: review" with "role: reviewer" under it',
        workflow: 'write a name, e.g. "workflow: review-pr"',
        role: 'write the name of a role, e.g. "role: reviewer"',
        back_to: 'write the id of this step or an earlier one',
    };
    return fixes[key ?? ''] ?? 'write a value';
}
const lastKey = (path) => {
    for (let i = path.length - 1; i >= 0; i--)
        if (typeof path[i] === 'string')
            return path[i];
    return undefined;
};
const isContextEntry = (path) => path.length >= 2 &&
    path[path.length - 2] === 'context' &&
    typeof path[path.length - 1] === 'number';
function typeFix(expected, value, path, ctx) {
    const written = ctx.sourceOf?.(path);
    if (expected === 'string') {
        if (isContextEntry(path) && zod_issues_isRecord(value)) {
            const [key] = Object.keys(value);
            const inner = key === undefined ? '' : String(value[key] ?? '');
            return `write it as one word without a space after the colon: "${key ?? 'file'}:${inner}"`;
        }
        if (typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) {
            return `put it in quotes: "${written ?? String(value)}"`;
        }
        if (value === null)
            return 'write a value after the colon';
        return 'write a single line of text here (use "|" for text over several lines)';
    }
    if (expected === 'boolean') {
        return 'write true or false (without quotes)';
    }
    if (expected === 'number' || expected === 'int') {
        if (typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value)) {
            return `write the number without quotes: ${value.trim()}`;
        }
        if (typeof value === 'number')
            return `write a whole number, e.g. ${Math.max(1, Math.round(value))}`;
        return 'write a number, e.g. 3';
    }
    if (expected === 'array') {
        const key = lastKey(path) ?? 'key';
        if (typeof value === 'string') {
            return `write a list: "${key}: [${value}]", or "- ${value}" on the next line`;
        }
        return `write a list, one "- <item>" per line under "${key}:"`;
    }
    if (expected === 'object' || expected === 'record') {
        const key = lastKey(path);
        if (key === 'roles')
            return 'write one "<role>: <instructions>" per line under "roles:", e.g. "reviewer: Review the diff."';
        if (key === 'models')
            return 'write one "<role>: <provider:model>" per line under "models:", e.g. "reviewer: openai:gpt-4o-mini"';
        if (key === 'repeat')
            return 'write "back_to:", "until_review_pass:" and "max_iterations:" under "repeat:"';
        if (typeof path[path.length - 1] === 'number' && path[0] === 'steps') {
            const name = typeof value === 'string' ? value : 'review';
            return `write each step as a mapping: "- id: ${name}" with "role: <role>" under it`;
        }
        return 'write "key: value" lines here';
    }
    return `write ${EXPECTED[expected] ?? expected}`;
}
/** `openai:gpt4` for `gpt4`, `openai:gpt-4o` for `openai/gpt-4o`; undefined when no guess. */
function guessModelRef(value) {
    const v = value.trim();
    const slash = /^([A-Za-z0-9][\w.-]*)\/(\S+)$/.exec(v);
    if (slash)
        return `${slash[1]}:${slash[2]}`;
    const spaced = /^([A-Za-z0-9][\w.-]*):\s+(\S+)$/.exec(v);
    if (spaced)
        return `${spaced[1]}:${spaced[2]}`;
    if (/\s/.test(v) || v === '')
        return undefined;
    if (/^(gpt|chatgpt|o\d)/i.test(v))
        return `openai:${v}`;
    if (/^claude/i.test(v))
        return `anthropic:${v}`;
    if (/^gemini/i.test(v))
        return `gemini:${v}`;
    if (/^grok/i.test(v))
        return `xai:${v}`;
    return undefined;
}
/** `my role` → `my-role`: a suggestion that satisfies the id pattern. */
function toId(value) {
    const id = value
        .trim()
        .replace(/[^A-Za-z0-9_.-]+/g, '-')
        .replace(/^[^A-Za-z0-9]+/, '')
        .replace(/[-_.]+$/, '');
    return id === '' ? 'my-id' : id;
}
function formatIssue(issue, value, path) {
    const text = typeof value === 'string' ? value : String(value);
    if (path[0] === 'models' && path.length === 2) {
        const guess = guessModelRef(text);
        return {
            path,
            message: `model ${JSON.stringify(text)} has no provider; models are written "provider:model"`,
            fix: guess !== undefined
                ? `write ${JSON.stringify(guess)}`
                : `write "<provider>:${text}", e.g. "openai:gpt-4o-mini" (providers: openai, anthropic, gemini, openrouter, xai, …)`,
        };
    }
    if (lastKey(path) === 'id') {
        return {
            path,
            message: `step id ${JSON.stringify(text)} is not valid: ${issue.message}`,
            fix: `write e.g. ${JSON.stringify(toId(text))}`,
        };
    }
    return { path, message: `${JSON.stringify(shorten(text))} is not valid: ${issue.message}` };
}
/** The problems one zod issue stands for (an unknown-keys issue yields one per key). */
function issueToProblems(issue, ctx) {
    const path = issue.path;
    const { found, value } = valueAt(ctx.data, path);
    const key = lastKey(path);
    switch (issue.code) {
        case 'unrecognized_keys': {
            const allowed = allowedKeysAt(ctx.schema, path);
            const repeatKeys = path[0] === 'steps' && path.length === 2
                ? allowedKeysAt(ctx.schema, [...path, 'repeat'])
                : [];
            return issue.keys.map((unknown) => {
                let fix = (0,did_you_mean/* suggestWord */.vZ)(unknown, allowed, 'allowed keys here are');
                if (repeatKeys.includes(unknown)) {
                    fix = `move it under "repeat:" of this step (indented below a "repeat:" key)`;
                }
                return {
                    path: [...path, unknown],
                    target: 'key',
                    message: `unknown key ${JSON.stringify(unknown)}`,
                    fix,
                };
            });
        }
        case 'invalid_type': {
            if (!found) {
                return [
                    {
                        path,
                        message: `missing required key ${JSON.stringify(key ?? '')}`,
                        fix: MISSING_FIX[key ?? ''] ?? `add "${key}:"`,
                    },
                ];
            }
            const expected = EXPECTED[issue.expected] ?? issue.expected;
            const got = typeof value === 'number' && issue.expected === 'int' ? `${value}` : describeValue(value);
            return [
                {
                    path,
                    message: `expected ${expected}, got ${got}`,
                    fix: typeFix(issue.expected, value, path, ctx),
                },
            ];
        }
        case 'invalid_value': {
            const allowed = issue.values.map((v) => String(v));
            const shown = typeof value === 'string' ? JSON.stringify(value) : describeValue(value);
            return [
                {
                    path,
                    message: `${shown} is not allowed here; expected one of ${(0,did_you_mean/* listWords */.yh)(allowed)}`,
                    fix: typeof value === 'string'
                        ? (0,did_you_mean/* suggestWord */.vZ)(value, allowed, 'write one of')
                        : `write one of ${(0,did_you_mean/* listWords */.yh)(allowed)}`,
                },
            ];
        }
        case 'too_small':
        case 'too_big': {
            const small = issue.code === 'too_small';
            const limit = Number(small
                ? issue.minimum
                : issue.maximum);
            if (issue.origin === 'array' || issue.origin === 'string') {
                const count = Array.isArray(value)
                    ? value.length
                    : typeof value === 'string'
                        ? value.length
                        : 0;
                const unit = issue.origin === 'array' ? 'item' : 'character';
                const message = small
                    ? count === 0
                        ? 'must not be empty'
                        : `needs at least ${limit} ${unit}s, got ${count}`
                    : `has more than ${limit} ${unit}s`;
                return [{ path, message, fix: small ? emptyFix(path) : `keep at most ${limit} ${unit}s` }];
            }
            const bounds = numberBoundsAt(ctx.schema, path);
            const range = bounds && bounds.min !== null && bounds.max !== null
                ? `${bounds.int ? 'a whole number' : 'a number'} from ${bounds.min} to ${bounds.max}`
                : small
                    ? `a number of at least ${limit}`
                    : `a number of at most ${limit}`;
            return [
                {
                    path,
                    message: `${small ? 'must be at least' : 'must be at most'} ${limit}, got ${typeof value === 'number' ? value : describeValue(value)}`,
                    fix: `write ${range}`,
                },
            ];
        }
        case 'invalid_format':
            return [formatIssue(issue, value, path)];
        case 'invalid_key': {
            const name = String(path[path.length - 1]);
            const what = path[0] === 'roles' ? 'role name' : path[0] === 'models' ? 'role name in models' : 'key';
            return [
                {
                    path,
                    target: 'key',
                    message: `${what} ${JSON.stringify(name)} may only use letters, digits, "-", "_" and "." (and must start with a letter or digit)`,
                    fix: `write e.g. ${JSON.stringify(toId(name))}`,
                },
            ];
        }
        default:
            return [{ path, message: issue.message }];
    }
}

;// CONCATENATED MODULE: ./.build/src/config/parse-workflow.js
/**
 * Workflow text → validated `Workflow`, or a ConfigError listing every problem in the file at
 * once (YAML syntax first; then schema and cross-field problems together). Pure: no I/O.
 */







/** Largest workflow file accepted, in bytes. */
const MAX_WORKFLOW_BYTES = 1024 * 1024;
function tooLargeProblem(bytes) {
    const size = bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MiB` : `${bytes} bytes`;
    return {
        line: 1,
        column: 1,
        path: '',
        message: `the file is ${size}; a workflow file may be at most 1 MiB`,
        fix: 'check that this is the workflow file (a workflow is usually well under 10 KB); move large text into files and reference them with "file:<path>" context',
    };
}
/** Parses and validates workflow YAML. `file` is the name used in messages. */
function parseWorkflowText(text, file) {
    const bytes = Buffer.byteLength(text, 'utf8');
    if (bytes > MAX_WORKFLOW_BYTES)
        throw new config_error/* ConfigError */.xL(file, [tooLargeProblem(bytes)]);
    const parsed = parseWorkflowYaml(text);
    if (!parsed.ok)
        throw new config_error/* ConfigError */.xL(file, parsed.problems);
    const { doc, lineCounter, data } = parsed;
    const raw = [];
    const result = workflowSchema.safeParse(data);
    if (!result.success) {
        const ctx = {
            schema: workflowSchema,
            data,
            sourceOf: (p) => sourceText(doc, p),
        };
        for (const issue of result.error.issues)
            raw.push(...issueToProblems(issue, ctx));
    }
    raw.push(...crossCheckWorkflow(data));
    if (raw.length === 0 && result.success)
        return result.data;
    const seen = new Set();
    const problems = [];
    for (const problem of raw) {
        const position = locate(doc, lineCounter, problem.path, problem.target);
        const entry = {
            ...position,
            path: formatPath(problem.path),
            message: problem.message,
            ...(problem.fix !== undefined ? { fix: problem.fix } : {}),
        };
        const key = `${entry.line}:${entry.column}:${entry.path}:${entry.message}`;
        if (seen.has(key))
            continue;
        seen.add(key);
        problems.push(entry);
    }
    throw new config_error/* ConfigError */.xL(file, problems);
}

;// CONCATENATED MODULE: ./.build/src/config/utf8.js
/** Strict UTF-8 decoding that can say where the first invalid byte is. */
/** Byte offset of the first byte that does not start or continue a valid UTF-8 sequence, or -1. */
function firstInvalidUtf8Offset(bytes) {
    let i = 0;
    const n = bytes.length;
    while (i < n) {
        const b = bytes[i];
        if (b < 0x80) {
            i++;
            continue;
        }
        let need;
        let min = 0x80;
        let max = 0xbf;
        if (b >= 0xc2 && b <= 0xdf)
            need = 1;
        else if (b >= 0xe0 && b <= 0xef) {
            need = 2;
            if (b === 0xe0)
                min = 0xa0; // no overlong forms
            if (b === 0xed)
                max = 0x9f; // no UTF-16 surrogates
        }
        else if (b >= 0xf0 && b <= 0xf4) {
            need = 3;
            if (b === 0xf0)
                min = 0x90; // no overlong forms
            if (b === 0xf4)
                max = 0x8f; // nothing above U+10FFFF
        }
        else
            return i;
        for (let k = 1; k <= need; k++) {
            const c = bytes[i + k];
            if (c === undefined)
                return i;
            const lo = k === 1 ? min : 0x80;
            const hi = k === 1 ? max : 0xbf;
            if (c < lo || c > hi)
                return i;
        }
        i += need + 1;
    }
    return -1;
}
/**
 * Decodes `bytes` as UTF-8 (a leading byte-order mark is dropped). On invalid input, reports the
 * first bad byte with its 1-based line and column (column counted in characters before it).
 */
function decodeUtf8(bytes) {
    try {
        return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
    }
    catch {
        const offset = firstInvalidUtf8Offset(bytes);
        const at = offset < 0 ? 0 : offset;
        let line = 1;
        let lineStart = 0;
        for (let i = 0; i < at; i++) {
            if (bytes[i] === 0x0a) {
                line++;
                lineStart = i + 1;
            }
        }
        const before = new TextDecoder('utf-8').decode(bytes.subarray(lineStart, at));
        return { ok: false, offset: at, line, column: before.length + 1, byte: bytes[at] ?? 0 };
    }
}

;// CONCATENATED MODULE: ./.build/src/config/load-workflow.js
/**
 * Reads a workflow file from disk and validates it. The I/O half of the loader: size is checked
 * before reading, at most 1 MiB + 1 byte is read, and the bytes must be valid UTF-8.
 */







function fileProblem(message, fix) {
    return { line: 0, column: 0, path: '', message, fix };
}
/** Bytes of the file, or a problem; never reads more than MAX_WORKFLOW_BYTES + 1. */
async function readBounded(path, file) {
    let handle;
    try {
        handle = await (0,promises_.open)(path, 'r');
    }
    catch (error) {
        const code = error.code;
        if (code === 'ENOENT') {
            throw new config_error/* ConfigError */.xL(file, [
                fileProblem('the workflow file does not exist', 'create it (e.g. copy a preset), or pass the right path'),
            ], { cause: error });
        }
        throw new config_error/* ConfigError */.xL(file, [
            fileProblem(`the workflow file cannot be opened (${code ?? String(error)})`, 'check the path and its permissions'),
        ], { cause: error });
    }
    try {
        const stat = await handle.stat();
        if (stat.isDirectory()) {
            throw new config_error/* ConfigError */.xL(file, [
                fileProblem('this is a directory, not a workflow file', 'pass the path of the .aethr.yaml file inside it'),
            ]);
        }
        if (stat.size > MAX_WORKFLOW_BYTES)
            throw new config_error/* ConfigError */.xL(file, [tooLargeProblem(stat.size)]);
        // The size may change between stat and read: read one byte more than allowed to notice.
        const buffer = new Uint8Array(MAX_WORKFLOW_BYTES + 1);
        let filled = 0;
        while (filled < buffer.length) {
            const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, filled);
            if (bytesRead === 0)
                break;
            filled += bytesRead;
        }
        if (filled > MAX_WORKFLOW_BYTES)
            throw new config_error/* ConfigError */.xL(file, [tooLargeProblem(filled)]);
        return buffer.subarray(0, filled);
    }
    finally {
        await handle.close();
    }
}
/**
 * Loads and validates a workflow file. `displayName` is the name messages show (default: the
 * path relative to the current directory). Throws ConfigError with every problem found.
 */
async function loadWorkflowFile(path, displayName) {
    const file = displayName ?? ((0,external_node_path_.relative)(process.cwd(), path) || path);
    const bytes = await readBounded(path, file);
    const decoded = decodeUtf8(bytes);
    if (!decoded.ok) {
        const hex = decoded.byte.toString(16).toUpperCase().padStart(2, '0');
        throw new config_error/* ConfigError */.xL(file, [
            {
                line: decoded.line,
                column: decoded.column,
                path: '',
                message: `the file is not valid UTF-8 (byte 0x${hex} at offset ${decoded.offset})`,
                fix: 'save the file as UTF-8 (e.g. re-encode it from Latin-1/Windows-1252) or remove the character',
            },
        ]);
    }
    return parseWorkflowText(decoded.text, file);
}


/***/ }),

/***/ 6955:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   p: () => (/* binding */ MODEL_REF_PATTERN)
/* harmony export */ });
/**
 * The `provider:model` shape, on its own: the doors check the `model` input with it at start-up,
 * without loading the workflow schema (zod) that an ignored event never needs.
 */
/** `provider:model`, e.g. `openai:gpt-4o-mini` or `openrouter:anthropic/claude-sonnet-4`. */
const MODEL_REF_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]*:\S+$/;


/***/ }),

/***/ 9900:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Uc: () => (/* binding */ isWithinRoot),
/* harmony export */   _k: () => (/* binding */ checkRelativePath),
/* harmony export */   jb: () => (/* binding */ checkGlobPattern)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/**
 * Path-safety rules for `file:` and `glob:` sources, as pure functions: what a declared path
 * may look like, and whether a resolved real path stays inside the real project root. The I/O
 * that gathers real paths lives in read-safe-file.ts.
 */

/**
 * Checks a declared path before anything touches the disk. Backslashes count as separators (so
 * `..\x` is caught everywhere). Refuses absolute paths (`/x`, `C:\x`, `\\server\x`) and paths
 * whose `..` segments climb above the root; `a/../b` is fine. Returns the normalised relative
 * path (`./a//b` → `a/b`; the root itself → `.`).
 */
function checkRelativePath(raw) {
    const trimmed = raw.trim();
    if (trimmed === '')
        return { ok: false, reason: 'empty' };
    if (trimmed.includes('\0'))
        return { ok: false, reason: 'nul' };
    const slashed = trimmed.replace(/\\/g, '/');
    if (slashed.startsWith('/') || /^[A-Za-z]:/.test(slashed))
        return { ok: false, reason: 'absolute' };
    const normal = node_path__WEBPACK_IMPORTED_MODULE_0__.posix.normalize(slashed).replace(/\/+$/, '');
    if (normal === '..' || normal.startsWith('../'))
        return { ok: false, reason: 'escapes' };
    return { ok: true, rel: normal === '' ? '.' : normal };
}
/** A glob pattern must not be absolute or contain a `..` segment (it would never match anyway). */
function checkGlobPattern(raw) {
    const trimmed = raw.trim();
    if (trimmed === '')
        return { ok: false, reason: 'empty' };
    if (trimmed.includes('\0'))
        return { ok: false, reason: 'nul' };
    if (trimmed.startsWith('/') || /^[A-Za-z]:[\\/]/.test(trimmed))
        return { ok: false, reason: 'absolute' };
    if (trimmed.split('/').includes('..'))
        return { ok: false, reason: 'escapes' };
    return { ok: true, pattern: trimmed.replace(/^(?:\.\/)+/, '') };
}
/**
 * True when `targetReal` is `rootReal` or below it. Both must be real (symlink-free, absolute)
 * paths; `pathApi` is injectable so Windows rules can be tested anywhere.
 */
function isWithinRoot(rootReal, targetReal, pathApi = node_path__WEBPACK_IMPORTED_MODULE_0__) {
    const rel = pathApi.relative(rootReal, targetReal);
    if (rel === '')
        return true;
    if (pathApi.isAbsolute(rel))
        return false; // another drive on Windows
    return rel !== '..' && !rel.startsWith(`..${pathApi.sep}`);
}


/***/ })

};
