import { z } from 'zod';
import { Prospect } from './prospect';

/**
 * What a merge changed, kept so it can be undone: the removed prospect as it was, the kept one's identity
 * before, the fields it took from the removed one, and every row moved across.
 */
export const MergeRecord = z.object({
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
});
export type MergeRecord = z.infer<typeof MergeRecord>;
