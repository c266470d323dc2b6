import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb, type TouchlineDb } from '@/lib/db/database';
import { DEFAULT_SETTINGS } from '@/lib/settings/settings';
import { addProspect } from '@/lib/store/prospects';
import { addTag, moveStages, previewMoves, startCadences } from '@/lib/store/bulk-actions';
import { stageHistory } from '@/lib/store/stages';
import { runsOf } from '@/lib/store/cadences';

const NOW = Date.parse('2026-11-23T10:00:00Z');
const settings = DEFAULT_SETTINGS;
let db: TouchlineDb;
let n = 0;

beforeEach(async () => {
  db = openDb(`home-bulk-${++n}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await db.delete();
});

/** Three people in prospecting, none fitting the (empty) ICP: moving on leaves "fits the ICP" unmet. */
async function three(): Promise<string[]> {
  const people = [
    { name: 'Ana Silva', emails: ['ana@silva.example'] },
    { name: 'Ben Okafor', emails: ['ben@okafor.example'] },
    { name: 'Chloé Durand', linkedinUrl: 'https://www.linkedin.com/in/chloe-durand-demo' },
  ];
  const ids: string[] = [];
  for (const p of people) ids.push((await addProspect(db, p, settings, NOW)).prospect.id);
  return ids;
}

describe('bulk actions of the home list', () => {
  it('a move with unmet criteria asks one reason for all, and records a StageChange for each', async () => {
    const ids = await three();
    const check = await previewMoves(db, ids, 'qualification', settings);
    expect(check).toMatchObject({ direction: 'forward', needsReason: true, needsLossReason: false, moving: 3 });
    // Every unmet label once, whoever left it unmet.
    expect(check.unmet).toContain('Fits the ICP (industry, size, role)');
    expect(new Set(check.unmet).size).toBe(check.unmet.length);

    // Without the reason nothing moves: the selection is one unit of work.
    await expect(moveStages(db, ids, 'qualification', settings, {}, NOW + 1)).rejects.toThrow(/needs a reason/);
    for (const id of ids) expect(await stageHistory(db, id)).toHaveLength(1);

    expect(await moveStages(db, ids, 'qualification', settings, { reason: 'Met them at the fair' }, NOW + 1)).toEqual({ moved: 3 });
    for (const id of ids) {
      const history = await stageHistory(db, id);
      expect(history.at(-1)).toMatchObject({ from: 'prospecting', to: 'qualification', reason: 'Met them at the fair', at: NOW + 1 });
      expect((await db.prospects.get(id))?.stageId).toBe('qualification');
    }
    // Each change keeps the criteria that person left unmet.
    for (const id of ids) expect((await stageHistory(db, id)).at(-1)?.unmetCriteria).toContain('Fits the ICP (industry, size, role)');

    // Already there: not moved again, not counted.
    expect((await previewMoves(db, ids, 'qualification', settings)).moving).toBe(0);
    expect(await moveStages(db, ids, 'qualification', settings, {}, NOW + 2)).toEqual({ moved: 0 });
  });

  it('closing a selection as lost needs one loss reason from the list', async () => {
    const ids = await three();
    const lost = settings.stages.find((s) => s.kind === 'lost')!;
    expect(await previewMoves(db, ids, lost.id, settings)).toMatchObject({ needsLossReason: true, moving: 3 });
    await expect(moveStages(db, ids, lost.id, settings, { lossReason: 'Because' }, NOW + 1)).rejects.toThrow(/loss reason/);
    await moveStages(db, ids, lost.id, settings, { lossReason: 'No budget' }, NOW + 1);
    for (const id of ids) expect((await stageHistory(db, id)).at(-1)).toMatchObject({ to: lost.id, lossReason: 'No budget' });
  });

  it('adds a tag to those who lack it and starts a cadence once per person', async () => {
    const ids = await three();
    expect(await addTag(db, ids.slice(0, 1), 'Fair 2026', NOW)).toEqual({ tagged: 1 });
    expect(await addTag(db, ids, 'fair 2026', NOW + 1)).toEqual({ tagged: 2 });
    expect((await db.prospects.get(ids[0]!))?.tags).toEqual(['Fair 2026']);
    expect((await db.prospects.get(ids[2]!))?.tags).toEqual(['fair 2026']);
    // The search index follows the tag (the searchTokens hook).
    expect((await db.prospects.get(ids[1]!))?.searchTokens).toContain('fair');
    await expect(addTag(db, ids, '   ', NOW)).rejects.toThrow(/tag/);

    const cadence = settings.cadences[0]!;
    const first = await startCadences(db, ids.slice(0, 2), cadence.id, settings, { now: NOW, timeZone: 'UTC' });
    expect([first.started.length, first.skipped]).toEqual([2, 0]);
    const second = await startCadences(db, ids, cadence.id, settings, { now: NOW, timeZone: 'UTC' });
    expect([second.started.length, second.skipped]).toEqual([1, 2]);
    for (const id of ids) expect(await runsOf(db, id)).toHaveLength(1);
    expect(await db.tasks.where('prospectId').equals(ids[2]!).count()).toBe(cadence.steps.length);
  });
});
