import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { declareSchema, openDb, type TouchlineDb } from '@/lib/db/database';
import { DEFAULT_SETTINGS } from '@/lib/settings/settings';
import { addProspect, updateProspect } from '@/lib/store/prospects';
import { write, writeWithoutSideEffects } from '@/lib/store/unit-of-work';
import { searchProspects } from '@/lib/search/search';
import { fold } from '@/lib/search/fold';
import { queryTerms, searchTokens } from '@/lib/search/tokens';

let db: TouchlineDb;
beforeEach(async () => {
  db = openDb(`touchline-search-${Math.random()}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

const names = async (q: string) => (await searchProspects(db, q)).map((p) => p.name);

describe('folding and tokens', () => {
  it('drops accents and case, and spells letters NFKD keeps whole', () => {
    expect(fold('Zoë ÅSTRÖM')).toBe('zoe astrom');
    expect(fold('Søren Łukasz Straße')).toBe('soren lukasz strasse');
  });

  it('indexes name words, every email, company, LinkedIn URL and tags', () => {
    const tokens = searchTokens({
      name: 'Zoë Martin-Dupré',
      emails: ['zoe.martin@acme.io', 'zm@perso.example'],
      company: 'Acme Robotics',
      linkedinUrl: 'https://www.linkedin.com/in/zoe-martin-dupre',
      tags: ['Hot lead'],
    });
    for (const t of ['zoe', 'martin-dupre', 'martin', 'dupre', 'zoe martin-dupre', 'zoe.martin@acme.io', 'acme.io', 'zm@perso.example', 'acme', 'robotics', 'acme robotics', 'linkedin.com/in/zoe-martin-dupre', 'hot lead', 'hot', 'lead'])
      expect(tokens).toContain(t);
    expect(new Set(tokens).size).toBe(tokens.length);
  });

  it('turns a pasted LinkedIn URL into the bare form the index keeps', () => {
    expect(queryTerms('https://www.linkedin.com/in/zoe-martin/?trk=x')).toEqual(['linkedin.com/in/zoe-martin']);
    expect(queryTerms('  Zoë  MAR ')).toEqual(['zoe', 'mar']);
    expect(queryTerms('   ')).toEqual([]);
  });
});

describe('search', () => {
  beforeEach(async () => {
    await addProspect(db, { name: 'Zoë Martin', emails: ['zoe@acme-robotics.example'], company: 'Acme Robotics' }, DEFAULT_SETTINGS);
    await addProspect(db, { name: 'Zoltan Kiss', linkedinUrl: 'https://www.linkedin.com/in/zoltan-kiss' }, DEFAULT_SETTINGS);
    await addProspect(db, { name: 'Maria Gomez', emails: ['maria@initech.example', 'mg@home.example'], company: 'Initech' }, DEFAULT_SETTINGS);
  });

  it('finds by part of an accented name, in any case, as typed', async () => {
    expect(await names('zo')).toEqual(['Zoë Martin', 'Zoltan Kiss']);
    expect(await names('zoe')).toEqual(['Zoë Martin']);
    expect(await names('ZOË MAR')).toEqual(['Zoë Martin']);
    expect(await names('mar zo')).toEqual(['Zoë Martin']);
    expect(await names('nobody')).toEqual([]);
    expect(await names('')).toEqual([]);
  });

  it('finds by any email, company, LinkedIn URL and tag', async () => {
    expect(await names('mg@home')).toEqual(['Maria Gomez']);
    expect(await names('initech.example')).toEqual(['Maria Gomez']);
    expect(await names('acme rob')).toEqual(['Zoë Martin']);
    expect(await names('https://www.linkedin.com/in/zoltan-kiss/')).toEqual(['Zoltan Kiss']);
    expect(await names('linkedin.com/in/zol')).toEqual(['Zoltan Kiss']);
    const maria = (await searchProspects(db, 'maria'))[0]!;
    await updateProspect(db, maria.id, { tags: ['Conférence 2026'] });
    expect(await names('conference')).toEqual(['Maria Gomez']);
  });

  it('follows every kind of write: update, put of a row built without tokens, modify, seeding', async () => {
    const zoe = (await searchProspects(db, 'zoe'))[0]!;
    await updateProspect(db, zoe.id, { name: 'Zoé Bernard', company: 'Globex' });
    expect(await names('martin')).toEqual([]);
    expect(await names('bernard glob')).toEqual(['Zoé Bernard']);

    const { searchTokens: _dropped, ...bare } = (await db.prospects.get(zoe.id))!;
    await write(db, () => db.prospects.put({ ...bare, name: 'Zoé Lefèvre' }), { settings: DEFAULT_SETTINGS });
    expect(await names('lefevre')).toEqual(['Zoé Lefèvre']);

    await write(db, () => db.prospects.where('id').equals(zoe.id).modify({ company: 'Umbrella' }), { settings: DEFAULT_SETTINGS });
    expect(await names('umbrella')).toEqual(['Zoé Lefèvre']);

    await writeWithoutSideEffects(db, () => db.prospects.add({ ...bare, id: 'seeded', name: 'Åsa Öberg', emails: ['asa@seed.example'], linkedinUrl: undefined }));
    expect(await names('asa ob')).toEqual(['Åsa Öberg']);
  });

  it('a token change alone does not queue the person for the CRM', async () => {
    await db.syncMeta.put({ key: 'target', connectionId: 'c1' } as never);
    const zoe = (await searchProspects(db, 'zoe'))[0]!;
    const before = await db.outbox.count();
    // A row put back without its tokens (built field by field) gets them again, and only updatedAt changed.
    const { searchTokens: _t, ...bare } = (await db.prospects.get(zoe.id))!;
    await write(db, () => db.prospects.put({ ...bare, updatedAt: 5 }), { settings: DEFAULT_SETTINGS });
    expect(await db.outbox.count()).toBe(before);
    expect(await names('zoe')).toEqual(['Zoë Martin']);
  });
});

describe('schema v9', () => {
  it('fills the tokens of prospects stored before it', async () => {
    const name = `touchline-search-upgrade-${Math.random()}`;
    const old = new Dexie(name);
    declareSchema(old, 7);
    await old.open();
    await old.table('prospects').add({
      id: 'p1', name: 'Chloé Dubois', emails: ['chloe@acme.example'], source: { site: 'gmail', at: 1 }, stageId: 'prospecting',
      stageEnteredAt: 1, qualification: {}, tags: ['vip'], crmIds: {}, createdAt: 1, updatedAt: 1,
    });
    old.close();
    const upgraded = openDb(name);
    await upgraded.open();
    expect((await searchProspects(upgraded, 'chloe'))?.map((p) => p.id)).toEqual(['p1']);
    expect((await searchProspects(upgraded, 'vip'))?.map((p) => p.id)).toEqual(['p1']);
    upgraded.close();
    await Dexie.delete(name);
  });
});
