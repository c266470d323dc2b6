import type { TouchlineDb } from '../db/database';
import type { Prospect, Touch } from '../model';
import { countTouch } from '../process/engagement';
import { pauseCadencesOnReply } from './cadences';

/** Tables a transaction that logs touches must include for `applyTouchEffects`. */
export const touchEffectTables = (db: TouchlineDb) => [db.engagement, db.cadenceRuns, db.tasks];

/**
 * What logging a touch changes besides the touch itself, in the same transaction: the prospect's engagement
 * figures (for the lead score) and, for an inbound touch (a reply), pausing their active cadences.
 */
export async function applyTouchEffects(db: TouchlineDb, touch: Touch, prospect: Prospect): Promise<void> {
  if (touch.direction === 'internal') return; // a note to self is not engagement
  const e = (await db.engagement.get(touch.prospectId)) ?? { prospectId: touch.prospectId, touches: 0, replies: 0 };
  await db.engagement.put(countTouch(e, touch));
  if (touch.direction === 'inbound') await pauseCadencesOnReply(db, touch, prospect.name);
}
