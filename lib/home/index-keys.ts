import type { TouchlineDb } from '../db/database';

/**
 * Primary keys of index ranges, read fast and still followed live.
 *
 * Read through Dexie inside a liveQuery, `where(i).equals(v).primaryKeys()` adds every key it returns to the
 * query's observed set, one balanced-tree insert each: measured 2026-12-02 in Chromium at ~8-10 ms per 1,000
 * keys, most of the board's and list's first render at 100,000 prospects. Here the keys come from IndexedDB's
 * own getAllKeys in one read transaction, and the liveQuery follows the same ranges through Dexie's count()
 * of each, which observes the range itself (any write whose old or new index value falls in it) and every
 * delete on the table, without a per-key cost. The view re-reads exactly when the ranges it read can differ.
 */

export type KeyRange =
  | { all: true }
  | { equals: string }
  | { below: number }
  | { atLeast: number };

export interface KeyRead {
  table: 'prospects' | 'engagement';
  /** The index name as the schema declares it ('stageId', 'tags' for *tags, 'source.site'). */
  index: string;
  range: KeyRange;
  /** Highest index key first (ties by primary key, highest first), as Dexie's reverse(). */
  reverse?: boolean;
}

function idbRange(r: KeyRange): IDBKeyRange | undefined {
  if ('equals' in r) return IDBKeyRange.only(r.equals);
  if ('below' in r) return IDBKeyRange.upperBound(r.below, true);
  if ('atLeast' in r) return IDBKeyRange.lowerBound(r.atLeast);
  return undefined;
}

/** The Dexie count() that observes the same range (its result is not needed, only what it subscribes). */
function follow(db: TouchlineDb, read: KeyRead): Promise<number> {
  const table = db.table(read.table);
  const r = read.range;
  if ('equals' in r) return table.where(read.index).equals(r.equals).count();
  if ('below' in r) return table.where(read.index).below(r.below).count();
  if ('atLeast' in r) return table.where(read.index).aboveOrEqual(r.atLeast).count();
  return table.orderBy(read.index).count();
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

/**
 * The primary keys of each read, in index order (ties by primary key), from one consistent read of the
 * database. Call it inside a liveQuery to follow the ranges. The Dexie calls start synchronously, before
 * anything is awaited, so they run in the liveQuery's zone whatever the caller awaits.
 */
export async function readIndexKeys(db: TouchlineDb, reads: readonly KeyRead[]): Promise<string[][]> {
  if (!reads.length) return [];
  const observed = Promise.all(reads.map((r) => follow(db, r)));
  if (!db.isOpen()) await db.open();
  const tx = db.backendDB().transaction([...new Set(reads.map((r) => r.table))], 'readonly');
  const keys = await Promise.all(
    reads.map(async (r) => {
      const found = (await request(tx.objectStore(r.table).index(r.index).getAllKeys(idbRange(r.range)))) as string[];
      return r.reverse ? found.reverse() : found;
    }),
  );
  await observed;
  return keys;
}
