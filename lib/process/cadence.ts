import { z } from 'zod';
import { lazySchema } from '../model/lazy-schema';
import { TaskKind } from '../model/task';
import { addLocalDays } from './time-zone';

export const CadenceStep = lazySchema(() =>
  z.object({
    day: z.number().int().min(0).max(365),
    kind: TaskKind,
    title: z.string().min(1).max(200),
  }),
);
export type CadenceStep = z.infer<typeof CadenceStep>;

export const Cadence = lazySchema(() =>
  z.object({
    id: z.string().min(1).max(60),
    name: z.string().min(1).max(80),
    steps: z
      .array(CadenceStep)
      .min(1, 'A cadence needs at least one step')
      .max(30)
      .refine((steps) => steps.every((s, i) => i === 0 || s.day >= steps[i - 1]!.day), 'Cadence steps must be in day order'),
  }),
);
export type Cadence = z.infer<typeof Cadence>;

export const DEFAULT_CADENCES: Cadence[] = [
  {
    id: 'standard-outreach',
    name: 'Standard outreach',
    steps: [
      { day: 0, kind: 'email', title: 'Intro email' },
      { day: 2, kind: 'linkedin-message', title: 'LinkedIn message' },
      { day: 5, kind: 'call', title: 'Call' },
      { day: 9, kind: 'email', title: 'Follow-up email' },
    ],
  },
];

export interface ScheduledStep {
  index: number;
  step: CadenceStep;
  due: number;
}

/**
 * When each step falls due: day N is N calendar days after the start in the rep's time zone, at the same
 * wall-clock time (so "day 2" stays at 09:30 across a daylight-saving change). `fromIndex` restarts a paused
 * cadence: the first remaining step is due at `start`, the rest keep their gaps.
 */
export function scheduleSteps(cadence: Cadence, start: number, timeZone: string, fromIndex = 0): ScheduledStep[] {
  const rest = cadence.steps.slice(fromIndex);
  const base = rest[0]?.day ?? 0;
  return rest.map((step, i) => ({ index: fromIndex + i, step, due: addLocalDays(start, step.day - base, timeZone) }));
}

export const CADENCE_RUN_STATUSES = ['active', 'paused', 'finished'] as const;

/** One cadence started for one prospect. The steps are copied so editing the cadence later changes no run. */
export const CadenceRun = lazySchema(() =>
  z.object({
    id: z.string(),
    prospectId: z.string(),
    cadenceId: z.string(),
    cadenceName: z.string(),
    steps: z.array(CadenceStep),
    startedAt: z.number(),
    status: z.enum(CADENCE_RUN_STATUSES),
    pausedAt: z.number().optional(),
    /** Why it paused, for the rep: "Maria Gomez replied (email)". */
    pausedBecause: z.string().optional(),
    /** The first step not done when it paused; resuming schedules from there. */
    resumeFrom: z.number().int().min(0).optional(),
  }),
);
export type CadenceRun = z.infer<typeof CadenceRun>;
