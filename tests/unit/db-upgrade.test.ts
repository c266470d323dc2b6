import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { declareSchema, openDb } from '@/lib/db/database';
import { SCHEMA_VERSIONS } from '@/lib/db/schema';

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
});
