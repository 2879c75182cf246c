export const id = 517;
export const ids = [517];
export const modules = {

/***/ 3517:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  createOctokitForge: () => (/* binding */ createOctokitForge)
});

// EXTERNAL MODULE: ./.build/src/errors.js
var errors = __webpack_require__(6624);
// EXTERNAL MODULE: ./.build/src/github/authorize.js
var authorize = __webpack_require__(6820);
// EXTERNAL MODULE: ./.build/src/github/event-intent.js + 1 modules
var event_intent = __webpack_require__(9596);
// EXTERNAL MODULE: ./.build/src/github/payload-readers.js
var payload_readers = __webpack_require__(1804);
// EXTERNAL MODULE: ./.build/src/github/forge.js
var github_forge = __webpack_require__(504);
;// CONCATENATED MODULE: ./.build/src/github/forge-errors.js
/**
 * Octokit's errors, told apart once: the kind of failure (see `ForgeErrorKind`) and a short
 * message a person can read. GitHub's 5xx pages are HTML ("Unicorn!"), and a dropped connection
 * surfaces as "other side closed": neither is shown raw.
 */

const NETWORK = /other side closed|socket hang up|ECONNRESET|ECONNREFUSED|ETIMEDOUT|EPIPE|fetch failed|terminated|network|timed? ?out/i;
const MAX_DETAIL = 300;
function classifyOctokitError(error, operation) {
    const e = (typeof error === 'object' && error !== null ? error : {});
    const status = typeof e.status === 'number' ? e.status : undefined;
    const raw = typeof e.message === 'string' ? e.message : String(error);
    const kind = kindOf(status, raw, e.response?.headers ?? {});
    return new github_forge/* ForgeError */.Q8(operation, kind, describe(status, raw, kind), {
        status,
        cause: error,
        hint: HINTS[kind],
    });
}
function kindOf(status, message, headers) {
    // @octokit/request reports a request that got no answer as status 500 with the fetch error.
    if (status === undefined || ((status === 500 || status === 0) && NETWORK.test(message)))
        return 'network';
    if (status === 429)
        return 'rate-limit';
    if (status === 403 && (headers['x-ratelimit-remaining'] === '0' || headers['retry-after']))
        return 'rate-limit';
    if (status === 403 && /rate limit/i.test(message))
        return 'rate-limit';
    if (status === 401 || status === 403)
        return 'permission';
    if (status === 404)
        return 'not-found';
    if (status === 422)
        return 'validation';
    if (status >= 500)
        return 'server';
    return 'other';
}
/** One readable line: never an HTML page, never longer than MAX_DETAIL. */
function describe(status, message, kind) {
    const looksHtml = /<(?:!doctype|html|body|head|h1)\b/i.test(message);
    let text = looksHtml ? '' : message.replace(/\s+/g, ' ').trim();
    if (text.length > MAX_DETAIL)
        text = `${text.slice(0, MAX_DETAIL)}…`;
    const label = kind === 'network'
        ? 'no answer from GitHub'
        : status !== undefined
            ? `HTTP ${status}${looksHtml ? ' (GitHub sent an error page)' : ''}`
            : 'failed';
    return text && kind !== 'network' ? `${label}: ${text}` : text ? `${label} (${text})` : label;
}
const HINTS = {
    permission: 'The token may not do this. Give the job `permissions: pull-requests: write` (and `contents: write` for implement runs, `checks: write` for the check run). ' +
        'Runs triggered by pull_request from a fork always get a read-only token: use comment commands or pull_request_target for those.',
    'rate-limit': 'GitHub rate-limited the token; run again later.',
    server: 'GitHub had a server error; run again.',
    network: 'GitHub did not answer; run again.',
};

// EXTERNAL MODULE: ./node_modules/@actions/github/lib/github.js + 3 modules
var github = __webpack_require__(722);
// EXTERNAL MODULE: ./node_modules/@octokit/plugin-retry/dist-bundle/index.js
var dist_bundle = __webpack_require__(9735);
// EXTERNAL MODULE: ./node_modules/@octokit/plugin-throttling/dist-bundle/index.js
var plugin_throttling_dist_bundle = __webpack_require__(6856);
// EXTERNAL MODULE: ./node_modules/bottleneck/lib/index.js
var lib = __webpack_require__(2203);
;// CONCATENATED MODULE: ./.build/src/github/octokit-client.js
/**
 * An Octokit for a token, with GitHub's rate limits handled by the retry and throttling plugins.
 * The API base comes from GITHUB_API_URL (so GitHub Enterprise Server works).
 */




const MAX_RATE_LIMIT_RETRIES = 2;
/**
 * The throttling plugin spaces writes 1 s apart and notifying writes (comments, reviews) 3 s
 * apart: GitHub's advice for clients making *many* writes. A run makes a handful (far below the
 * 80 content-creating requests a minute GitHub allows), so they stay serial — GitHub's first
 * advice — without spacing, which only added seconds of waiting to every run; a secondary rate
 * limit is still retried after its `retry-after` by onSecondaryRateLimit below.
 * https://docs.github.com/rest/using-the-rest-api/best-practices-for-using-the-rest-api
 */
const WRITE_SPACING_MS = 0;
const NOTIFYING_WRITE_SPACING_MS = 0;
/** An Octokit for a token with GitHub's rate limits handled (the Action and `aethr pr`). */
function createClient(token, apiUrl, log, retryBaseMs = 1000) {
    const octokit = (0,github/* getOctokit */.Q)(token, {
        baseUrl: apiUrl ?? process.env.GITHUB_API_URL ?? 'https://api.github.com',
        // Server errors are retried twice (about 5 s in all), then the run fails with the error.
        retry: { retries: 2, retryAfterBaseValue: retryBaseMs },
        throttle: {
            retryAfterBaseValue: retryBaseMs,
            write: new lib.Group({
                id: 'aethr-write',
                maxConcurrent: 1,
                minTime: WRITE_SPACING_MS,
            }),
            notifications: new lib.Group({
                id: 'aethr-notifications',
                maxConcurrent: 1,
                minTime: NOTIFYING_WRITE_SPACING_MS,
            }),
            onRateLimit: retryLimited('rate limit hit', log, retryBaseMs),
            onSecondaryRateLimit: retryLimited('secondary rate limit', log, retryBaseMs),
        },
    }, dist_bundle/* retry */.L, plugin_throttling_dist_bundle/* throttling */.A);
    // The retry and throttling plugins count a request's retries on `options.request`, an object
    // @actions/github's defaults share across all requests: without a copy per request every
    // retry of the run adds to the next request's count, so waits grow (1 s, 4 s, then 9 s and
    // 16 s for another request) and the rate-limit retries run out for the whole client.
    octokit.hook.before('request', (options) => {
        options.request = { ...options.request };
    });
    return octokit;
}
/** The throttling plugin's answer to a rate limit: log the wait, retry a few times. */
function retryLimited(what, log, baseMs) {
    return (retryAfter, request, _o, retryCount) => {
        const seconds = (retryAfter * baseMs) / 1000;
        log(`GitHub ${what} on ${request.method} ${request.url}; retrying in ${seconds}s.`);
        return retryCount < MAX_RATE_LIMIT_RETRIES;
    };
}

;// CONCATENATED MODULE: ./.build/src/github/octokit-forge.js
/**
 * Forge over Octokit: a client made for a token (octokit-client.ts: rate limits handled, the API
 * base from GITHUB_API_URL) or the door's own; the methods grouped by what they touch; every
 * failure classified once into a ForgeError.
 */







function createOctokitForge(options) {
    const { owner, repo } = options;
    const log = options.log ?? (() => { });
    const octokit = options.octokit ?? createClient(options.token, options.apiUrl, log, options.retryBaseMs);
    return classifyErrors(forgeOver(octokit, owner, repo, options.permissionTimeoutMs));
}
/**
 * POSTs that create something are sent once by Octokit: a retry after a lost answer would
 * duplicate it. Callers look for what they made before trying again (idempotent-write.ts).
 */
const ONCE = { retries: 0 };
function forgeOver(octokit, owner, repo, permissionTimeoutMs) {
    const api = { octokit, base: { owner, repo } };
    return {
        owner,
        repo,
        ...repositoryMethods(api, permissionTimeoutMs),
        ...pullMethods(api),
        ...issueMethods(api),
        ...commentMethods(api),
        ...checkRunMethods(api),
    };
}
/** Issues as issues: read one, and replace its description (a milestone's ticks). */
function issueMethods({ octokit, base, }) {
    return {
        async getIssueComment(id) {
            const { data } = await octokit.rest.issues.getComment({ ...base, comment_id: id });
            const issueNumber = Number(/\/issues\/(\d+)$/.exec(data.issue_url)?.[1] ?? 0);
            return { ...toComment(data), issueNumber };
        },
        async getIssue(number) {
            const { data } = await octokit.rest.issues.get({ ...base, issue_number: number });
            const parsed = (0,payload_readers/* parseIssue */.Zp)(data);
            if (!parsed.ok)
                throw new errors/* AethrError */.j(`GitHub sent an unreadable issue (${parsed.reason})`);
            return parsed.value;
        },
        async updateIssueBody(number, body) {
            await octokit.rest.issues.update({ ...base, issue_number: number, body });
        },
    };
}
function toComment(c) {
    return {
        id: c.id,
        body: c.body ?? '',
        author: c.user?.login ?? '',
        authorType: c.user?.type ?? '',
        htmlUrl: c.html_url,
        ...(c.created_at ? { createdAt: c.created_at } : {}),
    };
}
function toCheckRun(c) {
    return {
        id: c.id,
        name: c.name,
        headSha: c.head_sha,
        status: c.status,
        conclusion: c.conclusion,
        externalId: c.external_id ?? '',
        htmlUrl: c.html_url ?? '',
        annotationsCount: c.output?.annotations_count ?? 0,
    };
}
/** A status GitHub answers with, when the error carries one. */
function statusOf(error) {
    return error.status;
}
/** Who may do what, and file contents. */
function repositoryMethods({ octokit, base }, permissionTimeoutMs) {
    return {
        async getPermission(username) {
            const { data } = await (0,authorize/* withPermissionTimeout */.bR)(`GitHub's permission API (${username} on ${base.owner}/${base.repo})`, (signal) => octokit.rest.repos.getCollaboratorPermissionLevel({
                ...base,
                username,
                request: { signal },
            }), permissionTimeoutMs);
            return (0,authorize/* permissionFromResponse */.xM)(data);
        },
        async getFileText(path, ref) {
            try {
                const { data } = await octokit.rest.repos.getContent({ ...base, path, ref });
                if (Array.isArray(data) || data.type !== 'file' || !('content' in data))
                    return undefined;
                return Buffer.from(data.content, 'base64').toString('utf8');
            }
            catch (error) {
                if (statusOf(error) === 404)
                    return undefined;
                throw error;
            }
        },
    };
}
/** Pull requests: read, diff, files, open, update, labels. */
function pullMethods({ octokit, base, }) {
    return {
        async getPull(number) {
            const { data } = await octokit.rest.pulls.get({ ...base, pull_number: number });
            const parsed = (0,event_intent/* parsePullRequest */.fd)(data);
            if (!parsed.ok)
                throw new Error(`GitHub sent an unreadable pull request (${parsed.reason})`);
            return parsed.value;
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
                if (statusOf(error) === 406)
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
        async findOpenPulls(branch) {
            const { data } = await octokit.rest.pulls.list({
                ...base,
                head: `${base.owner}:${branch}`,
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
                    request: ONCE,
                });
                return { number: data.number, htmlUrl: data.html_url };
            }
            catch (error) {
                const e = error;
                // https://docs.github.com/repositories/managing-your-repositorys-settings-and-features/enabling-features-for-your-repository/managing-github-actions-settings-for-a-repository
                if (e.status === 403 && /not permitted to create/i.test(e.message ?? '')) {
                    throw new github_forge/* PullCreationForbidden */._e(e.message ?? 'GitHub Actions is not permitted to create pull requests.');
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
                if (statusOf(error) !== 404)
                    throw error;
            }
        },
    };
}
/** Conversation comments, reviews and reactions. */
function commentMethods({ octokit, base, }) {
    return {
        async listIssueComments(number) {
            const page = { ...base, issue_number: number, per_page: 100 };
            return (await octokit.paginate(octokit.rest.issues.listComments, page)).map(toComment);
        },
        async createIssueComment(number, body) {
            const { data } = await octokit.rest.issues.createComment({
                ...base,
                issue_number: number,
                body,
                request: ONCE,
            });
            return toComment(data);
        },
        async deleteIssueComment(id) {
            await octokit.rest.issues.deleteComment({ ...base, comment_id: id });
        },
        async updateIssueComment(id, body) {
            const { data } = await octokit.rest.issues.updateComment({ ...base, comment_id: id, body });
            return toComment(data);
        },
        async listReviewComments(number) {
            const page = { ...base, pull_number: number, per_page: 100 };
            return (await octokit.paginate(octokit.rest.pulls.listReviewComments, page)).map(toComment);
        },
        async createReview(number, review) {
            const { data } = await octokit.rest.pulls.createReview({
                ...base,
                pull_number: number,
                commit_id: review.commitId,
                body: review.body,
                event: 'COMMENT',
                comments: review.comments,
                request: ONCE,
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
    };
}
/** Check runs on a commit: create (in progress), update or complete, list by name. */
function checkRunMethods({ octokit, base, }) {
    return {
        async createCheckRun(run) {
            const { data } = await octokit.rest.checks.create({
                ...base,
                name: run.name,
                head_sha: run.headSha,
                external_id: run.externalId,
                status: 'in_progress',
                ...(run.detailsUrl ? { details_url: run.detailsUrl } : {}),
                output: run.output,
                request: ONCE,
            });
            return toCheckRun(data);
        },
        async updateCheckRun(id, update) {
            await octokit.rest.checks.update({
                ...base,
                check_run_id: id,
                ...(update.conclusion
                    ? { status: 'completed', conclusion: update.conclusion }
                    : {}),
                output: update.output,
                // A retried update would append its annotations again.
                ...(update.output.annotations?.length ? { request: ONCE } : {}),
            });
        },
        async listCheckRuns(ref, name) {
            const { data } = await octokit.rest.checks.listForRef({
                ...base,
                ref,
                check_name: name,
                filter: 'all',
                per_page: 100,
            });
            return data.check_runs.map(toCheckRun).sort((a, b) => b.id - a.id);
        },
    };
}
/** What each Forge method does, in words, for error messages. */
const OPERATIONS = {
    getPermission: (user) => `read ${user}'s permission`,
    getPull: (n) => `read pull request #${n}`,
    getPullDiff: (n) => `read the diff of #${n}`,
    listPullFiles: (n) => `list the files of #${n}`,
    getIssue: (n) => `read issue #${n}`,
    updateIssueBody: (n) => `update the description of #${n}`,
    getIssueComment: (id) => `read comment ${id}`,
    listIssueComments: (n) => `list the comments of #${n}`,
    createIssueComment: (n) => `post a comment on #${n}`,
    updateIssueComment: (id) => `update comment ${id}`,
    deleteIssueComment: (id) => `delete comment ${id}`,
    listReviewComments: (n) => `list the review comments of #${n}`,
    createReview: (n) => `post a review on #${n}`,
    addReaction: (id) => `react to comment ${id}`,
    getFileText: (path, ref) => `read ${path} at ${ref.slice(0, 40)}`,
    findOpenPulls: (branch) => `look for open pull requests from ${branch}`,
    createPull: (p) => `open a pull request from ${p.head}`,
    updatePull: (n) => `update pull request #${n}`,
    removeLabel: (n, label) => `remove the label "${label}" from #${n}`,
    createCheckRun: (r) => `create the check run "${r.name}"`,
    updateCheckRun: (id) => `update check run ${id}`,
    listCheckRuns: (ref, name) => `list the check runs "${name}" on ${ref.slice(0, 12)}`,
};
/** Every failure of `forge` becomes a ForgeError naming the operation (typed errors pass through). */
function classifyErrors(forge) {
    const wrapped = { owner: forge.owner, repo: forge.repo };
    for (const [name, describe] of Object.entries(OPERATIONS)) {
        const method = forge[name];
        wrapped[name] = async (...args) => {
            try {
                return await method.apply(forge, args);
            }
            catch (error) {
                // Typed errors (a permission timeout, PullCreationForbidden) already say what happened.
                if (error instanceof errors/* AethrError */.j || error instanceof github_forge/* PullCreationForbidden */._e)
                    throw error;
                throw classifyOctokitError(error, describe(...args));
            }
        };
    }
    return wrapped;
}


/***/ })

};
