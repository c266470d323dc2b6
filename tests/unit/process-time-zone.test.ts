import { describe, expect, it } from 'vitest';
import { addLocalDays, endOfLocalDay, fromLocal, nextLocalDayAt, startOfLocalDay, toLocal } from '@/lib/process/time-zone';
import { scheduleSteps, DEFAULT_CADENCES } from '@/lib/process/cadence';

const iso = (ms: number) => new Date(ms).toISOString();

describe('local calendar arithmetic', () => {
  it('finds the start of the local day, not the UTC one', () => {
    // 23:30 in Berlin on 2026-03-10 is 22:30 UTC: still the 10th locally.
    const t = Date.parse('2026-03-10T22:30:00Z');
    expect(iso(startOfLocalDay(t, 'Europe/Berlin'))).toBe('2026-03-09T23:00:00.000Z');
    expect(iso(endOfLocalDay(t, 'Europe/Berlin'))).toBe('2026-03-10T23:00:00.000Z');
    // 00:30 UTC on the 11th is still the 10th in New York (EDT since 8 March, UTC-4).
    const u = Date.parse('2026-03-11T00:30:00Z');
    expect(iso(startOfLocalDay(u, 'America/New_York'))).toBe('2026-03-10T04:00:00.000Z');
  });

  it('keeps the wall-clock time across a daylight-saving change', () => {
    // Berlin springs forward on 2026-03-29; 09:30 local stays 09:30 local.
    const start = fromLocal({ year: 2026, month: 3, day: 27, hour: 9, minute: 30, second: 0 }, 'Europe/Berlin');
    const later = addLocalDays(start, 3, 'Europe/Berlin');
    expect(toLocal(later, 'Europe/Berlin')).toMatchObject({ year: 2026, month: 3, day: 30, hour: 9, minute: 30 });
    expect(later - start).toBe(3 * 86_400_000 - 3_600_000);
  });

  it('a day that is 23 hours long still ends at local midnight', () => {
    const t = Date.parse('2026-03-29T12:00:00Z');
    expect(endOfLocalDay(t, 'Europe/Berlin') - startOfLocalDay(t, 'Europe/Berlin')).toBe(23 * 3_600_000);
  });

  it('snoozes to the given hour on the next local day, across a month end', () => {
    const t = Date.parse('2026-04-30T21:00:00Z'); // 23:00 in Berlin, 30 April
    expect(toLocal(nextLocalDayAt(t, 9, 'Europe/Berlin'), 'Europe/Berlin')).toMatchObject({ month: 5, day: 1, hour: 9, minute: 0 });
  });
});

describe('cadence scheduling', () => {
  const cadence = DEFAULT_CADENCES[0]!;

  it('puts day N on the Nth local calendar day at the start time', () => {
    const start = fromLocal({ year: 2026, month: 11, day: 23, hour: 16, minute: 45, second: 0 }, 'Asia/Tokyo');
    const steps = scheduleSteps(cadence, start, 'Asia/Tokyo');
    expect(steps.map((s) => toLocal(s.due, 'Asia/Tokyo').day)).toEqual([23, 25, 28, 2]);
    expect(steps.map((s) => toLocal(s.due, 'Asia/Tokyo').hour)).toEqual([16, 16, 16, 16]);
    expect(steps.map((s) => s.step.kind)).toEqual(['email', 'linkedin-message', 'call', 'email']);
  });

  it('the same instant schedules on different days in different zones', () => {
    // 23:30 on the 23rd in Los Angeles is already the 24th in London.
    const start = Date.parse('2026-11-24T07:30:00Z');
    expect(toLocal(scheduleSteps(cadence, start, 'America/Los_Angeles')[1]!.due, 'America/Los_Angeles').day).toBe(25);
    expect(toLocal(scheduleSteps(cadence, start, 'Europe/London')[1]!.due, 'Europe/London').day).toBe(26);
  });

  it('a resumed cadence keeps the gaps between the remaining steps', () => {
    const start = Date.parse('2026-11-30T09:00:00Z');
    const rest = scheduleSteps(cadence, start, 'UTC', 2);
    expect(rest.map((s) => s.index)).toEqual([2, 3]);
    expect(rest.map((s) => iso(s.due))).toEqual(['2026-11-30T09:00:00.000Z', '2026-12-04T09:00:00.000Z']);
  });
});
