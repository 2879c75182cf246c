/**
 * A Forge that passes every body it writes through the outbound filter. The writes and where
 * their text sits are listed in one table (`BODY_WRITES`), so a new write method is one entry;
 * reads and body-less writes pass through untouched. A withheld body is replaced by the filter's
 * note (hidden markers kept) and `onWithheld` is told, so the door can log and fail loudly.
 */
import type { CheckRunOutput, Forge, ReviewCommentInput } from '../github/forge.js';
import { filterOutbound, type OutboundOptions } from './outbound-filter.js';

export interface FilteredForgeOptions extends Omit<OutboundOptions, 'what'> {
  /** Told once per withheld body: which write, and why. */
  onWithheld?: (info: { method: string; reason: string }) => void;
}

type Clean = (text: string, what: string) => string;

/** For each body-bearing write: how to filter its arguments. */
const BODY_WRITES: {
  [K in keyof Forge]?: Forge[K] extends (...args: infer A) => unknown
    ? (args: A, clean: Clean) => A
    : never;
} = {
  createIssueComment: ([n, body], clean) => [n, clean(body, 'comment')],
  updateIssueComment: ([id, body], clean) => [id, clean(body, 'comment')],
  createReview: ([n, review], clean) => [
    n,
    {
      ...review,
      body: clean(review.body, 'review'),
      comments: review.comments.map((c): ReviewCommentInput => ({
        ...c,
        body: clean(c.body, 'review comment'),
      })),
    },
  ],
  createPull: ([pull], clean) => [
    {
      ...pull,
      title: clean(pull.title, 'pull request title'),
      body: clean(pull.body, 'pull request'),
    },
  ],
  createCheckRun: ([run], clean) => [{ ...run, output: cleanCheckOutput(run.output, clean) }],
  updateCheckRun: ([id, update], clean) => [
    id,
    { ...update, output: cleanCheckOutput(update.output, clean) },
  ],
  updatePull: ([n, update], clean) => [
    n,
    {
      ...update,
      ...(update.title !== undefined ? { title: clean(update.title, 'pull request title') } : {}),
      ...(update.body !== undefined ? { body: clean(update.body, 'pull request') } : {}),
    },
  ],
};

function cleanCheckOutput(output: CheckRunOutput, clean: Clean): CheckRunOutput {
  return {
    title: clean(output.title, 'check run title'),
    summary: clean(output.summary, 'check run'),
    ...(output.text !== undefined ? { text: clean(output.text, 'check run') } : {}),
    ...(output.annotations
      ? {
          annotations: output.annotations.map((a) => ({
            ...a,
            title: clean(a.title, 'annotation'),
            message: clean(a.message, 'annotation'),
            ...(a.raw_details !== undefined
              ? { raw_details: clean(a.raw_details, 'annotation') }
              : {}),
          })),
        }
      : {}),
  };
}

/** The names of the writes the decorator filters (tests check every body-bearing write is listed). */
export const FILTERED_WRITES = Object.keys(BODY_WRITES) as Array<keyof Forge>;

export function filteredForge(forge: Forge, options: FilteredForgeOptions): Forge {
  return new Proxy(forge, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver) as unknown;
      const rewrite = BODY_WRITES[prop as keyof Forge] as
        ((args: unknown[], clean: Clean) => unknown[]) | undefined;
      if (!rewrite || typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        const clean: Clean = (text, what) => {
          const result = filterOutbound(text, { ...options, what });
          if (result.kind === 'withheld')
            options.onWithheld?.({ method: String(prop), reason: result.reason });
          return result.text;
        };
        return (value as (...a: unknown[]) => unknown).apply(target, rewrite(args, clean));
      };
    },
  });
}
