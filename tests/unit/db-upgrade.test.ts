import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { declareSchema, openDb } from '@/lib/db/database';
import { SCHEMA_VERSIONS } from '@/lib/db/schema';
import { searchTokens } from '@/lib/search/tokens';

const names: string[] = [];
const uniqueName = () => {
  const name = `touchline-upgrade-${names.length}-${Math.random()}`;
  names.push(name);
  return name;
};

afterEach(async () => {
  await Promise.all(names.splice(0).map((n) => Dexie.delete(n)));
});

const v1Prospect = (id: string, email: string, company?: string) => ({
  id,
  name: `Person ${id}`,
  emails: [email],
  source: { site: 'gmail', at: 1 },
  stageId: 'prospecting',
  stageEnteredAt: 1,
  qualification: {},
  tags: [],
  crmIds: {},
  company,
  createdAt: 1,
  updatedAt: 1,
});

describe('schema upgrades', () => {
  it('lists versions in increasing order', () => {
    const versions = SCHEMA_VERSIONS.map((v) => v.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(versions.length);
  });

  it('keeps every row of a version-1 database when opened at the newest version', async () => {
    const name = uniqueName();
    const old = new Dexie(name);
    declareSchema(old, 1);
    await old.open();
    await old.table('prospects').bulkAdd([
      v1Prospect('a', 'maria.gomez@acme-robotics.example', 'Acme Robotics'),
      v1Prospect('b', 'li.wei@acme-robotics.example', 'Acme Robotics'),
      v1Prospect('c', 'tom.becker@initech.example'),
    ]);
    await old.table('touches').add({ id: 't1', prospectId: 'a', channel: 'email', direction: 'inbound', at: 5, sourceKey: 'email|m1', createdAt: 5 });
    await old.table('stageChanges').add({ id: 's1', prospectId: 'a', from: null, to: 'prospecting', fromName: null, toName: 'Prospecting', at: 1 });
    old.close();

    const db = openDb(name);
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSIONS.at(-1)!.version);
    const prospects = await db.prospects.orderBy('id').toArray();
    expect(prospects.map((p) => p.emails[0])).toEqual([
      'maria.gomez@acme-robotics.example',
      'li.wei@acme-robotics.example',
      'tom.becker@initech.example',
    ]);
    expect(await db.touches.get('t1')).toMatchObject({ prospectId: 'a', sourceKey: 'email|m1' });
    expect(await db.stageChanges.count()).toBe(1);

    // v2 backfills one company per domain and links the prospects to it.
    const companies = await db.companies.toArray();
    expect(companies).toHaveLength(1);
    expect(companies[0]).toMatchObject({ name: 'Acme Robotics', domain: 'acme-robotics.example' });
    expect(prospects[0]!.companyId).toBe(companies[0]!.id);
    expect(prospects[1]!.companyId).toBe(companies[0]!.id);
    expect(prospects[2]!.companyId).toBeUndefined();
    // The indexes of the newest version answer queries on upgraded rows.
    expect(await db.prospects.where('emails').equals('li.wei@acme-robotics.example').count()).toBe(1);
    db.close();
  });

  it('v2 -> v3: rows survive and engagement figures are counted from the touches already logged', async () => {
    const NOW = Date.parse('2026-11-23T10:00:00Z');
    const name = uniqueName();
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
    // v9 adds the search tokens (lib/search/tokens.ts); every other field is as stored.
    expect(await db.prospects.get('p1')).toEqual({ ...prospect, searchTokens: searchTokens(prospect) });
    expect(await db.touches.count()).toBe(3);
    expect(await db.stageChanges.count()).toBe(1);
    expect(await db.engagement.get('p1')).toEqual({ prospectId: 'p1', touches: 2, replies: 1, lastTouchAt: NOW - 1000 });
    expect(await db.tasks.where('[done+due]').equals([0, NOW]).count()).toBe(1);
    expect(await db.cadenceRuns.count()).toBe(0);
    db.close();
  });
  it('v13 -> v14: touches and stage changes survive the indexes nothing read, and the kept ones answer', async () => {
    const name = uniqueName();
    const old = new Dexie(name);
    declareSchema(old, 13);
    await old.open();
    await old.table('touches').bulkAdd([
      { id: 't1', prospectId: 'p1', channel: 'email', direction: 'outbound', at: 5, createdAt: 5 },
      { id: 't2', prospectId: 'p1', channel: 'call', direction: 'outbound', at: 9, sourceKey: 'call|c1', createdAt: 9 },
    ]);
    await old.table('stageChanges').add({ id: 's1', prospectId: 'p1', from: null, to: 'approach', fromName: null, toName: 'Approach', at: 5 });
    old.close();

    const db = openDb(name);
    await db.open();
    expect(db.touches.schema.indexes.map((i) => i.name).sort()).toEqual(['[prospectId+at]', 'prospectId', 'sourceKey']);
    expect(db.stageChanges.schema.indexes.map((i) => i.name)).toEqual(['prospectId']);
    expect(await db.touches.where('[prospectId+at]').between(['p1', 0], ['p1', 10]).primaryKeys()).toEqual(['t1', 't2']);
    expect(await db.touches.where('sourceKey').equals('call|c1').primaryKeys()).toEqual(['t2']);
    expect(await db.stageChanges.where('prospectId').equals('p1').toArray()).toEqual([
      { id: 's1', prospectId: 'p1', from: null, to: 'approach', fromName: null, toName: 'Approach', at: 5 },
    ]);
    db.close();
  });
});
