import { z } from 'zod';

export const TASK_KINDS = ['email', 'linkedin-message', 'call', 'meeting', 'todo'] as const;
export const TaskKind = z.enum(TASK_KINDS);

/** A follow-up. `done` is 0/1 rather than boolean so it can be part of an IndexedDB compound index. */
export const Task = z.object({
  id: z.string(),
  prospectId: z.string(),
  kind: TaskKind,
  title: z.string().max(500),
  due: z.number(),
  done: z.union([z.literal(0), z.literal(1)]),
  doneAt: z.number().optional(),
  createdAt: z.number(),
});
export type Task = z.infer<typeof Task>;
