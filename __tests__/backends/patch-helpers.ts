/** Real git repositories in temp dirs, a tree fingerprint, and a scripted model for the patch backend tests. */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chmodSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type {
  ChatRequest,
  ChatResult,
  ModelClient,
  RenderedPrompt,
} from '../../src/engine/types.js';
import type { Step } from '../../src/config/schema.js';

export function git(cwd: string, ...args: string[]): string {
  return execFileSync(
    'git',
    [
      '-c',
      'user.name=Test',
      '-c',
      'user.email=test@example.com',
      '-c',
      'core.quotepath=off',
      ...args,
    ],
    {
      cwd,
      encoding: 'utf8',
      env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', LC_ALL: 'C' },
    },
  );
}

const made: string[] = [];

export function tempDir(prefix = 'aethr-patch-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

export function cleanupTempDirs(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** A repository with `files` committed (paths -> content; executable when the name ends with .sh). */
export function makeRepo(files: Record<string, string | Buffer>): string {
  const root = tempDir();
  git(root, 'init', '-q', '-b', 'main');
  for (const [path, content] of Object.entries(files)) writeFileAt(root, path, content);
  git(root, 'add', '-A');
  git(root, 'commit', '-q', '-m', 'initial');
  return root;
}

export function writeFileAt(root: string, path: string, content: string | Buffer): void {
  const abs = join(root, path);
  mkdirSync(dirname(abs), { recursive: true });
  writeFileSync(abs, content);
  if (path.endsWith('.sh')) chmodSync(abs, 0o755);
}

export function read(root: string, path: string): string {
  return readFileSync(join(root, path), 'utf8');
}

/** Every path under root (except .git) with its type, mode and content hash, plus `git status`. */
export function fingerprint(root: string): string {
  const lines: string[] = [];
  const walk = (rel: string): void => {
    const abs = join(root, rel);
    for (const name of readdirSync(abs).sort()) {
      if (rel === '' && name === '.git') continue;
      const child = rel === '' ? name : `${rel}/${name}`;
      const st = lstatSync(join(root, child));
      if (st.isSymbolicLink()) lines.push(`L ${child} -> ${readlinkSync(join(root, child))}`);
      else if (st.isDirectory()) {
        lines.push(`D ${child}`);
        walk(child);
      } else {
        const hash = createHash('sha256')
          .update(readFileSync(join(root, child)))
          .digest('hex');
        lines.push(`F ${child} ${(st.mode & 0o777).toString(8)} ${hash}`);
      }
    }
  };
  walk('');
  lines.push('--- status', git(root, 'status', '--porcelain=v1', '--untracked-files=all'));
  lines.push('--- head', git(root, 'rev-parse', 'HEAD'));
  return lines.join('\n');
}

export interface ScriptedModel extends ModelClient {
  requests: ChatRequest[];
}

/** Answers each chat with the next scripted reply (the last one repeats). */
export function scriptedModel(...replies: string[]): ScriptedModel {
  const requests: ChatRequest[] = [];
  let i = 0;
  return {
    requests,
    async chat(request: ChatRequest, onDelta?: (chunk: string) => void): Promise<ChatResult> {
      requests.push(request);
      const text = replies[Math.min(i++, replies.length - 1)] ?? '';
      onDelta?.(text);
      return {
        text,
        model: request.model,
        mock: false,
        usage: { inputTokens: 10, outputTokens: 20 },
      };
    },
  };
}

export const step: Step = {
  id: 'implement',
  role: 'implementer',
  context: [],
  backend: 'patch',
  unsafe_permissions: false,
  history_visibility: 'all',
};

export const prompt: RenderedPrompt = {
  system: 'You implement changes.',
  user: 'Task: make the change.',
};

export function fence(body: string, info = 'diff'): string {
  return `Here is the change.\n\n\`\`\`${info}\n${body}\`\`\`\n\nThat should do it.`;
}
