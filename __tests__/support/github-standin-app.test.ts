/**
 * The stand-in's GitHub App: JWTs checked like GitHub checks them, installation tokens that act
 * as the App's bot, and the two ways to start a workflow, each validated against the OpenAPI
 * description.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { generateKeyPairSync, sign } from 'node:crypto';
import { APP_BOT, appKeys, standinApp } from './app-process.js';
import { startGitHubStandin, type GitHubStandin } from './github-standin.js';

let gh: GitHubStandin;
beforeAll(async () => {
  gh = await startGitHubStandin({
    token: 'ghs_actions',
    owner: 'acme',
    repo: 'calc',
    app: standinApp({ permissions: { metadata: 'read', contents: 'write' } }),
    workflows: ['aethr.yml'],
  });
});
afterAll(async () => gh.close());

function jwt(claims: Record<string, unknown>, key = appKeys().privateKey): string {
  const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const body = `${part({ alg: 'RS256', typ: 'JWT' })}.${part({ iat: now - 30, exp: now + 540, iss: 4242, ...claims })}`;
  return `${body}.${sign('RSA-SHA256', Buffer.from(body), key).toString('base64url')}`;
}

async function call(method: string, path: string, token: string, body?: unknown) {
  const res = await fetch(`${gh.url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      'user-agent': 'test',
      accept: 'application/vnd.github+json',
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

describe('the App JWT', () => {
  it('reads the App and its installation and mints a token acting as <slug>[bot]', async () => {
    const token = jwt({});
    expect(await call('GET', '/app', token)).toMatchObject({
      status: 200,
      body: { slug: 'aethr-test' },
    });
    const installation = await call('GET', '/repos/acme/calc/installation', token);
    expect(installation).toMatchObject({ status: 200, body: { id: 77, app_slug: 'aethr-test' } });
    const minted = await call('POST', '/app/installations/77/access_tokens', token, {});
    expect(minted.status).toBe(201);
    const ghs = String(minted.body.token);
    expect(gh.installationTokens).toContain(ghs);
    const comment = await call('POST', '/repos/acme/calc/issues/1/comments', ghs, { body: 'hi' });
    expect(comment.status).toBe(404); // no issue 1, but the token was accepted
    expect(gh.violations).toEqual([]);
    expect(gh.responseViolations).toEqual([]);
    expect((await call('GET', '/users/aethr-test%5Bbot%5D', ghs)).body).toMatchObject({
      login: APP_BOT,
      type: 'Bot',
    });
  });

  it.each([
    ['signed with another key', () => jwt({}, otherKey()), /signature does not match/],
    ['expired', () => jwt({ iat: 1000, exp: 1600 }), /'exp'\) is in the past/],
    [
      'valid for too long',
      () => jwt({ exp: Math.floor(Date.now() / 1000) + 3600 }),
      /too far in the future/,
    ],
    ['for another App', () => jwt({ iss: 1 }), /iss 1 is not the App/],
  ])('is refused when %s', async (_what, token, why) => {
    const before = gh.violations.length;
    expect((await call('GET', '/app', token())).status).toBe(401);
    expect(gh.violations.slice(before).join('\n')).toMatch(why);
  });

  it('is refused on repository endpoints, and /app refuses installation tokens', async () => {
    const before = gh.violations.length;
    expect((await call('GET', '/repos/acme/calc', jwt({}))).status).toBe(401);
    expect((await call('GET', '/app', 'ghs_actions')).status).toBe(401);
    expect(gh.violations.slice(before)).toEqual([
      expect.stringMatching(/repos\/get called with the App's JWT/),
      expect.stringMatching(/apps\/get-authenticated needs the App's JWT/),
    ]);
  });
});

describe('starting workflows', () => {
  it('records repository_dispatch and refuses payloads over 64 KB', async () => {
    const payload = { aethr: 1, event: 'pull_request' };
    expect(
      (
        await call('POST', '/repos/acme/calc/dispatches', 'ghs_actions', {
          event_type: 'aethr',
          client_payload: payload,
        })
      ).status,
    ).toBe(204);
    expect(gh.state.dispatches.at(-1)).toMatchObject({
      kind: 'repository_dispatch',
      eventType: 'aethr',
      clientPayload: payload,
    });
    const big = { event_type: 'aethr', client_payload: { x: 'y'.repeat(70_000) } };
    expect((await call('POST', '/repos/acme/calc/dispatches', 'ghs_actions', big)).status).toBe(
      422,
    );
    // GitHub's limit of 10 top-level properties comes from the OpenAPI description.
    const wide = {
      event_type: 'aethr',
      client_payload: Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`k${i}`, i])),
    };
    const before = gh.violations.length;
    expect((await call('POST', '/repos/acme/calc/dispatches', 'ghs_actions', wide)).status).toBe(
      422,
    );
    expect(gh.violations.length).toBe(before + 1);
  });

  it('workflow_dispatch needs a known workflow, a real ref and the actions permission', async () => {
    const ok = await call(
      'POST',
      '/repos/acme/calc/actions/workflows/aethr.yml/dispatches',
      'ghs_actions',
      { ref: 'main', inputs: { aethr: '{}' } },
    );
    expect(ok.status).toBe(204);
    expect(gh.state.dispatches.at(-1)).toMatchObject({
      kind: 'workflow_dispatch',
      workflowId: 'aethr.yml',
      ref: 'main',
    });
    const unknown = await call(
      'POST',
      '/repos/acme/calc/actions/workflows/other.yml/dispatches',
      'ghs_actions',
      { ref: 'main' },
    );
    expect(unknown.status).toBe(404);
    const noRef = await call(
      'POST',
      '/repos/acme/calc/actions/workflows/aethr.yml/dispatches',
      'ghs_actions',
      { ref: 'nope' },
    );
    expect(noRef).toMatchObject({ status: 422, body: { message: 'No ref found for: nope' } });
    // This installation has no actions permission.
    const minted = await call('POST', '/app/installations/77/access_tokens', jwt({}), {});
    const asApp = await call(
      'POST',
      '/repos/acme/calc/actions/workflows/aethr.yml/dispatches',
      String(minted.body.token),
      { ref: 'main' },
    );
    expect(asApp).toMatchObject({
      status: 403,
      body: { message: 'Resource not accessible by integration' },
    });
  });
});

let other: string | undefined;
function otherKey(): string {
  other ??= generateKeyPairSync('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  }).privateKey;
  return other;
}
