import { z } from 'zod';
import { lazySchema } from './lazy-schema';
import { SitePageUrl } from './urls';

export const TASK_KINDS = ['email', 'linkedin-message', 'call', 'meeting', 'todo'] as const;
export const TaskKind = lazySchema(() => z.enum(TASK_KINDS));
export type TaskKind = z.infer<typeof TaskKind>;

/** A follow-up. `done` is 0/1 rather than boolean so it can be part of an IndexedDB compound index. */
export const Task = lazySchema(() =>
  z.object({
    id: z.string(),
    prospectId: z.string(),
    kind: TaskKind,
    title: z.string().max(500),
    due: z.number(),
    done: z.union([z.literal(0), z.literal(1)]),
    doneAt: z.number().optional(),
    createdAt: z.number(),
    /** Set when a cadence created the task (lib/store/cadences.ts). */
    cadenceRunId: z.string().optional(),
    cadenceStep: z.number().int().min(0).optional(),
    /** Where the follow-up happens: the Gmail thread or LinkedIn page it was set from. */
    url: SitePageUrl.optional(),
    /** The prospect's "next step": at most one open at a time (lib/store/tasks.ts). */
    nextStep: z.literal(true).optional(),
  }),
);
export type Task = z.infer<typeof Task>;
