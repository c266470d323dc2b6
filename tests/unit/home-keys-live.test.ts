import Dexie, { liveQuery } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb, type TouchlineDb } from '@/lib/db/database';
import { DEFAULT_FILTER, type HomeFilter, type HomeKeys } from '@/lib/home/filters';
import { readIndexKeys } from '@/lib/home/index-keys';
import { loadHomeKeys } from '@/lib/home/keys';
import { DEFAULT_SETTINGS } from '@/lib/settings/settings';
import { mergeProspects } from '@/lib/store/merge';
import { addProspect, updateProspect } from '@/lib/store/prospects';
import { moveStage } from '@/lib/store/stages';
import { logTouch } from '@/lib/store/touches';
import { writeWithoutSideEffects } from '@/lib/store/unit-of-work';

const NOW = Date.parse('2026-12-02T10:00:00Z');
const DAY = 86_400_000;
const s = DEFAULT_SETTINGS;
const ctx = { now: NOW, timeZone: 'Europe/Berlin', stageIds: s.stages.map((x) => x.id) };

/** Follows loadHomeKeys as a view does; `until` resolves with the first emission that passes the check. */
function follow(db: TouchlineDb, f: HomeFilter) {
  let latest: HomeKeys | undefined;
  let waiting: { check: (k: HomeKeys) => boolean; resolve: (k: HomeKeys) => void } | undefined;
  const sub = liveQuery(() => loadHomeKeys(db, f, ctx)).subscribe({
    next: (k) => {
      latest = k;
      if (waiting?.check(k)) {
        waiting.resolve(k);
        waiting = undefined;
      }
    },
    error: (e) => {
      throw e;
    },
  });
  const until = (check: (k: HomeKeys) => boolean) =>
    new Promise<HomeKeys>((resolve) => {
      if (latest && check(latest)) return resolve(latest);
      waiting = { check, resolve };
    });
  return { until, stop: () => sub.unsubscribe() };
}

const inStage = (k: HomeKeys, stage: string, id: string) => !!k.byStage.get(stage)?.ids.includes(id);

describe('home keys read from the index and followed live', () => {
  let db: TouchlineDb;
  beforeEach(async () => {
    db = openDb(`touchline-home-live-${Math.random()}`);
    await db.open();
  });
  afterEach(async () => {
    db.close();
    await Dexie.delete(db.name);
  });

  const add = async (name: string) => (await addProspect(db, { name, emails: [`${name.toLowerCase()}@x.example`], source: { site: 'gmail', at: NOW } }, s, NOW)).prospect.id;

  it('a new prospect, a stage move and a merge (a delete) each reach the stage keys', async () => {
    // Sorted by next step, the keys read no scores: the scoreboard (rewritten by every change) cannot be what wakes them.
    const live = follow(db, { ...DEFAULT_FILTER, sort: 'nextStep' });
    try {
      await live.until((k) => k.byStage.get('prospecting')?.ids.length === 0);
      const ana = await add('Ana');
      const ben = await add('Ben');
      await live.until((k) => inStage(k, 'prospecting', ana) && inStage(k, 'prospecting', ben));
      await moveStage(db, ben, 'approach', s, 'warm intro', NOW);
      const moved = await live.until((k) => inStage(k, 'approach', ben));
      expect(moved.byStage.get('prospecting')!.ids).toEqual([ana]);
      await mergeProspects(db, ben, ana, NOW);
      const merged = await live.until((k) => !inStage(k, 'prospecting', ana));
      expect(merged.byStage.get('approach')!.ids).toEqual([ben]);
    } finally {
      live.stop();
    }
  });

  it('a tag and a touch reach the tag filter and the last-touch order', async () => {
    const ana = await add('Ana');
    const ben = await add('Ben');
    const tagged = follow(db, { ...DEFAULT_FILTER, tag: 'vip' });
    const byTouch = follow(db, { ...DEFAULT_FILTER, sort: 'lastTouch' });
    try {
      await tagged.until((k) => k.tagIds?.size === 0);
      await updateProspect(db, ben, { tags: ['vip'] }, NOW);
      expect([...(await tagged.until((k) => k.tagIds?.size === 1)).tagIds!]).toEqual([ben]);

      await byTouch.until((k) => k.order?.length === 0);
      await logTouch(db, { prospectId: ana, channel: 'email', direction: 'inbound', at: NOW - 2 * DAY }, NOW);
      await logTouch(db, { prospectId: ben, channel: 'email', direction: 'inbound', at: NOW - DAY }, NOW);
      expect((await byTouch.until((k) => k.order?.length === 2)).order).toEqual([ben, ana]);
    } finally {
      tagged.stop();
      byTouch.stop();
    }
  });

  it('reads index ranges in index order, ties by primary key, and reversed as Dexie reverse() is', async () => {
    await writeWithoutSideEffects(db, () =>
      db.engagement.bulkPut([
        { prospectId: 'c', touches: 1, replies: 0, lastTouchAt: 5 },
        { prospectId: 'a', touches: 1, replies: 0, lastTouchAt: 5 },
        { prospectId: 'b', touches: 1, replies: 0, lastTouchAt: 9 },
        { prospectId: 'd', touches: 0, replies: 0 },
      ]),
    );
    const [asc, desc, from] = await readIndexKeys(db, [
      { table: 'engagement', index: 'lastTouchAt', range: { all: true } },
      { table: 'engagement', index: 'lastTouchAt', range: { all: true }, reverse: true },
      { table: 'engagement', index: 'lastTouchAt', range: { atLeast: 6 } },
    ]);
    expect(asc).toEqual(await db.engagement.orderBy('lastTouchAt').primaryKeys());
    expect(desc).toEqual(await db.engagement.orderBy('lastTouchAt').reverse().primaryKeys());
    expect(asc).toEqual(['a', 'c', 'b']);
    expect(from).toEqual(['b']);
  });
});
