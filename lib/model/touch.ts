import { z } from 'zod';
import { lazySchema } from './lazy-schema';
import { isUrlOn, SitePageUrl } from './urls';
import { CHANNEL_ORIGIN } from './site-links';

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
export const TouchChannel = lazySchema(() => z.enum(TOUCH_CHANNELS));
export type TouchChannel = z.infer<typeof TouchChannel>;

export const TOUCH_DIRECTIONS = ['inbound', 'outbound', 'internal'] as const;
export const TouchDirection = lazySchema(() => z.enum(TOUCH_DIRECTIONS));
export type TouchDirection = z.infer<typeof TouchDirection>;

export const Touch = lazySchema(() =>
  z.object({
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
    /** The Gmail thread or LinkedIn page it was logged from (opened from reminders and the popup). */
    url: SitePageUrl.optional(),
    createdAt: z.number(),
  }),
);
export type Touch = z.infer<typeof Touch>;

export { CHANNEL_ORIGIN } from './site-links';

export const NewTouch = lazySchema(() =>
  Touch.pick({
    prospectId: true,
    channel: true,
    direction: true,
    at: true,
    subject: true,
    summary: true,
    sourceId: true,
    url: true,
  }).refine((t) => !t.url || !CHANNEL_ORIGIN[t.channel] || isUrlOn(t.url, [CHANNEL_ORIGIN[t.channel]!]), {
    path: ['url'],
    message: 'An email links to its Gmail thread and a LinkedIn touch to its LinkedIn page.',
  }),
);
export type NewTouch = z.infer<typeof NewTouch>;

export function touchSourceKey(channel: TouchChannel, sourceId: string | undefined): string | undefined {
  return sourceId ? `${channel}|${sourceId}` : undefined;
}
