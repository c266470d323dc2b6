import { z } from 'zod';

export const ExitCriterion = z.object({
  id: z.string().min(1).max(60),
  label: z.string().min(1).max(200),
});
export type ExitCriterion = z.infer<typeof ExitCriterion>;

/** `open` stages are worked; `won` and `lost` close a deal; `retention` follows a win. */
export const STAGE_KINDS = ['open', 'won', 'lost', 'retention'] as const;

export const Stage = z.object({
  id: z.string().min(1).max(60),
  name: z.string().min(1).max(80),
  kind: z.enum(STAGE_KINDS),
  goal: z.string().max(300).optional(),
  exitCriteria: z.array(ExitCriterion),
});
export type Stage = z.infer<typeof Stage>;

export const StageList = z
  .array(Stage)
  .min(2)
  .refine((stages) => new Set(stages.map((s) => s.id)).size === stages.length, 'Stage ids must be unique')
  .refine((stages) => stages.some((s) => s.kind === 'open'), 'At least one stage must be open');
