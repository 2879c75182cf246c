import { describe, expect, it } from '@jest/globals';
import { describeKeyProblem, hasKeyFor } from '../../src/models/gateway.js';
import { isLocalBaseURL, parseModelRef, resolveProvider } from '../../src/models/providers.js';

describe('resolveProvider', () => {
  it('openai: default base URL and OPENAI_API_KEY', () => {
    const r = resolveProvider('openai:gpt-4o-mini', { OPENAI_API_KEY: 'sk-live-1234567890' });
    expect(r).toMatchObject({
      provider: 'openai',
      model: 'gpt-4o-mini',
      ref: 'openai:gpt-4o-mini',
      baseURL: 'https://api.openai.com/v1',
      baseURLSource: 'default',
      apiKey: 'sk-live-1234567890',
      keyEnvName: 'OPENAI_API_KEY',
      keyEnvNames: ['OPENAI_API_KEY'],
      known: true,
      maxTokensParam: 'max_completion_tokens',
    });
  });

  it('openai honours OPENAI_BASE_URL', () => {
    const r = resolveProvider('openai:gpt-4o', {
      OPENAI_BASE_URL: 'https://proxy.example.com/v1',
      OPENAI_API_KEY: 'k-123456',
    });
    expect(r.baseURL).toBe('https://proxy.example.com/v1');
    expect(r.baseURLSource).toBe('env');
    expect(r.baseURLEnvName).toBe('OPENAI_BASE_URL');
    expect(r.keyOptional).toBe(false);
  });

  it('built-in providers have their OpenAI-compatible endpoints and key variables', () => {
    expect(resolveProvider('anthropic:claude-sonnet-4-5', {})).toMatchObject({
      baseURL: 'https://api.anthropic.com/v1/',
      keyEnvNames: ['ANTHROPIC_API_KEY'],
      maxTokensParam: 'max_tokens',
    });
    expect(resolveProvider('google:gemini-2.5-flash', {})).toMatchObject({
      provider: 'google',
      baseURL: 'https://generativelanguage.googleapis.com/v1beta/openai/',
      keyEnvNames: ['GEMINI_API_KEY', 'GOOGLE_API_KEY'],
    });
    expect(resolveProvider('openrouter:anthropic/claude-sonnet-4', {})).toMatchObject({
      baseURL: 'https://openrouter.ai/api/v1',
      keyEnvNames: ['OPENROUTER_API_KEY'],
      model: 'anthropic/claude-sonnet-4',
    });
    expect(resolveProvider('xai:grok-4', {})).toMatchObject({
      baseURL: 'https://api.x.ai/v1',
      keyEnvNames: ['XAI_API_KEY'],
    });
    expect(
      resolveProvider('anthropic:x', { ANTHROPIC_BASE_URL: 'https://a.example/v1/' }).baseURL,
    ).toBe('https://a.example/v1/');
    expect(resolveProvider('xai:x', { XAI_BASE_URL: 'https://x.example/v1' }).baseURL).toBe(
      'https://x.example/v1',
    );
    expect(
      resolveProvider('openrouter:x', { OPENROUTER_BASE_URL: 'https://o.example/v1' }).baseURL,
    ).toBe('https://o.example/v1');
  });

  it('gemini is an alias of google; GOOGLE_API_KEY works when GEMINI_API_KEY is unset', () => {
    const r = resolveProvider('gemini:gemini-2.5-pro', { GOOGLE_API_KEY: 'g-123456789' });
    expect(r.provider).toBe('google');
    expect(r.apiKey).toBe('g-123456789');
    expect(r.keyEnvName).toBe('GOOGLE_API_KEY');
    const both = resolveProvider('gemini:m', {
      GOOGLE_API_KEY: 'g-1',
      GEMINI_API_KEY: 'gem-2',
      GEMINI_BASE_URL: 'https://g.example/',
    });
    expect(both.apiKey).toBe('gem-2');
    expect(both.baseURL).toBe('https://g.example/');
  });

  it('azure: base URL from AZURE_OPENAI_BASE_URL or AZURE_OPENAI_ENDPOINT, key also as api-key header', () => {
    const fromEndpoint = resolveProvider('azure:my-deployment', {
      AZURE_OPENAI_ENDPOINT: 'https://res.openai.azure.com/',
      AZURE_OPENAI_API_KEY: 'az-key-123456',
    });
    expect(fromEndpoint.baseURL).toBe('https://res.openai.azure.com/openai/v1/');
    expect(fromEndpoint.model).toBe('my-deployment');
    expect(fromEndpoint.headers).toEqual({ 'api-key': 'az-key-123456' });
    expect(
      resolveProvider('azure:d', { AZURE_OPENAI_BASE_URL: 'https://b.example/openai/v1/' }).baseURL,
    ).toBe('https://b.example/openai/v1/');
    expect(resolveProvider('azure:d', {}).baseURL).toBeUndefined();
  });

  it('any other provider routes to <NAME>_BASE_URL with <NAME>_API_KEY', () => {
    const r = resolveProvider('together:meta-llama/Llama-3-70b', {
      TOGETHER_BASE_URL: 'https://api.together.xyz/v1',
      TOGETHER_API_KEY: 'tg-123456',
    });
    expect(r).toMatchObject({
      provider: 'together',
      model: 'meta-llama/Llama-3-70b',
      baseURL: 'https://api.together.xyz/v1',
      apiKey: 'tg-123456',
      keyEnvNames: ['TOGETHER_API_KEY'],
      baseURLEnvNames: ['TOGETHER_BASE_URL'],
      known: false,
      keyOptional: false,
    });
    expect(resolveProvider('my-local.llm:m', {}).keyEnvNames).toEqual(['MY_LOCAL_LLM_API_KEY']);
  });

  it('an unknown provider without a base URL has none (and is reported, not thrown)', () => {
    const r = resolveProvider('foo:bar', {});
    expect(r.baseURL).toBeUndefined();
    expect(r.baseURLSource).toBe('none');
    expect(hasKeyFor('foo:bar', {})).toBe(false);
    expect(describeKeyProblem('foo:bar', {})).toContain('FOO_BASE_URL');
  });

  it('a key is optional only for a local server whose base URL is set', () => {
    const local = resolveProvider('ollama:llama3.2', {
      OLLAMA_BASE_URL: 'http://localhost:11434/v1',
    });
    expect(local.keyOptional).toBe(true);
    expect(local.apiKey).toBeUndefined();
    expect(hasKeyFor('ollama:llama3.2', { OLLAMA_BASE_URL: 'http://localhost:11434/v1' })).toBe(
      true,
    );

    expect(
      resolveProvider('remote:m', { REMOTE_BASE_URL: 'https://llm.example.com/v1' }).keyOptional,
    ).toBe(false);
    expect(hasKeyFor('remote:m', { REMOTE_BASE_URL: 'https://llm.example.com/v1' })).toBe(false);
    expect(
      describeKeyProblem('remote:m', { REMOTE_BASE_URL: 'https://llm.example.com/v1' }),
    ).toContain('REMOTE_API_KEY');
    // Built-in default endpoints always need a key.
    expect(resolveProvider('openai:gpt-4o', {}).keyOptional).toBe(false);
    expect(
      resolveProvider('openai:gpt-4o', { OPENAI_BASE_URL: 'http://127.0.0.1:8080/v1' }).keyOptional,
    ).toBe(true);
  });

  it('treats empty and whitespace values as unset and trims keys', () => {
    expect(resolveProvider('openai:m', { OPENAI_API_KEY: '' }).apiKey).toBeUndefined();
    expect(resolveProvider('openai:m', { OPENAI_API_KEY: '  sk-abc123456\n' }).apiKey).toBe(
      'sk-abc123456',
    );
    expect(resolveProvider('openai:m', { OPENAI_BASE_URL: ' ' }).baseURL).toBe(
      'https://api.openai.com/v1',
    );
  });

  it('bare names are OpenAI models; malformed references throw', () => {
    expect(parseModelRef('gpt-4o')).toEqual({
      provider: 'openai',
      model: 'gpt-4o',
      ref: 'openai:gpt-4o',
    });
    expect(() => parseModelRef('openai:')).toThrow(/not a valid model reference/);
    expect(() => parseModelRef(':gpt')).toThrow(/not a valid model reference/);
    expect(describeKeyProblem('openai:', {})).toContain('not a valid model reference');
  });

  it('hasKeyFor / describeKeyProblem name the variable to set', () => {
    expect(hasKeyFor('openai:gpt-4o', {})).toBe(false);
    expect(describeKeyProblem('openai:gpt-4o', {})).toBe(
      'OPENAI_API_KEY is not set (needed for openai:gpt-4o).',
    );
    expect(describeKeyProblem('gemini:g', {})).toContain('GEMINI_API_KEY (or GOOGLE_API_KEY)');
    expect(hasKeyFor('openai:gpt-4o', { OPENAI_API_KEY: 'sk-1234567' })).toBe(true);
    expect(describeKeyProblem('openai:gpt-4o', { OPENAI_API_KEY: 'sk-1234567' })).toBeUndefined();
  });

  it('isLocalBaseURL', () => {
    for (const url of [
      'http://localhost:1234/v1',
      'http://127.0.0.1:8080',
      'http://[::1]:11434/v1',
      'http://192.168.1.5/v1',
      'http://10.0.0.2/v1',
      'http://172.20.0.1/v1',
      'http://gpu.local/v1',
      'http://host.docker.internal:11434/v1',
    ]) {
      expect([url, isLocalBaseURL(url)]).toEqual([url, true]);
    }
    for (const url of [
      'https://api.openai.com/v1',
      'http://172.32.0.1/',
      'https://fdomain.example/v1',
      'not a url',
    ]) {
      expect([url, isLocalBaseURL(url)]).toEqual([url, false]);
    }
  });
});
