import Dexie from 'dexie';
import Papa from 'papaparse';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb, type TouchlineDb } from '@/lib/db/database';
import { exportCsv } from '@/lib/data/csv';
import { csvField } from '@/lib/data/csv/export';
import { exportView } from '@/lib/data/export-view';
import type { Prospect } from '@/lib/model';
import { DEFAULT_SETTINGS } from '@/lib/settings/settings';
import { writeWithoutSideEffects } from '@/lib/store/unit-of-work';

const stages = DEFAULT_SETTINGS.stages;
const person = (i: number): Prospect =>
  ({
    id: `id-${String(i).padStart(3, '0')}`, name: i % 3 ? `Person ${i}` : ` "Quoted, ${i}" `, emails: [`p${i}@x.example`], source: { site: 'manual', at: 0 },
    stageId: stages[i % stages.length]!.id, stageEnteredAt: 0, qualification: {}, tags: i % 2 ? ['a', 'b'] : [], crmIds: {}, createdAt: i, updatedAt: i,
    notes: i % 5 ? undefined : `=cmd|' /C calc'!A0\nline two`,
  }) as Prospect;
const people = Array.from({ length: 40 }, (_, i) => person(i));

let db: TouchlineDb;
beforeEach(async () => {
  db = openDb(`touchline-export-${Math.random()}`);
  await db.open();
  await writeWithoutSideEffects(db, () => db.prospects.bulkAdd(people));
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

describe('exporting a view', () => {
  it('quotes fields exactly as papaparse does', () => {
    const values = ['plain', 'a,b', 'say "hi"', ' lead', 'trail ', 'two\nlines', 'cr\r', '\ufeffbom', "'=1+2", '', 'x;y\t'];
    expect(values.map((v) => [v, csvField(v)])).toEqual(values.map((v) => [v, Papa.unparse([[v, 'next']]).slice(0, -',next'.length)]));
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
  });

  it('writes every prospect, the same file as exporting the rows', async () => {
    const text = await (await exportView(db, undefined, stages, 7)).text();
    expect(text).toBe(await (await exportCsv([people], stages)).text());
    expect(text.split('\r\n')).toHaveLength(people.length + 2);
  });

  it('reads by pages in key order, rows without a stage too', async () => {
    const odd = [{ ...person(900), id: 'aaa-first' }, { ...person(901), id: 'id-020x' }, { ...person(902), id: 'zzz-last' }].map(({ stageId: _, ...p }) => p as Prospect);
    await writeWithoutSideEffects(db, () => db.prospects.bulkAdd(odd));
    const all = [...people, ...odd].sort((a, b) => (a.id < b.id ? -1 : 1));
    const text = await (await exportView(db, undefined, stages, 7)).text();
    expect(text).toBe(await (await exportCsv([all], stages)).text());
  });

  // Most of the table is read by pages in key order and put back in the view's order; a few ids are fetched one by one.
  for (const [what, count, promised] of [['most of the table', 30, false], ['a few rows', 5, false], ['most of the table, ids promised', 30, true], ['a few rows, ids promised', 5, true]] as const) {
    it(`keeps the view's order and only its prospects (${what})`, async () => {
      const ids = people.map((p) => p.id).reverse().filter((_, i) => i % 4 !== 1).slice(0, count);
      const view = [...ids, 'missing'];
      const text = await (await exportView(db, promised ? Promise.resolve(view) : view, stages, 7)).text();
      const byId = new Map(people.map((p) => [p.id, p]));
      expect(text).toBe(await (await exportCsv([ids.map((id) => byId.get(id)!)], stages)).text());
    });
  }
});
