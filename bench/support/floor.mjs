// The floor of a PR review: the least work the action's job physically needs, done by a minimal
// script against the same stand-ins. One blob-less fetch of base and head at the depth that just
// reaches the merge base (the bench knows it), the merge base, the diff, and one POST (a
// comment). Reads FLOOR_* variables; run with the same Node and preload as the action.
import { execFileSync } from 'node:child_process';

const env = (name) => {
  const value = process.env[`FLOOR_${name}`];
  if (!value) throw new Error(`FLOOR_${name} is not set`);
  return value;
};
const git = (...args) =>
  execFileSync('git', args, { cwd: env('WORKSPACE'), encoding: 'utf8', maxBuffer: 1 << 28 });
const pr = env('PR');

git(
  'fetch',
  '--quiet',
  '--no-tags',
  '--no-write-fetch-head',
  '--filter=blob:none',
  `--depth=${env('DEPTH')}`,
  'origin',
  `+refs/heads/${env('BASE')}:refs/remotes/floor/base`,
  `+refs/pull/${pr}/head:refs/remotes/floor/head`,
);
const mergeBase = git('merge-base', 'refs/remotes/floor/base', 'refs/remotes/floor/head').trim();
const diff = git('diff', '--no-ext-diff', '-M', mergeBase, 'refs/remotes/floor/head');
const res = await fetch(`${env('API')}/repos/${env('REPOSITORY')}/issues/${pr}/comments`, {
  method: 'POST',
  headers: {
    authorization: `token ${env('TOKEN')}`,
    accept: 'application/vnd.github+json',
    'content-type': 'application/json',
    'user-agent': 'aethr-bench-floor',
  },
  body: JSON.stringify({ body: `The diff has ${diff.length} characters.` }),
});
if (res.status !== 201) throw new Error(`POST comment: ${res.status} ${await res.text()}`);
