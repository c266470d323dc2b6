import { useEffect, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '@/lib/db/database';
import type { HomeFilter, HomeKeys } from '@/lib/home/filters';
import { filterToQuery } from '@/lib/home/filter-query';
import { loadHomeKeys, tagsInUse } from '@/lib/home/keys';
import { localTimeZone } from '@/lib/process/time-zone';
import { repairStageColumn } from '@/lib/store/scores';
import { keysKey, takePrefetchedKeys } from './keys-prefetch';

const MINUTE = 60_000;

/**
 * What the filter keeps, as index keys only (lib/home/keys.ts), followed live: a move in the sidebar, a
 * touch logged in a Gmail tab or a rescore in the background re-reads the ranges. Undefined while the first
 * read runs or while `stageIds` (the team's stages, from settings) are not known yet. Views turn the keys
 * into ids with boardColumns() / matchingIds() and load only the rows they show.
 *
 * The page's first view takes the read boot started for the same keys (keys-prefetch.ts) until its own live
 * query answers: that one only starts after the first commit, on the far side of React's first render.
 */
export function useHomeKeys(filter: HomeFilter, stageIds: string[] | undefined, now: number): HomeKeys | undefined {
  const db = getDb();
  // Deps by value: a new filter object with the same meaning does not re-read 100,000 keys.
  const filterKey = filterToQuery(filter);
  const stagesKey = stageIds?.join('\n');
  const live = useLiveQuery(
    async () => (stageIds ? loadHomeKeys(db, filter, { now, timeZone: localTimeZone(), stageIds }) : undefined),
    [filterKey, stagesKey, now],
  );
  const key = stageIds ? keysKey(filter, stageIds, now) : undefined;
  const [boot] = useState(() => (key ? takePrefetchedKeys(key) : undefined));
  const [early, setEarly] = useState(boot?.value);
  useEffect(() => {
    if (!boot || boot.value) return;
    let on = true;
    void boot.promise.then((v) => on && v && setEarly(v));
    return () => {
      on = false;
    };
  }, [boot]);
  const keys = live ?? (boot && boot.key === key ? early : undefined);
  // Read the slow way (the scoreboard's stage column was missing, e.g. after restoring an older backup):
  // rebuild it once; the rewritten row wakes this query, which then reads it.
  const stale = !!live?.stale;
  useEffect(() => {
    if (stale) repairStageColumn(db).catch((err) => console.error('[touchline] stage column repair failed', err));
  }, [stale, db]);
  return keys;
}

/** The tags in use (index keys only), for the tag filter's choices, followed live. */
export function useTagsInUse(): string[] {
  const db = getDb();
  return useLiveQuery(() => tagsInUse(db), [], []) ?? [];
}

/**
 * Now, to the minute, ticking each minute: "overdue" and "days in stage" follow the wall clock without a
 * re-read per second. It reads Date.now(), so a test that fixes the page's clock fixes the views' now too.
 */
export function useNow(stepMs = MINUTE): number {
  const floor = () => Math.floor(Date.now() / stepMs) * stepMs;
  const [now, setNow] = useState(floor);
  useEffect(() => {
    const timer = setInterval(() => setNow(floor()), stepMs);
    return () => clearInterval(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [stepMs]);
  return now;
}
