import type { TouchlineDb } from '../db/database';
import type { NewTouch, Touch } from '../model';
import { outboxTables } from '../sync/outbox';
import { logTouch } from './touches';
import { touchEffectTables } from './touch-effects';

/**
 * Logs several touches in one transaction (a thread's messages, a sent email to several prospects). Each is
 * deduplicated by its source id as in `logTouch`, so logging the same messages again creates nothing.
 */
export async function logTouches(db: TouchlineDb, inputs: NewTouch[], now = Date.now()): Promise<{ created: number; touches: Touch[] }> {
  // Every table logTouch writes (engagement and cadences, issue 5; the outbox, issue 6) joins this transaction.
  return db.transaction('rw', [db.prospects, db.touches, ...touchEffectTables(db), ...outboxTables(db)], async () => {
    let created = 0;
    const touches: Touch[] = [];
    for (const input of inputs) {
      const result = await logTouch(db, input, now);
      if (result.created) created++;
      touches.push(result.touch);
    }
    return { created, touches };
  });
}
