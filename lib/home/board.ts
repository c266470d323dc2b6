import type { HomeKeys, Ranked } from './filters';

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
 * `keys` with each pending move applied: the id leaves its stage's list and joins the target's, at its place
 * by score when the lists are ranked (else first; boardColumns() sorts them), so boardColumns() shows it by
 * the current filter and sort. Only the two lists a move touches are copied; the others keep their identity.
 */
export function withMoves(keys: HomeKeys, moves: ReadonlyMap<string, PendingMove>): HomeKeys {
  if (moves.size === 0) return keys;
  const byStage = new Map(keys.byStage);
  for (const [id, m] of moves) {
    const from = byStage.get(m.from);
    let score = 0;
    if (from) {
      const i = from.ids.indexOf(id);
      if (i >= 0) {
        score = from.scores[i]!;
        byStage.set(m.from, without(from, i));
      }
    }
    const to = byStage.get(m.to);
    if (to && !to.ids.includes(id)) byStage.set(m.to, inserted(to, keys.ranked ? placeOf(to, score) : 0, id, score));
  }
  return { ...keys, byStage };
}

/** The first place in a ranked (highest first) list where `score` goes before everyone it ties with. */
function placeOf(list: Ranked, score: number): number {
  let lo = 0;
  let hi = list.ids.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list.scores[mid]! > score) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function without(list: Ranked, i: number): Ranked {
  const scores = Array.from(list.scores);
  scores.splice(i, 1);
  return { ids: [...list.ids.slice(0, i), ...list.ids.slice(i + 1)], scores };
}

function inserted(list: Ranked, i: number, id: string, score: number): Ranked {
  const scores = Array.from(list.scores);
  scores.splice(i, 0, score);
  return { ids: [...list.ids.slice(0, i), id, ...list.ids.slice(i)], scores };
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
    if (!to || to.ids.includes(id)) done.push(id);
  }
  return done;
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
