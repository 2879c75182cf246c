// Baseline of bench/app-ack.bench.ts: a bare Probot app with a no-op handler — the same webhook
// middleware (signature check, JSON parse, Probot's event context) and nothing after it.
import { createServer } from 'node:http';
import { pino } from 'pino';
import { Probot } from 'probot';

const probot = new Probot({
  appId: Number(process.env.APP_ID),
  privateKey: process.env.PRIVATE_KEY,
  secret: process.env.WEBHOOK_SECRET,
  log: pino({ level: process.env.LOG_LEVEL ?? 'info' }),
});
await probot.load((app) => {
  app.onAny(async () => {});
});
const webhooks = await probot.getNodeMiddleware({ path: '/api/github/webhooks' });
const server = createServer((req, res) => {
  void webhooks(req, res, () => res.writeHead(404).end());
});
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address();
  console.log(JSON.stringify({ level: 30, port, msg: `bare Probot app listening on ${port}` }));
});
