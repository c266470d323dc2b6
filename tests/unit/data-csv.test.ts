import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import Papa from 'papaparse';
import { openDb, type TouchlineDb } from '@/lib/db/database';
import { DEFAULT_SETTINGS } from '@/lib/settings/settings';
import { addProspect } from '@/lib/store/prospects';
import { write } from '@/lib/store/unit-of-work';
import { allScores, rescoreAll } from '@/lib/store/scores';
import { CsvFileError, escapeCell, exportCsv, guessMapping, importCsv, previewCsv, rejectsCsv, REJECTS_SHOWN, unescapeCell } from '@/lib/data/csv';
import { readCsvRows } from '@/lib/data/csv/rows';
import { writeBatch } from '@/lib/data/csv/write';
import type { ImportRecord } from '@/lib/data/csv/record';

let db: TouchlineDb;
beforeEach(async () => {
  db = openDb(`touchline-csv-${Math.random()}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

const settings = DEFAULT_SETTINGS;
const csv = (text: string) => new Blob([text], { type: 'text/csv' });
async function run(file: Blob, opts: Partial<Parameters<typeof importCsv>[2]> = {}) {
  const { mapping } = await previewCsv(file);
  return importCsv(db, file, { mapping, settings, ...opts });
}
async function allRows(file: Blob, chunkBytes?: number) {
  const out: Array<{ line: number; cells: string[] }> = [];
  for await (const b of readCsvRows(file, { chunkBytes })) out.push(...b.rows);
  return out;
}

const GOOD_AND_BAD = [
  'Full Name,E-mail,LinkedIn,Company,Stage,Favourite colour',
  'Ana Lima,ana@lima.example,,Lima Ltd,Qualification,blue',
  ',,,Nobody Inc,,green', // line 3: no name, no contact
  'Bo Chen,not-an-email,,Chen Co,,red', // line 4
  'Cy Diaz,cy@diaz.example,,Diaz SA,Negotiation,', // line 5: no such stage
  '"Dee ""DJ"" Jones",dee@jones.example,linkedin.com/in/Dee-Jones,"Jones, Inc.",,', // quoted quote and comma
  '=HYPERLINK("http://evil.example"),eve@evil.example,,"=1+2",,', // formulas stay text
].join('\r\n');

describe('CSV import', () => {
  it('guesses the mapping from header names and leaves unknown columns out', () => {
    expect(guessMapping(['Full Name', 'E-mail', 'LinkedIn', 'Company', 'Stage', 'Favourite colour', 'Work Email'])).toEqual([
      'name', 'email', 'linkedinUrl', 'company', 'stage', null, 'email',
    ]);
  });

  it('imports good rows, lists bad ones with line and reason; the same file again changes nothing', async () => {
    const first = await run(csv(GOOD_AND_BAD));
    expect(first).toMatchObject({ rows: 6, created: 3, updated: 0, unchanged: 0, rejected: 3 });
    expect(first.rejects.map((r) => [r.line, r.reason])).toEqual([
      [3, 'no name and no email or LinkedIn URL'],
      [4, 'invalid email "not-an-email"'],
      [5, expect.stringContaining('unknown stage "Negotiation"')],
    ]);
    const ana = await db.prospects.where('emails').equals('ana@lima.example').first();
    expect(ana).toMatchObject({ name: 'Ana Lima', company: 'Lima Ltd', stageId: 'qualification', source: { site: 'import' } });
    const dee = await db.prospects.where('emails').equals('dee@jones.example').first();
    expect(dee).toMatchObject({ name: 'Dee "DJ" Jones', company: 'Jones, Inc.', linkedinUrl: 'https://www.linkedin.com/in/dee-jones' });
    const eve = await db.prospects.where('emails').equals('eve@evil.example').first();
    expect([eve?.name, eve?.company]).toEqual(['=HYPERLINK("http://evil.example")', '=1+2']);

    const before = await db.prospects.toArray();
    const changesBefore = await db.stageChanges.count();
    const again = await run(csv(GOOD_AND_BAD));
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 3, rejected: 3 });
    expect(await db.prospects.toArray()).toEqual(before);
    expect(await db.stageChanges.count()).toBe(changesBefore);
  });

  it('updates a person already known by any email or the LinkedIn URL instead of duplicating them', async () => {
    const { prospect } = await addProspect(db, { name: 'Ana L.', emails: ['ana.work@lima.example'] }, DEFAULT_SETTINGS);
    const { prospect: dee } = await addProspect(db, { name: 'Dee', linkedinUrl: 'https://www.linkedin.com/in/dee-jones' }, DEFAULT_SETTINGS);
    const file = csv('Name,Email,Email 2,LinkedIn URL,Title\nAna Lima,ana@lima.example,ANA.WORK@lima.example,,CTO\nDee Jones,dee@jones.example,,https://www.linkedin.com/in/dee-jones/,VP\n');
    const r = await run(file);
    expect(r).toMatchObject({ created: 0, updated: 2 });
    expect(await db.prospects.count()).toBe(2);
    expect(await db.prospects.get(prospect.id)).toMatchObject({ name: 'Ana Lima', title: 'CTO', emails: ['ana.work@lima.example', 'ana@lima.example'] });
    expect(await db.prospects.get(dee.id)).toMatchObject({ emails: ['dee@jones.example'], title: 'VP' });
  });

  it('batches see the people earlier batches wrote: a later row with a second email updates, a bad row costs only itself', async () => {
    const { prospect: known } = await addProspect(db, { name: 'Known', emails: ['k2@x.example'] }, DEFAULT_SETTINGS);
    const file = csv(
      [
        'Name,Email,Email 2,Title',
        'Ana,ana@x.example,,A', // batch 1
        'Bad,not-an-email,,B',
        'Kay,k1@x.example,K2@x.example,C', // batch 2: the person here by her second email
        'Ana,ana2@x.example,ana@x.example,A', // Ana from batch 1, by her second email
        'Ok,ok@x.example,,E',
      ].join('\n'),
    );
    const r = await run(file, { batchRows: 2 });
    expect(r).toMatchObject({ rows: 5, created: 2, updated: 2, rejected: 1 });
    expect(r.rejects.map((x) => x.line)).toEqual([3]);
    expect(await db.prospects.count()).toBe(3);
    expect(await db.prospects.get(known.id)).toMatchObject({ name: 'Kay', title: 'C', emails: ['k2@x.example', 'k1@x.example'] });
    expect(await db.prospects.where('emails').equals('ana2@x.example').first()).toMatchObject({ name: 'Ana', emails: ['ana@x.example', 'ana2@x.example'] });
    const again = await run(file, { batchRows: 2 });
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 4, rejected: 1 });
  });

  it('a batch of new people is written without looking anyone up; one that meets someone here is undone and written as a lookup would', async () => {
    const NOW = Date.parse('2026-12-03T08:00:00Z');
    const { prospect: kay } = await addProspect(db, { name: 'Kay', emails: ['kay@x.example'] }, settings, NOW);
    const rec = (line: number, name: string, emails: string[], extra: Partial<ImportRecord> = {}): ImportRecord => ({ line, name, emails, tags: [], ...extra });
    const fresh = await writeBatch(db, [rec(2, 'New 1', ['new1@x.example']), rec(3, 'New 2', ['new2@x.example'])], settings, NOW, 'assume-new');
    expect(fresh).toMatchObject({ created: 2, updated: 0, looked: false });

    const mixed = await writeBatch(db, [rec(4, 'New 3', ['new3@x.example']), rec(5, 'Kay', ['kay@x.example'], { title: 'CEO' })], settings, NOW, 'assume-new');
    expect(mixed).toMatchObject({ created: 1, updated: 1, looked: true, found: 1 });
    expect(await db.prospects.get(kay.id)).toMatchObject({ title: 'CEO', emails: ['kay@x.example'] });
    // Nothing of the undone attempt is left: one New 3, one stage change per person, a score for each.
    expect(await db.prospects.where('emails').equals('new3@x.example').count()).toBe(1);
    expect(await db.prospects.count()).toBe(4);
    expect(await db.stageChanges.count()).toBe(4);
    expect(new Set((await db.scoreboard.get('ids'))?.ids)).toEqual(new Set(await db.prospects.toCollection().primaryKeys()));

    // Merged in the batch with someone here: rejected naming both, as a lookup does.
    const clash = await writeBatch(db, [rec(6, 'A', ['a@x.example']), rec(7, 'AK', ['a@x.example', 'kay@x.example'])], settings, NOW, 'assume-new');
    expect(clash).toMatchObject({ created: 1, looked: true });
    expect(clash.rejects.map((r) => [r.line, r.reason])).toEqual([[7, 'matches two different people already known (A and Kay)']]);
  });

  it('people an import creates get the scores a full rescoring gives, without their engagement being read', async () => {
    const NOW = Date.parse('2026-12-03T08:00:00Z');
    const lines = ['Name,Email,Title', ...Array.from({ length: 30 }, (_, i) => `P${i},p${i}@x.example,${i % 2 ? 'CEO' : 'Intern'}`)];
    const read = vi.spyOn(db.engagement, 'bulkGet');
    await run(csv(lines.join('\n')), { batchRows: 7, now: () => NOW });
    expect(read.mock.calls.flatMap(([ids]) => ids)).toEqual([]);
    read.mockRestore();
    const imported = await allScores(db);
    expect(imported.size).toBe(30);
    await rescoreAll(db, settings, NOW);
    expect(await allScores(db)).toEqual(imported);
  });

  it('rejects a row that matches two different people rather than merging them by accident', async () => {
    await addProspect(db, { name: 'A', emails: ['a@x.example'] }, DEFAULT_SETTINGS);
    await addProspect(db, { name: 'B', emails: ['b@x.example'] }, DEFAULT_SETTINGS);
    const r = await run(csv('Name,Email,Email\nAB,a@x.example,b@x.example\n'));
    expect(r.rejects.map((x) => [x.line, x.reason])).toEqual([[2, 'matches two different people already known (A and B)']]);
    expect(r.rejects[0]!.cells).toEqual(['AB', 'a@x.example', 'b@x.example']);
  });

  it('reads semicolons, a BOM, quoted newlines, CR line ends and counts lines across them', async () => {
    const file = csv('\ufeffName;Email;Notes\r\nAna;ana@lima.example;"two\r\nlines"\r\nbad;nope;x\r\n');
    const r = await run(file);
    expect(r).toMatchObject({ created: 1, rejected: 1 });
    expect(r.rejects[0]!.line).toBe(4);
    expect((await db.prospects.toArray())[0]!.notes).toBe('two\r\nlines');
    expect(r.header).toEqual(['Name', 'Email', 'Notes']);
  });

  it('keeps a character split between two read slices and a quoted cell split across them', async () => {
    const text = 'Name,Email,Notes\n"Zoë Ångström",zoe@x.example,"a\nb"\nÉmile,emile@x.example,ok\n';
    const bytes = new TextEncoder().encode(text);
    for (const size of [3, 7, 16]) {
      const rows = await allRows(new Blob([bytes]), size);
      expect(rows).toEqual([
        { line: 1, cells: ['Name', 'Email', 'Notes'] },
        { line: 2, cells: ['Zoë Ångström', 'zoe@x.example', 'a\nb'] },
        { line: 4, cells: ['Émile', 'emile@x.example', 'ok'] },
      ]);
    }
  });

  it('says so when the file is not UTF-8, and reads it in the chosen encoding', async () => {
    const latin1 = new Uint8Array([...new TextEncoder().encode('Name,Email\nJos'), 0xe9, ...new TextEncoder().encode(',jose@x.example\n')]);
    await expect(run(new Blob([latin1]))).rejects.toThrow(/not UTF-8 text.*Windows-1252/);
    const { mapping } = await previewCsv(new Blob([latin1]), { encoding: 'windows-1252' });
    const r = await importCsv(db, new Blob([latin1]), { mapping, settings, encoding: 'windows-1252' });
    expect(r.created).toBe(1);
    expect((await db.prospects.toArray())[0]!.name).toBe('José');
  });

  it('reads UTF-16 files by their BOM and refuses binary files and empty ones with a message', async () => {
    const text = 'Name,Email\nAna,ana@x.example\n';
    const utf16 = new Uint8Array(2 + text.length * 2);
    utf16.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) utf16[2 + i * 2] = text.charCodeAt(i);
    expect((await run(new Blob([utf16]))).created).toBe(1);
    await expect(run(new Blob([new Uint8Array([0x50, 0x4b, 3, 4, 0, 0, 1])]))).rejects.toBeInstanceOf(CsvFileError);
    await expect(run(csv(''))).rejects.toThrow('The file is empty.');
  });

  it('needs a column that identifies people', async () => {
    const file = csv('Name,Colour\nAna,blue\n');
    await expect(run(file)).rejects.toThrow(/Map at least one column to Email or LinkedIn URL/);
  });

  it('reports progress and stops at a cancel, keeping the batches already written', async () => {
    const lines = ['Name,Email', ...Array.from({ length: 50 }, (_, i) => `P${i},p${i}@x.example`)];
    const ctl = new AbortController();
    const seen: number[] = [];
    const file = csv(lines.join('\n'));
    const { mapping } = await previewCsv(file);
    const r = await importCsv(db, file, {
      mapping, settings, batchRows: 10, signal: ctl.signal,
      onProgress: (p) => seen.push(p.rows),
    });
    expect(r.created).toBe(50);
    expect(seen.at(-1)).toBe(50);
    const ctl2 = new AbortController();
    ctl2.abort();
    const cancelled = await importCsv(db, csv(lines.join('\n').replaceAll('@x', '@y')), { mapping, settings, batchRows: 10, signal: ctl2.signal });
    expect(cancelled.cancelled).toBe(true);
    expect(await db.prospects.count()).toBe(50);
  });

  it('the rejects download holds line, reason and the original row, escaped', async () => {
    const r = await run(csv(GOOD_AND_BAD));
    const parsed = Papa.parse<string[]>(rejectsCsv(r.header, r.rejects)).data;
    expect(parsed[0]).toEqual(['line', 'reason', 'Full Name', 'E-mail', 'LinkedIn', 'Company', 'Stage', 'Favourite colour']);
    expect(parsed[2]).toEqual(['4', 'invalid email "not-an-email"', 'Bo Chen', 'not-an-email', '', 'Chen Co', '', 'red']);
  });
});

describe('CSV import of large files', () => {
  /**
   * A 2 GiB CSV that exists only as the slices asked of it (fixed 64-byte lines, so any byte range can be
   * made on demand): proves the import reads slices, not the file.
   */
  function hugeFile() {
    const LINE = 64;
    const lineAt = (k: number) => `${(k === 0 ? 'Name,Email,Pad' : `P${k},p${k}@big.example,`).padEnd(LINE - 1, '.')}\n`;
    const asked: number[] = [];
    const bytesFor = (from: number, to: number) => {
      let text = '';
      for (let k = Math.floor(from / LINE); k * LINE < to; k++) text += lineAt(k);
      const start = from % LINE;
      return new TextEncoder().encode(text.slice(start, start + (to - from)));
    };
    const file = {
      size: 2 ** 31,
      type: 'text/csv',
      slice(from = 0, to = 2 ** 31) {
        to = Math.min(to, 2 ** 31);
        asked.push(to - from);
        return new Blob([bytesFor(from, to)]);
      },
    };
    return { file: file as unknown as Blob, asked };
  }

  it('reads a 2 GB file a slice at a time and can be cancelled part-way, keeping what was written', async () => {
    const { file, asked } = hugeFile();
    const { mapping, header } = await previewCsv(file);
    expect(header.slice(0, 2)).toEqual(['Name', 'Email']);
    const ctl = new AbortController();
    const seen: Array<{ rows: number; bytes: number; total: number }> = [];
    const r = await importCsv(db, file, {
      mapping, settings, batchRows: 500, signal: ctl.signal, chunkBytes: 64 * 1024,
      onProgress: (p) => {
        seen.push(p);
        if (p.rows >= 2000) ctl.abort();
      },
    });
    expect(r.cancelled).toBe(true);
    expect(r.created).toBe(2000);
    expect(await db.prospects.count()).toBe(2000);
    expect(seen.map((p) => p.rows)).toEqual([500, 1000, 1500, 2000]);
    expect(seen.every((p) => p.total === 2 ** 31 && p.bytes > 0 && p.bytes < 2 ** 20)).toBe(true);
    // Never more than one slice at a time, and only the first few slices of the 2 GiB were read.
    expect(Math.max(...asked.filter((n) => n > 4))).toBeLessThanOrEqual(64 * 1024);
    expect(asked.reduce((a, b) => a + b, 0)).toBeLessThan(1 << 20);
  });

  it('keeps the first rejects for the page and every one in the download, in line order', async () => {
    const lines = ['Name,Email'];
    for (let i = 0; i < 1200; i++) lines.push(i % 3 ? `Bad ${i},not-an-email-${i}` : `Good ${i},good${i}@x.example`);
    const r = await run(csv(lines.join('\n')), { batchRows: 100 });
    expect(r.created).toBe(400);
    expect(r.rejected).toBe(800);
    expect(r.rejects).toHaveLength(REJECTS_SHOWN);
    expect(r.rejects[0]).toEqual({ line: 3, reason: 'invalid email "not-an-email-1"', cells: ['Bad 1', 'not-an-email-1'] });
    const all = Papa.parse<string[]>(await r.rejectsFile!.text()).data;
    expect(all[0]).toEqual(['line', 'reason', 'Name', 'Email']);
    expect(all.slice(1).map((row) => Number(row[0]))).toEqual(lines.flatMap((_, n) => (n > 0 && (n - 1) % 3 ? [n + 1] : [])));
    expect(await r.rejectsFile!.text()).toBe(rejectsCsv(r.header, all.slice(1).map((row) => ({ line: Number(row[0]), reason: row[1]!, cells: row.slice(2) }))));
    expect((await run(csv('Name,Email\nA,a@x.example\n'))).rejectsFile).toBeUndefined();
  });

  it('a badly encoded line deep in the file stops the import and says how much was already written', async () => {
    const good = Array.from({ length: 300 }, (_, i) => `Person ${i},p${i}@x.example`).join('\n');
    const bytes = new Uint8Array([...new TextEncoder().encode(`Name,Email\n${good}\nJos`), 0xe9, ...new TextEncoder().encode(',jose@x.example\n')]);
    const { mapping } = await previewCsv(new Blob([bytes.slice(0, 100)]));
    const error = await importCsv(db, new Blob([bytes]), { mapping, settings, batchRows: 100, chunkBytes: 1024 }).catch((e: Error) => e);
    const m = /^The file is not UTF-8 text \(the first bad character is on line (\d+) or later\)\..* The (\d+) rows before it were imported; importing the file again once fixed will not duplicate them\.$/.exec(String((error as Error).message));
    expect(m).not.toBeNull();
    // Every row on the lines before the one named is written (line 1 is the header), nothing after it.
    expect(Number(m![2])).toBe(Number(m![1]) - 2);
    expect(await db.prospects.count()).toBe(Number(m![2]));
    expect(Number(m![2])).toBeGreaterThan(200);
  });
});

describe('CSV export', () => {
  it('escapes cells a spreadsheet would run, and unescapes exactly those', () => {
    for (const v of ['=1+2', '+49 30 1234', '-x', '@SUM(A1)', "'=quoted", "'plain", 'plain', '-12.5']) {
      expect(unescapeCell(escapeCell(v))).toBe(v);
    }
    expect(escapeCell('=1+2')).toBe("'=1+2");
    expect(escapeCell('-12.5')).toBe('-12.5');
    expect(escapeCell('@SUM(A1)')).toBe("'@SUM(A1)");
  });

  it('exports a view that imports back unchanged, here and into an empty profile', async () => {
    await run(csv(GOOD_AND_BAD));
    const { prospect } = await addProspect(db, { name: 'Fay', emails: ['fay@x.example'], phone: '+1 555 0100' }, DEFAULT_SETTINGS);
    await write(db, () => db.prospects.update(prospect.id, { tags: ['vip', 'q3'], notes: 'line one\nline "two"', stageId: 'closing' }), { settings });
    const people = await db.prospects.toArray();
    const blob = await exportCsv([people.slice(0, 2), people.slice(2)], settings.stages);
    const text = await blob.text();
    expect(text).toContain("'=HYPERLINK");
    expect(text).toContain("'+1 555 0100");

    const again = await run(blob);
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: people.length, rejected: 0 });

    const other = openDb(`touchline-csv-other-${Math.random()}`);
    try {
      const { mapping } = await previewCsv(blob);
      await importCsv(other, blob, { mapping, settings });
      const shape = (ps: typeof people) =>
        ps.map(({ id, createdAt, updatedAt, stageEnteredAt, source, ...rest }) => rest).sort((a, b) => a.name.localeCompare(b.name));
      expect(shape(await other.prospects.toArray())).toEqual(shape(people));
    } finally {
      other.close();
      await Dexie.delete(other.name);
    }
  });
});
