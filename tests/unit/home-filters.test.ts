import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb, type TouchlineDb } from '@/lib/db/database';
import { boardColumns, checkFilter, DEFAULT_FILTER, HomeFilter, matchingIds, matchingRanked, type HomeKeys } from '@/lib/home/filters';
import { loadHomeKeys, tagsInUse } from '@/lib/home/keys';
import { DEFAULT_SETTINGS } from '@/lib/settings/settings';
import { addProspect, updateProspect } from '@/lib/store/prospects';
import { moveStage } from '@/lib/store/stages';
import { logTouch } from '@/lib/store/touches';
import { writeWithoutSideEffects } from '@/lib/store/unit-of-work';
import { rescoreAll } from '@/lib/store/scores';

const STAGES = ['a', 'b', 'c'];
const SCORES: Record<string, number> = { p1: 10, p2: 90, p3: 50, p4: 30, p5: 30, p6: 70 };
const list = (ids: string[]) => ({ ids, scores: ids.map((id) => SCORES[id]!) });
const keys = (over: Partial<HomeKeys> = {}): HomeKeys => ({
  byStage: new Map([
    ['a', list(['p1', 'p2', 'p3'])],
    ['b', list(['p4', 'p5'])],
    ['c', list(['p6'])],
  ]),
  ranked: false,
  ...over,
});

describe('home filters (pure)', () => {
  it('the default filter keeps everyone, each column by score, highest first, ties by id', () => {
    expect(boardColumns(keys(), DEFAULT_FILTER, STAGES)).toEqual([
      { stageId: 'a', ...list(['p2', 'p3', 'p1']) },
      { stageId: 'b', ...list(['p4', 'p5']) },
      { stageId: 'c', ...list(['p6']) },
    ]);
    expect(matchingIds(keys(), DEFAULT_FILTER, STAGES)).toEqual(['p2', 'p6', 'p3', 'p4', 'p5', 'p1']);
    // Ranked keys (the scoreboard's stage column) are merged score by score, ties by stage order, to the same list.
    const ranked = { ...keys(), byStage: new Map(boardColumns(keys(), DEFAULT_FILTER, STAGES).map((c) => [c.stageId, c])), ranked: true };
    expect(matchingRanked(ranked, DEFAULT_FILTER, STAGES)).toEqual({ ids: ['p2', 'p6', 'p3', 'p4', 'p5', 'p1'], scores: Uint8Array.from([90, 70, 50, 30, 30, 10]) });
    expect(boardColumns(ranked, DEFAULT_FILTER, STAGES)[0]!.ids).toBe(ranked.byStage.get('a')!.ids);
  });

  it('a score range, stages, sources, a tag, due and untouched all narrow together', () => {
    expect(boardColumns(keys(), { ...DEFAULT_FILTER, scoreMin: 30, scoreMax: 70 }, STAGES).map((c) => c.ids)).toEqual([['p3'], ['p4', 'p5'], ['p6']]);
    expect(boardColumns(keys(), { ...DEFAULT_FILTER, stageIds: ['c', 'a'] }, STAGES).map((c) => c.stageId)).toEqual(['a', 'c']);
    const narrowed = keys({ sourceIds: new Set(['p1', 'p2', 'p4']), tagIds: new Set(['p1', 'p2', 'p4', 'p6']), dueIds: new Set(['p2', 'p4', 'p6']), touchedSince: new Set(['p4']) });
    expect(matchingIds(narrowed, { ...DEFAULT_FILTER, sources: ['gmail'], tag: 'x', followUpDue: true, noTouchDays: 7 }, STAGES)).toEqual(['p2']);
  });

  it('sorts by an index order, with ids the order lacks last', () => {
    const k = keys({ order: ['p5', 'p1', 'p6', 'p3'] });
    expect(boardColumns(k, { ...DEFAULT_FILTER, sort: 'lastTouch' }, STAGES).map((c) => c.ids)).toEqual([['p1', 'p3', 'p2'], ['p5', 'p4'], ['p6']]);
  });

  it('refuses a filter that cannot match, saying why', () => {
    expect(checkFilter({ ...DEFAULT_FILTER, scoreMin: 80, scoreMax: 20 })).toMatch(/lowest score \(80\) is above the highest \(20\)/);
    expect(checkFilter(DEFAULT_FILTER)).toBeUndefined();
    expect(HomeFilter.safeParse({ ...DEFAULT_FILTER, scoreMax: 101 }).success).toBe(false);
  });
});

describe('home filter keys from Dexie indexes', () => {
  let db: TouchlineDb;
  beforeEach(async () => {
    db = openDb(`touchline-home-${Math.random()}`);
    await db.open();
  });
  afterEach(async () => {
    db.close();
    await Dexie.delete(db.name);
  });

  const NOW = Date.parse('2026-12-02T10:00:00Z');
  const DAY = 86_400_000;
  const ctx = { now: NOW, timeZone: 'Europe/Berlin', stageIds: DEFAULT_SETTINGS.stages.map((s) => s.id) };

  it('reads each filter from its index and finds exactly the right people', async () => {
    const s = DEFAULT_SETTINGS;
    const add = async (name: string, site: 'gmail' | 'linkedin' | 'import') =>
      (await addProspect(db, { name, emails: [`${name.toLowerCase()}@x.example`], source: { site, at: NOW } }, s, NOW)).prospect.id;
    const ana = await add('Ana', 'gmail');
    const ben = await add('Ben', 'linkedin');
    const cai = await add('Cai', 'import');
    await updateProspect(db, ana, { tags: ['vip'], nextStep: 'Call', followUpAt: NOW - DAY }, NOW);
    await updateProspect(db, ben, { tags: ['vip', 'eu'], nextStep: 'Send deck', followUpAt: NOW + 5 * DAY }, NOW);
    await updateProspect(db, cai, { nextStep: 'Intro', followUpAt: NOW + 60_000 }, NOW);
    await logTouch(db, { prospectId: ana, channel: 'email', direction: 'inbound', at: NOW - 2 * DAY }, NOW);
    await logTouch(db, { prospectId: ben, channel: 'linkedin-message', direction: 'outbound', at: NOW - 20 * DAY }, NOW);
    // A note is not a touch with the person: Cai stays untouched.
    await logTouch(db, { prospectId: cai, channel: 'note', direction: 'internal', at: NOW - DAY, summary: 'n' }, NOW);
    await moveStage(db, ben, 'approach', s, 'warm intro', NOW);

    const run = async (f: Partial<HomeFilter>) => matchingIds(await loadHomeKeys(db, { ...DEFAULT_FILTER, ...f }, ctx), { ...DEFAULT_FILTER, ...f }, ctx.stageIds).sort();
    expect(await run({})).toEqual([ana, ben, cai].sort());
    expect(await run({ sources: ['linkedin', 'import'] })).toEqual([ben, cai].sort());
    expect(await run({ tag: 'vip' })).toEqual([ana, ben].sort());
    expect(await run({ followUpDue: true })).toEqual([ana, cai].sort());
    expect(await run({ noTouchDays: 7 })).toEqual([ben, cai].sort());
    expect(await run({ stageIds: ['approach'] })).toEqual([ben]);
    expect(await tagsInUse(db)).toEqual(['eu', 'vip']);

    const lastTouch = { ...DEFAULT_FILTER, sort: 'lastTouch' as const };
    expect(matchingIds(await loadHomeKeys(db, lastTouch, ctx), lastTouch, ctx.stageIds)).toEqual([ana, ben, cai]);
    const nextStep = { ...DEFAULT_FILTER, sort: 'nextStep' as const };
    expect(matchingIds(await loadHomeKeys(db, nextStep, ctx), nextStep, ctx.stageIds)).toEqual([ana, cai, ben]);
  });

  it('scores come from the scoreboard; a range keeps only those inside it', async () => {
    const ids: string[] = [];
    for (const [i, name] of ['Dee', 'Eli'].entries()) ids.push((await addProspect(db, { name, emails: [`${name}@x.example`] }, DEFAULT_SETTINGS, NOW + i)).prospect.id);
    await writeWithoutSideEffects(db, async () => {
      await db.scoreboard.bulkPut([
        { id: 'ids', ids },
        { id: 'parts', parts: new Float64Array(8) },
        { id: 'scores', scores: Uint8Array.from([80, 20]), weights: DEFAULT_SETTINGS.scoring.weights, at: NOW },
      ]);
    });
    const f = { ...DEFAULT_FILTER, scoreMin: 50 };
    expect(matchingIds(await loadHomeKeys(db, f, ctx), f, ctx.stageIds)).toEqual([ids[0]]);
    await rescoreAll(db, DEFAULT_SETTINGS, NOW);
    const rescored = await loadHomeKeys(db, DEFAULT_FILTER, ctx);
    expect(rescored.stale).toBeUndefined();
    expect(rescored.byStage.get('prospecting')!.ids.sort()).toEqual([...ids].sort());
  });
});
