export const id = 10;
export const ids = [10];
export const modules = {

/***/ 6510:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FK: () => (/* binding */ DEFAULT_IDENTITY),
/* harmony export */   N6: () => (/* binding */ NULL_SHA),
/* harmony export */   Qy: () => (/* binding */ INITIAL_FETCH_DEPTH),
/* harmony export */   h0: () => (/* binding */ short),
/* harmony export */   sR: () => (/* binding */ DEFAULT_MAX_BOT_COMMITS)
/* harmony export */ });
const DEFAULT_IDENTITY = Object.freeze({
    name: 'github-actions[bot]',
    email: '41898282+github-actions[bot]@users.noreply.github.com',
});
const DEFAULT_MAX_BOT_COMMITS = 10;
/** History fetched at first on a shallow clone. */
const INITIAL_FETCH_DEPTH = 50;
/** The all-zero object name: what `remoteSha` holds when the branch no longer exists. */
const NULL_SHA = '0000000000000000000000000000000000000000';
function short(sha) {
    return sha.slice(0, 12);
}


/***/ }),

/***/ 7047:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   h: () => (/* binding */ classifyPushFailure),
/* harmony export */   x: () => (/* binding */ pushFailureSummary)
/* harmony export */ });
/**
 * Reads why `git push` (or `git ls-remote` before it) failed. Pure, so the mapping is testable
 * without a server that answers 403.
 */
/** The remote has commits we do not: someone pushed between our check and our push. */
const MOVED = [
    /\[rejected\][^\n]*\((?:fetch first|non-fast-forward|stale info)\)/i,
    /updates were rejected because the (?:remote contains work|tip of your current branch is behind)/i,
    /\bnon-fast-forward\b/i,
    // The other push landed while ours was being received.
    /cannot lock ref[^\n]*but expected/i,
];
/** The credentials may not write here (or may not read: a private fork answers "not found"). */
const FORBIDDEN = [
    /permission to \S+ denied/i,
    /\bpermission denied\b/i,
    /the requested url returned error: 40[1347]\b/i,
    /authentication failed/i,
    /could not read (?:username|password)/i,
    /terminal prompts disabled/i,
    /invalid username or (?:password|token)/i,
    /repository not found/i,
    /refusing to allow (?:a github app|an oauth app|a personal access token) to create or update workflow/i,
    /without [`']?workflows?[`']? (?:permission|scope)/i,
    /insufficient permission/i,
    /write access to repository not granted/i,
    /resource not accessible by integration/i,
];
function classifyPushFailure(output) {
    if (FORBIDDEN.some((re) => re.test(output)) && !MOVED.slice(0, 2).some((re) => re.test(output))) {
        return 'forbidden';
    }
    if (MOVED.some((re) => re.test(output)))
        return 'head-moved';
    return 'rejected';
}
/**
 * The lines of git's output worth showing: `remote:` messages, `!` porcelain lines, `error:`
 * and `fatal:` lines; at most `max` of them, joined by newlines.
 */
function pushFailureSummary(output, max = 6) {
    const lines = output
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter((l) => l !== '' && l !== 'Done' && !/^To\s/.test(l))
        .filter((l) => !/^hint:/i.test(l));
    const important = lines.filter((l) => /^(?:!|remote:|error:|fatal:|ERROR:)/.test(l));
    return (important.length > 0 ? important : lines).slice(0, max).join('\n');
}


/***/ }),

/***/ 6803:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fn: () => (/* binding */ urlSecrets),
/* harmony export */   zg: () => (/* binding */ redactGitText)
/* harmony export */ });
/* unused harmony exports REDACTED, redactUrl */
/**
 * Keeps credentials out of messages built from git's output. Push URLs may carry a token
 * (`https://x-access-token:<token>@github.com/o/r.git`), and git echoes URLs in its errors. Pure.
 */
const REDACTED = '***';
// scheme://user:password@host  and  scheme://token@host
const URL_USERINFO = /\b([a-z][a-z0-9+.-]*:\/\/)[^\s/@'"]+@/gi;
// GitHub token shapes (classic, fine-grained, app installation, OAuth, refresh).
const GITHUB_TOKENS = /\b(?:gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,})\b/g;
// `Authorization: basic|bearer <value>` as set by actions/checkout's http.extraheader.
const AUTH_HEADER = /\b(authorization:\s*(?:basic|bearer|token)\s+)[^\s'"]+/gi;
function escapeRegExp(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
/** Removes URL credentials, token shapes and the given secrets from `text`. */
function redactGitText(text, secrets = []) {
    let out = String(text ?? '');
    const known = [
        ...new Set(secrets.filter((s) => typeof s === 'string' && s.length >= 4)),
    ].sort((a, b) => b.length - a.length);
    for (const secret of known)
        out = out.replace(new RegExp(escapeRegExp(secret), 'g'), REDACTED);
    return out
        .replace(URL_USERINFO, `$1${REDACTED}@`)
        .replace(GITHUB_TOKENS, REDACTED)
        .replace(AUTH_HEADER, `$1${REDACTED}`);
}
/**
 * The secret parts of a URL's user info, to redact verbatim wherever they appear (encoded and
 * decoded): the password, and the user name when it looks like a token (20+ characters).
 */
function urlSecrets(url) {
    if (!url)
        return [];
    let parsed;
    try {
        parsed = new URL(url);
    }
    catch {
        return [];
    }
    const parts = [parsed.password];
    if (parsed.username.length >= 20)
        parts.push(parsed.username);
    const out = [];
    for (const part of parts) {
        if (part === '')
            continue;
        out.push(part);
        try {
            out.push(decodeURIComponent(part));
        }
        catch {
            // keep the encoded form only
        }
    }
    return [...new Set(out)];
}
/** A URL fit for messages: credentials removed. */
function redactUrl(url) {
    return redactGitText(url, urlSecrets(url));
}


/***/ }),

/***/ 3045:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  TU: () => (/* binding */ Git),
  j0: () => (/* binding */ SHA_RE),
  I$: () => (/* binding */ checkBranchName),
  Z0: () => (/* binding */ checkIdentity),
  EC: () => (/* binding */ checkOption),
  R_: () => (/* binding */ checkRemote),
  fs: () => (/* binding */ splitZ)
});

// UNUSED EXPORTS: parseRemoteRefs

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
;// CONCATENATED MODULE: ./.build/src/sandbox/git-auth-env.js
/**
 * How aethr's own git process gets the token: `GIT_CONFIG_COUNT/KEY/VALUE` environment entries
 * for that one process. Never argv (visible in /proc/<pid>/cmdline and `ps`), never a URL (kept in
 * remotes, printed in errors), never a file the agent can read. The empty first value resets any
 * `extraheader` still configured (git then sends one Authorization header, not two).
 */
function gitAuthEnv(token, options = {}) {
    return appendGitConfigEnv(gitAuthPairs(token, options.serverUrl), options.base ?? process.env);
}
/** The config pairs alone, to combine with other GIT_CONFIG_* settings in one append. */
function gitAuthPairs(token, serverUrl = 'https://github.com') {
    if (token === '' || /[\r\n]/.test(token))
        throw new Error('gitAuthEnv: the token is empty or malformed');
    const key = `http.${serverUrl.replace(/\/+$/, '')}/.extraheader`;
    const basic = Buffer.from(`x-access-token:${token}`, 'utf8').toString('base64');
    return [
        [key, ''],
        [key, `AUTHORIZATION: basic ${basic}`],
    ];
}
/** GIT_CONFIG_* entries for `pairs`, numbered after those already in `base`. */
function appendGitConfigEnv(pairs, base = process.env) {
    const existing = Number.parseInt(base.GIT_CONFIG_COUNT ?? '', 10);
    const start = Number.isInteger(existing) && existing > 0 ? existing : 0;
    const env = { GIT_CONFIG_COUNT: String(start + pairs.length) };
    pairs.forEach(([key, value], i) => {
        env[`GIT_CONFIG_KEY_${start + i}`] = key;
        env[`GIT_CONFIG_VALUE_${start + i}`] = value;
    });
    return env;
}

// EXTERNAL MODULE: ./.build/src/git/push-outcome.js
var push_outcome = __webpack_require__(7047);
// EXTERNAL MODULE: ./.build/src/git/redact.js
var redact = __webpack_require__(6803);
// EXTERNAL MODULE: ./.build/src/git/run-git.js
var run_git = __webpack_require__(9724);
// EXTERNAL MODULE: ./.build/src/git/workspace-errors.js
var workspace_errors = __webpack_require__(3809);
;// CONCATENATED MODULE: ./.build/src/git/safe-git.js
/**
 * git with aethr's safety settings, for work on a repository whose content is not trusted:
 * hooks disabled (`core.hooksPath` points at the null device, `--no-verify`), fsmonitor off,
 * `ext::` transports off and signing off — set through GIT_CONFIG_* environment variables, never
 * by writing the repository's config. Commands that talk to a remote go through `network()`,
 * which alone carries the credential (an http extraheader in the environment of that one git
 * process: never in argv, a URL or a file) and redacts what git echoes back.
 */






// ---------------------------------------------------------------------------------------------
// Input checks
const SHA_RE = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;
/** `git ls-remote` output as ref -> sha (peeled tags, `^{}`, kept: a moved tag moves them too). */
function parseRemoteRefs(stdout) {
    const refs = {};
    for (const line of stdout.split('\n')) {
        const [sha, name] = line.trim().split(/\s+/);
        if (name && sha !== undefined && SHA_RE.test(sha))
            refs[name] = sha;
    }
    return refs;
}
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;
function checkOption(ok, what) {
    if (!ok)
        throw new workspace_errors/* PrWorkspaceError */.EO(`Invalid pull request workspace option: ${what}`);
}
async function checkBranchName(root, name, what) {
    checkOption(name !== '' && !name.startsWith('-') && !CONTROL.test(name), `${what} ${JSON.stringify(name)}`);
    const res = await (0,run_git/* runGit */.EO)(root, ['check-ref-format', `refs/heads/${name}`], { okCodes: [1] });
    checkOption(res.code === 0, `${what} ${JSON.stringify(name)} is not a valid branch name`);
}
function checkIdentity(identity) {
    for (const [key, value] of Object.entries(identity)) {
        checkOption(typeof value === 'string' &&
            value.trim() !== '' &&
            !CONTROL.test(value) &&
            !/[<>]/.test(value), `identity.${key} ${JSON.stringify(value)}`);
    }
}
function checkRemote(value, what) {
    checkOption(value !== '' &&
        !value.startsWith('-') &&
        !CONTROL.test(value) &&
        !/\s/.test(value) &&
        // `<transport>::<address>` runs a remote helper (ext:: runs commands); not for us.
        !/^[A-Za-z][A-Za-z0-9+.-]*::/.test(value), `${what} ${JSON.stringify((0,redact/* redactGitText */.zg)(value, (0,redact/* urlSecrets */.Fn)(value)))}`);
}
// ---------------------------------------------------------------------------------------------
// git with our safety settings
const SAFE_CONFIG = [
    ['core.hooksPath', external_node_os_.devNull],
    ['core.fsmonitor', 'false'],
    ['protocol.ext.allow', 'never'],
    ['commit.gpgSign', 'false'],
    ['push.gpgSign', 'false'],
    ['log.showSignature', 'false'],
    ['submodule.recurse', 'false'],
    ['fetch.recurseSubmodules', 'false'],
    ['push.recurseSubmodules', 'no'],
    ['gc.auto', '0'],
    ['maintenance.auto', 'false'],
    ['advice.detachedHead', 'false'],
];
function splitZ(text) {
    return text.split('\0').filter((s) => s !== '');
}
class Git {
    root;
    env;
    remoteEnv;
    secrets;
    constructor(root, secrets, auth) {
        this.root = root;
        this.env = appendGitConfigEnv(SAFE_CONFIG);
        // The credential as an http header for this git process only (see sandbox/git-auth-env.ts).
        const authPairs = auth ? gitAuthPairs(auth.token, auth.serverUrl) : [];
        this.remoteEnv = auth ? appendGitConfigEnv([...SAFE_CONFIG, ...authPairs]) : this.env;
        this.secrets = [...secrets, ...(auth ? [auth.token, ...authPairs.map(([, v]) => v)] : [])];
    }
    /** A local command: GitErrors pass through unchanged. */
    run(args, opts = {}) {
        return (0,run_git/* runGit */.EO)(this.root, args, { ...opts, env: { ...this.env, ...opts.env } });
    }
    /** A command that talks to a remote, with the credential: GitErrors pass through. */
    remote(args, opts = {}) {
        return (0,run_git/* runGit */.EO)(this.root, args, { ...opts, env: { ...this.remoteEnv, ...opts.env } });
    }
    /** `remote`, with failures made a PrWorkspaceError with credentials redacted. */
    async network(args, what, opts = {}) {
        try {
            return await this.remote(args, opts);
        }
        catch (error) {
            throw this.wrap(error, what);
        }
    }
    redact(text) {
        return (0,redact/* redactGitText */.zg)(text, this.secrets);
    }
    wrap(error, what) {
        if (error instanceof run_git/* GitError */.XS) {
            const detail = this.redact((0,push_outcome/* pushFailureSummary */.x)(error.stderr) || error.message);
            return new workspace_errors/* PrWorkspaceError */.EO(`${what} failed: ${detail}`, {
                hint: error.kind === 'timeout' ? 'The remote did not answer in time; try again.' : undefined,
            });
        }
        return new workspace_errors/* PrWorkspaceError */.EO(`${what} failed: ${this.redact(error instanceof Error ? error.message : String(error))}`);
    }
    async revParse(rev) {
        const res = await this.run(['rev-parse', '--verify', '--quiet', '--end-of-options', rev], {
            okCodes: [1],
        });
        return res.code === 0 ? res.stdout.trim() : undefined;
    }
    async isShallow() {
        const res = await this.run(['rev-parse', '--is-shallow-repository']);
        return res.stdout.trim() === 'true';
    }
    /** The sha of `refs/heads/<branch>` on `target`, or undefined when there is no such branch. */
    async lsRemoteBranch(target, branch) {
        const ref = `refs/heads/${branch}`;
        const res = await this.network(['ls-remote', '--refs', target, ref], `git ls-remote ${this.redact(target)} ${ref}`);
        for (const line of res.stdout.split('\n')) {
            const [sha, name] = line.trim().split(/\s+/);
            // ls-remote matches patterns by their tail; only the exact ref counts.
            if (name === ref && sha !== undefined && SHA_RE.test(sha))
                return sha;
        }
        return undefined;
    }
    /** Branches and tags on `target` as ref -> sha (the sandbox's before/after comparison). */
    async lsRemoteRefs(target) {
        const res = await this.network(['ls-remote', '--heads', '--tags', target], `git ls-remote ${this.redact(target)}`);
        return parseRemoteRefs(res.stdout);
    }
    /** The remote's default branch (`HEAD -> refs/heads/<name>`), when it says. */
    async remoteDefaultBranch(remote) {
        try {
            const res = await this.remote(['ls-remote', '--symref', remote, 'HEAD']);
            const m = /^ref:\s+refs\/heads\/(\S+)\s+HEAD$/m.exec(res.stdout);
            return m?.[1];
        }
        catch {
            return undefined;
        }
    }
    async untracked(directory) {
        const args = ['ls-files', '--others', '--exclude-standard', '-z'];
        if (directory)
            args.push('--directory');
        return splitZ((await this.run(args)).stdout);
    }
}


/***/ }),

/***/ 3230:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E9: () => (/* binding */ describePaths),
/* harmony export */   U_: () => (/* binding */ readTreeState),
/* harmony export */   Y$: () => (/* binding */ parseStatusZ),
/* harmony export */   oG: () => (/* binding */ statusArgs),
/* harmony export */   vL: () => (/* binding */ describeTreeChanges),
/* harmony export */   vl: () => (/* binding */ changedPaths)
/* harmony export */ });
/* unused harmony exports EMPTY_TREE, MAX_PATCH_BYTES, fingerprint, capPatch */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var _run_git_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9724);
/**
 * What changed in a git working tree, judged from git alone — the one computation behind every
 * editing backend's artifact (changed files, patch with new files against /dev/null, diff stat)
 * and the one reading of `git status -z`.
 *
 * Two ways in: `readTreeState` + `describeTreeChanges` snapshot the whole tree before and after
 * (HEAD, status with every untracked file, a hash of each dirty path) for an agent that may touch
 * anything; `describePaths` describes a list of paths already known to have changed (the patch
 * backend knows what its patch wrote).
 *
 * A path counts as changed when it is dirty after and was clean before, or was dirty before and
 * its status or content differs after (including going back to clean). For a path that was
 * already dirty before the run, the patch shows its whole difference from HEAD, and the result
 * says so.
 */




/** git's empty tree: the base of the diff in a repository without commits. */
const EMPTY_TREE = '4b825dc642cb6eb9a060e54bf8d69288fbee4904';
/** Patch text kept at most (the rest is cut at a file boundary and noted). */
const MAX_PATCH_BYTES = 8 * 1024 * 1024;
/** New files given a patch at most (more are listed without one). */
const MAX_NEW_FILE_DIFFS = 2_000;
/** Paths per git invocation (keeps argv well under the system limit). */
const PATHS_PER_CALL = 500;
/** `git status` with every untracked file one by one and no rename pairing, NUL-separated. */
function statusArgs(ignoreSubmodules) {
    return [
        'status',
        '--porcelain=v1',
        '-z',
        '--untracked-files=all',
        '--no-renames',
        `--ignore-submodules=${ignoreSubmodules}`,
    ];
}
/** A patch any `git apply` reads back: no colour, no external or textconv drivers, binary kept. */
const DIFF_ARGS = [
    '--no-color',
    '--no-ext-diff',
    '--no-textconv',
    '--binary',
    '--no-renames',
    '--src-prefix=a/',
    '--dst-prefix=b/',
];
/** Reads `git status --porcelain=v1 -z`: one entry per path; a rename's source path is skipped. */
function parseStatusZ(raw) {
    const parts = raw.split('\0');
    const entries = [];
    for (let i = 0; i < parts.length; i++) {
        const part = parts[i];
        if (part.length < 4)
            continue;
        const xy = part.slice(0, 2);
        entries.push({ xy, path: part.slice(3) });
        if (xy.includes('R') || xy.includes('C'))
            i++; // the source path follows
    }
    return entries;
}
/** What is on disk at `rel`: `missing`, `dir`, `other`, `link:<target>` or `file:<x|->:<sha256>`. */
async function fingerprint(root, rel) {
    const abs = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(root, rel);
    try {
        const st = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.lstat)(abs);
        if (st.isSymbolicLink())
            return `link:${await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readlink)(abs)}`;
        if (st.isDirectory())
            return 'dir';
        if (!st.isFile())
            return 'other';
        const hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256')
            .update(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readFile)(abs))
            .digest('hex');
        return `file:${(st.mode & 0o111) !== 0 ? 'x' : '-'}:${hash}`;
    }
    catch {
        return 'missing';
    }
}
/** Reads the state of the work tree containing `dir` (paths relative to its top level). */
async function readTreeState(dir, git = _run_git_js__WEBPACK_IMPORTED_MODULE_3__/* .runGit */ .EO) {
    const top = await git(dir, ['rev-parse', '--show-toplevel']);
    const root = top.stdout.replace(/\r?\n$/, '') || dir;
    const headRes = await git(root, ['rev-parse', '--verify', '-q', 'HEAD'], { okCodes: [1, 128] });
    const head = headRes.code === 0 ? headRes.stdout.trim() : null;
    const entries = parseStatusZ((await git(root, statusArgs('dirty'))).stdout);
    const status = new Map(entries.map((e) => [e.path, e.xy]));
    const fingerprints = new Map();
    for (const path of status.keys())
        fingerprints.set(path, await fingerprint(root, path));
    return { root, head, status, fingerprints };
}
/** Paths whose state differs between the two snapshots, sorted. */
function changedPaths(before, after) {
    const changed = new Set();
    for (const [path, xy] of after.status) {
        const was = before.status.get(path);
        if (was === undefined ||
            was !== xy ||
            before.fingerprints.get(path) !== after.fingerprints.get(path))
            changed.add(path);
    }
    for (const path of before.status.keys())
        if (!after.status.has(path))
            changed.add(path);
    return [...changed].sort();
}
function chunks(items, size) {
    const out = [];
    for (let i = 0; i < items.length; i += size)
        out.push(items.slice(i, i + size));
    return out;
}
/** Cuts `patch` at the last file boundary before `max` bytes. */
function capPatch(patch, max) {
    if (Buffer.byteLength(patch) <= max)
        return { text: patch, cut: false };
    const head = Buffer.from(patch).subarray(0, max).toString('utf8');
    const boundary = head.lastIndexOf('\ndiff --git ');
    return { text: boundary > 0 ? head.slice(0, boundary + 1) : '', cut: true };
}
/** The paths of `paths` git lists with `args` (`ls-files`, `ls-tree`), asked in chunks. */
async function listed(git, root, args, paths) {
    const out = new Set();
    for (const group of chunks(paths, PATHS_PER_CALL)) {
        const res = await git(root, ['--literal-pathspecs', ...args, '--', ...group]);
        for (const p of res.stdout.split('\0'))
            if (p !== '')
                out.add(p);
    }
    return out;
}
/**
 * The patch and diff stat of `changed` (sorted, relative to `root`): paths git tracks (or that
 * `base` has) diffed against `base` or the index, new ones against /dev/null; the patch is cut at
 * MAX_PATCH_BYTES on a file boundary. `notes` says what was left out.
 */
async function describePaths(git, root, changed, options = {}) {
    const notes = [];
    if (changed.length === 0)
        return { changedFiles: [], patch: '', diffStat: '', notes };
    const { base } = options;
    // Tracked = known to the index now; everything else that still exists is new (untracked).
    const tracked = await listed(git, root, ['ls-files', '-z'], changed);
    // A tracked path the base knew of but the index lost (`git rm --cached`) is still diffed against it.
    const inBase = base === undefined
        ? new Set()
        : await listed(git, root, ['ls-tree', '-r', '-z', '--name-only', base], changed.filter((p) => !tracked.has(p)));
    const parts = [];
    let bytes = 0;
    const diffTracked = changed.filter((p) => tracked.has(p) || inBase.has(p));
    const against = base === undefined ? [] : [base];
    for (const group of chunks(diffTracked, PATHS_PER_CALL)) {
        const res = await git(root, ['--literal-pathspecs', 'diff', ...DIFF_ARGS, ...against, '--', ...group], { maxBytes: MAX_PATCH_BYTES + 1, onOverflow: 'truncate' });
        parts.push(res.stdout);
        bytes += Buffer.byteLength(res.stdout);
        if (bytes > MAX_PATCH_BYTES)
            break;
    }
    const fresh = changed.filter((p) => !tracked.has(p) && !inBase.has(p));
    let diffed = 0;
    for (const rel of fresh) {
        if (bytes > MAX_PATCH_BYTES)
            break;
        const kind = options.fingerprints
            ? (options.fingerprints.get(rel) ?? 'missing')
            : await fingerprint(root, rel);
        if (kind === 'missing' || kind === 'dir' || kind === 'other')
            continue;
        if (diffed >= MAX_NEW_FILE_DIFFS) {
            notes.push(`${fresh.length - diffed} more new files are listed without a patch`);
            break;
        }
        diffed++;
        const res = await git(root, ['diff', '--no-index', ...DIFF_ARGS, '--', '/dev/null', rel], {
            okCodes: [1],
            maxBytes: MAX_PATCH_BYTES + 1,
            onOverflow: 'truncate',
        });
        parts.push(res.stdout);
        bytes += Buffer.byteLength(res.stdout);
    }
    const capped = capPatch(parts.join(''), MAX_PATCH_BYTES);
    if (capped.cut)
        notes.push(`the patch is cut at ${MAX_PATCH_BYTES} bytes; the working tree has all the changes`);
    let diffStat = '';
    if (capped.text !== '') {
        const stat = await git(root, ['apply', '--stat'], { input: capped.text, okCodes: [1, 128] });
        diffStat = stat.code === 0 ? stat.stdout.replace(/\s+$/, '') : '';
    }
    return { changedFiles: changed, patch: capped.text, diffStat, notes };
}
/** The changes between `before` and now. `after` may be passed when already read. */
async function describeTreeChanges(before, git = _run_git_js__WEBPACK_IMPORTED_MODULE_3__/* .runGit */ .EO, after) {
    const now = after ?? (await readTreeState(before.root, git));
    const changed = changedPaths(before, now);
    const changes = await describePaths(git, before.root, changed, {
        base: before.head ?? EMPTY_TREE,
        fingerprints: now.fingerprints,
    });
    const dirtyBefore = changed.filter((p) => before.status.has(p));
    if (dirtyBefore.length > 0) {
        changes.notes.push(`already changed before this step (their patch shows all of their uncommitted changes): ${dirtyBefore.slice(0, 20).join(', ')}${dirtyBefore.length > 20 ? ', …' : ''}`);
    }
    return { ...changes, after: now };
}


/***/ }),

/***/ 3809:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EO: () => (/* binding */ PrWorkspaceError),
/* harmony export */   SQ: () => (/* binding */ WorkspaceNotClean),
/* harmony export */   YQ: () => (/* binding */ HeadMoved),
/* harmony export */   bT: () => (/* binding */ BotCommitCapReached)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6624);
/* harmony import */ var _branch_types_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6510);
/** What can go wrong opening, committing to or pushing a work branch, as typed errors. */


// ---------------------------------------------------------------------------------------------
// Errors
class PrWorkspaceError extends _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .AethrError */ .j {
    name = 'PrWorkspaceError';
}
/** The PR head branch is not where the run expected it. */
class HeadMoved extends _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .AethrError */ .j {
    name = 'HeadMoved';
    branch;
    expectedSha;
    /** The branch's head on the remote now; NULL_SHA when the branch is gone. */
    remoteSha;
    constructor(branch, expectedSha, remoteSha) {
        const gone = remoteSha === _branch_types_js__WEBPACK_IMPORTED_MODULE_1__/* .NULL_SHA */ .N6;
        super(gone
            ? `The pull request branch ${branch} no longer exists on the remote (expected it at ${(0,_branch_types_js__WEBPACK_IMPORTED_MODULE_1__/* .short */ .h0)(expectedSha)}).`
            : `The pull request branch ${branch} moved: expected ${(0,_branch_types_js__WEBPACK_IMPORTED_MODULE_1__/* .short */ .h0)(expectedSha)}, the remote has ${(0,_branch_types_js__WEBPACK_IMPORTED_MODULE_1__/* .short */ .h0)(remoteSha)}. Someone pushed since the run started.`, {
            hint: gone
                ? 'Nothing was changed. Re-open or re-push the branch and run again.'
                : 'Nothing was pushed over their work. Run again to start from the new head.',
        });
        this.branch = branch;
        this.expectedSha = expectedSha;
        this.remoteSha = remoteSha;
    }
}
/** The branch already has as many commits by the bot as allowed. */
class BotCommitCapReached extends _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .AethrError */ .j {
    name = 'BotCommitCapReached';
    count;
    max;
    constructor(count, max, email) {
        super(`This pull request already has ${count} commit${count === 1 ? '' : 's'} by ${email}; the cap is ${max}, so aethr adds no more.`, {
            hint: 'Raise the cap with the action input `max-bot-commits` (for example `max-bot-commits: 20`), or squash the earlier bot commits.',
        });
        this.count = count;
        this.max = max;
    }
}
/** The working tree has uncommitted changes to tracked files (or staged changes). */
class WorkspaceNotClean extends _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .AethrError */ .j {
    name = 'WorkspaceNotClean';
    paths;
    constructor(paths) {
        const shown = paths.slice(0, 10).join(', ');
        super(`The working tree has uncommitted changes (${shown}${paths.length > 10 ? `, and ${paths.length - 10} more` : ''}); aethr will not mix its commits with them.`, {
            hint: 'Run aethr on a fresh checkout, or commit or stash those changes in an earlier step (ignored files are fine).',
        });
        this.paths = paths;
    }
}


/***/ })

};
