import { endOfLocalDay, startOfLocalDay } from './time-zone';

export interface DueWindow {
  /** Start of today, local: anything open and due before it is overdue. */
  todayStart: number;
  /** Start of tomorrow, local (exclusive): everything open and due before it counts on the badge. */
  todayEnd: number;
}

export function dueWindow(now: number, timeZone: string): DueWindow {
  return { todayStart: startOfLocalDay(now, timeZone), todayEnd: endOfLocalDay(now, timeZone) };
}

export interface DueCounts {
  overdue: number;
  today: number;
}

/** Splits open tasks into overdue (earlier days) and due today; done tasks and later days don't count. */
export function countDue(tasks: Iterable<{ due: number; done: 0 | 1 }>, now: number, timeZone: string): DueCounts {
  const w = dueWindow(now, timeZone);
  const counts: DueCounts = { overdue: 0, today: 0 };
  for (const t of tasks) {
    if (t.done) continue;
    if (t.due < w.todayStart) counts.overdue++;
    else if (t.due < w.todayEnd) counts.today++;
  }
  return counts;
}

/** What the toolbar shows: nothing at zero, "99+" past two digits. */
export function badgeText(counts: DueCounts): string {
  const n = counts.overdue + counts.today;
  return n === 0 ? '' : n > 99 ? '99+' : String(n);
}
