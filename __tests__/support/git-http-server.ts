/**
 * A git smart-HTTP server on 127.0.0.1 for one bare repository, through `git http-backend`, the
 * way GitHub serves a public repository: anyone may fetch, a push needs the token (Basic
 * `x-access-token:<token>`, or Bearer). Every request is recorded, so tests can check what
 * hostile code sent and that its pushes were refused.
 */
import { spawn, execFileSync } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { basename, dirname } from 'node:path';

export interface GitHttpRequest {
  method: string;
  url: string;
  authorization?: string;
  body: string;
  status: number;
}

export interface GitHttpServer {
  /** Clone URL of the repository, e.g. `http://127.0.0.1:4321/origin.git`. */
  url: string;
  /** Root to key `http.<root>.extraheader` on, like actions/checkout does for its server. */
  root: string;
  requests: GitHttpRequest[];
  close(): Promise<void>;
}

const basicOf = (token: string): string =>
  `basic ${Buffer.from(`x-access-token:${token}`).toString('base64')}`;

export async function startGitHttpServer(bareRepo: string, token: string): Promise<GitHttpServer> {
  const execPath = execFileSync('git', ['--exec-path'], { encoding: 'utf8' }).trim();
  const requests: GitHttpRequest[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const url = new URL(req.url ?? '/', 'http://x');
      const pushing =
        url.pathname.endsWith('/git-receive-pack') ||
        url.searchParams.get('service') === 'git-receive-pack';
      const auth = req.headers.authorization;
      const record: GitHttpRequest = {
        method: req.method ?? '',
        url: req.url ?? '',
        ...(auth ? { authorization: auth } : {}),
        body: body.toString('latin1'),
        status: 0,
      };
      requests.push(record);
      const authorised =
        auth !== undefined &&
        (auth.toLowerCase() === basicOf(token).toLowerCase() || auth === `Bearer ${token}`);
      if (pushing && !authorised) {
        record.status = 401;
        res.writeHead(401, { 'www-authenticate': 'Basic realm="GitHub"' });
        res.end('Authentication required');
        return;
      }
      const cgi = spawn(`${execPath}/git-http-backend`, [], {
        env: {
          PATH: process.env.PATH,
          GIT_PROJECT_ROOT: dirname(bareRepo),
          GIT_HTTP_EXPORT_ALL: '1',
          PATH_INFO: url.pathname,
          QUERY_STRING: url.search.slice(1),
          REQUEST_METHOD: req.method ?? 'GET',
          CONTENT_TYPE: req.headers['content-type'] ?? '',
          CONTENT_LENGTH: String(body.length),
          HTTP_CONTENT_ENCODING: req.headers['content-encoding'] ?? '',
          REMOTE_USER: authorised ? 'x-access-token' : '',
          REMOTE_ADDR: '127.0.0.1',
        },
      });
      const out: Buffer[] = [];
      cgi.stdout.on('data', (c: Buffer) => out.push(c));
      // A GET is answered without reading stdin: the pipe may close first.
      cgi.stdin.on('error', () => {});
      cgi.stdin.end(body);
      cgi.on('close', () => {
        const all = Buffer.concat(out);
        const split = all.indexOf('\r\n\r\n');
        const head = all.subarray(0, split).toString('latin1');
        const headers: Record<string, string> = {};
        let status = 200;
        for (const line of head.split('\r\n')) {
          const at = line.indexOf(':');
          const name = line.slice(0, at).trim();
          const value = line.slice(at + 1).trim();
          if (name.toLowerCase() === 'status') status = Number(value.split(' ')[0]);
          else if (name) headers[name] = value;
        }
        record.status = status;
        res.writeHead(status, headers);
        res.end(all.subarray(split + 4));
      });
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const root = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return {
    url: `${root}${basename(bareRepo)}`,
    root,
    requests,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
