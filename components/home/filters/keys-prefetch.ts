import { getDb } from '@/lib/db/database';
import type { HomeFilter, HomeKeys } from '@/lib/home/filters';
import { filterToQuery } from '@/lib/home/filter-query';
import { loadHomeKeys } from '@/lib/home/keys';
import { localTimeZone } from '@/lib/process/time-zone';

/** What a view's keys depend on, as useHomeKeys compares them: the filter, the stages and the minute. */
export const keysKey = (filter: HomeFilter, stageIds: readonly string[], now: number) => `${filterToQuery(filter)}|${stageIds.join('\n')}|${now}`;

export interface EarlyKeys {
  key: string;
  value?: HomeKeys;
  promise: Promise<HomeKeys | undefined>;
}

/** The board's or list's first key read, started at boot (components/home/boot.ts) while the view's chunk loads. */
let early: EarlyKeys | undefined;

/**
 * Starts reading the keys the first view will ask for. `then` runs on them before they are handed over (the
 * board reads its first cards' rows there), so the view's first render with keys is already a drawn one.
 */
export function prefetchHomeKeys(filter: HomeFilter, stageIds: string[], now: number, then?: (keys: HomeKeys) => Promise<unknown>): void {
  const entry: EarlyKeys = {
    key: keysKey(filter, stageIds, now),
    promise: loadHomeKeys(getDb(), filter, { now, timeZone: localTimeZone(), stageIds }).then(
      async (keys) => {
        // A stale stage column is the live query's to repair; the head start is only for the fast path.
        if (keys.stale) return undefined;
        await then?.(keys).catch(() => undefined);
        return (entry.value = keys);
      },
      () => undefined, // the live query reads again and reports the error
    ),
  };
  early = entry;
}

/** The boot read for exactly these keys, if one was started: one use, so a later visit reads afresh. */
export function takePrefetchedKeys(key: string): EarlyKeys | undefined {
  const entry = early?.key === key ? early : undefined;
  early = undefined;
  return entry;
}
