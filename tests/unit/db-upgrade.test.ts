import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { declareSchema, openDb } from '@/lib/db/database';
import { SCHEMA_VERSIONS } from '@/lib/db/schema';

const NOW = Date.parse('2026-11-23T10:00:00Z');

describe('schema upgrades', () => {
  it('v2 -> v3: rows survive and engagement figures are counted from the touches already logged', async () => {
    const name = 'upgrade-v2-v3';
    const old = new Dexie(name);
    declareSchema(old, 2);
    await old.open();
    const prospect = { id: 'p1', name: 'Maria Gomez', emails: ['maria@acme.example'], source: { site: 'gmail', at: NOW }, stageId: 'approach', stageEnteredAt: NOW, qualification: { need: { state: 'confirmed' } }, tags: [], crmIds: {}, createdAt: NOW, updatedAt: NOW };
    await old.table('prospects').add(prospect);
    await old.table('touches').bulkAdd([
      { id: 't1', prospectId: 'p1', channel: 'email', direction: 'outbound', at: NOW - 5000, createdAt: NOW },
      { id: 't2', prospectId: 'p1', channel: 'email', direction: 'inbound', at: NOW - 1000, sourceKey: 'email|m2', createdAt: NOW },
      { id: 't3', prospectId: 'p1', channel: 'note', direction: 'internal', at: NOW, createdAt: NOW },
    ]);
    await old.table('tasks').add({ id: 'k1', prospectId: 'p1', kind: 'call', title: 'Call', due: NOW, done: 0, createdAt: NOW });
    await old.table('stageChanges').add({ id: 's1', prospectId: 'p1', from: null, to: 'approach', fromName: null, toName: 'Approach', at: NOW });
    old.close();

    const db = openDb(name);
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSIONS.at(-1)!.version);
    expect(await db.prospects.get('p1')).toEqual(prospect);
    expect(await db.touches.count()).toBe(3);
    expect(await db.stageChanges.count()).toBe(1);
    expect(await db.engagement.get('p1')).toEqual({ prospectId: 'p1', touches: 2, replies: 1, lastTouchAt: NOW - 1000 });
    expect(await db.tasks.where('[done+due]').equals([0, NOW]).count()).toBe(1);
    expect(await db.cadenceRuns.count()).toBe(0);
    db.close();
    await db.delete();
  });
});
