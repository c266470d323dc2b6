import Dexie from 'dexie';
import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '@/lib/db/database';
import { buildTimeline } from '@/lib/home/timeline';
import type { Prospect } from '@/lib/model';
import type { Settings } from '@/lib/settings/settings';
import { processView } from '@/lib/store/process-view';

/**
 * One prospect and its whole history, read straight from the database (this page is in the extension's
 * origin) as live queries: a touch logged in a Gmail tab, a sync run or a reminder in the background shows
 * up here by itself. Writes go through the background (lib/store's rules, the outbox, the broadcast).
 */
export function useRecord(id: string) {
  const db = getDb();
  return useLiveQuery(async () => {
    const prospect = await db.prospects.get(id);
    if (!prospect) return { prospect: null } as const;
    const [touches, stageChanges, tasks, merges] = await Promise.all([
      // [prospectId+at] hands the touches over already sorted, newest first.
      db.touches.where('[prospectId+at]').between([id, Dexie.minKey], [id, Dexie.maxKey]).reverse().toArray(),
      db.stageChanges.where('prospectId').equals(id).toArray(),
      db.tasks.where('prospectId').equals(id).toArray(),
      db.merges.where('keptId').equals(id).toArray(),
    ]);
    return { prospect, touchCount: touches.length, stageChanges, tasks, timeline: buildTimeline({ touches, stageChanges, tasks, merges }) };
  }, [id]);
}

/** Score with its facts, the current stage's criteria, open tasks and cadence runs, followed live. */
export function useProcessView(prospect: Prospect | null | undefined, settings: Settings | undefined) {
  const db = getDb();
  return useLiveQuery(async () => (prospect && settings ? processView(db, prospect, settings) : undefined), [prospect, settings]);
}
