import { useMemo, useRef, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '@/lib/db/database';
import type { Prospect } from '@/lib/model';
import { takeBootListRows } from './list-prefetch';
import { ROW_BLOCK as BLOCK } from './list-size';

/** What a list row shows besides the score: the prospect and when they were last touched. */
export interface ListRow {
  prospect: Prospect;
  lastTouchAt?: number;
}

/** Rows kept after they scroll away (scrolling back shows them at once, then the live read refreshes them). */
const KEEP = 3000;

/**
 * The rows of ids[first..last] (the virtualiser's window), read with bulkGet from the prospects and the
 * engagement figures and followed live: only what is on screen is ever loaded. Rows read earlier are kept
 * in a small cache so a row scrolled into view paints from it while its block is read.
 */
export function useVisibleRows(ids: string[], first: number, last: number): (id: string) => ListRow | undefined {
  const db = getDb();
  const from = Math.floor(first / BLOCK) * BLOCK;
  const to = Math.min(ids.length, (Math.floor(last / BLOCK) + 1) * BLOCK);
  const windowIds = ids.slice(from, to);
  const windowKey = windowIds.join('\n');
  const read = useLiveQuery(async () => {
    const [prospects, engagement] = await Promise.all([db.prospects.bulkGet(windowIds), db.engagement.bulkGet(windowIds)]);
    return windowIds.map((id, i) => ({ id, row: prospects[i] ? { prospect: prospects[i], lastTouchAt: engagement[i]?.lastTouchAt } : undefined }));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [windowKey]);
  // The first screen's rows may already be in, read at boot (list-prefetch.ts).
  const [boot] = useState(takeBootListRows);
  const cache = useRef(boot ?? new Map<string, ListRow | undefined>());
  return useMemo(() => {
    if (cache.current.size > KEEP) cache.current.clear();
    for (const { id, row } of read ?? []) cache.current.set(id, row);
    const rows = cache.current;
    return (id: string) => rows.get(id);
  }, [read]);
}
