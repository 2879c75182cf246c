/** createOnce: a write whose answer was lost is looked up, never sent again on a guess. */
import { expect, it } from '@jest/globals';
import { ForgeError } from '../../src/github/forge.js';
import { createOnce } from '../../src/github/idempotent-write.js';

const lost = () => new ForgeError('post a comment on #7', 'server', 'HTTP 502', { status: 502 });
const refused = () => new ForgeError('post a comment on #7', 'validation', 'HTTP 422');
const limited = () =>
  new ForgeError('post a comment on #7', 'rate-limit', 'HTTP 403', { status: 403 });

/** A write that fails as `outcomes` say (an error, or the value made), and its look-ups. */
function script(creates: Array<Error | string>, finds: Array<Error | string | undefined>) {
  const calls = { create: 0, find: 0 };
  const op = {
    delayMs: 0,
    create: async () => {
      const next = creates[calls.create++];
      if (next instanceof Error) throw next;
      return next!;
    },
    find: async () => {
      const next = finds[calls.find++];
      if (next instanceof Error) throw next;
      return next;
    },
  };
  return { op, calls };
}

it('a lost answer is found again instead of made twice', async () => {
  const { op, calls } = script([lost()], ['made']);
  await expect(createOnce(op)).resolves.toBe('made');
  expect(calls).toEqual({ create: 1, find: 1 });
});

it('a look-up that fails says nothing: it is tried again, the write is not', async () => {
  const { op, calls } = script([lost()], [new Error('502'), new Error('502'), 'made']);
  await expect(createOnce(op)).resolves.toBe('made');
  expect(calls).toEqual({ create: 1, find: 3 });
});

it('when the look-ups keep failing the write fails with its own error, sent once', async () => {
  const { op, calls } = script([lost()], [new Error('a'), new Error('b'), new Error('c')]);
  await expect(createOnce(op)).rejects.toThrow(/could not post a comment on #7: HTTP 502/);
  expect(calls).toEqual({ create: 1, find: 3 });
});

it('only "not there" sends it again, at most three times in all', async () => {
  const again = script([lost(), 'second'], [undefined]);
  await expect(createOnce(again.op)).resolves.toBe('second');
  expect(again.calls).toEqual({ create: 2, find: 1 });
  const never = script([lost(), lost(), lost()], [undefined, undefined, undefined]);
  await expect(createOnce(never.op)).rejects.toThrow(/HTTP 502/);
  expect(never.calls).toEqual({ create: 3, find: 3 });
});

it('a refusal (nothing was made) is not looked up', async () => {
  const { op, calls } = script([refused()], []);
  await expect(createOnce(op)).rejects.toThrow(/HTTP 422/);
  expect(calls).toEqual({ create: 1, find: 0 });
});

it('a write refused for a rate limit made nothing: it is sent again without a look-up', async () => {
  const { op, calls } = script([limited(), limited(), 'made'], []);
  await expect(createOnce(op)).resolves.toBe('made');
  expect(calls).toEqual({ create: 3, find: 0 });
  const still = script([limited(), limited(), limited()], []);
  await expect(createOnce(still.op)).rejects.toThrow(/HTTP 403/);
  expect(still.calls).toEqual({ create: 3, find: 0 });
});
