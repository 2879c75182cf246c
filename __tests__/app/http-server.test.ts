/** The App's HTTP routes: health, who may read /status, and oversized webhook bodies. */
import { afterEach, expect, it } from '@jest/globals';
import { request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHttpServer } from '../../src/app/http-server.js';

let server: Server | undefined;
afterEach(async () => {
  await new Promise<void>((done) => (server ? server.close(() => done()) : done()));
});

async function start(o: { statusToken?: string; health?: 'ready' | 'draining' } = {}) {
  let webhookCalls = 0;
  server = createHttpServer({
    webhookPath: '/api/github/webhooks',
    webhooks: (_req, res) => {
      webhookCalls++;
      res.writeHead(200).end('ok\n');
    },
    health: () => o.health ?? 'ready',
    status: (recent) => ({ recent: recent ?? 50 }),
    ...(o.statusToken ? { statusToken: o.statusToken } : {}),
  });
  await new Promise<void>((done) => server!.listen(0, '127.0.0.1', () => done()));
  const url = `http://127.0.0.1:${(server!.address() as AddressInfo).port}`;
  return { url, calls: () => webhookCalls };
}

it('healthz says ready or draining', async () => {
  const { url } = await start({ health: 'draining' });
  const r = await fetch(`${url}/healthz`);
  expect([r.status, await r.json()]).toEqual([503, { status: 'draining' }]);
});

it('status answers loopback clients, not what a proxy forwards, and takes ?recent', async () => {
  const { url } = await start();
  const local = await fetch(`${url}/status?recent=5000`);
  expect([local.status, await local.json()]).toEqual([200, { recent: 1000 }]);
  const proxied = await fetch(`${url}/status`, { headers: { 'x-forwarded-for': '203.0.113.9' } });
  expect(proxied.status).toBe(401);
  expect(await proxied.json()).toEqual({
    error:
      'GET /status answers loopback clients only; set AETHR_STATUS_TOKEN to read it from elsewhere.',
  });
});

it('with AETHR_STATUS_TOKEN, status needs the bearer token', async () => {
  const { url } = await start({ statusToken: 'status-secret-123' });
  expect((await fetch(`${url}/status`)).status).toBe(401);
  const wrong = await fetch(`${url}/status`, { headers: { authorization: 'Bearer nope' } });
  expect(wrong.status).toBe(401);
  const right = await fetch(`${url}/status`, {
    headers: { authorization: 'Bearer status-secret-123', 'x-forwarded-for': '203.0.113.9' },
  });
  expect(right.status).toBe(200);
});

it('refuses a webhook body over 25 MB before reading it, and 404s anything else', async () => {
  const { url, calls } = await start();
  // Headers announcing 26 MB, then a trickle: the answer comes before the body is read.
  const status = await new Promise<number>((done, fail) => {
    const req = request(`${url}/api/github/webhooks`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': 26 * 1024 * 1024 },
    });
    req.on('response', (res) => {
      done(res.statusCode ?? 0);
      req.destroy();
    });
    req.on('error', fail);
    req.write('{');
  });
  expect(status).toBe(413);
  expect(calls()).toBe(0);
  expect((await fetch(`${url}/nope`)).status).toBe(404);
  expect((await fetch(`${url}/api/github/webhooks`, { method: 'POST', body: '{}' })).status).toBe(
    200,
  );
  expect(calls()).toBe(1);
});
