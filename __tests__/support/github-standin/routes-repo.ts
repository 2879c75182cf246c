/** The repository itself: metadata, collaborator permissions, contents, refs and check runs. */
import { createHash } from 'node:crypto';
import { listBranches, resolveBranch } from './git.js';
import type { Handler, HandlerRequest, HandlerResult } from './handler.js';
import { fail, intParam, notFound, obj } from './handler.js';
import { checkRunJson, collaboratorPermissionJson, repoJson } from './models.js';
import type { CheckRunRecord, PermissionLevel } from './state.js';
import { nodeId, nowIso } from './state.js';

const getRepo: Handler = (req) => ({ status: 200, body: repoJson(req.ctx, req.repo, true) });

const getPermission: Handler = (req) => {
  const username = req.params.username as string;
  const setting =
    req.state.permissions.get(username) ??
    [...req.state.permissions].find(
      ([login]) => login.toLowerCase() === username.toLowerCase(),
    )?.[1] ??
    (username.toLowerCase() === req.repo.owner.toLowerCase()
      ? 'admin'
      : req.config.defaultPermission);
  if (setting === 404) return fail(req, 404, `${username} is not a user`);
  if (setting === 500) return fail(req, 500, 'Server Error');
  if (setting === 'hang') return { status: 0, hang: true };
  return {
    status: 200,
    body: collaboratorPermissionJson(req.ctx, username, setting as PermissionLevel),
  };
};

function blobSha(text: string): string {
  const bytes = Buffer.from(text);
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}

/** The ref names under which a requested ref's files may be stored in the contents map. */
function refAliases(req: HandlerRequest, ref: string): string[] {
  const out = [ref];
  const short = ref.replace(/^refs\/heads\//, '');
  if (short !== ref) out.push(short);
  const branches = listBranches(req.state, req.config);
  for (const [name, sha] of branches) {
    if (sha === ref) out.push(name);
    if (name === short) out.push(sha);
  }
  for (const pr of req.state.pulls) {
    if (pr.pull.base.sha === ref) out.push(pr.pull.base.ref);
    if (pr.pull.base.ref === short) out.push(pr.pull.base.sha);
    if (pr.pull.head.repo.toLowerCase() === req.repo.full_name.toLowerCase()) {
      if (pr.pull.head.sha === ref) out.push(pr.pull.head.ref);
      if (pr.pull.head.ref === short) out.push(pr.pull.head.sha);
    }
  }
  return [...new Set(out)];
}

const getContent: Handler = (req) => {
  const path = (req.params.path ?? '').replace(/^\/+|\/+$/g, '');
  const ref = req.query.get('ref') ?? req.repo.default_branch;
  const api = `${req.ctx.api}/repos/${req.repo.full_name}`;
  for (const alias of refAliases(req, ref)) {
    const files = req.state.contents.get(alias);
    if (!files) continue;
    const text = files.get(path);
    const entryJson = (p: string, t: string | undefined): Record<string, unknown> => {
      const isDir = t === undefined;
      const sha = isDir
        ? createHash('sha1').update(`tree:${alias}:${p}`).digest('hex')
        : blobSha(t);
      const enc = p.split('/').map(encodeURIComponent).join('/');
      const refEnc = encodeURIComponent(ref);
      const self = `${api}/contents/${enc}?ref=${refEnc}`;
      const html = `${req.ctx.html}/${req.repo.full_name}/${isDir ? 'tree' : 'blob'}/${refEnc}/${enc}`;
      const git = `${api}/git/${isDir ? 'trees' : 'blobs'}/${sha}`;
      return {
        type: isDir ? 'dir' : 'file',
        size: isDir ? 0 : Buffer.byteLength(t),
        name: p.split('/').at(-1) ?? p,
        path: p,
        sha,
        url: self,
        git_url: git,
        html_url: html,
        download_url: isDir
          ? null
          : `https://raw.githubusercontent.com/${req.repo.full_name}/${refEnc}/${enc}`,
        _links: { self, git, html },
      };
    };
    if (text !== undefined) {
      if (/application\/vnd\.github(\.v3)?\.raw/.test(String(req.headers.accept ?? ''))) {
        return { status: 200, text, contentType: 'application/vnd.github.raw; charset=utf-8' };
      }
      // GitHub wraps the base64 content at 60 characters.
      const content =
        (
          Buffer.from(text)
            .toString('base64')
            .match(/.{1,60}/g) ?? []
        ).join('\n') + '\n';
      return { status: 200, body: { ...entryJson(path, text), content, encoding: 'base64' } };
    }
    const prefix = path === '' ? '' : `${path}/`;
    const children = new Map<string, string | undefined>();
    for (const [p, t] of files) {
      if (!p.startsWith(prefix)) continue;
      const rest = p.slice(prefix.length);
      const slash = rest.indexOf('/');
      children.set(prefix + (slash < 0 ? rest : rest.slice(0, slash)), slash < 0 ? t : undefined);
    }
    if (children.size > 0) {
      return { status: 200, body: [...children].sort().map(([p, t]) => entryJson(p, t)) };
    }
  }
  return notFound(req);
};

const getRef: Handler = (req) => {
  const ref = req.params.ref as string;
  if (!ref.startsWith('heads/')) return notFound(req);
  const sha = resolveBranch(req.state, req.config, ref.slice('heads/'.length));
  if (!sha) return notFound(req);
  const api = `${req.ctx.api}/repos/${req.repo.full_name}`;
  return {
    status: 200,
    body: {
      ref: `refs/${ref}`,
      node_id: nodeId('REF', Number.parseInt(sha.slice(0, 8), 16)),
      url: `${api}/git/refs/${ref}`,
      object: { sha, type: 'commit', url: `${api}/git/commits/${sha}` },
    },
  };
};

const MAX_ANNOTATIONS_PER_REQUEST = 50;

/** GitHub's answer when a request's output is refused; undefined when it is fine. */
function refuseCheckRun(req: HandlerRequest): HandlerResult | undefined {
  if (!req.config.checksWrite) return fail(req, 403, 'Resource not accessible by integration');
  const annotations = obj(obj(req.body).output).annotations;
  if (Array.isArray(annotations) && annotations.length > MAX_ANNOTATIONS_PER_REQUEST)
    return fail(req, 422, 'Validation Failed', {
      errors: [{ resource: 'CheckRun', code: 'invalid', field: 'annotations' }],
    });
  return undefined;
}

function applyCheckRun(record: CheckRunRecord, body: Record<string, unknown>): void {
  if (typeof body.name === 'string') record.name = body.name;
  if (typeof body.details_url === 'string') record.details_url = body.details_url;
  if (typeof body.external_id === 'string') record.external_id = body.external_id;
  if (typeof body.started_at === 'string') record.started_at = body.started_at;
  if (typeof body.status === 'string') record.status = body.status;
  if (typeof body.conclusion === 'string') {
    record.conclusion = body.conclusion;
    record.status = 'completed';
  }
  if (record.status === 'completed')
    record.completed_at = (body.completed_at as string | undefined) ?? nowIso();
  const output = obj(body.output);
  if (body.output !== undefined) {
    record.output = {
      title: (output.title as string | undefined) ?? record.output.title,
      summary: (output.summary as string | undefined) ?? record.output.summary,
      text: (output.text as string | undefined) ?? record.output.text,
    };
    if (Array.isArray(output.annotations) && output.annotations.length > 0) {
      record.annotations.push(...(output.annotations as Array<Record<string, unknown>>));
      record.annotationRequests.push(output.annotations.length);
    }
  }
}

const createCheckRun: Handler = (req) => {
  const refused = refuseCheckRun(req);
  if (refused) return refused;
  const body = obj(req.body);
  const record: CheckRunRecord = {
    id: req.state.id(),
    name: String(body.name),
    head_sha: String(body.head_sha),
    status: 'queued',
    conclusion: null,
    started_at: nowIso(),
    completed_at: null,
    external_id: null,
    details_url: null,
    output: { title: null, summary: null, text: null },
    annotations: [],
    annotationRequests: [],
  };
  applyCheckRun(record, body);
  req.state.checkRuns.push(record);
  return { status: 201, body: checkRunJson(req.ctx, record) };
};

const updateCheckRun: Handler = (req) => {
  const record = req.state.checkRuns.find((c) => c.id === intParam(req, 'check_run_id'));
  if (!record) return notFound(req);
  const refused = refuseCheckRun(req);
  if (refused) return refused;
  applyCheckRun(record, obj(req.body));
  return { status: 200, body: checkRunJson(req.ctx, record) };
};

const listCheckRunsForRef: Handler = (req) => {
  const ref = req.params.ref ?? '';
  const name = req.query.get('check_name');
  const runs = req.state.checkRuns
    .filter((c) => c.head_sha === ref && (name === null || c.name === name))
    .sort((a, b) => b.id - a.id);
  return {
    status: 200,
    body: { total_count: runs.length, check_runs: runs.map((c) => checkRunJson(req.ctx, c)) },
  };
};

export const repoHandlers: Record<string, Handler> = {
  'repos/get': getRepo,
  'repos/get-collaborator-permission-level': getPermission,
  'repos/get-content': getContent,
  'git/get-ref': getRef,
  'checks/create': createCheckRun,
  'checks/update': updateCheckRun,
  'checks/list-for-ref': listCheckRunsForRef,
};
