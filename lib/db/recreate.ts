import Dexie, { RangeSet } from 'dexie';
import type { TouchlineDb } from './database';

/** Tables whose rows survive a recreate: the CRM connection and its token never travel in a backup. */
export const KEPT_ON_RECREATE = ['secrets'] as const;

/**
 * Empties the whole database by deleting it and creating it again at the current schema, with the rows of
 * `keep` put back. Clearing in place is a delete per row below IndexedDB's indexes: a million touches did not
 * finish in minutes, 300,000 stage changes took 19.7 s (Chromium 156, 2 shared cores, 2026-12-03); deleting
 * the database is one request.
 *
 * Every other connection (the background's service worker, other extension pages) gets `versionchange`.
 * Dexie's own handler (openDb sets none of its own) closes them with auto-open left on, so their next query
 * opens the new database; once it is filled, `announceAllChanged` makes their live queries read again.
 */
export async function recreateDatabase(db: TouchlineDb, keep: readonly string[] = KEPT_ON_RECREATE): Promise<void> {
  if (!db.isOpen()) await db.open();
  const kept = await db.transaction('r', keep, () => Promise.all(keep.map(async (t) => [t, await db.table(t).toArray()] as const)));
  await db.delete({ disableAutoOpen: false });
  await db.open();
  await db.transaction('rw', keep, () => Promise.all(kept.map(([t, rows]) => db.table(t).bulkAdd(rows))));
}

/**
 * Tells every live query, in this context and every other one of the extension (Dexie relays it on a
 * BroadcastChannel), that any row may have changed: for writes made below Dexie, where it saw nothing.
 */
export function announceAllChanged(): void {
  Dexie.on.storagemutated.fire({ all: new RangeSet(-Infinity, [[]]) });
}
