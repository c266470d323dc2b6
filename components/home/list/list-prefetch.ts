import { getDb } from '@/lib/db/database';
import { checkFilter, matchingRanked, type HomeFilter } from '@/lib/home/filters';
import { prefetchHomeKeys } from '../filters/keys-prefetch';
import type { StageOutline } from '../board/last-stages';
import { listRect, ROW_BLOCK, ROW_HEIGHT, ROW_OVERSCAN } from './list-size';
import type { ListRow } from './use-visible-rows';

/** Rows boot read for the list's first screen; useVisibleRows adopts the map as its cache. */
let bootRows: Map<string, ListRow | undefined> | undefined;

/**
 * The list's first screen, read at boot: its keys, then the rows of the blocks its first render shows (the
 * prospects and their engagement, as useVisibleRows reads them), before the keys are handed to the list.
 */
export function prefetchList(filter: HomeFilter, stages: StageOutline[], now: number): void {
  if (checkFilter(filter)) return;
  const rows = new Map<string, ListRow | undefined>();
  bootRows = rows;
  const stageIds = stages.map((s) => s.id);
  const shown = Math.ceil(listRect({ width: window.innerWidth, height: window.innerHeight }).height / ROW_HEIGHT) + ROW_OVERSCAN;
  const count = Math.ceil(shown / ROW_BLOCK) * ROW_BLOCK;
  prefetchHomeKeys(filter, stageIds, now, async (keys) => {
    const ids = matchingRanked(keys, filter, stageIds).ids.slice(0, count);
    const db = getDb();
    const [prospects, engagement] = await Promise.all([db.prospects.bulkGet(ids), db.engagement.bulkGet(ids)]);
    ids.forEach((id, i) => rows.set(id, prospects[i] ? { prospect: prospects[i], lastTouchAt: engagement[i]?.lastTouchAt } : undefined));
  });
}

/** The row cache boot filled, once. */
export function takeBootListRows(): Map<string, ListRow | undefined> | undefined {
  const rows = bootRows;
  bootRows = undefined;
  return rows;
}
