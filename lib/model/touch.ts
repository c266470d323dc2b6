import { z } from 'zod';

export const TOUCH_CHANNELS = [
  'email',
  'linkedin-message',
  'linkedin-connection',
  'inmail',
  'call',
  'meeting',
  'note',
  // 2026-11: a comment on or reaction to the prospect's LinkedIn post.
  'linkedin-engagement',
] as const;
export const TouchChannel = z.enum(TOUCH_CHANNELS);
export type TouchChannel = z.infer<typeof TouchChannel>;

export const TOUCH_DIRECTIONS = ['inbound', 'outbound', 'internal'] as const;
export const TouchDirection = z.enum(TOUCH_DIRECTIONS);
export type TouchDirection = z.infer<typeof TouchDirection>;

export const Touch = z.object({
  id: z.string(),
  prospectId: z.string(),
  channel: TouchChannel,
  direction: TouchDirection,
  at: z.number(),
  subject: z.string().max(1000).optional(),
  summary: z.string().max(20000).optional(),
  /** The source's own id (Gmail message id, LinkedIn message URN). */
  sourceId: z.string().max(500).optional(),
  /** `${channel}|${sourceId}`, unique: logging the same email or message twice stores one touch. */
  sourceKey: z.string().optional(),
  url: z.string().max(2048).optional(),
  createdAt: z.number(),
});
export type Touch = z.infer<typeof Touch>;

export const NewTouch = Touch.pick({
  prospectId: true,
  channel: true,
  direction: true,
  at: true,
  subject: true,
  summary: true,
  sourceId: true,
  url: true,
});
export type NewTouch = z.infer<typeof NewTouch>;

export function touchSourceKey(channel: TouchChannel, sourceId: string | undefined): string | undefined {
  return sourceId ? `${channel}|${sourceId}` : undefined;
}
