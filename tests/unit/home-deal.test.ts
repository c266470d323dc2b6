import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb, type TouchlineDb } from '@/lib/db/database';
import { ProspectPatch } from '@/lib/model';
import { winProbability } from '@/lib/metrics/stages';
import { DEFAULT_SETTINGS, Settings } from '@/lib/settings/settings';
import { addProspect, updateProspect } from '@/lib/store/prospects';
import { DEFAULT_STAGES } from '@/lib/process/default-stages';

let db: TouchlineDb;
beforeEach(async () => {
  db = openDb(`touchline-deal-${Math.random()}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

describe('deal value and expected close date', () => {
  it('are set, kept and cleared through the store, with the outbox-writing unit of work', async () => {
    const { prospect } = await addProspect(db, { name: 'Maria Gomez', emails: ['maria@acme.example'] }, DEFAULT_SETTINGS);
    const set = await updateProspect(db, prospect.id, ProspectPatch.parse({ dealValue: 12_500, expectedCloseDate: '2027-03-31' }));
    expect(set).toMatchObject({ dealValue: 12_500, expectedCloseDate: '2027-03-31' });
    expect(await db.prospects.get(prospect.id)).toMatchObject({ dealValue: 12_500, expectedCloseDate: '2027-03-31' });

    const cleared = await updateProspect(db, prospect.id, ProspectPatch.parse({ dealValue: null, expectedCloseDate: null }));
    expect(cleared).not.toHaveProperty('dealValue');
    expect(cleared).not.toHaveProperty('expectedCloseDate');
    expect(await db.prospects.get(prospect.id)).not.toHaveProperty('dealValue');
  });

  it('refuse a negative value and a date that is not a calendar day, saying why', () => {
    expect(ProspectPatch.safeParse({ dealValue: -1 }).success).toBe(false);
    const bad = ProspectPatch.safeParse({ expectedCloseDate: '2027-02-30' });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toBe('Not a calendar date');
    expect(ProspectPatch.safeParse({ expectedCloseDate: '31/03/2027' }).error?.issues[0]?.message).toBe('A date is written YYYY-MM-DD');
  });
});

describe('currency and win probability in the settings', () => {
  it('default to EUR and to probabilities rising through the open stages; a stage may set its own', () => {
    expect(DEFAULT_SETTINGS.currency).toBe('EUR');
    const { currency: _, ...older } = DEFAULT_SETTINGS;
    expect(Settings.parse(older).currency).toBe('EUR');
    expect(Settings.safeParse({ ...DEFAULT_SETTINGS, currency: 'euro' }).success).toBe(false);

    const open = DEFAULT_STAGES.filter((s) => s.kind === 'open').map((s) => winProbability(s, DEFAULT_STAGES));
    expect(open).toEqual([...open].sort((a, b) => a - b));
    expect(open[0]).toBeLessThan(open.at(-1)!);
    const stages = DEFAULT_STAGES.map((s) => (s.id === 'approach' ? { ...s, winProbability: 35 } : s));
    expect(Settings.parse({ ...DEFAULT_SETTINGS, stages }).stages.find((s) => s.id === 'approach')?.winProbability).toBe(35);
    expect(winProbability(stages.find((s) => s.id === 'approach')!, stages)).toBe(0.35);
    expect(Settings.safeParse({ ...DEFAULT_SETTINGS, stages: DEFAULT_STAGES.map((s) => ({ ...s, winProbability: 120 })) }).success).toBe(false);
  });
});
