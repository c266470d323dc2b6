import type { Touch } from '../model/touch';
import type { Engagement } from './scoring';

/** Adds one touch to a prospect's figures. Internal notes are not engagement; an inbound touch is a reply. */
export function countTouch(e: Engagement, t: Pick<Touch, 'direction' | 'at'>): Engagement {
  if (t.direction === 'internal') return e;
  e.touches++;
  if (t.direction === 'inbound') e.replies++;
  if (e.lastTouchAt === undefined || t.at > e.lastTouchAt) e.lastTouchAt = t.at;
  return e;
}
