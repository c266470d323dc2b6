import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb, type TouchlineDb } from '@/lib/db/database';
import { readRecord, type RecordRead } from '@/lib/home/record-read';
import type { Prospect, StageChange, Touch } from '@/lib/model';
import { writeWithoutSideEffects } from '@/lib/store/unit-of-work';

let db: TouchlineDb;
const prospect = { id: 'p1', name: 'Ada Byron', emails: [], source: { site: 'manual', at: 1 }, stageId: 'prospecting', stageEnteredAt: 1, qualification: {}, tags: [], crmIds: {}, createdAt: 1, updatedAt: 1 } as unknown as Prospect;
const touch = (i: number): Touch => ({ id: `t${i}`, prospectId: 'p1', channel: 'email', direction: 'outbound', at: 1000 + i * 10, createdAt: 1 });
// One stage change among the newest touches, one older than every touch but the first few.
const changes: StageChange[] = [
  { id: 's-new', prospectId: 'p1', from: 'a', to: 'b', fromName: 'A', toName: 'B', at: 1000 + 18 * 10 + 5 },
  { id: 's-old', prospectId: 'p1', from: null, to: 'a', fromName: null, toName: 'A', at: 1000 + 2 * 10 + 5 },
];

beforeEach(async () => {
  db = openDb(`touchline-record-read-${Math.random()}`);
  await db.open();
  await writeWithoutSideEffects(db, async () => {
    await db.prospects.add(prospect);
    await db.touches.bulkAdd(Array.from({ length: 20 }, (_, i) => touch(i)));
    await db.touches.add({ ...touch(99), prospectId: 'other' });
    await db.stageChanges.bulkAdd(changes);
  });
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

describe('readRecord', () => {
  it('reads every touch and change, newest first, when no limit is given', async () => {
    const r = (await readRecord(db, 'p1')) as RecordRead;
    expect(r.complete).toBe(true);
    expect(r.touchCount).toBe(20);
    expect(r.timeline).toHaveLength(22);
    expect(r.timeline[0]!.key).toBe('t:t19');
    expect(r.timeline.at(-1)!.key).toBe('t:t0');
  });

  it('with a limit, the newest touches and what happened among them', async () => {
    const r = (await readRecord(db, 'p1', 5)) as RecordRead;
    expect(r.complete).toBe(false);
    expect(r.touchCount).toBeUndefined();
    expect(r.timeline.map((e) => e.key)).toEqual(['t:t19', 's:s-new', 't:t18', 't:t17', 't:t16', 't:t15']);
    // The stage history itself is whole (the stage section reads it).
    expect(r.stageChanges).toHaveLength(2);
  });

  it('a limit the record fits in reads it whole', async () => {
    const r = (await readRecord(db, 'p1', 20)) as RecordRead;
    expect(r.complete).toBe(true);
    expect(r.timeline).toHaveLength(22);
  });

  it('a missing prospect reads as null', async () => {
    expect(await readRecord(db, 'nobody', 5)).toEqual({ prospect: null });
  });
});
