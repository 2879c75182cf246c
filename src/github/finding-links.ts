/**
 * Where a finding can be seen on GitHub: its line in the pull request's files view (for lines of
 * the diff), the line at the reviewed commit (for lines outside it), and its inline comment when
 * one was posted. Pure.
 *
 * The files view anchors a file as `#diff-<sha256 of its path, hex>` and a line of the new side
 * as `R<line>` (a range as `R<start>-R<end>`), which is what GitHub's "copy link" gives.
 */
import { createHash } from 'node:crypto';
import type { ForgeComment } from './forge.js';
import { parseFingerprints } from './fingerprint.js';

export interface FindingLinkBase {
  /** `https://github.com/o/r/pull/7/files`. */
  pullFilesUrl?: string;
  /** `https://github.com/o/r`, with `headSha`, for lines outside the diff. */
  repositoryUrl?: string;
  headSha?: string;
  /** Fingerprint → URL of the inline comment that carries the finding. */
  inlineUrls?: ReadonlyMap<string, string>;
}

interface Located {
  path: string;
  line: number;
  end_line?: number;
}

function range(finding: Located, prefix: string): string {
  const end =
    finding.end_line !== undefined && finding.end_line !== finding.line
      ? `-${prefix}${finding.end_line}`
      : '';
  return `${prefix}${finding.line}${end}`;
}

/** The files-view URL of `path`, at a new-side line (or range) unless `fileOnly`. */
export function pullFileLineUrl(pullFilesUrl: string, finding: Located, fileOnly = false): string {
  const file = createHash('sha256').update(finding.path).digest('hex');
  return `${pullFilesUrl}#diff-${file}${fileOnly ? '' : range(finding, 'R')}`;
}

/** The URL of a line (or range) of `path` at `sha`. */
export function blobLineUrl(repositoryUrl: string, sha: string, finding: Located): string {
  const path = finding.path.split('/').map(encodeURIComponent).join('/');
  return `${repositoryUrl}/blob/${sha}/${path}#${range(finding, 'L')}`;
}

/**
 * Where a finding's location links to: its line in the files view (`line`), its file there
 * (`file`: deleted, binary, no patch), or its line at the head commit (`outside` the diff).
 * Undefined when the base lacks the URL needed.
 */
export function locationUrl(
  finding: Located,
  placement: 'line' | 'file' | 'outside',
  base: FindingLinkBase,
): string | undefined {
  if (placement !== 'outside' && base.pullFilesUrl)
    return pullFileLineUrl(base.pullFilesUrl, finding, placement === 'file');
  if (placement === 'file') return undefined;
  if (base.repositoryUrl && base.headSha)
    return blobLineUrl(base.repositoryUrl, base.headSha, finding);
  return undefined;
}

/** Fingerprint → URL of our inline comments (only comments `isOurs` accepts count). */
export function inlineCommentUrls(
  comments: readonly ForgeComment[],
  isOurs: (comment: ForgeComment) => boolean,
): Map<string, string> {
  const urls = new Map<string, string>();
  for (const comment of comments) {
    if (!isOurs(comment) || !comment.htmlUrl) continue;
    for (const fp of parseFingerprints(comment.body))
      if (!urls.has(fp)) urls.set(fp, comment.htmlUrl);
  }
  return urls;
}
