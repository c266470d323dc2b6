import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '@/lib/db/database';
import type { Prospect } from '@/lib/model';

/** Rows kept across scrolls: enough for a few screens of every column, so scrolling back needs no re-read. */
const KEEP = 3000;

/**
 * The prospect rows of the cards on screen, and only those: one bulkGet of the visible ids, followed live
 * (an edit on the record or in a sidebar redraws the card). Rows read earlier stay in `cache` (the board's,
 * shared by its columns) while the next read runs, so a scroll or a move shows the cards it has and fills
 * the rest, instead of blanking them.
 */
export function useRows(ids: readonly string[], cache: Map<string, Prospect>): ReadonlyMap<string, Prospect> {
  const db = getDb();
  const key = ids.join('\n');
  const read = useLiveQuery(async () => ({ ids, rows: await db.prospects.bulkGet([...ids]) }), [key]);
  if (read) {
    if (cache.size > KEEP) cache.clear();
    read.ids.forEach((id, i) => {
      const row = read.rows[i];
      if (row) cache.set(id, row);
      else cache.delete(id);
    });
  }
  return cache;
}
