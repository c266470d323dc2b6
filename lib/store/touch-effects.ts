import type { TouchlineDb } from '../db/database';
import type { Prospect, Touch } from '../model';
import { countTouch } from '../process/engagement';
import type { Engagement } from '../process/scoring';
import { pauseCadencesOnReply } from './cadences';

/**
 * What logging a touch means for the sales process, in the same unit of work: a reply (an inbound touch) or
 * a logged meeting pauses the prospect's active cadences (outreach stops when the prospect answers or books
 * a meeting: shared/sales-process.md). Engagement figures follow every touch by themselves (./side-effects.ts).
 */
export async function applyTouchEffects(db: TouchlineDb, touch: Touch, prospect: Prospect): Promise<void> {
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
