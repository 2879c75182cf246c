/**
 * The security checklist's plumbing: a case is an id, a one-line description and a body that
 * throws when the case fails. Each case gets its own OpenAI stub and GitHub stand-in (cheap:
 * two servers on 127.0.0.1), so cases run side by side; `inPool` bounds how many bundles run at
 * once. Also what every case needs to read a run: the summary, the prompts, everything posted.
 */
import { startActionFixture, OWNER, REPO, type ActionFixture } from './action-fixture.js';
import {
  startOpenAIStub,
  type OpenAIStub,
  type StubReplyFn,
  type StubRequest,
} from './openai-stub.js';
import type { ActionRun } from './run-action.js';
import { prCommentPayload } from './webhook-examples.js';
import type { Files } from './pr-repo.js';

/** Who the stand-in says the Actions token is. */
export const BOT = 'github-actions[bot]';

export interface ChecklistCase {
  id: string;
  description: string;
  run: () => Promise<void>;
}

/** A case: `run` throws (an expect failing) when the case fails. */
export const checklistCase = (
  id: string,
  description: string,
  run: () => Promise<void>,
): ChecklistCase => ({ id, description, run });

/** At most `size` bodies at a time, in the order they asked. */
export function createPool(size: number): <T>(body: () => Promise<T>) => Promise<T> {
  let running = 0;
  const waiting: Array<() => void> = [];
  return async (body) => {
    if (running >= size) await new Promise<void>((r) => waiting.push(r));
    running++;
    try {
      return await body();
    } finally {
      running--;
      waiting.shift()?.();
    }
  };
}

/** One line for the report: the failure's first lines, without colours. */
export function reasonOf(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  // eslint-disable-next-line no-control-regex
  const plain = text.replace(/\u001b\[[0-9;]*m/g, '');
  return plain.replace(/\s+/g, ' ').trim().slice(0, 400);
}

export interface CaseFixture extends ActionFixture {
  stub: OpenAIStub;
  /** Comments the action's token wrote (not the commands tests added). */
  botComments(): string[];
  /** Chat requests the model stub received. */
  chats(): StubRequest[];
  /** Comments carrying the sticky summary's marker. */
  summaries(): string[];
  /** Every message of every model request, as one text. */
  prompts(): string;
}

export interface CaseSetup {
  reply?: StubReplyFn;
  base?: Files;
  head?: Files;
  standin?: Parameters<typeof startActionFixture>[0]['standin'];
  pull?: Parameters<typeof startActionFixture>[0]['pull'];
  token?: string;
  key?: string;
}

/** Runs `body` with its own stub and fixture, closed afterwards whatever happened. */
export async function withFixture(
  setup: CaseSetup,
  body: (fx: CaseFixture) => Promise<void>,
): Promise<void> {
  const stub = await startOpenAIStub(setup.reply ? { reply: setup.reply } : {});
  let fx: ActionFixture | undefined;
  try {
    fx = await startActionFixture({ stub, ...setup });
    const f = fx;
    await body({
      ...f,
      stub,
      chats: () => stub.chatRequests(),
      botComments: () => f.gh.state.issueComments.filter((c) => c.user === BOT).map((c) => c.body),
      summaries: () =>
        f.gh.state.issueComments.filter((c) => c.body.includes('aethr:summary')).map((c) => c.body),
      prompts: () =>
        stub
          .chatRequests()
          .flatMap((r) => (r.body?.messages ?? []).map((m) => String(m.content)))
          .join('\n'),
    });
  } finally {
    await fx?.close();
    await stub.close();
  }
}

/** Everything a run made visible: PR writes, check runs, outputs, job summary, logs, request bodies. */
export function everythingSent(fx: ActionFixture, out: ActionRun): Record<string, string> {
  const s = fx.gh.state;
  return {
    comments: s.issueComments.map((c) => c.body).join('\n'),
    reviews: s.reviews.map((r) => r.body ?? '').join('\n'),
    'review comments': s.reviewComments.map((c) => c.body).join('\n'),
    'check runs': JSON.stringify(s.checkRuns),
    outputs: JSON.stringify(out.outputs),
    'job summary': out.summary,
    log: `${out.stdout}\n${out.stderr}`,
    'request bodies': fx.gh.requests.map((r) => JSON.stringify(r.body ?? '')).join('\n'),
  };
}

/** Where (by the keys of `everythingSent`) any of `needles` shows up. */
export function whereFound(
  places: Record<string, string>,
  needles: readonly string[],
): Array<string> {
  const hits: string[] = [];
  for (const [where, text] of Object.entries(places))
    for (const n of needles) if (text.includes(n)) hits.push(`${where} has ${n.slice(0, 24)}`);
  return hits;
}

/**
 * An `issue_comment` event on the fixture's PR; the comment is added to the stand-in too, so
 * reactions to it (or their absence) are real.
 */
export function commentEvent(
  fx: ActionFixture,
  body: string,
  author = 'maintainer',
  o: { commentId?: number; authorType?: string } = {},
): Record<string, unknown> {
  const id = o.commentId ?? 9001;
  if (!fx.gh.state.issueComments.some((x) => x.id === id)) {
    const at = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
    fx.gh.state.issueComments.push({
      id,
      issue_number: fx.repo.number,
      body,
      user: author,
      created_at: at,
      updated_at: at,
    });
  }
  return prCommentPayload({
    owner: OWNER,
    repo: REPO,
    number: fx.repo.number,
    body,
    author,
    commentId: id,
    ...(o.authorType ? { authorType: o.authorType } : {}),
  });
}

/** The label event on the fixture's PR (the PR labelled `aethr:implement` by `sender`). */
export function labelEvent(fx: ActionFixture, sender = 'maintainer'): Record<string, unknown> {
  return { ...fx.prEvent('labeled', sender), label: { name: 'aethr:implement' } };
}

/** Which system prompt (role) a model request was made for. */
export function roleOf(req: StubRequest): string {
  return String(req.body?.messages?.[0]?.content ?? '');
}

export const REVIEW_ONLY = [
  'workflow: review-existing-diff',
  'roles:',
  '  reviewer: Review.',
  'steps:',
  '  - id: review',
  '    role: reviewer',
  '    context: [git_diff]',
  '',
].join('\n');

/** An implement → review workflow on the patch backend (repeated up to `maxIterations`). */
export function implementWorkflow(
  o: { extra?: string; context?: string; maxIterations?: number } = {},
): string {
  const lines = [
    'workflow: implement-check',
    'roles:',
    '  coder: You are the implementer. Write code.',
    '  reviewer: You are the reviewer. Review.',
    ...(o.extra ? [o.extra.trimEnd()] : []),
    'steps:',
    '  - id: implement',
    '    role: coder',
    '    backend: patch',
    `    context: ${o.context ?? '[git_diff]'}`,
    '  - id: review',
    '    role: reviewer',
    '    context: [git_diff]',
  ];
  if (o.maxIterations)
    lines.push(
      '    repeat:',
      '      back_to: implement',
      '      until_review_pass: true',
      `      max_iterations: ${o.maxIterations}`,
    );
  return `${lines.join('\n')}\n`;
}

/** The workflow as the base branch has it (read through the API on forks, comments, labels). */
export function setBaseWorkflow(fx: ActionFixture, yaml: string): void {
  fx.gh.setContent(fx.repo.baseSha, '.aethr.yaml', yaml);
  fx.gh.setContent(fx.repo.baseRef, '.aethr.yaml', yaml);
}

/** A new-file patch as the implementer would reply it. */
export function newFilePatch(path: string, line = 'hello'): string {
  return `\`\`\`diff\ndiff --git a/${path} b/${path}\nnew file mode 100644\n--- /dev/null\n+++ b/${path}\n@@ -0,0 +1 @@\n+${line}\n\`\`\`\n`;
}

/** Replies by role: the implementer gets `implement`, the reviewer `review`, anything else a plan. */
export function byRole(implement: string, review = 'Fine.\nReview status: pass\n'): StubReplyFn {
  return (req) =>
    /You are the implementer/.test(roleOf(req))
      ? { text: implement }
      : /reviewer/i.test(roleOf(req))
        ? { text: review }
        : { text: 'Plan.' };
}
