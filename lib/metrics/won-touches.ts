import type { TouchlineDb } from '../db/database';

export interface TouchesUpTo {
  count: number;
  first?: number;
}

const request = <T>(r: IDBRequest<T>) =>
  new Promise<T>((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });

/**
 * Each won deal's touches at or before its win, from the [prospectId+at] index alone: a count and the first
 * key of each range, no touch read. Straight IndexedDB requests, all in flight at once in one transaction
 * (through Dexie, `keys()` walked each range with a key cursor, a round trip per key). Still two requests
 * per won deal: at 35,000 won deals in a year that is seconds on 2 shared cores (measured 2026-12-02), so
 * a per-prospect summary kept by the store is what would remove them.
 */
export async function touchesUpToWins(db: TouchlineDb, wins: Map<string, number>): Promise<Map<string, TouchesUpTo>> {
  const out = new Map<string, TouchesUpTo>();
  if (!wins.size) return out;
  const index = db.backendDB().transaction('touches', 'readonly').objectStore('touches').index('[prospectId+at]');
  await Promise.all(
    [...wins].map(async ([pid, at]) => {
      const range = IDBKeyRange.bound([pid, -Infinity], [pid, at]);
      const [count, cursor] = await Promise.all([request(index.count(range)), request(index.openKeyCursor(range))]);
      out.set(pid, { count, first: cursor ? ((cursor.key as [string, number])[1]) : undefined });
    }),
  );
  return out;
}
