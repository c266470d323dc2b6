import { DB_NAME } from '@/lib/db/schema';
import type { RecordRows } from '@/lib/home/record-shape';

/**
 * Plain IndexedDB reads for the early paint: Dexie arrives with the page's main code, ~150 ms later on a
 * fresh load. The rows are the ones Dexie hands over (the database has no reading hooks), so the views can
 * take them as they are.
 */

/** The database as it stands; never created here (Dexie creates it at its version with its stores). */
export function openExisting(name = DB_NAME): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(name);
    // Only a missing database asks for an upgrade when no version is given: leave its creation to Dexie.
    req.onupgradeneeded = () => req.transaction?.abort();
    req.onsuccess = () => {
      const db = req.result;
      db.onversionchange = () => db.close(); // Dexie's upgrade must not wait on this connection
      resolve(db);
    };
    req.onerror = () => reject(req.error ?? new Error('IndexedDB open failed'));
  });
}

const done = <T>(req: IDBRequest<T>) =>
  new Promise<T>((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });

type RecordsIndex = IDBIndex & { getAllRecords?(o: { query: IDBKeyRange; count: number; direction: IDBCursorDirection }): IDBRequest<{ value: unknown }[]> };

/**
 * Up to `count` values of `index` in `range`, last key first (what Dexie's reverse().limit() gives). In one
 * request where the browser has getAllRecords (Chromium 141+): a cursor needs the page's main thread for
 * every row, and the page's main code is being parsed and run on it meanwhile (traced 2026-12-04: a
 * 51-row cursor took 150-190 ms there, longer than React needed to draw the whole record).
 */
function newestOf<T>(index: RecordsIndex, range: IDBKeyRange, count: number): Promise<T[]> {
  if (index.getAllRecords) return done(index.getAllRecords({ query: range, count, direction: 'prev' })).then((rows) => rows.map((r) => r.value as T));
  return new Promise((resolve, reject) => {
    const out: T[] = [];
    const req = index.openCursor(range, 'prev');
    req.onsuccess = () => {
      const cursor = req.result;
      if (!cursor || out.length >= count) return resolve(out);
      out.push(cursor.value as T);
      cursor.continue();
    };
    req.onerror = () => reject(req.error);
  });
}

/** What lib/home/record-read.ts reads for a record, with `touchLimit` newest touches (and one more). */
export async function readRecordRows(db: IDBDatabase, id: string, touchLimit: number): Promise<RecordRows> {
  const tx = db.transaction(['prospects', 'touches', 'stageChanges', 'tasks', 'merges'], 'readonly');
  // Dexie's minKey and maxKey: every `at` of this prospect (an array sorts after any number).
  const range = IDBKeyRange.bound([id, -Infinity], [id, []]);
  const [prospect, newest, stageChanges, tasks, merges] = await Promise.all([
    done(tx.objectStore('prospects').get(id)),
    newestOf(tx.objectStore('touches').index('[prospectId+at]'), range, touchLimit + 1),
    done(tx.objectStore('stageChanges').index('prospectId').getAll(id)),
    done(tx.objectStore('tasks').index('prospectId').getAll(id)),
    done(tx.objectStore('merges').index('keptId').getAll(id)),
  ]);
  return { prospect, newest, stageChanges, tasks, merges } as RecordRows;
}
