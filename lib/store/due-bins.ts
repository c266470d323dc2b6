import Dexie from 'dexie';
import type { TouchlineDb } from '../db/database';
import type { DueCounts } from '../process/reminders';
import { dueWindow } from '../process/reminders';

/**
 * Open tasks counted per 15-minute slot of their due time. Every time zone's offset is a multiple of 15
 * minutes, so local midnight is always a slot boundary and "due today / overdue" is a sum over at most a few
 * thousand slots: the badge never walks the task index. (Counting 2,200 index entries took 30-54 ms in
 * Chromium on 2 shared cores, 2026-11-23.) Every task write in lib/store adjusts the slots in its own
 * transaction; the daily alarm rebuilds them from the index, so a writer that forgets cannot skew them long.
 */
export interface DueBins {
  id: 'open-tasks';
  bins: Record<string, number>;
}

const SLOT = 15 * 60_000;
const ID = 'open-tasks' as const;
const slotOf = (due: number) => String(Math.floor(due / SLOT) * SLOT);

/** Tables a transaction must include to call `adjustDueBins`. */
export const dueBinTables = (db: TouchlineDb) => [db.counters];

/** +1/-1 per open task added/removed (or moved: -1 at the old time, +1 at the new). */
export async function adjustDueBins(db: TouchlineDb, changes: Array<{ due: number; delta: 1 | -1 }>): Promise<void> {
  if (!changes.length) return;
  const row = await db.counters.get(ID);
  if (!row) return; // not built yet: the first count rebuilds from the index
  for (const { due, delta } of changes) {
    const k = slotOf(due);
    const n = (row.bins[k] ?? 0) + delta;
    if (n > 0) row.bins[k] = n;
    else delete row.bins[k];
  }
  await db.counters.put(row);
}

export async function rebuildDueBins(db: TouchlineDb): Promise<DueBins> {
  return db.transaction('rw', db.tasks, db.counters, async () => {
    const bins: Record<string, number> = {};
    const keys = (await db.tasks.where('[done+due]').between([0, Dexie.minKey], [0, Dexie.maxKey]).keys()) as unknown as Array<[number, number]>;
    for (const [, due] of keys) {
      const k = slotOf(due);
      bins[k] = (bins[k] ?? 0) + 1;
    }
    const row: DueBins = { id: ID, bins };
    await db.counters.put(row);
    return row;
  });
}

export async function dueCountsFromBins(db: TouchlineDb, now: number, timeZone: string): Promise<DueCounts> {
  const row = (await db.counters.get(ID)) ?? (await rebuildDueBins(db));
  const w = dueWindow(now, timeZone);
  const counts: DueCounts = { overdue: 0, today: 0 };
  for (const [k, n] of Object.entries(row.bins)) {
    const at = Number(k);
    if (at < w.todayStart) counts.overdue += n;
    else if (at < w.todayEnd) counts.today += n;
  }
  return counts;
}
