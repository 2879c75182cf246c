export const id = 983;
export const ids = [983,517];
export const modules = {

/***/ 4717:
/***/ ((module) => {

function webpackEmptyAsyncContext(req) {
	// Here Promise.resolve().then() is used instead of new Promise() to prevent
	// uncaught exception popping up in devtools
	return Promise.resolve().then(() => {
		var e = new Error("Cannot find module '" + req + "'");
		e.code = 'MODULE_NOT_FOUND';
		throw e;
	});
}
webpackEmptyAsyncContext.keys = () => ([]);
webpackEmptyAsyncContext.resolve = webpackEmptyAsyncContext;
webpackEmptyAsyncContext.id = 4717;
module.exports = webpackEmptyAsyncContext;

/***/ }),

/***/ 670:
/***/ ((module) => {

function webpackEmptyAsyncContext(req) {
	// Here Promise.resolve().then() is used instead of new Promise() to prevent
	// uncaught exception popping up in devtools
	return Promise.resolve().then(() => {
		var e = new Error("Cannot find module '" + req + "'");
		e.code = 'MODULE_NOT_FOUND';
		throw e;
	});
}
webpackEmptyAsyncContext.keys = () => ([]);
webpackEmptyAsyncContext.resolve = webpackEmptyAsyncContext;
webpackEmptyAsyncContext.id = 670;
module.exports = webpackEmptyAsyncContext;

/***/ }),

/***/ 7381:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runApp: () => (/* binding */ runApp)
});

// EXTERNAL MODULE: ./.build/src/errors.js
var errors = __webpack_require__(6624);
// EXTERNAL MODULE: ./.build/src/models/redact.js
var redact = __webpack_require__(3033);
// EXTERNAL MODULE: ./.build/src/security/outbound-filter.js
var outbound_filter = __webpack_require__(3567);
// EXTERNAL MODULE: ./.build/src/models/tokens.js + 2 modules
var tokens = __webpack_require__(7653);
// EXTERNAL MODULE: ./node_modules/bottleneck/lib/index.js
var lib = __webpack_require__(2203);
// EXTERNAL MODULE: ./node_modules/probot/lib/index.js + 52 modules
var probot_lib = __webpack_require__(2185);
;// CONCATENATED MODULE: ./.build/src/app/app-github.js
/**
 * The App's side of GitHub, through Probot: the App's own identity (`GET /app`, with its JWT), the
 * installation that covers a repository (`GET /repos/{owner}/{repo}/installation`), and an
 * installation client — Probot's Octokit, with writes spaced per installation — whose token the
 * run's git commands use.
 */



class NotInstalled extends errors/* AethrError */.j {
    name = 'NotInstalled';
}
const MAX_RATE_LIMIT_RETRIES = 2;
/**
 * Probot's Octokit with GitHub's rate limits handled: writes one at a time per installation and,
 * since an App serves many runs at once (unlike one Action run's handful of writes), spaced
 * `writeSpacingMs` (comments and reviews 2.5 times that); a primary or secondary limit is
 * retried twice after GitHub's `retry-after`.
 * https://docs.github.com/rest/using-the-rest-api/best-practices-for-using-the-rest-api
 */
function octokitClass(config, logger) {
    const write = new lib.Group({
        id: 'aethr-app-write',
        maxConcurrent: 1,
        minTime: config.writeSpacingMs,
    });
    const notifications = new lib.Group({
        id: 'aethr-app-notifications',
        maxConcurrent: 1,
        minTime: Math.round(config.writeSpacingMs * 2.5),
    });
    const retryOrGiveUp = (what) => (retryAfter, request, _o, count) => {
        logger.warn(`GitHub ${what} on ${request.method} ${request.url}; retrying in ${retryAfter}s.`);
        return count < MAX_RATE_LIMIT_RETRIES;
    };
    return probot_lib/* ProbotOctokit */.Cj.defaults((options) => ({
        ...options,
        ...withAuthBaseUrl(options.auth, config.apiUrl),
        throttle: {
            ...options.throttle,
            write,
            notifications,
            onRateLimit: retryOrGiveUp('rate limit'),
            onSecondaryRateLimit: retryOrGiveUp('secondary rate limit'),
        },
    }));
}
/**
 * Probot hands the auth strategy a `request` without the base URL, so a token minted outside an
 * API call (`octokit.auth()`, for git) would be asked of api.github.com even on GitHub
 * Enterprise Server; the strategy gets the configured API root.
 */
function withAuthBaseUrl(auth, baseUrl) {
    const request = auth?.request;
    return request ? { auth: { ...auth, request: request.defaults({ baseUrl }) } } : {};
}
function createProbot(config, logger) {
    return new probot_lib/* Probot */.Jc({
        appId: config.appId,
        privateKey: config.privateKey,
        secret: config.webhookSecret,
        baseUrl: config.apiUrl,
        log: logger,
        Octokit: octokitClass(config, logger),
    });
}
class AppGitHub {
    probot;
    secrets;
    identityOnce;
    constructor(probot, secrets) {
        this.probot = probot;
        this.secrets = secrets;
    }
    /** The App as GitHub knows it; asked once. A bad APP_ID or key fails here, at start. */
    identity() {
        this.identityOnce ??= (async () => {
            const octokit = await this.probot.auth();
            try {
                // Asked at start: a wrong host or key fails at once (a supervisor restarts the app).
                const { data } = await octokit.request('GET /app', { request: { retries: 0 } });
                if (!data?.slug)
                    throw new Error('GitHub sent no slug');
                return { appId: data.id, slug: data.slug, botLogin: `${data.slug}[bot]` };
            }
            catch (error) {
                this.identityOnce = undefined;
                const status = error.status;
                throw new errors/* AethrError */.j(status === 401 || status === 403 || status === 404
                    ? `GitHub refused the App's credentials (GET /app: ${oneLine(error)}); check APP_ID and PRIVATE_KEY.`
                    : `Could not read the App from GitHub (GET /app: ${oneLine(error)}); check GHE_HOST and the network.`);
            }
        })();
        return this.identityOnce;
    }
    /** The installation that covers `owner/repo` now (the payload's id may be stale). */
    async installationId(owner, repo) {
        const octokit = await this.probot.auth();
        try {
            const { data } = await octokit.request('GET /repos/{owner}/{repo}/installation', {
                owner,
                repo,
            });
            return data.id;
        }
        catch (error) {
            if (error.status === 404)
                throw new NotInstalled(`The App is not installed on ${owner}/${repo}.`);
            throw error;
        }
    }
    async client(installationId) {
        const octokit = await this.probot.auth(installationId);
        return {
            id: installationId,
            octokit: octokit,
            token: async () => {
                const auth = (await octokit.auth({ type: 'installation' }));
                if (!auth.token)
                    throw new Error('no installation token');
                this.secrets.add(auth.token);
                return auth.token;
            },
        };
    }
}
/** GitHub's noreply address for the App's bot user (the bot user's id, when it can be read). */
async function botIdentity(client, identity, cache) {
    let id = cache.get(identity.botLogin);
    if (id === undefined) {
        try {
            const { data } = await client.octokit.rest.users.getByUsername({
                username: identity.botLogin,
            });
            id = data.id;
        }
        catch {
            id = null;
        }
        cache.set(identity.botLogin, id);
    }
    const email = id
        ? `${id}+${identity.botLogin}@users.noreply.github.com`
        : `${identity.botLogin}@users.noreply.github.com`;
    return { name: identity.botLogin, email };
}
function oneLine(error) {
    return (0,errors/* toError */.i)(error).message.split('\n')[0].slice(0, 300);
}

// EXTERNAL MODULE: ./node_modules/pino/pino.js
var pino = __webpack_require__(5005);
;// CONCATENATED MODULE: ./.build/src/app/app-log.js
/**
 * The App's structured log: pino JSON lines on stdout (Probot logs through the same logger), each
 * run's lines carrying its delivery id and PR. Every line passes through redaction first: the
 * private key, the webhook secret, model keys and each installation token minted so far never
 * reach the log, whoever logs (aethr, Probot, Octokit).
 */


/** As in models/redact.ts: shorter values would mangle ordinary words. */
const MIN_SECRET_LENGTH = 6;
/** GitHub tokens (installation `ghs_`, personal `ghp_`, …), even ones this process never saw. */
const GITHUB_TOKEN_SHAPE = /\bgh[pousr]_[A-Za-z0-9_]{16,}/g;
/** The secrets in play; installation tokens are added as they are minted. */
class SecretSet {
    values = new Set();
    /** All known values in one expression (longest first), rebuilt when one is added. */
    known;
    constructor(initial = []) {
        for (const v of initial)
            this.add(v);
    }
    add(value) {
        const secret = value?.trim() ?? '';
        if (secret.length < MIN_SECRET_LENGTH || this.values.has(secret))
            return;
        this.values.add(secret);
        // A PEM is also redacted line by line (an error may quote part of it).
        if (secret.includes('\n'))
            for (const line of secret.split('\n'))
                if (line.trim().length >= 16)
                    this.values.add(line.trim());
        const escaped = [...this.values]
            .sort((a, b) => b.length - a.length)
            .map((v) => v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
        this.known = new RegExp(escaped.join('|'), 'g');
    }
    list() {
        return [...this.values];
    }
    /** The known values, then anything shaped like a key or token (models/redact.ts). */
    redact(text) {
        const known = this.known ? text.replace(this.known, redact/* REDACTED */.XF) : text;
        return (0,redact/* redactSecrets */.fp)(known).replace(GITHUB_TOKEN_SHAPE, redact/* REDACTED */.XF);
    }
}
/** A copy of `value` with every string redacted (objects logged as fields, errors included). */
function redactValue(value, secrets, depth = 0) {
    if (typeof value === 'string')
        return secrets.redact(value);
    if (depth > 6 || value === null || typeof value !== 'object')
        return value;
    if (value instanceof Error) {
        return {
            type: value.name,
            message: secrets.redact(value.message),
            ...(value.stack ? { stack: secrets.redact(value.stack) } : {}),
            ...(value.status !== undefined
                ? { status: value.status }
                : {}),
        };
    }
    if (Array.isArray(value))
        return value.map((v) => redactValue(v, secrets, depth + 1));
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactValue(v, secrets, depth + 1)]));
}
function createAppLogger(level, secrets) {
    return (0,pino.pino)({
        level,
        name: 'aethr-app',
        hooks: {
            logMethod(args, method) {
                const clean = args.map((a) => redactValue(a, secrets));
                method.apply(this, clean);
            },
        },
    });
}
/** A run's log for the handlers: people's lines as `info`/`warn`, with the run's fields. */
function runLogOf(logger) {
    return {
        info: (m) => logger.info(m),
        notice: (m) => logger.info({ notice: true }, m),
        warning: (m) => logger.warn(m),
        async group(name, fn) {
            logger.info({ group: name }, name);
            return fn();
        },
    };
}

;// CONCATENATED MODULE: ./.build/src/app/app-settings.js

function appDoorSettings(config, identity, run) {
    const r = config.run;
    return {
        workflowSpec: r.workflowSpec,
        ...(r.model ? { model: r.model } : {}),
        mock: r.mock,
        failOn: r.failOn,
        ...(r.maxIterations ? { maxIterations: r.maxIterations } : {}),
        minimumPermission: r.minimumPermission,
        allowedActors: r.allowedActors,
        // The App receives every PR event with the installation's rights, like pull_request_target.
        untrustedReviews: r.allowUntrustedReviews ? 'always' : 'off',
        botLogin: identity.botLogin,
        ...(run.author ? { identity: run.author } : {}),
        maxBotCommits: r.maxBotCommits,
        // An installation token reaches only the repositories the App is installed on.
        tokenCanPushToFork: false,
        checkRun: r.checkRun ? 'auto' : 'off',
        modelEnv: config.modelEnv,
        secrets: [
            run.token,
            config.privateKey,
            config.webhookSecret,
            ...(config.statusToken ? [config.statusToken] : []),
            ...(0,outbound_filter/* collectSecrets */.qb)(config.modelEnv),
        ],
        links: {
            serverUrl: config.serverUrl,
            repositoryUrl: `${config.serverUrl}/${run.repo}`,
            runId: `app-${run.id}`,
        },
    };
}
/** How the App reads events: its own login is a bot whose comments and pushes start nothing. */
function appIntentOptions(config, identity) {
    return {
        botLogin: identity.botLogin,
        skipDrafts: !config.run.includeDrafts,
        triggerLabel: config.run.triggerLabel,
    };
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./.build/src/config/model-ref.js
var model_ref = __webpack_require__(6955);
// EXTERNAL MODULE: ./.build/src/github/forge.js
var forge = __webpack_require__(504);
// EXTERNAL MODULE: ./.build/src/github/settings.js
var settings = __webpack_require__(402);
;// CONCATENATED MODULE: ./.build/src/app/config.js
/**
 * The App's configuration, read once from the environment the way Probot apps are configured
 * (APP_ID, PRIVATE_KEY or PRIVATE_KEY_PATH, WEBHOOK_SECRET, PORT, HOST, WEBHOOK_PATH, LOG_LEVEL,
 * GHE_HOST / GHE_PROTOCOL) plus aethr's own `AETHR_*` settings. A missing or malformed value is
 * an `AppConfigError` whose message is one line naming the variable.
 */







class AppConfigError extends errors/* AethrError */.j {
    name = 'AppConfigError';
}
const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal'];
/** The App's own secrets: never handed to model clients or anything they start. */
const APP_SECRET_VARIABLES = ['PRIVATE_KEY', 'WEBHOOK_SECRET', 'AETHR_STATUS_TOKEN'];
function parseAppConfig(env, cwd = process.cwd()) {
    const get = (name) => {
        const value = env[name]?.trim();
        return value ? value : undefined;
    };
    const appIdText = get('APP_ID');
    if (!appIdText)
        fail('APP_ID is not set; use the App ID shown on the GitHub App settings page.');
    const appId = integer('APP_ID', appIdText, 1, Number.MAX_SAFE_INTEGER);
    const webhookSecret = env.WEBHOOK_SECRET ?? '';
    if (webhookSecret.length === 0)
        fail("WEBHOOK_SECRET is not set; use the App's webhook secret (GitHub signs deliveries with it).");
    const gheHost = get('GHE_HOST');
    const protocol = get('GHE_PROTOCOL') ?? 'https';
    if (!/^https?$/.test(protocol))
        fail(`GHE_PROTOCOL is "${protocol}"; expected https or http.`);
    if (gheHost && !/^[A-Za-z0-9.-]+(?::\d+)?$/.test(gheHost))
        fail(`GHE_HOST is "${gheHost}"; expected a host name (and port), e.g. github.example.com.`);
    const webhookPath = get('WEBHOOK_PATH') ?? '/api/github/webhooks';
    if (!webhookPath.startsWith('/'))
        fail(`WEBHOOK_PATH is "${webhookPath}"; it must start with /.`);
    const mode = oneOf('AETHR_APP_MODE', get('AETHR_APP_MODE') ?? 'run', ['run', 'dispatch']);
    const dispatchWorkflow = get('AETHR_DISPATCH_WORKFLOW');
    if (dispatchWorkflow && !/^(?:[\w.-]+\.ya?ml|\d+)$/.test(dispatchWorkflow))
        fail(`AETHR_DISPATCH_WORKFLOW is "${dispatchWorkflow}"; expected a workflow file name (aethr.yml) or id.`);
    const modelEnv = Object.fromEntries(Object.entries(env).filter(([name]) => !APP_SECRET_VARIABLES.includes(name)));
    return {
        appId,
        privateKey: readPrivateKey(env),
        webhookSecret,
        port: integer('PORT', get('PORT') ?? '3000', 0, 65535),
        host: get('HOST') ?? 'localhost',
        webhookPath,
        logLevel: oneOf('LOG_LEVEL', (get('LOG_LEVEL') ?? 'info').toLowerCase(), LOG_LEVELS),
        apiUrl: gheHost ? `${protocol}://${gheHost}/api/v3` : 'https://api.github.com',
        serverUrl: gheHost ? `${protocol}://${gheHost}` : 'https://github.com',
        dataDir: (0,external_node_path_.resolve)(cwd, get('AETHR_DATA_DIR') ?? '.aethr-app'),
        poolSize: integer('AETHR_POOL_SIZE', get('AETHR_POOL_SIZE') ?? '2', 1, 64),
        maxAttempts: integer('AETHR_MAX_ATTEMPTS', get('AETHR_MAX_ATTEMPTS') ?? '3', 1, 10),
        drainTimeoutMs: 1000 * integer('AETHR_DRAIN_TIMEOUT', get('AETHR_DRAIN_TIMEOUT') ?? '25', 0, 3600),
        mode,
        ...(dispatchWorkflow ? { dispatchWorkflow } : {}),
        ...(get('AETHR_STATUS_TOKEN') ? { statusToken: get('AETHR_STATUS_TOKEN') } : {}),
        writeSpacingMs: integer('AETHR_WRITE_SPACING_MS', get('AETHR_WRITE_SPACING_MS') ?? '200', 0, 10_000),
        run: parseRunConfig(get),
        modelEnv,
    };
}
function parseRunConfig(get) {
    const model = get('AETHR_MODEL');
    if (model && !model_ref/* MODEL_REF_PATTERN */.p.test(model) && !/^[\w.-]+$/.test(model))
        fail(`AETHR_MODEL is "${model}"; expected "provider:model", e.g. openai:gpt-4o-mini.`);
    const maxText = get('AETHR_MAX_ITERATIONS');
    return {
        workflowSpec: get('AETHR_WORKFLOW') ?? '.aethr.yaml',
        ...(model ? { model } : {}),
        mock: bool('AETHR_MOCK', get('AETHR_MOCK')),
        failOn: oneOf('AETHR_FAIL_ON', get('AETHR_FAIL_ON') ?? 'none', settings/* FAIL_ON */.d),
        ...(maxText ? { maxIterations: integer('AETHR_MAX_ITERATIONS', maxText, 1, 20) } : {}),
        minimumPermission: oneOf('AETHR_MINIMUM_PERMISSION', get('AETHR_MINIMUM_PERMISSION') ?? 'write', forge/* PERMISSION_LEVELS */.eO),
        allowedActors: (get('AETHR_ALLOWED_ACTORS') ?? '')
            .split(/[\s,]+/)
            .filter(Boolean)
            .map((a) => a.toLowerCase()),
        maxBotCommits: integer('AETHR_MAX_BOT_COMMITS', get('AETHR_MAX_BOT_COMMITS') ?? '10', 0, 100),
        checkRun: get('AETHR_CHECK_RUN') === undefined ? true : bool('AETHR_CHECK_RUN', get('AETHR_CHECK_RUN')),
        includeDrafts: bool('AETHR_INCLUDE_DRAFTS', get('AETHR_INCLUDE_DRAFTS')),
        triggerLabel: get('AETHR_TRIGGER_LABEL') ?? 'aethr:implement',
        allowUntrustedReviews: bool('AETHR_ALLOW_UNTRUSTED_REVIEWS', get('AETHR_ALLOW_UNTRUSTED_REVIEWS')),
    };
}
/**
 * The App's private key: PRIVATE_KEY (the PEM, with newlines or `\n`, or base64 of it) or the
 * file at PRIVATE_KEY_PATH. Checked here, so a bad key is a clear error at start.
 */
function readPrivateKey(env) {
    const inline = env.PRIVATE_KEY?.trim();
    const path = env.PRIVATE_KEY_PATH?.trim();
    if (!inline && !path)
        fail('PRIVATE_KEY is not set (nor PRIVATE_KEY_PATH); use the .pem file generated for the App.');
    const name = inline ? 'PRIVATE_KEY' : 'PRIVATE_KEY_PATH';
    let text = inline ?? '';
    if (!inline) {
        try {
            text = (0,external_node_fs_.readFileSync)(path, 'utf8');
        }
        catch (error) {
            fail(`PRIVATE_KEY_PATH is "${path}"; it cannot be read (${(0,errors/* toError */.i)(error).message}).`);
        }
    }
    let pem = text.replace(/\\n/g, '\n').trim();
    if (!pem.includes('-----BEGIN')) {
        const decoded = Buffer.from(pem, 'base64').toString('utf8');
        if (decoded.includes('-----BEGIN'))
            pem = decoded.trim();
    }
    try {
        (0,external_node_crypto_.createPrivateKey)(pem);
    }
    catch {
        fail(`${name} is not a PEM private key; use the .pem file generated for the App.`);
    }
    return `${pem}\n`;
}
function fail(message) {
    throw new AppConfigError(message);
}
function integer(name, text, min, max) {
    const n = Number(text);
    if (!/^\d+$/.test(text) || !Number.isSafeInteger(n) || n < min || n > max)
        fail(`${name} is "${text}"; expected a whole number from ${min} to ${max}.`);
    return n;
}
function bool(name, text) {
    if (text === undefined)
        return false;
    if (/^(true|yes|1|on)$/i.test(text))
        return true;
    if (/^(false|no|0|off)$/i.test(text))
        return false;
    return fail(`${name} is "${text}"; expected true or false.`);
}
function oneOf(name, text, allowed) {
    if (allowed.includes(text))
        return text;
    return fail(`${name} is "${text}"; expected one of ${allowed.join(', ')}.`);
}

// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(7067);
;// CONCATENATED MODULE: ./.build/src/app/http-server.js
/**
 * The App's HTTP side: the webhook path (Probot's middleware verifies the signature before it
 * parses anything, and answers a bad or missing one with 400), `GET /healthz` (200 when ready,
 * 503 while starting or draining) and `GET /status` (the queue as JSON: for loopback clients, or
 * with `Authorization: Bearer <AETHR_STATUS_TOKEN>`; it names repositories and pull requests).
 */


/** GitHub caps webhook payloads at 25 MB; larger bodies are refused before they are read. */
const MAX_BODY_BYTES = 25 * 1024 * 1024;
function json(res, status, body) {
    const text = `${JSON.stringify(body)}\n`;
    res.writeHead(status, {
        'content-type': 'application/json; charset=utf-8',
        'content-length': Buffer.byteLength(text),
        'cache-control': 'no-store',
    });
    res.end(text);
}
/** A client on this host — not a request a reverse proxy here forwarded from elsewhere. */
function isLoopback(req) {
    const address = req.socket.remoteAddress ?? '';
    const local = address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1';
    return local && !req.headers['x-forwarded-for'] && !req.headers.forwarded;
}
function bearerMatches(req, token) {
    const given = /^Bearer\s+(\S+)$/i.exec(String(req.headers.authorization ?? ''))?.[1] ?? '';
    const a = Buffer.from(given);
    const b = Buffer.from(token);
    return a.length === b.length && (0,external_node_crypto_.timingSafeEqual)(a, b);
}
function createHttpServer(o) {
    const notFound = (res) => json(res, 404, { error: 'Not Found' });
    return (0,external_node_http_.createServer)((req, res) => {
        const url = new URL(req.url ?? '/', 'http://app');
        const path = url.pathname.replace(/\/+$/, '') || '/';
        if (path === o.webhookPath.replace(/\/+$/, '')) {
            if (Number(req.headers['content-length'] ?? 0) > MAX_BODY_BYTES) {
                res.setHeader('connection', 'close');
                res.on('finish', () => req.destroy());
                json(res, 413, { error: 'Payload too large' });
                return;
            }
            void Promise.resolve(o.webhooks(req, res, () => notFound(res))).catch(() => {
                if (!res.headersSent)
                    json(res, 500, { error: 'Internal error' });
            });
            return;
        }
        if (req.method !== 'GET' && req.method !== 'HEAD')
            return notFound(res);
        if (path === '/healthz') {
            const state = o.health();
            return json(res, state === 'ready' ? 200 : 503, { status: state });
        }
        if (path === '/status') {
            const allowed = o.statusToken ? bearerMatches(req, o.statusToken) : isLoopback(req);
            if (!allowed)
                return json(res, 401, {
                    error: o.statusToken
                        ? 'Send Authorization: Bearer <AETHR_STATUS_TOKEN>.'
                        : 'GET /status answers loopback clients only; set AETHR_STATUS_TOKEN to read it from elsewhere.',
                });
            const recent = Number(url.searchParams.get('recent'));
            return json(res, 200, o.status(recent > 0 ? Math.min(1000, Math.floor(recent)) : undefined));
        }
        return notFound(res);
    });
}

// EXTERNAL MODULE: ./node_modules/@octokit/webhooks/dist-bundle/index.js + 1 modules
var dist_bundle = __webpack_require__(5468);
// EXTERNAL MODULE: ./.build/src/github/carried-intent.js
var carried_intent = __webpack_require__(2176);
// EXTERNAL MODULE: ./.build/src/github/event-intent.js + 1 modules
var event_intent = __webpack_require__(9596);
// EXTERNAL MODULE: ./.build/src/github/payload-readers.js
var payload_readers = __webpack_require__(1804);
;// CONCATENATED MODULE: ./.build/src/app/run-key.js
function runKeyOf(intent) {
    const repo = intent.repository.fullName.toLowerCase();
    switch (intent.kind) {
        case 'review': {
            const { number, head } = intent.pullRequest;
            const subject = `${repo}#${number}`;
            return {
                subject,
                repo,
                number,
                headSha: head.sha,
                kind: 'review',
                automatic: true,
                dedupeKey: `${subject}@${head.sha}:review`,
            };
        }
        case 'command': {
            const subject = `${repo}#${intent.pullRequestNumber}`;
            return {
                subject,
                repo,
                number: intent.pullRequestNumber,
                kind: `command:${intent.command.kind}`,
                automatic: false,
                dedupeKey: `${subject}:comment:${intent.comment.id}`,
            };
        }
        case 'label': {
            const subject = `${repo}#${intent.issue.number}`;
            const headSha = intent.pullRequest?.head.sha;
            return {
                subject,
                repo,
                number: intent.issue.number,
                ...(headSha ? { headSha } : {}),
                kind: `label:${intent.target}`,
                automatic: false,
                dedupeKey: `${subject}${headSha ? `@${headSha}` : ''}:label:${intent.label.toLowerCase()}`,
            };
        }
    }
}

;// CONCATENATED MODULE: ./.build/src/app/receive-event.js





/** How soon accepted deliveries are filed as runs (in one batch: cheaper than one by one). */
const FILE_AFTER_MS = 10;
function createIntake(deps) {
    let timer;
    const fileNow = () => {
        if (timer)
            clearTimeout(timer);
        timer = undefined;
        const filed = deps.queue.absorb();
        if (filed.length === 0)
            return;
        // One line per batch (every delivery id and PR in it): a burst costs one log write, not 25.
        const counts = {};
        for (const { result } of filed)
            counts[result.status] = (counts[result.status] ?? 0) + 1;
        deps.log.info({
            runs: filed.map(({ run, result }) => ({
                delivery: run.delivery,
                pr: run.key.subject,
                kind: run.key.kind,
                ...(run.key.headSha ? { head: run.key.headSha.slice(0, 7) } : {}),
                run: result.id,
                status: result.status,
            })),
        }, `Filed ${filed.length} deliver${filed.length === 1 ? 'y' : 'ies'}: ${Object.entries(counts)
            .map(([status, n]) => `${n} ${status}`)
            .join(', ')}.`);
        if (filed.length)
            deps.queued();
    };
    return {
        fileNow,
        async receive(event) {
            const intent = (0,event_intent/* normaliseEvent */.zO)({ name: event.name, payload: event.payload }, deps.options);
            if (!(0,carried_intent/* isCarriable */.KE)(intent)) {
                deps.ignored.count++;
                const reason = intent.kind === 'ignore' ? intent.reason : `${intent.event} is not handled by the App`;
                deps.log.debug({ delivery: event.id, event: event.name }, `Nothing to do: ${reason}`);
                return 'ignored';
            }
            const payload = event.payload;
            // Apps' deliveries name the installation (the Action's events do not, hence no typed field).
            const installation = (0,payload_readers/* isFields */.Ce)(payload) ? payload['installation'] : undefined;
            const installationId = (0,payload_readers/* isFields */.Ce)(installation) ? installation['id'] : undefined;
            const cloneUrl = (0,payload_readers/* text */.Qq)((0,payload_readers/* field */.ZZ)((0,payload_readers/* field */.ZZ)(payload, 'repository'), 'clone_url'));
            await deps.queue.accept({
                delivery: event.id,
                key: runKeyOf(intent),
                event: event.name,
                ...(typeof installationId === 'number' ? { installationId } : {}),
                ...(cloneUrl ? { cloneUrl } : {}),
                intent: JSON.stringify(intent),
            });
            timer ??= setTimeout(fileNow, FILE_AFTER_MS);
            return 'accepted';
        },
    };
}
/**
 * The webhook route: @octokit/webhooks (Probot's own verifier) checks the signature before it
 * parses the body and answers a bad or missing one with 400; verified deliveries go to the
 * intake. Probot's per-delivery context (an Octokit per event) is left out: the acknowledgement
 * path never calls GitHub, and each run makes its own installation client.
 */
function createWebhookRoute(o) {
    const webhooks = new dist_bundle/* Webhooks */.zo({ secret: o.secret });
    webhooks.onAny(async (event) => {
        await o.intake.receive({ id: event.id, name: event.name, payload: event.payload });
    });
    webhooks.onError((error) => {
        o.log.warn({ delivery: error.event?.id }, error.message);
    });
    const log = {
        debug: (m) => o.log.debug(m),
        info: (m) => o.log.info(m),
        warn: (m) => o.log.warn(m),
        error: (m) => o.log.warn({ err: m }, 'webhook delivery refused'),
    };
    return (0,dist_bundle/* createNodeMiddleware */.Pb)(webhooks, { path: o.path, log });
}

// EXTERNAL MODULE: ./.build/src/github/octokit-forge.js + 2 modules
var octokit_forge = __webpack_require__(3517);
// EXTERNAL MODULE: ./.build/src/github/authorize.js
var authorize = __webpack_require__(6820);
// EXTERNAL MODULE: ./.build/src/github/dispatch-intent.js + 18 modules
var dispatch_intent = __webpack_require__(4503);
// EXTERNAL MODULE: ./.build/src/github/github-publishers.js + 3 modules
var github_publishers = __webpack_require__(759);
// EXTERNAL MODULE: ./.build/src/github/publisher.js
var github_publisher = __webpack_require__(9643);
// EXTERNAL MODULE: ./.build/src/github/run-outcome.js
var run_outcome = __webpack_require__(4471);
;// CONCATENATED MODULE: ./.build/src/app/run-dispatch.js
/**
 * Dispatch mode: the App stays a thin router. It authorises the actor (the same check as the
 * Action, failing closed), answers a denied request as the Action would, and hands the work to
 * GitHub Actions in the repository: a `repository_dispatch` of type `aethr`, or a
 * `workflow_dispatch` of the configured workflow, carrying the intent (carried-intent.ts). No
 * clone, no model call.
 */









async function dispatchRun(ctx) {
    const { intent, forge, deps, run } = ctx;
    const { config } = deps;
    const { minimumPermission, allowedActors } = config.run;
    let auth;
    try {
        auth = await (0,authorize/* authorizeActor */.jN)(forge, intent.actor, minimumPermission, allowedActors);
    }
    catch (error) {
        // Whose permission could not be checked gets nothing sent and nothing written.
        if (error instanceof authorize/* PermissionCheckFailed */.X8)
            return { state: 'failed', outcome: 'failed:unverified', note: error.message };
        throw error;
    }
    if (!auth.allowed) {
        const settings = appDoorSettings(config, ctx.identity, {
            id: run.id,
            repo: intent.repository.fullName,
            token: '',
        });
        const log = runLogOf(ctx.log);
        const denial = { level: auth.level, minimum: minimumPermission };
        await (0,github_publisher/* composePublishers */.Y)((0,github_publishers/* githubPublishers */.H)(forge, log, settings), log).finish((0,run_outcome/* skipped */.hT)((0,run_outcome/* newTally */.l4)(), (0,dispatch_intent/* requestOf */.y)(intent), 'denied', auth.reason, denial));
        return { state: 'done', outcome: 'skipped:denied', note: auth.reason };
    }
    const carried = (0,carried_intent/* carryIntent */.u9)(intent, run.delivery);
    const { owner, repo } = intent.repository;
    // Sent once: a lost answer is retried by the scheduler, and the Action's run of a duplicate
    // finds the comments and review it already made (it only spends again).
    const once = { retries: 0 };
    try {
        if (config.dispatchWorkflow) {
            await ctx.client.octokit.request('POST /repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches', {
                owner,
                repo,
                workflow_id: config.dispatchWorkflow,
                ref: intent.repository.defaultBranch ?? 'main',
                inputs: { [carried_intent/* CARRIED_INPUT */.m1]: JSON.stringify(carried) },
                request: once,
            });
        }
        else {
            await ctx.client.octokit.request('POST /repos/{owner}/{repo}/dispatches', {
                owner,
                repo,
                event_type: carried_intent/* DISPATCH_EVENT_TYPE */.X3,
                client_payload: carried,
                request: once,
            });
        }
    }
    catch (error) {
        const status = error.status ?? 0;
        if (status < 400 || status >= 500)
            throw error;
        const what = config.dispatchWorkflow
            ? `the workflow_dispatch of ${config.dispatchWorkflow} (is it on the default branch, with an "${carried_intent/* CARRIED_INPUT */.m1}" input, and does the App have actions: write?)`
            : 'the repository_dispatch (does the App have contents: write?)';
        ctx.log.warn(`GitHub refused ${what}: ${oneLine(error)}`);
        return { state: 'failed', outcome: 'failed:dispatch', note: `GitHub refused ${what}` };
    }
    const how = config.dispatchWorkflow ? 'workflow_dispatch' : 'repository_dispatch';
    ctx.log.info(`Dispatched ${run.kind} of ${run.subject} by ${intent.actor} (${how}).`);
    return { state: 'done', outcome: `dispatched:${how}` };
}

// EXTERNAL MODULE: ./.build/src/git/workspace.js + 2 modules
var git_workspace = __webpack_require__(4257);
;// CONCATENATED MODULE: ./.build/src/app/run-journal.js
/** The Forge with each check run this attempt creates or completes recorded in the queue. */
function journalForge(forge, queue, run) {
    return {
        ...forge,
        async createCheckRun(checkRun) {
            const made = await forge.createCheckRun(checkRun);
            queue.recordCheckRun(run.id, made.id, run.attempts);
            return made;
        },
        async updateCheckRun(id, update) {
            await forge.updateCheckRun(id, update);
            if (update.conclusion)
                queue.closeCheckRun(run.id, id);
        },
    };
}
/** First of the run's publishers: records the subject before anything is written on GitHub. */
function journalPublisher(queue, run) {
    return {
        name: 'app journal',
        async start(subject) {
            queue.recordSubject(run.id, JSON.stringify(subject));
        },
        async finish() { },
    };
}
/** Check runs an earlier attempt left `in_progress` (it died): completed as cancelled. */
async function closeEarlierCheckRuns(forge, queue, run, log) {
    for (const id of queue.openCheckRuns(run.id)) {
        await forge.updateCheckRun(id, {
            conclusion: 'cancelled',
            output: {
                title: 'Interrupted',
                summary: 'The aethr App stopped while this run was working. The run was taken up again (or abandoned with a note on the pull request); its own check run carries the verdict.',
            },
        });
        queue.closeCheckRun(run.id, id);
        log(`Completed check run ${id}, left in progress by attempt ${run.attempts - 1}, as cancelled.`);
    }
}

;// CONCATENATED MODULE: ./.build/src/app/run-here.js
/**
 * Run mode: the intent runs in this process, on the same engine and handlers as the Action — a
 * fresh clone as the workspace (the installation token only in an http extraheader of aethr's
 * own git commands), the GitHub publishers, the App's bot as author. The clone is removed after.
 */










async function settingsOf(ctx) {
    const token = await ctx.client.token();
    const author = await botIdentity(ctx.client, ctx.identity, ctx.deps.botIds);
    return {
        token,
        settings: appDoorSettings(ctx.deps.config, ctx.identity, {
            id: ctx.run.id,
            repo: ctx.intent.repository.fullName,
            token,
            author,
        }),
    };
}
async function runHere(ctx) {
    const { run, intent, forge, deps } = ctx;
    const { token, settings } = await settingsOf(ctx);
    const log = runLogOf(ctx.log);
    const serverUrl = deps.config.serverUrl;
    const workspace = await (0,git_workspace/* createCloneWorkspace */.Nh)({
        cloneUrl: run.cloneUrl ?? `${serverUrl}/${intent.repository.fullName}.git`,
        auth: { token, serverUrl },
    });
    try {
        const prepared = preparedOnce(workspace);
        // A same-repository review reads `.aethr.yaml` from the PR head, as the Action reads it from
        // its checkout: a fresh clone has no tree until the PR is fetched.
        if (intent.kind === 'review' && intent.workflowFrom === 'head' && !intent.pullRequest.isFork)
            await prepared.preparePull(intent.pullRequest);
        const outcome = await (0,dispatch_intent/* dispatchIntent */.f)(intent, settings, {
            forge,
            workspace: prepared,
            log,
            publishers: (filtered) => [
                journalPublisher(deps.queue, run),
                ...(0,github_publishers/* githubPublishers */.H)(filtered.forge, filtered.log, settings),
            ],
        });
        return resultOf(outcome);
    }
    finally {
        await workspace
            .dispose()
            .catch((e) => ctx.log.warn(`Could not remove the clone: ${(0,errors/* toError */.i)(e).message}`));
    }
}
/** The workspace with `preparePull` done once per head (the door may prepare before the run). */
function preparedOnce(workspace) {
    const done = new Map();
    return {
        ...workspace,
        root: workspace.root,
        kind: workspace.kind,
        preparePull(pr) {
            const key = `${pr.number}@${pr.head.sha}`;
            let diff = done.get(key);
            if (!diff) {
                diff = workspace.preparePull(pr);
                done.set(key, diff);
                diff.catch(() => done.delete(key));
            }
            return diff;
        },
    };
}
function resultOf(outcome) {
    switch (outcome.kind) {
        case 'finished':
            return { state: 'done', outcome: `finished:${outcome.status ?? 'done'}` };
        case 'skipped':
            return { state: 'done', outcome: `skipped:${outcome.reason}`, note: outcome.message };
        case 'failed':
            return {
                state: 'failed',
                outcome: `failed:${outcome.cause}`,
                note: outcome.message.split('\n')[0].slice(0, 500),
            };
    }
}
/**
 * A run out of attempts ends like a failed run, through the same publishers: the sticky summary
 * and a check run say aethr gave up and why, and whoever asked gets a reply. A review that died
 * before it posted anything gets a plain comment instead.
 */
async function abandonRun(ctx) {
    const { run, intent, forge } = ctx;
    const { settings } = await settingsOf(ctx);
    const log = runLogOf(ctx.log);
    const publisher = (0,github_publisher/* composePublishers */.Y)((0,github_publishers/* githubPublishers */.H)(forge, log, settings), log);
    const subject = run.subjectJson ? JSON.parse(run.subjectJson) : undefined;
    const request = (0,dispatch_intent/* requestOf */.y)(intent);
    const reason = new errors/* AethrError */.j(`aethr gave up on this run: ${run.note ?? 'it kept failing'}.`, {
        hint: 'Nothing more will be tried for this request. Push a new commit, or comment `/aethr review`, to run it again.',
    });
    if (subject)
        await publisher.start(subject);
    await publisher.finish((0,run_outcome/* failed */.gz)((0,run_outcome/* newTally */.l4)(), request, reason, settings.secrets, subject));
    if (!subject && request.trigger === 'event' && request.pullNumber !== undefined) {
        const head = run.headSha ? ` of ${run.headSha.slice(0, 7)}` : '';
        await forge.createIssueComment(request.pullNumber, `aethr could not finish the review${head}: ${reason.message}\n\n${reason.hint}`);
    }
    return { state: 'abandoned', outcome: 'abandoned', note: run.note ?? undefined };
}

;// CONCATENATED MODULE: ./.build/src/app/run-attempt.js





function createExecutor(deps) {
    return async (run) => {
        const intent = JSON.parse(run.intent);
        const log = deps.logger.child({
            run: run.id,
            delivery: run.delivery,
            pr: run.subject,
            attempt: run.attempts,
        });
        const { owner, repo } = intent.repository;
        let installationId;
        try {
            installationId = await deps.github.installationId(owner, repo);
        }
        catch (error) {
            if (error instanceof NotInstalled)
                return { state: 'failed', outcome: 'failed:not-installed', note: error.message };
            throw error;
        }
        const client = await deps.github.client(installationId);
        const forge = journalForge((0,octokit_forge.createOctokitForge)({ octokit: client.octokit, owner, repo, log: (m) => log.info(m) }), deps.queue, run);
        await closeEarlierCheckRuns(forge, deps.queue, run, (m) => log.info(m));
        const identity = await deps.github.identity();
        const ctx = { run, intent, client, forge, identity, log, deps };
        if (run.abandon)
            return abandonRun(ctx);
        const fresh = await giveWayToNewerHead(ctx);
        if ('state' in fresh)
            return fresh;
        const ready = { ...ctx, intent: fresh };
        return deps.config.mode === 'dispatch' ? dispatchRun(ready) : runHere(ready);
    };
}
/**
 * An automatic review works on the PR as it is now: a closed PR is skipped, and when the head
 * moved on the run gives way (the review of the current head runs instead).
 */
async function giveWayToNewerHead(ctx) {
    const { run, intent } = ctx;
    if (!run.automatic || intent.kind !== 'review')
        return intent;
    const pull = await ctx.forge.getPull(intent.pullRequest.number);
    if (pull.state !== 'open')
        return { state: 'done', outcome: 'skipped:closed', note: `#${pull.number} is ${pull.state}` };
    if (pull.head.sha === intent.pullRequest.head.sha)
        return { ...intent, pullRequest: pull };
    const revived = ctx.deps.queue.reviveCurrentHead(run, pull.head.sha);
    ctx.log.info(`#${pull.number} moved on to ${pull.head.sha.slice(0, 7)}; this review of ${intent.pullRequest.head.sha.slice(0, 7)} gives way${revived ? ' to its run' : ''}.`);
    return {
        state: 'superseded',
        outcome: 'superseded',
        note: `the pull request moved on to ${pull.head.sha}`,
    };
}

// EXTERNAL MODULE: external "node:sqlite"
var external_node_sqlite_ = __webpack_require__(99);
;// CONCATENATED MODULE: ./.build/src/app/queue-db.js
/**
 * The queue's SQLite file (Node's built-in `node:sqlite`): its schema, how a run row reads, and
 * the connection settings the queue's promises rest on.
 *
 * - `locking_mode=EXCLUSIVE`: the process holds the database's lock while it runs, so a second
 *   app on the same folder fails at start, and the OS releases the lock when the process dies.
 * - WAL with `synchronous=NORMAL`: a commit survives the process being killed (it is in the OS
 *   before the call returns); only a power loss may take the last commits. Checkpoints are rare
 *   (every 20,000 pages), so a burst of deliveries does not stall on them.
 * - Deliveries land in `intents` (append-only, the intent's text written once); `runs` rows are
 *   small and point at them.
 */


const RUN_STATES = [
    'queued',
    'running',
    'done',
    'failed',
    'superseded',
    'abandoned',
];
class QueueLocked extends errors/* AethrError */.j {
    name = 'QueueLocked';
}
const SCHEMA = `
CREATE TABLE IF NOT EXISTS intents (
  id INTEGER PRIMARY KEY,
  run TEXT NOT NULL,
  intent TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS filed (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  through INTEGER NOT NULL
);
INSERT OR IGNORE INTO filed (id, through) VALUES (1, 0);
CREATE TABLE IF NOT EXISTS runs (
  id INTEGER PRIMARY KEY,
  intent_id INTEGER NOT NULL,
  delivery TEXT NOT NULL UNIQUE,
  dedupe_key TEXT NOT NULL UNIQUE,
  subject TEXT NOT NULL,
  repo TEXT NOT NULL,
  number INTEGER NOT NULL,
  head_sha TEXT,
  kind TEXT NOT NULL,
  automatic INTEGER NOT NULL,
  event TEXT NOT NULL,
  installation_id INTEGER,
  clone_url TEXT,
  state TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  abandon INTEGER NOT NULL DEFAULT 0,
  not_before INTEGER NOT NULL DEFAULT 0,
  note TEXT,
  outcome TEXT,
  subject_json TEXT,
  queued_at INTEGER NOT NULL,
  started_at INTEGER,
  finished_at INTEGER
);
CREATE INDEX IF NOT EXISTS runs_by_state ON runs (state, not_before, id);
CREATE INDEX IF NOT EXISTS runs_by_subject ON runs (subject, state);
CREATE TABLE IF NOT EXISTS check_runs (
  run_id INTEGER NOT NULL,
  check_run_id INTEGER NOT NULL,
  attempt INTEGER NOT NULL,
  closed INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (run_id, check_run_id)
);
PRAGMA user_version = 1;
`;
/** Selects whole runs, their intent's text included. */
const SELECT_RUN = 'SELECT runs.*, intents.intent AS intent FROM runs JOIN intents ON intents.id = runs.intent_id';
function toRun(row) {
    const num = (v) => v === null || v === undefined ? null : Number(v);
    const str = (v) => v === null || v === undefined ? null : String(v);
    return {
        id: Number(row.id),
        delivery: String(row.delivery),
        subject: String(row.subject),
        repo: String(row.repo),
        number: Number(row.number),
        headSha: str(row.head_sha),
        kind: String(row.kind),
        automatic: Number(row.automatic) === 1,
        event: String(row.event),
        installationId: num(row.installation_id),
        cloneUrl: str(row.clone_url),
        intent: String(row.intent),
        state: String(row.state),
        attempts: Number(row.attempts),
        abandon: Number(row.abandon) === 1,
        note: str(row.note),
        outcome: str(row.outcome),
        subjectJson: str(row.subject_json),
        queuedAt: Number(row.queued_at),
        startedAt: num(row.started_at),
        finishedAt: num(row.finished_at),
    };
}
/** One connection with prepared statements kept (the acknowledgement path runs a handful). */
class QueueDb {
    path;
    db;
    statements = new Map();
    constructor(path) {
        this.path = path;
        try {
            this.db = new external_node_sqlite_.DatabaseSync(path);
            this.db.exec('PRAGMA busy_timeout = 0');
            this.db.exec('PRAGMA locking_mode = EXCLUSIVE');
            this.db.exec('PRAGMA journal_mode = WAL');
            this.db.exec('PRAGMA synchronous = NORMAL');
            this.db.exec('PRAGMA wal_autocheckpoint = 20000');
            // Takes the lock now (a write), so a second app fails here and not on its first delivery.
            this.transaction(() => this.db.exec(SCHEMA));
        }
        catch (error) {
            if (error.errcode === 5)
                throw new QueueLocked(`AETHR_DATA_DIR: ${path} is in use by another aethr app process; give each app its own folder.`);
            throw error;
        }
    }
    sql(text) {
        let statement = this.statements.get(text);
        if (!statement) {
            statement = this.db.prepare(text);
            this.statements.set(text, statement);
        }
        return statement;
    }
    run(text, ...params) {
        const row = this.sql(text).get(...params);
        return row ? toRun(row) : undefined;
    }
    runs(text, ...params) {
        return this.sql(text).all(...params).map(toRun);
    }
    transaction(fn) {
        this.db.exec('BEGIN IMMEDIATE');
        try {
            const result = fn();
            this.db.exec('COMMIT');
            return result;
        }
        catch (error) {
            this.db.exec('ROLLBACK');
            throw error;
        }
    }
    close() {
        this.statements.clear();
        this.db.close();
    }
}

;// CONCATENATED MODULE: ./.build/src/app/run-queue.js
/**
 * The App's durable queue: one SQLite file in AETHR_DATA_DIR (see queue-db.ts). A delivery is
 * acknowledged only once it is committed here (`accept`; filed as a run moments later by
 * `absorb`), and every state change is one transaction, so a crash at any moment leaves each
 * run accepted, queued, running (an orphan, taken up again at the next start) or finished —
 * never lost, never twice.
 *
 * Rules (the scheduler relies on them):
 * - the same delivery id, or the same dedupe key (PR, head, intent, comment), is filed once;
 * - a newer automatic review of a PR supersedes its queued older ones (arrival order); when the
 *   run starts and the PR head is another, the run of that head wins (`reviveCurrentHead`);
 * - `claimNext` never hands out a run whose subject (PR) already has one running.
 */




/** Attempts at posting the note that abandons a run, past its own attempts. */
const ABANDON_ATTEMPTS = 2;
class RunQueue {
    db;
    now;
    pending = [];
    constructor(db, now = Date.now) {
        this.db = db;
        this.now = now;
    }
    /** Opens (creating) the queue in `dir`. */
    static open(dir) {
        (0,external_node_fs_.mkdirSync)(dir, { recursive: true });
        return new RunQueue(new QueueDb((0,external_node_path_.join)(dir, 'aethr-app.sqlite')));
    }
    close() {
        this.db.close();
    }
    get(id) {
        return this.db.run(`${SELECT_RUN} WHERE runs.id = ?`, id);
    }
    /** Accepts and files one run at once (tests, tools); the App uses `accept` and `absorb`. */
    enqueue(run) {
        return this.db.transaction(() => {
            this.insertIntent(run);
            return this.fileAccepted().at(-1).result;
        });
    }
    /**
     * The acknowledgement path's write: one append to `intents`, with group commit — deliveries
     * that arrive together share one transaction, committed before any of them is answered.
     */
    accept(run) {
        return new Promise((resolve, reject) => {
            this.pending.push({ run, resolve, reject });
            if (this.pending.length === 1)
                setImmediate(() => this.flushPending());
        });
    }
    flushPending() {
        const batch = this.pending.splice(0);
        try {
            this.db.transaction(() => {
                for (const p of batch)
                    this.insertIntent(p.run);
            });
        }
        catch (error) {
            for (const p of batch)
                p.reject(error);
            return;
        }
        for (const p of batch)
            p.resolve();
    }
    insertIntent(run) {
        const { intent, ...fields } = run;
        const r = this.db
            .sql('INSERT INTO intents (run, intent) VALUES (?, ?)')
            .run(JSON.stringify(fields), intent);
        return Number(r.lastInsertRowid);
    }
    /** Files every accepted delivery as a run (dedupe, supersede), in one transaction, in order. */
    absorb() {
        return this.db.transaction(() => this.fileAccepted());
    }
    fileAccepted() {
        const rows = this.db
            .sql('SELECT id, run FROM intents WHERE id > (SELECT through FROM filed) ORDER BY id')
            .all();
        if (rows.length === 0)
            return [];
        const filed = rows.map((row) => {
            const run = JSON.parse(row.run);
            return { run, result: this.file(Number(row.id), run) };
        });
        this.db.sql('UPDATE filed SET through = ?').run(rows.at(-1).id);
        return filed;
    }
    file(intentId, run) {
        const { key } = run;
        // A redelivery carries the same key as well: one lookup tells both apart.
        const same = this.db
            .sql('SELECT id, delivery, state FROM runs WHERE dedupe_key = ?')
            .get(key.dedupeKey);
        if (same?.delivery === run.delivery)
            return { status: 'duplicate-delivery', id: same.id };
        if (same && same.state !== 'superseded')
            return { status: 'duplicate', id: same.id };
        if (same) {
            const superseded = key.automatic ? this.supersedeQueued(key.subject, key.dedupeKey) : 0;
            this.revive(same.id, `asked again by delivery ${run.delivery}`);
            return { status: 'revived', id: same.id, superseded };
        }
        const inserted = this.db
            .sql(`INSERT INTO runs (intent_id, delivery, dedupe_key, subject, repo, number, head_sha, kind,
           automatic, event, installation_id, clone_url, state, queued_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'queued', ?)
         ON CONFLICT (delivery) DO NOTHING`)
            .run(intentId, run.delivery, key.dedupeKey, key.subject, key.repo, key.number, key.headSha ?? null, key.kind, key.automatic ? 1 : 0, run.event, run.installationId ?? null, run.cloneUrl ?? null, this.now());
        if (Number(inserted.changes) === 0) {
            const earlier = this.db.sql('SELECT id FROM runs WHERE delivery = ?').get(run.delivery);
            return { status: 'duplicate-delivery', id: earlier.id };
        }
        const superseded = key.automatic ? this.supersedeQueued(key.subject, key.dedupeKey) : 0;
        return { status: 'queued', id: Number(inserted.lastInsertRowid), superseded };
    }
    /** Queued automatic reviews of `subject` other than `keep` give way to a newer push. */
    supersedeQueued(subject, keep) {
        const r = this.db
            .sql(`UPDATE runs SET state = 'superseded', finished_at = ?, note = 'a newer push of the pull request arrived'
         WHERE subject = ? AND automatic = 1 AND state = 'queued' AND dedupe_key != ?`)
            .run(this.now(), subject, keep);
        return Number(r.changes);
    }
    revive(id, note) {
        this.db
            .sql(`UPDATE runs SET state = 'queued', finished_at = NULL, not_before = 0, note = ? WHERE id = ?`)
            .run(note, id);
    }
    /** The oldest queued run that may start now and whose subject has nothing running, claimed. */
    claimNext() {
        // One connection, synchronous calls: nothing runs between the SELECT and the UPDATE, so the
        // common answer ("nothing to start") costs one read and no write transaction.
        const now = this.now();
        const next = this.db
            .sql(`SELECT id FROM runs r WHERE state = 'queued' AND not_before <= ?
           AND NOT EXISTS (SELECT 1 FROM runs o WHERE o.subject = r.subject AND o.state = 'running')
         ORDER BY id LIMIT 1`)
            .get(now);
        if (!next)
            return undefined;
        this.db
            .sql(`UPDATE runs SET state = 'running', attempts = attempts + 1, started_at = ? WHERE id = ?`)
            .run(now, next.id);
        return this.get(next.id);
    }
    /** When the next queued run may start (for a timer), or undefined when none waits. */
    nextWakeAt() {
        const row = this.db
            .sql(`SELECT MIN(not_before) AS at FROM runs WHERE state = 'queued'`)
            .get();
        return row?.at ?? undefined;
    }
    finish(id, state, outcome, note) {
        this.db
            .sql(`UPDATE runs SET state = ?, outcome = ?, note = COALESCE(?, note), finished_at = ? WHERE id = ?`)
            .run(state, outcome, note ?? null, this.now(), id);
    }
    /** Back to the queue after a failed attempt, not before `delayMs`. */
    retryLater(id, note, delayMs) {
        this.db
            .sql(`UPDATE runs SET state = 'queued', note = ?, not_before = ? WHERE id = ?`)
            .run(note, this.now() + delayMs, id);
    }
    /** The attempt will not be made after all (the run was cut off by a shutdown). */
    requeueInterrupted(id) {
        this.db
            .sql(`UPDATE runs SET state = 'queued', attempts = MAX(attempts - 1, 0), note = 'interrupted by a shutdown'
         WHERE id = ? AND state = 'running'`)
            .run(id);
    }
    /** No more attempts: the next claim posts the note saying so, then the run is `abandoned`. */
    markForAbandon(id, note) {
        this.db
            .sql(`UPDATE runs SET state = 'queued', abandon = 1, note = ?, not_before = 0 WHERE id = ?`)
            .run(note, id);
    }
    /**
     * The run's PR head is `currentHead`, not the one it was queued for, so it gives way (the caller
     * finishes it as superseded): the automatic review of `currentHead`, if an older push that
     * arrived late superseded it, is queued again. Returns whether such a run exists.
     */
    reviveCurrentHead(run, currentHead) {
        return this.db.transaction(() => {
            const winner = this.db
                .sql(`SELECT id, state FROM runs WHERE subject = ? AND automatic = 1 AND head_sha = ? AND id != ?`)
                .get(run.subject, currentHead, run.id);
            if (winner?.state === 'superseded')
                this.revive(winner.id, 'its head is the current one');
            return winner !== undefined;
        });
    }
    /**
     * Runs a dead process left `running` (this process holds the lock, so every one is an orphan):
     * taken up again while attempts remain, else marked to be abandoned with a note.
     */
    reclaimOrphans(maxAttempts) {
        return this.db.transaction(() => {
            const orphans = this.db.runs(`${SELECT_RUN} WHERE runs.state = 'running' ORDER BY runs.id`);
            const retried = [];
            const abandoned = [];
            for (const run of orphans) {
                if (run.abandon && run.attempts >= maxAttempts + ABANDON_ATTEMPTS) {
                    // Even posting the note kept killing the app: give up without it.
                    this.finish(run.id, 'abandoned', 'abandoned', 'the app stopped while posting the note');
                    abandoned.push(run);
                }
                else if (run.abandon || run.attempts < maxAttempts) {
                    this.revive(run.id, `taken up again after the app stopped during attempt ${run.attempts}`);
                    retried.push(run);
                }
                else {
                    this.markForAbandon(run.id, `the app stopped during each of its ${run.attempts} attempt(s)`);
                    abandoned.push(run);
                }
            }
            return { retried, abandoned };
        });
    }
    recordSubject(id, subjectJson) {
        this.db.sql(`UPDATE runs SET subject_json = ? WHERE id = ?`).run(subjectJson, id);
    }
    recordCheckRun(runId, checkRunId, attempt) {
        this.db
            .sql(`INSERT OR IGNORE INTO check_runs (run_id, check_run_id, attempt) VALUES (?, ?, ?)`)
            .run(runId, checkRunId, attempt);
    }
    closeCheckRun(runId, checkRunId) {
        this.db
            .sql(`UPDATE check_runs SET closed = 1 WHERE run_id = ? AND check_run_id = ?`)
            .run(runId, checkRunId);
    }
    /** Check runs the run created and did not complete (asked as an attempt starts: earlier ones'). */
    openCheckRuns(runId) {
        return this.db
            .sql(`SELECT check_run_id FROM check_runs WHERE run_id = ? AND closed = 0`)
            .all(runId).map((r) => Number(r.check_run_id));
    }
    /** Runs per state; deliveries accepted and not yet filed count as queued. */
    counts() {
        const out = Object.fromEntries(RUN_STATES.map((s) => [s, 0]));
        const unfiled = this.db
            .sql('SELECT COUNT(*) AS n FROM intents WHERE id > (SELECT through FROM filed)')
            .get();
        out.queued = Number(unfiled.n);
        const rows = this.db
            .sql(`SELECT state, COUNT(*) AS n FROM runs GROUP BY state`)
            .all();
        for (const r of rows)
            out[r.state] += Number(r.n);
        return out;
    }
    recent(limit) {
        return this.db.runs(`${SELECT_RUN} ORDER BY runs.id DESC LIMIT ?`, limit);
    }
    /** Forgets finished runs older than `ageMs` (their keys no longer dedupe), and their intents. */
    prune(ageMs) {
        return this.db.transaction(() => {
            const r = this.db
                .sql(`DELETE FROM runs WHERE state NOT IN ('queued', 'running') AND finished_at < ?`)
                .run(this.now() - ageMs);
            this.db.sql(`DELETE FROM check_runs WHERE run_id NOT IN (SELECT id FROM runs)`).run();
            this.db
                .sql(`DELETE FROM intents WHERE id <= (SELECT through FROM filed)
             AND id NOT IN (SELECT intent_id FROM runs)`)
                .run();
            return Number(r.changes);
        });
    }
}

;// CONCATENATED MODULE: ./.build/src/app/scheduler.js
/**
 * The bounded pool over the queue (after aetherflow's daemon: a pool of slots, crash retries,
 * drain): at most `poolSize` runs at once and never two of one PR (the queue's `claimNext`), a
 * run whose attempt throws is retried later until it runs out of attempts, and `drain` stops
 * taking work and waits for the running runs up to a deadline.
 */

class Scheduler {
    o;
    active = new Map();
    draining = false;
    /** Set by `close`: attempts still going record nothing. */
    closed = false;
    timer;
    constructor(o) {
        this.o = o;
    }
    /** Runs now working. */
    get running() {
        return [...this.active.keys()];
    }
    get isDraining() {
        return this.draining;
    }
    /** Starts whatever may start now; call after an enqueue. */
    kick() {
        // A full pool is kicked again as each run ends.
        if (this.draining || this.active.size >= this.o.poolSize)
            return;
        while (this.active.size < this.o.poolSize) {
            const run = this.o.queue.claimNext();
            if (!run)
                break;
            this.startAttempt(run);
        }
        this.armTimer();
    }
    /** Wakes up when the earliest delayed retry may start. */
    armTimer() {
        if (this.timer)
            clearTimeout(this.timer);
        this.timer = undefined;
        if (this.draining)
            return;
        const at = this.o.queue.nextWakeAt();
        if (at === undefined)
            return;
        const wait = Math.max(50, at - Date.now());
        this.timer = setTimeout(() => this.kick(), Math.min(wait, 60_000));
        this.timer.unref();
    }
    startAttempt(run) {
        this.o.events?.started?.(run);
        const work = this.attempt(run).finally(() => {
            this.active.delete(run.id);
            if (!this.closed)
                this.kick();
        });
        this.active.set(run.id, work);
    }
    async attempt(run) {
        const { queue, events } = this.o;
        try {
            const result = await this.o.execute(run);
            // Past the drain deadline the queue may be closed: the run was put back, nothing to record.
            if (this.closed)
                return;
            queue.finish(run.id, result.state, result.outcome, result.note);
            events?.ended?.(run, result);
        }
        catch (error) {
            if (this.closed)
                return;
            const first = (0,errors/* toError */.i)(error).message.split('\n')[0].slice(0, 500);
            const message = this.o.redact ? this.o.redact(first) : first;
            if (run.abandon) {
                // Even the note could not be posted; nothing more will be tried.
                queue.finish(run.id, 'abandoned', 'abandoned', `the note could not be posted: ${message}`);
                events?.ended?.(run, { abandon: message });
            }
            else if (run.attempts < this.o.maxAttempts) {
                const delay = (this.o.retryDelayMs ?? defaultRetryDelay)(run.attempts);
                queue.retryLater(run.id, `attempt ${run.attempts} failed: ${message}`, delay);
                events?.ended?.(run, { retry: message });
            }
            else {
                queue.markForAbandon(run.id, `all ${run.attempts} attempt(s) failed; the last: ${message}`);
                events?.ended?.(run, { abandon: message });
            }
        }
    }
    /**
     * Stops taking work and waits for running runs, at most `deadlineMs`. Returns the runs still
     * working at the deadline (the caller puts them back in the queue as it exits).
     */
    async drain(deadlineMs) {
        this.draining = true;
        if (this.timer)
            clearTimeout(this.timer);
        let timeout;
        const deadline = new Promise((done) => {
            timeout = setTimeout(done, deadlineMs);
        });
        await Promise.race([Promise.allSettled([...this.active.values()]), deadline]);
        clearTimeout(timeout);
        return this.running;
    }
    /** After `drain`: attempts still going (cut off by the deadline) no longer touch the queue. */
    close() {
        this.closed = true;
    }
}
function defaultRetryDelay(attempt) {
    return Math.min(2000 * 4 ** (attempt - 1), 300_000);
}

;// CONCATENATED MODULE: ./.build/src/app/main.js











const RECENT_RUNS = 50;
const RETENTION_MS = 30 * 24 * 3600_000;
async function startApp(env) {
    const config = parseAppConfig(env);
    const secrets = new SecretSet([
        config.privateKey,
        config.webhookSecret,
        config.statusToken,
        ...(0,outbound_filter/* collectSecrets */.qb)(config.modelEnv),
    ]);
    const logger = createAppLogger(config.logLevel, secrets);
    // The queue first: a folder another app holds fails before any network.
    const queue = RunQueue.open(config.dataDir);
    const probot = createProbot(config, logger);
    const github = new AppGitHub(probot, secrets);
    let identity;
    try {
        identity = await github.identity();
    }
    catch (error) {
        queue.close();
        throw error;
    }
    const pruned = queue.prune(RETENTION_MS);
    reclaimOrphans(queue, config, logger);
    const scheduler = new Scheduler({
        queue,
        poolSize: config.poolSize,
        maxAttempts: config.maxAttempts,
        execute: createExecutor({ config, github, queue, logger, secrets, botIds: new Map() }),
        redact: (text) => secrets.redact(text),
        events: {
            started: (run) => logger.info(runFields(run), `Run ${run.id} starts (attempt ${run.attempts}).`),
            ended: (run, result) => logger.info(runFields(run), `Run ${run.id} ended: ${JSON.stringify(result)}`),
        },
    });
    const ignored = { count: 0 };
    const intake = createIntake({
        queue,
        options: appIntentOptions(config, identity),
        log: logger,
        queued: () => scheduler.kick(),
        ignored,
    });
    // Deliveries a dead process accepted and had not filed yet.
    intake.fileNow();
    const webhooks = createWebhookRoute({
        secret: config.webhookSecret,
        path: config.webhookPath,
        intake,
        log: logger,
    });
    await warmUp();
    let health = 'starting';
    const startedAt = Date.now();
    const server = createHttpServer({
        webhookPath: config.webhookPath,
        webhooks,
        statusToken: config.statusToken,
        health: () => health,
        status: (recentCount = RECENT_RUNS) => ({
            app: identity.botLogin,
            mode: config.mode,
            state: health,
            startedAt: new Date(startedAt).toISOString(),
            pool: { size: config.poolSize, running: scheduler.running.length },
            ...queue.counts(),
            ignored: ignored.count,
            recent: queue.recent(recentCount).map(statusRow),
        }),
    });
    const port = await listen(server, config);
    health = 'ready';
    // Said whatever LOG_LEVEL is: where the app listens is what an operator (or a test) looks for.
    logger
        .child({}, { level: 'info' })
        .info({ port, host: config.host, mode: config.mode, app: identity.botLogin, pruned }, `aethr App ${identity.botLogin} listening on ${config.host}:${port} (${config.mode} mode).`);
    scheduler.kick();
    let stopping;
    return {
        config,
        get secrets() {
            return secrets.list();
        },
        port,
        stop(reason) {
            health = 'draining';
            stopping ??= drain(reason, { config, logger, scheduler, queue, server, intake });
            return stopping;
        },
    };
}
function reclaimOrphans(queue, config, logger) {
    const { retried, abandoned } = queue.reclaimOrphans(config.maxAttempts);
    for (const run of retried)
        logger.warn(runFields(run), `Taking up run ${run.id} again: the app stopped while it ran.`);
    for (const run of abandoned)
        logger.warn(runFields(run), `Abandoning run ${run.id}: ${run.attempts} attempt(s) died.`);
}
function listen(server, config) {
    return new Promise((resolve, reject) => {
        server.once('error', (error) => reject(error.code === 'EADDRINUSE'
            ? new Error(`PORT ${config.port} is already in use on ${config.host}; set PORT to a free port.`)
            : error));
        server.listen(config.port, config.host, () => resolve(server.address().port));
    });
}
/** Stops taking work, lets running runs finish up to the deadline, requeues the rest, closes. */
async function drain(reason, app) {
    const { config, logger, scheduler, queue, server, intake } = app;
    logger.info({ running: scheduler.running }, `${reason}: draining (up to ${config.drainTimeoutMs / 1000}s for ${scheduler.running.length} running run(s)).`);
    const left = await scheduler.drain(config.drainTimeoutMs);
    scheduler.close();
    for (const id of left)
        queue.requeueInterrupted(id);
    if (left.length)
        logger.warn({ runs: left }, `Put ${left.length} unfinished run(s) back in the queue.`);
    server.closeAllConnections();
    await new Promise((done) => server.close(() => done()));
    intake.fileNow();
    queue.close();
    logger.info('Stopped.');
}
/**
 * What the first run would load lazily — the tokenizers (megabytes of tables) and the model SDK —
 * loaded before the server listens, so a run starting never stalls the acknowledgements.
 */
async function warmUp() {
    const [o200k, cl100k] = await Promise.all([
        (0,tokens/* loadEncoder */.nA)('o200k_base'),
        (0,tokens/* loadEncoder */.nA)('cl100k_base'),
        __webpack_require__.e(/* import() */ 674).then(__webpack_require__.bind(__webpack_require__, 3674)),
    ]);
    o200k('warm up');
    cl100k('warm up');
}
function runFields(run) {
    return { run: run.id, delivery: run.delivery, pr: run.subject };
}
function statusRow(run) {
    const ms = (t) => (t === null ? null : new Date(t).toISOString());
    return {
        id: run.id,
        pr: run.subject,
        intent: run.kind,
        state: run.state,
        head: run.headSha,
        attempts: run.attempts,
        outcome: run.outcome,
        note: run.note,
        delivery: run.delivery,
        queuedAt: ms(run.queuedAt),
        startedAt: ms(run.startedAt),
        finishedAt: ms(run.finishedAt),
        durationMs: run.startedAt !== null && run.finishedAt !== null ? run.finishedAt - run.startedAt : null,
    };
}

;// CONCATENATED MODULE: ./.build/src/app/run-app.js
/**
 * Runs the App until SIGTERM or SIGINT, for `node dist/app/index.js` and `aethr app`: a bad
 * setting or a failed start is one line on stderr and exit code 1, never a stack trace.
 * Resolves with an exit code when the App could not start; otherwise the signal handler exits.
 */



async function runApp(env, err = (line) => process.stderr.write(`${line}\n`)) {
    let app;
    try {
        app = await startApp(env);
    }
    catch (error) {
        const message = error instanceof errors/* AethrError */.j ? error.message : (0,errors/* toError */.i)(error).message;
        const secrets = [env.PRIVATE_KEY, env.WEBHOOK_SECRET, env.AETHR_STATUS_TOKEN];
        err(`aethr app: ${(0,redact/* redactSecrets */.fp)(message.split('\n')[0], secrets)}`);
        return 1;
    }
    const running = app;
    // Runs catch their own errors; anything escaping leaves the process in an unknown state, so it
    // stops in one line and the next start takes its runs up again.
    const fatal = (error) => {
        err(`aethr app: stopping on an unexpected error: ${(0,redact/* redactSecrets */.fp)((0,errors/* toError */.i)(error).message.split('\n')[0], running.secrets)}`);
        process.exit(1);
    };
    process.on('uncaughtException', fatal);
    process.on('unhandledRejection', fatal);
    for (const signal of ['SIGTERM', 'SIGINT']) {
        process.once(signal, () => {
            void running.stop(signal).then(() => process.exit(0), (error) => {
                err(`aethr app: could not stop cleanly: ${(0,errors/* toError */.i)(error).message}`);
                process.exit(1);
            });
        });
    }
    return undefined;
}


/***/ }),

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
