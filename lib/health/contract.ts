import { z } from 'zod';
import { lazySchema } from '../model/lazy-schema';
import { defineRequest } from '../messaging/define';

const Name = lazySchema(() => z.string().regex(/^[a-z][a-zA-Z-]{0,39}$/));
const Status = lazySchema(() => z.enum(['found', 'fallback', 'missing', 'absent']));

/** One detection's health: which parts of a page kind were read and how. Names and statuses only, never values. */
export const HealthReport = lazySchema(() =>
  z.object({
    site: z.enum(['gmail', 'linkedin']),
    kind: Name,
    parts: z.record(Name, Status).refine((p) => Object.keys(p).length <= 20, 'Too many parts'),
  }),
);
export type HealthReport = z.infer<typeof HealthReport>;

/** Counts per site, page kind and part, with the day each part was last read by its primary selector. */
export const PartCounts = lazySchema(() =>
  z.object({
    site: z.string(),
    kind: z.string(),
    part: z.string(),
    found: z.number().int(),
    fallback: z.number().int(),
    missing: z.number().int(),
    absent: z.number().int(),
    /** Epoch ms of the last time this part was read at all (found or fallback). */
    lastWorking: z.number().optional(),
    lastMissing: z.number().optional(),
  }),
);
export type PartCounts = z.infer<typeof PartCounts>;

/** Site health requests (issue 11). */
export const HEALTH_REQUESTS = {
  /** A content script tells which parts of its page it read; the answer lists parts the sidebar should signal now. */
  'health.report': defineRequest(() => ({ audience: 'content', request: HealthReport, response: z.object({ signal: z.array(Name) }) })),
  'health.get': defineRequest(() => ({ audience: 'extension', request: z.object({}), response: z.array(PartCounts) })),
} as const;
