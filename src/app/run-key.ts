/**
 * What the queue needs to know of an intent to keep its promises, pure: which PR (or issue) it is
 * about (one run per subject at a time), which head, and the key that makes a request run once —
 * the same (PR, head SHA, intent, command comment) never runs twice.
 */
import type { CarriableIntent } from '../github/carried-intent.js';

export interface RunKey {
  /** `owner/repo#N`: runs of one subject never overlap. */
  subject: string;
  repo: string;
  number: number;
  /** The head the request was made for, when the event says (PR events, labels on PRs). */
  headSha?: string;
  /** `review`, `command:implement`, `label`, … (for people and /status). */
  kind: string;
  /** An automatic review of a push: a newer push of the same PR supersedes it. */
  automatic: boolean;
  dedupeKey: string;
}

export function runKeyOf(intent: CarriableIntent): RunKey {
  const repo = intent.repository.fullName.toLowerCase();
  switch (intent.kind) {
    case 'review': {
      const { number, head } = intent.pullRequest;
      const subject = `${repo}#${number}`;
      return {
        subject,
        repo,
        number,
        headSha: head.sha,
        kind: 'review',
        automatic: true,
        dedupeKey: `${subject}@${head.sha}:review`,
      };
    }
    case 'command': {
      const subject = `${repo}#${intent.pullRequestNumber}`;
      return {
        subject,
        repo,
        number: intent.pullRequestNumber,
        kind: `command:${intent.command.kind}`,
        automatic: false,
        dedupeKey: `${subject}:comment:${intent.comment.id}`,
      };
    }
    case 'label': {
      const subject = `${repo}#${intent.issue.number}`;
      const headSha = intent.pullRequest?.head.sha;
      return {
        subject,
        repo,
        number: intent.issue.number,
        ...(headSha ? { headSha } : {}),
        kind: `label:${intent.target}`,
        automatic: false,
        dedupeKey: `${subject}${headSha ? `@${headSha}` : ''}:label:${intent.label.toLowerCase()}`,
      };
    }
  }
}
