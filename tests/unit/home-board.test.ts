import { describe, expect, it } from 'vitest';
import { daysInStage, isOverdue, settledMoves, withMoves, type PendingMove } from '@/lib/home/board';
import { boardColumns, DEFAULT_FILTER, type HomeKeys } from '@/lib/home/filters';

const STAGES = ['a', 'b', 'c'];
const SCORES: Record<string, number> = { p1: 10, p2: 90, p3: 50, p4: 30 };
const list = (ids: string[]) => ({ ids, scores: ids.map((id) => SCORES[id]!) });
const byStage = (lists: Record<string, string[]>) => new Map(Object.entries(lists).map(([s, ids]) => [s, list(ids)]));
const keys = (): HomeKeys => ({ byStage: byStage({ a: ['p1', 'p2', 'p3'], b: ['p4'], c: [] }), ranked: false });
const moves = (entries: Array<[string, PendingMove]>) => new Map(entries);

describe('the board before the database answers', () => {
  it('a pending move takes the card out of its column and places it in the target by the sort', () => {
    const k = withMoves(keys(), moves([['p3', { from: 'a', to: 'b', settled: false }]]));
    expect(boardColumns(k, DEFAULT_FILTER, STAGES)).toEqual([
      { stageId: 'a', ...list(['p2', 'p1']) },
      { stageId: 'b', ...list(['p3', 'p4']) },
      { stageId: 'c', ...list([]) },
    ]);
    // The live keys are not changed: a cancelled move just drops its entry.
    expect(keys().byStage.get('a')!.ids).toEqual(['p1', 'p2', 'p3']);
    expect(withMoves(keys(), new Map()).byStage).toEqual(keys().byStage);
  });

  it('the filter still applies to a moved card, and a target the filter hides just loses it', () => {
    const k = { ...withMoves(keys(), moves([['p2', { from: 'a', to: 'c', settled: false }]])), dueIds: new Set(['p1', 'p2']) };
    expect(boardColumns(k, { ...DEFAULT_FILTER, followUpDue: true }, STAGES).map((c) => c.ids)).toEqual([['p1'], [], ['p2']]);
    const hidden = withMoves({ ...keys(), byStage: byStage({ a: ['p1', 'p2'] }) }, moves([['p2', { from: 'a', to: 'b', settled: false }]]));
    expect(boardColumns(hidden, { ...DEFAULT_FILTER, stageIds: ['a'] }, STAGES)).toEqual([{ stageId: 'a', ...list(['p1']) }]);
  });

  it('on ranked keys a moved card goes to its place by score, and the columns it leaves alone keep their lists', () => {
    const ranked: HomeKeys = { byStage: byStage({ a: ['p2', 'p3', 'p1'], b: ['p2x', 'p4'], c: [] }), ranked: true };
    ranked.byStage.set('b', { ids: ['p2x', 'p4'], scores: [90, 30] });
    const k = withMoves(ranked, moves([['p3', { from: 'a', to: 'b', settled: false }]]));
    const columns = boardColumns(k, DEFAULT_FILTER, STAGES);
    expect(columns[0]).toEqual({ stageId: 'a', ...list(['p2', 'p1']) });
    expect(columns[1]).toEqual({ stageId: 'b', ids: ['p2x', 'p3', 'p4'], scores: [90, 50, 30] });
    expect(columns[2]!.ids).toBe(ranked.byStage.get('c')!.ids);
    // A tie goes first among the equals; the live order settles it once the move is written.
    const tie = withMoves(ranked, moves([['p4', { from: 'b', to: 'a', settled: false }]]));
    expect(tie.byStage.get('a')).toEqual({ ids: ['p2', 'p3', 'p4', 'p1'], scores: [90, 50, 30, 10] });
  });

  it('forgets a move only once it is answered and the live keys show it (or cannot)', () => {
    const live = { ...keys(), byStage: byStage({ a: ['p1', 'p2'], b: ['p3', 'p4'] }) };
    const pending = moves([
      ['p3', { from: 'a', to: 'b', settled: true }],
      ['p2', { from: 'a', to: 'b', settled: true }],
      ['p1', { from: 'a', to: 'b', settled: false }],
      ['p4', { from: 'b', to: 'z', settled: true }],
    ]);
    // p3: answered and seen; p2: answered, not seen yet; p1: not answered (an early re-read); p4: target hidden.
    expect(settledMoves(live, pending).sort()).toEqual(['p3', 'p4']);
  });

  it('days in stage and overdue come from the given clock', () => {
    const now = Date.parse('2026-12-02T10:00:00Z');
    const todayStart = Date.parse('2026-12-01T23:00:00Z');
    expect(daysInStage(now - 3 * 86_400_000 - 1, now)).toBe(3);
    expect(daysInStage(now - 86_399_999, now)).toBe(0);
    expect(daysInStage(now + 60_000, now)).toBe(0);
    expect(isOverdue(todayStart - 1, todayStart)).toBe(true);
    expect(isOverdue(todayStart, todayStart)).toBe(false);
    expect(isOverdue(undefined, todayStart)).toBe(false);
  });
});
