import type { TouchlineDb } from '../db/database';
import type { Prospect, Touch } from '../model';
import { countTouch } from '../process/engagement';
import type { Engagement } from '../process/scoring';
import { pauseCadencesOnReply } from './cadences';
import { dueBinTables } from './due-bins';

/** Tables a transaction that logs touches must include for `applyTouchEffects`. */
export const touchEffectTables = (db: TouchlineDb) => [db.engagement, db.cadenceRuns, db.tasks, ...dueBinTables(db)];

/**
 * What logging a touch changes besides the touch itself, in the same transaction: the prospect's engagement
 * figures (for the lead score) and, for a reply (an inbound touch) or a logged meeting, pausing their active
 * cadences (outreach stops when the prospect answers or books a meeting: shared/sales-process.md).
 */
export async function applyTouchEffects(db: TouchlineDb, touch: Touch, prospect: Prospect): Promise<void> {
  // A note to self is not engagement.
  if (touch.direction !== 'internal') {
    const e = (await db.engagement.get(touch.prospectId)) ?? { prospectId: touch.prospectId, touches: 0, replies: 0 };
    await db.engagement.put(countTouch(e, touch));
  }
  if (touch.direction === 'inbound') await pauseCadencesOnReply(db, touch, `${prospect.name} replied (${touch.channel})`);
  else if (touch.channel === 'meeting') await pauseCadencesOnReply(db, touch, `A meeting with ${prospect.name} was logged`);
}

/** Counts a prospect's engagement again from its touches (after touches moved, e.g. a merge or its undo). */
export async function recountEngagement(db: TouchlineDb, prospectId: string): Promise<void> {
  const touches = await db.touches.where('prospectId').equals(prospectId).toArray();
  const e = touches.reduce((acc, t) => countTouch(acc, t), { prospectId, touches: 0, replies: 0 } as Engagement);
  if (e.touches) await db.engagement.put(e);
  else await db.engagement.delete(prospectId);
}
