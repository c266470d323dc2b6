import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb, type TouchlineDb } from '@/lib/db/database';
import { computeMetrics, periodBounds, touchStatsFromRows } from '@/lib/metrics';
import { loadMetrics } from '@/lib/metrics/load';
import type { Prospect } from '@/lib/model';
import { writeWithoutSideEffects } from '@/lib/store/unit-of-work';
import { changes, period, prospects, STAGES, touchRows, TZ } from './metrics-fixture';

let db: TouchlineDb;
beforeEach(async () => {
  db = openDb(`touchline-metrics-${Math.random()}`);
  await db.open();
  // Rows as the store keeps them; the metrics read only ids, sources, deal values, history and touches.
  await writeWithoutSideEffects(db, async () => {
    await db.prospects.bulkAdd(
      [...prospects.values()].map((f, i) => ({
        id: f.id, name: f.id, emails: [`${f.id.toLowerCase()}@x.example`], source: { site: f.site, at: 0 }, stageId: 'lead', stageEnteredAt: 0,
        qualification: {}, tags: [], crmIds: {}, createdAt: i, updatedAt: i, ...(f.dealValue === undefined ? {} : { dealValue: f.dealValue }),
      }) as Prospect),
    );
    await db.stageChanges.bulkAdd(changes);
    await db.touches.bulkAdd(touchRows.map((t, i) => ({ ...t, id: `t${i}`, direction: 'outbound' as const, createdAt: 0 })));
  });
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

describe('metrics from IndexedDB', () => {
  for (const source of [undefined, 'gmail', 'linkedin']) {
    it(`the loader's indexes give the same numbers as the rows (${source ?? 'all sources'})`, async () => {
      const bounds = periodBounds(period, TZ);
      const keep = (id: string) => !source || prospects.get(id)?.site === source;
      const fromRows = computeMetrics({ stages: STAGES, changes, prospects, touches: touchStatsFromRows(touchRows, bounds, keep), bounds, source });
      const loaded = await loadMetrics(db, { period, timeZone: TZ, source, stages: STAGES });
      expect(loaded).toEqual(fromRows);
      if (!source) expect(loaded.touchesPerWonDeal.value).toBe(2.5);
    });
  }
});
