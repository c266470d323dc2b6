import { z } from 'zod';
import { lazySchema } from '../model/lazy-schema';

/**
 * How a criterion can be met by data instead of by hand: a qualification answer in given states, a logged
 * touch of a channel/direction, the fit part of the score, or "no answer is disqualifying".
 */
export const CriterionRule = lazySchema(() =>
  z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('answer'), questionId: z.string().min(1).max(40), states: z.array(z.enum(['partly', 'confirmed'])).min(1) }),
    z.object({
      kind: z.literal('touch'),
      channels: z.array(z.string().min(1).max(40)).optional(),
      direction: z.enum(['inbound', 'outbound']).optional(),
    }),
    z.object({ kind: z.literal('fit'), min: z.number().min(0).max(1) }),
    z.object({ kind: z.literal('reachable') }),
    z.object({ kind: z.literal('not-disqualified') }),
  ]),
);
export type CriterionRule = z.infer<typeof CriterionRule>;

export const ExitCriterion = lazySchema(() =>
  z.object({
    id: z.string().min(1).max(60),
    label: z.string().min(1).max(200),
    auto: CriterionRule.optional(),
  }),
);
export type ExitCriterion = z.infer<typeof ExitCriterion>;

/** `open` stages are worked; `won` and `lost` close a deal; `retention` follows a win. */
export const STAGE_KINDS = ['open', 'won', 'lost', 'retention'] as const;

export const Stage = lazySchema(() =>
  z.object({
    id: z.string().min(1).max(60),
    name: z.string().min(1).max(80),
    kind: z.enum(STAGE_KINDS),
    goal: z.string().max(300).optional(),
    /**
     * The chance (percent) that a deal in this stage is won, for the weighted forecast. Absent = the default
     * rising through the open stages (lib/metrics/stages.ts winProbability, which the options page shows).
     */
    winProbability: z.number().min(0).max(100).optional(),
    exitCriteria: z
      .array(ExitCriterion)
      .refine((cs) => new Set(cs.map((c) => c.id)).size === cs.length, 'Exit criterion ids must be unique within a stage'),
  }),
);
export type Stage = z.infer<typeof Stage>;

export const StageList = lazySchema(() =>
  z
    .array(Stage)
    .min(2)
    .refine((stages) => new Set(stages.map((s) => s.id)).size === stages.length, 'Stage ids must be unique')
    .refine((stages) => stages.some((s) => s.kind === 'open'), 'At least one stage must be open'),
);
