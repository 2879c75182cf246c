export const id = 483;
export const ids = [483];
export const modules = {

/***/ 7581:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   J: () => (/* binding */ PatchRejected),
/* harmony export */   O: () => (/* binding */ PatchRollbackFailed)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6624);

/**
 * A proposal refused before (or rolled back after) it changed the tree. The backend turns it into
 * an artifact note; the run goes on.
 */
class PatchRejected extends _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .AethrError */ .j {
    name = 'PatchRejected';
    stage;
    problems;
    constructor(stage, message, problems = [], options) {
        super(message, options);
        this.stage = stage;
        this.problems = problems;
    }
}
/**
 * Rolling back did not bring the tree back to its snapshot. Unlike a rejection this is not
 * absorbed: the run must stop, because the working tree is no longer known to be clean.
 */
class PatchRollbackFailed extends _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .AethrError */ .j {
    name = 'PatchRollbackFailed';
    differences;
    constructor(message, differences, options) {
        super(message, {
            ...options,
            hint: 'Inspect the working tree (git status, git diff) before running again.',
        });
        this.differences = differences;
    }
}


/***/ }),

/***/ 8483:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  DEFAULT_DENY: () => (/* reexport */ policy/* DEFAULT_DENY */.bV),
  createPatchBackend: () => (/* reexport */ createPatchBackend)
});

// UNUSED EXPORTS: DEFAULT_PATCH_POLICY, PatchRejected, PatchRollbackFailed, resolvePolicy

;// CONCATENATED MODULE: ./.build/src/backends/patch/load-backend.js
function createPatchBackend(options) {
    let backend;
    return {
        async implement(input) {
            backend ??= Promise.all(/* import() */[__webpack_require__.e(993), __webpack_require__.e(10), __webpack_require__.e(159), __webpack_require__.e(193)]).then(__webpack_require__.bind(__webpack_require__, 8193)).then((m) => m.createPatchBackend(options));
            return (await backend).implement(input);
        },
    };
}

// EXTERNAL MODULE: ./.build/src/backends/patch/errors.js
var errors = __webpack_require__(7581);
// EXTERNAL MODULE: ./.build/src/backends/patch/policy.js
var policy = __webpack_require__(1896);
;// CONCATENATED MODULE: ./.build/src/backends/patch/index.js
/**
 * The patch backend's face for the doors. Only what loads cheaply is here: the backend itself
 * loads on its first patch (load-backend.ts), and the validators, which need execa, with it.
 * Tests and tools import the modules they need directly.
 */





/***/ }),

/***/ 1896:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   bV: () => (/* binding */ DEFAULT_DENY),
/* harmony export */   nZ: () => (/* binding */ resolvePolicy)
/* harmony export */ });
/* unused harmony exports PROTECTED_PATHS, DEFAULT_PATCH_POLICY */
/**
 * What a proposed patch may touch and how big it may be. Every field has a safe default; callers
 * pass a `Partial<PatchPolicy>` and get the rest from `DEFAULT_PATCH_POLICY`.
 *
 * `PROTECTED_PATHS` are always refused: a workflow's `deny` adds to them and can never remove one
 * (`resolvePolicy` puts them back). Paths inside a `.git` directory are refused whatever the lists
 * say, and anything under `.github/` unless an allow glob names it explicitly (validate-patch.ts).
 * A glob without a "/" matches the file name at any depth.
 */
const PROTECTED_PATHS = Object.freeze([
    '.github/workflows/**',
    '.github/actions/**',
    '.git/**',
    // Who must approve what, and what runs on checkout, commit or in CI.
    'CODEOWNERS',
    '.gitmodules',
    '.gitattributes',
    '.husky/**',
    '.pre-commit-config.yaml',
    '.github/dependabot.yml',
    '.github/dependabot.yaml',
    // aethr's own workflow, and secrets.
    '.aethr.yaml',
    '.aethr.yml',
    '.env',
    '.env.*',
    '.npmrc',
    // Agent configuration: instructions and tools other agents (and this one, next time) would use.
    'AGENTS.md',
    'CLAUDE.md',
    'GEMINI.md',
    '.claude/**',
    '.cursor/**',
    '.cursorrules',
    '.windsurfrules',
    '.clinerules',
    '.clinerules/**',
    '.gemini/**',
    '.opencode/**',
    'opencode.json',
    'opencode.jsonc',
    '.mcp.json',
    'mcp.json',
    '.vscode/mcp.json',
    '.vscode/tasks.json',
    '.vscode/settings.json',
    '.devcontainer/**',
    '.github/copilot-instructions.md',
    '.github/instructions/**',
    '.github/prompts/**',
]);
/** The default deny list: the protected paths (kept as a name for callers that spread it). */
const DEFAULT_DENY = PROTECTED_PATHS;
const DEFAULT_PATCH_POLICY = Object.freeze({
    allow: ['**'],
    deny: [...DEFAULT_DENY],
    allowDeletions: false,
    allowRenames: false,
    allowCopies: false,
    allowBinary: false,
    allowModeChanges: false,
    allowSymlinks: false,
    maxPatchBytes: 256_000,
    maxFiles: 50,
});
/** Fills the gaps of a partial policy with the defaults (fresh arrays, safe to mutate). */
function resolvePolicy(policy = {}) {
    const out = {
        ...DEFAULT_PATCH_POLICY,
        allow: [...DEFAULT_PATCH_POLICY.allow],
        deny: [...DEFAULT_PATCH_POLICY.deny],
    };
    for (const [key, value] of Object.entries(policy)) {
        if (value !== undefined)
            out[key] = Array.isArray(value) ? [...value] : value;
    }
    // Additions only: a configured deny list never drops a protected path.
    out.deny = [...new Set([...PROTECTED_PATHS, ...out.deny])];
    return out;
}


/***/ })

};
