export const id = 193;
export const ids = [193];
export const modules = {

/***/ 8193:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  PatchRejected: () => (/* reexport */ patch_errors/* PatchRejected */.J),
  createPatchBackend: () => (/* binding */ createPatchBackend),
  patchInstructions: () => (/* binding */ patchInstructions),
  repoFileReader: () => (/* binding */ repoFileReader)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./.build/src/errors.js
var errors = __webpack_require__(6624);
// EXTERNAL MODULE: ./.build/src/git/tree-changes.js
var tree_changes = __webpack_require__(3230);
// EXTERNAL MODULE: ./.build/src/backends/implement-request.js
var implement_request = __webpack_require__(208);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: ./.build/src/backends/patch/errors.js
var patch_errors = __webpack_require__(7581);
// EXTERNAL MODULE: ./.build/src/git/run-git.js
var run_git = __webpack_require__(9724);
;// CONCATENATED MODULE: ./.build/src/backends/patch/git.js
/**
 * How this backend runs git: the project's `runGit` (argv, no shell, bounded), or anything with
 * the same shape (tests may wrap it to observe calls).
 */

const defaultGitRunner = run_git/* runGit */.EO;

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./.build/src/backends/patch/snapshot.js
/**
 * The state of the work tree before a patch lands: HEAD, `git status` (untracked files included)
 * and, for every path the patch writes, its exact bytes (or link target) and mode. Rollback
 * restores to it and proves it did.
 */





/** Bytes kept in memory for restoring; beyond this only hashes are kept (rollback then relies on `git apply -R`). */
const MAX_KEPT_BYTES = 64 * 1024 * 1024;
/** Resolves `rel` inside `root`, refusing anything that would land outside it. */
function inside(root, rel) {
    const abs = (0,external_node_path_.resolve)(root, rel);
    const back = (0,external_node_path_.relative)(root, abs);
    if (back === '' || back === '..' || back.startsWith(`..${external_node_path_.sep}`) || (0,external_node_path_.resolve)(root, back) !== abs) {
        throw new errors/* AethrError */.j(`refusing to touch ${JSON.stringify(rel)}: it is outside the repository`);
    }
    return abs;
}
async function readPathState(root, rel, keepBytes) {
    const abs = inside(root, rel);
    let st;
    try {
        st = await (0,promises_.lstat)(abs);
    }
    catch (error) {
        const code = error.code;
        if (code === 'ENOENT' || code === 'ENOTDIR')
            return { kind: 'missing' };
        throw error;
    }
    if (st.isSymbolicLink())
        return { kind: 'symlink', target: await (0,promises_.readlink)(abs) };
    if (st.isDirectory())
        return { kind: 'dir' };
    if (!st.isFile())
        return { kind: 'other' };
    const bytes = await (0,promises_.readFile)(abs);
    const state = {
        kind: 'file',
        mode: st.mode & 0o777,
        size: bytes.length,
        sha256: (0,external_node_crypto_.createHash)('sha256').update(bytes).digest('hex'),
    };
    if (keepBytes)
        state.bytes = bytes;
    return state;
}
function sameState(a, b) {
    if (a.kind !== b.kind)
        return false;
    if (a.kind === 'file' && b.kind === 'file')
        return a.sha256 === b.sha256 && a.mode === b.mode;
    if (a.kind === 'symlink' && b.kind === 'symlink')
        return a.target === b.target;
    return true;
}
function describeState(s) {
    switch (s.kind) {
        case 'file':
            return `file (${s.size} bytes, mode ${s.mode.toString(8)}, sha256 ${s.sha256.slice(0, 12)})`;
        case 'symlink':
            return `symlink -> ${s.target}`;
        default:
            return s.kind;
    }
}
async function readHead(git, root) {
    const res = await git(root, ['rev-parse', '--verify', '-q', 'HEAD'], { okCodes: [1, 128] });
    return res.code === 0 ? res.stdout.trim() : null;
}
async function readStatus(git, root) {
    return (await git(root, (0,tree_changes/* statusArgs */.oG)('none'))).stdout;
}
/** The real top level of the work tree, which must be `root` itself. */
async function workTreeRoot(git, root) {
    const res = await git(root, ['rev-parse', '--show-toplevel']);
    const top = await (0,promises_.realpath)(res.stdout.replace(/\r?\n$/, ''));
    const real = await (0,promises_.realpath)(root);
    if (top !== real) {
        throw new errors/* AethrError */.j(`the patch backend's root ${root} is not the top level of its git work tree (${top})`, {
            hint: 'Pass the repository root as `root`.',
        });
    }
    return real;
}
async function takeSnapshot(git, root, written) {
    const top = await workTreeRoot(git, root);
    const head = await readHead(git, top);
    const status = await readStatus(git, top);
    const paths = new Map();
    const existingDirs = new Set();
    let kept = 0;
    for (const rel of written) {
        const state = await readPathState(top, rel, true);
        if (state.kind === 'file') {
            if (kept + state.size <= MAX_KEPT_BYTES)
                kept += state.size;
            else
                delete state.bytes;
        }
        paths.set(rel, state);
        const parts = rel.split('/');
        for (let k = 1; k < parts.length; k++) {
            const dir = parts.slice(0, k).join('/');
            if (existingDirs.has(dir))
                continue;
            const st = await (0,promises_.lstat)((0,external_node_path_.join)(top, dir)).catch(() => undefined);
            if (st?.isDirectory())
                existingDirs.add(dir);
        }
    }
    return { root: top, head, status, entries: (0,tree_changes/* parseStatusZ */.Y$)(status), paths, existingDirs };
}

;// CONCATENATED MODULE: ./.build/src/backends/patch/rollback.js
/**
 * Puts the work tree back exactly as the snapshot found it, then proves it:
 * 1. reverse-apply the patch (`git apply -R`), tolerated to fail;
 * 2. every path the patch writes gets its snapshot bytes, mode or link back (or is removed when
 *    it did not exist), and directories the patch created are removed when empty;
 * 3. untracked files that appeared since the snapshot are removed — never one that was there;
 *    tracked files that were clean and are now modified (by a validator) are checked out again;
 * 4. HEAD, `git status` and the written paths' hashes must equal the snapshot, or
 *    `PatchRollbackFailed` is thrown.
 */







async function removeFile(root, rel) {
    const abs = inside(root, rel);
    const st = await (0,promises_.lstat)(abs).catch(() => undefined);
    if (!st)
        return false;
    if (st.isDirectory()) {
        await (0,promises_.rmdir)(abs).catch(() => undefined); // only ever an empty one
        return true;
    }
    await (0,promises_.unlink)(abs);
    return true;
}
async function restoreState(root, rel, want) {
    const abs = inside(root, rel);
    if (want.kind === 'missing')
        return removeFile(root, rel);
    if (want.kind === 'file') {
        if (!want.bytes)
            return false;
        const st = await (0,promises_.lstat)(abs).catch(() => undefined);
        if (st && !st.isDirectory())
            await (0,promises_.unlink)(abs); // never write through a link
        if (st?.isDirectory())
            await (0,promises_.rmdir)(abs);
        await (0,promises_.mkdir)((0,external_node_path_.dirname)(abs), { recursive: true });
        await (0,promises_.writeFile)(abs, want.bytes, { flag: 'wx', mode: want.mode });
        await (0,promises_.chmod)(abs, want.mode);
        return true;
    }
    if (want.kind === 'symlink') {
        const st = await (0,promises_.lstat)(abs).catch(() => undefined);
        if (st && !st.isDirectory())
            await (0,promises_.unlink)(abs);
        await (0,promises_.mkdir)((0,external_node_path_.dirname)(abs), { recursive: true });
        await (0,promises_.symlink)(want.target, abs);
        return true;
    }
    return false;
}
/** Removes now-empty directories on `rel`'s path that did not exist at snapshot time. */
async function pruneDirs(root, rel, existing) {
    const parts = rel.split('/');
    for (let k = parts.length - 1; k >= 1; k--) {
        const dir = parts.slice(0, k).join('/');
        if (existing.has(dir))
            return;
        try {
            await (0,promises_.rmdir)(inside(root, dir));
        }
        catch {
            return; // not empty (or already gone)
        }
    }
}
async function rollback(target, opts = {}) {
    const git = opts.git ?? defaultGitRunner;
    const { snapshot } = target;
    const root = snapshot.root;
    const report = {
        reverseApplied: false,
        restored: [],
        removed: [],
        checkedOut: [],
    };
    if (target.patch !== undefined && target.patch !== '') {
        const dir = await (0,promises_.mkdtemp)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'aethr-rollback-'));
        try {
            const file = (0,external_node_path_.join)(dir, 'applied.patch');
            await (0,promises_.writeFile)(file, target.patch);
            const res = await git(root, ['apply', '-R', '--whitespace=nowarn', file], {
                okCodes: [1, 128],
            });
            report.reverseApplied = res.code === 0;
        }
        catch {
            // the byte-level restore below does the work
        }
        finally {
            await (0,promises_.rm)(dir, { recursive: true, force: true });
        }
    }
    for (const rel of target.written) {
        const want = snapshot.paths.get(rel) ?? { kind: 'missing' };
        const now = await readPathState(root, rel, false);
        if (!sameState(now, want)) {
            try {
                if (await restoreState(root, rel, want))
                    report.restored.push(rel);
            }
            catch {
                // reported by the verification below
            }
        }
        if (want.kind === 'missing')
            await pruneDirs(root, rel, snapshot.existingDirs);
    }
    // Files that appeared since the snapshot (a validator's output, say), and tracked files a
    // validator modified while they were clean.
    const before = new Map(snapshot.entries.map((e) => [e.path, e.xy]));
    const now = (0,tree_changes/* parseStatusZ */.Y$)(await readStatus(git, root));
    const toCheckout = [];
    for (const entry of now) {
        if (before.get(entry.path) === entry.xy)
            continue;
        if (entry.xy === '??' && !before.has(entry.path) && !entry.path.endsWith('/')) {
            try {
                if (await removeFile(root, entry.path))
                    report.removed.push(entry.path);
                await pruneDirs(root, entry.path, snapshot.existingDirs);
            }
            catch {
                // reported below
            }
        }
        else if (!before.has(entry.path) &&
            entry.xy[0] === ' ' &&
            !target.written.includes(entry.path)) {
            toCheckout.push(entry.path);
        }
    }
    if (toCheckout.length > 0) {
        const res = await git(root, ['--literal-pathspecs', 'checkout', '-q', '--', ...toCheckout], {
            okCodes: [1],
        });
        if (res.code === 0)
            report.checkedOut.push(...toCheckout);
    }
    const differences = await verifySnapshot(git, target);
    if (differences.length > 0) {
        throw new patch_errors/* PatchRollbackFailed */.O(`rollback did not restore the working tree:\n${differences.map((d) => `- ${d}`).join('\n')}`, differences);
    }
    return report;
}
/** What differs between the tree now and the snapshot (empty when identical). */
async function verifySnapshot(git, target) {
    const { snapshot } = target;
    const differences = [];
    const head = await readHead(git, snapshot.root);
    if (head !== snapshot.head)
        differences.push(`HEAD is ${head ?? '(none)'}, was ${snapshot.head ?? '(none)'}`);
    const status = await readStatus(git, snapshot.root);
    if (status !== snapshot.status) {
        const before = new Set(snapshot.entries.map((e) => `${e.xy} ${e.path}`));
        const after = new Set((0,tree_changes/* parseStatusZ */.Y$)(status).map((e) => `${e.xy} ${e.path}`));
        const added = [...after].filter((e) => !before.has(e));
        const gone = [...before].filter((e) => !after.has(e));
        differences.push(`git status differs from the snapshot (now: ${added.map((e) => JSON.stringify(e)).join(', ') || 'nothing new'}; ` +
            `missing: ${gone.map((e) => JSON.stringify(e)).join(', ') || 'nothing'})`);
    }
    for (const rel of target.written) {
        const want = snapshot.paths.get(rel) ?? { kind: 'missing' };
        const now = await readPathState(snapshot.root, rel, false);
        if (!sameState(now, want))
            differences.push(`${rel} is ${describeState(now)}, was ${describeState(want)}`);
    }
    return differences;
}

// EXTERNAL MODULE: ./node_modules/picomatch/index.js
var picomatch = __webpack_require__(4006);
// EXTERNAL MODULE: ./.build/src/diff/git-path.js
var git_path = __webpack_require__(2987);
// EXTERNAL MODULE: ./.build/src/diff/hunk.js
var diff_hunk = __webpack_require__(1115);
;// CONCATENATED MODULE: ./.build/src/backends/patch/diff-parse.js
/**
 * A strict reader of unified / git diffs that follows `git apply`'s own rules (builtin apply.c):
 * which lines start a file section, which extended headers it knows, how names are found
 * (`rename from`/`copy from` first, then `---`/`+++` with one leading component stripped, then the
 * `diff --git` line), and how far a hunk reaches (by the counts in its `@@` header). Lines outside
 * file sections are ignored, as git ignores them. Pure; never throws.
 *
 * The apply step cross-checks this reading against `git apply --numstat/--summary`, so a
 * disagreement is refused rather than trusted.
 */


/** Splits into lines without the final empty element a trailing newline leaves. */
function splitLines(text) {
    const lines = text.split('\n');
    if (lines.length > 0 && lines[lines.length - 1] === '')
        lines.pop();
    return lines;
}
function stripCr(line) {
    return line.endsWith('\r') ? line.slice(0, -1) : line;
}
/**
 * A name on a `---`/`+++`/`rename from` line (src/diff/git-path.ts reads it); `strip` removes one
 * leading path component (git's default `-p1`). `null` for `/dev/null`, or an error message.
 */
function readName(raw, strip) {
    const name = (0,git_path/* headerName */.Bv)(raw);
    if (name === undefined)
        return { error: `malformed quoted file name ${stripCr(raw)}` };
    if (name === null || !strip)
        return { name };
    const stripped = (0,git_path/* stripComponent */.kF)(name);
    if (stripped === undefined)
        return {
            error: `file name "${name}" has no leading directory to strip (expected "a/…" or "b/…")`,
        };
    return { name: stripped };
}
function emptySection(line, git) {
    return {
        line,
        git,
        oldPath: null,
        newPath: null,
        isNew: false,
        isDeleted: false,
        isRename: false,
        isCopy: false,
        binary: false,
        hunks: [],
        additions: 0,
        deletions: 0,
    };
}
function isTraditionalStart(lines, i) {
    return ((lines[i] ?? '').startsWith('--- ') &&
        (lines[i + 1] ?? '').startsWith('+++ ') &&
        (lines[i + 2] ?? '').startsWith('@@ -'));
}
/** Reads the hunks starting at `start`; returns the index after them. */
function readHunks(r, file, start) {
    const { lines, err } = r;
    let j = start;
    while (j < lines.length && lines[j].startsWith('@@ -')) {
        const header = lines[j];
        const range = (0,diff_hunk/* readHunkHeader */.kN)(header);
        if (!range) {
            err(j + 1, `malformed hunk header: ${header.slice(0, 80)}`);
            return j + 1;
        }
        const hunk = {
            line: j + 1,
            oldStart: range.oldStart,
            oldLines: range.oldCount,
            newStart: range.newStart,
            newLines: range.newCount,
            additions: 0,
            deletions: 0,
        };
        const body = (0,diff_hunk/* readHunkBody */.z7)(lines, j + 1, hunk.oldLines, hunk.newLines);
        hunk.additions = body.additions;
        hunk.deletions = body.deletions;
        j = body.end;
        if (body.problem === 'short')
            err(hunk.line, `hunk at line ${hunk.line} ends before the ${hunk.oldLines}/${hunk.newLines} lines its header announces`);
        else if (body.problem === 'overflow')
            err(hunk.line, `hunk at line ${hunk.line} has more lines than its header announces`);
        else if (body.problem === 'corrupt')
            err(j + 1, `corrupt hunk at line ${j + 1}: expected a context, "+" or "-" line, got ${JSON.stringify(lines[j].slice(0, 60))}`);
        while (j < lines.length && lines[j].startsWith('\\'))
            j++;
        file.hunks.push(hunk);
        file.additions += hunk.additions;
        file.deletions += hunk.deletions;
    }
    return j;
}
/** Binary payload or "Binary files … differ" right after the headers. */
function readBinary(r, file, start) {
    const line = stripCr(r.lines[start] ?? '');
    if (line === 'GIT binary patch') {
        file.binary = true;
        let j = start + 1;
        while (j < r.lines.length && !r.lines[j].startsWith('diff --git '))
            j++;
        return j;
    }
    if (/^(Binary files |Files ).* differ$/.test(line)) {
        file.binary = true;
        return start + 1;
    }
    return start;
}
function hasMetadata(f) {
    return (f.isNew ||
        f.isDeleted ||
        f.isRename ||
        f.isCopy ||
        (f.oldMode !== undefined && f.newMode !== undefined));
}
/** The extended header lines of a `diff --git` section from `start`; returns where they end. */
function readGitHeaders(r, file, names, start) {
    let j = start;
    for (; j < r.lines.length; j++) {
        const h = stripCr(r.lines[j]);
        const value = (prefix) => h.slice(prefix.length);
        if (h.startsWith('old mode '))
            file.oldMode = value('old mode ').trim();
        else if (h.startsWith('new mode '))
            file.newMode = value('new mode ').trim();
        else if (h.startsWith('deleted file mode ')) {
            file.isDeleted = true;
            file.deletedFileMode = value('deleted file mode ').trim();
        }
        else if (h.startsWith('new file mode ')) {
            file.isNew = true;
            file.newFileMode = value('new file mode ').trim();
        }
        else if (/^(rename|copy) (from|to|old|new) /.test(h)) {
            const [kind, side] = h.split(' ');
            const n = readName(h.slice(kind.length + side.length + 2), false);
            if ('error' in n)
                r.err(j + 1, n.error);
            else if (n.name === null)
                r.err(j + 1, `"${kind} ${side}" names /dev/null`);
            else if (side === 'from' || side === 'old')
                names.from = n.name;
            else
                names.to = n.name;
            if (kind === 'rename')
                file.isRename = true;
            else
                file.isCopy = true;
        }
        else if (h.startsWith('similarity index ') ||
            h.startsWith('dissimilarity index ') ||
            h.startsWith('index ')) {
            // informational
        }
        else if (h.startsWith('--- ') || h.startsWith('+++ ')) {
            const n = readName(h.slice(4), true);
            if ('error' in n)
                r.err(j + 1, n.error);
            else if (h.startsWith('--- '))
                names.dashOld = n.name;
            else
                names.dashNew = n.name;
        }
        else
            break;
    }
    return j;
}
/** Which files a `diff --git` section changes, by git apply's precedence, with its complaints. */
function settleGitNames(r, file, names) {
    const { dashOld, dashNew, from, to } = names;
    const at = file.line;
    if (dashOld === null && !file.isNew)
        r.err(at, `"--- /dev/null" without "new file mode" in the section at line ${at}`);
    if (dashNew === null && !file.isDeleted)
        r.err(at, `"+++ /dev/null" without "deleted file mode" in the section at line ${at}`);
    if (from !== undefined && typeof dashOld === 'string' && dashOld !== from)
        r.err(at, `inconsistent old file name: "${from}" vs "${dashOld}"`);
    if (to !== undefined && typeof dashNew === 'string' && dashNew !== to)
        r.err(at, `inconsistent new file name: "${to}" vs "${dashNew}"`);
    const oldName = from ?? (typeof dashOld === 'string' ? dashOld : undefined) ?? names.def;
    const newName = to ?? (typeof dashNew === 'string' ? dashNew : undefined) ?? names.def;
    file.oldPath = file.isNew ? null : (oldName ?? null);
    file.newPath = file.isDeleted ? null : (newName ?? null);
    if (!file.isNew && file.oldPath === null)
        r.err(at, `cannot tell which file the section at line ${at} changes`);
    if (!file.isDeleted && file.newPath === null)
        r.err(at, `cannot tell which file the section at line ${at} changes`);
    if ((file.isRename || file.isCopy) && (from === undefined || to === undefined))
        r.err(at, `rename/copy at line ${at} lacks its "from" or "to" line`);
}
/** A `diff --git` section starting at `i`; returns it and the index after it. */
function readGitSection(r, i) {
    const file = emptySection(i + 1, true);
    const names = { def: (0,git_path/* gitHeaderName */.$9)(r.lines[i].slice('diff --git '.length)) };
    let j = readGitHeaders(r, file, names, i + 1);
    settleGitNames(r, file, names);
    j = readHunks(r, file, j);
    if (file.hunks.length === 0)
        j = readBinary(r, file, j);
    if (file.hunks.length === 0 && !file.binary && !hasMetadata(file))
        r.err(file.line, `the section at line ${file.line} has no hunks and no metadata change`);
    return { file, next: Math.max(j, i + 1) };
}
/** A bare `---`/`+++` section starting at `i`; returns it and the index after it. */
function readTraditionalSection(r, i) {
    const file = emptySection(i + 1, false);
    for (const [k, side] of [
        [i, 'old'],
        [i + 1, 'new'],
    ]) {
        const n = readName(r.lines[k].slice(4), true);
        if ('error' in n)
            r.err(k + 1, n.error);
        else if (n.name !== null && /\s/.test(n.name))
            r.err(k + 1, `file name "${n.name}" contains spaces; use a "diff --git" header so it is unambiguous`);
        else if (side === 'old')
            file.oldPath = n.name;
        else
            file.newPath = n.name;
    }
    file.isNew = file.oldPath === null;
    file.isDeleted = file.newPath === null;
    const j = readHunks(r, file, i + 2);
    // git treats a bare hunk that empties the file as a deletion.
    const only = file.hunks.length === 1 ? file.hunks[0] : undefined;
    if (only && only.newLines === 0 && only.newStart === 0 && !file.isNew)
        file.isDeleted = true;
    if (file.isNew && file.isDeleted)
        r.err(file.line, `both sides of the section at line ${file.line} are /dev/null`);
    return { file, next: Math.max(j, i + 1) };
}
/** Parses a patch the way `git apply` reads it. */
function parseDiff(text) {
    const lines = splitLines(text);
    const files = [];
    const errors = [];
    const r = { lines, err: (line, message) => errors.push({ line, message }) };
    let i = 0;
    while (i < lines.length) {
        const line = lines[i];
        const section = line.startsWith('diff --git ')
            ? readGitSection(r, i)
            : isTraditionalStart(lines, i)
                ? readTraditionalSection(r, i)
                : undefined;
        if (section) {
            files.push(section.file);
            i = section.next;
            continue;
        }
        if (line.startsWith('@@ -'))
            r.err(i + 1, `hunk at line ${i + 1} has no file header before it`);
        i++;
    }
    return { files, errors };
}

;// CONCATENATED MODULE: ./.build/src/backends/patch/paths.js
/**
 * Path hygiene shared by the proposal parser, the validator and the apply step: a touched path
 * must be a plain, normalised path relative to the repository root. (Git's quoting of file names in
 * diff headers is src/diff/git-path.ts.)
 */
/** Control characters (C0, DEL, C1) never belong in a file name we write. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
/** Null when `path` is a clean relative path; otherwise why it is refused. */
function checkPathShape(path) {
    const shown = JSON.stringify(path);
    if (path === '')
        return { rule: 'path', message: 'empty path' };
    if (CONTROL.test(path))
        return { rule: 'path', message: `${shown} contains control characters` };
    if (path.includes('\\'))
        return { rule: 'path', message: `${shown} contains a backslash` };
    if (path.startsWith('/'))
        return { rule: 'path', message: `${shown} is absolute` };
    if (/^[A-Za-z]:/.test(path))
        return { rule: 'path', message: `${shown} is absolute (drive letter)` };
    const parts = path.split('/');
    if (parts.includes('..'))
        return { rule: 'path', message: `${shown} escapes the repository ("..")` };
    if (parts.includes('.') || parts.includes(''))
        return {
            rule: 'path',
            message: `${shown} is not normalised (empty, "." or trailing "/" component)`,
        };
    for (const part of parts) {
        // `.git`, and the spellings case-insensitive or Windows file systems treat as `.git`.
        if (part.toLowerCase().replace(/[. ]+$/, '') === '.git' || part.toLowerCase() === 'git~1')
            return { rule: 'git-dir', message: `${shown} is inside a .git directory` };
    }
    return null;
}

// EXTERNAL MODULE: ./.build/src/backends/patch/policy.js
var patch_policy = __webpack_require__(1896);
;// CONCATENATED MODULE: ./.build/src/backends/patch/validate-patch.js
/**
 * Boundary checks on a proposed patch, before it touches anything. Pure: the patch text and a
 * policy in, a verdict out. Every refusal names the rule and, when there is one, the path.
 */




const REGULAR_MODES = new Set(['100644', '100755']);
const SYMLINK_MODE = '120000';
const GITLINK_MODE = '160000';
/** Every path a validated file writes or removes in the work tree (a rename removes its source). */
function writtenPaths(files) {
    const out = new Set();
    for (const f of files) {
        out.add(f.path);
        if (f.change === 'rename' && f.oldPath !== undefined)
            out.add(f.oldPath);
    }
    return [...out];
}
function describeChange(f) {
    if (f.isRename)
        return 'rename';
    if (f.isCopy)
        return 'copy';
    if (f.isNew)
        return 'add';
    if (f.isDeleted)
        return 'delete';
    return 'modify';
}
function validatePatch(patch, policyInput = {}) {
    const policy = (0,patch_policy/* resolvePolicy */.nZ)(policyInput);
    const problems = [];
    const bytes = Buffer.byteLength(patch, 'utf8');
    if (bytes > policy.maxPatchBytes) {
        return {
            ok: false,
            problems: [
                {
                    rule: 'size',
                    message: `the patch is ${bytes} bytes; the limit is ${policy.maxPatchBytes}`,
                },
            ],
        };
    }
    const parsed = parseDiff(patch);
    for (const e of parsed.errors)
        problems.push({ rule: 'parse', message: `line ${e.line}: ${e.message}` });
    if (parsed.files.length === 0) {
        if (problems.length === 0)
            problems.push({ rule: 'empty', message: 'the patch changes no file' });
        return { ok: false, problems };
    }
    if (parsed.files.length > policy.maxFiles) {
        problems.push({
            rule: 'files',
            message: `the patch touches ${parsed.files.length} files; the limit is ${policy.maxFiles}`,
        });
    }
    const checkPath = pathChecker(policy, problems);
    const files = [];
    let changedLines = 0;
    for (const f of parsed.files) {
        const change = describeChange(f);
        const path = f.newPath ?? f.oldPath;
        if (path === null)
            continue; // reported by the parser
        if (f.oldPath !== null && f.oldPath !== path)
            checkPath(f.oldPath, change === 'copy' ? 'copy source' : 'rename source');
        checkPath(path, 'path');
        problems.push(...changeProblems(f, path, policy), ...modeProblems(f, path, policy));
        changedLines += f.additions + f.deletions;
        files.push(validatedFile(f, path, change));
    }
    if (policy.maxChangedLines !== undefined && changedLines > policy.maxChangedLines) {
        problems.push({
            rule: 'lines',
            message: `the patch changes ${changedLines} lines; the limit is ${policy.maxChangedLines}`,
        });
    }
    if (problems.length > 0)
        return { ok: false, problems };
    return { ok: true, files, changedLines };
}
/**
 * Checks each path once against its shape, the deny globs, the `.github/` rule and the allow
 * globs, in that order; the first refusal is pushed onto `problems`.
 */
function pathChecker(policy, problems) {
    const glob = { dot: true };
    const allow = policy.allow.map((g) => ({ glob: g, match: picomatch(g, glob) }));
    // Deny globs match case-insensitively, and one without a "/" matches the name at any depth
    // (`.env` also refuses `packages/api/.env`).
    const deny = policy.deny.map((g) => ({
        glob: g,
        match: picomatch(g, { ...glob, nocase: true, basename: !g.includes('/') }),
    }));
    const githubAllow = allow.filter((a) => /^\.github\/./i.test(a.glob));
    const checkedPaths = new Set();
    return (path, role) => {
        if (checkedPaths.has(path))
            return;
        checkedPaths.add(path);
        const shape = checkPathShape(path);
        if (shape) {
            problems.push({ path, rule: shape.rule, message: `${role} ${shape.message}` });
            return;
        }
        const denied = deny.find((d) => d.match(path));
        if (denied) {
            problems.push({
                path,
                rule: 'deny',
                message: `${role} "${path}" matches the deny glob "${denied.glob}"`,
            });
            return;
        }
        // `.github/` configures CI, bots and code owners: only what an allow glob names explicitly
        // (one that starts with `.github/`, not `**`) may change there.
        if (/^\.github\//i.test(path) && !githubAllow.some((a) => a.match(path))) {
            problems.push({
                path,
                rule: 'deny',
                message: `${role} "${path}" is under .github/, which patches may change only where the workflow's patch.allow names it explicitly (e.g. ".github/ISSUE_TEMPLATE/**")`,
            });
            return;
        }
        if (!allow.some((a) => a.match(path))) {
            problems.push({
                path,
                rule: 'allow',
                message: `${role} "${path}" matches none of the allow globs (${policy.allow.map((g) => `"${g}"`).join(', ')})`,
            });
        }
    };
}
/** Deletions, renames, copies and binary patches the policy does not allow. */
function changeProblems(f, path, policy) {
    const where = `"${path}"`;
    const problems = [];
    if (f.isDeleted && !policy.allowDeletions)
        problems.push({
            path,
            rule: 'deletion',
            message: `${where} would be deleted; deletions are not allowed`,
        });
    if (f.isRename && !policy.allowRenames)
        problems.push({
            path,
            rule: 'rename',
            message: `"${f.oldPath}" would be renamed to ${where}; renames are not allowed`,
        });
    if (f.isCopy && !policy.allowCopies)
        problems.push({
            path,
            rule: 'copy',
            message: `"${f.oldPath}" would be copied to ${where}; copies are not allowed`,
        });
    if (f.binary && !policy.allowBinary)
        problems.push({
            path,
            rule: 'binary',
            message: `${where} has a binary patch; binary changes are not allowed`,
        });
    return problems;
}
/** Submodules, symlinks (unless allowed), invalid modes and mode changes (unless allowed). */
function modeProblems(f, path, policy) {
    const where = `"${path}"`;
    const problems = [];
    const modes = [f.oldMode, f.newMode, f.newFileMode, f.deletedFileMode].filter((m) => m !== undefined);
    if (modes.includes(GITLINK_MODE)) {
        problems.push({
            path,
            rule: 'submodule',
            message: `${where} is a submodule (mode 160000); submodules cannot be changed`,
        });
    }
    else if (modes.includes(SYMLINK_MODE)) {
        if (!policy.allowSymlinks)
            problems.push({
                path,
                rule: 'symlink',
                message: `${where} is a symbolic link (mode 120000); symlinks are not allowed`,
            });
    }
    for (const mode of modes) {
        if (!REGULAR_MODES.has(mode) && mode !== SYMLINK_MODE && mode !== GITLINK_MODE)
            problems.push({
                path,
                rule: 'mode',
                message: `${where} has an invalid file mode "${mode}"`,
            });
    }
    if (f.oldMode !== undefined || f.newMode !== undefined) {
        if (f.oldMode === undefined || f.newMode === undefined)
            problems.push({
                path,
                rule: 'parse',
                message: `${where} has "old mode" or "new mode" without the other`,
            });
        else if (f.oldMode !== f.newMode && !policy.allowModeChanges)
            problems.push({
                path,
                rule: 'mode',
                message: `${where} would change mode ${f.oldMode} -> ${f.newMode}; mode changes are not allowed`,
            });
    }
    return problems;
}
function validatedFile(f, path, change) {
    const validated = {
        path,
        change,
        binary: f.binary,
        additions: f.additions,
        deletions: f.deletions,
    };
    if ((change === 'rename' || change === 'copy') && f.oldPath !== null)
        validated.oldPath = f.oldPath;
    const oldMode = f.oldMode ?? f.deletedFileMode;
    const newMode = f.newMode ?? f.newFileMode;
    if (oldMode !== undefined)
        validated.oldMode = oldMode;
    if (newMode !== undefined)
        validated.newMode = newMode;
    return validated;
}
/** One line per problem, for notes and logs. */
function formatProblems(problems) {
    return problems.map((p) => `- [${p.rule}] ${p.message}`).join('\n');
}

;// CONCATENATED MODULE: ./.build/src/backends/patch/apply-patch.js
/**
 * Applies a validated patch with git, in this order:
 * 1. snapshot the tree (HEAD, `git status` with untracked files, bytes of every written path);
 * 2. refuse paths that would be written through a symbolic link (or change one);
 * 3. cross-check our reading of the patch with git's own (`git apply --numstat/--summary`):
 *    the same files, the same line counts, the same creations/deletions/renames/mode changes;
 * 4. `git apply --check` — on failure refuse with git's reason, the tree untouched;
 * 5. `git apply`, then verify that only the expected paths changed — otherwise roll back.
 * Refusals are `PatchRejected`; after step 5 started, a refusal has already been rolled back.
 */









function within(root, abs) {
    const rel = (0,external_node_path_.relative)(root, abs);
    return rel === '' || (!rel.startsWith(`..${external_node_path_.sep}`) && rel !== '..' && !(0,external_node_path_.isAbsolute)(rel));
}
/** Problems with writing `paths` under `root`: a symlinked parent directory, or a symlink as the target. */
async function checkSymlinks(root, paths, allowSymlinks = false) {
    const realRoot = await (0,promises_.realpath)(root);
    const problems = [];
    for (const path of paths) {
        const parts = path.split('/');
        for (let k = 1; k <= parts.length; k++) {
            const prefix = parts.slice(0, k).join('/');
            const abs = (0,external_node_path_.join)(realRoot, prefix);
            const st = await (0,promises_.lstat)(abs).catch(() => undefined);
            if (!st)
                break; // nothing further exists
            if (!st.isSymbolicLink())
                continue;
            const last = k === parts.length;
            let target;
            try {
                target = await (0,promises_.realpath)(abs);
            }
            catch {
                target = '(dangling)';
            }
            const outside = target === '(dangling)' || !within(realRoot, target);
            if (!last) {
                problems.push({
                    path,
                    rule: 'symlink',
                    message: outside
                        ? `"${path}" would be written through "${prefix}", a symbolic link to ${target} outside the repository`
                        : `"${path}" would be written through "${prefix}", a symbolic link`,
                });
                break;
            }
            if (!allowSymlinks) {
                problems.push({
                    path,
                    rule: 'symlink',
                    message: `"${path}" is a symbolic link; changing links is not allowed`,
                });
            }
        }
    }
    return problems;
}
async function gitView(git, root, file) {
    const numstat = await git(root, ['apply', '--numstat', '-z', file], { okCodes: [1, 128] });
    if (numstat.code !== 0)
        return { error: numstat.stderr.trim() || `exit ${numstat.code}` };
    const files = [];
    for (const record of numstat.stdout.split('\0')) {
        if (record === '')
            continue;
        const m = /^(-|\d+)\t(-|\d+)\t([\s\S]*)$/.exec(record);
        if (!m)
            return { error: `unexpected numstat record ${JSON.stringify(record)}` };
        files.push({
            path: m[3],
            additions: m[1] === '-' ? null : Number(m[1]),
            deletions: m[2] === '-' ? null : Number(m[2]),
        });
    }
    const summaryRes = await git(root, ['apply', '--summary', file], { okCodes: [1, 128] });
    if (summaryRes.code !== 0)
        return { error: summaryRes.stderr.trim() || `exit ${summaryRes.code}` };
    const summary = { create: 0, delete: 0, rename: 0, copy: 0, mode: 0 };
    for (const line of summaryRes.stdout.split('\n')) {
        if (line.startsWith(' create '))
            summary.create++;
        else if (line.startsWith(' delete '))
            summary.delete++;
        else if (line.startsWith(' rename '))
            summary.rename++;
        else if (line.startsWith(' copy '))
            summary.copy++;
        else if (line.startsWith(' mode change '))
            summary.mode++;
    }
    return { files, summary };
}
/** Differences between git's reading of the patch and ours (empty when they agree). */
function crossCheck(view, files) {
    const out = [];
    const ours = files.map((f) => f.path).sort();
    const theirs = view.files.map((f) => f.path).sort();
    if (JSON.stringify(ours) !== JSON.stringify(theirs)) {
        out.push(`git reads the files as ${JSON.stringify(theirs)}, the validator as ${JSON.stringify(ours)}`);
        return out;
    }
    const pending = [...view.files];
    for (const f of files) {
        const idx = pending.findIndex((g) => g.path === f.path);
        const g = pending.splice(idx, 1)[0];
        const gitBinary = g.additions === null;
        if (gitBinary !== f.binary)
            out.push(`"${f.path}": git ${gitBinary ? 'sees' : 'does not see'} a binary change`);
        else if (!gitBinary && (g.additions !== f.additions || g.deletions !== f.deletions))
            out.push(`"${f.path}": git counts +${g.additions}/-${g.deletions}, the validator +${f.additions}/-${f.deletions}`);
    }
    const count = (change) => files.filter((f) => f.change === change).length;
    const modeChanges = files.filter((f) => f.change !== 'add' &&
        f.change !== 'delete' &&
        f.oldMode !== undefined &&
        f.newMode !== undefined &&
        f.oldMode !== f.newMode).length;
    const expected = {
        create: count('add'),
        delete: count('delete'),
        rename: count('rename'),
        copy: count('copy'),
        mode: modeChanges,
    };
    for (const key of Object.keys(expected)) {
        if (expected[key] !== view.summary[key])
            out.push(`git sees ${view.summary[key]} ${key} operation(s), the validator ${expected[key]}`);
    }
    return out;
}
function gitMessage(stderr, code) {
    const text = stderr.trim();
    return text === '' ? `exit ${code}` : text.split('\n').slice(0, 20).join('\n');
}
async function applyPatch(input) {
    const git = input.git ?? defaultGitRunner;
    const written = writtenPaths(input.files);
    const snapshot = await takeSnapshot(git, input.root, written);
    const root = snapshot.root;
    const linkProblems = await checkSymlinks(root, written, input.allowSymlinks ?? false);
    if (linkProblems.length > 0) {
        throw new patch_errors/* PatchRejected */.J('symlink', linkProblems.map((p) => p.message).join('; '), linkProblems);
    }
    const dir = await (0,promises_.mkdtemp)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'aethr-patch-'));
    const file = (0,external_node_path_.join)(dir, 'proposal.patch');
    let touched = false;
    try {
        await (0,promises_.writeFile)(file, input.patch);
        const view = await gitView(git, root, file);
        if ('error' in view) {
            throw new patch_errors/* PatchRejected */.J('check', `git cannot read the patch: ${view.error}`, [
                { rule: 'check', message: view.error },
            ]);
        }
        const mismatch = crossCheck(view, input.files);
        if (mismatch.length > 0) {
            throw new patch_errors/* PatchRejected */.J('cross-check', `git reads the patch differently from the validator: ${mismatch.join('; ')}`, mismatch.map((message) => ({ rule: 'cross-check', message })));
        }
        const check = await git(root, ['apply', '--check', '--whitespace=nowarn', file], {
            okCodes: [1, 128],
        });
        if (check.code !== 0) {
            const reason = gitMessage(check.stderr, check.code);
            throw new patch_errors/* PatchRejected */.J('check', `git apply --check refused the patch:\n${reason}`, [
                { rule: 'check', message: reason },
            ]);
        }
        touched = true;
        const applied = await git(root, ['apply', '--whitespace=nowarn', file], { okCodes: [1, 128] });
        if (applied.code !== 0) {
            const reason = gitMessage(applied.stderr, applied.code);
            throw new patch_errors/* PatchRejected */.J('apply', `git apply failed:\n${reason}`, [
                { rule: 'apply', message: reason },
            ]);
        }
        // Only the expected paths may have changed, each in the expected way.
        const problems = [];
        const expected = new Set(written);
        const before = new Map(snapshot.entries.map((e) => [e.path, e.xy]));
        const after = (0,tree_changes/* parseStatusZ */.Y$)(await readStatus(git, root));
        const afterPaths = new Set(after.map((e) => e.path));
        for (const e of after) {
            if (before.get(e.path) !== e.xy && !expected.has(e.path))
                problems.push({
                    path: e.path,
                    rule: 'verify',
                    message: `"${e.path}" changed although the patch does not name it`,
                });
        }
        for (const e of snapshot.entries) {
            if (!afterPaths.has(e.path) && !expected.has(e.path))
                problems.push({
                    path: e.path,
                    rule: 'verify',
                    message: `"${e.path}" changed although the patch does not name it`,
                });
        }
        for (const f of input.files) {
            const state = await readPathState(root, f.path, false);
            const shouldExist = f.change !== 'delete';
            if (shouldExist !== (state.kind !== 'missing'))
                problems.push({
                    path: f.path,
                    rule: 'verify',
                    message: `"${f.path}" ${shouldExist ? 'is missing after' : 'still exists after'} applying the patch`,
                });
            if (f.change === 'rename' &&
                f.oldPath !== undefined &&
                (await readPathState(root, f.oldPath, false)).kind !== 'missing')
                problems.push({
                    path: f.oldPath,
                    rule: 'verify',
                    message: `"${f.oldPath}" still exists after its rename`,
                });
        }
        if (problems.length > 0) {
            throw new patch_errors/* PatchRejected */.J('verify', problems.map((p) => p.message).join('; '), problems);
        }
        return { root, patch: input.patch, files: input.files, written, snapshot };
    }
    catch (error) {
        if (touched)
            await rollback({ snapshot, patch: input.patch, written }, { git });
        throw error;
    }
    finally {
        await (0,promises_.rm)(dir, { recursive: true, force: true });
    }
}

;// CONCATENATED MODULE: ./.build/src/backends/patch/make-diff.js
/**
 * Writes a git-style unified diff for one file from its old and new text, so whole-file and
 * search/replace edits go through the same validation and `git apply` as a model-written diff.
 * Line diff: common prefix/suffix trimmed, then an LCS on the middle when it is small enough
 * (otherwise the middle is one replacement block). Three lines of context.
 */

const CONTEXT = 3;
/** Above this many cells the middle is replaced as a block instead of diffed line by line. */
const MAX_LCS_CELLS = 4_000_000;
/** Marks a last line that has no newline, so it differs from the same text with one. */
const NO_EOL = '\n\u0000';
function tokens(text) {
    if (text === '')
        return [];
    const lines = text.split('\n');
    if (text.endsWith('\n'))
        lines.pop();
    else
        lines[lines.length - 1] += NO_EOL;
    return lines;
}
function diffTokens(a, b) {
    let start = 0;
    while (start < a.length && start < b.length && a[start] === b[start])
        start++;
    let endA = a.length;
    let endB = b.length;
    while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
        endA--;
        endB--;
    }
    const ops = [];
    for (let i = 0; i < start; i++)
        ops.push({ kind: ' ', token: a[i] });
    const midA = a.slice(start, endA);
    const midB = b.slice(start, endB);
    if (midA.length * midB.length <= MAX_LCS_CELLS && midA.length > 0 && midB.length > 0) {
        const n = midA.length;
        const m = midB.length;
        // lcs[i][j] = LCS length of midA[i..] and midB[j..], stored row-major.
        const lcs = new Uint32Array((n + 1) * (m + 1));
        for (let i = n - 1; i >= 0; i--) {
            for (let j = m - 1; j >= 0; j--) {
                lcs[i * (m + 1) + j] =
                    midA[i] === midB[j]
                        ? lcs[(i + 1) * (m + 1) + j + 1] + 1
                        : Math.max(lcs[(i + 1) * (m + 1) + j], lcs[i * (m + 1) + j + 1]);
            }
        }
        let i = 0;
        let j = 0;
        while (i < n && j < m) {
            if (midA[i] === midB[j]) {
                ops.push({ kind: ' ', token: midA[i] });
                i++;
                j++;
            }
            else if (lcs[(i + 1) * (m + 1) + j] >= lcs[i * (m + 1) + j + 1]) {
                ops.push({ kind: '-', token: midA[i++] });
            }
            else {
                ops.push({ kind: '+', token: midB[j++] });
            }
        }
        while (i < n)
            ops.push({ kind: '-', token: midA[i++] });
        while (j < m)
            ops.push({ kind: '+', token: midB[j++] });
    }
    else {
        for (const t of midA)
            ops.push({ kind: '-', token: t });
        for (const t of midB)
            ops.push({ kind: '+', token: t });
    }
    for (let i = endA; i < a.length; i++)
        ops.push({ kind: ' ', token: a[i] });
    return ops;
}
function emit(op, out) {
    if (op.token.endsWith(NO_EOL)) {
        out.push(op.kind + op.token.slice(0, -NO_EOL.length), '\\ No newline at end of file');
    }
    else {
        out.push(op.kind + op.token);
    }
}
/**
 * The diff turning `oldText` into `newText` for `path` (relative, `/`-separated). `oldText` null
 * means the file is created. Returns '' when nothing changes.
 */
function makeFileDiff(path, oldText, newText) {
    if (oldText === newText)
        return '';
    const header = [`diff --git ${(0,git_path/* quoteC */.aw)(`a/${path}`)} ${(0,git_path/* quoteC */.aw)(`b/${path}`)}`];
    if (oldText === null)
        header.push('new file mode 100644');
    const a = tokens(oldText ?? '');
    const b = tokens(newText);
    if (oldText === null && b.length === 0)
        return `${header.join('\n')}\n`;
    header.push(`--- ${oldText === null ? '/dev/null' : (0,git_path/* quoteC */.aw)(`a/${path}`)}`, `+++ ${(0,git_path/* quoteC */.aw)(`b/${path}`)}`);
    const ops = diffTokens(a, b);
    const out = [...header];
    // Group changes into hunks with CONTEXT lines around them.
    let k = 0;
    let oldLine = 0; // lines of a consumed before ops[k]
    let newLine = 0;
    while (k < ops.length) {
        if (ops[k].kind === ' ') {
            k++;
            oldLine++;
            newLine++;
            continue;
        }
        // A change at k: the hunk starts up to CONTEXT lines before it.
        const lead = Math.min(CONTEXT, oldLine, newLine, k);
        let startK = k - lead;
        const hunkOld = oldLine - lead;
        const hunkNew = newLine - lead;
        // Extend until CONTEXT*2 unchanged lines separate us from the next change (or the end).
        let endK = k;
        let lastChange = k;
        while (endK < ops.length) {
            if (ops[endK].kind !== ' ')
                lastChange = endK;
            else if (endK - lastChange > CONTEXT * 2)
                break;
            endK++;
        }
        endK = Math.min(ops.length, lastChange + 1 + CONTEXT);
        let oldCount = 0;
        let newCount = 0;
        const body = [];
        for (; startK < endK; startK++) {
            const op = ops[startK];
            if (op.kind !== '+')
                oldCount++;
            if (op.kind !== '-')
                newCount++;
            emit(op, body);
        }
        const oldStart = oldCount === 0 ? hunkOld : hunkOld + 1;
        const newStart = newCount === 0 ? hunkNew : hunkNew + 1;
        out.push(`@@ -${oldStart},${oldCount} +${newStart},${newCount} @@`, ...body);
        // Advance line counters over the ops consumed.
        for (let x = k; x < endK; x++) {
            const op = ops[x];
            if (op.kind !== '+')
                oldLine++;
            if (op.kind !== '-')
                newLine++;
        }
        k = endK;
    }
    return `${out.join('\n')}\n`;
}

;// CONCATENATED MODULE: ./.build/src/backends/patch/normalize-diff.js
/**
 * Forgiving clean-up of a model-written diff before it is validated, so small slips do not sink a
 * good change while nothing about *what* it touches is guessed:
 * - bare `---`/`+++` sections get a `diff --git` header (and `a/`/`b/` prefixes when both names
 *   lack them), with `new file mode`/`deleted file mode` for `/dev/null` sides;
 * - `diff --git` sections with a `/dev/null` side get the missing `new file mode`/`deleted file mode`;
 * - hunk headers are recounted from their bodies (models miscount), dropping blank lines that only
 *   separate a hunk from what follows;
 * - prose between sections is dropped; the result ends with a newline.
 * Whatever comes out is still checked by the strict parser and by `git apply` itself.
 */



const GIT_HEADER_PREFIXES = [
    'old mode ',
    'new mode ',
    'deleted file mode ',
    'new file mode ',
    'rename from ',
    'rename to ',
    'rename old ',
    'rename new ',
    'copy from ',
    'copy to ',
    'similarity index ',
    'dissimilarity index ',
    'index ',
    '--- ',
    '+++ ',
];
function isSectionStart(lines, i) {
    const line = lines[i] ?? '';
    if (line.startsWith('diff --git '))
        return true;
    return (line.startsWith('--- ') &&
        (lines[i + 1] ?? '').startsWith('+++ ') &&
        (lines[i + 2] ?? '').startsWith('@@'));
}
/** A bare header name without its timestamp; null for /dev/null (a malformed quote stays as written). */
function bareName(text) {
    const name = (0,git_path/* headerName */.Bv)(text);
    return name === undefined ? text : name;
}
/** Copies hunks starting at `i` into `out`, recounting their headers; returns the next index. */
function copyHunks(lines, start, out, newFile) {
    let i = start;
    while (i < lines.length && lines[i].startsWith('@@')) {
        const header = lines[i];
        const m = diff_hunk/* HUNK_HEADER */.lj.exec(header);
        let j = i + 1;
        const body = [];
        while (j < lines.length &&
            (0,diff_hunk/* bodyLineKind */.Ni)(lines[j]) !== undefined &&
            !isSectionStart(lines, j) &&
            !lines[j].startsWith('@@')) {
            body.push(lines[j]);
            j++;
        }
        if (!(j < lines.length && lines[j].startsWith('@@'))) {
            while (body.length > 0 && (body[body.length - 1] === '' || body[body.length - 1] === '\r'))
                body.pop();
        }
        if (!m) {
            // Leave it for the strict parser to report precisely.
            out.push(header, ...body);
            i = j;
            continue;
        }
        let oldCount = 0;
        let newCount = 0;
        for (const line of body) {
            const c = (0,diff_hunk/* bodyLineKind */.Ni)(line);
            if (c === ' ') {
                oldCount++;
                newCount++;
            }
            else if (c === '-')
                oldCount++;
            else if (c === '+')
                newCount++;
        }
        const tail = header.slice(m[0].length);
        // A created file's only hunk starts at 0 on the old side and 1 on the new side.
        const oldStart = newFile ? '0' : m[1];
        const newStart = newFile && newCount > 0 ? '1' : m[3];
        out.push(`@@ -${oldStart},${oldCount} +${newStart},${newCount} @@${tail}`, ...body);
        i = j;
    }
    return i;
}
function normalizeDiff(text) {
    const lines = splitLines(text.replace(/\r\n/g, '\n'));
    const out = [];
    let i = 0;
    while (i < lines.length) {
        const line = lines[i];
        if (line.startsWith('diff --git ')) {
            const header = [];
            let j = i + 1;
            while (j < lines.length && GIT_HEADER_PREFIXES.some((p) => lines[j].startsWith(p))) {
                header.push(lines[j]);
                j++;
            }
            const has = (prefix) => header.some((h) => h.startsWith(prefix));
            const dashOld = header.find((h) => h.startsWith('--- '));
            const dashNew = header.find((h) => h.startsWith('+++ '));
            out.push(line);
            if (dashOld !== undefined && bareName(dashOld.slice(4)) === null && !has('new file mode '))
                out.push('new file mode 100644');
            if (dashNew !== undefined &&
                bareName(dashNew.slice(4)) === null &&
                !has('deleted file mode '))
                out.push('deleted file mode 100644');
            out.push(...header);
            if ((lines[j] ?? '') === 'GIT binary patch') {
                while (j < lines.length && !lines[j].startsWith('diff --git '))
                    out.push(lines[j++]);
                // Each binary block ends with an empty line; a fence often swallows the last one.
                if (out[out.length - 1] !== '')
                    out.push('');
            }
            else if (/^(Binary files |Files ).* differ$/.test(lines[j] ?? '')) {
                out.push(lines[j++]);
            }
            else {
                const created = has('new file mode ') || (dashOld !== undefined && bareName(dashOld.slice(4)) === null);
                j = copyHunks(lines, j, out, created);
            }
            i = Math.max(j, i + 1);
            continue;
        }
        if (isSectionStart(lines, i)) {
            let oldName = bareName(line.slice(4));
            let newName = bareName(lines[i + 1].slice(4));
            const hasOldPrefix = oldName === null || oldName.startsWith('a/');
            const hasNewPrefix = newName === null || newName.startsWith('b/');
            const lacksOld = oldName === null || !oldName.startsWith('a/');
            const lacksNew = newName === null || !newName.startsWith('b/');
            if (!(hasOldPrefix && hasNewPrefix) && lacksOld && lacksNew) {
                if (oldName !== null)
                    oldName = `a/${oldName}`;
                if (newName !== null)
                    newName = `b/${newName}`;
            }
            const strip = (n) => n.slice(n.indexOf('/') + 1);
            const basis = newName ?? oldName;
            if (basis !== null) {
                const left = oldName ?? `a/${strip(basis)}`;
                const right = newName ?? `b/${strip(basis)}`;
                out.push(`diff --git ${(0,git_path/* quoteC */.aw)(left)} ${(0,git_path/* quoteC */.aw)(right)}`);
                if (oldName === null)
                    out.push('new file mode 100644');
                if (newName === null)
                    out.push('deleted file mode 100644');
            }
            out.push(`--- ${oldName === null ? '/dev/null' : (0,git_path/* quoteC */.aw)(oldName)}`);
            out.push(`+++ ${newName === null ? '/dev/null' : (0,git_path/* quoteC */.aw)(newName)}`);
            const j = copyHunks(lines, i + 2, out, oldName === null);
            i = Math.max(j, i + 1);
            continue;
        }
        if (line.startsWith('@@')) {
            const j = copyHunks(lines, i, out, false);
            i = Math.max(j, i + 1);
            continue;
        }
        i++; // prose between sections: git ignores it, and so do we
    }
    return out.length === 0 ? '' : `${out.join('\n')}\n`;
}

;// CONCATENATED MODULE: ./.build/src/backends/patch/parse-proposal.js
/**
 * Reads a proposal out of a model reply: one unified diff (fenced as ```diff / ```patch, or bare
 * in the text), or a JSON list of file edits. Model output is data: nothing here runs it, and
 * nothing throws — a reply that cannot be read becomes `{ kind: 'none', note }`.
 *
 * Edits are turned into a unified diff against the current files (read through a small injected
 * `FileReader`), so one validation path handles both forms.
 */



/** Fenced blocks (``` or ~~~), closed by a fence of the same kind at the opening's indentation. */
function findFences(text) {
    const lines = text.replace(/\r\n/g, '\n').split('\n');
    const fences = [];
    for (let i = 0; i < lines.length; i++) {
        const open = /^( {0,3})(`{3,}|~{3,})\s*([^`\s]*)[^`]*$/.exec(lines[i]);
        if (!open)
            continue;
        const indent = open[1].length;
        const marker = open[2];
        const body = [];
        let j = i + 1;
        let closed = false;
        for (; j < lines.length; j++) {
            const line = lines[j];
            const close = /^( *)(`{3,}|~{3,})\s*$/.exec(line);
            if (close &&
                close[1].length === indent &&
                close[2][0] === marker[0] &&
                close[2].length >= marker.length) {
                closed = true;
                break;
            }
            let k = 0;
            while (k < indent && line[k] === ' ')
                k++;
            body.push(line.slice(k));
        }
        fences.push({ info: open[3].toLowerCase(), body: body.join('\n') });
        if (!closed)
            break;
        i = j;
    }
    return fences;
}
function looksLikeDiff(text) {
    const lines = text.split('\n');
    return lines.some((l, i) => l.startsWith('diff --git ') ||
        (l.startsWith('--- ') && (lines[i + 1] ?? '').startsWith('+++ ')));
}
const DIFF_INFOS = new Set(['diff', 'patch', 'udiff', 'git']);
/** The diff-looking region of prose-wrapped text: from the first file header to the last diff line. */
function bareDiff(text) {
    const lines = text.replace(/\r\n/g, '\n').split('\n');
    const start = lines.findIndex((l, i) => l.startsWith('diff --git ') ||
        (l.startsWith('--- ') && (lines[i + 1] ?? '').startsWith('+++ ')));
    if (start < 0)
        return null;
    const header = /^(diff --git |old mode |new mode |deleted file mode |new file mode |(rename|copy) (from|to) |(dis)?similarity index |index |--- |\+\+\+ |Binary files |GIT binary patch$)/;
    let end = start;
    let mode = 'header';
    for (let i = start; i < lines.length; i++) {
        const l = lines[i];
        if (l.startsWith('diff --git '))
            mode = 'header';
        if (l.startsWith('@@'))
            mode = 'hunk';
        else if (l === 'GIT binary patch')
            mode = 'binary';
        else if (mode === 'header' && !header.test(l))
            break;
        else if (mode === 'hunk' && !(l === '' || ' +-\\'.includes(l[0])) && !header.test(l))
            break;
        else if (mode === 'binary' &&
            !(l === '' ||
                /^(literal|delta) \d+$/.test(l) ||
                /^[A-Za-z][0-9A-Za-z!#$%&()*+;<=>?@^_`{|}~-]*$/.test(l)))
            break;
        if (mode === 'hunk' && l.startsWith('--- ') && (lines[i + 1] ?? '').startsWith('+++ '))
            mode = 'header';
        end = i + 1;
    }
    return lines.slice(start, end).join('\n');
}
/** Removes commas before `}` or `]` outside strings (a common slip in model JSON). */
function stripTrailingCommas(json) {
    let out = '';
    let inString = false;
    for (let i = 0; i < json.length; i++) {
        const ch = json[i];
        if (inString) {
            out += ch;
            if (ch === '\\')
                out += json[++i] ?? '';
            else if (ch === '"')
                inString = false;
            continue;
        }
        if (ch === '"')
            inString = true;
        if (ch === ',') {
            const rest = json.slice(i + 1).trimStart();
            if (rest.startsWith('}') || rest.startsWith(']'))
                continue;
        }
        out += ch;
    }
    return out;
}
/** Null when `text` is not JSON at all; an error when it is JSON of the wrong shape. */
function readEdits(text) {
    let value;
    try {
        value = JSON.parse(stripTrailingCommas(text.trim()));
    }
    catch {
        return null;
    }
    const list = Array.isArray(value)
        ? value
        : value !== null &&
            typeof value === 'object' &&
            Array.isArray(value.edits)
            ? value.edits
            : undefined;
    if (list === undefined)
        return { error: 'the JSON reply has no "edits" list' };
    if (list.length === 0)
        return { error: 'the JSON "edits" list is empty' };
    const edits = [];
    for (const [n, item] of list.entries()) {
        const where = `edit ${n + 1}`;
        if (item === null || typeof item !== 'object')
            return { error: `${where} is not an object` };
        const e = item;
        if (typeof e.path !== 'string' || e.path === '')
            return { error: `${where} has no "path" string` };
        if (typeof e.content === 'string' && e.search === undefined && e.replace === undefined) {
            edits.push({ path: e.path, content: e.content });
        }
        else if (typeof e.search === 'string' &&
            typeof e.replace === 'string' &&
            e.content === undefined) {
            if (e.search === '')
                return { error: `${where} (${e.path}) has an empty "search"` };
            edits.push({ path: e.path, search: e.search, replace: e.replace });
        }
        else {
            return {
                error: `${where} (${e.path}) needs either "content", or "search" and "replace" (strings)`,
            };
        }
    }
    return { edits };
}
/** Finds the proposal in a reply without touching any file. Never throws. */
function extractProposal(reply) {
    try {
        const text = reply ?? '';
        if (text.trim() === '')
            return { kind: 'none', note: 'the model reply is empty' };
        const fences = findFences(text);
        const diffBodies = fences.filter((f) => DIFF_INFOS.has(f.info) || (f.info === '' && looksLikeDiff(f.body)));
        if (diffBodies.length > 0) {
            const joined = diffBodies
                .map((f) => (f.body.endsWith('\n') ? f.body : `${f.body}\n`))
                .join('');
            const patch = normalizeDiff(joined);
            if (patch === '')
                return {
                    kind: 'none',
                    note: 'the ```diff block in the reply contains no file header (diff --git or ---/+++)',
                };
            return { kind: 'diff', patch };
        }
        let jsonError;
        const jsonCandidates = [
            ...fences
                .filter((f) => f.info === 'json' || (f.info === '' && /^\s*[[{]/.test(f.body)))
                .map((f) => f.body),
            ...(/^\s*[[{]/.test(text) ? [text] : []),
        ];
        for (const candidate of jsonCandidates) {
            const read = readEdits(candidate);
            if (read === null) {
                jsonError ??= 'the JSON block in the reply is not valid JSON';
                continue;
            }
            if ('edits' in read)
                return { kind: 'edits', edits: read.edits };
            jsonError ??= read.error;
        }
        const bare = bareDiff(text);
        if (bare !== null) {
            const patch = normalizeDiff(bare);
            if (patch !== '')
                return { kind: 'diff', patch };
        }
        return {
            kind: 'none',
            note: jsonError ??
                'the reply contains neither a unified diff (```diff block) nor a JSON {"edits": [...]} block',
        };
    }
    catch (error) {
        return {
            kind: 'none',
            note: `the reply could not be read: ${error instanceof Error ? error.message : String(error)}`,
        };
    }
}
function applyEdit(current, edit) {
    const attempt = (search, replace) => {
        const first = current.indexOf(search);
        if (first < 0)
            return { count: 0 };
        if (current.indexOf(search, first + 1) >= 0) {
            let count = 0;
            for (let at = current.indexOf(search); at >= 0; at = current.indexOf(search, at + 1))
                count++;
            return { count };
        }
        return { text: current.slice(0, first) + replace + current.slice(first + search.length) };
    };
    let result = attempt(edit.search, edit.replace);
    if ('count' in result &&
        result.count === 0 &&
        current.includes('\r\n') &&
        !edit.search.includes('\r\n')) {
        result = attempt(edit.search.replace(/\n/g, '\r\n'), edit.replace.replace(/\n/g, '\r\n'));
    }
    if ('text' in result)
        return result;
    return result.count === 0
        ? { error: `the "search" text of an edit to ${edit.path} does not occur in the file` }
        : {
            error: `the "search" text of an edit to ${edit.path} occurs ${result.count} times; it must be unique`,
        };
}
/** Turns file edits into one unified diff against the files as `reader` sees them. */
async function editsToPatch(edits, reader) {
    const originals = new Map();
    const current = new Map();
    const order = [];
    for (const edit of edits) {
        const shape = checkPathShape(edit.path);
        if (shape)
            return { error: `edit to ${JSON.stringify(edit.path)} refused: ${shape.message}` };
        if (!originals.has(edit.path)) {
            let text;
            try {
                text = await reader.readText(edit.path);
            }
            catch (error) {
                return {
                    error: `cannot read ${edit.path}: ${error instanceof Error ? error.message : String(error)}`,
                };
            }
            originals.set(edit.path, text);
            current.set(edit.path, text);
            order.push(edit.path);
        }
        const now = current.get(edit.path) ?? null;
        if ('content' in edit) {
            const content = edit.content !== '' && !edit.content.endsWith('\n') ? `${edit.content}\n` : edit.content;
            current.set(edit.path, content);
        }
        else {
            if (now === null)
                return { error: `an edit searches in ${edit.path}, which does not exist` };
            const applied = applyEdit(now, edit);
            if ('error' in applied)
                return applied;
            current.set(edit.path, applied.text);
        }
    }
    const patch = order
        .map((path) => makeFileDiff(path, originals.get(path) ?? null, current.get(path) ?? ''))
        .join('');
    if (patch === '')
        return { error: 'the edits change nothing' };
    return { patch };
}
/** Extracts the proposal and, for edits, renders them as a diff. Never throws. */
async function parseProposal(reply, reader) {
    const raw = extractProposal(reply);
    if (raw.kind !== 'edits')
        return raw;
    try {
        const result = await editsToPatch(raw.edits, reader);
        if ('error' in result)
            return { kind: 'none', note: result.error };
        return { kind: 'edits', edits: raw.edits, patch: result.patch };
    }
    catch (error) {
        return {
            kind: 'none',
            note: `the edits could not be turned into a diff: ${error instanceof Error ? error.message : String(error)}`,
        };
    }
}

// EXTERNAL MODULE: ./node_modules/execa/index.js + 131 modules
var execa = __webpack_require__(6993);
// EXTERNAL MODULE: ./.build/src/sandbox/guard-run.js + 2 modules
var guard_run = __webpack_require__(819);
// EXTERNAL MODULE: ./.build/src/sandbox/sandbox.js + 1 modules
var sandbox = __webpack_require__(1526);
// EXTERNAL MODULE: ./.build/src/sandbox/untrusted-policy.js
var untrusted_policy = __webpack_require__(852);
;// CONCATENATED MODULE: ./.build/src/backends/patch/validators.js
/**
 * Runs the workflow's validators after a patch lands: each is an argv array from the workflow
 * (never a shell line, never anything from the model), in the repository root, with a timeout
 * that kills the whole process group, and with only the tail of its output kept.
 *
 * Validators run the repository's code, which the model just edited (and on a fork's PR, the
 * fork wrote): they run in the sandbox (src/sandbox): an allow-listed environment with a private
 * HOME, no view of other processes where the machine allows it, and the checkout's git
 * credentials hidden for the length of the series, with `.git/config` and hooks checked after.
 */





const DEFAULT_VALIDATOR_TIMEOUT_SECONDS = 300;
const MAX_VALIDATOR_TIMEOUT_SECONDS = 6 * 60 * 60;
const DEFAULT_VALIDATOR_OUTPUT_BYTES = 20_000;
/** Throws an AethrError naming the first malformed validator (checked when a backend is created). */
function checkValidators(validators) {
    return validators.map((v, i) => {
        const where = `validator ${i + 1}`;
        if (v === null || typeof v !== 'object')
            throw new errors/* AethrError */.j(`${where} is not an object`);
        const { name, run, timeout_seconds: timeout } = v;
        if (typeof name !== 'string' || name.trim() === '')
            throw new errors/* AethrError */.j(`${where} needs a "name"`);
        if (!Array.isArray(run) ||
            run.length === 0 ||
            !run.every((a) => typeof a === 'string') ||
            run[0] === '')
            throw new errors/* AethrError */.j(`validator "${name}" needs "run": a non-empty argv array of strings, e.g. ["npm", "test"]`);
        if (timeout !== undefined &&
            (typeof timeout !== 'number' || !(timeout > 0) || timeout > MAX_VALIDATOR_TIMEOUT_SECONDS))
            throw new errors/* AethrError */.j(`validator "${name}": timeout_seconds must be a number between 0 and ${MAX_VALIDATOR_TIMEOUT_SECONDS}`);
        return {
            name,
            run: [...run],
            ...(timeout === undefined ? {} : { timeout_seconds: timeout }),
        };
    });
}
/** What bwrap, unshare and env print when the program itself is missing. */
const NOT_FOUND_IN_SANDBOX = /^(bwrap: execvp|unshare: failed to execute|env: ['‘]?)[^\n]*No such file or directory/;
/** Keeps the last `max` bytes written to it. */
class Tail {
    max;
    chunks = [];
    size = 0;
    dropped = 0;
    constructor(max) {
        this.max = max;
    }
    push(chunk) {
        this.chunks.push(chunk);
        this.size += chunk.length;
        while (this.size > this.max && this.chunks.length > 0) {
            const first = this.chunks[0];
            const excess = this.size - this.max;
            if (first.length <= excess) {
                this.chunks.shift();
                this.size -= first.length;
                this.dropped += first.length;
            }
            else {
                this.chunks[0] = first.subarray(excess);
                this.size -= excess;
                this.dropped += excess;
            }
        }
    }
    text() {
        let text = Buffer.concat(this.chunks).toString('utf8');
        if (this.dropped > 0) {
            const nl = text.indexOf('\n');
            if (nl >= 0 && nl < 200)
                text = text.slice(nl + 1); // start on a whole line
            text = `[… ${this.dropped} earlier bytes omitted …]\n${text}`;
        }
        return text;
    }
}
function killGroup(pid, signal) {
    if (pid === undefined)
        return;
    try {
        if (process.platform === 'win32')
            process.kill(pid, signal);
        else
            process.kill(-pid, signal);
    }
    catch {
        // already gone
    }
}
async function runValidator(validator, opts) {
    if (opts.sandbox)
        return runInSandbox(validator, opts, opts.sandbox);
    const sandbox = await newSandbox(opts);
    try {
        return await runInSandbox(validator, opts, sandbox);
    }
    finally {
        await sandbox.dispose();
    }
}
function newSandbox(opts) {
    return (0,sandbox/* createSandbox */._)({
        baseEnv: opts.env ?? process.env,
        ...(opts.passEnv ? { passEnv: opts.passEnv } : {}),
    });
}
async function runInSandbox(validator, opts, sandbox) {
    const file = validator.run[0];
    const cmd = sandbox.command(validator.run, { cwd: opts.cwd });
    const timeoutMs = (validator.timeout_seconds ?? DEFAULT_VALIDATOR_TIMEOUT_SECONDS) * 1000;
    const grace = opts.killGraceMs ?? 2000;
    const tail = new Tail(opts.maxOutputBytes ?? DEFAULT_VALIDATOR_OUTPUT_BYTES);
    const started = performance.now();
    const result = {
        name: validator.name,
        argv: [...validator.run],
        ok: false,
        exitCode: null,
        timedOut: false,
        durationMs: 0,
        output: '',
        truncated: false,
    };
    const subprocess = (0,execa.execa)(cmd.file, cmd.args, {
        cwd: opts.cwd,
        env: cmd.env,
        extendEnv: false,
        shell: false,
        stdin: 'ignore',
        all: true,
        buffer: false,
        reject: false,
        detached: process.platform !== 'win32',
        cleanup: true,
        windowsHide: true,
        forceKillAfterDelay: false,
    });
    subprocess.all?.on('data', (chunk) => tail.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk)));
    let killTimer;
    let giveUpTimer;
    const timer = setTimeout(() => {
        result.timedOut = true;
        killGroup(subprocess.pid, 'SIGTERM');
        killTimer = setTimeout(() => killGroup(subprocess.pid, 'SIGKILL'), grace);
    }, timeoutMs);
    // If something keeps the pipes open after the kill, stop waiting for it.
    const giveUp = new Promise((resolve) => {
        giveUpTimer = setTimeout(() => resolve('gave-up'), timeoutMs + grace + 5000);
    });
    try {
        const done = await Promise.race([subprocess, giveUp]);
        if (done === 'gave-up') {
            killGroup(subprocess.pid, 'SIGKILL');
            subprocess.all?.destroy();
            result.timedOut = true;
            result.error = 'the validator did not finish after being killed';
        }
        else {
            result.exitCode = typeof done.exitCode === 'number' ? done.exitCode : null;
            if (done.signal)
                result.signal = done.signal;
            const code = done.code;
            if (done.failed && result.exitCode === null && !done.signal && !result.timedOut) {
                result.error = code === 'ENOENT' ? `"${file}" was not found` : done.shortMessage;
            }
            // The sandbox wrapper ran, but could not start the program.
            if (NOT_FOUND_IN_SANDBOX.test(tail.text().slice(0, 500)) && result.exitCode !== 0)
                result.error = `"${file}" was not found`;
        }
    }
    finally {
        clearTimeout(timer);
        if (killTimer)
            clearTimeout(killTimer);
        if (giveUpTimer)
            clearTimeout(giveUpTimer);
        // Grandchildren the validator left behind do not outlive it.
        if (process.platform !== 'win32' && subprocess.pid !== undefined)
            killGroup(subprocess.pid, 'SIGKILL');
    }
    result.durationMs = Math.round(performance.now() - started);
    result.output = tail.text();
    result.truncated = tail.dropped > 0;
    result.ok = !result.timedOut && result.exitCode === 0;
    return result;
}
/**
 * Runs the validators in order in one sandbox, with the checkout's credentials hidden meanwhile.
 * Throws `SandboxUnavailable` for untrusted code on a machine without isolation (nothing runs),
 * and `SandboxIntegrityError` when a validator changed `.git/config` or hooks.
 */
async function runValidators(validators, opts) {
    if (validators.length === 0)
        return { ok: true, results: [] };
    const sandbox = opts.sandbox ?? (await newSandbox(opts));
    try {
        (0,untrusted_policy/* assertCanRunUntrusted */.Ye)({
            untrusted: opts.untrusted === true,
            isolation: sandbox.isolation,
            what: 'validators',
        });
        return await (0,guard_run/* guardUntrustedRun */.n)(opts.cwd, async () => {
            const results = [];
            for (const validator of validators) {
                const result = await runInSandbox(validator, opts, sandbox);
                results.push(result);
                if (!result.ok && (opts.stopOnFailure ?? true))
                    break;
            }
            return { ok: results.every((r) => r.ok), results, sandbox: sandbox.isolation.description };
        }, opts.listRemote ? { listRemote: opts.listRemote } : {});
    }
    finally {
        if (!opts.sandbox)
            await sandbox.dispose();
    }
}
/** One line per validator, e.g. `✗ test (exit 1, 1.2 s)`. */
function describeValidatorResult(r) {
    const secs = `${(r.durationMs / 1000).toFixed(1)} s`;
    const why = r.timedOut
        ? 'timed out'
        : r.error
            ? r.error
            : r.signal
                ? `killed by ${r.signal}`
                : `exit ${r.exitCode}`;
    return `${r.ok ? 'passed' : 'FAILED'}: ${r.name} (${why}, ${secs})`;
}

;// CONCATENATED MODULE: ./.build/src/backends/patch/patch-backend.js
/**
 * The built-in `patch` implementation backend, for runners without opencode. The model proposes;
 * this code decides:
 *   ask (purpose `implement`) → parse (diff or JSON edits) → validate (paths, kinds, sizes) →
 *   apply (symlinks, git's reading, `git apply --check`, `git apply`) → validators → keep or roll back.
 * Any refusal leaves the tree as it was and yields an artifact with no changes and a `note`
 * saying what was refused and why; the run goes on. Only a failed rollback throws.
 */
















/** Largest file the edits form may read to build its diff. */
const MAX_READ_BYTES = 2 * 1024 * 1024;
/** Validator output quoted in a refusal note. */
const NOTE_OUTPUT_CHARS = 3000;
/** Reads repository files for the JSON edits form: clean relative paths only, never through a symlink. */
function repoFileReader(root) {
    return {
        async readText(path) {
            const shape = checkPathShape(path);
            if (shape)
                throw new errors/* AethrError */.j(shape.message);
            const links = await checkSymlinks(root, [path], false);
            if (links.length > 0)
                throw new errors/* AethrError */.j(links[0].message);
            const abs = (0,external_node_path_.join)(await (0,promises_.realpath)(root), path);
            const st = await (0,promises_.lstat)(abs).catch(() => undefined);
            if (!st)
                return null;
            if (!st.isFile())
                throw new errors/* AethrError */.j(`${path} is not a regular file`);
            if (st.size > MAX_READ_BYTES)
                throw new errors/* AethrError */.j(`${path} is larger than ${MAX_READ_BYTES} bytes; send a diff instead`);
            const bytes = await (0,promises_.readFile)(abs);
            if (bytes.includes(0))
                throw new errors/* AethrError */.j(`${path} is a binary file`);
            try {
                return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
            }
            catch {
                throw new errors/* AethrError */.j(`${path} is not valid UTF-8`);
            }
        },
    };
}
/** The instruction block appended to the rendered prompt. */
function patchInstructions(policy, validators) {
    const forbidden = [];
    if (!policy.allowDeletions)
        forbidden.push('deleting files');
    if (!policy.allowRenames)
        forbidden.push('renaming files');
    if (!policy.allowCopies)
        forbidden.push('copying files');
    if (!policy.allowBinary)
        forbidden.push('binary changes');
    if (!policy.allowModeChanges)
        forbidden.push('file mode changes');
    if (!policy.allowSymlinks)
        forbidden.push('symbolic links');
    const lines = [
        '# How to answer',
        '',
        'Your answer is applied to the repository as a patch. Reply with exactly ONE unified diff, in the format of `git diff`, inside a single ```diff fenced block:',
        '- each file starts with `diff --git a/<path> b/<path>`, then `--- a/<path>` and `+++ b/<path>` (for a new file: `new file mode 100644` and `--- /dev/null`), then hunks with three lines of context;',
        '- paths are relative to the repository root; context lines must match the current files exactly.',
        'Alternatively, reply with one ```json block: {"edits": [{"path": "<path>", "content": "<the whole new file>"}, {"path": "<path>", "search": "<text occurring exactly once>", "replace": "<new text>"}]}.',
        '',
        'Nothing in your reply is executed: do not ask for commands to be run.',
        `The patch is refused if it touches ${policy.deny.map((g) => `\`${g}\``).join(', ')}` +
            (policy.allow.length === 1 && policy.allow[0] === '**'
                ? ''
                : `, or anything outside ${policy.allow.map((g) => `\`${g}\``).join(', ')}`) +
            (forbidden.length > 0 ? `; or if it involves ${forbidden.join(', ')}` : '') +
            `; or if it is larger than ${policy.maxPatchBytes} bytes or ${policy.maxFiles} files` +
            (policy.maxChangedLines !== undefined ? ` or ${policy.maxChangedLines} changed lines` : '') +
            '.',
    ];
    if (validators.length > 0) {
        lines.push(`After it is applied these checks run, and the patch is rolled back if one fails: ${validators
            .map((v) => `${v.name} (\`${v.run.join(' ')}\`)`)
            .join(', ')}.`);
    }
    return lines.join('\n');
}
function refusalOf(error) {
    const rules = [...new Set(error.problems.map((p) => p.rule))];
    return {
        stage: error.stage,
        rules: rules.length ? rules : [error.stage],
        message: error.message,
    };
}
function validatorNote(failed, all) {
    const output = failed.output.trim();
    const shown = output.length > NOTE_OUTPUT_CHARS ? `…${output.slice(-NOTE_OUTPUT_CHARS)}` : output;
    const parts = [
        `patch rolled back: validator "${failed.name}" failed (${describeValidatorResult(failed)}).`,
        `Validators: ${all.map((r) => describeValidatorResult(r)).join('; ')}.`,
    ];
    if (shown !== '')
        parts.push(`Last output of "${failed.name}":\n\`\`\`text\n${shown}\n\`\`\``);
    return parts.join('\n');
}
function rejectionNote(error) {
    const what = {
        parse: 'no usable patch in the reply',
        validate: 'patch refused by the policy',
        symlink: 'patch refused (symbolic link)',
        'cross-check': 'patch refused (git reads it differently from the validator)',
        check: 'patch refused by git apply --check',
        apply: 'git apply failed; rolled back',
        verify: 'patch changed more than it declared; rolled back',
        validators: 'patch rolled back after a validator failed',
    };
    return `${what[error.stage]}: ${error.message}`;
}
/** What the applied patch changed: written paths that differ from the snapshot, diffed against the index. */
async function describeChanges(git, applied) {
    const changed = [];
    for (const rel of applied.written) {
        const before = applied.snapshot.paths.get(rel) ?? { kind: 'missing' };
        if (!sameState(await readPathState(applied.root, rel, false), before))
            changed.push(rel);
    }
    return (0,tree_changes/* describePaths */.E9)(git, applied.root, changed.sort());
}
function createPatchBackend(options) {
    const policy = (0,patch_policy/* resolvePolicy */.nZ)(options.policy);
    const validators = checkValidators(options.validators ?? []);
    const git = options.git ?? defaultGitRunner;
    const reader = repoFileReader(options.root);
    // One patch at a time per work tree.
    let queue = Promise.resolve();
    async function applyAndValidate(stepId, iteration, text) {
        const proposal = await parseProposal(text, reader);
        if (proposal.kind === 'none') {
            const note = `no change applied: ${proposal.note}`;
            return { artifact: (0,implement_request/* unchangedArtifact */.k)(stepId, iteration, note), status: note };
        }
        const verdict = validatePatch(proposal.patch, policy);
        if (!verdict.ok) {
            const error = new patch_errors/* PatchRejected */.J('validate', verdict.problems.map((q) => `[${q.rule}] ${q.message}`).join('; '), verdict.problems);
            const note = rejectionNote(error);
            return {
                artifact: (0,implement_request/* unchangedArtifact */.k)(stepId, iteration, note, refusalOf(error)),
                status: note,
            };
        }
        let applied;
        try {
            applied = await applyPatch({
                root: options.root,
                patch: proposal.patch,
                files: verdict.files,
                git,
                allowSymlinks: policy.allowSymlinks,
            });
        }
        catch (error) {
            if (error instanceof patch_errors/* PatchRejected */.J) {
                const note = rejectionNote(error);
                return {
                    artifact: (0,implement_request/* unchangedArtifact */.k)(stepId, iteration, note, refusalOf(error)),
                    status: note,
                };
            }
            throw error;
        }
        let validatorSandbox;
        try {
            if (validators.length > 0) {
                const outcome = await runValidators(validators, {
                    cwd: applied.root,
                    ...(options.validatorEnv ? { env: options.validatorEnv } : {}),
                    ...(options.untrusted ? { untrusted: true } : {}),
                    ...(options.listRemote ? { listRemote: options.listRemote } : {}),
                    ...(options.maxValidatorOutputBytes
                        ? { maxOutputBytes: options.maxValidatorOutputBytes }
                        : {}),
                });
                validatorSandbox = outcome.sandbox;
                if (!outcome.ok) {
                    const failed = outcome.results.find((r) => !r.ok);
                    await rollback(applied, { git });
                    const note = validatorNote(failed, outcome.results);
                    const refusal = {
                        stage: 'validators',
                        rules: [`validator:${failed.name}`],
                        message: note.split('\n')[0],
                    };
                    return {
                        artifact: (0,implement_request/* unchangedArtifact */.k)(stepId, iteration, note, refusal),
                        status: note.split('\n')[0],
                    };
                }
            }
            const { notes, ...changes } = await describeChanges(git, applied);
            const artifact = { stepId, iteration, ...changes };
            if (changes.changedFiles.length === 0)
                notes.unshift('the patch applied but changed no file');
            if (notes.length > 0)
                artifact.note = notes.join('\n');
            const passed = validators.length > 0
                ? `; validators passed (${validators.map((v) => v.name).join(', ')}; ${validatorSandbox ?? 'sandbox: unknown'})`
                : '';
            return {
                artifact,
                status: `patch applied to ${changes.changedFiles.length} file(s)${passed}`,
            };
        }
        catch (error) {
            // Anything unexpected after the patch landed: put the tree back, then report.
            await rollback(applied, { git });
            throw (0,errors/* toError */.i)(error);
        }
    }
    return {
        async implement(input) {
            const { step, iteration } = input;
            const reply = await (0,implement_request/* askToImplement */.E)(options.models, input, patchInstructions(policy, validators));
            const run = queue.then(() => applyAndValidate(step.id, iteration, reply.text));
            queue = run.catch(() => undefined);
            const { artifact, status } = await run;
            const output = `${reply.text.replace(/\s+$/, '')}\n\n---\npatch backend: ${status.split('\n')[0]}`;
            return { output, artifact, ...(reply.usage ? { usage: reply.usage } : {}), mock: reply.mock };
        },
    };
}


/***/ })

};
