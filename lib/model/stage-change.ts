import { z } from 'zod';
import { lazySchema } from './lazy-schema';

/** One move in the sales process. Never rewritten: history keeps the stage names it was recorded with. */
export const StageChange = lazySchema(() =>
  z.object({
    id: z.string(),
    prospectId: z.string(),
    from: z.string().nullable(),
    to: z.string(),
    fromName: z.string().nullable(),
    toName: z.string(),
    at: z.number(),
    reason: z.string().max(2000).optional(),
    /** Closing as lost: one of the team's loss reasons. */
    lossReason: z.string().max(100).optional(),
    /** Exit criteria that were not met when the rep moved forward anyway (labels as they were then). */
    unmetCriteria: z.array(z.string().max(200)).optional(),
  }),
);
export type StageChange = z.infer<typeof StageChange>;
