import { useRef } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '@/lib/db/database';
import type { Prospect } from '@/lib/model';

/** Rows kept across scrolls: enough for a few screens of every column, so scrolling back needs no re-read. */
const KEEP = 3000;

/**
 * The prospect rows of the cards on screen, and only those: one bulkGet of the visible ids, followed live
 * (an edit on the record or in a sidebar redraws the card). Rows read earlier stay while the next read runs,
 * so a scroll shows the cards it has and fills the rest, instead of blanking the column.
 */
export function useRows(ids: readonly string[]): ReadonlyMap<string, Prospect> {
  const db = getDb();
  const cache = useRef(new Map<string, Prospect>());
  const key = ids.join('\n');
  const read = useLiveQuery(async () => ({ ids, rows: await db.prospects.bulkGet([...ids]) }), [key]);
  if (read) {
    const c = cache.current;
    if (c.size > KEEP) c.clear();
    read.ids.forEach((id, i) => {
      const row = read.rows[i];
      if (row) c.set(id, row);
      else c.delete(id);
    });
  }
  return cache.current;
}
