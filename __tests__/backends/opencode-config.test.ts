import { describe, expect, test } from '@jest/globals';
import {
  buildOpencodeConfig,
  isolationEnv,
  opencodeConfigContent,
  opencodeEnv,
  opencodePrompt,
  opencodeRunArgs,
  OPENCODE_DISABLE_FLAGS,
  UNREACHABLE_REGISTRY,
} from '../../src/backends/opencode/opencode-config.js';
import {
  failedTools,
  parseEventLine,
  summarizeOutput,
} from '../../src/backends/opencode/opencode-events.js';
import { changedPaths, parseStatusZ } from '../../src/git/tree-changes.js';
import type { TreeState } from '../../src/git/tree-changes.js';
import { opencodeCommand } from '../../src/backends/opencode/find-binary.js';

const target = {
  model: 'gpt-4o-mini',
  ref: 'openai:gpt-4o-mini',
  baseURL: 'http://127.0.0.1:5000/v1',
  apiKey: 'sk-test-1234567890',
};

describe('buildOpencodeConfig', () => {
  test('routes the model through one openai-compatible provider "aethr"', () => {
    const config = buildOpencodeConfig({
      ...target,
      unsafePermissions: false,
      requestTimeoutMs: 20_000,
    });
    expect(config.autoupdate).toBe(false);
    expect(config.share).toBe('disabled');
    expect(config.model).toBe('aethr/gpt-4o-mini');
    expect(config.small_model).toBe('aethr/gpt-4o-mini');
    expect(config.enabled_providers).toEqual(['aethr']);
    expect(config.provider.aethr).toEqual({
      npm: '@ai-sdk/openai-compatible',
      name: 'Aethr (openai:gpt-4o-mini)',
      options: {
        baseURL: 'http://127.0.0.1:5000/v1',
        apiKey: 'sk-test-1234567890',
        timeout: 20_000,
      },
      models: {
        'gpt-4o-mini': {
          name: 'gpt-4o-mini',
          tool_call: true,
          limit: { context: 128_000, output: 8_192 },
        },
      },
    });
    expect(config).toMatchObject({ formatter: false, lsp: false, snapshot: false });
  });

  test('grants "permission": "allow" only for unsafe_permissions: true', () => {
    expect(buildOpencodeConfig({ ...target, unsafePermissions: false })).not.toHaveProperty(
      'permission',
    );
    expect(buildOpencodeConfig({ ...target, unsafePermissions: true }).permission).toBe('allow');
    // A truthy non-boolean is not the opt-in.
    expect(
      buildOpencodeConfig({ ...target, unsafePermissions: 'yes' as unknown as boolean }),
    ).not.toHaveProperty('permission');
  });

  test('keeps slashes and colons in model names; no key and extra headers when given', () => {
    const config = buildOpencodeConfig({
      model: 'meta-llama/llama-3.1-8b:free',
      baseURL: 'http://localhost:11434/v1',
      headers: { 'api-key': 'k-azure-123456' },
      unsafePermissions: false,
      contextLimit: 32_000,
      outputLimit: 2_000,
    });
    expect(config.model).toBe('aethr/meta-llama/llama-3.1-8b:free');
    const provider = config.provider.aethr!;
    expect(provider.options).not.toHaveProperty('apiKey');
    expect(provider.options.headers).toEqual({ 'api-key': 'k-azure-123456' });
    expect(provider.options.timeout).toBe(300_000);
    expect(provider.models['meta-llama/llama-3.1-8b:free']!.limit).toEqual({
      context: 32_000,
      output: 2_000,
    });
  });

  test('the config content is that object as JSON', () => {
    const input = { ...target, unsafePermissions: false };
    expect(JSON.parse(opencodeConfigContent(input))).toEqual(buildOpencodeConfig(input));
  });
});

describe('environment', () => {
  test('isolation: own HOME and XDG dirs, the disable flags, an unreachable npm registry', () => {
    const env = isolationEnv('/tmp/iso');
    expect(env).toMatchObject({
      HOME: '/tmp/iso/home',
      XDG_CONFIG_HOME: '/tmp/iso/config',
      XDG_DATA_HOME: '/tmp/iso/data',
      XDG_CACHE_HOME: '/tmp/iso/cache',
      XDG_STATE_HOME: '/tmp/iso/state',
      npm_config_registry: UNREACHABLE_REGISTRY,
    });
    for (const flag of [
      'OPENCODE_DISABLE_AUTOUPDATE',
      'OPENCODE_DISABLE_MODELS_FETCH',
      'OPENCODE_DISABLE_SHARE',
      'OPENCODE_DISABLE_LSP_DOWNLOAD',
      'OPENCODE_DISABLE_DEFAULT_PLUGINS',
      'OPENCODE_DISABLE_CLAUDE_CODE',
      'OPENCODE_DISABLE_EXTERNAL_SKILLS',
      'OPENCODE_DISABLE_PROJECT_CONFIG',
    ]) {
      expect(env[flag]).toBe('1');
    }
    expect(OPENCODE_DISABLE_FLAGS).toHaveLength(8);
    expect(new URL(UNREACHABLE_REGISTRY).hostname).toBe('127.0.0.1');
  });

  test('opencodeEnv: the sandbox env + isolation + the config', () => {
    const env = opencodeEnv({
      sandboxEnv: { PATH: '/bin', HOME: '/tmp/iso/home' },
      isolationDir: '/tmp/iso',
      config: { ...target, unsafePermissions: false },
    });
    expect(env.PATH).toBe('/bin');
    expect(env.HOME).toBe('/tmp/iso/home');
    expect(env.OPENAI_API_KEY).toBeUndefined();
    expect(JSON.parse(env.OPENCODE_CONFIG_CONTENT!).model).toBe('aethr/gpt-4o-mini');
  });

  test('binary: explicit, then AETHR_OPENCODE_BIN, then opencode', () => {
    expect(opencodeCommand('/x/opencode', { AETHR_OPENCODE_BIN: '/y' })).toBe('/x/opencode');
    expect(opencodeCommand(undefined, { AETHR_OPENCODE_BIN: '/y' })).toBe('/y');
    expect(opencodeCommand(undefined, {})).toBe('opencode');
  });
});

describe('opencodeRunArgs', () => {
  test('one argv element for the prompt, after --, and --auto only when unsafe', () => {
    const prompt = '-starts with a dash; $(rm -rf /) "quoted"\nsecond line';
    const safe = opencodeRunArgs({
      model: 'gpt-4o-mini',
      prompt,
      unsafePermissions: false,
      title: 'aethr implement',
    });
    expect(safe).toEqual([
      'run',
      '--model',
      'aethr/gpt-4o-mini',
      '--format',
      'json',
      '--pure',
      '--title',
      'aethr implement',
      '--',
      prompt,
    ]);
    const unsafe = opencodeRunArgs({ model: 'gpt-4o-mini', prompt, unsafePermissions: true });
    expect(unsafe).toContain('--auto');
    expect(unsafe.indexOf('--auto')).toBeLessThan(unsafe.indexOf('--'));
    expect(unsafe.at(-1)).toBe(prompt);
  });

  test('the prompt carries system text, the working rules, then the user text', () => {
    const text = opencodePrompt({
      system: 'You are the implementer.',
      user: '# Task\n\nAdd a file.',
    });
    expect(text.indexOf('You are the implementer.')).toBe(0);
    expect(text).toContain('Do not commit');
    expect(text.trimEnd().endsWith('Add a file.')).toBe(true);
  });
});

describe('events', () => {
  const lines = [
    '{"type":"step_start","part":{"type":"step-start"}}',
    '{"type":"tool_use","part":{"type":"tool","tool":"write","state":{"status":"completed","input":{"filePath":"/r/a.txt","content":"x"},"output":"Wrote file successfully."}}}',
    '{"type":"tool_use","part":{"type":"tool","tool":"write","state":{"status":"error","input":{"filePath":"/r/../b.txt"},"error":"The user rejected permission to use this specific tool call."}}}',
    '{"type":"step_finish","part":{"type":"step-finish","tokens":{"total":110,"input":90,"output":10,"reasoning":5,"cache":{"read":5,"write":0}}}}',
    'some log noise',
    '{"type":"text","part":{"type":"text","text":"Done."}}',
    '{"type":"step_finish","part":{"type":"step-finish","tokens":{"input":100,"output":20,"reasoning":0,"cache":{"read":0,"write":0}}}}',
  ];

  test('texts, tools, summed usage; noise ignored', () => {
    const { summary, output } = summarizeOutput(lines.join('\n'));
    expect(output).toBe('Done.');
    expect(summary.tools.map((t) => [t.tool, t.status, t.path])).toEqual([
      ['write', 'completed', '/r/a.txt'],
      ['write', 'error', '/r/../b.txt'],
    ]);
    expect(summary.usage).toEqual({ inputTokens: 195, outputTokens: 35 });
    expect(summary.steps).toBe(1);
    expect(summary.ignoredLines).toBe(1);
    expect(failedTools(summary)).toEqual([
      'write /r/../b.txt: The user rejected permission to use this specific tool call.',
    ]);
  });

  test('error events become readable messages', () => {
    expect(
      parseEventLine(
        '{"type":"error","error":{"name":"UnknownError","data":{"message":"The operation timed out."}}}',
      ),
    ).toEqual({
      kind: 'error',
      message: 'The operation timed out.',
    });
    expect(
      parseEventLine(
        '{"type":"error","error":{"name":"APIError","data":{"message":"401 bad key"}}}',
      ),
    ).toEqual({
      kind: 'error',
      message: 'APIError: 401 bad key',
    });
    expect(parseEventLine('{"type":"error"}')).toMatchObject({ kind: 'error' });
    expect(parseEventLine('[1,2]')).toEqual({ kind: 'ignored' });
    expect(parseEventLine('{not json')).toEqual({ kind: 'ignored' });
  });

  test('output is capped', () => {
    const many = Array.from({ length: 10 }, () =>
      JSON.stringify({ type: 'text', part: { text: 'x'.repeat(100) } }),
    );
    const { output } = summarizeOutput(many.join('\n'), 250);
    expect(output).toContain('[output truncated at 250 characters]');
    expect(output.replace(/\s|\[.*\]/g, '')).toHaveLength(250);
  });
});

describe('changedPaths', () => {
  const state = (
    status: Record<string, string>,
    prints: Record<string, string> = {},
  ): TreeState => ({
    root: '/r',
    head: 'abc',
    status: new Map(Object.entries(status)),
    fingerprints: new Map(
      Object.entries({
        ...Object.fromEntries(Object.keys(status).map((k) => [k, 'file:-:0'])),
        ...prints,
      }),
    ),
  });

  test('new dirty paths, changed dirty paths and paths that went clean', () => {
    const before = state({
      'dirty.txt': ' M',
      'same.txt': ' M',
      'reverted.txt': ' M',
      'new.txt': '??',
    });
    const after = state(
      { 'dirty.txt': ' M', 'same.txt': ' M', 'new.txt': '??', 'added.txt': '??', 'src/x.ts': ' M' },
      { 'dirty.txt': 'file:-:1' },
    );
    expect(changedPaths(before, after)).toEqual([
      'added.txt',
      'dirty.txt',
      'reverted.txt',
      'src/x.ts',
    ]);
  });

  test('parseStatusZ skips rename sources', () => {
    expect(parseStatusZ(' M a.txt\0?? b c.txt\0R  new.txt\0old.txt\0')).toEqual([
      { xy: ' M', path: 'a.txt' },
      { xy: '??', path: 'b c.txt' },
      { xy: 'R ', path: 'new.txt' },
    ]);
  });
});
