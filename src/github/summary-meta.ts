/**
 * The hidden `meta` marker at the end of a summary comment: the status, the head reviewed, the
 * pull request's cumulative spend and the open findings' fingerprints (with details for the
 * first ones, so a later run can list them as resolved). Written by `fitMeta` within a size
 * budget; read back by `parseSummaryMeta`, which trusts nothing in it.
 */
import { SEVERITIES, type Severity } from '../engine/types.js';
import { hiddenMarker, parseHiddenMarkers } from './fingerprint.js';

export type SummaryStatus = 'pass' | 'revise' | 'running' | 'failed' | 'no-key' | 'skipped';

export const SUMMARY_STATUSES: readonly SummaryStatus[] = [
  'pass',
  'revise',
  'running',
  'failed',
  'no-key',
  'skipped',
];

/** How much of the comment the meta marker may take. */
const MAX_META = 16_000;
const MAX_META_DETAILS = 100;
const MAX_META_FINGERPRINTS = 500;
/** One open finding as the meta marker remembers it. */
export interface MetaFinding {
  fp: string;
  severity?: Severity;
  path?: string;
  title?: string;
}

export interface SummaryMeta {
  v: 1;
  workflow: string;
  status: SummaryStatus;
  /** The head commit the open findings were found on. */
  headSha?: string;
  /** Cumulative model spend on this pull request, in USD (for per-PR budgets). */
  spendUsd: number;
  /** Open findings: fingerprints, with details for the first ones. */
  open: MetaFinding[];
}

/** The meta of a summary comment we wrote, or undefined (no marker, or not ours in shape). */
export function parseSummaryMeta(body: string): SummaryMeta | undefined {
  for (const marker of parseHiddenMarkers(body)) {
    if (marker.kind !== 'meta') continue;
    const meta = readMeta(marker.data);
    if (meta) return meta;
  }
  return undefined;
}

/** The meta marker for `meta`, shrunk (fewer details, then fewer fingerprints) to fit. */
export function fitMeta(meta: SummaryMeta): string {
  let detailed = Math.min(meta.open.length, MAX_META_DETAILS);
  let total = Math.min(meta.open.length, MAX_META_FINGERPRINTS);
  for (;;) {
    const open = meta.open
      .slice(0, total)
      .map((finding, i) => (i < detailed ? finding : { fp: finding.fp }));
    const marker = hiddenMarker('meta', { ...meta, open });
    if (marker.length <= MAX_META || total === 0) return marker;
    if (detailed > 0) detailed = Math.floor(detailed / 2);
    else total = Math.floor(total / 2);
  }
}

function readMeta(data: unknown): SummaryMeta | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const value = data as Record<string, unknown>;
  if (value['v'] !== 1 || typeof value['workflow'] !== 'string') return undefined;
  const status = SUMMARY_STATUSES.find((s) => s === value['status']);
  if (!status) return undefined;
  const open: MetaFinding[] = [];
  for (const entry of Array.isArray(value['open']) ? value['open'] : []) {
    if (typeof entry !== 'object' || entry === null) continue;
    const item = entry as Record<string, unknown>;
    if (typeof item['fp'] !== 'string' || !/^[0-9a-f]{8,64}$/.test(item['fp'])) continue;
    const finding: MetaFinding = { fp: item['fp'] };
    const severity = SEVERITIES.find((s) => s === item['severity']);
    if (severity) finding.severity = severity;
    if (typeof item['path'] === 'string') finding.path = item['path'];
    if (typeof item['title'] === 'string') finding.title = item['title'];
    open.push(finding);
  }
  const spend = value['spendUsd'];
  const meta: SummaryMeta = {
    v: 1,
    workflow: value['workflow'],
    status,
    spendUsd: typeof spend === 'number' && Number.isFinite(spend) && spend >= 0 ? spend : 0,
    open,
  };
  if (typeof value['headSha'] === 'string') meta.headSha = value['headSha'];
  return meta;
}

export function roundUsd(value: number): number {
  return Number.isFinite(value) && value > 0 ? Math.round(value * 1e6) / 1e6 : 0;
}
