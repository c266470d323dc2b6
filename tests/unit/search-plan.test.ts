import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb, type TouchlineDb } from '@/lib/db/database';
import type { Prospect } from '@/lib/model';
import { answerFromSamples, uniqueRows } from '@/lib/search/plan';
import { searchProspects } from '@/lib/search/search';
import { writeWithoutSideEffects } from '@/lib/store/unit-of-work';

const row = (id: string, name: string, tokens: string[] = []): Prospect =>
  ({ id, name, emails: [], source: { site: 'manual', at: 1 }, stageId: 'prospecting', stageEnteredAt: 1, qualification: {}, tags: [], crmIds: {}, createdAt: 1, updatedAt: 1, searchTokens: tokens }) as Prospect;

describe('answerFromSamples', () => {
  const a = row('a', 'A', ['person', '47']);
  const b = row('b', 'B', ['person', '12']);
  const c = row('c', 'C', ['person', '470']);

  it('a word read whole bounds the answer: its rows checked against every word', () => {
    const answer = answerFromSamples([
      { term: 'person', rows: [b], complete: false },
      { term: '47', rows: [a, c], complete: true },
    ]);
    expect(answer).toEqual({ hits: [a, c], exhaustive: true, walk: '47' });
  });

  it('when every read hit its cap, the samples\' matches, and the word that matched best to walk', () => {
    const answer = answerFromSamples([
      { term: 'person', rows: [b, a], complete: false },
      { term: '47', rows: [a, c], complete: false },
    ]);
    expect(answer.exhaustive).toBe(false);
    expect(answer.hits.map((p) => p.id).sort()).toEqual(['a', 'c']);
    expect(answer.walk).toBe('47');
  });

  it('names each person once, in first-seen order', () => {
    expect(uniqueRows([b, a, b, c, a]).map((p) => p.id)).toEqual(['b', 'a', 'c']);
  });
});

describe('search past the sample size', () => {
  let db: TouchlineDb;
  const person = (id: string, name: string, company: string) => ({ ...row(id, name), company, searchTokens: undefined });
  // Samples of 5 rows a word, so 40 people cross them.
  const names = async (q: string) => (await searchProspects(db, q, 8, 5)).map((p) => p.name);

  beforeEach(async () => {
    db = openDb(`touchline-search-plan-${Math.random()}`);
    await db.open();
    const rows = Array.from({ length: 40 }, (_, i) => person(`p${i}`, `Person ${i}`, i % 2 ? 'Acme' : 'Globex'));
    // Two common words that meet in one person only, last in every index order.
    for (let i = 0; i < 12; i++) rows.push(person(`q${i}`, `Alpha ${i}`, 'Initech'), person(`r${i}`, `Gamma ${i}`, 'Initech'));
    rows.push(person('z9', 'Alpha Gamma', 'Initech'));
    // The creating hook fills searchTokens.
    await writeWithoutSideEffects(db, () => db.prospects.bulkAdd(rows as Prospect[]));
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

  it('a single common word fills the list, walking past a sample smaller than it', async () => {
    expect(await names('person')).toHaveLength(8);
    expect(await names('nobody here')).toEqual([]);
  });
});
