export const id = 350;
export const ids = [350];
export const modules = {

/***/ 5350:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  DEFAULT_OPENCODE_TIMEOUT_MS: () => (/* reexport */ DEFAULT_OPENCODE_TIMEOUT_MS),
  DEFAULT_REQUEST_TIMEOUT_MS: () => (/* reexport */ DEFAULT_REQUEST_TIMEOUT_MS),
  EventCollector: () => (/* reexport */ EventCollector),
  INSTALL_HINT: () => (/* reexport */ INSTALL_HINT),
  OPENCODE_BIN_ENV: () => (/* reexport */ find_binary/* OPENCODE_BIN_ENV */.uz),
  OPENCODE_DISABLE_FLAGS: () => (/* reexport */ OPENCODE_DISABLE_FLAGS),
  OPENCODE_PROVIDER_ID: () => (/* reexport */ OPENCODE_PROVIDER_ID),
  OpencodeError: () => (/* reexport */ OpencodeError),
  UNREACHABLE_REGISTRY: () => (/* reexport */ UNREACHABLE_REGISTRY),
  buildOpencodeConfig: () => (/* reexport */ buildOpencodeConfig),
  changedPaths: () => (/* reexport */ tree_changes/* changedPaths */.vl),
  createOpencodeBackend: () => (/* reexport */ createOpencodeBackend),
  describeTreeChanges: () => (/* reexport */ tree_changes/* describeTreeChanges */.vL),
  failedTools: () => (/* reexport */ failedTools),
  findExecutable: () => (/* reexport */ find_binary/* findExecutable */.oq),
  isolationEnv: () => (/* reexport */ isolationEnv),
  opencodeCommand: () => (/* reexport */ find_binary/* opencodeCommand */.$z),
  opencodeConfigContent: () => (/* reexport */ opencodeConfigContent),
  opencodeEnv: () => (/* reexport */ opencodeEnv),
  opencodeModelId: () => (/* reexport */ opencodeModelId),
  opencodePrompt: () => (/* reexport */ opencodePrompt),
  opencodeRunArgs: () => (/* reexport */ opencodeRunArgs),
  parseEventLine: () => (/* reexport */ parseEventLine),
  readTreeState: () => (/* reexport */ tree_changes/* readTreeState */.U_),
  summarizeOutput: () => (/* reexport */ summarizeOutput)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./.build/src/sandbox/guard-run.js + 2 modules
var guard_run = __webpack_require__(819);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(7067);
;// CONCATENATED MODULE: ./.build/src/sandbox/proxy-wire.js
/** Request fields handed on to the provider as they are. */
const PASSED_FIELDS = [
    'tools',
    'tool_choice',
    'parallel_tool_calls',
    'temperature',
    'top_p',
    'stop',
    'response_format',
];
/** The text of an OpenAI message's content (string or parts), plus its tool calls, for counting. */
function messageText(message) {
    const content = message.content;
    let text = typeof content === 'string'
        ? content
        : Array.isArray(content)
            ? content
                .map((p) => p && typeof p === 'object' && typeof p.text === 'string'
                ? p.text
                : '')
                .join('')
            : '';
    if (Array.isArray(message.tool_calls))
        text += `\n${JSON.stringify(message.tool_calls)}`;
    return text;
}
function toChatMessages(raw) {
    return raw.map((m) => {
        const message = (m && typeof m === 'object' ? m : {});
        const role = message.role === 'system' || message.role === 'developer'
            ? 'system'
            : message.role === 'assistant'
                ? 'assistant'
                : 'user';
        return { role, content: messageText(message) };
    });
}
/** A chat-completions body read, or why it cannot be (an OpenAI-style error code). */
function readChatRequest(raw) {
    let body;
    try {
        body = JSON.parse(raw);
    }
    catch {
        return { ok: false, message: 'The request body is not JSON.', code: 'bad_json' };
    }
    if (!Array.isArray(body.messages) || body.messages.length === 0)
        return { ok: false, message: '"messages" must be a non-empty list.', code: 'bad_messages' };
    const payload = { messages: body.messages };
    for (const field of PASSED_FIELDS)
        if (body[field] !== undefined)
            payload[field] = body[field];
    const maxTokens = body.max_completion_tokens ?? body.max_tokens;
    const request = {
        messages: toChatMessages(body.messages),
        payload,
        stream: body.stream === true,
        includeUsage: body.stream_options?.include_usage === true,
    };
    if (typeof maxTokens === 'number' && maxTokens > 0)
        request.maxOutputTokens = maxTokens;
    return { ok: true, request };
}
/** The HTTP status and OpenAI error code a failed gateway call is answered with. */
function errorStatus(error) {
    const e = error;
    if (e.name === 'BudgetExceeded')
        return { status: 402, code: 'budget_exceeded' };
    if (e.kind === 'rate_limit')
        return { status: 429, code: 'rate_limit' };
    if (e.kind === 'bad_request')
        return { status: 400, code: 'bad_request' };
    return { status: 502, code: e.kind ?? 'upstream_error' };
}
function answerParts(result) {
    const toolCalls = result.toolCalls ?? [];
    const finish = result.finishReason ?? (toolCalls.length > 0 ? 'tool_calls' : 'stop');
    const usage = result.usage
        ? {
            prompt_tokens: result.usage.inputTokens,
            completion_tokens: result.usage.outputTokens,
            total_tokens: result.usage.inputTokens + result.usage.outputTokens,
        }
        : undefined;
    return { toolCalls, finish, usage };
}
/** A non-streaming `chat.completion`. */
function chatCompletion(result, meta) {
    const { toolCalls, finish, usage } = answerParts(result);
    return {
        id: meta.id,
        object: 'chat.completion',
        created: meta.created,
        model: meta.model,
        choices: [
            {
                index: 0,
                message: {
                    role: 'assistant',
                    content: result.text,
                    ...(toolCalls.length ? { tool_calls: toolCalls } : {}),
                },
                finish_reason: finish,
            },
        ],
        ...(usage ? { usage } : {}),
    };
}
/** The `chat.completion.chunk`s of a stream: the text, each tool call, the finish, the usage. */
function chatCompletionChunks(result, meta, includeUsage) {
    const { toolCalls, finish, usage } = answerParts(result);
    const base = {
        id: meta.id,
        object: 'chat.completion.chunk',
        created: meta.created,
        model: meta.model,
    };
    const chunks = [
        {
            ...base,
            choices: [
                { index: 0, delta: { role: 'assistant', content: result.text }, finish_reason: null },
            ],
        },
    ];
    toolCalls.forEach((call, index) => chunks.push({
        ...base,
        choices: [{ index: 0, delta: { tool_calls: [{ index, ...call }] }, finish_reason: null }],
    }));
    chunks.push({ ...base, choices: [{ index: 0, delta: {}, finish_reason: finish }] });
    if (includeUsage && usage)
        chunks.push({ ...base, choices: [], usage });
    return chunks;
}

;// CONCATENATED MODULE: ./.build/src/sandbox/model-proxy.js
/**
 * The agent's only way to a model: an OpenAI-compatible endpoint inside aethr, on 127.0.0.1 and a
 * random port, for one run. It holds no key the agent can learn: the agent gets a fresh dummy key
 * and the proxy refuses any other; the real key stays in the gateway, which routes, budgets and
 * records the call in the ledger like every other model call. The model is the step's routed
 * model whatever the agent asks for.
 *
 * `POST /v1/chat/completions`, streaming (SSE) or not. The reply is produced whole by the gateway
 * (which retries cut streams) and then sent; while waiting, a streaming response gets SSE comment
 * lines so nothing on the way times the connection out.
 */



const DEFAULT_MAX_BODY = 32 * 1024 * 1024;
function sendJson(res, status, body) {
    const text = JSON.stringify(body);
    res.writeHead(status, {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(text),
    });
    res.end(text);
}
function apiError(res, status, message, code) {
    sendJson(res, status, { error: { message, type: 'aethr_proxy_error', code, param: null } });
}
function sameKey(given, expected) {
    const a = Buffer.from(given);
    const b = Buffer.from(expected);
    return a.length === b.length && (0,external_node_crypto_.timingSafeEqual)(a, b);
}
function bearer(req) {
    const header = req.headers.authorization ?? '';
    const match = /^Bearer\s+(.+)$/i.exec(header);
    return match ? match[1].trim() : String(req.headers['api-key'] ?? '');
}
async function startModelProxy(options) {
    const apiKey = `aethr-proxy-${(0,external_node_crypto_.randomBytes)(24).toString('hex')}`;
    const maxBody = options.maxBodyBytes ?? DEFAULT_MAX_BODY;
    const modelName = options.model.includes(':')
        ? options.model.slice(options.model.indexOf(':') + 1)
        : options.model;
    const state = { count: 0, ids: 0 };
    const sockets = new Set();
    const server = external_node_http_.createServer((req, res) => {
        const path = (req.url ?? '/').split('?')[0];
        if (!sameKey(bearer(req), apiKey)) {
            req.resume();
            apiError(res, 401, 'This endpoint only accepts the key aethr gave this run.', 'invalid_api_key');
            return;
        }
        if (req.method === 'GET' && path === '/v1/models') {
            sendJson(res, 200, {
                object: 'list',
                data: [{ id: modelName, object: 'model', created: 0, owned_by: 'aethr' }],
            });
            return;
        }
        if (req.method !== 'POST' ||
            (path !== '/v1/chat/completions' && path !== '/chat/completions')) {
            req.resume();
            apiError(res, 404, `Unknown request URL: ${req.method} ${path}`, 'unknown_url');
            return;
        }
        readBody(req, maxBody, (raw) => {
            if (raw === undefined) {
                apiError(res, 413, `The request body is larger than ${maxBody} bytes.`, 'too_large');
                return;
            }
            answer(options, modelName, state, res, raw).catch((error) => {
                options.onError?.(error);
                if (!res.headersSent)
                    apiError(res, 500, 'aethr proxy failure', 'proxy_failure');
                else
                    res.destroy();
            });
        });
    });
    server.on('connection', (socket) => {
        sockets.add(socket);
        socket.on('close', () => sockets.delete(socket));
    });
    await new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(0, '127.0.0.1', () => {
            server.off('error', reject);
            resolve();
        });
    });
    const { port } = server.address();
    return {
        baseURL: `http://127.0.0.1:${port}/v1`,
        apiKey,
        get requestCount() {
            return state.count;
        },
        close() {
            return new Promise((resolve) => {
                for (const socket of sockets)
                    socket.destroy();
                server.close(() => resolve());
            });
        },
    };
}
/** The request body, or undefined (read to the end, not kept) when it is over `maxBody`. */
function readBody(req, maxBody, done) {
    const chunks = [];
    let size = 0;
    req.on('data', (chunk) => {
        size += chunk.length;
        if (size <= maxBody)
            chunks.push(chunk);
    });
    req.on('end', () => done(size > maxBody ? undefined : Buffer.concat(chunks).toString('utf8')));
}
/**
 * One chat completion through the gateway. A streaming request gets its SSE headers at once
 * and keep-alive comments while the gateway works; the reply is sent whole when it is there.
 */
async function answer(options, modelName, state, res, raw) {
    const read = readChatRequest(raw);
    if (!read.ok) {
        apiError(res, 400, read.message, read.code);
        return;
    }
    const { request } = read;
    const { stream } = request;
    state.count++;
    let keepAlive;
    if (stream) {
        res.writeHead(200, {
            'content-type': 'text/event-stream',
            'cache-control': 'no-cache',
            connection: 'keep-alive',
        });
        keepAlive = setInterval(() => res.write(': working\n\n'), options.keepAliveMs ?? 10_000);
    }
    const abort = new AbortController();
    res.on('close', () => {
        if (!res.writableFinished)
            abort.abort();
    });
    let result;
    try {
        result = await options.models.chat({
            model: options.model,
            role: options.role,
            stepId: options.stepId,
            purpose: 'implement',
            messages: request.messages,
            raw: request.payload,
            signal: abort.signal,
            ...(request.maxOutputTokens !== undefined
                ? { maxOutputTokens: request.maxOutputTokens }
                : {}),
        });
    }
    catch (error) {
        if (keepAlive)
            clearInterval(keepAlive);
        options.onError?.(error);
        const { status, code } = errorStatus(error);
        const message = error instanceof Error ? error.message : String(error);
        if (stream) {
            res.end(`data: ${JSON.stringify({ error: { message, type: 'aethr_proxy_error', code } })}\n\n`);
        }
        else
            apiError(res, status, message, code);
        return;
    }
    if (keepAlive)
        clearInterval(keepAlive);
    const meta = {
        id: `chatcmpl-aethr-${++state.ids}`,
        created: Math.floor(Date.now() / 1000),
        model: modelName,
    };
    if (!stream) {
        sendJson(res, 200, chatCompletion(result, meta));
        return;
    }
    for (const chunk of chatCompletionChunks(result, meta, request.includeUsage))
        res.write(`data: ${JSON.stringify(chunk)}\n\n`);
    res.end('data: [DONE]\n\n');
}

// EXTERNAL MODULE: ./.build/src/sandbox/sandbox.js + 1 modules
var sandbox_sandbox = __webpack_require__(1526);
// EXTERNAL MODULE: ./.build/src/sandbox/untrusted-policy.js
var untrusted_policy = __webpack_require__(852);
// EXTERNAL MODULE: ./.build/src/models/providers.js
var providers = __webpack_require__(152);
// EXTERNAL MODULE: ./.build/src/models/redact.js
var models_redact = __webpack_require__(3033);
;// CONCATENATED MODULE: ./.build/src/backends/opencode/opencode-config.js
/**
 * Everything opencode is told, built as plain data (pure, no I/O): the `OPENCODE_CONFIG_CONTENT`
 * JSON for the step's routed model, the isolation environment, and the `opencode run` argv.
 *
 * The routed model becomes provider `aethr` (`@ai-sdk/openai-compatible`, built into opencode) with
 * the resolved base URL and key, so opencode talks to exactly the endpoint the rest of the run uses
 * and to nothing else. What was learnt driving opencode 1.18.33 offline:
 * - `autoupdate: false`, `share: "disabled"` and the `OPENCODE_DISABLE_*` flags keep it off the network;
 *   `npm_config_registry` at an unreachable local address stops its background plugin install.
 * - There is no per-request timeout unless `options.timeout` is set (requests wait up to 300 s).
 * - A repository's own `opencode.json` is honoured, including `"permission": "allow"`: a pull
 *   request could grant itself the bypass. `OPENCODE_DISABLE_PROJECT_CONFIG=1` (and `--pure`, no
 *   external plugins) keep the repository from configuring the agent.
 * - Without a TTY, anything that resolves to "ask" (writing outside the directory, for one) is
 *   rejected; `"permission": "allow"` / `--auto` allow it. Only `unsafe_permissions: true` does that.
 * - `opencode run` joins its message arguments and wraps one that contains spaces in double quotes
 *   (escaping inner quotes), so the model sees the prompt quoted. Harmless; noted so nobody chases it.
 */

/** The provider id opencode knows the routed model by: `--model aethr/<model>`. */
const OPENCODE_PROVIDER_ID = 'aethr';
/** Requests to the model wait at most this long unless told otherwise (opencode's own default is 300 s). */
const DEFAULT_REQUEST_TIMEOUT_MS = 300_000;
const DEFAULT_CONTEXT_LIMIT = 128_000;
const DEFAULT_OUTPUT_LIMIT = 8_192;
/** Where npm would fetch plugins from: the discard port on loopback, so it fails at once. */
const UNREACHABLE_REGISTRY = 'http://127.0.0.1:9/';
/** Set to `1` for every run. */
const OPENCODE_DISABLE_FLAGS = [
    'OPENCODE_DISABLE_AUTOUPDATE',
    'OPENCODE_DISABLE_MODELS_FETCH',
    'OPENCODE_DISABLE_SHARE',
    'OPENCODE_DISABLE_LSP_DOWNLOAD',
    'OPENCODE_DISABLE_DEFAULT_PLUGINS',
    'OPENCODE_DISABLE_CLAUDE_CODE',
    'OPENCODE_DISABLE_EXTERNAL_SKILLS',
    'OPENCODE_DISABLE_PROJECT_CONFIG',
];
/** `aethr/<model>` */
function opencodeModelId(model) {
    return `${OPENCODE_PROVIDER_ID}/${model}`;
}
function buildOpencodeConfig(input) {
    const id = opencodeModelId(input.model);
    const options = {
        baseURL: input.baseURL,
        timeout: input.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS,
    };
    if (input.apiKey)
        options.apiKey = input.apiKey;
    if (input.headers && Object.keys(input.headers).length > 0)
        options.headers = { ...input.headers };
    const config = {
        $schema: 'https://opencode.ai/config.json',
        autoupdate: false,
        share: 'disabled',
        model: id,
        small_model: id,
        enabled_providers: [OPENCODE_PROVIDER_ID],
        provider: {
            [OPENCODE_PROVIDER_ID]: {
                npm: '@ai-sdk/openai-compatible',
                name: input.ref ? `Aethr (${input.ref})` : 'Aethr',
                options,
                models: {
                    [input.model]: {
                        name: input.model,
                        tool_call: true,
                        limit: {
                            context: input.contextLimit ?? DEFAULT_CONTEXT_LIMIT,
                            output: input.outputLimit ?? DEFAULT_OUTPUT_LIMIT,
                        },
                    },
                },
            },
        },
        formatter: false,
        lsp: false,
        snapshot: false,
    };
    if (input.unsafePermissions === true)
        config.permission = 'allow';
    return config;
}
/** The JSON text for `OPENCODE_CONFIG_CONTENT`. */
function opencodeConfigContent(input) {
    return JSON.stringify(buildOpencodeConfig(input));
}
/** The isolation variables for a run whose private folder is `dir` (created by the caller). */
function isolationEnv(dir) {
    const env = {
        HOME: (0,external_node_path_.join)(dir, 'home'),
        XDG_CONFIG_HOME: (0,external_node_path_.join)(dir, 'config'),
        XDG_DATA_HOME: (0,external_node_path_.join)(dir, 'data'),
        XDG_CACHE_HOME: (0,external_node_path_.join)(dir, 'cache'),
        XDG_STATE_HOME: (0,external_node_path_.join)(dir, 'state'),
        npm_config_registry: UNREACHABLE_REGISTRY,
        npm_config_update_notifier: 'false',
        GIT_TERMINAL_PROMPT: '0',
    };
    for (const flag of OPENCODE_DISABLE_FLAGS)
        env[flag] = '1';
    return env;
}
/**
 * The complete environment of an `opencode run`: the sandbox's allow-listed variables
 * (src/sandbox/sandbox-env.ts: no token, no key, no `INPUT_*`), the isolation, and the config.
 */
function opencodeEnv(input) {
    return {
        ...input.sandboxEnv,
        ...isolationEnv(input.isolationDir),
        OPENCODE_CONFIG_CONTENT: opencodeConfigContent(input.config),
    };
}
/** The folders under the isolation dir that must exist before opencode starts. */
const ISOLATION_SUBDIRS = ['home', 'config', 'data', 'cache', 'state'];
/**
 * `opencode run --model aethr/<model> --format json --pure --title <title> [--auto] -- <prompt>`.
 * The prompt is one argv element after `--` (so a prompt starting with `-` is not an option);
 * `--title` skips the title request; `--auto` only for `unsafe_permissions: true`.
 */
function opencodeRunArgs(input) {
    const args = ['run', '--model', opencodeModelId(input.model), '--format', 'json', '--pure'];
    args.push('--title', input.title ?? 'aethr');
    if (input.unsafePermissions === true)
        args.push('--auto');
    args.push('--', input.prompt);
    return args;
}
/** The one prompt opencode gets: the step's system text, then the user text. */
function opencodePrompt(prompt) {
    const system = prompt.system.trim();
    const user = prompt.user.trim();
    const rules = [
        '## How to work',
        'Edit the files of this repository (the working directory) with your tools to carry out the task.',
        'Do not commit, stash, switch branches or otherwise change git history: the changes are collected from the working tree afterwards.',
    ].join('\n');
    return [system, rules, user].filter((part) => part !== '').join('\n\n');
}

;// CONCATENATED MODULE: ./.build/src/backends/opencode/opencode-events.js
function obj(value) {
    return value !== null && typeof value === 'object' && !Array.isArray(value)
        ? value
        : undefined;
}
function num(value) {
    return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : 0;
}
function str(value) {
    return typeof value === 'string' ? value : undefined;
}
/** The message of an `error` event (`{error: {name, data: {message}}}` and plainer shapes). */
function errorMessage(event) {
    const error = event.error;
    if (typeof error === 'string')
        return error;
    const e = obj(error);
    if (!e)
        return str(event.message) ?? 'opencode reported an error without a message';
    const data = obj(e.data);
    const message = str(data?.message) ?? str(e.message);
    const name = str(e.name);
    if (message && name && name !== 'UnknownError')
        return `${name}: ${message}`;
    return message ?? name ?? 'opencode reported an error without a message';
}
/** Reads one output line. */
function parseEventLine(line) {
    const trimmed = line.trim();
    if (!trimmed.startsWith('{'))
        return { kind: 'ignored' };
    let event;
    try {
        event = obj(JSON.parse(trimmed));
    }
    catch {
        return { kind: 'ignored' };
    }
    if (!event || typeof event.type !== 'string')
        return { kind: 'ignored' };
    const part = obj(event.part) ?? {};
    switch (event.type) {
        case 'text': {
            const text = str(part.text) ?? str(event.text) ?? '';
            return { kind: 'text', text };
        }
        case 'tool_use': {
            const state = obj(part.state) ?? {};
            const input = obj(state.input) ?? {};
            const tool = {
                tool: str(part.tool) ?? 'unknown',
                status: str(state.status) ?? 'unknown',
            };
            const path = str(input.filePath) ?? str(input.path);
            if (path)
                tool.path = path;
            const error = str(state.error);
            if (error)
                tool.error = error;
            return { kind: 'tool', tool };
        }
        case 'step_start':
            return { kind: 'step_start' };
        case 'step_finish': {
            const tokens = obj(part.tokens);
            if (!tokens)
                return { kind: 'step_finish' };
            const cache = obj(tokens.cache) ?? {};
            // Cached prompt tokens are prompt tokens too (billed at their own rate).
            const inputTokens = num(tokens.input) + num(cache.read) + num(cache.write);
            const outputTokens = num(tokens.output) + num(tokens.reasoning);
            return { kind: 'step_finish', usage: { inputTokens, outputTokens } };
        }
        case 'error':
            return { kind: 'error', message: errorMessage(event) };
        default:
            return { kind: 'other', type: event.type };
    }
}
/** Accumulates events into a summary (texts kept up to `maxTextChars` in total). */
class EventCollector {
    maxTextChars;
    summary = {
        texts: [],
        tools: [],
        errors: [],
        steps: 0,
        ignoredLines: 0,
    };
    textChars = 0;
    textCut = false;
    constructor(maxTextChars = 200_000) {
        this.maxTextChars = maxTextChars;
    }
    add(event) {
        const s = this.summary;
        switch (event.kind) {
            case 'text': {
                if (event.text === '')
                    return;
                const room = this.maxTextChars - this.textChars;
                if (room <= 0) {
                    this.textCut = true;
                    return;
                }
                const kept = event.text.length > room ? event.text.slice(0, room) : event.text;
                if (kept.length < event.text.length)
                    this.textCut = true;
                s.texts.push(kept);
                this.textChars += kept.length;
                return;
            }
            case 'tool':
                if (s.tools.length < 10_000)
                    s.tools.push(event.tool);
                return;
            case 'step_start':
                s.steps++;
                return;
            case 'step_finish':
                if (event.usage) {
                    s.usage = {
                        inputTokens: (s.usage?.inputTokens ?? 0) + event.usage.inputTokens,
                        outputTokens: (s.usage?.outputTokens ?? 0) + event.usage.outputTokens,
                    };
                }
                return;
            case 'error':
                if (s.errors.length < 20)
                    s.errors.push(event.message);
                return;
            case 'ignored':
                s.ignoredLines++;
                return;
            default:
                return;
        }
    }
    /** The texts as the step's output. */
    outputText() {
        const text = this.summary.texts.join('\n\n').trim();
        return this.textCut ? `${text}\n\n[output truncated at ${this.maxTextChars} characters]` : text;
    }
}
/** One line per failed tool call, e.g. `write ../x.txt: The user rejected permission ...`. */
function failedTools(summary, max = 10) {
    const failed = summary.tools.filter((t) => t.status === 'error');
    const lines = failed
        .slice(0, max)
        .map((t) => `${t.tool}${t.path ? ` ${t.path}` : ''}: ${(t.error ?? 'failed').split('\n')[0].slice(0, 300)}`);
    if (failed.length > max)
        lines.push(`… and ${failed.length - max} more`);
    return lines;
}
/** Parses a whole output at once (tests, and the tail of a run). */
function summarizeOutput(stdout, maxTextChars) {
    const collector = new EventCollector(maxTextChars);
    for (const line of stdout.split('\n')) {
        if (line.trim() !== '')
            collector.add(parseEventLine(line));
    }
    return { summary: collector.summary, output: collector.outputText() };
}

// EXTERNAL MODULE: ./.build/src/backends/opencode/find-binary.js
var find_binary = __webpack_require__(9308);
// EXTERNAL MODULE: ./.build/src/errors.js
var errors = __webpack_require__(6624);
;// CONCATENATED MODULE: ./.build/src/backends/opencode/errors.js
/** The opencode backend's one error type: what went wrong, what to do, and what the tree holds now. */

class OpencodeError extends errors/* AethrError */.j {
    name = 'OpencodeError';
    kind;
    /** What the working tree holds after the failed run (changes are left in place for the caller). */
    artifact;
    /** The tail of opencode's stderr (redacted). */
    stderr;
    constructor(message, details) {
        super(message, { hint: details.hint, cause: details.cause });
        this.kind = details.kind;
        this.artifact = details.artifact;
        this.stderr = details.stderr ?? '';
    }
}
const INSTALL_HINT = 'Install the opencode CLI (npm i -g opencode-ai, or scripts/install-opencode.sh), set AETHR_OPENCODE_BIN to its binary, or use `backend: patch` for this step.';

// EXTERNAL MODULE: external "node:string_decoder"
var external_node_string_decoder_ = __webpack_require__(6193);
;// CONCATENATED MODULE: ./.build/src/backends/opencode/run-process.js
/**
 * Runs one agent process (opencode) the bounded way: argv only (never a shell), stdin from
 * /dev/null, its own process group, a hard timeout that stops the whole group (SIGTERM, then
 * SIGKILL after a grace period), stdout read line by line as it arrives, stdout and stderr capped.
 * Whatever the process leaves running in its group when it exits is killed too.
 *
 * execa is imported on first use, so loading this module costs nothing at CLI start-up.
 */

const DEFAULT_KILL_GRACE_MS = 3_000;
const DEFAULT_MAX_STDOUT = 64 * 1024 * 1024;
const DEFAULT_MAX_LINE = 8 * 1024 * 1024;
const DEFAULT_MAX_STDERR = 16 * 1024;
async function runProcess(options) {
    const { execa } = await __webpack_require__.e(/* import() */ 993).then(__webpack_require__.bind(__webpack_require__, 6993));
    const started = Date.now();
    const maxStderr = options.maxStderrBytes ?? DEFAULT_MAX_STDERR;
    const child = execa(options.bin, [...options.args], {
        cwd: options.cwd,
        env: options.env,
        extendEnv: false,
        stdin: 'ignore',
        stdout: 'pipe',
        stderr: 'pipe',
        buffer: false,
        reject: false,
        detached: true,
        windowsHide: true,
    });
    const group = superviseGroup(child, options);
    const stdout = new LineSplitter(options.onLine, options.maxStdoutBytes ?? DEFAULT_MAX_STDOUT, options.maxLineBytes ?? DEFAULT_MAX_LINE);
    child.stdout?.on('data', (chunk) => stdout.write(chunk));
    const stderr = new TailBuffer(maxStderr);
    child.stderr?.on('data', (chunk) => stderr.push(chunk));
    try {
        const result = await child;
        stdout.end();
        const out = {
            exitCode: typeof result.exitCode === 'number' ? result.exitCode : undefined,
            signal: result.signal ?? undefined,
            timedOut: group.timedOut,
            stderr: stderr.text(),
            stdoutBytes: stdout.bytes,
            stdoutCapped: stdout.capped,
            durationMs: Date.now() - started,
        };
        if (!group.exited &&
            result.failed &&
            out.exitCode === undefined &&
            out.signal === undefined &&
            !group.timedOut) {
            const cause = result.cause;
            out.spawnError = {
                message: cause?.message ?? result.shortMessage ?? 'could not start',
                ...(cause?.code ? { code: cause.code } : {}),
            };
        }
        return out;
    }
    finally {
        group.release();
    }
}
/**
 * Watches the child's process group: stopped (SIGTERM, SIGKILL after the grace period) on the
 * timeout or the abort signal; killed outright when the child exits (stragglers) or we do.
 */
function superviseGroup(child, options) {
    const state = { timedOut: false, exited: false };
    const killGroup = (signal) => {
        const pid = child.pid;
        if (pid === undefined)
            return;
        try {
            process.kill(-pid, signal);
        }
        catch {
            // The group is gone already.
        }
    };
    const onParentExit = () => killGroup('SIGKILL');
    process.once('exit', onParentExit);
    let graceTimer;
    const stop = () => {
        killGroup('SIGTERM');
        graceTimer ??= setTimeout(() => killGroup('SIGKILL'), options.killGraceMs ?? DEFAULT_KILL_GRACE_MS);
        graceTimer.unref?.();
    };
    if (options.signal?.aborted)
        queueMicrotask(stop);
    options.signal?.addEventListener('abort', stop, { once: true });
    const timer = setTimeout(() => {
        state.timedOut = true;
        stop();
    }, options.timeoutMs);
    child.once('exit', () => {
        state.exited = true;
        // Anything the agent left behind in its group (a shell, a server) goes with it; this also
        // releases stdout/stderr pipes a straggler still holds, so the run can end.
        killGroup('SIGKILL');
    });
    return {
        get timedOut() {
            return state.timedOut;
        },
        get exited() {
            return state.exited;
        },
        release() {
            clearTimeout(timer);
            if (graceTimer)
                clearTimeout(graceTimer);
            process.removeListener('exit', onParentExit);
            options.signal?.removeEventListener('abort', stop);
        },
    };
}
/**
 * A byte stream cut into lines for `onLine` (without the newline): reading stops past `maxBytes`
 * (later bytes are counted, not read), a line longer than `maxLine` is skipped, a consumer that
 * throws does not stop the stream. `end()` hands over an unterminated last line.
 */
class LineSplitter {
    onLine;
    maxBytes;
    maxLine;
    /** Bytes written, up to the first chunk past the cap. */
    bytes = 0;
    capped = false;
    decoder = new external_node_string_decoder_.StringDecoder('utf8');
    pending = '';
    skipping = false;
    constructor(onLine, maxBytes, maxLine) {
        this.onLine = onLine;
        this.maxBytes = maxBytes;
        this.maxLine = maxLine;
    }
    write(chunk) {
        if (this.capped)
            return;
        this.bytes += chunk.length;
        if (this.bytes > this.maxBytes) {
            this.capped = true;
            return;
        }
        this.feed(this.decoder.write(chunk));
    }
    end() {
        if (this.capped)
            return;
        const rest = this.pending + this.decoder.end();
        if (!this.skipping && rest.trim() !== '')
            this.emit(rest);
    }
    feed(text) {
        let start = 0;
        for (let nl = text.indexOf('\n', start); nl !== -1; nl = text.indexOf('\n', start)) {
            const piece = text.slice(start, nl);
            start = nl + 1;
            if (this.skipping) {
                this.skipping = false;
                this.pending = '';
                continue;
            }
            const line = this.pending + piece;
            this.pending = '';
            this.emit(line);
        }
        if (!this.skipping)
            this.pending += text.slice(start);
        if (this.pending.length > this.maxLine) {
            this.pending = '';
            this.skipping = true;
        }
    }
    emit(line) {
        try {
            this.onLine(line);
        }
        catch {
            // A consumer's bug must not wedge the pipe.
        }
    }
}
/** The last `max` bytes of a stream, kept without holding more than twice that. */
class TailBuffer {
    max;
    chunks = [];
    size = 0;
    constructor(max) {
        this.max = max;
    }
    push(chunk) {
        this.chunks.push(chunk);
        this.size += chunk.length;
        if (this.size > this.max * 2) {
            const all = Buffer.concat(this.chunks);
            const tail = all.subarray(all.length - this.max);
            this.chunks = [tail];
            this.size = tail.length;
        }
    }
    text() {
        const all = Buffer.concat(this.chunks);
        return all.subarray(Math.max(0, all.length - this.max)).toString('utf8');
    }
}

;// CONCATENATED MODULE: ./.build/src/backends/opencode/opencode-verdict.js

function formatDuration(ms) {
    if (ms % 60_000 === 0)
        return `${ms / 60_000} min`;
    if (ms % 1000 === 0)
        return `${ms / 1000} s`;
    return `${ms} ms`;
}
/** The last `lines` non-blank lines of `text`. */
function tail(text, lines = 5) {
    return text
        .split('\n')
        .map((l) => l.trimEnd())
        .filter((l) => l.trim() !== '')
        .slice(-lines)
        .join('\n');
}
/** What the run left in the tree, with the notes a reader should see (redacted). */
function runArtifact(input) {
    const { changes, run, failed } = input;
    const notes = [...changes.notes];
    if (run.stdoutCapped)
        notes.push(`opencode printed more than ${run.stdoutBytes} bytes; the rest of its events were not read`);
    if (input.apiKey && changes.patch.includes(input.apiKey))
        notes.push('the changes contain the provider API key');
    if (run.exitCode !== undefined && run.exitCode !== 0 && !run.timedOut)
        notes.push(`opencode exited with code ${run.exitCode}`);
    if (changes.changedFiles.length === 0) {
        notes.unshift(failed.length > 0
            ? `opencode changed no files; failed tool calls: ${failed.join('; ')}`
            : 'opencode changed no files');
    }
    const artifact = {
        stepId: input.stepId,
        iteration: input.iteration,
        changedFiles: changes.changedFiles,
        diffStat: changes.diffStat,
        patch: changes.patch,
    };
    if (notes.length > 0)
        artifact.note = input.redact(notes.join('\n'));
    return artifact;
}
/** Throws the OpencodeError the run ended in; returns when it succeeded. */
function judgeRun(input) {
    const { stepId, run, artifact, redact } = input;
    const stderrTail = redact(tail(run.stderr));
    const changed = artifact.changedFiles.length;
    const keeps = changed > 0 ? ` The working tree keeps its ${changed} changed file(s).` : '';
    if (run.spawnError) {
        const missing = run.spawnError.code === 'ENOENT';
        throw new OpencodeError(`opencode step "${stepId}": could not start ${input.bin}: ${redact(run.spawnError.message)}`, {
            kind: missing ? 'not-installed' : 'spawn',
            hint: missing ? INSTALL_HINT : undefined,
            artifact,
        });
    }
    if (run.timedOut) {
        throw new OpencodeError(`opencode step "${stepId}" did not finish within the ${formatDuration(input.timeoutMs)} timeout and was stopped (its process group was killed).${keeps}`, {
            kind: 'timeout',
            hint: 'Give the step a smaller task, or raise the opencode backend timeout.',
            artifact,
            stderr: stderrTail,
        });
    }
    if (input.headAfter !== input.headBefore) {
        throw new OpencodeError(`opencode step "${stepId}" moved HEAD from ${input.headBefore ?? '(no commit)'} to ${input.headAfter ?? '(no commit)'}: it must not commit, check out or reset; aethr makes the commits.${keeps}`, { kind: 'head-moved', artifact, stderr: stderrTail });
    }
    if (input.summary.errors.length > 0) {
        throw new OpencodeError(`opencode step "${stepId}" failed: ${redact(input.summary.errors.join(' / '))}${keeps}`, {
            kind: 'error-event',
            hint: `Check that ${input.target.ref} is reachable at ${redact(input.target.baseURL)} and supports tool calls.`,
            artifact,
            stderr: stderrTail,
        });
    }
    if (run.exitCode !== 0 && changed === 0) {
        const how = run.exitCode === undefined
            ? `was killed by ${run.signal ?? 'a signal'}`
            : `exited with code ${run.exitCode}`;
        throw new OpencodeError(`opencode step "${stepId}" ${how} and changed no files${stderrTail ? `: ${stderrTail}` : ''}`, { kind: 'exit', artifact, stderr: stderrTail });
    }
}
/** The step's output: opencode's text, then the tool calls that failed (redacted). */
function runResult(outputText, summary, failed, artifact, redact) {
    const parts = [outputText || '(opencode printed no text)'];
    if (failed.length > 0)
        parts.push(`Tool calls that failed:\n${failed.map((f) => `- ${f}`).join('\n')}`);
    const result = { output: redact(parts.join('\n\n')), artifact, mock: false };
    if (summary.usage)
        result.usage = summary.usage;
    return result;
}

// EXTERNAL MODULE: ./.build/src/git/tree-changes.js
var tree_changes = __webpack_require__(3230);
// EXTERNAL MODULE: ./.build/src/git/run-git.js
var run_git = __webpack_require__(9724);
;// CONCATENATED MODULE: ./.build/src/backends/opencode/opencode-backend.js
/**
 * The `opencode` implement backend: runs the opencode CLI in the working tree with the step's
 * routed model, then reads what changed from git.
 *
 *   snapshot (HEAD, status, dirty-file hashes)
 *   → opencode run --model aethr/<model> --format json --pure --title … [--auto] -- <prompt>
 *     (isolated HOME/XDG dirs, config in OPENCODE_CONFIG_CONTENT, stdin /dev/null, hard timeout)
 *   → JSONL events: text streamed to onDelta and kept as output, tool calls, usage, errors
 *   → changed files, diff stat and patch from git (new untracked files included)
 *
 * Sandboxed (src/sandbox): opencode runs with the allow-listed environment, in the process
 * isolation detected for the machine (refused for untrusted code when there is none), with the
 * checkout's git credentials hidden and `.git/config`/hooks checked after; it reaches the model
 * only through aethr's model proxy with a one-run dummy key, so budgets and the ledger apply to
 * its calls and the real key never enters its process.
 *
 * The run is judged by the tree, not the exit code (opencode-verdict.ts): a run that changed
 * nothing says so in the artifact note; an `error` event, a timeout, or HEAD moving is an
 * OpencodeError whose `artifact` describes the changes left in the tree.
 */
















const DEFAULT_OPENCODE_TIMEOUT_MS = 15 * 60_000;
const DEFAULT_MAX_OUTPUT_CHARS = 200_000;
const SECRET_ENV_NAME = /(_API_KEY|_TOKEN|_SECRET|_PASSWORD)$/i;
function createOpencodeBackend(options) {
    const timeoutMs = options.timeoutMs ?? DEFAULT_OPENCODE_TIMEOUT_MS;
    const git = options.git ?? run_git/* runGit */.EO;
    const envSecrets = Object.entries(options.env)
        .filter(([name, value]) => SECRET_ENV_NAME.test(name) && typeof value === 'string')
        .map(([, value]) => value);
    return {
        async implement(input) {
            const { step, iteration } = input;
            // 1. Where the model lives, and the binary.
            const target = routeModel(step.id, input.model, options.env);
            const secrets = [target.apiKey, ...envSecrets];
            const redact = (text) => (0,models_redact/* redactSecrets */.fp)(text, secrets);
            const bin = await locateBinary(step.id, options);
            // 2. The tree before; 3. the run, sandboxed, with the model behind the proxy.
            const before = await (0,tree_changes/* readTreeState */.U_)(options.root, git);
            const { run, collector } = await runAgent(options, input, {
                target,
                bin,
                timeoutMs,
                redact,
            });
            // 4. The tree after, and the verdict.
            const changes = await (0,tree_changes/* describeTreeChanges */.vL)(before, git);
            const { summary } = collector;
            const failed = failedTools(summary);
            const artifact = runArtifact({
                stepId: step.id,
                iteration,
                changes,
                run,
                failed,
                ...(target.apiKey ? { apiKey: target.apiKey } : {}),
                redact,
            });
            judgeRun({
                stepId: step.id,
                bin,
                timeoutMs,
                run,
                summary,
                headBefore: before.head,
                headAfter: changes.after.head,
                artifact,
                target,
                redact,
            });
            return runResult(collector.outputText(), summary, failed, artifact, redact);
        },
    };
}
/** The step's provider, with a base URL (and a key unless the provider needs none). */
function routeModel(stepId, model, env) {
    const target = (0,providers/* resolveProvider */.Kd)(model, env);
    if (target.baseURL === undefined) {
        throw new OpencodeError(`opencode step "${stepId}": no base URL for ${target.ref}.`, {
            kind: 'config',
            hint: `Set ${target.baseURLEnvNames.join(' or ')} to the provider's OpenAI-compatible base URL.`,
        });
    }
    if (!target.apiKey && !target.keyOptional) {
        throw new OpencodeError(`opencode step "${stepId}": ${(0,providers/* keyEnvLabel */.re)(target.keyEnvNames)} is not set (needed for ${target.ref}).`, {
            kind: 'config',
            hint: target.keyHelp
                ? `Get a key at ${target.keyHelp} and set ${target.keyEnvNames[0]}.`
                : `Set ${target.keyEnvNames[0]}.`,
        });
    }
    return { ...target, baseURL: target.baseURL };
}
async function locateBinary(stepId, options) {
    const command = (0,find_binary/* opencodeCommand */.$z)(options.bin, options.env);
    const bin = await (0,find_binary/* findExecutable */.oq)(command, options.env, options.root);
    if (!bin) {
        throw new OpencodeError(`opencode step "${stepId}": the opencode CLI was not found (looked for ${JSON.stringify(command)}).`, { kind: 'not-installed', hint: INSTALL_HINT });
    }
    return bin;
}
/**
 * Runs opencode once in the sandbox, its model calls through a one-run model proxy; streams its
 * text to `onDelta`. A budget refusal on the proxy stops the agent and is thrown.
 */
async function runAgent(options, { step, prompt, model, iteration, onDelta }, { target, bin, timeoutMs, redact }) {
    const sandbox = await (0,sandbox_sandbox/* createSandbox */._)({
        baseEnv: options.env,
        prefix: 'aethr-opencode-',
        ...(options.passEnv ? { passEnv: options.passEnv } : {}),
        ...(options.tempDir ? { tempDir: options.tempDir } : {}),
        ...(options.isolation ? { isolation: options.isolation } : {}),
    });
    let fatal;
    const stop = new AbortController();
    const proxy = await startModelProxy({
        models: options.models,
        model,
        role: step.role,
        stepId: step.id,
        onError: (error) => {
            // A budget refusal will not change on retry: stop the agent instead of letting it retry.
            if (error.name === 'BudgetExceeded') {
                fatal ??= error;
                stop.abort();
            }
        },
    }).catch(async (error) => {
        await sandbox.dispose();
        throw error;
    });
    const unsafe = step.unsafe_permissions === true;
    const config = {
        model: target.model,
        ref: target.ref,
        baseURL: proxy.baseURL,
        apiKey: proxy.apiKey,
        unsafePermissions: unsafe,
        requestTimeoutMs: Math.min(options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS, timeoutMs),
    };
    if (options.contextLimit)
        config.contextLimit = options.contextLimit;
    if (options.outputLimit)
        config.outputLimit = options.outputLimit;
    const collector = new EventCollector(options.maxOutputChars ?? DEFAULT_MAX_OUTPUT_CHARS);
    let streamed = 0;
    let run;
    try {
        (0,untrusted_policy/* assertCanRunUntrusted */.Ye)({
            untrusted: options.untrusted === true,
            isolation: sandbox.isolation,
            what: 'the opencode agent',
        });
        for (const sub of ISOLATION_SUBDIRS)
            await (0,promises_.mkdir)((0,external_node_path_.join)(sandbox.dir, sub), { recursive: true });
        const argv = [
            bin,
            ...opencodeRunArgs({
                model: target.model,
                prompt: opencodePrompt(prompt),
                unsafePermissions: unsafe,
                title: `aethr ${step.id} (iteration ${iteration})`,
            }),
        ];
        const env = opencodeEnv({ sandboxEnv: sandbox.env, isolationDir: sandbox.dir, config });
        const cmd = sandbox.command(argv, { cwd: options.root, env });
        run = await (0,guard_run/* guardUntrustedRun */.n)(options.root, () => runProcess({
            bin: cmd.file,
            args: cmd.args,
            cwd: options.root,
            env: cmd.env,
            timeoutMs,
            signal: stop.signal,
            killGraceMs: options.killGraceMs ?? DEFAULT_KILL_GRACE_MS,
            onLine: (line) => {
                const event = parseEventLine(line);
                collector.add(event);
                if (event.kind === 'text' && event.text !== '' && onDelta) {
                    onDelta(redact(streamed++ === 0 ? event.text : `\n\n${event.text}`));
                }
            },
        }), options.listRemote ? { listRemote: options.listRemote } : {});
    }
    finally {
        await proxy.close();
        await sandbox.dispose();
    }
    if (fatal !== undefined)
        throw fatal;
    return { run, collector };
}

;// CONCATENATED MODULE: ./.build/src/backends/opencode/index.js








/***/ })

};
