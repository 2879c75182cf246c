export const id = 60;
export const ids = [60];
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

/***/ 5159:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  A7: () => (/* binding */ BACKENDS),
  p_: () => (/* binding */ MODEL_REF_PATTERN),
  R9: () => (/* binding */ workflowSchema)
});

// UNUSED EXPORTS: HISTORY_VISIBILITIES, modelRefSchema, repeatSchema, stepSchema

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
/** `provider:model`, e.g. `openai:gpt-4o-mini` or `openrouter:anthropic/claude-sonnet-4`. */
const MODEL_REF_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]*:\S+$/;
const modelRefSchema = schemas/* string */.YjP().regex(MODEL_REF_PATTERN, {
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
        .describe('Context sources: git_diff, latest_diff, file:<path>, glob:<pattern>, pr_description.'),
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
})
    .describe('An Aethr workflow (.aethr.yaml).');


/***/ }),

/***/ 4281:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  F: () => (/* binding */ loadWorkflowSpec)
});

// UNUSED EXPORTS: DEFAULT_WORKFLOW_FILE

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./.build/src/errors.js
var errors = __webpack_require__(6624);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
;// CONCATENATED MODULE: ./.build/src/config/config-error.js
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
class ConfigError extends errors/* AethrError */.j {
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

;// CONCATENATED MODULE: ./.build/src/config/did-you-mean.js
/**
 * "Did you mean …?" suggestions: the closest allowed word by edit distance, or nothing when no
 * candidate is close enough to be a plausible typo.
 */
/**
 * Optimal-string-alignment distance: insertions, deletions, substitutions and swaps of two
 * neighbouring characters each cost 1, so `histroy` is one edit from `history`.
 */
function editDistance(a, b) {
    if (a === b)
        return 0;
    if (a.length === 0)
        return b.length;
    if (b.length === 0)
        return a.length;
    const width = b.length + 1;
    // Three rolling rows: two rows back (for swaps), previous, current.
    let older = new Array(width).fill(0);
    let prev = Array.from({ length: width }, (_, j) => j);
    let cur = new Array(width).fill(0);
    for (let i = 1; i <= a.length; i++) {
        cur[0] = i;
        for (let j = 1; j <= b.length; j++) {
            const cost = a[i - 1] === b[j - 1] ? 0 : 1;
            let best = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
            if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
                best = Math.min(best, older[j - 2] + 1);
            }
            cur[j] = best;
        }
        [older, prev, cur] = [prev, cur, older];
    }
    return prev[b.length];
}
/** Lower-case, and treat `-`, `_`, space and `.` alike: `Git-Diff` and `git_diff` are the same word. */
function normalise(word) {
    return word.toLowerCase().replace(/[-_ .]/g, '_');
}
/** Largest distance still read as a typo of a word of this length. */
function tolerance(length) {
    if (length <= 3)
        return 1;
    if (length <= 7)
        return 2;
    return 3;
}
/**
 * The candidate `word` was most likely meant to be, or undefined. Exact matches after
 * normalisation win; then the smallest edit distance within a length-dependent tolerance; then a
 * unique candidate that starts with `word` (at least 4 characters).
 */
function closestMatch(word, candidates) {
    const list = [...new Set(candidates)];
    const target = normalise(word);
    if (target.length === 0)
        return undefined;
    const same = list.find((c) => normalise(c) === target);
    if (same !== undefined)
        return same;
    let best;
    let bestDistance = Infinity;
    for (const candidate of list) {
        const d = editDistance(target, normalise(candidate));
        if (d < bestDistance) {
            best = candidate;
            bestDistance = d;
        }
    }
    if (best !== undefined && bestDistance <= tolerance(Math.min(target.length, best.length))) {
        return best;
    }
    if (target.length >= 4) {
        const prefixed = list.filter((c) => normalise(c).startsWith(target));
        if (prefixed.length === 1)
            return prefixed[0];
    }
    return undefined;
}
/** Quotes and joins words for a message: `"a", "b" or "c"`. */
function listWords(words, conjunction = 'or') {
    const quoted = words.map((w) => JSON.stringify(w));
    if (quoted.length <= 1)
        return quoted.join('');
    return `${quoted.slice(0, -1).join(', ')} ${conjunction} ${quoted[quoted.length - 1]}`;
}
/**
 * A fix line for a word that is not one of `allowed`: `did you mean "x"?` when a candidate is
 * close, otherwise the list of allowed words (`write one of "a", "b" or "c"`).
 */
function suggestWord(word, allowed, lead = 'use one of') {
    const match = closestMatch(word, allowed);
    if (match !== undefined)
        return `did you mean ${JSON.stringify(match)}?`;
    if (allowed.length === 0)
        return 'there is nothing to refer to yet';
    return `${lead} ${listWords(allowed)}`;
}

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
        const suggestion = suggestWord(key, allowed, 'use one of');
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

;// CONCATENATED MODULE: ./.build/src/config/context-source.js
/**
 * The grammar of a step's context entries: `git_diff`, `latest_diff`, `pr_description`,
 * `file:<path>` and `glob:<pattern>`. Parsing is pure; reading the sources is src/context's job.
 */

const CONTEXT_KEYWORDS = ['git_diff', 'latest_diff', 'pr_description'];
const CONTEXT_PREFIXES = ['file', 'glob'];
const ALLOWED = 'git_diff, latest_diff, pr_description, file:<path> or glob:<pattern>';
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
        const near = closestMatch(head, CONTEXT_PREFIXES);
        const meant = near ?? (GLOB_CHARS.test(trimmed) ? 'glob' : undefined);
        return {
            ok: false,
            message: `unknown context source ${JSON.stringify(entry)}`,
            fix: meant !== undefined && trimmed !== ''
                ? `did you mean ${prefixed(meant, trimmed)}?`
                : `use one of ${ALLOWED}`,
        };
    }
    const near = closestMatch(entry, CONTEXT_KEYWORDS);
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

// EXTERNAL MODULE: ./.build/src/config/schema.js + 2 modules
var schema = __webpack_require__(5159);
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
    const suggestion = suggestWord(role, roleNames, 'use one of');
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
            fix: suggestWord(target, earlier, 'write the id of this step or an earlier one:'),
        });
    }
    else if (targetStep.index > step.index) {
        out.push({
            path,
            message: `back_to ${JSON.stringify(target)} names a later step (steps[${targetStep.index}]); a repeat can only go back to this step or an earlier one`,
            fix: earlier.length > 0
                ? `write one of ${listWords(earlier)}, or move this repeat to step ${JSON.stringify(target)} or later`
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
const BACKEND_NAMES = new Set(schema/* BACKENDS */.A7);
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
            fix: suggestWord(key, allowed, 'use one of'),
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

// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 17 modules
var schemas = __webpack_require__(8816);
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
            : `a mapping (with ${listWords(keys.slice(0, 3), 'and')})`;
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
                let fix = suggestWord(unknown, allowed, 'allowed keys here are');
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
                    message: `${shown} is not allowed here; expected one of ${listWords(allowed)}`,
                    fix: typeof value === 'string'
                        ? suggestWord(value, allowed, 'write one of')
                        : `write one of ${listWords(allowed)}`,
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
        throw new ConfigError(file, [tooLargeProblem(bytes)]);
    const parsed = parseWorkflowYaml(text);
    if (!parsed.ok)
        throw new ConfigError(file, parsed.problems);
    const { doc, lineCounter, data } = parsed;
    const raw = [];
    const result = schema/* workflowSchema */.R9.safeParse(data);
    if (!result.success) {
        const ctx = {
            schema: schema/* workflowSchema */.R9,
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
    throw new ConfigError(file, problems);
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
            throw new ConfigError(file, [
                fileProblem('the workflow file does not exist', 'create it (e.g. copy a preset), or pass the right path'),
            ], { cause: error });
        }
        throw new ConfigError(file, [
            fileProblem(`the workflow file cannot be opened (${code ?? String(error)})`, 'check the path and its permissions'),
        ], { cause: error });
    }
    try {
        const stat = await handle.stat();
        if (stat.isDirectory()) {
            throw new ConfigError(file, [
                fileProblem('this is a directory, not a workflow file', 'pass the path of the .aethr.yaml file inside it'),
            ]);
        }
        if (stat.size > MAX_WORKFLOW_BYTES)
            throw new ConfigError(file, [tooLargeProblem(stat.size)]);
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
            throw new ConfigError(file, [tooLargeProblem(filled)]);
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
        throw new ConfigError(file, [
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

// EXTERNAL MODULE: ./.build/src/config/presets.js
var presets = __webpack_require__(1674);
;// CONCATENATED MODULE: ./.build/src/config/workflow-source.js
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
    if ((0,presets/* isPresetName */.l6)(wanted))
        return loadPreset(wanted);
    if (wanted === DEFAULT_WORKFLOW_FILE && options.fallbackPreset)
        return loadPreset(options.fallbackPreset);
    if (spec === undefined) {
        throw new errors/* AethrError */.j(`No ${DEFAULT_WORKFLOW_FILE} in ${cwd}.`, {
            hint: 'Create one with "aethr init review-existing-diff" (see "aethr init --list"), or pass --workflow FILE.',
        });
    }
    throw new errors/* AethrError */.j(`Workflow "${wanted}" is neither a file nor a preset.`, {
        hint: `Pass a path to a workflow file, or one of the presets: ${presets/* PRESET_NAMES */.dO.join(', ')}.`,
    });
}
async function fromDisk(wanted, cwd) {
    const file = (0,external_node_path_.isAbsolute)(wanted) ? wanted : (0,external_node_path_.resolve)(cwd, wanted);
    if (!(0,external_node_fs_.existsSync)(file))
        return undefined;
    const display = (0,external_node_path_.relative)(cwd, file) || file;
    return { workflow: await loadWorkflowFile(file, display), source: file, display };
}
async function fromReader(reader, wanted) {
    const file = await reader.read(wanted);
    if (!file)
        return undefined;
    return {
        workflow: parseWorkflowText(file.text, file.display),
        source: file.display,
        display: file.display,
    };
}
async function loadPreset(name) {
    const text = await (0,presets/* readPreset */._X)(name);
    const display = `preset ${name}`;
    return {
        workflow: parseWorkflowText(text, (0,presets/* isPresetName */.l6)(name) ? (0,presets/* presetPath */.B2)(name) : display),
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

/***/ 7213:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Oc: () => (/* binding */ createModelGateway),
  uX: () => (/* binding */ describeKeyProblem)
});

// UNUSED EXPORTS: hasKeyFor

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./.build/src/models/budget.js
var models_budget = __webpack_require__(3177);
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
// EXTERNAL MODULE: ./.build/src/models/providers.js
var providers = __webpack_require__(152);
// EXTERNAL MODULE: ./.build/src/models/redact.js
var redact = __webpack_require__(3033);
;// CONCATENATED MODULE: ./.build/src/models/openai-chat.js




const DEFAULT_TIMEOUT_MS = 120_000;
const DEFAULT_MAX_RETRIES = 2;
const DEFAULT_MAX_RETRY_WAIT_MS = 60_000;
/** Sent when a keyless local server is called (the SDK insists on some key). */
const NO_KEY_PLACEHOLDER = 'aethr-no-key';
let sdkPromise;
/** Loads the SDK once, on first use. */
function loadOpenAISdk() {
    sdkPromise ??= __webpack_require__.e(/* import() */ 674).then(__webpack_require__.bind(__webpack_require__, 3674));
    return sdkPromise;
}
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
function createOpenAIChatClient(options) {
    const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const maxRetries = options.maxRetries ?? DEFAULT_MAX_RETRIES;
    const maxRetryWaitMs = options.maxRetryWaitMs ?? DEFAULT_MAX_RETRY_WAIT_MS;
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
            fetch: boundedRetryFetch(options.fetch ?? globalThis.fetch, maxRetryWaitMs),
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
            }, timeoutMs);
        };
        const body = {
            model: target.model,
            messages: request.messages.map((m) => ({ role: m.role, content: m.content })),
            stream: true,
            stream_options: { include_usage: true },
        };
        if (request.maxOutputTokens !== undefined)
            body[target.maxTokensParam] = request.maxOutputTokens;
        if (context.serviceTier !== undefined)
            body['service_tier'] = context.serviceTier;
        if (context.reasoningEffort !== undefined)
            body['reasoning_effort'] = context.reasoningEffort;
        let text = '';
        let usage;
        let serviceTier;
        try {
            const stream = await openai.chat.completions.create(body, { signal: controller.signal });
            armIdle();
            for await (const chunk of stream) {
                armIdle();
                const content = chunk.choices?.[0]?.delta?.content;
                if (typeof content === 'string' && content.length > 0) {
                    text += content;
                    onDelta?.(content);
                }
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
        return result;
    }
    return { baseURL: options.baseURL, timeoutMs, maxRetries, chat };
}
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
    const keyVar = target.keyEnvName ?? (0,providers/* keyEnvLabel */.re)(target.keyEnvNames);
    if (error instanceof sdk.APIUserAbortError)
        return abortedError(info);
    if (error instanceof sdk.APIConnectionTimeoutError) {
        return make(info, 'timeout', `No answer from ${url} for ${target.ref} within ${info.timeoutMs} ms (${attempts(info)}).`, `The endpoint did not respond in time. ${baseURLHint(info)} If the model is just slow, raise the model timeout.`, { cause: error });
    }
    if (error instanceof sdk.APIConnectionError) {
        const detail = describeCause(error);
        return make(info, 'connection', `Could not connect to ${url} for ${target.ref} (${attempts(info)}): ${detail}`, baseURLHint(info), { cause: error });
    }
    if (error instanceof sdk.APIError && typeof error.status === 'number') {
        const status = error.status;
        const apiMessage = (0,redact/* redactSecrets */.fp)(apiMessageOf(error), info.secrets);
        const code = typeof error.code === 'string' ? error.code : undefined;
        const extra = { status, apiMessage, cause: error };
        if (status === 401 ||
            (status === 403 && !MODEL_MISSING.test(apiMessage) && code !== 'model_not_found')) {
            if (!target.apiKey) {
                return make(info, 'auth', `${url} requires an API key for ${target.ref} (HTTP ${status}), and none is set.`, `Set ${(0,providers/* keyEnvLabel */.re)(target.keyEnvNames)} (in the project .env, your shell, or a repository secret) and run again.`, extra);
            }
            const what = status === 401 ? 'rejected the API key' : 'refused access with the API key';
            const fix = status === 401
                ? `Check that ${keyVar} holds a valid ${target.label} key${target.keyHelp ? ` (${target.keyHelp})` : ''}; update it in the project .env, your shell, or the repository secret, then run again.`
                : `The key in ${keyVar} is valid but may not have access to ${target.model} (or to this project/organisation); check its permissions, or choose another model in ${where(info)}.`;
            return make(info, 'auth', `${target.label} ${what} in ${keyVar} (HTTP ${status}) for ${target.ref}: ${apiMessage}`, fix, extra);
        }
        const modelMissing = code === 'model_not_found' || MODEL_MISSING.test(apiMessage);
        if (status === 404 || modelMissing) {
            const hint = modelMissing
                ? `Check the model name in ${where(info)}; list the models your key can use in the ${target.label} console or with GET ${url.replace(/\/+$/, '')}/models.`
                : `Check the model name in ${where(info)}. If it is right, the base URL may be wrong: ${baseURLHint(info)}`;
            return make(info, 'model_not_found', `Unknown model "${target.ref}" (configured in ${where(info)}): ${target.label} at ${url} answered HTTP ${status}: ${apiMessage}`, hint, extra);
        }
        if (status === 429) {
            const asked = error.headers?.get(TOO_LONG_HEADER);
            if (asked) {
                const seconds = Math.ceil(Number(asked) / 1000);
                return make(info, 'rate_limit', `${target.label} rate-limited ${target.ref} and asked to wait ${seconds} s, longer than Aethr waits: ${apiMessage}`, `Run again later, or check the rate limits and quota of the key in ${keyVar}.`, extra);
            }
            const quota = code === 'insufficient_quota' || /quota|billing|credit/i.test(apiMessage);
            return make(info, 'rate_limit', `${target.label} rate-limited ${target.ref} (HTTP 429, ${attempts(info)}): ${apiMessage}`, quota
                ? `The account behind ${keyVar} is out of quota or credits; check its billing.`
                : `Wait a little and run again, or check the rate limits of the key in ${keyVar}.`, extra);
        }
        if (status >= 500) {
            return make(info, 'server', `${target.label} failed with HTTP ${status} for ${target.ref} (${attempts(info)}): ${apiMessage}`, `This is an error on the provider's side; run again later.${target.baseURLSource === 'env' ? ` ${baseURLHint(info)}` : ''}`, extra);
        }
        return make(info, 'bad_request', `${target.label} rejected the request for ${target.ref} (HTTP ${status}): ${apiMessage}`, `Check that ${target.model} supports chat completions at ${url}, and the model settings in ${where(info)}.`, extra);
    }
    const message = error instanceof Error ? error.message : String(error);
    return make(info, 'unknown', `The call to ${target.ref} at ${url} failed: ${message}`, 'Run again; if it keeps failing, report it with the message above.', {
        cause: error,
    });
}

// EXTERNAL MODULE: ./.build/src/models/policy.js
var models_policy = __webpack_require__(4014);
// EXTERNAL MODULE: ./.build/src/models/tokens.js
var tokens = __webpack_require__(3994);
;// CONCATENATED MODULE: ./.build/src/models/gateway.js
/**
 * The model gateway: the ONE place every model call goes through. It decides mock or live per
 * call, keeps one SDK client per base URL + key, and records every call (provider, model, role,
 * step, tokens, duration, outcome) in `calls` — the hook for budgets and the cost ledger.
 *
 * Mock or live: the door decides whether live calls are allowed at all (`live`: the CLI with
 * AETHR_LIVE=1, the Action when a key is present). Within a live run, a call whose provider has no
 * key (see providers.ts for keyless local servers) falls back to the mock model; the record says
 * why in `mockReason`, and `onNotice` hears it once per reason.
 *
 * Bounds (when a `budget` guard is given, as the doors do through buildPorts): before every call,
 * live or mock, the input tokens are counted (tokens.ts), the output cap is clamped to
 * `limits.max_output_tokens_per_call` and sent, and the guard checks the projected cost. A refused
 * call is not made: it is recorded with status `blocked` and the limit, and `BudgetExceeded` is
 * thrown. After a call, the estimate, the reported usage, the cost in USD, the service tier and
 * the reasoning effort are recorded. With a `policy`, the tier and effort are sent where the
 * provider takes them, a refused tier is retried without it, and fallback models are tried on
 * server, rate-limit and model-not-found errors (see policy.ts). Each HTTP attempt is its own record.
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
function fingerprint(value) {
    return value === undefined ? '-' : (0,external_node_crypto_.createHash)('sha256').update(value).digest('hex').slice(0, 16);
}
function createModelGateway(options) {
    const env = options.env;
    const clock = options.clock ?? Date.now;
    const calls = [];
    const clients = new Map();
    const noticed = new Set();
    const allSecrets = () => Object.entries(env)
        .filter(([name, value]) => /(_API_KEY|_TOKEN|_SECRET)$/.test(name) && typeof value === 'string')
        .map(([, value]) => value);
    function route(ref) {
        if (!options.live) {
            return { mode: 'mock', reason: 'live model calls are off (mock mode)' };
        }
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
    function clientFor(target) {
        const baseURL = target.baseURL;
        const organization = target.provider === 'openai' ? (0,providers/* envValue */.$R)(env, 'OPENAI_ORG_ID') : undefined;
        const project = target.provider === 'openai' ? (0,providers/* envValue */.$R)(env, 'OPENAI_PROJECT_ID') : undefined;
        const cacheKey = [
            baseURL,
            fingerprint(target.apiKey),
            JSON.stringify(target.headers ?? {}),
            organization,
            project,
        ].join('\n');
        let client = clients.get(cacheKey);
        if (!client) {
            client = createOpenAIChatClient({
                baseURL,
                ...(target.apiKey !== undefined ? { apiKey: target.apiKey } : {}),
                ...(target.headers ? { headers: target.headers } : {}),
                ...(organization ? { organization } : {}),
                ...(project ? { project } : {}),
                timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
                maxRetries: options.maxRetries ?? DEFAULT_MAX_RETRIES,
                ...(options.maxRetryWaitMs !== undefined ? { maxRetryWaitMs: options.maxRetryWaitMs } : {}),
                ...(options.fetch ? { fetch: options.fetch } : {}),
            });
            clients.set(cacheKey, client);
        }
        return client;
    }
    const budget = options.budget;
    const policy = options.policy;
    function notice(message) {
        if (noticed.has(message))
            return;
        noticed.add(message);
        options.onNotice?.(message);
    }
    function fail(record, error) {
        record.durationMs = clock() - record.startedAt;
        record.status = 'error';
        record.error = (0,redact/* redactSecrets */.fp)(error instanceof Error ? error.message : String(error), allSecrets());
        if (error instanceof model_error/* ModelError */.m)
            record.errorKind = error.kind;
    }
    /** Counts the input: exactly when it matters (live, a USD budget, near the input limit). */
    async function estimateInput(request, ref, live, guard) {
        const needsExact = live ||
            guard.usdBudgetApplies(request.role) ||
            (0,tokens/* chatTokensUpperBound */.Pp)(request.messages) > guard.limits.maxInputTokensPerCall;
        if (needsExact)
            return (0,tokens/* estimateChatTokens */.tl)(request.messages, ref);
        // Mock call, no USD budget, and no way to reach the input limit: skip loading the tokenizer.
        const method = (0,tokens/* tokenMethodFor */.k_)(ref);
        const approx = method.kind === 'approx'
            ? method
            : { kind: 'approx', charsPerToken: 4, label: 'approx:chars/4' };
        return { tokens: (0,tokens/* approxChatTokens */.hc)(request.messages, approx), method: approx };
    }
    /** One model, one request (plus one retry without a refused service tier). */
    async function callModel(request, onDelta, attempts) {
        const attempt = ++attempts.count;
        let record = {
            provider: 'unknown',
            model: request.model,
            ref: request.model,
            role: request.role,
            stepId: request.stepId,
            mock: !options.live,
            startedAt: clock(),
            durationMs: 0,
            status: 'ok',
        };
        if (attempt > 1)
            record.attempt = attempt;
        if (attempts.fallbackFrom !== undefined)
            record.fallbackFrom = attempts.fallbackFrom;
        if (request.purpose)
            record.purpose = request.purpose;
        calls.push(record);
        try {
            const parsed = (0,providers/* parseModelRef */.qV)(request.model);
            record.provider = parsed.provider;
            record.model = parsed.model;
            record.ref = parsed.ref;
            const decision = route(parsed.ref);
            if (decision.target) {
                record.provider = decision.target.provider;
                record.ref = decision.target.ref;
            }
            let send = request;
            let estimatedInput;
            if (budget) {
                const maxOutputTokens = budget.clampOutputTokens(request.maxOutputTokens);
                send = { ...request, maxOutputTokens };
                record.maxOutputTokens = maxOutputTokens;
                const estimate = await estimateInput(request, record.ref, decision.mode === 'live', budget);
                estimatedInput = estimate.tokens;
                record.estimatedInputTokens = estimate.tokens;
                record.estimateMethod = estimate.method.label;
                const verdict = budget.check({
                    ref: record.ref,
                    role: request.role,
                    stepId: request.stepId,
                    inputTokens: estimate.tokens,
                    maxOutputTokens,
                });
                if (verdict.projectedUsd !== undefined)
                    record.projectedUsd = verdict.projectedUsd;
                if (!verdict.ok) {
                    record.status = 'blocked';
                    record.limit = verdict.limit;
                    record.error = verdict.message;
                    throw new models_budget/* BudgetExceeded */.L$(verdict, {
                        ref: record.ref,
                        role: request.role,
                        stepId: request.stepId,
                    });
                }
                if (verdict.price)
                    record.priceSource = verdict.price.source;
            }
            let settings = policy?.settingsFor(request.role, record.ref) ?? {};
            const applySettings = (r) => {
                if (settings.serviceTier !== undefined)
                    r.serviceTier = settings.serviceTier;
                if (settings.reasoningEffort !== undefined)
                    r.reasoningEffort = settings.reasoningEffort;
            };
            applySettings(record);
            let result;
            if (decision.mode === 'mock') {
                record.mock = true;
                record.mockReason = decision.reason;
                if (options.live)
                    notice(`Using the mock model: ${decision.reason}.`);
                result = await mockChat({ ...send, model: record.ref }, onDelta);
            }
            else {
                const target = decision.target;
                record.mock = false;
                record.baseURL = (0,redact/* redactURL */.fz)(target.baseURL, [target.apiKey]);
                const configuredAt = (0,providers/* envValue */.$R)(env, 'AETHR_MODEL')
                    ? 'the AETHR_MODEL environment variable'
                    : `models.${request.role} (or models.default) in .aethr.yaml`;
                const live = () => clientFor(target).chat(target, send, onDelta, { configuredAt, ...settings });
                try {
                    result = await live();
                }
                catch (error) {
                    const tier = settings.serviceTier;
                    if (tier === undefined ||
                        policy?.serviceTierFallback !== 'default' ||
                        !(0,models_policy/* isServiceTierRefusal */.eG)(error)) {
                        throw error;
                    }
                    fail(record, error);
                    record.note = `service tier "${tier}" refused; retried without it (policy.service_tier.fallback: default)`;
                    const { error: _e, errorKind: _k, note: _n, serviceTier: _t, ...base } = record;
                    record = {
                        ...base,
                        status: 'ok',
                        startedAt: clock(),
                        durationMs: 0,
                        attempt: ++attempts.count,
                        note: `retry without service tier "${tier}"`,
                    };
                    calls.push(record);
                    settings = { ...settings };
                    delete settings.serviceTier;
                    applySettings(record);
                    notice(`${record.ref} refused service tier "${tier}"; retrying without it.`);
                    result = await live();
                }
                if (result.serviceTier !== undefined)
                    record.serviceTierReported = result.serviceTier;
            }
            if (result.usage) {
                record.inputTokens = result.usage.inputTokens;
                record.outputTokens = result.usage.outputTokens;
            }
            if (budget) {
                const inputTokens = result.usage?.inputTokens ?? estimatedInput ?? 0;
                const outputTokens = result.usage?.outputTokens ?? (await (0,tokens/* countTokens */.ih)(result.text, record.ref));
                const cost = budget.record({
                    ref: record.ref,
                    role: request.role,
                    inputTokens,
                    outputTokens,
                });
                if (cost !== undefined)
                    record.costUsd = cost;
                record.costBasis = result.usage ? 'reported' : 'estimated';
            }
            record.durationMs = clock() - record.startedAt;
            const answer = { text: result.text, model: result.model, mock: result.mock };
            if (result.usage)
                answer.usage = result.usage;
            return answer;
        }
        catch (error) {
            if (record.status !== 'blocked')
                fail(record, error);
            else
                record.durationMs = clock() - record.startedAt;
            throw error;
        }
    }
    async function chat(request, onDelta) {
        const refs = [request.model];
        for (const ref of policy?.fallbackModels(request.role) ?? [])
            if (!refs.includes(ref))
                refs.push(ref);
        const attempts = { count: 0 };
        for (let i = 0;; i++) {
            if (i > 0)
                attempts.fallbackFrom = request.model;
            try {
                return await callModel({ ...request, model: refs[i] }, onDelta, attempts);
            }
            catch (error) {
                const next = refs[i + 1];
                if (next === undefined || !(0,models_policy/* shouldTryFallback */.P7)(error))
                    throw error;
                notice(`${refs[i]} failed (${error.kind.replace('_', ' ')}); trying the fallback model ${next} for role "${request.role}".`);
            }
        }
    }
    return {
        calls,
        live: options.live,
        get liveClientCount() {
            return clients.size;
        },
        route,
        chat,
    };
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
/* harmony export */   qV: () => (/* binding */ parseModelRef),
/* harmony export */   re: () => (/* binding */ keyEnvLabel)
/* harmony export */ });
/* unused harmony exports PROVIDERS, PROVIDER_ALIASES, DEFAULT_PROVIDER, envPrefix, canonicalProvider, providerSpec, isLocalBaseURL */
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

/***/ 3994:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Pp: () => (/* binding */ chatTokensUpperBound),
/* harmony export */   hc: () => (/* binding */ approxChatTokens),
/* harmony export */   ih: () => (/* binding */ countTokens),
/* harmony export */   k_: () => (/* binding */ tokenMethodFor),
/* harmony export */   nA: () => (/* binding */ loadEncoder),
/* harmony export */   tl: () => (/* binding */ estimateChatTokens)
/* harmony export */ });
/* unused harmony exports TOKENS_PER_MESSAGE, REPLY_PRIMING_TOKENS, encodingFor, countChatTokens */
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
/** Loads (once) the tokenizer for an encoding. */
function loadEncoder(encoding) {
    let encoder = encoders.get(encoding);
    if (!encoder) {
        // Literal specifiers so bundlers see both modules.
        encoder = (encoding === 'o200k_base'
            ? Promise.all(/* import() */[__webpack_require__.e(626), __webpack_require__.e(877)]).then(__webpack_require__.bind(__webpack_require__, 3877))
            : Promise.all(/* import() */[__webpack_require__.e(626), __webpack_require__.e(79)]).then(__webpack_require__.bind(__webpack_require__, 4079))).then((module) => ({ countTokens: module.countTokens }));
        encoder.catch(() => encoders.delete(encoding));
        encoders.set(encoding, encoder);
    }
    return encoder;
}
/** Special-token text counts as ordinary text (never throws). */
const AS_TEXT = { disallowedSpecial: new Set() };
function approxTokens(text, charsPerToken) {
    return text.length === 0 ? 0 : Math.ceil(text.length / charsPerToken);
}
/** Tokens of `text` for the model `ref` (exact for OpenAI families, else an approximation). */
async function countTokens(text, ref) {
    const method = tokenMethodFor(ref);
    if (method.kind === 'approx')
        return approxTokens(text, method.charsPerToken);
    const encoder = await loadEncoder(method.encoding);
    return text.length === 0 ? 0 : encoder.countTokens(text, AS_TEXT);
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
        tokens += TOKENS_PER_MESSAGE + encoder.countTokens(message.role, AS_TEXT);
        if (message.content.length > 0)
            tokens += encoder.countTokens(message.content, AS_TEXT);
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


/***/ })

};
