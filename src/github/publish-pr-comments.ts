/**
 * The pull request's own record of a run: one sticky summary comment per PR and workflow (found
 * again by its hidden marker, edited in place, "reviewing …" while the run works) and one review
 * holding the new inline findings. Findings that cannot be anchored on a diff line go to the
 * summary. Both writes survive a lost answer: the marker and the fingerprints are looked up
 * before anything is created again.
 */
import { toError } from '../errors.js';
import { anchorFindings, type AnchorResult } from './diff-anchor.js';
import { inlineCommentUrls } from './finding-links.js';
import { parseFingerprints } from './fingerprint.js';
import { renderReviewBody } from './inline-comment.js';
import { ForgeError, type Forge, type ForgeComment } from './forge.js';
import { createOnce } from './idempotent-write.js';
import type { Publication, Publisher } from './publisher.js';
import type { RunLog } from './run-log.js';
import type { RunSubject } from './run-outcome.js';
import { placeFindings, summaryInputOf } from './run-summary.js';
import type { RunLinks } from './settings.js';
import {
  isSummaryComment,
  parseSummaryMeta,
  renderSummaryComment,
  type SummaryInput,
  type SummaryMeta,
} from './summary-comment.js';

export interface PrCommentsOptions {
  forge: Forge;
  log: RunLog;
  /** Only comments by this login count as ours: markers can be copied. */
  botLogin: string;
  links: RunLinks;
  /** Wait before a lost write is looked up again (createOnce's default when undefined). */
  retryDelayMs?: number;
}

export function isOurs(comment: ForgeComment, botLogin: string): boolean {
  return comment.author.toLowerCase() === botLogin.toLowerCase();
}

/**
 * The sticky summary of one run: found (duplicates an earlier lost answer left deleted), written
 * once per change, never left at "reviewing …".
 */
class StickySummary {
  comment: ForgeComment | undefined;
  previous: SummaryMeta | undefined;
  base: SummaryInput | undefined;
  number = 0;

  constructor(private readonly o: PrCommentsOptions) {}

  /** Our summary for this workflow; duplicates an earlier lost answer left are deleted. */
  async find(workflow: string): Promise<ForgeComment | undefined> {
    const { o } = this;
    const ours = (await o.forge.listIssueComments(this.number))
      .filter((c) => isOurs(c, o.botLogin) && isSummaryComment(c.body, workflow))
      .sort((a, b) => b.id - a.id);
    for (const extra of ours.slice(1)) {
      await o.forge
        .deleteIssueComment(extra.id)
        .catch((e: unknown) =>
          o.log.info(`Could not delete duplicate summary ${extra.id}: ${toError(e).message}`),
        );
    }
    return ours[0];
  }

  async write(body: string, workflow: string): Promise<ForgeComment> {
    const { o } = this;
    this.comment = this.comment
      ? await o.forge.updateIssueComment(this.comment.id, body)
      : await createOnce({
          create: () => o.forge.createIssueComment(this.number, body),
          find: () => this.find(workflow),
          delayMs: o.retryDelayMs,
        });
    return this.comment;
  }

  /** The final summary; when updates fail, once more with the outcome alone, then anew. */
  async writeFinal(input: SummaryInput, workflow: string): Promise<ForgeComment> {
    try {
      return await this.write(renderSummaryComment(input), workflow);
    } catch (error) {
      // Never leave "reviewing …" behind: one more try with the outcome alone.
      this.o.log.warning(
        `Could not update the summary (${toError(error).message}); retrying briefly.`,
      );
      const brief = renderSummaryComment({
        ...input,
        findings: undefined,
        files: undefined,
        iterations: undefined,
      });
      return this.write(brief, workflow).catch((again: unknown) =>
        this.replaceStuck(brief, workflow, again),
      );
    }
  }

  /**
   * The summary cannot be edited (its updates keep failing): post the outcome as a new summary,
   * which retires the stuck one as a duplicate, so no "reviewing …" is left behind. Throws
   * `cause` when that fails too.
   */
  private async replaceStuck(
    body: string,
    workflow: string,
    cause: unknown,
  ): Promise<ForgeComment> {
    const { o } = this;
    const stuck = this.comment;
    if (!stuck) throw cause;
    o.log.warning(`Could not update the summary (${toError(cause).message}); posting it anew.`);
    try {
      const fresh = await createOnce({
        create: () => o.forge.createIssueComment(this.number, body),
        // Only a newer summary is the one this call made; find deletes the stuck one.
        find: async () => {
          const found = await this.find(workflow);
          return found && found.id > stuck.id ? found : undefined;
        },
        delayMs: o.retryDelayMs,
      });
      await this.find(workflow);
      this.comment = fresh;
      return fresh;
    } catch {
      throw cause;
    }
  }

  /** Finds our summary on the subject's PR and remembers what it said. */
  async attach(subject: RunSubject): Promise<void> {
    this.number = subject.pull!.number;
    const found = await this.find(subject.workflow);
    this.comment = found;
    this.previous = found ? parseSummaryMeta(found.body) : undefined;
    this.base = summaryInputOf(undefined, undefined, subject.workflow, subject.headSha, {
      links: this.o.links,
      previous: this.previous,
    });
  }
}

/** Links from the summary to the inline comments: a convenience, the summary is written without. */
async function inlineLinks(
  o: PrCommentsOptions,
  number: number,
): Promise<Publication['inlineUrls']> {
  return o.forge.listReviewComments(number).then(
    (comments) => inlineCommentUrls(comments, (c) => isOurs(c, o.botLogin)),
    (error: unknown) => {
      o.log.info(`No links to the inline comments: ${toError(error).message}`);
      return undefined;
    },
  );
}

export function createPrCommentsPublisher(o: PrCommentsOptions): Publisher {
  const sticky = new StickySummary(o);
  return {
    name: 'pull request comments',
    required: true,
    async start(subject, publication) {
      if (!subject.pull) return;
      await sticky.attach(subject);
      const comment = await sticky.write(renderSummaryComment(sticky.base!), subject.workflow);
      publication.summaryUrl = comment.htmlUrl;
      return sticky.previous ? { spentUsd: sticky.previous.spendUsd } : {};
    },
    async finish(outcome, publication) {
      const subject = outcome.subject;
      if (!subject?.pull || outcome.kind === 'skipped') return;
      // A run that opened its pull request while it worked (a milestone) reports there too.
      if (!sticky.base) await sticky.attach(subject);
      const base = sticky.base;
      if (!base) return;
      // A start whose create came back unanswered may still have made the summary: edit that one.
      sticky.comment ??= await sticky.find(subject.workflow).catch(() => undefined);
      if (outcome.kind === 'finished') {
        publication.placed =
          outcome.anchorDiff !== undefined
            ? await postReview(
                o,
                subject,
                anchorFindings(outcome.findings, outcome.anchorDiff),
                publication,
              )
            : placeFindings(outcome);
        if (publication.placed?.anchored.length)
          publication.inlineUrls = await inlineLinks(o, sticky.number);
      }
      const input = summaryInputOf(outcome, publication.placed, subject.workflow, base.headSha, {
        links: o.links,
        previous: sticky.previous,
        notes: publication.notes,
        pullNumber: sticky.number,
        inlineUrls: publication.inlineUrls,
      });
      const comment = await sticky.writeFinal(input, subject.workflow);
      publication.summaryUrl = comment.htmlUrl;
    },
  };
}

/**
 * New inline findings as one review; those posted by any earlier run (by fingerprint) are not
 * posted again. A review GitHub refuses (a line no longer in the diff) is not lost: its findings
 * go to the summary instead.
 */
async function postReview(
  o: PrCommentsOptions,
  subject: RunSubject,
  anchored: AnchorResult,
  publication: Publication,
): Promise<AnchorResult> {
  const pull = subject.pull!;
  const postedBefore = async (): Promise<Set<string>> =>
    new Set(
      (await o.forge.listReviewComments(pull.number))
        .filter((c) => isOurs(c, o.botLogin))
        .flatMap((c) => parseFingerprints(c.body)),
    );
  let fresh = anchored.anchored;
  try {
    // Not knowing what earlier runs posted, posting again could duplicate: the findings go to
    // the summary instead (the catch below).
    const existing = await postedBefore();
    fresh = anchored.anchored.filter((c) => !existing.has(c.fingerprint));
    o.log.info(
      `${anchored.anchored.length} finding(s) on diff lines (${anchored.anchored.length - fresh.length} already posted), ${anchored.unanchored.length} for the summary.`,
    );
    if (fresh.length === 0) return anchored;
    await createOnce({
      create: () =>
        o.forge.createReview(pull.number, {
          commitId: subject.headSha ?? pull.head.sha,
          body: renderReviewBody(fresh.length, publication.summaryUrl),
          comments: fresh.map((c) => ({
            path: c.path,
            line: c.line,
            side: 'RIGHT' as const,
            ...(c.start_line !== undefined
              ? { start_line: c.start_line, start_side: 'RIGHT' as const }
              : {}),
            body: c.body,
          })),
        }),
      // A review whose answer was lost: its comments are there, with our fingerprints.
      find: async () => {
        const now = await postedBefore();
        return fresh.every((c) => now.has(c.fingerprint)) ? { id: 0, htmlUrl: '' } : undefined;
      },
      delayMs: o.retryDelayMs,
    });
    return anchored;
  } catch (error) {
    const refused = error instanceof ForgeError && error.kind === 'validation';
    const reason = refused
      ? 'GitHub refused the inline comment'
      : `the inline review could not be posted (${toError(error).message})`;
    o.log.warning(
      `${refused ? 'GitHub refused the inline review' : 'The inline review could not be posted'} (${toError(error).message}); the findings are listed in the summary.`,
    );
    const left = new Set(fresh.map((c) => c.fingerprint));
    return {
      anchored: anchored.anchored.filter((c) => !left.has(c.fingerprint)),
      unanchored: [
        ...anchored.unanchored,
        ...fresh.map((c) => ({ ...c.finding, fingerprint: c.fingerprint, reason })),
      ],
    };
  }
}
