import { z } from 'zod';
import { lazySchema } from './lazy-schema';
import { Prospect } from './prospect';
import { Touch } from './touch';

const Tick = lazySchema(() => z.object({ id: z.string(), prospectId: z.string(), stageId: z.string(), criterionId: z.string(), at: z.number() }));

/**
 * What a merge changed, kept so it can be undone: the removed prospect as it was, the kept one's identity
 * before, the fields it took from the removed one, and every row moved across.
 */
export const MergeRecord = lazySchema(() =>
  z.object({
    id: z.string(),
    keptId: z.string(),
    removedId: z.string(),
    at: z.number(),
    keptBefore: Prospect,
    removed: Prospect,
    /** Fields of the kept prospect that were empty and were filled from the removed one. */
    filled: z.array(z.string()),
    movedTouchIds: z.array(z.string()),
    movedStageChangeIds: z.array(z.string()),
    movedTaskIds: z.array(z.string()),
    /** Since 2026-12-01 (older records lack them: their merges moved none of these). */
    movedCadenceRunIds: z.array(z.string()).optional(),
    /** The removed prospect's hand-ticked criteria as they were; `addedTickIds` are the kept one's new ticks. */
    movedTicks: z.array(Tick).optional(),
    addedTickIds: z.array(z.string()).optional(),
    /** Touches whose source id named the removed prospect (email: `<message>|<prospect>`), with their old keys. */
    rekeyedTouches: z.array(z.object({ id: z.string(), sourceId: z.string(), sourceKey: z.string().optional() })).optional(),
    /** Touches of the removed prospect the kept one already had (the same message logged for both). */
    droppedTouches: z.array(Touch).optional(),
  }),
);
export type MergeRecord = z.infer<typeof MergeRecord>;
