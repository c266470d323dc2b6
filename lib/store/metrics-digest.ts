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
  type DigestRow,
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

export async function isDigestBuilt(db: TouchlineDb): Promise<boolean> {
  const s = (await db.metricsDigest.get(STATE)) as { buckets?: number } | undefined;
  return s?.buckets === DIGEST_BUCKETS;
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

/** The side effect: rereads the changed prospects' rows and rewrites their buckets. */
export async function refreshDigest(db: TouchlineDb, c: DigestChanges): Promise<void> {
  if (!c.historyOf.size && !c.touchesOf.size && !c.touchesCreated.size) return;
  if (!(await isDigestBuilt(db))) return;
  if (c.historyOf.size) {
    const ids = [...c.historyOf];
    const [prospects, changes] = await Promise.all([db.prospects.bulkGet(ids), db.stageChanges.where('prospectId').anyOf(ids).toArray()]);
    const byOwner = groupBy(changes, (r) => r.prospectId);
    const fresh = new Map(ids.map((id, i) => [id, historyEntry(id, prospects[i], byOwner.get(id) ?? [])]));
    await rewrite(db, ids, historyRowId, (r) => decodeHistory(r as HistoryRow), encodeHistory, (entries, id) => {
      const e = fresh.get(id);
      if (e) entries.set(id, e);
      else entries.delete(id);
    });
  }
  const added = groupBy([...c.touchesCreated.values()].filter((t) => !c.touchesOf.has(t.prospectId)), (t) => t.prospectId);
  if (c.touchesOf.size || added.size) {
    const reread = [...c.touchesOf];
    const rows = reread.length ? await db.touches.where('prospectId').anyOf(reread).toArray() : [];
    const byOwner = groupBy(rows, (t) => t.prospectId);
    await rewrite(db, [...reread, ...added.keys()], touchRowId, (r) => decodeTouches(r as TouchDigestRow), encodeTouches, (entries, id) => {
      const old = entries.get(id);
      const more = added.get(id);
      const list = more ? [...(old ? old.at.map((at, i) => ({ at, channel: old.channel[i]! })) : []), ...more] : (byOwner.get(id) ?? []);
      const e = touchEntry(id, list);
      if (e) entries.set(id, e);
      else entries.delete(id);
    });
  }
}

/** Rewrites the buckets holding `ids`, each entry of theirs set (or deleted) by `apply`. */
async function rewrite<E extends { prospectId: string }>(
  db: TouchlineDb,
  ids: string[],
  rowId: (bucket: number) => string,
  decode: (row: DigestRow) => E[],
  encode: (id: string, entries: E[]) => DigestRow,
  apply: (entries: Map<string, E>, id: string) => void,
): Promise<void> {
  const buckets = [...groupBy(ids, bucketOf)];
  const keys = buckets.map(([b]) => rowId(b));
  const rows = await db.metricsDigest.bulkGet(keys);
  const out = buckets.map(([, bucketIds], i) => {
    const old = rows[i];
    const entries = new Map((old ? decode(old as DigestRow) : []).map((e) => [e.prospectId, e]));
    for (const id of bucketIds) apply(entries, id);
    return encode(keys[i]!, [...entries.values()]);
  });
  await db.metricsDigest.bulkPut(out);
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
      { id: STATE, buckets: DIGEST_BUCKETS },
    ];
    await db.metricsDigest.clear();
    await db.metricsDigest.bulkPut(rows);
    return rows;
  });
}

/** The digest's rows, rebuilt first when it is not built. */
export async function readDigest(db: TouchlineDb): Promise<DigestRow[]> {
  const rows = (await db.metricsDigest.toArray()) as DigestRow[];
  const state = rows.find((r) => r.id === STATE) as { buckets?: number } | undefined;
  return state?.buckets === DIGEST_BUCKETS ? rows : rebuildDigest(db);
}
