/** `aethr pr --event FILE --dry-run`: the Action's path on a saved payload, printing what it would post. */
import { afterEach, expect, it } from '@jest/globals';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createPrRepo, type PrRepo } from '../support/pr-repo.js';
import { runCli } from '../support/run-cli.js';
import { pullRequestPayload } from '../support/webhook-examples.js';

let repo: PrRepo;
afterEach(() => repo?.cleanup());

it('previews a pull_request review without network and prints the summary and inline comments', async () => {
  repo = createPrRepo({
    base: { 'calc.py': 'def add(a, b):\n    return a + b\n' },
    head: { 'calc.py': 'def add(a, b):\n    return a - b\n' },
  });
  const event = join(repo.dir, 'pull_request.json');
  const payload = pullRequestPayload('opened', {
    owner: 'acme',
    repo: 'calc',
    number: repo.number,
    headSha: repo.headSha,
    baseSha: repo.baseSha,
    headRef: repo.headRef,
    baseRef: repo.baseRef,
    sender: 'maintainer',
  });
  writeFileSync(event, JSON.stringify(payload));
  const out = await runCli(
    ['pr', '--event', event, '--repo', join(repo.dir, 'seed'), '--dry-run'],
    { cwd: repo.dir },
  );
  expect(out.stderr).toBe('');
  expect(out.code).toBe(0);
  expect(out.stdout).toMatch(
    /Previewing pull_request on acme\/calc #7 \(dry run: nothing is posted/,
  );
  expect(out.stdout).toMatch(/\d+ characters of diff from local-git\./);
  expect(out.stdout).toMatch(
    /── would post a comment on #7 ──\n<!-- aethr:summary workflow=review-existing-diff -->/,
  );
  expect(out.stdout).toMatch(/── would post a review on #7/);
  expect(out.stdout).toMatch(/calc\.py:2/);
  expect(out.stdout).toMatch(/output review-status=pass/);
});

it('says so when the event is one the action ignores', async () => {
  repo = createPrRepo({ base: { a: '1\n' }, head: { a: '2\n' } });
  const event = join(repo.dir, 'event.json');
  writeFileSync(
    event,
    JSON.stringify(
      pullRequestPayload('closed', {
        owner: 'acme',
        repo: 'calc',
        number: 7,
        headSha: repo.headSha,
        baseSha: repo.baseSha,
        headRef: 'f',
        baseRef: 'main',
        sender: 'x',
      }),
    ),
  );
  const out = await runCli(['pr', '--event', event, '--repo', repo.workspace], { cwd: repo.dir });
  expect(out.code).toBe(0);
  expect(out.stdout).toMatch(/nothing to do/);
});
