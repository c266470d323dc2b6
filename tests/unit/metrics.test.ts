import { describe, expect, it } from 'vitest';
import { computeMetrics, periodBounds, touchStatsFromRows, winProbability } from '@/lib/metrics';
import { DEFAULT_STAGES } from '@/lib/process/default-stages';

import { changes, period, prospects, STAGES, touchRows, TZ } from './metrics-fixture';

function metrics(source?: string) {
  const bounds = periodBounds(period, TZ);
  const keep = (id: string) => !source || prospects.get(id)?.site === source;
  return computeMetrics({ stages: STAGES, changes, prospects, touches: touchStatsFromRows(touchRows, bounds, keep), bounds, source });
}

describe('period boundaries', () => {
  it('runs from local midnight to local midnight, across the DST change', () => {
    const b = periodBounds(period, TZ);
    expect(new Date(b.start).toISOString()).toBe('2026-03-22T23:00:00.000Z'); // CET, UTC+1
    expect(new Date(b.end).toISOString()).toBe('2026-03-29T22:00:00.000Z'); // CEST, UTC+2
    expect(b.days).toBe(7);
    expect(b.end - b.start).toBe(7 * 86_400_000 - 3_600_000);
  });
});

describe('funnel metrics against a hand-computed table', () => {
  const m = metrics();

  it('counts prospects entering each stage, by stage id under its current name', () => {
    // lead: A (24th; the 20th is before), B, C, E, F; D's 23:30 on the 22nd is out. talk: A (twice), B, C.
    expect(m.funnel.map((s) => [s.name, s.entered.value, s.entered.rows])).toEqual([
      ['Lead', 5, 5], ['Talking', 3, 4], ['Closing', 2, 2], ['Won', 2, 2],
    ]);
  });

  it('converts from the first entry in the period to any later stage; drop-off is the rest', () => {
    // lead: A, B, C, E go on, F stays (4/5). talk: only A goes on (B lost, C still there): 1/3. close: 2/2.
    expect(m.funnel.map((s) => s.conversion?.value)).toEqual([0.8, 1 / 3, 1, undefined]);
    expect(m.funnel.map((s) => s.dropOff?.value)).toEqual([1, 2, 0, undefined]);
    expect(m.funnel[1]!.conversion!.formula).toContain('(1) / entered "Talking" (3)');
  });

  it('times each completed stay in a stage, a second stay after a move back included', () => {
    // lead stays (days): A 3, A 1, B 1, E 1, C 6d 10.5h real time (the night lost an hour) = 6.4375.
    const lead = m.durations.find((d) => d.stageId === 'lead')!;
    expect([lead.median.value, lead.p90.value, lead.median.rows]).toEqual([1, 6.4375, 5]);
    // talk: A 1, A 1, B 2. close: A 1, E 2.
    const talk = m.durations.find((d) => d.stageId === 'talk')!;
    expect([talk.median.value, talk.p90.value, talk.median.rows]).toEqual([1, 2, 3]);
    const close = m.durations.find((d) => d.stageId === 'close')!;
    expect([close.median.value, close.p90.value]).toEqual([1.5, 2]);
  });

  it('win rate, deal size, cycle length and touches per won deal', () => {
    expect(m.winRate).toMatchObject({ value: 2 / 3, rows: 3, formula: 'won (2) / (won (2) + lost (1))' });
    expect(m.averageDealSize).toMatchObject({ value: 650, rows: 2 });
    // A: first touch 19th 09:00 -> won 27th 10:00 = 193 h; E: first touch 24th 10:00 -> 28th 08:00 = 94 h.
    expect(m.cycleLength.value).toBeCloseTo(287 / 48, 10);
    expect(m.cycleLength.rows).toBe(2);
    // A: 3 touches up to the win (not the one after); E: 2 (one at the very minute of the win).
    expect(m.touchesPerWonDeal).toMatchObject({ value: 2.5, rows: 5 });
  });

  it('pipeline and weighted forecast by the stage held at the end of the period', () => {
    // lead: D and F (no values); talk: C (2000, the team's 60%); close: nobody (D's move is after the end).
    expect(m.pipeline.stages.map((s) => [s.stageId, s.count.value, s.value.value, s.weighted.value])).toEqual([
      ['lead', 2, 0, 0], ['talk', 1, 2000, 1200], ['close', 0, 0, 0],
    ]);
    expect([m.pipeline.open.value, m.pipeline.value.value, m.pipeline.weighted.value]).toEqual([3, 2000, 1200]);
  });

  it('sales velocity = open x deal size x win rate / cycle length', () => {
    expect(m.salesVelocity.value).toBeCloseTo((3 * 650 * (2 / 3)) / (287 / 48), 10);
  });

  it('touches per local day by channel, the boundary minutes on the right side', () => {
    // In: B 00:00 on the 23rd, C 23:30 on the 29th. Out: B 23:59 on the 22nd, C 00:30 on the 30th, A the 19th.
    expect(m.touchesPerDay.map((c) => [c.channel, c.perDay.rows, c.perDay.value])).toEqual([
      ['email', 3, 3 / 7], ['call', 2, 2 / 7], ['linkedin-message', 2, 2 / 7],
    ]);
  });

  it('a source keeps only its prospects', () => {
    const g = metrics('gmail');
    expect(g.funnel[0]!.entered.value).toBe(2); // A, B
    expect(g.winRate.value).toBe(0.5);
    expect(g.touchesPerDay.map((c) => [c.channel, c.perDay.rows])).toEqual([['email', 3], ['call', 1]]);
  });

  it('says "no data" rather than dividing by zero', () => {
    const empty = computeMetrics({ stages: STAGES, changes: [], prospects, touches: touchStatsFromRows([], periodBounds(period, TZ), () => true), bounds: periodBounds(period, TZ) });
    expect([empty.winRate.value, empty.cycleLength.value, empty.salesVelocity.value, empty.funnel[0]!.conversion!.value]).toEqual([null, null, null, null]);
  });
});

describe('win probabilities', () => {
  it('default probabilities rise through the open stages', () => {
    const ps = DEFAULT_STAGES.map((s) => winProbability(s, DEFAULT_STAGES));
    const open = ps.slice(0, 6);
    expect(open.every((p, i) => i === 0 || p > open[i - 1]!)).toBe(true);
    expect(ps.slice(6)).toEqual([1, 0, 1]); // won, lost, retention
    expect(open[0]).toBe(0.1);
    expect(open[5]).toBe(0.9);
    expect(winProbability({ id: 'x', name: 'X', kind: 'open', winProbability: 35 }, [])).toBe(0.35);
  });
});
