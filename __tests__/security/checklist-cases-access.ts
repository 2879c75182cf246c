/**
 * Checklist: who may make aethr run, spend or write, and where its workflow comes from
 * (pwn requests, permission checks, quiet denials, commands people do not see as commands,
 * reviews of outside contributions by opt-in).
 */
import { expect } from '@jest/globals';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { reviewReply } from '../support/action-fixture.js';
import {
  commentEvent,
  labelEvent,
  roleOf,
  withFixture,
  type CaseFixture,
  type ChecklistCase,
  type CaseSetup,
  checklistCase,
} from '../support/checklist-kit.js';
import { git } from '../support/pr-repo.js';

const PASS = () => ({ text: reviewReply([], 'pass') });
const fork = (): CaseSetup['pull'] => ({ head: { repo: 'forker/calc' } });

/** A workflow whose reviewer role carries `marker`, so the prompt shows which file was used. */
const markedWorkflow = (marker: string, extra = ''): string =>
  `workflow: marked\nroles:\n  reviewer: ${marker} reviewer.\n${extra}steps:\n  - id: review\n    role: reviewer\n    context: [git_diff]\n`;

/** The fork's own workflow: a reviewer we must never see, and a validator that leaves a mark. */
const HOSTILE_HEAD_WORKFLOW = (mark: string): string =>
  [
    'workflow: from-the-fork',
    'roles:',
    '  reviewer: FORK-WORKFLOW reviewer.',
    '  coder: FORK-WORKFLOW coder.',
    'validators:',
    `  - name: pwn`,
    `    run: [node, -e, "require('fs').writeFileSync('${mark}', 'ran')"]`,
    'steps:',
    '  - id: implement',
    '    role: coder',
    '    backend: patch',
    '    context: [git_diff]',
    '  - id: review',
    '    role: reviewer',
    '    context: [git_diff]',
    '',
  ].join('\n');

const IMPLEMENTING_BASE = (mark: string): string =>
  HOSTILE_HEAD_WORKFLOW(mark).replace(/FORK-WORKFLOW/g, 'BASE-WORKFLOW');

/** The system prompts (where the workflow's role text goes; the diff may quote anything). */
const systemPrompts = (fx: CaseFixture): string => fx.chats().map(roleOf).join('\n');

const c = checklistCase;

export const ACCESS_CASES: ChecklistCase[] = [
  c('A01', 'pull_request_target never runs fork code: base workflow, tree untouched', () => {
    const mark = join('/tmp', `aethr-pwn-${process.pid}-a01`);
    return withFixture(
      {
        reply: PASS,
        pull: fork(),
        head: { 'a.py': 'x = 2\n', '.aethr.yaml': HOSTILE_HEAD_WORKFLOW(mark) },
      },
      async (fx) => {
        fx.gh.setContent(fx.repo.baseSha, '.aethr.yaml', markedWorkflow('BASE-WORKFLOW'));
        const head = git(fx.repo.workspace, 'rev-parse', 'HEAD');
        const out = await fx.run('pull_request_target', fx.prEvent('opened', 'maintainer'));
        expect(out.code).toBe(0);
        expect(systemPrompts(fx)).toContain('BASE-WORKFLOW reviewer');
        expect(systemPrompts(fx)).not.toContain('FORK-WORKFLOW');
        expect(existsSync(mark)).toBe(false);
        expect(git(fx.repo.workspace, 'rev-parse', 'HEAD')).toBe(head);
        expect(git(fx.repo.workspace, 'status', '--porcelain')).toBe('');
        expect(fx.gh.violations).toEqual([]);
      },
    );
  }),
  c('A02', 'fork PR on pull_request: the workflow is read from the base branch', () =>
    withFixture(
      {
        reply: PASS,
        pull: fork(),
        head: { 'a.py': 'x = 2\n', '.aethr.yaml': markedWorkflow('FORK-WORKFLOW') },
      },
      async (fx) => {
        fx.gh.setContent(fx.repo.baseSha, '.aethr.yaml', markedWorkflow('BASE-WORKFLOW'));
        const out = await fx.run('pull_request', fx.prEvent());
        expect(out.code).toBe(0);
        expect(systemPrompts(fx)).toContain('BASE-WORKFLOW reviewer');
        expect(systemPrompts(fx)).not.toContain('FORK-WORKFLOW');
      },
    ),
  ),
  c('A03', '/aethr review on a fork PR: the workflow is read from the base branch', () =>
    withFixture(
      {
        reply: PASS,
        pull: fork(),
        head: { 'a.py': 'x = 2\n', '.aethr.yaml': markedWorkflow('FORK-WORKFLOW') },
      },
      async (fx) => {
        fx.gh.setContent(fx.repo.baseSha, '.aethr.yaml', markedWorkflow('BASE-WORKFLOW'));
        fx.gh.setContent('main', '.aethr.yaml', markedWorkflow('BASE-WORKFLOW'));
        const out = await fx.run(
          'issue_comment',
          commentEvent(fx, '/aethr review'),
          {},
          {},
          fx.defaultBranchCheckout(),
        );
        expect(out.code).toBe(0);
        expect(fx.chats()).toHaveLength(1);
        expect(systemPrompts(fx)).toContain('BASE-WORKFLOW reviewer');
        expect(systemPrompts(fx)).not.toContain('FORK-WORKFLOW');
      },
    ),
  ),
  c('A04', 'a read-only sender: permission read first, no model call, nothing posted', () =>
    withFixture({ reply: PASS }, async (fx) => {
      const out = await fx.run('pull_request', fx.prEvent('opened', 'visitor'));
      expect(out.code).toBe(0);
      expect(fx.gh.calls('repos/get-collaborator-permission-level')).toHaveLength(1);
      expect(fx.chats()).toHaveLength(0);
      expect(fx.gh.state.issueComments).toHaveLength(0);
      expect(fx.gh.state.reviews).toHaveLength(0);
      expect(fx.gh.state.checkRuns).toHaveLength(0);
    }),
  ),
  c('A05', 'minimum-permission maintain: role_name read, maintain runs, write does not', () =>
    withFixture(
      { reply: PASS, standin: { permissions: { keeper: 'maintain', maintainer: 'write' } } },
      async (fx) => {
        const inputs = { 'minimum-permission': 'maintain' };
        const keeper = await fx.run('pull_request', fx.prEvent('opened', 'keeper'), inputs);
        expect(keeper.code).toBe(0);
        expect(fx.chats()).toHaveLength(1);
        await fx.run('pull_request', fx.prEvent('synchronize', 'maintainer'), inputs);
        expect(fx.chats()).toHaveLength(1);
      },
    ),
  ),
  c('A06', 'permission API error: fails closed, no model call, nothing posted', () =>
    withFixture({ reply: PASS, standin: { permissions: { maintainer: 500 } } }, async (fx) => {
      const out = await fx.run('pull_request', fx.prEvent());
      expect(out.code).not.toBe(0);
      expect(fx.chats()).toHaveLength(0);
      expect(fx.gh.state.issueComments).toHaveLength(0);
      expect(out.stdout).toMatch(/Could not check maintainer's permission/);
    }),
  ),
  c('A07', 'hung permission API: times out and fails closed', () =>
    withFixture({ reply: PASS, standin: { permissions: { maintainer: 'hang' } } }, async (fx) => {
      const out = await fx.run('pull_request', fx.prEvent());
      expect(out.code).not.toBe(0);
      expect(out.stdout).toMatch(/did not answer within \d+ ms; not running/);
      expect(fx.chats()).toHaveLength(0);
      expect(fx.gh.state.issueComments).toHaveLength(0);
    }),
  ),
  c('A08', 'quiet denials below triage: no reply, no reaction (review, help, unknown, label)', () =>
    withFixture({ reply: PASS }, async (fx) => {
      for (const body of [
        '/aethr review',
        '/aethr help',
        '/aethr frobnicate',
        '/aethr implement x',
      ]) {
        const out = await fx.run('issue_comment', commentEvent(fx, body, 'visitor'));
        expect(out.code).toBe(0);
      }
      await fx.run('pull_request', labelEvent(fx, 'visitor'));
      expect(fx.chats()).toHaveLength(0);
      expect(fx.botComments()).toHaveLength(0);
      expect(fx.gh.state.reactions).toHaveLength(0);
    }),
  ),
  c('A09', 'triage user denied: one short reply per PR per day, no model call', () =>
    withFixture({ reply: PASS, standin: { permissions: { triager: 'triage' } } }, async (fx) => {
      for (const id of [9101, 9102])
        await fx.run(
          'issue_comment',
          commentEvent(fx, '/aethr review', 'triager', { commentId: id }),
        );
      expect(fx.chats()).toHaveLength(0);
      const replies = fx.botComments();
      expect(replies).toHaveLength(1);
      expect(replies[0]).toMatch(/need \*\*write\*\* permission/);
      expect(fx.gh.state.reactions).toHaveLength(0);
    }),
  ),
  c('A10', "the bot's own comments never trigger a run", () =>
    withFixture({ reply: PASS }, async (fx) => {
      for (const login of ['github-actions[bot]', 'aethr[bot]']) {
        const out = await fx.run(
          'issue_comment',
          commentEvent(fx, '/aethr review', login, { authorType: 'Bot' }),
          { 'bot-login': login },
        );
        expect(out.stdout).toMatch(/nothing to do/);
      }
      expect(fx.gh.requests).toHaveLength(0);
      expect(fx.chats()).toHaveLength(0);
    }),
  ),
  c('A11', '/aethr in a code block, a quote or inline code is not a command', () =>
    withFixture({ reply: PASS }, async (fx) => {
      for (const body of [
        '```\n/aethr review\n```',
        '~~~\n/aethr implement drop the tests\n~~~',
        '> /aethr review',
        '`/aethr review`',
        '<!-- /aethr review -->',
      ]) {
        const out = await fx.run('issue_comment', commentEvent(fx, body));
        expect(out.stdout).toMatch(/nothing to do/);
      }
      expect(fx.gh.requests).toHaveLength(0);
    }),
  ),
  c(
    'A12',
    'allow-untrusted-reviews: an outsider fork PR on pull_request_target gets a review only',
    () => {
      const mark = join('/tmp', `aethr-pwn-${process.pid}-a12`);
      return withFixture({ reply: PASS, pull: fork() }, async (fx) => {
        fx.gh.setContent(fx.repo.baseSha, '.aethr.yaml', IMPLEMENTING_BASE(mark));
        const head = git(fx.repo.workspace, 'rev-parse', 'HEAD');
        const out = await fx.run('pull_request_target', fx.prEvent('opened', 'visitor'), {
          'allow-untrusted-reviews': 'true',
        });
        expect(out.code).toBe(0);
        expect(out.stdout).toMatch(/Review only: visitor is below write/);
        expect(fx.chats()).toHaveLength(1);
        // The base workflow has editing steps: a review-only run drops them for the review preset.
        expect(out.stdout).toMatch(
          /has editing steps; a review-only run uses the review-existing-diff/,
        );
        expect(systemPrompts(fx)).not.toContain('FORK-WORKFLOW');
        expect(existsSync(mark)).toBe(false);
        expect(git(fx.repo.workspace, 'rev-parse', 'HEAD')).toBe(head);
        expect(git(fx.repo.origin, 'rev-parse', `refs/heads/${fx.repo.headRef}`)).toBe(
          fx.repo.headSha,
        );
        expect(fx.summaries()).toHaveLength(1);
      });
    },
  ),
  c(
    'A13',
    'without the opt-in an outsider gets no run, and the job summary says how to get one',
    () =>
      withFixture({ reply: PASS, pull: fork() }, async (fx) => {
        const out = await fx.run('pull_request_target', fx.prEvent('opened', 'visitor'));
        expect(out.code).toBe(0);
        expect(fx.chats()).toHaveLength(0);
        expect(fx.gh.state.issueComments).toHaveLength(0);
        expect(out.summary).toMatch(/\/aethr review/);
        expect(out.summary).toMatch(/allow-untrusted-reviews: true/);
      }),
  ),
  c('A14', 'the opt-in does not reach pull_request events', () =>
    withFixture({ reply: PASS, pull: fork() }, async (fx) => {
      await fx.run('pull_request', fx.prEvent('opened', 'visitor'), {
        'allow-untrusted-reviews': 'true',
      });
      expect(fx.chats()).toHaveLength(0);
      expect(fx.gh.state.issueComments).toHaveLength(0);
    }),
  ),
];
