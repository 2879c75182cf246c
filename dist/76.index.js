export const id = 76;
export const ids = [76];
export const modules = {

/***/ 6820:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   X8: () => (/* binding */ PermissionCheckFailed),
/* harmony export */   bR: () => (/* binding */ withPermissionTimeout),
/* harmony export */   jN: () => (/* binding */ authorizeActor),
/* harmony export */   xM: () => (/* binding */ permissionFromResponse)
/* harmony export */ });
/* unused harmony exports PermissionCheckTimeout, PERMISSION_TIMEOUT_MS */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6624);
/* harmony import */ var _forge_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(504);
/**
 * Who may spend the repository's model budget or write to it: the actor's permission as the
 * API reports it (never `author_association`, which a payload can show for anyone who ever
 * contributed). API errors propagate, so callers fail closed.
 */


class PermissionCheckFailed extends _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .AethrError */ .j {
    name = 'PermissionCheckFailed';
}
/** The permission API did not answer in time: the check fails closed (nothing runs). */
class PermissionCheckTimeout extends PermissionCheckFailed {
    name = 'PermissionCheckTimeout';
}
/** How long the permission call may take before the run is refused. */
const PERMISSION_TIMEOUT_MS = 15_000;
/**
 * The level from GitHub's collaborator-permission answer. `role_name` carries maintain and
 * triage (and custom roles); `user.permissions` has the booleans; the legacy `permission` field
 * only says admin/write/read/none, so it is the last resort.
 */
function permissionFromResponse(data) {
    const role = data.role_name?.toLowerCase();
    if (role && _forge_js__WEBPACK_IMPORTED_MODULE_1__/* .PERMISSION_LEVELS */ .eO.includes(role))
        return role;
    const p = data.user?.permissions;
    if (p) {
        if (p.admin)
            return 'admin';
        if (p.maintain)
            return 'maintain';
        if (p.push)
            return 'write';
        if (p.triage)
            return 'triage';
        if (p.pull)
            return 'read';
    }
    const legacy = data.permission?.toLowerCase();
    return legacy && _forge_js__WEBPACK_IMPORTED_MODULE_1__/* .PERMISSION_LEVELS */ .eO.includes(legacy)
        ? legacy
        : 'none';
}
/** `call`, or a PermissionCheckTimeout after `ms` (the call is aborted through `signal`). */
async function withPermissionTimeout(what, call, ms = PERMISSION_TIMEOUT_MS) {
    const controller = new AbortController();
    let timer;
    const timeout = new Promise((_, reject) => {
        timer = setTimeout(() => {
            controller.abort();
            reject(new PermissionCheckTimeout(`${what} did not answer within ${ms} ms; not running.`, {
                hint: 'GitHub may be degraded; re-run the job. Runs never start without a permission answer.',
            }));
        }, ms);
    });
    try {
        return await Promise.race([call(controller.signal), timeout]);
    }
    finally {
        clearTimeout(timer);
    }
}
async function authorizeActor(forge, actor, minimum, allowedActors = []) {
    if (allowedActors.includes(actor.toLowerCase()))
        return { allowed: true, level: 'allow-listed' };
    let level;
    try {
        level = await forge.getPermission(actor);
    }
    catch (error) {
        if (error instanceof PermissionCheckTimeout)
            throw error;
        const status = error.status;
        // 404: not a collaborator at all.
        if (status === 404)
            level = 'none';
        else {
            throw new PermissionCheckFailed(`Could not check ${actor}'s permission on ${forge.owner}/${forge.repo} (${error.message}); not running.`, {
                cause: error,
                hint: 'The token needs read access to the repository metadata; with the default GITHUB_TOKEN this works unless permissions: disables it.',
            });
        }
    }
    if ((0,_forge_js__WEBPACK_IMPORTED_MODULE_1__/* .permissionAtLeast */ .ew)(level, minimum))
        return { allowed: true, level };
    return {
        allowed: false,
        level,
        reason: `${actor} has ${level} permission; aethr runs need ${minimum} or higher.`,
    };
}


/***/ }),

/***/ 2076:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   createOctokitForge: () => (/* binding */ createOctokitForge)
/* harmony export */ });
/* harmony import */ var _authorize_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6820);
/* harmony import */ var _actions_github__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1758);
/* harmony import */ var _octokit_plugin_retry__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9735);
/* harmony import */ var _octokit_plugin_throttling__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6856);
/* harmony import */ var bottleneck__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2203);
/* harmony import */ var _forge_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(504);
/**
 * Forge over Octokit, with GitHub's rate limits handled by the retry and throttling plugins.
 * The API base comes from GITHUB_API_URL (so GitHub Enterprise Server works).
 */






const MAX_RATE_LIMIT_RETRIES = 2;
/**
 * The throttling plugin spaces writes 1 s apart and notifying writes (comments, reviews) 3 s
 * apart: GitHub's advice for clients making *many* writes. A run makes about five, so they stay
 * serial with shorter spacing; a secondary-rate-limit answer is still retried after its
 * `retry-after` by onSecondaryRateLimit below.
 * https://docs.github.com/rest/using-the-rest-api/best-practices-for-using-the-rest-api
 */
const WRITE_SPACING_MS = 200;
const NOTIFYING_WRITE_SPACING_MS = 500;
function createOctokitForge(options) {
    const { owner, repo } = options;
    const log = options.log ?? (() => { });
    const octokit = (0,_actions_github__WEBPACK_IMPORTED_MODULE_1__/* .getOctokit */ .Q)(options.token, {
        baseUrl: options.apiUrl ?? process.env.GITHUB_API_URL ?? 'https://api.github.com',
        // Server errors are retried twice (about 5 s in all), then the run fails with the error.
        retry: { retries: 2 },
        throttle: {
            write: new bottleneck__WEBPACK_IMPORTED_MODULE_2__.Group({
                id: 'aethr-write',
                maxConcurrent: 1,
                minTime: WRITE_SPACING_MS,
            }),
            notifications: new bottleneck__WEBPACK_IMPORTED_MODULE_2__.Group({
                id: 'aethr-notifications',
                maxConcurrent: 1,
                minTime: NOTIFYING_WRITE_SPACING_MS,
            }),
            onRateLimit: (retryAfter, request, _o, retryCount) => {
                log(`GitHub rate limit hit on ${request.method} ${request.url}; retrying in ${retryAfter}s.`);
                return retryCount < MAX_RATE_LIMIT_RETRIES;
            },
            onSecondaryRateLimit: (retryAfter, request, _o, retryCount) => {
                log(`GitHub secondary rate limit on ${request.method} ${request.url}; retrying in ${retryAfter}s.`);
                return retryCount < MAX_RATE_LIMIT_RETRIES;
            },
        },
    }, _octokit_plugin_retry__WEBPACK_IMPORTED_MODULE_3__/* .retry */ .L, _octokit_plugin_throttling__WEBPACK_IMPORTED_MODULE_4__/* .throttling */ .A);
    const base = { owner, repo };
    const comment = (c) => ({
        id: c.id,
        body: c.body ?? '',
        author: c.user?.login ?? '',
        authorType: c.user?.type ?? '',
        htmlUrl: c.html_url,
    });
    return {
        owner,
        repo,
        async getPermission(username) {
            const { data } = await (0,_authorize_js__WEBPACK_IMPORTED_MODULE_0__/* .withPermissionTimeout */ .bR)(`GitHub's permission API (${username} on ${owner}/${repo})`, (signal) => octokit.rest.repos.getCollaboratorPermissionLevel({
                ...base,
                username,
                request: { signal },
            }), options.permissionTimeoutMs);
            return (0,_authorize_js__WEBPACK_IMPORTED_MODULE_0__/* .permissionFromResponse */ .xM)(data);
        },
        async getPull(number) {
            const { data } = await octokit.rest.pulls.get({ ...base, pull_number: number });
            return {
                number: data.number,
                title: data.title,
                body: data.body ?? '',
                draft: Boolean(data.draft),
                state: data.state,
                author: data.user?.login ?? '',
                headSha: data.head.sha,
                headRef: data.head.ref,
                headRepo: data.head.repo?.full_name ?? '',
                baseSha: data.base.sha,
                baseRef: data.base.ref,
                baseRepo: data.base.repo.full_name,
                maintainerCanModify: Boolean(data.maintainer_can_modify),
                htmlUrl: data.html_url,
            };
        },
        async getPullDiff(number) {
            try {
                const response = await octokit.rest.pulls.get({
                    ...base,
                    pull_number: number,
                    mediaType: { format: 'diff' },
                });
                return response.data;
            }
            catch (error) {
                // GitHub answers 406 when a diff is too large to render (e.g. over 300 files).
                if (error.status === 406)
                    return undefined;
                throw error;
            }
        },
        async listPullFiles(number) {
            const files = await octokit.paginate(octokit.rest.pulls.listFiles, {
                ...base,
                pull_number: number,
                per_page: 100,
            });
            return files.map((f) => ({
                filename: f.filename,
                status: f.status,
                previousFilename: f.previous_filename,
                additions: f.additions,
                deletions: f.deletions,
                patch: f.patch,
            }));
        },
        async listIssueComments(number) {
            const all = await octokit.paginate(octokit.rest.issues.listComments, {
                ...base,
                issue_number: number,
                per_page: 100,
            });
            return all.map(comment);
        },
        async createIssueComment(number, body) {
            const { data } = await octokit.rest.issues.createComment({
                ...base,
                issue_number: number,
                body,
            });
            return comment(data);
        },
        async updateIssueComment(id, body) {
            const { data } = await octokit.rest.issues.updateComment({ ...base, comment_id: id, body });
            return comment(data);
        },
        async listReviewComments(number) {
            const all = await octokit.paginate(octokit.rest.pulls.listReviewComments, {
                ...base,
                pull_number: number,
                per_page: 100,
            });
            return all.map(comment);
        },
        async createReview(number, review) {
            const { data } = await octokit.rest.pulls.createReview({
                ...base,
                pull_number: number,
                commit_id: review.commitId,
                body: review.body,
                event: 'COMMENT',
                comments: review.comments,
            });
            return { id: data.id, htmlUrl: data.html_url };
        },
        async addReaction(commentId, reaction) {
            await octokit.rest.reactions.createForIssueComment({
                ...base,
                comment_id: commentId,
                content: reaction,
            });
        },
        async findOpenPulls(branch) {
            const { data } = await octokit.rest.pulls.list({
                ...base,
                head: `${owner}:${branch}`,
                state: 'open',
                per_page: 10,
            });
            return data.map((p) => ({ number: p.number, htmlUrl: p.html_url }));
        },
        async createPull(pull) {
            try {
                const { data } = await octokit.rest.pulls.create({
                    ...base,
                    ...pull,
                    maintainer_can_modify: true,
                });
                return { number: data.number, htmlUrl: data.html_url };
            }
            catch (error) {
                const e = error;
                // https://docs.github.com/repositories/managing-your-repositorys-settings-and-features/enabling-features-for-your-repository/managing-github-actions-settings-for-a-repository
                if (e.status === 403 && /not permitted to create/i.test(e.message ?? '')) {
                    throw new _forge_js__WEBPACK_IMPORTED_MODULE_5__/* .PullCreationForbidden */ ._e(e.message ?? 'GitHub Actions is not permitted to create pull requests.');
                }
                throw error;
            }
        },
        async updatePull(number, update) {
            await octokit.rest.pulls.update({ ...base, pull_number: number, ...update });
        },
        async removeLabel(issueNumber, label) {
            try {
                await octokit.rest.issues.removeLabel({ ...base, issue_number: issueNumber, name: label });
            }
            catch (error) {
                if (error.status !== 404)
                    throw error;
            }
        },
        async getFileText(path, ref) {
            try {
                const { data } = await octokit.rest.repos.getContent({ ...base, path, ref });
                if (Array.isArray(data) || data.type !== 'file' || !('content' in data))
                    return undefined;
                return Buffer.from(data.content, 'base64').toString('utf8');
            }
            catch (error) {
                if (error.status === 404)
                    return undefined;
                throw error;
            }
        },
    };
}


/***/ })

};
