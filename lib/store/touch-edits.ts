import type { TouchlineDb } from '../db/database';
import { Touch } from '../model';
import { write } from './unit-of-work';
import { UserError } from './errors';
import { getProspect } from './prospects';

/**
 * Deleting and restoring a touch or a note from the prospect record (issue 14). Both are units of work, so
 * the engagement figures are recounted from the remaining touches and the score follows (side-effects.ts);
 * a restored touch is a new row to the outbox, which the sync engine matches to its CRM link by id.
 */

/** Deletes one touch and returns it as it was, so the record can offer to undo. */
export async function deleteTouch(db: TouchlineDb, touchId: string, now = Date.now()): Promise<Touch> {
  return write(db, async () => {
    const touch = await db.touches.get(touchId);
    if (!touch) throw new UserError('not-found', 'That touch was already deleted.');
    await db.touches.delete(touchId);
    const prospect = await db.prospects.get(touch.prospectId);
    if (prospect) await db.prospects.put({ ...prospect, updatedAt: now });
    return touch;
  }, { now });
}

/**
 * Puts a deleted touch back as it was (same id, same source key). When the same message was logged again
 * meanwhile, that touch stays and is returned: undo never makes a duplicate.
 */
export async function restoreTouch(db: TouchlineDb, input: Touch, now = Date.now()): Promise<Touch> {
  const touch = Touch.parse(input);
  return write(db, async () => {
    const prospect = await getProspect(db, touch.prospectId);
    const same = (await db.touches.get(touch.id)) ?? (touch.sourceKey ? await db.touches.where('sourceKey').equals(touch.sourceKey).first() : undefined);
    if (same) return same;
    await db.touches.add(touch);
    await db.prospects.put({ ...prospect, updatedAt: now });
    return touch;
  }, { now });
}
