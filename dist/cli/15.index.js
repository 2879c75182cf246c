export const id = 15;
export const ids = [15];
export const modules = {

/***/ 3015:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  guessEventName: () => (/* binding */ guessEventName),
  prCommand: () => (/* binding */ prCommand)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
;// CONCATENATED MODULE: ./.build/src/action/workflow-commands.js
/**
 * The runner's side of a step, spoken directly: inputs from `INPUT_*`, workflow commands on
 * stdout (`::notice::`, `::add-mask::`, groups), outputs and the job summary appended to the
 * files the runner names. The same bytes `@actions/core` writes for these calls; not that package
 * itself, because it imports an HTTP client and undici (for OIDC tokens the Action never asks
 * for), which were a large part of every start-up.
 */




function escapeData(text) {
    return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
function escapeProperty(text) {
    return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
/** `::command key=value::message` on stdout. */
function issue(command, message = '', properties = {}) {
    const props = Object.entries(properties)
        .filter(([, v]) => v)
        .map(([k, v]) => `${k}=${escapeProperty(v)}`)
        .join(',');
    process.stdout.write(`::${command}${props ? ` ${props}` : ''}::${escapeData(message)}${external_node_os_.EOL}`);
}
/** An input as the runner passes it (`INPUT_<NAME>`), trimmed; '' when unset. */
function getInput(name) {
    return (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}
function info(message) {
    process.stdout.write(`${message}${EOL}`);
}
const notice = (message) => issue('notice', message);
const warning = (message) => issue('warning', message);
/** Logs the error and makes the step fail when the process exits. */
function setFailed(message) {
    process.exitCode = 1;
    issue('error', message);
}
/** The runner masks `value` in every later log line. */
const setSecret = (value) => issue('add-mask', value);
function setOutput(name, value) {
    const file = process.env.GITHUB_OUTPUT;
    if (!file) {
        process.stdout.write(EOL);
        issue('set-output', value, { name });
        return;
    }
    const delimiter = `ghadelimiter_${randomUUID()}`;
    if (name.includes(delimiter) || value.includes(delimiter))
        throw new Error(`Unexpected input: the output ${name} contains the delimiter ${delimiter}`);
    appendFileSync(file, `${name}<<${delimiter}${EOL}${value}${EOL}${delimiter}${EOL}`, 'utf8');
}
/** Log lines inside a collapsible group. */
async function group(name, fn) {
    issue('group', name);
    try {
        return await fn();
    }
    finally {
        issue('endgroup');
    }
}
/** Appends markdown (and a newline) to the job summary (GITHUB_STEP_SUMMARY). */
async function appendJobSummary(markdown) {
    const file = process.env.GITHUB_STEP_SUMMARY;
    if (!file)
        throw new Error('Unable to find environment variable for $GITHUB_STEP_SUMMARY.');
    try {
        await access(file, constants.R_OK | constants.W_OK);
    }
    catch {
        throw new Error(`Unable to access summary file: '${file}'.`);
    }
    await appendFile(file, `${markdown}${EOL}`, 'utf8');
}

// EXTERNAL MODULE: ./.build/src/errors.js
var errors = __webpack_require__(6624);
// EXTERNAL MODULE: ./.build/src/github/forge.js
var forge = __webpack_require__(504);
// EXTERNAL MODULE: ./.build/src/config/model-ref.js
var model_ref = __webpack_require__(6955);
// EXTERNAL MODULE: ./.build/src/github/settings.js
var settings = __webpack_require__(402);
// EXTERNAL MODULE: ./.build/src/models/openai-retry.js
var openai_retry = __webpack_require__(9561);
// EXTERNAL MODULE: ./.build/src/security/outbound-filter.js
var outbound_filter = __webpack_require__(3567);
;// CONCATENATED MODULE: ./.build/src/action/inputs.js
/**
 * The Action's inputs, read and validated in one place. This is the only caller of
 * core.getInput; everything downstream takes the typed `ActionInputs`.
 */








/** Provider key inputs and the environment variable each one sets. */
const KEY_INPUTS = {
    'openai-api-key': 'OPENAI_API_KEY',
    'anthropic-api-key': 'ANTHROPIC_API_KEY',
    'gemini-api-key': 'GEMINI_API_KEY',
    'openrouter-api-key': 'OPENROUTER_API_KEY',
    'xai-api-key': 'XAI_API_KEY',
};
function oneOf(name, value, allowed) {
    if (allowed.includes(value))
        return value;
    throw new errors/* AethrError */.j(`Input "${name}" is "${value}"; expected one of ${allowed.join(', ')}.`, {
        hint: `Set "${name}" in the "with:" block of the workflow step.`,
    });
}
function bool(name, value) {
    if (value === '')
        return false;
    if (/^(true|yes|1|on)$/i.test(value))
        return true;
    if (/^(false|no|0|off)$/i.test(value))
        return false;
    throw new errors/* AethrError */.j(`Input "${name}" is "${value}"; expected true or false.`);
}
/** A comma- or space-separated list of logins, lower-cased. */
function logins(value) {
    return value
        .split(/[\s,]+/)
        .filter(Boolean)
        .map((a) => a.toLowerCase());
}
/** Parses inputs from a reader (core.getInput by default) so tests can feed plain objects. */
function parseInputs(read = (name) => getInput(name)) {
    const get = (name) => read(name).trim();
    const token = get('github-token');
    if (!token) {
        throw new errors/* AethrError */.j('Input "github-token" is empty.', {
            hint: 'Leave it at its default (${{ github.token }}) or pass a token with pull-requests: write.',
        });
    }
    const model = get('model') || undefined;
    if (model && !model_ref/* MODEL_REF_PATTERN */.p.test(model) && !/^[\w.-]+$/.test(model)) {
        throw new errors/* AethrError */.j(`Input "model" is "${model}"; expected "provider:model", e.g. openai:gpt-4o-mini.`);
    }
    const maxText = get('max-iterations');
    let maxIterations;
    if (maxText) {
        maxIterations = Number(maxText);
        if (!Number.isInteger(maxIterations) || maxIterations < 1 || maxIterations > 20) {
            throw new errors/* AethrError */.j(`Input "max-iterations" is "${maxText}"; expected a whole number from 1 to 20.`);
        }
    }
    const modelEnv = {};
    for (const [input, envName] of Object.entries(KEY_INPUTS)) {
        const value = get(input);
        if (value) {
            setSecret(value);
            modelEnv[envName] = value;
        }
    }
    const baseUrl = get('base-url') || undefined;
    if (baseUrl) {
        if (!/^https?:\/\//.test(baseUrl))
            throw new errors/* AethrError */.j(`Input "base-url" is "${baseUrl}"; expected an http(s) URL.`);
        modelEnv.OPENAI_BASE_URL = baseUrl;
    }
    const maxBotText = get('max-bot-commits') || '10';
    const maxBotCommits = Number(maxBotText);
    if (!Number.isInteger(maxBotCommits) || maxBotCommits < 0 || maxBotCommits > 100) {
        throw new errors/* AethrError */.j(`Input "max-bot-commits" is "${maxBotText}"; expected a whole number from 0 to 100.`);
    }
    const authorText = get('commit-author');
    let commitAuthor;
    if (authorText) {
        const m = /^([^<>\n]+?)\s*<([^<>\s]+@[^<>\s]+)>$/.exec(authorText);
        if (!m)
            throw new errors/* AethrError */.j(`Input "commit-author" is "${authorText}"; expected "Name <email>".`);
        commitAuthor = { name: m[1], email: m[2] };
    }
    return {
        token,
        maxBotCommits,
        commitAuthor,
        workflow: get('workflow') || '.aethr.yaml',
        model,
        failOn: oneOf('fail-on', get('fail-on') || 'none', settings/* FAIL_ON */.d),
        maxIterations,
        minimumPermission: oneOf('minimum-permission', get('minimum-permission') || 'write', forge/* PERMISSION_LEVELS */.eO),
        allowedActors: logins(get('allowed-actors')),
        dispatchSenders: logins(get('dispatch-senders')),
        mock: bool('mock', get('mock')),
        includeDrafts: bool('include-drafts', get('include-drafts')),
        triggerLabel: get('trigger-label') || 'aethr:implement',
        botLogin: get('bot-login') || 'github-actions[bot]',
        baseUrl,
        modelEnv,
        checkRun: get('check-run') === '' ? true : bool('check-run', get('check-run')),
        allowUntrustedReviews: bool('allow-untrusted-reviews', get('allow-untrusted-reviews')),
    };
}
/** The run's settings from the inputs and the runner's environment (GITHUB_*). */
function doorSettings(inputs, env, repository) {
    const server = (env.GITHUB_SERVER_URL ?? 'https://github.com').replace(/\/+$/, '');
    const repo = repository.fullName;
    const modelEnv = { ...env, ...inputs.modelEnv };
    return {
        workflowSpec: inputs.workflow,
        model: inputs.model,
        mock: inputs.mock,
        failOn: inputs.failOn,
        maxIterations: inputs.maxIterations,
        minimumPermission: inputs.minimumPermission,
        allowedActors: inputs.allowedActors,
        untrustedReviews: inputs.allowUntrustedReviews ? 'pull_request_target' : 'off',
        botLogin: inputs.botLogin,
        identity: inputs.commitAuthor,
        maxBotCommits: inputs.maxBotCommits,
        checkRun: inputs.checkRun ? 'auto' : 'off',
        modelEnv,
        secrets: (0,outbound_filter/* collectSecrets */.qb)(modelEnv, { token: inputs.token, ...inputs.modelEnv }),
        links: {
            serverUrl: server,
            repositoryUrl: `${server}/${repo}`,
            runUrl: env.GITHUB_RUN_ID ? `${server}/${repo}/actions/runs/${env.GITHUB_RUN_ID}` : undefined,
            runId: env.GITHUB_RUN_ID,
        },
        githubRetryBaseMs: (0,openai_retry/* retryBaseMsFrom */.cX)(env),
    };
}

// EXTERNAL MODULE: ./.build/src/git/workspace.js + 2 modules
var git_workspace = __webpack_require__(4257);
// EXTERNAL MODULE: ./.build/src/git/run-git.js
var run_git = __webpack_require__(9724);
;// CONCATENATED MODULE: ./.build/src/github/dry-run-forge.js
/**
 * A Forge for local previews (`aethr pr --dry-run`): reads come from the event payload and the
 * local repository, writes are printed instead of sent. Nothing leaves the machine.
 */


function createDryRunForge(o) {
    return { owner: o.owner, repo: o.repo, ...localReads(o), ...printedWrites(o) };
}
/** Reads: the payload's PR (or one made from HEAD), files from the repository, nothing posted yet. */
function localReads(o) {
    const git = async (args) => (await (0,run_git/* runGit */.EO)(o.root, args)).stdout.trim();
    const reads = {
        async getPermission(username) {
            o.print(`dry run: assuming ${username} may run aethr (no permission API call)\n`);
            return 'admin';
        },
        async getIssue(number) {
            if (o.issue?.number === number)
                return o.issue;
            const { title, body, state, author, labels } = await getPull(number);
            return { number, title, body, state, author, labels, isPullRequest: true };
        },
        getPull,
    };
    async function getPull(number) {
        if (o.pull)
            return o.pull;
        const headSha = await git(['rev-parse', 'HEAD']);
        const headRef = (await git(['rev-parse', '--abbrev-ref', 'HEAD'])) || 'HEAD';
        const fullName = `${o.owner}/${o.repo}`;
        return {
            number,
            title: '(local preview)',
            body: '',
            draft: false,
            state: 'open',
            author: 'you',
            head: { sha: headSha, ref: headRef, repoFullName: fullName },
            base: { sha: headSha, ref: o.defaultBranch, repoFullName: fullName },
            isFork: false,
            maintainerCanModify: false,
            labels: [],
        };
    }
    return {
        ...reads,
        async getPullDiff() {
            // The local workspace computes the diff from the repository's own commits.
            return undefined;
        },
        async listPullFiles() {
            return [];
        },
        async listIssueComments() {
            return [];
        },
        async getIssueComment(id) {
            throw new errors/* AethrError */.j(`A dry run cannot read comment ${id} from GitHub; preview the original issue_comment event instead.`);
        },
        async listReviewComments() {
            return [];
        },
        async findOpenPulls() {
            return [];
        },
        async listCheckRuns() {
            return [];
        },
        async getFileText(path, ref) {
            const r = await (0,run_git/* runGit */.EO)(o.root, ['show', `${ref}:${path}`], { okCodes: [128] });
            return r.code === 0 ? r.stdout : undefined;
        },
    };
}
/** Writes: printed, answered with made-up ids so the run goes on as it would. */
function printedWrites(o) {
    let nextId = 1;
    const fake = (number, body) => {
        const id = nextId++;
        return {
            id,
            body,
            author: 'aethr[dry-run]',
            authorType: 'Bot',
            htmlUrl: `https://github.com/${o.owner}/${o.repo}/pull/${number}#dry-run-${id}`,
        };
    };
    const commentOn = new Map();
    return {
        async updateIssueBody(number, body) {
            o.print(`\n── would update the description of #${number} ──\n${body}\n`);
        },
        async createIssueComment(number, body) {
            o.print(`\n── would post a comment on #${number} ──\n${body}\n`);
            const made = fake(number, body);
            commentOn.set(made.id, number);
            return made;
        },
        async updateIssueComment(id, body) {
            const number = commentOn.get(id) ?? 0;
            o.print(`\n── would update comment ${id} on #${number} ──\n${body}\n`);
            return { ...fake(number, body), id };
        },
        async deleteIssueComment(id) {
            o.print(`dry run: would delete comment ${id}\n`);
        },
        async createReview(number, review) {
            o.print(`\n── would post a review on #${number} (commit ${review.commitId.slice(0, 7)}) ──\n${review.body}\n`);
            for (const c of review.comments) {
                o.print(`\n  ${c.path}:${c.start_line ? `${c.start_line}-` : ''}${c.line}\n${c.body.replace(/^/gm, '  ')}\n`);
            }
            return { id: nextId++, htmlUrl: '' };
        },
        async addReaction(commentId, reaction) {
            o.print(`dry run: would react ${reaction} to comment ${commentId}\n`);
        },
        async createPull(pull) {
            o.print(`\n── would open a pull request ${pull.head} → ${pull.base}: ${pull.title} ──\n${pull.body}\n`);
            return { number: 0, htmlUrl: '' };
        },
        async updatePull(number, update) {
            o.print(`\n── would update pull request #${number} ──\n${update.body ?? update.title ?? ''}\n`);
        },
        async removeLabel(issueNumber, label) {
            o.print(`dry run: would remove the label "${label}" from #${issueNumber}\n`);
        },
        async createCheckRun(run) {
            o.print(`dry run: would create the check run "${run.name}" on ${run.headSha.slice(0, 7)}\n`);
            return {
                id: nextId++,
                name: run.name,
                headSha: run.headSha,
                status: 'in_progress',
                conclusion: null,
                externalId: run.externalId,
                htmlUrl: '',
            };
        },
        async updateCheckRun(id, update) {
            const annotations = update.output.annotations?.length ?? 0;
            o.print(`dry run: would update check run ${id}${update.conclusion ? ` to ${update.conclusion}` : ''}: ${update.output.title}${annotations ? ` (${annotations} annotation(s))` : ''}\n`);
        },
    };
}

// EXTERNAL MODULE: ./.build/src/github/dispatch-intent.js + 18 modules
var dispatch_intent = __webpack_require__(4503);
// EXTERNAL MODULE: ./.build/src/github/event-intent.js + 1 modules
var event_intent = __webpack_require__(9596);
// EXTERNAL MODULE: ./.build/src/github/github-publishers.js + 3 modules
var github_publishers = __webpack_require__(759);
// EXTERNAL MODULE: ./.build/src/github/markdown.js
var markdown = __webpack_require__(9006);
;// CONCATENATED MODULE: ./.build/src/github/ledger-markdown.js

const MAX_ROWS = 200;
function renderLedgerMarkdown(calls) {
    if (calls.length === 0)
        return '';
    const rows = calls
        .slice(0, MAX_ROWS)
        .map((c) => [
        c.stepId,
        c.role,
        `${c.ref}${c.mock ? ' (mock)' : ''}`,
        c.status + (c.limit ? ` (${c.limit})` : ''),
        String(c.estimatedInputTokens ?? ''),
        String(c.inputTokens ?? ''),
        String(c.outputTokens ?? ''),
        c.costUsd === undefined ? '?' : `$${c.costUsd.toFixed(4)}`,
        `${(c.durationMs / 1000).toFixed(1)}s`,
    ]
        .map((cell) => (0,markdown/* escapeTableCell */.aL)(cell))
        .join(' | '));
    const more = calls.length > MAX_ROWS
        ? `\n\n… ${calls.length - MAX_ROWS} more calls (see the ledger JSON).`
        : '';
    return ([
        '### Model calls',
        '',
        '| step | role | model | status | est. input | input | output | cost | time |',
        '| --- | --- | --- | --- | ---: | ---: | ---: | ---: | ---: |',
        ...rows.map((r) => `| ${r} |`),
    ].join('\n') +
        more +
        '\n');
}

// EXTERNAL MODULE: ./.build/src/github/run-outcome.js
var run_outcome = __webpack_require__(4471);
// EXTERNAL MODULE: ./.build/src/github/run-summary.js + 1 modules
var run_summary = __webpack_require__(7192);
// EXTERNAL MODULE: ./.build/src/github/summary-comment.js + 2 modules
var summary_comment = __webpack_require__(1478);
;// CONCATENATED MODULE: ./.build/src/github/publish-job-report.js




const SEVERITY_RANK = { high: 3, medium: 2, low: 1, info: 0 };
function createJobReportPublisher(report, o) {
    return {
        name: 'job report',
        async finish(outcome, publication) {
            const ledger = renderLedgerMarkdown([...outcome.calls]);
            const outputs = (status, findings, error = '') => setOutputs(report, outcome, { status, findings, error }, publication.summaryUrl);
            switch (outcome.kind) {
                case 'skipped':
                    if (outcome.reason === 'ignored')
                        report.notice(`aethr: nothing to do: ${outcome.message}`);
                    if (outcome.reason === 'denied') {
                        report.notice(`Not running: ${outcome.message}`);
                        await report.jobSummary(`### aethr: not run\n\n${outcome.message}\n`);
                        outputs('', []);
                    }
                    if (outcome.reason === 'no-key') {
                        report.warning(outcome.message);
                        await report.jobSummary(`### aethr: no model key\n\n${outcome.message}\n`);
                        outputs('', []);
                    }
                    return;
                case 'failed': {
                    const note = (0,run_outcome/* commitsNote */.Dt)(outcome.commits);
                    const pushed = note ? `\n\n${note}` : '';
                    await report.jobSummary(`### aethr: failed\n\n${outcome.message}${pushed}\n\n${ledger}`);
                    // A run that failed reviewed nothing: never read as a pass, and the error says why.
                    outputs('error', [], outcome.message);
                    report.setFailed(outcome.message);
                    return;
                }
                case 'finished': {
                    const subject = outcome.subject;
                    if (outcome.delivery) {
                        const heading = outcome.delivery.kind === 'unchanged' ? 'no changes' : subject.workflow;
                        await report.jobSummary(`### aethr: ${heading}\n\n${outcome.delivery.note}\n\n${ledger}`);
                    }
                    else {
                        const input = (0,run_summary/* summaryInputOf */.mq)(outcome, publication.placed, subject.workflow, subject.headSha, {
                            links: o.links,
                            notes: publication.notes,
                        });
                        await report.jobSummary(`${(0,summary_comment/* renderJobSummary */.qE)(input)}\n\n${ledger}`);
                    }
                    const verdict = (0,run_summary/* verdictOf */.Vj)(outcome);
                    outputs(outcome.status === undefined ? '' : verdict.output, outcome.findings, verdict.noVerdict);
                    if (outcome.blocked?.kind === 'error')
                        report.setFailed(outcome.blocked.message);
                    const failing = outcome.findings.filter((f) => o.failOn !== 'none' && SEVERITY_RANK[f.severity] >= SEVERITY_RANK[o.failOn]);
                    if (failing.length)
                        report.setFailed(`${failing.length} finding(s) at or above "${o.failOn}" remain.`);
                    else if (verdict.noVerdict && o.failOn !== 'none')
                        report.setFailed(verdict.noVerdict);
                }
            }
        },
    };
}
function setOutputs(report, outcome, { status, findings, error }, summaryUrl) {
    const spend = (0,run_outcome/* spendOf */.Ii)(outcome.calls);
    report.setOutput('review-status', status);
    report.setOutput('error', error ?? '');
    report.setOutput('findings-count', String(findings.length));
    report.setOutput('findings-json', JSON.stringify(findings));
    report.setOutput('summary-comment-url', summaryUrl ?? '');
    report.setOutput('tokens', String(spend.inputTokens + spend.outputTokens));
    report.setOutput('cost-usd', spend.costUsd.toFixed(4));
}

// EXTERNAL MODULE: ./.build/src/models/env-file.js
var env_file = __webpack_require__(244);
;// CONCATENATED MODULE: ./.build/src/cli/commands/pr.js
/**
 * `aethr pr --event FILE`: runs the Action's own path (intent → dispatch → handlers) on a saved
 * event payload, printing what it would post. With GITHUB_TOKEN set and without --dry-run it
 * talks to the real API (GITHUB_API_URL), exactly like the Action.
 */












const EVENT_NAMES = [
    'pull_request',
    'pull_request_target',
    'issue_comment',
    'issues',
    'workflow_dispatch',
    'schedule',
];
/** The event name: --event-name, else the file name (`pull_request.json`), else the payload's shape. */
function guessEventName(file, payload) {
    const stem = (0,external_node_path_.basename)(file)
        .replace(/\.json$/, '')
        .split('.')[0];
    if (EVENT_NAMES.includes(stem))
        return stem;
    if (payload.comment && payload.issue)
        return 'issue_comment';
    if (payload.pull_request)
        return 'pull_request';
    if (payload.issue)
        return 'issues';
    if (payload.schedule)
        return 'schedule';
    if (payload.inputs !== undefined)
        return 'workflow_dispatch';
    return undefined;
}
function terminalLog(io) {
    return {
        info: (m) => io.out(`${m}\n`),
        notice: (m) => io.out(`notice: ${m}\n`),
        warning: (m) => io.err(`warning: ${m}\n`),
        group: async (name, fn) => {
            io.out(`── ${name} ──\n`);
            return fn();
        },
    };
}
function terminalReport(io) {
    const report = {
        notice: (m) => io.out(`notice: ${m}\n`),
        warning: (m) => io.err(`warning: ${m}\n`),
        setOutput: (name, value) => io.out(`output ${name}=${value.length > 200 ? `${value.slice(0, 200)}…` : value}\n`),
        setFailed: (m) => {
            report.failed = m;
            io.err(`failed: ${m}\n`);
        },
        jobSummary: async (markdown) => io.out(`\n── job summary ──\n${markdown}\n`),
    };
    return report;
}
/** The pull request an event is about, for the preview's first line. */
function pullNumberOf(intent) {
    if (intent.kind === 'review')
        return intent.pullRequest.number;
    if (intent.kind === 'command')
        return intent.pullRequestNumber;
    if (intent.kind === 'label')
        return intent.issue.number;
    return undefined;
}
async function prCommand(argv, io, cwd = process.cwd()) {
    const { values } = (0,external_node_util_.parseArgs)({
        args: argv,
        options: {
            event: { type: 'string' },
            'event-name': { type: 'string' },
            repo: { type: 'string' },
            'dry-run': { type: 'boolean' },
            workflow: { type: 'string' },
            verbose: { type: 'boolean' },
        },
    });
    if (!values.event)
        throw new errors/* AethrError */.j('aethr pr needs --event FILE.', {
            hint: 'Save a webhook payload as JSON and pass its path.',
        });
    const root = (0,external_node_path_.resolve)(cwd, values.repo ?? '.');
    let payload;
    try {
        payload = JSON.parse(await (0,promises_.readFile)(values.event, 'utf8'));
    }
    catch (error) {
        throw new errors/* AethrError */.j(`Cannot read the event ${values.event}: ${(0,errors/* toError */.i)(error).message}`);
    }
    const name = values['event-name'] ?? guessEventName(values.event, payload);
    if (!name)
        throw new errors/* AethrError */.j('Cannot tell which event this payload is.', {
            hint: `Pass --event-name (${EVENT_NAMES.join(', ')}).`,
        });
    const env = await (0,env_file/* loadProjectEnv */.zr)(root, process.env);
    const token = env.GITHUB_TOKEN ?? env.GH_TOKEN;
    const dryRun = values['dry-run'] || !token;
    const live = env.AETHR_LIVE === '1' || env.AETHR_LIVE === 'true';
    // The Action's own inputs and defaults, so a preview behaves as the Action would.
    const given = {
        'github-token': token ?? 'dry-run',
        workflow: values.workflow ?? '',
        mock: live ? 'false' : 'true',
    };
    const inputs = parseInputs((name) => given[name] ?? '');
    const intent = (0,event_intent/* normaliseEvent */.zO)({ name, payload }, {
        skipDrafts: !inputs.includeDrafts,
        botLogin: inputs.botLogin,
        triggerLabel: inputs.triggerLabel,
        repository: env.GITHUB_REPOSITORY,
    });
    const log = terminalLog(io);
    const report = terminalReport(io);
    if (intent.kind === 'ignore') {
        report.notice(`aethr: nothing to do: ${intent.reason}`);
        return 0;
    }
    const { owner, repo } = intent.repository;
    const settings = doorSettings(inputs, env, intent.repository);
    const forge = dryRun
        ? createDryRunForge({
            owner,
            repo,
            root,
            pull: intent.kind === 'review' ? intent.pullRequest : undefined,
            issue: intent.kind === 'label' ? intent.issue : undefined,
            defaultBranch: intent.repository.defaultBranch ?? 'main',
            print: io.out,
        })
        : (await Promise.all(/* import() */[__webpack_require__.e(957), __webpack_require__.e(517)]).then(__webpack_require__.bind(__webpack_require__, 3517))).createOctokitForge({
            token: token,
            owner,
            repo,
            apiUrl: env.GITHUB_API_URL,
            log: log.info,
        });
    const number = pullNumberOf(intent);
    const on = `${owner}/${repo}${number === undefined ? '' : ` #${number}`}`;
    io.out(dryRun
        ? `Previewing ${name} on ${on} (dry run: nothing is posted; the diff comes from the local repository).\n`
        : `Running ${name} on ${on} against ${env.GITHUB_API_URL ?? 'https://api.github.com'}.\n`);
    const workspace = dryRun
        ? await (0,git_workspace/* createLocalWorkspace */.T$)(root)
        : await (0,git_workspace/* createCheckoutWorkspace */.GX)(root, {
            auth: { token: token, serverUrl: settings.links.serverUrl },
        });
    await (0,dispatch_intent/* dispatchIntent */.f)(intent, settings, {
        forge,
        workspace,
        log,
        publishers: (filtered) => [
            ...(0,github_publishers/* githubPublishers */.H)(filtered.forge, filtered.log, settings),
            createJobReportPublisher(report, { failOn: settings.failOn, links: settings.links }),
        ],
    });
    return report.failed ? 1 : 0;
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
