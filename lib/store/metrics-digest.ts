import type { TouchlineDb } from '../db/database';
import {
  bucketOf,
  decodeHistory,
  decodeTouches,
  DIGEST_BUCKETS,
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
  type TouchDigestRow,
  type TouchEntry,
} from '../metrics/digest';
import type { Touch } from '../model';

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
}

/** Deltas a writer lets wait before it folds them itself (the metrics page folds whatever waits). */
const FOLD_AT = 128;

async function stateOf(db: TouchlineDb): Promise<DigestState | undefined> {
  const s = (await db.metricsDigest.get(STATE)) as DigestState | undefined;
  return s?.buckets === DIGEST_BUCKETS && typeof s.seq === 'number' ? s : undefined;
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
  const historyIds = [...c.historyOf];
  const reread = [...c.touchesOf];
  const [prospects, changes, touchRows] = await Promise.all([
    historyIds.length ? db.prospects.bulkGet(historyIds) : [],
    historyIds.length ? db.stageChanges.where('prospectId').anyOf(historyIds).toArray() : [],
    reread.length ? db.touches.where('prospectId').anyOf(reread).toArray() : [],
  ]);
  const changesOf = groupBy(changes, (r) => r.prospectId);
  const history: HistoryEntry[] = [];
  const historyGone: string[] = [];
  historyIds.forEach((id, i) => {
    const e = historyEntry(id, prospects[i], changesOf.get(id) ?? []);
    if (e) history.push(e);
    else historyGone.push(id);
  });
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

/**
 * Folds the waiting deltas into the buckets, in order; `all` is every digest row when the caller read them
 * (the metrics page), else the deltas and the buckets they reach are read here. Returns the rows after.
 */
async function foldDeltas(db: TouchlineDb, all?: DigestRow[]): Promise<DigestRow[] | undefined> {
  const rows = all ?? ((await db.metricsDigest.where('id').between('d:', 'd:\uffff').toArray()) as DigestRow[]);
  const deltas = rows.filter(isDeltaRow).sort((a, b) => (a.id < b.id ? -1 : 1));
  const state = rows.find((r) => r.id === STATE) as DigestState | undefined;
  const byId = new Map<string, DigestRow>(all ? all.map((r) => [r.id, r]) : []);
  const opened = deltas.map((d) => ({
    history: decodeHistory(d.history),
    historyGone: d.historyGone,
    touches: decodeTouches(d.touches),
    touchesGone: d.touchesGone,
    added: decodeTouches(d.added),
  }));
  // The buckets these deltas reach, read in one request (no other await: a Dexie transaction follows only its own promises).
  const hIds = new Set<string>();
  const tIds = new Set<string>();
  for (const d of opened) {
    for (const e of d.history) hIds.add(historyRowId(bucketOf(e.prospectId)));
    for (const id of d.historyGone) hIds.add(historyRowId(bucketOf(id)));
    for (const e of [...d.touches, ...d.added]) tIds.add(touchRowId(bucketOf(e.prospectId)));
    for (const id of d.touchesGone) tIds.add(touchRowId(bucketOf(id)));
  }
  const wanted = [...hIds, ...tIds];
  if (!all) (await db.metricsDigest.bulkGet(wanted)).forEach((r, i) => r && byId.set(wanted[i]!, r as DigestRow));
  const open = <E extends { prospectId: string }>(rowId: string, decode: (r: DigestRow) => E[]) =>
    new Map((byId.has(rowId) ? decode(byId.get(rowId)!) : []).map((e) => [e.prospectId, e]));
  const history = new Map([...hIds].map((id) => [id, open(id, (r) => decodeHistory(r as HistoryRow))]));
  const touches = new Map([...tIds].map((id) => [id, open(id, (r) => decodeTouches(r as TouchDigestRow))]));
  const historyOf = (id: string) => history.get(historyRowId(bucketOf(id)))!;
  const touchesOf = (id: string) => touches.get(touchRowId(bucketOf(id)))!;
  for (const d of opened) {
    for (const e of d.history) historyOf(e.prospectId).set(e.prospectId, e);
    for (const id of d.historyGone) historyOf(id).delete(id);
    for (const e of d.touches) touchesOf(e.prospectId).set(e.prospectId, e);
    for (const id of d.touchesGone) touchesOf(id).delete(id);
    for (const e of d.added) {
      const m = touchesOf(e.prospectId);
      const old = m.get(e.prospectId);
      const list = [...(old ? old.at.map((at, i) => ({ at, channel: old.channel[i]! })) : []), ...e.at.map((at, i) => ({ at, channel: e.channel[i]! }))];
      m.set(e.prospectId, touchEntry(e.prospectId, list)!);
    }
  }
  const written: DigestRow[] = [
    ...[...history].map(([id, m]) => encodeHistory(id, [...m.values()])),
    ...[...touches].map(([id, m]) => encodeTouches(id, [...m.values()])),
  ];
  const current = state ?? (await stateOf(db));
  if (current) written.push({ ...current, pending: 0 });
  await db.metricsDigest.bulkDelete(deltas.map((d) => d.id));
  await db.metricsDigest.bulkPut(written);
  if (!all) return undefined;
  for (const d of deltas) byId.delete(d.id);
  for (const r of written) byId.set(r.id, r);
  return [...byId.values()];
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
    const history = Array.from({ length: DIGEST_BUCKETS }, () => [] as HistoryEntry[]);
    for (const [id, p] of facts) history[bucketOf(id)]!.push(historyEntry(id, p, changes.get(id) ?? [])!);
    const touched = Array.from({ length: DIGEST_BUCKETS }, () => [] as TouchEntry[]);
    for (const [id, list] of touches) touched[bucketOf(id)]!.push(touchEntry(id, list)!);
    const rows: DigestRow[] = [
      ...history.map((e, b) => encodeHistory(historyRowId(b), e)),
      ...touched.map((e, b) => encodeTouches(touchRowId(b), e)),
      { id: STATE, buckets: DIGEST_BUCKETS, seq: 0, pending: 0 },
    ];
    await db.metricsDigest.clear();
    await db.metricsDigest.bulkPut(rows);
    return rows;
  });
}

/**
 * The digest's buckets, rebuilt first when it is not built, with the waiting deltas folded in (written back
 * in the same transaction as the read, so a write from the background lands before or after, never between).
 */
export async function readDigest(db: TouchlineDb): Promise<DigestRow[]> {
  const rows = (await db.metricsDigest.toArray()) as DigestRow[];
  const state = rows.find((r) => r.id === STATE) as DigestState | undefined;
  if (state?.buckets !== DIGEST_BUCKETS || typeof state.seq !== 'number') return rebuildDigest(db);
  if (!rows.some(isDeltaRow)) return rows;
  return (await db.transaction('rw', db.metricsDigest, async () => {
    const fresh = (await db.metricsDigest.toArray()) as DigestRow[];
    if (!(await stateOf(db))) return undefined;
    return foldDeltas(db, fresh);
  })) ?? rebuildDigest(db);
}
