#!/usr/bin/env node
/* global AbortSignal */
/**
 * A stand-in for the opencode CLI with the interface the aethr opencode backend uses, for machines
 * where the real binary is not installed:
 *
 *   fake-opencode.mjs --version
 *   fake-opencode.mjs run --model aethr/<model> --format json [--pure] [--title t] [--auto] -- <prompt>
 *
 * It reads OPENCODE_CONFIG_CONTENT like opencode does, calls the configured provider's
 * `<baseURL>/chat/completions` once (system prompt with `Working directory: <cwd>`, the prompt as
 * the user message, tools `write` and `edit`), applies the reply's `write`/`edit` tool calls to the
 * working directory, and prints JSONL events shaped like opencode's (`step_start`, `tool_use`,
 * `text`, `step_finish`, `error`). Like opencode without a TTY, a path outside the working
 * directory is rejected unless `--auto` or `"permission": "allow"` is given, and the run still
 * exits 0.
 *
 * Test hooks (environment):
 *   FAKE_OPENCODE_SLEEP_MS   sleep this long first, with a child process of its own (to test timeouts)
 *   FAKE_OPENCODE_PID_FILE   write "<own pid> <child pid>" here when sleeping
 *   FAKE_OPENCODE_RECORD     write {argv, env names, config} as JSON here
 *   FAKE_OPENCODE_EXIT       exit with this code at the end
 *   FAKE_OPENCODE_COMMIT     commit everything at the end (what the backend must refuse)
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';

const argv = process.argv.slice(2);
if (argv.includes('--version') || argv.includes('-v')) {
  process.stdout.write('0.0.0-standin\n');
  process.exit(0);
}

const session = `ses_standin${process.pid}`;
let seq = 0;
const emit = (type, part = {}, extra = {}) =>
  process.stdout.write(
    `${JSON.stringify({ type, timestamp: Date.now(), sessionID: session, ...extra, ...(type === 'error' ? {} : { part: { id: `prt_${++seq}`, sessionID: session, ...part } }) })}\n`,
  );
const fail = (message, code = 1) => {
  emit('error', {}, { error: { name: 'UnknownError', data: { message } } });
  process.exit(code);
};

if (argv[0] !== 'run') fail(`stand-in: unsupported command ${JSON.stringify(argv[0])}`);
const dash = argv.indexOf('--');
const options = dash === -1 ? argv.slice(1) : argv.slice(1, dash);
const message =
  dash === -1
    ? argv
        .slice(1)
        .filter((a) => !a.startsWith('-'))
        .pop()
    : argv.slice(dash + 1).join(' ');
const flag = (name) => options.includes(name);
const value = (name) => {
  const i = options.indexOf(name);
  return i === -1 ? undefined : options[i + 1];
};
const modelArg = value('--model') ?? value('-m');
if (value('--format') !== 'json') fail('stand-in: only --format json is supported');
if (!modelArg || !modelArg.includes('/')) fail('stand-in: --model provider/model is required');

let config;
try {
  config = JSON.parse(process.env.OPENCODE_CONFIG_CONTENT ?? '');
} catch {
  fail('stand-in: OPENCODE_CONFIG_CONTENT is missing or not JSON');
}
const slash = modelArg.indexOf('/');
const providerId = modelArg.slice(0, slash);
const model = modelArg.slice(slash + 1);
const provider = config.provider?.[providerId];
if (!provider) fail(`ProviderModelNotFoundError: provider ${providerId} is not configured`);
if (!provider.models?.[model]) fail(`ProviderModelNotFoundError: model ${model} is not configured`);
const allowAll = flag('--auto') || config.permission === 'allow';
const cwd = process.cwd();

if (process.env.FAKE_OPENCODE_RECORD) {
  writeFileSync(
    process.env.FAKE_OPENCODE_RECORD,
    JSON.stringify({
      argv,
      cwd,
      message,
      envNames: Object.keys(process.env).sort(),
      env: pick(process.env),
      config,
    }),
  );
}

function pick(env) {
  const keep = {};
  for (const [k, v] of Object.entries(env)) {
    if (/^(HOME|XDG_|OPENCODE_DISABLE|npm_config_registry)/.test(k)) keep[k] = v;
  }
  return keep;
}

const sleepMs = Number(process.env.FAKE_OPENCODE_SLEEP_MS ?? 0);
if (sleepMs > 0) {
  // A grandchild in the same process group, as opencode's shell tool would start.
  const child = spawn(process.execPath, ['-e', `setTimeout(() => {}, ${sleepMs})`], {
    stdio: 'ignore',
  });
  if (process.env.FAKE_OPENCODE_PID_FILE)
    writeFileSync(process.env.FAKE_OPENCODE_PID_FILE, `${process.pid} ${child.pid}`);
  emit('step_start', { type: 'step-start' });
  await new Promise((r) => setTimeout(r, sleepMs));
}

const tools = [
  {
    type: 'function',
    function: {
      name: 'write',
      description: 'Writes a file.',
      parameters: {
        type: 'object',
        properties: { filePath: { type: 'string' }, content: { type: 'string' } },
        required: ['filePath', 'content'],
      },
    },
  },
  {
    type: 'function',
    function: {
      name: 'edit',
      description: 'Replaces text in a file.',
      parameters: {
        type: 'object',
        properties: {
          filePath: { type: 'string' },
          oldString: { type: 'string' },
          newString: { type: 'string' },
          replaceAll: { type: 'boolean' },
        },
        required: ['filePath', 'oldString', 'newString'],
      },
    },
  },
];

const url = `${String(provider.options?.baseURL ?? '').replace(/\/+$/, '')}/chat/completions`;
const headers = { 'content-type': 'application/json', ...(provider.options?.headers ?? {}) };
if (provider.options?.apiKey) headers.authorization = `Bearer ${provider.options.apiKey}`;
emit('step_start', { type: 'step-start' });
let reply;
try {
  const res = await fetch(url, {
    method: 'POST',
    headers,
    signal: AbortSignal.timeout(Number(provider.options?.timeout ?? 300000)),
    body: JSON.stringify({
      model,
      stream: false,
      messages: [
        {
          role: 'system',
          content: `You are a stand-in for opencode.\nWorking directory: ${cwd}\n`,
        },
        { role: 'user', content: message },
      ],
      tools,
    }),
  });
  const text = await res.text();
  if (!res.ok) fail(`APIError: ${res.status} ${text.slice(0, 300)}`);
  reply = JSON.parse(text);
} catch (error) {
  fail(
    error?.name === 'TimeoutError'
      ? 'The operation timed out.'
      : `Cannot connect to API: ${error?.message ?? error}`,
  );
}

const choice = reply.choices?.[0]?.message ?? {};
for (const call of choice.tool_calls ?? []) {
  const name = call.function?.name;
  let input = {};
  try {
    input = JSON.parse(call.function?.arguments ?? '{}');
  } catch {
    // reported below
  }
  const base = { type: 'tool', tool: name, callID: call.id };
  const target =
    typeof input.filePath === 'string'
      ? isAbsolute(input.filePath)
        ? input.filePath
        : resolve(cwd, input.filePath)
      : undefined;
  const outside =
    target !== undefined &&
    (relative(cwd, target).startsWith('..') || isAbsolute(relative(cwd, target)));
  if (!target || (name !== 'write' && name !== 'edit')) {
    emit('tool_use', {
      ...base,
      state: { status: 'error', input, error: `stand-in: unsupported tool call ${name}` },
    });
    continue;
  }
  if (outside && !allowAll) {
    emit('tool_use', {
      ...base,
      state: {
        status: 'error',
        input,
        error: 'The user rejected permission to use this specific tool call.',
      },
    });
    continue;
  }
  try {
    if (name === 'write') {
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, String(input.content ?? ''));
    } else {
      const old = readFileSync(target, 'utf8');
      if (!old.includes(input.oldString)) throw new Error('oldString not found in content');
      writeFileSync(
        target,
        input.replaceAll
          ? old.split(input.oldString).join(input.newString)
          : old.replace(input.oldString, () => input.newString),
      );
    }
    emit('tool_use', {
      ...base,
      state: {
        status: 'completed',
        input,
        output: name === 'write' ? 'Wrote file successfully.' : 'Edit applied successfully.',
      },
    });
  } catch (error) {
    emit('tool_use', {
      ...base,
      state: { status: 'error', input, error: String(error?.message ?? error) },
    });
  }
}
if (typeof choice.content === 'string' && choice.content !== '')
  emit('text', { type: 'text', text: choice.content });
const usage = reply.usage ?? {};
emit('step_finish', {
  type: 'step-finish',
  reason: (choice.tool_calls ?? []).length > 0 ? 'tool-calls' : 'stop',
  tokens: {
    input: usage.prompt_tokens ?? 0,
    output: usage.completion_tokens ?? 0,
    reasoning: 0,
    cache: { read: 0, write: 0 },
  },
  cost: 0,
});
if (process.env.FAKE_OPENCODE_COMMIT === '1') {
  const id = [
    '-c',
    'user.name=Stand-in',
    '-c',
    'user.email=standin@example.invalid',
    '-c',
    'commit.gpgsign=false',
  ];
  execFileSync('git', ['add', '-A'], { cwd, stdio: 'ignore' });
  execFileSync('git', [...id, 'commit', '-q', '-m', 'stand-in commit'], { cwd, stdio: 'ignore' });
}
process.exit(Number(process.env.FAKE_OPENCODE_EXIT ?? 0));
