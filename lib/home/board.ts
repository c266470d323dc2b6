import type { HomeKeys } from './filters';

/**
 * The board's pure parts: moves shown before the database has them, and what a card says about time.
 * Nothing here reads a clock: `now` is passed in, so a test with a fixed clock sees fixed cards.
 */

const DAY = 86_400_000;

/** A move the rep made that the live keys may not show yet. `settled` once the background has answered. */
export interface PendingMove {
  from: string;
  to: string;
  settled: boolean;
}

/**
 * `keys` with each pending move applied: the id leaves its stage's key list and joins the target's, so
 * boardColumns() places it by the current filter and sort. Only the two lists a move touches are copied.
 */
export function withMoves(keys: HomeKeys, moves: ReadonlyMap<string, PendingMove>): HomeKeys {
  if (moves.size === 0) return keys;
  const byStage = new Map(keys.byStage);
  for (const [id, m] of moves) {
    const from = byStage.get(m.from);
    if (from) byStage.set(m.from, from.filter((x) => x !== id));
    const to = byStage.get(m.to);
    if (to && !to.includes(id)) byStage.set(m.to, [id, ...to]);
  }
  return { ...keys, byStage };
}

/**
 * The moves the live keys now reflect (or can never show, the target stage being filtered out), which the
 * board can forget: only answered ones, so a re-read that raced ahead of the write cannot undo the card.
 */
export function settledMoves(keys: HomeKeys, moves: ReadonlyMap<string, PendingMove>): string[] {
  const done: string[] = [];
  for (const [id, m] of moves) {
    if (!m.settled) continue;
    const to = keys.byStage.get(m.to);
    if (!to || to.includes(id)) done.push(id);
  }
  return done;
}

/**
 * The keys of the open columns joined with those of the collapsed ones (read after, so the first paint waits
 * only for the columns it draws). The filter's id sets are the same in both; the open read's are kept.
 */
export function joinKeys(open: HomeKeys, collapsed: HomeKeys | undefined): HomeKeys {
  if (!collapsed) return open;
  return { ...open, byStage: new Map([...collapsed.byStage, ...open.byStage]) };
}

/** Whole days since `enteredAt` (0 on the day of the move, never negative). */
export function daysInStage(enteredAt: number, now: number): number {
  return Math.max(0, Math.floor((now - enteredAt) / DAY));
}

/**
 * A next step is overdue once its day has passed, as the sidebar's reminders count it (lib/process/reminders):
 * a follow-up due today is due, not late. `todayStart` is dueWindow(now, timeZone).todayStart.
 */
export function isOverdue(followUpAt: number | undefined, todayStart: number): boolean {
  return followUpAt !== undefined && followUpAt < todayStart;
}
