import type { TouchlineDb } from '../db/database';
import { newId, touchSourceKey, type NewTouch, type Touch } from '../model';
import { write } from './unit-of-work';
import { getProspect } from './prospects';
import { applyTouchEffects } from './touch-effects';

/**
 * Logs a touch. A touch with a source id (a Gmail message, a LinkedIn message URN) is stored once however
 * often it is logged: the second call returns the first touch with `created: false`.
 */
export async function logTouch(db: TouchlineDb, input: NewTouch, now = Date.now()): Promise<{ touch: Touch; created: boolean }> {
  return write(db, async () => {
    const prospect = await getProspect(db, input.prospectId);
    const sourceKey = touchSourceKey(input.channel, input.sourceId);
    if (sourceKey) {
      const existing = await db.touches.where('sourceKey').equals(sourceKey).first();
      if (existing) return { touch: existing, created: false };
    }
    const touch: Touch = { ...input, id: newId(), sourceKey, createdAt: now };
    await db.touches.add(touch);
    await applyTouchEffects(db, touch, prospect);
    await db.prospects.put({ ...prospect, updatedAt: now });
    return { touch, created: true };
  }, { now });
}

/** Newest first. */
export async function touchesOf(db: TouchlineDb, prospectId: string): Promise<Touch[]> {
  const rows = await db.touches.where('prospectId').equals(prospectId).sortBy('at');
  return rows.reverse();
}
