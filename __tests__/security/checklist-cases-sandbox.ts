/**
 * Checklist: repository code from a fork — a validator of the base workflow running the fork's
 * script, and an agent (a fake opencode) — run through the bundled action on a checkout made like
 * actions/checkout's (the token persisted as an extraheader, an includeIf credentials file in
 * RUNNER_TEMP, credentials in HOME). The origin is served over HTTP like GitHub serves a public
 * repository: anyone fetches, pushing needs the token. A canary is planted in every secret; none
 * may be found by the code, nor appear in any comment, log line, output, request body or prompt.
 */
import { expect } from '@jest/globals';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { reviewReply } from '../support/action-fixture.js';
import {
  byRole,
  commentEvent,
  everythingSent,
  implementWorkflow,
  newFilePatch,
  roleOf,
  setBaseWorkflow,
  whereFound,
  withFixture,
  type CaseFixture,
  type ChecklistCase,
  checklistCase,
} from '../support/checklist-kit.js';
import { startGitHttpServer, type GitHttpServer } from '../support/git-http-server.js';
import { git } from '../support/pr-repo.js';
import type { ActionRun } from '../support/run-action.js';

const HOSTILE = resolve(dirname(fileURLToPath(import.meta.url)), '../sandbox/hostile-code.mjs');
const C = {
  token: 'ghs_CANARYtokenQQQQ1111rrrr2222',
  modelKey: 'sk-CANARYmodelkey-3333ssss4444',
  input: 'CANARYinputXXXX5555tttt',
  secret: 'CANARYjobsecret6666uuuu',
  gitInclude: 'CANARYinclude8888vvvv',
  homeCreds: 'CANARYhomecreds9999wwww',
};
const CANARIES = Object.values(C);
const b64 = (s: string): string => Buffer.from(`x-access-token:${s}`).toString('base64');
const NEEDLES = [...CANARIES, ...CANARIES.map(b64)];
const found = (text: string): string[] => NEEDLES.filter((n) => text.includes(n));

const c = checklistCase;

interface HostileRun {
  out: ActionRun;
  loot: string;
  /** Every request the git server received, as text. */
  gitSeen: string;
  pushes: Array<{ status: number }>;
  originRefs: string;
  sent: Record<string, string>;
  /** Bodies of every model request. */
  modelBodies: string;
  modelAuth: string[];
  pwnedComments: number;
  hostileApiStatuses: number[];
}

/** A fork PR, a checkout holding credentials as actions/checkout leaves them, and the hostile code. */
async function runHostile(kind: 'validator' | 'agent'): Promise<HostileRun> {
  const dir = mkdtempSync(join(tmpdir(), `aethr-checklist-${kind}-`));
  const home = join(dir, 'home');
  const runnerTemp = join(dir, 'runner-temp');
  mkdirSync(join(home, '.config', 'gh'), { recursive: true });
  mkdirSync(runnerTemp);
  writeFileSync(join(home, '.git-credentials'), `http://x-access-token:${C.homeCreds}@127.0.0.1\n`);
  writeFileSync(join(home, '.config', 'gh', 'hosts.yml'), `oauth_token: ${C.homeCreds}\n`);
  const loot = join(dir, 'loot.txt');
  let server: GitHttpServer | undefined;
  let reviewed = 0;
  let result: HostileRun | undefined;
  try {
    await withFixture(
      {
        token: C.token,
        key: C.modelKey,
        pull: { head: { repo: 'forker/calc' }, maintainer_can_modify: false },
        head: { 'a.py': 'x = 2\n', 'check.mjs': `import ${JSON.stringify(HOSTILE)};\n` },
        reply: (req, i) => {
          // The first review asks for another pass, so a second implement prompt follows.
          const again = /reviewer/.test(roleOf(req)) && reviewed++ === 0;
          const verdict = again
            ? reviewReply(
                [{ path: 'a.py', line: 1, severity: 'high', title: 't', body: 'b' }],
                'revise',
              )
            : reviewReply([], 'pass');
          return byRole(newFilePatch('fix.txt'), verdict)(req, i);
        },
      },
      async (fx) => {
        server = await startGitHttpServer(fx.repo.origin, C.token);
        const api = `${fx.gh.url}/repos/acme/calc/issues/${fx.repo.number}/comments`;
        const workspace = checkout(fx, server, runnerTemp);
        const runEnv: Record<string, string> = {
          HOME: home,
          RUNNER_TEMP: runnerTemp,
          GITHUB_REPOSITORY: 'acme/calc',
          GITHUB_TOKEN: C.token,
          INPUT_DEPLOY_KEY: C.input,
          ACTIONS_RUNTIME_TOKEN: C.input,
          DEPLOY_PASSWORD: C.secret,
          MY_SERVICE: C.secret,
        };
        if (kind === 'validator') {
          setBaseWorkflow(
            fx,
            implementWorkflow({
              maxIterations: 2,
              extra: `validators:\n  - name: test\n    run: [node, check.mjs, ${loot}, ${server.url}, ${home}, ${runnerTemp}, "--api=${api}", --fail]\n`,
            }),
          );
        } else {
          const bin = join(dir, 'opencode');
          writeFileSync(
            bin,
            `#!/usr/bin/env node\nObject.assign(process.env, ${JSON.stringify({
              HOSTILE_LOOT: loot,
              HOSTILE_REMOTE: server.url,
              HOSTILE_PATHS: `${home}:${runnerTemp}`,
              HOSTILE_API: api,
            })});\nawait import(${JSON.stringify(HOSTILE)});\n`,
            { mode: 0o755 },
          );
          runEnv.AETHR_OPENCODE_BIN = bin;
          setBaseWorkflow(fx, implementWorkflow().replace('backend: patch', 'backend: opencode'));
        }
        const before = git(fx.repo.origin, 'for-each-ref', '--format=%(refname) %(objectname)');
        const out = await fx.run(
          'issue_comment',
          commentEvent(fx, '/aethr implement add a fix file'),
          {},
          runEnv,
          workspace,
        );
        const chats = fx.chats();
        result = {
          out,
          loot: existsSync(loot) ? readFileSync(loot, 'utf8') : '',
          // What the hostile code sent (aethr's own fetches carry the checkout's credential).
          gitSeen: server.requests
            .filter((r) => !/git-upload-pack/.test(r.url))
            .map((r) => JSON.stringify(r))
            .join('\n'),
          pushes: server.requests.filter((r) => /receive-pack/.test(r.url)),
          originRefs: `${before}\n=>\n${git(fx.repo.origin, 'for-each-ref', '--format=%(refname) %(objectname)')}`,
          sent: everythingSent(fx, out),
          modelBodies: chats.map((r) => r.rawBody).join('\n'),
          modelAuth: chats.map((r) => String(r.headers.authorization)),
          pwnedComments: fx.gh.state.issueComments.filter((x) => x.body.includes('pwned')).length,
          hostileApiStatuses: fx.gh.requests
            .filter((r) => r.headers['user-agent'] === 'hostile')
            .map((r) => r.status),
        };
        assertCleanCheckout(workspace, runnerTemp);
      },
    );
  } finally {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return result!;
}

/** The default branch at depth 1 from the HTTP origin, credentials persisted as checkout does. */
function checkout(fx: CaseFixture, server: GitHttpServer, runnerTemp: string): string {
  const workspace = fx.defaultBranchCheckout(server.url);
  git(
    workspace,
    'config',
    `http.${server.root}.extraheader`,
    `AUTHORIZATION: basic ${b64(C.token)}`,
  );
  const credFile = join(runnerTemp, 'git-credentials-1234.config');
  writeFileSync(
    credFile,
    `[http "${server.root}"]\n\textraheader = AUTHORIZATION: basic ${b64(C.gitInclude)}\n`,
  );
  git(workspace, 'config', `includeIf.gitdir:${join(workspace, '.git')}/.path`, credFile);
  return workspace;
}

/** After the run the credentials are back where actions/checkout put them. */
function assertCleanCheckout(workspace: string, runnerTemp: string): void {
  expect(git(workspace, 'config', '--get-regexp', 'extraheader')).toContain(b64(C.token));
  expect(readFileSync(join(runnerTemp, 'git-credentials-1234.config'), 'utf8')).toContain(
    b64(C.gitInclude),
  );
}

const runs = new Map<string, Promise<HostileRun>>();
const shared = (kind: 'validator' | 'agent'): Promise<HostileRun> => {
  if (!runs.has(kind)) runs.set(kind, runHostile(kind));
  return runs.get(kind)!;
};

/** No canary in anything aethr posted, printed, output or sent (the runner's masking lines aside). */
function expectNoCanaryOut(run: HostileRun): void {
  const { log, 'request bodies': bodies, ...posted } = run.sent;
  expect(whereFound(posted, NEEDLES)).toEqual([]);
  expect(found(log!.replace(/^::add-mask::.*$/gm, ''))).toEqual([]);
  expect(found(bodies!)).toEqual([]);
  expect(found(run.modelBodies)).toEqual([]);
}

interface ForkValidatorRun {
  out: ActionRun;
  summaries: string;
  configBefore: string;
  configAfter: string;
  originRefs: string;
}

/** `/aethr implement` on a fork PR whose base workflow runs `validator(fx)` (file:// origin). */
async function runForkValidator(
  validator: (fx: CaseFixture) => string,
  env: Record<string, string> = {},
): Promise<ForkValidatorRun> {
  let result: ForkValidatorRun | undefined;
  await withFixture(
    {
      pull: { head: { repo: 'forker/calc' }, maintainer_can_modify: false },
      reply: byRole(newFilePatch('fix.txt'), reviewReply([], 'pass')),
    },
    async (fx) => {
      setBaseWorkflow(
        fx,
        implementWorkflow({ extra: `validators:\n  - name: test\n    run: ${validator(fx)}\n` }),
      );
      const workspace = fx.defaultBranchCheckout();
      const config = join(workspace, '.git', 'config');
      const configBefore = readFileSync(config, 'utf8');
      const out = await fx.run(
        'issue_comment',
        commentEvent(fx, '/aethr implement add a fix file'),
        {},
        { GITHUB_REPOSITORY: 'acme/calc', ...env },
        workspace,
      );
      result = {
        out,
        summaries: fx.summaries().join('\n'),
        configBefore,
        configAfter: readFileSync(config, 'utf8'),
        originRefs: git(fx.repo.origin, 'for-each-ref', '--format=%(refname)'),
      };
    },
  );
  return result!;
}

export const SANDBOX_CASES: ChecklistCase[] = [
  c(
    'S01',
    "a fork's validator finds no token, key or secret in env, /proc, .git/config or on disk",
    async () => {
      const run = await shared('validator');
      expect(run.loot).toContain('== /proc/'); // it did look
      expect(run.loot).toContain('== .git/config');
      expect(found(run.loot)).toEqual([]);
    },
  ),
  c('S02', "a fork's validator cannot push or call the API", async () => {
    const run = await shared('validator');
    expect(run.pushes.length).toBeGreaterThan(0); // it did try
    expect(run.pushes.map((p) => p.status).filter((s) => s !== 401)).toEqual([]);
    expect(found(run.gitSeen)).toEqual([]);
    expect(run.originRefs).not.toMatch(/pwned/);
    expect(run.hostileApiStatuses.length).toBeGreaterThan(0);
    expect(run.hostileApiStatuses.filter((s) => s !== 401)).toEqual([]);
    expect(run.pwnedComments).toBe(0);
  }),
  c(
    'S03',
    'canaries of every secret: in no comment, log line, output, request body or prompt (validator run)',
    async () => {
      const run = await shared('validator');
      expect(run.sent.comments).toMatch(/validator "test" failed/); // it ran, and failed
      expectNoCanaryOut(run);
    },
  ),
  c(
    'S04',
    'a fake agent on a fork PR finds no secret and holds only a dummy model key',
    async () => {
      const run = await shared('agent');
      expect(run.loot).toContain('== /proc/');
      expect(found(run.loot)).toEqual([]);
      expect(run.loot).toMatch(/== model reply\n.*Plan\./); // the proxy answered it
      expect(run.loot).toMatch(/== wrong key status\n401/);
    },
  ),
  c('S05', 'a fake agent cannot push or call the API', async () => {
    const run = await shared('agent');
    expect(run.pushes.length).toBeGreaterThan(0);
    expect(run.pushes.map((p) => p.status).filter((s) => s !== 401)).toEqual([]);
    expect(found(run.gitSeen)).toEqual([]);
    expect(run.hostileApiStatuses.filter((s) => s !== 401)).toEqual([]);
    expect(run.pwnedComments).toBe(0);
  }),
  c(
    'S06',
    "the agent's model calls are made by aethr with the real key; no canary anywhere (agent run)",
    async () => {
      const run = await shared('agent');
      expect(run.modelAuth.length).toBeGreaterThan(0);
      expect(run.modelAuth.filter((a) => a !== `Bearer ${C.modelKey}`)).toEqual([]);
      expectNoCanaryOut(run);
    },
  ),
  c(
    'S07',
    'no isolation on the runner: fork code does not run, and the summary says what to enable',
    async () => {
      const mark = join(tmpdir(), `aethr-checklist-s07-${process.pid}`);
      const run = await runForkValidator(
        () => `[node, -e, "require('fs').writeFileSync('${mark}', 'ran')"]`,
        { AETHR_SANDBOX: 'none' },
      );
      expect(existsSync(mark)).toBe(false);
      const said = `${run.summaries}\n${run.out.stdout}`;
      expect(said).toMatch(/no process isolation is available/);
      expect(said).toMatch(/bubblewrap/);
    },
  ),
  c(
    'S08',
    'a validator that changes .git/config fails the run loudly; the config is restored',
    async () => {
      const run = await runForkValidator(() => '[git, config, core.hooksPath, /tmp/evil-hooks]');
      expect(run.out.code).not.toBe(0);
      expect(run.summaries).toMatch(/changed what it must not/);
      expect(run.configBefore).not.toMatch(/hooksPath/);
      expect(run.configAfter).not.toMatch(/hooksPath/);
    },
  ),
  c(
    'S09',
    'a validator that moves a ref on the remote (by any means) fails the run loudly',
    async () => {
      // A file:// remote needs no credential: the integrity check is what catches this.
      const run = await runForkValidator(
        (fx) => `[git, push, -q, ${fx.repo.origin}, HEAD:refs/heads/sneaky]`,
      );
      expect(run.originRefs).toContain('refs/heads/sneaky'); // it did move a ref
      expect(run.out.code).not.toBe(0);
      expect(run.summaries).toMatch(/refs\/heads\/sneaky/);
    },
  ),
];
