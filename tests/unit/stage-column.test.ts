import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb, type TouchlineDb } from '@/lib/db/database';
import { DEFAULT_FILTER } from '@/lib/home/filters';
import { loadHomeKeys, rankedStages } from '@/lib/home/keys';
import { erasePerson } from '@/lib/data/erase';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/settings/settings';
import { mergeProspects } from '@/lib/store/merge';
import { addProspect, updateProspect } from '@/lib/store/prospects';
import { readScoreColumns, repairStageColumn, rescoreAll, reweighAll } from '@/lib/store/scores';
import { NO_STAGE } from '@/lib/store/stage-column';
import { moveStage } from '@/lib/store/stages';
import { writeWithoutSideEffects } from '@/lib/store/unit-of-work';

const NOW = Date.parse('2026-12-03T10:00:00Z');
const s = DEFAULT_SETTINGS;
const ctx = { now: NOW, timeZone: 'Europe/Berlin', stageIds: s.stages.map((x) => x.id) };

let db: TouchlineDb;
beforeEach(async () => {
  db = openDb(`touchline-stage-column-${Math.random()}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

const add = async (name: string) => (await addProspect(db, { name, emails: [`${name.toLowerCase()}@x.example`] }, s, NOW)).prospect.id;

/** Each prospect's stage as the column says it, by id (gone ones absent). */
async function columnStages(): Promise<Record<string, string>> {
  const { ids, column } = await readScoreColumns(db);
  expect(column, 'the stage column is in step with the ids').toBeDefined();
  const out: Record<string, string> = {};
  ids.forEach((id, i) => {
    const code = column!.stages[i]!;
    if (code !== NO_STAGE) out[id] = column!.stageKeys[code]!;
  });
  return out;
}

/** Each prospect's stage as the prospects table says it. */
async function tableStages(): Promise<Record<string, string>> {
  return Object.fromEntries((await db.prospects.toArray()).map((p) => [p.id, p.stageId]));
}

describe('the scoreboard stage column', () => {
  it('follows every write in its unit of work: a new prospect, a move, a merge (a delete) and an erase', async () => {
    const ana = await add('Ana');
    const ben = await add('Ben');
    const cai = await add('Cai');
    expect(await columnStages()).toEqual({ [ana]: 'prospecting', [ben]: 'prospecting', [cai]: 'prospecting' });
    await moveStage(db, ben, 'approach', s, 'warm intro', NOW);
    await updateProspect(db, cai, { company: 'Initech' }, NOW);
    expect(await columnStages()).toEqual(await tableStages());
    await mergeProspects(db, ana, cai, NOW);
    expect(await columnStages()).toEqual(await tableStages());
    expect(Object.keys(await columnStages())).not.toContain(cai);
    // The erase splices the scoreboard's rows: the column is rebuilt in the same transaction.
    await erasePerson(db, ben, { settings: s, neverCapture: false, now: NOW });
    expect(await columnStages()).toEqual({ [ana]: 'prospecting' });
  });

  it('ranks each stage by score from the two rows, as the stage index joined to the scores would', async () => {
    const ids: string[] = [];
    for (const name of ['Ana', 'Ben', 'Cai', 'Dee', 'Eli']) ids.push(await add(name));
    await moveStage(db, ids[1]!, 'approach', s, 'r', NOW);
    await moveStage(db, ids[3]!, 'approach', s, 'r', NOW);
    const { ids: order, column } = await readScoreColumns(db);
    const scores = Uint8Array.from([40, 90, 40, 10, 70]);
    const ranked = rankedStages(order, scores, column!, ['prospecting', 'approach', 'won']);
    const score = (id: string) => scores[order.indexOf(id)]!;
    const prospecting = order.filter((id) => ![ids[1], ids[3]].includes(id)).sort((a, b) => score(b) - score(a) || order.indexOf(a) - order.indexOf(b));
    expect(ranked.get('prospecting')).toEqual({ ids: prospecting, scores: Uint8Array.from(prospecting.map(score)) });
    expect(ranked.get('approach')!.ids).toEqual([ids[1], ids[3]].sort((a, b) => score(b!) - score(a!)));
    expect(ranked.get('won')).toEqual({ ids: [], scores: new Uint8Array(0) });
  });

  it('a scoreboard without it (an older snapshot restored) reads the slow way, says so, and is repaired', async () => {
    const ana = await add('Ana');
    const ben = await add('Ben');
    await moveStage(db, ben, 'approach', s, 'r', NOW);
    const { ids, scores } = await readScoreColumns(db);
    // As a restore of an older backup leaves it: the scores row alone, and one person the scoreboard lacks.
    const { prospect: cai } = await addProspect(db, { name: 'Cai', emails: ['cai@x.example'] }, s, NOW);
    await writeWithoutSideEffects(db, () => db.scoreboard.put({ id: 'scores', scores: scores, weights: s.scoring.weights, at: NOW }));
    await writeWithoutSideEffects(db, () => db.scoreboard.put({ id: 'ids', ids }));
    expect((await readScoreColumns(db)).column).toBeUndefined();

    const slow = await loadHomeKeys(db, DEFAULT_FILTER, ctx);
    expect(slow.stale).toBe(true);
    expect(slow.byStage.get('prospecting')!.ids.sort()).toEqual([ana, cai.id].sort());
    expect(slow.byStage.get('approach')!.ids).toEqual([ben]);

    expect(await repairStageColumn(db, NOW)).toBe(true);
    expect(await repairStageColumn(db, NOW)).toBe(false);
    expect(await columnStages()).toEqual(await tableStages());
    const fast = await loadHomeKeys(db, DEFAULT_FILTER, ctx);
    expect(fast.stale).toBeUndefined();
    const plain = (r: { ids: string[]; scores: ArrayLike<number> } | undefined) => ({ ids: r?.ids, scores: Array.from(r?.scores ?? []) });
    expect(plain(fast.byStage.get('approach'))).toEqual(plain(slow.byStage.get('approach')));
    expect(new Set(fast.byStage.get('prospecting')!.ids)).toEqual(new Set(slow.byStage.get('prospecting')!.ids));
  });

  it('the next write repairs it too, and rescoring everyone or new weights keep it', async () => {
    const ana = await add('Ana');
    const ben = await add('Ben');
    await writeWithoutSideEffects(db, async () => {
      const row = (await db.scoreboard.get('scores'))!;
      await db.scoreboard.put({ id: 'scores', scores: row.scores, weights: row.weights, at: row.at });
    });
    await moveStage(db, ana, 'approach', s, 'r', NOW);
    expect(await columnStages()).toEqual({ [ana]: 'approach', [ben]: 'prospecting' });
    await rescoreAll(db, s, NOW);
    expect(await columnStages()).toEqual({ [ana]: 'approach', [ben]: 'prospecting' });
    const heavy: Settings = { ...s, scoring: { ...s.scoring, weights: { fit: 80, engagement: 10, qualification: 10 } } };
    await reweighAll(db, heavy, NOW);
    expect(await columnStages()).toEqual({ [ana]: 'approach', [ben]: 'prospecting' });
  });
});
