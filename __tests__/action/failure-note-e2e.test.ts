/**
 * A failure note on the PR names what it is about (the repository, the event, the actor, the
 * workspace) and hides only secrets: the GitHub token and the model key, wherever they appear.
 */
import { afterAll, afterEach, beforeAll, expect, it } from '@jest/globals';
import { KEY, TOKEN, startActionFixture, type ActionFixture } from '../support/action-fixture.js';
import { startOpenAIStub, type OpenAIStub } from '../support/openai-stub.js';

let stub: OpenAIStub;
let fx: ActionFixture;

beforeAll(async () => {
  stub = await startOpenAIStub();
});
afterAll(async () => stub.close());
afterEach(async () => fx?.close());

it('keeps the repository, event and actor readable and redacts the planted key and token', async () => {
  fx = await startActionFixture({ stub });
  // The provider echoes back everything it was told, secrets included.
  stub.setReply(() => ({
    status: 400,
    error: {
      message: `Rejected request for acme/calc (pull_request by maintainer in ${fx.repo.workspace}); key ${KEY}; token ${TOKEN}`,
      type: 'invalid_request_error',
    },
  }));
  const out = await fx.run(
    'pull_request',
    undefined,
    {},
    {
      GITHUB_REPOSITORY: 'acme/calc',
      GITHUB_ACTOR: 'maintainer',
    },
  );
  expect(out.code).not.toBe(0);
  const note = fx.gh.state.issueComments.find((c) => c.body.includes('aethr:summary'))!.body;
  expect(note).toMatch(/failed/);
  expect(note).toContain('acme/calc');
  expect(note).toContain('pull_request');
  expect(note).toContain('maintainer');
  expect(note).toContain(fx.repo.workspace);
  expect(note).not.toContain(KEY);
  expect(note).not.toContain(TOKEN);
  for (const text of [out.stdout, out.stderr, out.summary, JSON.stringify(out.outputs)]) {
    expect(text.replace(/^::add-mask::.*$/gm, '')).not.toContain(KEY);
    expect(text).not.toContain(TOKEN);
  }
});
