import { z } from 'zod';
import { lazySchema } from '../model/lazy-schema';

/** One qualification question; `id` is what answers are stored under on the prospect. */
export const Question = lazySchema(() =>
  z.object({
    id: z.string().regex(/^[a-z0-9-]{1,40}$/, 'Question ids use a-z, 0-9 and "-" (at most 40)'),
    label: z.string().min(1).max(80),
    hint: z.string().max(200).optional(),
  }),
);
export type Question = z.infer<typeof Question>;

/** A qualification framework as data: BANT and MEDDIC ship, a team may define its own. */
export const Framework = lazySchema(() =>
  z.object({
    id: z.string().min(1).max(40),
    name: z.string().min(1).max(80),
    questions: z
      .array(Question)
      .min(1, 'A framework needs at least one question')
      .max(20)
      .refine((qs) => new Set(qs.map((q) => q.id)).size === qs.length, 'Question ids must be unique'),
  }),
);
export type Framework = z.infer<typeof Framework>;

export const BANT: Framework = {
  id: 'bant',
  name: 'BANT',
  questions: [
    { id: 'budget', label: 'Budget', hint: 'Can they pay?' },
    { id: 'authority', label: 'Authority', hint: 'Who decides?' },
    { id: 'need', label: 'Need', hint: 'A real problem we solve?' },
    { id: 'timeline', label: 'Timeline', hint: 'When?' },
  ],
};

export const MEDDIC: Framework = {
  id: 'meddic',
  name: 'MEDDIC',
  questions: [
    { id: 'metrics', label: 'Metrics', hint: 'The measurable gain they expect' },
    { id: 'economic-buyer', label: 'Economic buyer', hint: 'Who signs off the money' },
    { id: 'decision-criteria', label: 'Decision criteria', hint: 'How they will compare options' },
    { id: 'decision-process', label: 'Decision process', hint: 'The steps to a signature' },
    { id: 'identify-pain', label: 'Identify pain', hint: 'The pain that makes them act' },
    { id: 'champion', label: 'Champion', hint: 'Who sells for us inside' },
  ],
};

export const PRESET_FRAMEWORKS: readonly Framework[] = [BANT, MEDDIC];

export { ANSWER_LABELS } from './answer-labels';
