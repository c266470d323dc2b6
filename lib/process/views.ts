import { z } from 'zod';
import { lazySchema } from '../model/lazy-schema';
import { Task } from '../model/task';
import { CadenceRun } from './cadence';

/** Shapes the background answers with for the sales process (declared with zod like every request). */
export const ScoreFactView = lazySchema(() =>
  z.object({
    part: z.enum(['fit', 'engagement', 'qualification']),
    label: z.string(),
    points: z.number(),
    max: z.number(),
  }),
);
export const ScoreView = lazySchema(() => z.object({ score: z.number(), disqualified: z.boolean(), facts: z.array(ScoreFactView) }));

export const CriterionStatusView = lazySchema(() =>
  z.object({
    id: z.string(),
    label: z.string(),
    met: z.boolean(),
    by: z.enum(['hand', 'data']).nullable(),
    because: z.string().optional(),
    auto: z.boolean(),
  }),
);
export type CriterionStatusView = z.infer<typeof CriterionStatusView>;

export const ProcessView = lazySchema(() =>
  z.object({
    score: ScoreView,
    stageId: z.string(),
    criteria: z.array(CriterionStatusView),
    tasks: z.array(Task),
    runs: z.array(CadenceRun),
  }),
);
export type ProcessView = z.infer<typeof ProcessView>;

export const MoveCheckView = lazySchema(() =>
  z.object({
    direction: z.enum(['forward', 'backward', 'same']),
    unmet: z.array(z.string()),
    needsReason: z.boolean(),
    needsLossReason: z.boolean(),
  }),
);
export type MoveCheckView = z.infer<typeof MoveCheckView>;

export const DueCountsView = lazySchema(() => z.object({ overdue: z.number(), today: z.number() }));
export const DueItemView = lazySchema(() => z.object({ task: Task, prospectName: z.string(), link: z.string().optional(), overdue: z.boolean() }));
export type DueItemView = z.infer<typeof DueItemView>;
export const DueListView = lazySchema(() => z.object({ items: z.array(DueItemView), counts: DueCountsView }));
