import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { launchWithExtension } from '../support/launch';
import { expect, test } from './fixtures';

// A CRM export with the usual mess: a BOM, semicolons, a quoted newline, a formula, and three bad rows.
const LEADS = [
  '\ufeffFull name;E-mail;Company;Stage;Notes;Owner',
  'Ana Lima;ana@lima.example;Lima Ltd;Qualification;"Met at\nthe fair";me',
  'Bo Chen;bo@chen.example;Chen Co;Qualification;;me',
  'Cy Diaz;cy@diaz.example;Diaz SA;Closed won;;me',
  'Dee Jones;dee@jones.example;"=HYPERLINK(""http://evil.example"")";Closed lost;;me',
  ';;Nobody Inc;;;', // line 7: no name, no contact
  'Eve;not-an-email;;;;', // line 8
  'Fay;fay@x.example;;Negotiation;;', // line 9: no such stage
].join('\r\n');

async function importFile(page: Page, name: string, text: string) {
  await page.getByLabel('CSV file to import').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });
  await expect(page.getByRole('combobox', { name: 'Map column Full name to' })).toHaveValue('name');
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const status = page.getByRole('status').filter({ hasText: /Import finished/ });
  await expect(status).toBeVisible();
  return status;
}

/**
 * Every table of the extension's database, read straight from IndexedDB, sorted by key. It waits until the
 * extension has created the database: an open without a version before that would create an empty one and
 * read no tables (the home page opens it shortly after load, the background on its first request).
 */
async function dumpTables(page: Page) {
  await expect.poll(() => page.evaluate(async () => (await indexedDB.databases()).some((d) => d.name === 'touchline' && (d.version ?? 0) > 1))).toBe(true);
  // The due-task counter row is built by the first count, which the worker makes at a time of its own choosing
  // (after a page's first requests have gone quiet: lib/background/start-up.ts). Asking for the count first
  // makes every dump hold it, so two dumps compare the same whether or not the worker got there in between.
  await page.evaluate(() => chrome.runtime.sendMessage({ type: 'tasks.due', payload: {} }));
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('touchline');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const out: Record<string, unknown[]> = {};
    for (const name of Array.from(db.objectStoreNames)) {
      out[name] = await new Promise<unknown[]>((resolve) => {
        const req = db.transaction(name).objectStore(name).getAll();
        req.onsuccess = () => resolve(req.result.map((r) => JSON.parse(JSON.stringify(r, (_k, v) => (ArrayBuffer.isView(v) ? Array.from(v as Uint8Array) : v)))));
      });
    }
    db.close();
    return out;
  });
}

test.describe('Import, export, metrics, backup and restore', () => {
  test('a CSV with good and bad rows: imported once, the same file changes nothing, rejects download', async ({ ext, extensionPage }) => {
    const page = await extensionPage('/dashboard.html#/data');
    const first = await importFile(page, 'leads.csv', LEADS);
    await expect(first).toHaveText('Import finished: 4 new, 0 updated, 0 unchanged, 3 rejected.');
    const rejected = page.getByRole('table', { name: 'Rejected rows' });
    await expect(rejected.getByRole('row')).toHaveText([/Line\s*Reason/, /7\s*no name and no email or LinkedIn URL/, /8\s*invalid email "not-an-email"/, /9\s*unknown stage "Negotiation"/]);
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download rejected rows (CSV)' }).click()]);
    const rejects = readFileSync(await file.path(), 'utf8');
    expect(rejects.split('\r\n')[0]).toBe('line,reason,Full name,E-mail,Company,Stage,Notes,Owner');
    expect(rejects).toContain('8,"invalid email ""not-an-email""",Eve,not-an-email');

    const before = await dumpTables(page);
    await page.getByRole('button', { name: 'Import another file' }).click();
    const again = await importFile(page, 'leads.csv', LEADS);
    await expect(again).toHaveText('Import finished: 0 new, 0 updated, 4 unchanged, 3 rejected.');
    expect(await dumpTables(page)).toEqual(before);
    void ext;
  });

  test('the metrics page shows a hand-computed win rate and funnel, with formula and row count', async ({ extensionPage }) => {
    const data = await extensionPage('/dashboard.html#/data');
    await importFile(data, 'leads.csv', LEADS);
    const page = await extensionPage('/dashboard.html#/metrics');
    // Imported today: Cy won and Dee lost -> 1 / (1 + 1); Ana and Bo entered Qualification.
    const win = page.getByRole('region', { name: 'Win rate' });
    await expect(win).toContainText('50.0%');
    await expect(win).toContainText('won (1) / (won (1) + lost (1)) · 2 rows');
    const funnel = page.getByRole('table', { name: 'Funnel by stage' });
    await expect(funnel.getByLabel('Qualification entered: 2')).toBeVisible();
    await expect(page.getByRole('img', { name: /^Funnel\. / })).toBeVisible();
    await page.getByRole('combobox', { name: 'Source' }).selectOption('gmail');
    await expect(win).toContainText('no data');
  });

  test('export a filtered view and import it back unchanged', async ({ extensionPage }) => {
    const page = await extensionPage('/dashboard.html#/data');
    await importFile(page, 'leads.csv', LEADS);
    await page.getByRole('button', { name: 'Import another file' }).click();
    // The home's own filters (the board's and the list's): two stages, imported people only.
    const filters = page.getByRole('region', { name: 'Export to CSV' }).getByRole('group', { name: 'Filters' });
    await filters.locator('summary', { hasText: 'Stages' }).click();
    await filters.getByRole('checkbox', { name: 'Qualification', exact: true }).check();
    await filters.getByRole('checkbox', { name: 'Closed won' }).check();
    await filters.getByRole('checkbox', { name: 'Import', exact: true }).check();
    await expect(page).toHaveURL(/#\/data\?stage=[^&]+&stage=[^&]+&source=import$/);
    const exportNames = async () => {
      const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
      const text = readFileSync(await file.path(), 'utf8');
      return { text, names: text.trim().split('\r\n').slice(1).map((l) => l.split(',')[0]).sort() };
    };
    const { text, names } = await exportNames();
    expect(names).toEqual(['Ana Lima', 'Bo Chen', 'Cy Diaz']);
    // The filter is in the URL: a reload exports the same view.
    await page.reload();
    expect((await exportNames()).text).toBe(text);
    const before = await dumpTables(page);
    await page.getByLabel('CSV file to import').setInputFiles({ name: 'export.csv', mimeType: 'text/csv', buffer: Buffer.from(text) });
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(page.getByRole('status').filter({ hasText: /Import finished/ })).toHaveText('Import finished: 0 new, 0 updated, 3 unchanged, 0 rejected.');
    expect(await dumpTables(page)).toEqual(before);
  });

  test('back up, restore into an empty profile: every table the same; a broken file changes nothing; one cut short says so until restored again', async ({ extensionPage }) => {
    const page = await extensionPage('/dashboard.html#/data');
    await importFile(page, 'leads.csv', LEADS);
    const tables = await dumpTables(page);
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download backup' }).click()]);
    const backup = readFileSync(await file.path(), 'utf8');

    // A new computer: a fresh profile with nothing in it.
    const fresh = await launchWithExtension();
    try {
      const other = await fresh.context.newPage();
      await other.goto(`chrome-extension://${fresh.extensionId}/dashboard.html#/data`);
      const restore = async (name: string, text: string, mode: RegExp) => {
        await other.getByLabel('Backup file to restore').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
        await other.getByRole('radio', { name: mode }).check();
        await other.getByRole('button', { name: 'Restore this backup' }).click();
      };
      const empty = await dumpTables(other);
      await restore('broken.json', backup.replace('"ana@lima.example"', '"ana at lima"'), /Replace/);
      await expect(other.getByRole('alert')).toContainText('Nothing was restored: 1 record(s) are not valid. prospects row');
      expect(await dumpTables(other)).toEqual(empty);

      // Every row valid, but one stage change twice: the write refuses it after the profile was emptied. The
      // page says what the profile now holds, and says it again after a reload, until a replace finishes.
      const lines = backup.split('\n');
      const first = lines.indexOf('"stageChanges":[') + 1;
      lines.splice(first, 0, `${lines[first]!.replace(/,$/, '')},`);
      await restore('twice.json', lines.join('\n'), /Replace/);
      await expect(other.getByRole('alert')).toContainText('The restore stopped while writing stageChanges');
      await expect(other.getByRole('alert')).toContainText('restore the same file again with Replace to finish');
      await other.reload();
      await expect(other.getByRole('alert')).toContainText('A restore of “twice.json” (Replace, started');
      await expect(other.getByRole('alert')).toContainText('this profile holds only part of that backup');

      await restore('backup.json', backup, /Replace/);
      await expect(other.getByRole('status').filter({ hasText: 'Restored' })).toBeVisible();
      await expect(other.getByRole('alert')).toHaveCount(0);
      expect(await dumpTables(other)).toEqual(tables);
      await other.reload();
      await expect(other.getByRole('heading', { name: 'Backup and restore' })).toBeVisible();
      await expect(other.getByRole('alert')).toHaveCount(0);
    } finally {
      await fresh.close();
    }
  });

  test('replace restore over a profile with other people: every table becomes the backup, an open list follows', async ({ extensionPage }) => {
    const page = await extensionPage('/dashboard.html#/data');
    await importFile(page, 'leads.csv', LEADS);
    const tables = await dumpTables(page);
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download backup' }).click()]);
    const backup = await file.path();
    await page.getByRole('button', { name: 'Import another file' }).click();
    await importFile(page, 'more.csv', 'Full name;E-mail;Company;Stage;Notes;Owner\r\nGus Moreno;gus@moreno.example;Moreno SL;Qualification;;me');
    // Another tab holds the database open (as the background does): the restore deletes and re-creates it.
    const list = await extensionPage('/dashboard.html#/list');
    await expect(list.getByRole('table', { name: 'Prospects' })).toContainText('Gus Moreno');

    await page.getByLabel('Backup file to restore').setInputFiles(backup);
    await page.getByRole('radio', { name: /^Replace/ }).check();
    await page.getByRole('button', { name: 'Restore this backup' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Restored' })).toBeVisible();
    expect(await dumpTables(page)).toEqual(tables);
    await expect(list.getByRole('table', { name: 'Prospects' })).not.toContainText('Gus Moreno');
    await expect(list.getByRole('table', { name: 'Prospects' })).toContainText('Ana Lima');
    // The background opened the new database too: it answers from the restored rows.
    const names = await page.evaluate(async () => (await chrome.runtime.sendMessage({ type: 'prospect.list', payload: { limit: 50 } })).value.map((p: { name: string }) => p.name));
    expect(names.sort()).toEqual(['Ana Lima', 'Bo Chen', 'Cy Diaz', 'Dee Jones']);
  });

  test('erase a person: gone from every table, the record, search, the list and the outbox; never captured again', async ({ extensionPage }) => {
    const page = await extensionPage('/dashboard.html#/data');
    await importFile(page, 'leads.csv', LEADS);
    const tables = await dumpTables(page);
    expect(JSON.stringify(tables)).toContain('ana@lima.example');
    const anaId = (tables.prospects as Array<{ id: string; name: string }>).find((p) => p.name === 'Ana Lima')!.id;

    // Before: the home finds her everywhere the erase must reach.
    const search = page.getByRole('combobox', { name: 'Search prospects' });
    await search.fill('lima');
    await expect(page.getByRole('listbox', { name: 'Search results' }).getByRole('option')).toHaveText([/Ana Lima/]);
    await search.fill('ana@lima.example');
    await expect(page.getByRole('listbox', { name: 'Search results' }).getByRole('option')).toHaveText([/Ana Lima/]);
    await search.fill('');
    const home = await extensionPage(`/dashboard.html#/record/${anaId}`);
    await expect(home.getByRole('heading', { name: 'Ana Lima' })).toBeVisible();
    await home.goto(home.url().replace(/#.*/, '#/list'));
    await expect(home.getByRole('table', { name: 'Prospects' })).toContainText('Ana Lima');

    await page.getByRole('textbox', { name: 'Email, LinkedIn URL or name of the person to erase' }).fill('ana@lima.example');
    await page.getByRole('button', { name: 'Find' }).click();
    await page.getByRole('button', { name: 'Erase Ana Lima…' }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Erase Ana Lima?' });
    await expect(confirm.getByRole('checkbox')).toBeChecked();
    await confirm.getByRole('button', { name: 'Erase Ana Lima' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'erased' })).toHaveText('Ana Lima was erased. They will not be captured again.');
    const left = JSON.stringify(await dumpTables(page));
    for (const trace of ['ana@lima.example', 'Ana Lima', 'Met at']) expect(left).not.toContain(trace);
    expect(left).toContain('bo@chen.example');
    // No sync connected: nothing of hers waits in the outbox (not even the erase's own prospect row).
    expect(((await dumpTables(page)).outbox as Array<{ prospectId?: string }>).filter((r) => r.prospectId === anaId)).toEqual([]);

    // Gone from the views too: the list open in another tab follows live, search finds nobody, the record is gone.
    await expect(home.getByRole('table', { name: 'Prospects' })).toContainText('Bo Chen');
    await expect(home.getByRole('table', { name: 'Prospects' })).not.toContainText('Ana Lima');
    await search.fill('lima');
    await expect(page.getByRole('status').filter({ hasText: 'Nobody matches' })).toHaveText('Nobody matches “lima”.');
    await search.fill('ana@lima.example');
    await expect(page.getByRole('status').filter({ hasText: 'Nobody matches' })).toHaveText('Nobody matches “ana@lima.example”.');
    await home.goto(home.url().replace(/#.*/, `#/record/${anaId}`));
    await expect(home.getByText('This prospect no longer exists')).toBeVisible();
    const settings = await page.evaluate(async () => (await chrome.runtime.sendMessage({ type: 'settings.get', payload: {} })).value);
    expect(settings.neverCapture).toContain('ana@lima.example');
  });
});

declare const chrome: { runtime: { sendMessage(m: unknown): Promise<{ value: any }> } };
