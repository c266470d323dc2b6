import type { MergeRecord, Prospect, StageChange, Task, Touch } from '../model';
import { buildTimeline, type TimelineEntry } from './timeline';

/**
 * A record's rows made into what the record page draws, without Dexie or zod: record-read.ts reads the rows
 * with Dexie, the home page's early paint (components/home/early/) with plain IndexedDB before either loads.
 */

export interface RecordRead {
  prospect: Prospect;
  /** Every touch, counted; unknown while only the newest were read (an index count walks every entry). */
  touchCount?: number;
  stageChanges: StageChange[];
  tasks: Task[];
  timeline: TimelineEntry[];
  /** False when only the newest touches were read: the timeline stops at the oldest of them. */
  complete: boolean;
}

/** How many touches the first draw of a record reads: more than a screen holds, a small part of 2,000. */
export const FIRST_TOUCHES = 50;

export interface RecordRows {
  prospect: Prospect | undefined;
  /** Newest first; with a limit, up to `touchLimit + 1` of them (the one more says whether any are older). */
  newest: Touch[];
  stageChanges: StageChange[];
  tasks: Task[];
  merges: Pick<MergeRecord, 'id' | 'at' | 'removed' | 'movedTouchIds'>[];
}

/** The record, its timeline cut at the oldest touch read when only the newest `touchLimit` were. */
export function shapeRecord({ prospect, newest, stageChanges, tasks, merges }: RecordRows, touchLimit: number): RecordRead | { prospect: null } {
  if (!prospect) return { prospect: null };
  const complete = newest.length <= touchLimit;
  const read = complete ? newest : newest.slice(0, touchLimit);
  const touchCount = complete ? read.length : undefined;
  let timeline = buildTimeline({ touches: read, stageChanges, tasks, merges });
  if (!complete) {
    const oldest = read.at(-1)!.at;
    timeline = timeline.filter((e) => e.at >= oldest);
  }
  return { prospect, touchCount, stageChanges, tasks, timeline, complete };
}
