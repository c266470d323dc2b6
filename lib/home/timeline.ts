import type { MergeRecord, StageChange, Task, Touch } from '../model';
import { siteLink } from './safe-link';

/** One line of a prospect's history on the record. Notes are touches of the `note` channel. */
export type TimelineEntry =
  | { kind: 'touch' | 'note'; key: string; at: number; touch: Touch; link?: string }
  | { kind: 'stage'; key: string; at: number; change: StageChange }
  | { kind: 'task'; key: string; at: number; task: Task; link?: string }
  | { kind: 'merge'; key: string; at: number; merge: Pick<MergeRecord, 'id' | 'at' | 'removed' | 'movedTouchIds'> };

export interface TimelineInput {
  touches: readonly Touch[];
  stageChanges: readonly StageChange[];
  tasks: readonly Task[];
  merges: readonly Pick<MergeRecord, 'id' | 'at' | 'removed' | 'movedTouchIds'>[];
}

/**
 * Everything that happened with a prospect in one list, newest first: touches and notes (each with its safe
 * link back), stage changes with their reasons, tasks (at the time they were set) and merges. Entries at the
 * same instant keep a fixed order (by key), so a live update never reshuffles the list.
 */
export function buildTimeline({ touches, stageChanges, tasks, merges }: TimelineInput): TimelineEntry[] {
  const entries: TimelineEntry[] = [
    ...touches.map((t): TimelineEntry => ({ kind: t.channel === 'note' ? 'note' : 'touch', key: `t:${t.id}`, at: t.at, touch: t, link: siteLink(t.url, t.channel) })),
    ...stageChanges.map((c): TimelineEntry => ({ kind: 'stage', key: `s:${c.id}`, at: c.at, change: c })),
    ...tasks.map((t): TimelineEntry => ({ kind: 'task', key: `k:${t.id}`, at: t.createdAt, task: t, link: siteLink(t.url) })),
    ...merges.map((m): TimelineEntry => ({ kind: 'merge', key: `m:${m.id}`, at: m.at, merge: m })),
  ];
  return entries.sort((a, b) => b.at - a.at || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
