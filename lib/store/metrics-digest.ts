import type { TouchlineDb } from '../db/database';
import {
  bucketOf,
  decodeHistory,
  decodeTouches,
  DIGEST_BUCKETS,
  DIGEST_FORMAT,
  encodeHistory,
  encodeTouches,
  historyEntry,
  historyRowId,
  touchEntry,
  touchRowId,
  deltaRowId,
  isDeltaRow,
  type DeltaRow,
  type DigestRow,
  type DigestState,
  type HistoryEntry,
  type HistoryRow,
  isHistoryRow,
  type TouchDigestRow,
  type TouchEntry,
} from '../metrics/digest';
import { applyCountChanges, CountChanges, DAY_COUNTS_ID, slotRowId, type DayCountsRow, type SlotCountsRow } from '../metrics/touch-counts';
import type { Prospect, StageChange, Touch } from '../model';

/**
 * Keeps the metrics digest (lib/metrics/digest.ts) in step with the rows, in the transaction that writes them.
 * Until it is built (a new database, a schema upgrade, a restore or seeding that wrote rows without side
 * effects) nothing is kept: the metrics page rebuilds it from the rows on its first read.
 */
const STATE = 'state';

export interface DigestChanges {
  /** Prospects whose record (source, deal value), existence or stage history changed. */
  historyOf: Set<string>;
  /** Prospects whose touches must be reread (deleted, moved, re-timed or re-channelled). */
  touchesOf: Set<string>;
  /** Touches created (added to their owner's entry unless it is reread). */
  touchesCreated: Map<string, Touch>;
  /**
   * Prospects minted by this write (no row named them before it), their rows as written and the stage changes
   * created: such a person's history is all here, so it is not read back (an import batch of 5,000 new
   * people read 5,000 prospects and walked the stage changes' index for 5,000 ids).
   */
  prospectsMinted?: ReadonlySet<string>;
  prospectRows?: ReadonlyMap<string, Prospect>;
  stageChangesCreated?: ReadonlyMap<string, StageChange[]>;
}

/** Deltas a writer lets wait before it folds them itself (the metrics page folds whatever waits). */
const FOLD_AT = 128;

const isCurrent = (s: DigestState | undefined): s is DigestState => s?.buckets === DIGEST_BUCKETS && s.format === DIGEST_FORMAT && typeof s.seq === 'number';

async function stateOf(db: TouchlineDb): Promise<DigestState | undefined> {
  const s = (await db.metricsDigest.get(STATE)) as DigestState | undefined;
  return isCurrent(s) ? s : undefined;
}

export async function isDigestBuilt(db: TouchlineDb): Promise<boolean> {
  return !!(await stateOf(db));
}

/** Marks the digest stale (inside the transaction that wrote rows without side effects). */
export async function invalidateDigest(db: TouchlineDb): Promise<void> {
  await db.metricsDigest.clear();
}

function groupBy<T, K>(items: Iterable<T>, key: (t: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const t of items) {
    const k = key(t);
    let l = out.get(k);
    if (!l) out.set(k, (l = []));
    l.push(t);
  }
  return out;
}

/**
 * The side effect: rereads the changed prospects' own rows (a few each) and writes one delta row; no
 * bucket is read or rewritten here until many deltas wait.
 */
export async function refreshDigest(db: TouchlineDb, c: DigestChanges): Promise<void> {
  if (!c.historyOf.size && !c.touchesOf.size && !c.touchesCreated.size) return;
  const state = await stateOf(db);
  if (!state) return;
  const known = (id: string) => !!(c.prospectsMinted?.has(id) && c.prospectRows?.has(id));
  const historyIds = [...c.historyOf].filter((id) => !known(id));
  const reread = [...c.touchesOf];
  const [prospects, changes, touchRows] = await Promise.all([
    historyIds.length ? db.prospects.bulkGet(historyIds) : [],
    historyIds.length ? db.stageChanges.where('prospectId').anyOf(historyIds).toArray() : [],
    reread.length ? db.touches.where('prospectId').anyOf(reread).toArray() : [],
  ]);
  const changesOf = groupBy(changes, (r) => r.prospectId);
  const history: HistoryEntry[] = [];
  const historyGone: string[] = [];
  const entry = (id: string, e: HistoryEntry | undefined) => {
    if (e) history.push(e);
    else historyGone.push(id);
  };
  for (const id of c.historyOf) if (known(id)) entry(id, historyEntry(id, c.prospectRows!.get(id), c.stageChangesCreated?.get(id) ?? []));
  historyIds.forEach((id, i) => entry(id, historyEntry(id, prospects[i], changesOf.get(id) ?? [])));
  const touchesOfOwner = groupBy(touchRows, (t) => t.prospectId);
  const touches: TouchEntry[] = [];
  const touchesGone: string[] = [];
  for (const id of reread) {
    const e = touchEntry(id, touchesOfOwner.get(id) ?? []);
    if (e) touches.push(e);
    else touchesGone.push(id);
  }
  const added = [...groupBy([...c.touchesCreated.values()].filter((t) => !c.touchesOf.has(t.prospectId)), (t) => t.prospectId)].map(([id, list]) => touchEntry(id, list)!);
  const delta: DeltaRow = {
    id: deltaRowId(state.seq),
    history: encodeHistory('', history),
    historyGone,
    touches: encodeTouches('', touches),
    touchesGone,
    added: encodeTouches('', added),
  };
  const next: DigestState = { ...state, seq: state.seq + 1, pending: state.pending + 1 };
  await db.metricsDigest.bulkPut([delta, next]);
  if (next.pending >= FOLD_AT) await foldDeltas(db);
}

/** A bucket's entries by prospect, history and touches. */
interface OpenBucket {
  history: Map<string, HistoryEntry>;
  touches: Map<string, TouchEntry>;
}

const openBucket = (h: DigestRow | undefined, t: DigestRow | undefined): OpenBucket => ({
  history: new Map((h ? decodeHistory(h as HistoryRow) : []).map((e) => [e.prospectId, e])),
  touches: new Map((t ? decodeTouches(t as TouchDigestRow) : []).map((e) => [e.prospectId, e])),
});

/** Adds (or, by -1, takes away) a prospect's touches from the counts, under its source at the time. */
function countTouches(counts: CountChanges, b: OpenBucket, prospectId: string, by: 1 | -1): void {
  const t = b.touches.get(prospectId);
  if (!t) return;
  const site = b.history.get(prospectId)?.site;
  t.at.forEach((at, i) => counts.add(site, t.channel[i]!, at, by));
}

/** The rows of opened buckets, each history row carrying its bucket's touch figures. */
function encodeBucket(bucket: number, b: OpenBucket): DigestRow[] {
  return [
    encodeHistory(historyRowId(bucket), [...b.history.values()], (id) => b.touches.get(id)),
    encodeTouches(touchRowId(bucket), [...b.touches.values()]),
  ];
}

/** The counts rows after `counts`, reading those not `known`. Returns the rows to write and the days whose row goes. */
async function writeCounts(db: TouchlineDb, counts: CountChanges, known: Map<string, DigestRow>): Promise<{ put: DigestRow[]; gone: string[] }> {
  const ids = [DAY_COUNTS_ID, ...[...counts.days.keys()].map(slotRowId)];
  const missing = ids.filter((id) => !known.has(id));
  const got = missing.length ? await db.metricsDigest.bulkGet(missing) : [];
  const rows = new Map(known);
  missing.forEach((id, i) => got[i] && rows.set(id, got[i] as DigestRow));
  const slotRows = new Map([...counts.days.keys()].map((d) => [d, rows.get(slotRowId(d)) as SlotCountsRow | undefined]));
  const after = applyCountChanges(rows.get(DAY_COUNTS_ID) as DayCountsRow | undefined, slotRows, counts);
  const put: DigestRow[] = [after.dayRow];
  const gone: string[] = [];
  for (const [day, row] of after.slotRows) {
    if (row) put.push(row);
    else gone.push(slotRowId(day));
  }
  return { put, gone };
}

/**
 * Folds the waiting deltas into the buckets, in order, and the touch counts with them (each affected
 * prospect's touches counted out under its old source and back in under its new one). `known` holds rows
 * the caller already read (the metrics page reads the history rows); the rest are read here. Returns the
 * rows written and the ids deleted.
 */
async function foldDeltas(db: TouchlineDb, known = new Map<string, DigestRow>()): Promise<{ put: DigestRow[]; gone: string[] }> {
  const deltas = (known.size ? [...known.values()] : ((await db.metricsDigest.where('id').between('d:', 'd:\uffff').toArray()) as DigestRow[]))
    .filter(isDeltaRow)
    .sort((a, b) => (a.id < b.id ? -1 : 1));
  const state = (known.get(STATE) as DigestState | undefined) ?? (await stateOf(db));
  const opened = deltas.map((d) => ({
    history: decodeHistory(d.history),
    historyGone: d.historyGone,
    touches: decodeTouches(d.touches),
    touchesGone: d.touchesGone,
    added: decodeTouches(d.added),
  }));
  const affected = new Set<string>();
  for (const d of opened) {
    for (const e of [...d.history, ...d.touches, ...d.added]) affected.add(e.prospectId);
    for (const id of [...d.historyGone, ...d.touchesGone]) affected.add(id);
  }
  // A prospect's history and touches share a bucket number: both rows of each bucket reached are opened.
  const numbers = [...new Set([...affected].map(bucketOf))];
  const wanted = numbers.flatMap((b) => [historyRowId(b), touchRowId(b)]).filter((id) => !known.has(id));
  const rows = new Map(known);
  if (wanted.length) (await db.metricsDigest.bulkGet(wanted)).forEach((r, i) => r && rows.set(wanted[i]!, r as DigestRow));
  const buckets = new Map(numbers.map((b) => [b, openBucket(rows.get(historyRowId(b)), rows.get(touchRowId(b)))]));
  const of = (id: string) => buckets.get(bucketOf(id))!;
  const counts = new CountChanges();
  for (const id of affected) countTouches(counts, of(id), id, -1);
  for (const d of opened) {
    for (const e of d.history) of(e.prospectId).history.set(e.prospectId, e);
    for (const id of d.historyGone) of(id).history.delete(id);
    for (const e of d.touches) of(e.prospectId).touches.set(e.prospectId, e);
    for (const id of d.touchesGone) of(id).touches.delete(id);
    for (const e of d.added) {
      const m = of(e.prospectId).touches;
      const old = m.get(e.prospectId);
      const list = [...(old ? old.at.map((at, i) => ({ at, channel: old.channel[i]! })) : []), ...e.at.map((at, i) => ({ at, channel: e.channel[i]! }))];
      m.set(e.prospectId, touchEntry(e.prospectId, list)!);
    }
  }
  for (const id of affected) countTouches(counts, of(id), id, 1);
  const put = [...buckets].flatMap(([b, open]) => encodeBucket(b, open));
  const written = await writeCounts(db, counts, rows);
  put.push(...written.put);
  if (state) put.push({ ...state, pending: 0 });
  const gone = [...deltas.map((d) => d.id), ...written.gone];
  await db.metricsDigest.bulkDelete(gone);
  await db.metricsDigest.bulkPut(put);
  return { put, gone };
}

const PAGE = 50_000;

/** Every row of a table in primary-key pages (one getAll each), mapped as it is read. */
async function eachPage<T extends { id: string }>(table: { orderBy(k: string): any; where(k: string): any }, fn: (rows: T[]) => void): Promise<void> {
  let last: string | undefined;
  for (;;) {
    const rows: T[] = await (last === undefined ? table.orderBy(':id') : table.where(':id').above(last)).limit(PAGE).toArray();
    if (!rows.length) return;
    fn(rows);
    if (rows.length < PAGE) return;
    last = rows[rows.length - 1]!.id;
  }
}

/**
 * Builds the digest from every prospect, stage change and touch, in one transaction (so no write lands
 * between the read and the digest). Seconds on 100,000 prospects and a million touches; once per database.
 */
export async function rebuildDigest(db: TouchlineDb): Promise<DigestRow[]> {
  return db.transaction('rw', [db.prospects, db.stageChanges, db.touches, db.metricsDigest], async () => {
    const facts = new Map<string, { source?: { site?: unknown }; dealValue?: unknown }>();
    await eachPage<{ id: string; source?: { site?: unknown }; dealValue?: unknown }>(db.prospects, (rows) => {
      for (const p of rows) facts.set(p.id, { source: { site: p.source?.site }, dealValue: p.dealValue });
    });
    const changes = new Map<string, Array<{ id: string; to: string; at: number }>>();
    await eachPage<{ id: string; prospectId: string; to: string; at: number }>(db.stageChanges, (rows) => {
      for (const r of rows) {
        let l = changes.get(r.prospectId);
        if (!l) changes.set(r.prospectId, (l = []));
        l.push({ id: r.id, to: r.to, at: r.at });
      }
    });
    const touches = new Map<string, Array<{ at: number; channel: string }>>();
    await eachPage<{ id: string; prospectId: string; at: number; channel: string }>(db.touches, (rows) => {
      for (const t of rows) {
        let l = touches.get(t.prospectId);
        if (!l) touches.set(t.prospectId, (l = []));
        l.push({ at: t.at, channel: t.channel });
      }
    });
    const buckets = Array.from({ length: DIGEST_BUCKETS }, (): OpenBucket => ({ history: new Map(), touches: new Map() }));
    for (const [id, p] of facts) buckets[bucketOf(id)]!.history.set(id, historyEntry(id, p, changes.get(id) ?? [])!);
    for (const [id, list] of touches) buckets[bucketOf(id)]!.touches.set(id, touchEntry(id, list)!);
    const counts = new CountChanges();
    for (const [id] of touches) countTouches(counts, buckets[bucketOf(id)]!, id, 1);
    const rows: DigestRow[] = [
      ...buckets.flatMap((b, n) => encodeBucket(n, b)),
      ...applyCountRows(applyCountChanges(undefined, new Map(), counts)),
      { id: STATE, buckets: DIGEST_BUCKETS, format: DIGEST_FORMAT, seq: 0, pending: 0 },
    ];
    await db.metricsDigest.clear();
    await db.metricsDigest.bulkPut(rows);
    return rows;
  });
}

const applyCountRows = (c: ReturnType<typeof applyCountChanges>): DigestRow[] => [c.dayRow, ...[...c.slotRows.values()].filter((r): r is SlotCountsRow => !!r)];

/** What the metrics page reads: every history row, the day counts, and the slot rows of the days asked for. */
export interface DigestView {
  history: HistoryRow[];
  days: DayCountsRow | undefined;
  slots: Map<number, SlotCountsRow | undefined>;
}

function viewOf(rows: Iterable<DigestRow>, days: number[]): DigestView {
  const byId = new Map([...rows].map((r) => [r.id, r]));
  const history = [...byId.values()].filter((r): r is HistoryRow => isHistoryRow(r));
  return {
    history,
    days: byId.get(DAY_COUNTS_ID) as DayCountsRow | undefined,
    slots: new Map(days.map((d) => [d, byId.get(slotRowId(d)) as SlotCountsRow | undefined])),
  };
}

/** The rows the page reads: deltas, history rows and day counts ('d:' < 'h:' < 'n:'), the state, the slot rows asked for. */
async function readView(db: TouchlineDb, days: number[]): Promise<DigestRow[]> {
  const [range, state, slots] = await Promise.all([
    db.metricsDigest.where('id').between('d:', 'n;').toArray(),
    db.metricsDigest.get(STATE),
    days.length ? db.metricsDigest.bulkGet(days.map(slotRowId)) : [],
  ]);
  return [...range, ...(state ? [state] : []), ...slots.filter((r) => !!r)] as DigestRow[];
}

/**
 * What the metrics page needs from the digest (not the touch rows), rebuilt first when it is not built, with
 * the waiting deltas folded in (written back in the same transaction as the read, so a write from the
 * background lands before or after, never between). `days` are the UTC days whose slot counts are wanted.
 */
export async function readDigest(db: TouchlineDb, days: number[] = []): Promise<DigestView> {
  const rows = await db.transaction('r', db.metricsDigest, () => readView(db, days));
  const state = rows.find((r) => r.id === STATE) as DigestState | undefined;
  if (!isCurrent(state)) return viewOf(await rebuildDigest(db), days);
  if (!rows.some(isDeltaRow)) return viewOf(rows, days);
  const folded = await db.transaction('rw', db.metricsDigest, async () => {
    const fresh = await readView(db, days);
    if (!isCurrent(fresh.find((r) => r.id === STATE) as DigestState | undefined)) return undefined;
    const known = new Map(fresh.map((r) => [r.id, r]));
    const { put, gone } = await foldDeltas(db, known);
    for (const id of gone) known.delete(id);
    for (const r of put) known.set(r.id, r);
    return viewOf(known.values(), days);
  });
  return folded ?? viewOf(await rebuildDigest(db), days);
}
