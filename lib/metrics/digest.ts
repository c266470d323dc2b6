import type { DayCountsRow, SlotCountsRow } from './touch-counts';

/**
 * The metrics digest: a columnar copy of exactly what the metrics read (each prospect's source and deal value,
 * its stage changes as stage + instant, its touches as channel + instant), in a few hundred rows of typed
 * arrays. Reading 300,000 StageChange objects, 100,000 prospects and a count per won deal cost seconds in
 * Chromium; the same facts as typed arrays are one getAll. Instants are kept exact (no per-day rounding), so
 * any period in any time zone gives the same figures as the pure functions over the rows: nothing to rebuild
 * when the time zone changes, and medians come from the real durations.
 *
 * Rows are bucketed by a hash of the prospect id, history and touches apart. The metrics page reads the
 * history rows, which carry what the metrics need from touches (each change's count of touches up to it, each
 * prospect's first touch), and the touch counts per slot (./touch-counts.ts); the touch rows (8 MB of instants
 * at a million touches) are read only to keep those when touches change.
 */
export const DIGEST_BUCKETS = 256;
/** The rows' shape: a digest of another shape is rebuilt (2: touch counts and per-change touch counts, 2026-12-03). */
export const DIGEST_FORMAT = 2;

export interface HistoryEntry {
  prospectId: string;
  site?: string;
  dealValue?: number;
  /** Oldest first; equal instants in id order (the order the `at` index gives). */
  changes: Array<{ to: string; at: number }>;
}

export interface TouchEntry {
  prospectId: string;
  /** Ascending. */
  at: number[];
  channel: string[];
}

/** Whole numbers in the narrowest array that holds them all: the page reads every history row each time. */
export type Whole = Uint8Array | Uint16Array | Uint32Array;

export interface HistoryRow {
  id: string;
  ids: string[];
  sites: string[];
  /** Index into `sites`, or 255 for none. */
  site: Uint8Array;
  /** NaN for no deal value (Float32 when every value fits it exactly). */
  deal: Float64Array | Float32Array;
  stages: string[];
  /** Cumulative end of each prospect's changes in `at` / `to`. */
  end: Whole;
  at: Float64Array;
  to: Whole;
  /** Each prospect's first touch, NaN for none (from its touch entry). */
  first: Float64Array;
  /** Each change's count of its prospect's touches at or before it. */
  upTo: Whole;
}

function narrow(values: Uint32Array): Whole {
  let max = 0;
  for (const v of values) if (v > max) max = v;
  return max < 0x100 ? Uint8Array.from(values) : max < 0x10000 ? Uint16Array.from(values) : values;
}

const narrowReal = (values: Float64Array) => (values.every((v) => Number.isNaN(v) || Math.fround(v) === v) ? Float32Array.from(values) : values);

export interface TouchDigestRow {
  id: string;
  ids: string[];
  channels: string[];
  end: Uint32Array;
  at: Float64Array;
  channel: Uint16Array;
}

export interface DigestState {
  id: 'state';
  buckets: number;
  format: number;
  /** The next delta row's number, and how many wait to be folded into the buckets. */
  seq: number;
  pending: number;
}

/**
 * What one unit of work changed, written as one row (a CSV import's batch of 2,000 people would otherwise
 * rewrite nearly every bucket): entries that replace or remove a prospect's, and touches added to one. The
 * metrics page folds the waiting deltas into the buckets when it reads them (and a writer does when many
 * wait), in key order, so a later delta wins.
 */
export interface DeltaRow {
  id: string;
  history: HistoryRow;
  historyGone: string[];
  touches: TouchDigestRow;
  touchesGone: string[];
  added: TouchDigestRow;
}

export type DigestRow = HistoryRow | TouchDigestRow | DigestState | DeltaRow | DayCountsRow | SlotCountsRow;

export const historyRowId = (bucket: number) => `h:${bucket}`;
export const touchRowId = (bucket: number) => `t:${bucket}`;
export const deltaRowId = (seq: number) => `d:${String(seq).padStart(12, '0')}`;
export const isHistoryRow = (r: DigestRow): r is HistoryRow => r.id.startsWith('h:');
export const isTouchRow = (r: DigestRow): r is TouchDigestRow => r.id.startsWith('t:');
export const isDeltaRow = (r: DigestRow): r is DeltaRow => r.id.startsWith('d:');
export const bucketOfRow = (rowId: string) => Number(rowId.slice(2));

/** FNV-1a of the id, into DIGEST_BUCKETS buckets. */
export function bucketOf(prospectId: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < prospectId.length; i++) h = Math.imul(h ^ prospectId.charCodeAt(i), 0x01000193);
  return (h >>> 0) % DIGEST_BUCKETS;
}

const NO_SITE = 255;

/** Strings to small codes, in the order first met (the digest's stages, sites and channels). */
export function dictionary() {
  const values: string[] = [];
  const index = new Map<string, number>();
  return {
    values,
    code(v: string) {
      let i = index.get(v);
      if (i === undefined) index.set(v, (i = values.push(v) - 1));
      return i;
    },
  };
}

/** A sorted run's count of values at or before `until`. */
function countUpTo(at: ArrayLike<number>, until: number): number {
  let lo = 0;
  let hi = at.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (at[mid]! <= until) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** `touchesOf` gives each prospect's touch entry (the bucket's), for the touch figures the row carries. */
export function encodeHistory(id: string, entries: HistoryEntry[], touchesOf: (prospectId: string) => TouchEntry | undefined = () => undefined): HistoryRow {
  const sites = dictionary();
  const stages = dictionary();
  const n = entries.reduce((s, e) => s + e.changes.length, 0);
  const row: HistoryRow = {
    id,
    ids: entries.map((e) => e.prospectId),
    sites: sites.values,
    site: new Uint8Array(entries.length),
    deal: new Float64Array(entries.length),
    stages: stages.values,
    end: new Uint32Array(entries.length),
    at: new Float64Array(n),
    to: new Uint32Array(n),
    first: new Float64Array(entries.length),
    upTo: new Uint32Array(n),
  };
  let k = 0;
  entries.forEach((e, i) => {
    row.site[i] = e.site === undefined ? NO_SITE : sites.code(e.site);
    row.deal[i] = e.dealValue ?? NaN;
    const touches = touchesOf(e.prospectId)?.at ?? [];
    row.first[i] = touches.length ? touches[0]! : NaN;
    for (const c of e.changes) {
      row.at[k] = c.at;
      row.upTo[k] = countUpTo(touches, c.at);
      row.to[k++] = stages.code(c.to);
    }
    row.end[i] = k;
  });
  return { ...row, deal: narrowReal(row.deal as Float64Array), end: narrow(row.end as Uint32Array), to: narrow(row.to as Uint32Array), upTo: narrow(row.upTo as Uint32Array) };
}

export function decodeHistory(row: HistoryRow): HistoryEntry[] {
  let k = 0;
  return row.ids.map((prospectId, i) => {
    const changes: HistoryEntry['changes'] = [];
    for (; k < row.end[i]!; k++) changes.push({ to: row.stages[row.to[k]!]!, at: row.at[k]! });
    const e: HistoryEntry = { prospectId, changes };
    if (row.site[i] !== NO_SITE) e.site = row.sites[row.site[i]!];
    if (!Number.isNaN(row.deal[i])) e.dealValue = row.deal[i];
    return e;
  });
}

export function encodeTouches(id: string, entries: TouchEntry[]): TouchDigestRow {
  const channels = dictionary();
  const n = entries.reduce((s, e) => s + e.at.length, 0);
  const row: TouchDigestRow = { id, ids: entries.map((e) => e.prospectId), channels: channels.values, end: new Uint32Array(entries.length), at: new Float64Array(n), channel: new Uint16Array(n) };
  let k = 0;
  entries.forEach((e, i) => {
    e.at.forEach((at, j) => {
      row.at[k] = at;
      row.channel[k++] = channels.code(e.channel[j]!);
    });
    row.end[i] = k;
  });
  return row;
}

export function decodeTouches(row: TouchDigestRow): TouchEntry[] {
  let k = 0;
  return row.ids.map((prospectId, i) => {
    const e: TouchEntry = { prospectId, at: [], channel: [] };
    for (; k < row.end[i]!; k++) {
      e.at.push(row.at[k]!);
      e.channel.push(row.channels[row.channel[k]!]!);
    }
    return e;
  });
}

/** A prospect's history entry from its record (if it still exists) and its stage change rows. */
export function historyEntry(prospectId: string, prospect: { source?: { site?: unknown }; dealValue?: unknown } | undefined, changes: Array<{ id: string; to: string; at: number }>): HistoryEntry | undefined {
  if (!prospect) return undefined;
  const sorted = [...changes].sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const e: HistoryEntry = { prospectId, changes: sorted.map((c) => ({ to: c.to, at: c.at })) };
  const site = prospect.source?.site;
  if (typeof site === 'string') e.site = site;
  const v = prospect.dealValue;
  if (typeof v === 'number' && Number.isFinite(v)) e.dealValue = v;
  return e;
}

/** A prospect's touch entry from its touch rows, or undefined when it has none. */
export function touchEntry(prospectId: string, touches: Array<{ at: number; channel: string }>): TouchEntry | undefined {
  if (!touches.length) return undefined;
  const sorted = [...touches].sort((a, b) => a.at - b.at);
  return { prospectId, at: sorted.map((t) => t.at), channel: sorted.map((t) => t.channel) };
}
