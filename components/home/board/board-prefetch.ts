import { getDb } from '@/lib/db/database';
import { boardColumns, checkFilter, type HomeFilter } from '@/lib/home/filters';
import type { Prospect } from '@/lib/model';
import { prefetchHomeKeys } from '../filters/keys-prefetch';
import { firstCardCount } from './card-size';
import type { StageOutline } from './last-stages';

/** Rows boot read for the board's first cards; the board adopts the map as its row cache (use-rows.ts). */
let bootRows: Map<string, Prospect> | undefined;

/**
 * The board's first screen, read at boot: its keys, then the rows of the cards each open column shows on
 * its first render, in one bulkGet, before the keys are handed to the board. Without it the board waited
 * for its chunk and React's first commit to read the keys, then for another commit to read the cards.
 */
export function prefetchBoard(filter: HomeFilter, stages: StageOutline[], now: number): void {
  if (checkFilter(filter)) return;
  const rows = new Map<string, Prospect>();
  bootRows = rows;
  const stageIds = stages.map((s) => s.id);
  const open = new Set(stages.filter((s) => s.kind !== 'won' && s.kind !== 'lost').map((s) => s.id)); // collapsed by default
  const count = firstCardCount(window.innerHeight);
  prefetchHomeKeys(filter, stageIds, now, async (keys) => {
    const ids = boardColumns(keys, filter, stageIds).flatMap((c) => (open.has(c.stageId) ? c.ids.slice(0, count) : []));
    const read = await getDb().prospects.bulkGet(ids);
    read.forEach((row, i) => row && rows.set(ids[i]!, row));
  });
}

/** The row cache boot filled, once. */
export function takeBootRows(): Map<string, Prospect> | undefined {
  const rows = bootRows;
  bootRows = undefined;
  return rows;
}
