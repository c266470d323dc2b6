import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb, type TouchlineDb } from '@/lib/db/database';
import type { Prospect } from '@/lib/model';
import { planCandidates, uniqueIds } from '@/lib/search/plan';
import { searchProspects } from '@/lib/search/search';
import { writeWithoutSideEffects } from '@/lib/store/unit-of-work';

describe('planCandidates', () => {
  it('reads the smallest complete word, narrowed by the other complete ones, and checks the capped ones on rows', () => {
    const plan = planCandidates([
      { term: 'person', ids: ['p1', 'p2', 'p3'], complete: false },
      { term: '47', ids: ['p47', 'p470', 'p9'], complete: true },
      { term: 'acme', ids: ['p9', 'p470', 'p1'], complete: true },
    ]);
    expect(plan).toEqual({ ids: ['p470', 'p9'], check: ['person'], exhaustive: true });
  });

  it('starts from the longest word as a sample when every word hit its cap', () => {
    expect(planCandidates([
      { term: 'a', ids: ['p1', 'p2'], complete: false },
      { term: 'acme', ids: ['p3', 'p4'], complete: false },
    ])).toEqual({ ids: ['p3', 'p4'], check: ['a', 'acme'], exhaustive: false });
  });

  it('a complete word with nobody means nobody', () => {
    expect(planCandidates([{ term: 'zz', ids: [], complete: true }, { term: 'a', ids: ['p1'], complete: false }]).ids).toEqual([]);
  });

  it('names each person once, in first-seen order', () => {
    expect(uniqueIds(['p2', 'p1', 'p2', 'p3', 'p1'])).toEqual(['p2', 'p1', 'p3']);
  });
});

describe('search past the caps', () => {
  let db: TouchlineDb;
  const row = (id: string, name: string, company: string): Prospect =>
    ({ id, name, emails: [], company, source: { site: 'manual', at: 1 }, stageId: 'prospecting', stageEnteredAt: 1, qualification: {}, tags: [], crmIds: {}, createdAt: 1, updatedAt: 1 }) as Prospect;
  // Caps small enough that 40 people cross them: 5 keys a word, rows 3 at a time.
  const caps = { keyCap: 5, rowBatch: 3 };
  const names = async (q: string) => (await searchProspects(db, q, 8, caps)).map((p) => p.name);

  beforeEach(async () => {
    db = openDb(`touchline-search-plan-${Math.random()}`);
    await db.open();
    const rows = Array.from({ length: 40 }, (_, i) => row(`p${i}`, `Person ${i}`, i % 2 ? 'Acme' : 'Globex'));
    // Two common words that meet in one person only, last in every index order.
    for (let i = 0; i < 12; i++) rows.push(row(`q${i}`, `Alpha ${i}`, 'Initech'), row(`r${i}`, `Gamma ${i}`, 'Initech'));
    rows.push(row('z9', 'Alpha Gamma', 'Initech'));
    await writeWithoutSideEffects(db, () => db.prospects.bulkAdd(rows));
  });
  afterEach(async () => {
    db.close();
    await Dexie.delete(db.name);
  });

  it('a common word beside a rare one finds every match, whole name first', async () => {
    expect(await names('person 17')).toEqual(['Person 17']);
    expect(await names('person 1')).toEqual(['Person 1', 'Person 10', 'Person 11', 'Person 12', 'Person 13', 'Person 14', 'Person 15', 'Person 16']);
    expect(await names('acme 3')).toEqual(['Person 3', 'Person 31', 'Person 33', 'Person 35', 'Person 37', 'Person 39']);
  });

  it('two common words that rarely meet still find the person who has both', async () => {
    expect(await names('alpha gamma')).toEqual(['Alpha Gamma']);
    expect(await names('gamma initech')).toContain('Alpha Gamma');
  });

  it('a single common word answers from the first rows', async () => {
    expect(await names('person')).toHaveLength(8);
    expect(await names('nobody here')).toEqual([]);
  });
});
