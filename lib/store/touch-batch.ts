import type { TouchlineDb } from '../db/database';
import type { NewTouch, Touch } from '../model';
import { write } from './unit-of-work';
import { logTouch } from './touches';

/**
 * Logs several touches in one transaction (a thread's messages, a sent email to several prospects). Each is
 * deduplicated by its source id as in `logTouch`, so logging the same messages again creates nothing.
 */
export async function logTouches(db: TouchlineDb, inputs: NewTouch[], now = Date.now()): Promise<{ created: number; touches: Touch[] }> {
  return write(db, async () => {
    let created = 0;
    const touches: Touch[] = [];
    for (const input of inputs) {
      const result = await logTouch(db, input, now);
      if (result.created) created++;
      touches.push(result.touch);
    }
    return { created, touches };
  }, { now });
}
