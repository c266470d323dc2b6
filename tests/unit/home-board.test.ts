import { describe, expect, it } from 'vitest';
import { daysInStage, isOverdue, settledMoves, withMoves, type PendingMove } from '@/lib/home/board';
import { boardColumns, DEFAULT_FILTER, type HomeKeys } from '@/lib/home/filters';

const STAGES = ['a', 'b', 'c'];
const keys = (): HomeKeys => ({
  byStage: new Map([
    ['a', ['p1', 'p2', 'p3']],
    ['b', ['p4']],
    ['c', []],
  ]),
  scores: new Map([['p1', 10], ['p2', 90], ['p3', 50], ['p4', 30]]),
});
const moves = (entries: Array<[string, PendingMove]>) => new Map(entries);

describe('the board before the database answers', () => {
  it('a pending move takes the card out of its column and places it in the target by the sort', () => {
    const k = withMoves(keys(), moves([['p3', { from: 'a', to: 'b', settled: false }]]));
    expect(boardColumns(k, DEFAULT_FILTER, STAGES)).toEqual([
      { stageId: 'a', ids: ['p2', 'p1'] },
      { stageId: 'b', ids: ['p3', 'p4'] },
      { stageId: 'c', ids: [] },
    ]);
    // The live keys are not changed: a cancelled move just drops its entry.
    expect(keys().byStage.get('a')).toEqual(['p1', 'p2', 'p3']);
    expect(withMoves(keys(), new Map()).byStage).toEqual(keys().byStage);
  });

  it('the filter still applies to a moved card, and a target the filter hides just loses it', () => {
    const k = { ...withMoves(keys(), moves([['p2', { from: 'a', to: 'c', settled: false }]])), dueIds: new Set(['p1', 'p2']) };
    expect(boardColumns(k, { ...DEFAULT_FILTER, followUpDue: true }, STAGES).map((c) => c.ids)).toEqual([['p1'], [], ['p2']]);
    const hidden = withMoves({ ...keys(), byStage: new Map([['a', ['p1', 'p2']]]) }, moves([['p2', { from: 'a', to: 'b', settled: false }]]));
    expect(boardColumns(hidden, { ...DEFAULT_FILTER, stageIds: ['a'] }, STAGES)).toEqual([{ stageId: 'a', ids: ['p1'] }]);
  });

  it('forgets a move only once it is answered and the live keys show it (or cannot)', () => {
    const live = { ...keys(), byStage: new Map([['a', ['p1', 'p2']], ['b', ['p3', 'p4']]]) };
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
