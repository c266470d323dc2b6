import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb, type TouchlineDb } from '@/lib/db/database';
import { computeMetrics, periodBounds, touchStatsFromRows, type MetricStage, type Period, type ProspectFacts } from '@/lib/metrics';
import { decodeHistory, decodeTouches, type DigestRow, type HistoryRow, type TouchDigestRow } from '@/lib/metrics/digest';
import type { DayCountsRow, SlotCountsRow } from '@/lib/metrics/touch-counts';
import { loadMetrics } from '@/lib/metrics/load';
import type { Prospect, StageChange, Touch } from '@/lib/model';
import { TOUCH_CHANNELS } from '@/lib/model/touch';
import { DEFAULT_SETTINGS } from '@/lib/settings/settings';
import { importCsv } from '@/lib/data/csv';
import { erasePerson } from '@/lib/data/erase';
import { mergeProspects } from '@/lib/store/merge';
import { isDigestBuilt, readDigest, rebuildDigest } from '@/lib/store/metrics-digest';
import { write, writeWithoutSideEffects } from '@/lib/store/unit-of-work';

// Generated data, written through the unit of work in many small changes (the digest is kept by its side
// effect), then compared two ways: the kept digest against one rebuilt from the rows, and the metrics page's
// loader (digest) against the pure functions over the StageChange and Touch rows, for periods across DST.

const DAY = 86_400_000;
const NOW = Date.parse('2026-11-30T10:00:00Z');
const settings = DEFAULT_SETTINGS;
const STAGES: MetricStage[] = settings.stages.map((s) => ({ id: s.id, name: s.name, kind: s.kind, winProbability: s.winProbability }));
const SITES = ['gmail', 'linkedin', 'manual', 'import'];

/** mulberry32: the same "random" data every run. */
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

let db: TouchlineDb;
beforeEach(async () => {
  db = openDb(`touchline-digest-${Math.random()}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

const opts = { settings, now: NOW };

async function generate(seed: number, rounds = 80) {
  const r = rng(seed);
  const pick = <T,>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  // An instant in the last 400 days, on the minute (so changes and touches share instants now and then).
  const when = () => NOW - Math.floor(r() * 400 * 24 * 60) * 60_000;
  let n = 0;
  const ids: string[] = [];
  const prospect = (id: string): Prospect => ({
    id, name: id, emails: [`${id}@x.example`], source: { site: pick(SITES) as Prospect['source']['site'], at: 0 }, stageId: 'prospecting', stageEnteredAt: 0,
    qualification: {}, tags: [], crmIds: {}, createdAt: 0, updatedAt: 0, ...(r() < 0.8 ? { dealValue: Math.round(r() * 100_000) / 100 } : {}),
  }) as Prospect;
  const change = (pid: string, at = when()): StageChange => {
    const to = pick(STAGES).id;
    return { id: `c${n++}`, prospectId: pid, from: null, fromName: null, to, toName: to, at };
  };
  const touch = (pid: string): Touch => ({ id: `t${n++}`, prospectId: pid, channel: pick(TOUCH_CHANNELS), direction: 'outbound', at: when(), createdAt: 0 });
  for (let round = 0; round < rounds; round++) {
    await write(db, async () => {
      const op = r();
      if (op < 0.4 || ids.length < 8) {
        const id = `p${n++}`;
        ids.push(id);
        await db.prospects.add(prospect(id));
        const first = change(id);
        await db.stageChanges.bulkAdd([first, change(id), change(id), { ...change(id), at: first.at }]);
        await db.touches.bulkAdd(Array.from({ length: Math.floor(r() * 6) }, () => touch(id)));
      } else if (op < 0.5) {
        await db.touches.bulkAdd(Array.from({ length: 3 }, () => touch(pick(ids))));
        await db.stageChanges.add(change(pick(ids)));
      } else if (op < 0.6) {
        const t = await db.touches.toCollection().first();
        if (t) await db.touches.delete(t.id);
        const c = await db.stageChanges.toCollection().last();
        if (c) await db.stageChanges.delete(c.id);
      } else if (op < 0.7) {
        const t = await db.touches.toCollection().last();
        if (t) await db.touches.update(t.id, r() < 0.5 ? { prospectId: pick(ids) } : { at: when(), channel: pick(TOUCH_CHANNELS) });
        const c = await db.stageChanges.toCollection().first();
        if (c) await db.stageChanges.update(c.id, { at: when(), to: pick(STAGES).id });
      } else if (op < 0.8) {
        const id = pick(ids);
        await db.prospects.update(id, r() < 0.5 ? { dealValue: Math.round(r() * 5000) } : { 'source.site': pick(SITES) as Prospect['source']['site'] });
      } else if (op < 0.9) {
        const id = pick(ids);
        await db.prospects.update(id, { dealValue: undefined });
      } else {
        // A touch whose prospect is gone (the all-sources channel counts still count it, as the index does).
        const id = ids.splice(Math.floor(r() * ids.length), 1)[0]!;
        await db.prospects.delete(id);
        await db.stageChanges.where('prospectId').equals(id).delete();
      }
    }, opts);
  }
  // The store's own merge and erase (rows move to the kept prospect; everything about the erased one goes).
  await mergeProspects(db, ids[0]!, ids[1]!, NOW);
  await erasePerson(db, ids[2]!, { settings, neverCapture: false, now: NOW });
}

/** Every fact the digest holds, in one order whatever order it was written in (zero counts are no counts). */
const normalize = (rows: DigestRow[]) => {
  const historyRows = rows.filter((r): r is HistoryRow => r.id.startsWith('h:'));
  const history = historyRows.flatMap((r) => decodeHistory(r));
  const touches = rows.filter((r) => r.id.startsWith('t:')).flatMap((r) => decodeTouches(r as TouchDigestRow));
  // The touch figures each history row carries: first touch and each change's touches up to it.
  const figures = historyRows.flatMap((r) => r.ids.map((id, i) => ({ id, first: r.first[i], upTo: [...r.upTo.subarray(i ? r.end[i - 1] : 0, r.end[i])] })));
  const counts: string[] = [];
  for (const r of rows) {
    if (r.id === 'n:days') {
      const d = r as DayCountsRow;
      d.keys.forEach((key, j) => d.day[j]!.forEach((day, i) => d.count[j]![i] && counts.push(`day ${day} ${key} ${d.count[j]![i]}`)));
    } else if (r.id.startsWith('s:')) {
      const d = r as SlotCountsRow;
      d.keys.forEach((key, j) => d.count.subarray(j * 96, (j + 1) * 96).forEach((n, slot) => n && counts.push(`slot ${d.day}/${slot} ${key} ${n}`)));
    }
  }
  return {
    figures: figures.sort((a, b) => a.id.localeCompare(b.id)),
    counts: counts.sort(),
    history: history.sort((a, b) => a.prospectId.localeCompare(b.prospectId)),
    touches: touches
      .map((e) => ({ prospectId: e.prospectId, touches: e.at.map((at, i) => `${at}|${e.channel[i]}`).sort() }))
      .sort((a, b) => a.prospectId.localeCompare(b.prospectId)),
  };
};

/** The pure functions over the rows themselves. */
async function fromRows(period: Period, timeZone: string, source?: string) {
  const bounds = periodBounds(period, timeZone);
  const prospects = new Map<string, ProspectFacts>();
  for (const p of await db.prospects.toArray()) prospects.set(p.id, { id: p.id, site: p.source.site, dealValue: p.dealValue });
  const keep = (id: string) => !source || prospects.get(id)?.site === source;
  const changes = (await db.stageChanges.toArray()).filter((c) => c.at < bounds.end);
  return computeMetrics({ stages: STAGES, changes, prospects, touches: touchStatsFromRows(await db.touches.toArray(), bounds, keep), bounds, source });
}

const PERIODS: Array<[string, Period, string]> = [
  ['the last year', { from: { year: 2025, month: 12, day: 1 }, to: { year: 2026, month: 11, day: 30 } }, 'Europe/Berlin'],
  ['a month across the spring DST change', { from: { year: 2026, month: 3, day: 1 }, to: { year: 2026, month: 3, day: 31 } }, 'America/New_York'],
  ['a week across the autumn DST change', { from: { year: 2026, month: 10, day: 20 }, to: { year: 2026, month: 10, day: 27 } }, 'Europe/Berlin'],
  ['one day, half an hour off UTC', { from: { year: 2026, month: 6, day: 15 }, to: { year: 2026, month: 6, day: 15 } }, 'Asia/Kolkata'],
];

describe('the metrics digest', () => {
  it('is kept in step by the unit of work: the same as one rebuilt from the rows', async () => {
    await rebuildDigest(db); // built on the empty database: every write after this keeps it
    // 200 units of work: the writers fold the first 128 deltas into the buckets, the read folds the rest.
    await generate(1, 200);
    expect(await isDigestBuilt(db)).toBe(true);
    const waiting = (await db.metricsDigest.toArray()).filter((r) => r.id.startsWith('d:')).length;
    expect(waiting).toBeGreaterThan(0);
    expect(waiting).toBeLessThan(128);
    await readDigest(db);
    const kept = normalize(await db.metricsDigest.toArray());
    expect((await db.metricsDigest.toArray()).filter((r) => r.id.startsWith('d:'))).toEqual([]);
    expect(kept.history.length).toBeGreaterThan(10);
    expect(kept.counts.length).toBeGreaterThan(10);
    expect(normalize(await rebuildDigest(db))).toEqual(kept);
  });

  for (const seed of [2, 3]) {
    it(`gives exactly the figures of the pure functions over the rows (generated data, seed ${seed})`, async () => {
      await rebuildDigest(db);
      await generate(seed);
      for (const [, period, tz] of PERIODS) {
        for (const source of [undefined, 'gmail', 'linkedin']) {
          expect(await loadMetrics(db, { period, timeZone: tz, source, stages: STAGES })).toEqual(await fromRows(period, tz, source));
        }
      }
      const year = await loadMetrics(db, { period: PERIODS[0]![1], timeZone: 'Europe/Berlin', stages: STAGES });
      expect(year.winRate.rows).toBeGreaterThan(0);
      expect(year.durations.some((d) => d.median.rows > 1)).toBe(true);
    });
  }

  it('counts touches a moment either side of every bound exactly, in zones off UTC by quarter hours and across DST', async () => {
    const EDGES: Array<[Period, string]> = [
      [{ from: { year: 2026, month: 3, day: 8 }, to: { year: 2026, month: 3, day: 9 } }, 'America/New_York'], // spring forward on the 8th
      [{ from: { year: 2026, month: 10, day: 25 }, to: { year: 2026, month: 10, day: 25 } }, 'Europe/Berlin'], // the 25-hour day
      [{ from: { year: 2026, month: 6, day: 15 }, to: { year: 2026, month: 6, day: 16 } }, 'Asia/Kathmandu'], // +5:45
      [{ from: { year: 2026, month: 4, day: 4 }, to: { year: 2026, month: 4, day: 6 } }, 'Australia/Lord_Howe'], // +11 -> +10:30 on the 5th
      [{ from: { year: 2026, month: 9, day: 27 }, to: { year: 2026, month: 9, day: 27 } }, 'Pacific/Chatham'], // +12:45 -> +13:45
      [{ from: { year: 2026, month: 1, day: 1 }, to: { year: 2026, month: 1, day: 1 } }, 'UTC'],
      [{ from: { year: 1971, month: 6, day: 1 }, to: { year: 1971, month: 6, day: 3 } }, 'Africa/Monrovia'], // -0:44:30: bounds off the quarter hour
    ];
    const MIN = 60_000;
    const around = [-16 * MIN, -15 * MIN, -MIN, -1, 0, 1, MIN, 15 * MIN - 1, 15 * MIN, 45 * MIN, 24 * 60 * MIN];
    await rebuildDigest(db);
    let n = 0;
    await write(db, async () => {
      for (const [period, tz] of EDGES) {
        const b = periodBounds(period, tz);
        for (const site of [...SITES, 'gone']) {
          const id = `edge${n++}`;
          await db.prospects.add({ id, name: id, emails: [`${id}@x.example`], source: { site: site === 'gone' ? 'manual' : site, at: 0 }, stageId: 'won', stageEnteredAt: 0, qualification: {}, tags: [], crmIds: {}, createdAt: 0, updatedAt: 0, dealValue: 100 } as Prospect);
          await db.stageChanges.bulkAdd([
            { id: `${id}c0`, prospectId: id, from: null, fromName: null, to: 'prospecting', toName: 'prospecting', at: b.start - 1 },
            { id: `${id}c1`, prospectId: id, from: null, fromName: null, to: 'won', toName: 'won', at: b.end - 1 },
          ]);
          const touches = [b.start, b.end].flatMap((bound) => around.map((d) => bound + d));
          await db.touches.bulkAdd(touches.map((at, i) => ({ id: `${id}t${i}`, prospectId: id, channel: TOUCH_CHANNELS[i % TOUCH_CHANNELS.length]!, direction: 'outbound' as const, at, createdAt: 0 })));
        }
      }
    }, opts);
    // The 'gone' prospects are removed: their touches stay, counted for all sources only.
    await write(db, async () => {
      for (const p of await db.prospects.toArray()) if (Number(p.id.slice(4)) % (SITES.length + 1) === SITES.length) await db.prospects.delete(p.id);
    }, opts);
    for (const [period, tz] of EDGES) {
      for (const source of [undefined, 'gmail', 'import']) {
        const loaded = await loadMetrics(db, { period, timeZone: tz, source, stages: STAGES });
        expect(loaded).toEqual(await fromRows(period, tz, source));
        expect(loaded.touchesPerDay.reduce((sum, c) => sum + c.perDay.rows, 0)).toBeGreaterThan(0);
      }
    }
  });

  it('keeps the people a CSV import creates (whose history it does not read back) and the ones it updates', async () => {
    await rebuildDigest(db);
    await generate(5, 20);
    const file = (rows: string[]) => new Blob([['Name,Email,Stage', ...rows].join('\n')]);
    // New people in two batches (the second planned while the first is written), then an update and a new stage.
    await importCsv(db, file(Array.from({ length: 30 }, (_, i) => `New ${i},new${i}@import.example,${i % 2 ? 'Qualification' : ''}`)), { mapping: ['name', 'email', 'stage'], settings, batchRows: 15, now: () => NOW });
    await importCsv(db, file(['New 1,new1@import.example,Won', 'Newer,newer@import.example,']), { mapping: ['name', 'email', 'stage'], settings, now: () => NOW + DAY });
    await readDigest(db);
    const kept = normalize(await db.metricsDigest.toArray());
    const imported = (await db.prospects.toArray()).filter((p) => p.name.startsWith('New')).map((p) => p.id);
    expect(imported).toHaveLength(31);
    const held = new Set(kept.history.map((h) => h.prospectId));
    expect(imported.filter((id) => !held.has(id))).toEqual([]);
    expect(normalize(await rebuildDigest(db))).toEqual(kept);
  });

  it('is dropped by writes without side effects and rebuilt on the next read', async () => {
    await rebuildDigest(db);
    await generate(4);
    await writeWithoutSideEffects(db, () => db.stageChanges.add({ id: 'raw', prospectId: 'p0', from: null, fromName: null, to: 'won', toName: 'won', at: NOW - DAY }));
    expect(await isDigestBuilt(db)).toBe(false);
    const [, period, tz] = PERIODS[0]!;
    expect(await loadMetrics(db, { period, timeZone: tz, stages: STAGES })).toEqual(await fromRows(period, tz));
    expect(await isDigestBuilt(db)).toBe(true);
  });
});
