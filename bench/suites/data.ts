import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { launchWithExtension } from '../../tests/support/launch';
import { ms, type BenchRow } from '../table';
import { openSeededHome, SCALE, seedScale } from './home-seed';
import { jobPhases } from './job-phases';

const { prospects: PROSPECTS } = SCALE;
const IMPORT_ROWS = 50_000;

/** Longest main-thread task (PerformanceObserver longtask) while `run` runs, and how long it took. */
async function watchTasks(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __longest: number };
    w.__longest = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longest = Math.max(w.__longest, e.duration);
    }).observe({ type: 'longtask', buffered: false });
  });
}
const longest = (page: Page) => page.evaluate(() => (window as unknown as { __longest: number }).__longest);

/** Peak JS heap of the page and its data worker, sampled every 100 ms by CDP while a job runs. */
async function heapSampler(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  let peak = 0;
  let stop = false;
  // A page that closes or navigates mid-job ends the sampling (the peak so far stands) instead of failing the suite.
  const loop = (async () => {
    while (!stop) {
      const usage = await cdp.send('Runtime.getHeapUsage').catch(() => null);
      if (!usage) return;
      let workers = 0;
      for (const w of page.workers()) workers += await w.evaluate(() => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0).catch(() => 0);
      peak = Math.max(peak, (usage as { usedSize: number }).usedSize + workers);
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  return async () => {
    stop = true;
    await loop;
    return peak;
  };
}

/** Rows in the seeded tables, read straight from IndexedDB. */
const seededCounts = (page: Page) =>
  page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('touchline');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const count = (store: string) =>
      new Promise<number>((resolve, reject) => {
        const req = db.transaction(store).objectStore(store).count();
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
    const counts = { prospects: await count('prospects'), touches: await count('touches'), stageChanges: await count('stageChanges') };
    db.close();
    return counts;
  });

/**
 * This suite imports into the kept profile and restores its backup over it, so the profile ends as seeded.
 * A run cut short (or an older build whose restore did not finish) leaves it changed: then it is seeded
 * again from nothing, so the other suites and the next run measure the same data set.
 */
async function ensureSeeded(page: Page): Promise<void> {
  const counts = await seededCounts(page);
  if (counts.prospects === SCALE.prospects && counts.touches === SCALE.touches && counts.stageChanges === SCALE.stageChanges) return;
  const t0 = Date.now();
  // Deleting closes the other connections (Dexie's versionchange handler); the background opens it again.
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const req = indexedDB.deleteDatabase('touchline');
        req.onsuccess = () => resolve();
        req.onerror = () => reject(req.error);
      }),
  );
  await page.evaluate(async () => chrome.runtime.sendMessage({ type: 'tasks.due', payload: {} }));
  await seedScale(page);
  process.stderr.write(`bench: data: the profile held ${JSON.stringify(counts)}; seeded again in ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

/** The 50,000-row file the import reads. */
function importFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'touchline-bench-'));
  const csvPath = join(dir, 'leads.csv');
  const lines = ['Name,Email,Company,Title,Stage,Tags'];
  for (let i = 0; i < IMPORT_ROWS; i++) lines.push(`Lead ${i},lead${i}@import${i % 900}.example,"Import Co ${i % 900}, Ltd",Buyer,Qualification,bench`);
  writeFileSync(csvPath, lines.join('\n'));
  return csvPath;
}

/** CSV import of 50,000 new rows through the wizard (the longest task counts from the file's preview). */
async function importRows(page: Page): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  await watchTasks(page);
  await page.getByLabel('CSV file to import').setInputFiles(importFile());
  await page.getByRole('button', { name: 'Import', exact: true }).waitFor();
  const importStart = Date.now();
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByRole('status').filter({ hasText: 'Import finished' }).waitFor({ timeout: 600_000 });
  const importTime = Date.now() - importStart;
  rows.push({ suite: 'data', metric: `CSV import of ${IMPORT_ROWS.toLocaleString('en')} rows (wizard, worker; Import click to summary)`, value: ms(importTime), goal: '< 15 s' });
  rows.push({ suite: 'data', metric: `  of which (worker): ${await jobPhases(page, 'import')}`, value: '' });
  rows.push({ suite: 'data', metric: 'longest main-thread task during the import', value: ms(await longest(page)), goal: '< 200 ms' });
  return rows;
}

/**
 * BENCH_DATA=import: the import alone (the restore that puts the profile back takes ~13 min), into a copy of
 * the kept profile that is thrown away after, so the profile stays as seeded.
 */
async function importOnly(): Promise<BenchRow[]> {
  const kept = await openSeededHome('data');
  try {
    await ensureSeeded(kept.page);
  } finally {
    await kept.ext.close();
  }
  const copy = mkdtempSync(join(tmpdir(), 'touchline-bench-profile-'));
  try {
    if (process.env.BENCH_PROFILE) cpSync(process.env.BENCH_PROFILE, copy, { recursive: true });
    const ext = await launchWithExtension({ userDataDir: copy });
    try {
      const page = await ext.context.newPage();
      await page.goto(`chrome-extension://${ext.extensionId}/dashboard.html#/data`);
      await page.evaluate('globalThis.__name = (f) => f');
      return await importRows(page);
    } finally {
      await ext.close();
    }
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
}

/**
 * The write side of the data tools (issue 15): backup, CSV import of 50,000 rows, restore. Metrics and export
 * are the `metrics` suite. BENCH_DATA=import measures the import alone (importOnly).
 */
export async function dataSuite(): Promise<BenchRow[]> {
  if (process.env.BENCH_DATA === 'import') return importOnly();
  const { ext, page, home } = await openSeededHome('data');
  const rows: BenchRow[] = [];
  try {
    await ensureSeeded(page);
    await page.goto(`${home}#/data`);
    // Backup of the seeded set; it is restored (replace) after the import, so the profile ends as it began.
    let heap = await heapSampler(page);
    const backupStart = Date.now();
    const [backup] = await Promise.all([page.waitForEvent('download', { timeout: 600_000 }), page.getByRole('button', { name: 'Download backup' }).click()]);
    const backupPath = await backup.path();
    const backupTime = Date.now() - backupStart;
    const backupHeap = await heap();
    const { size } = await import('node:fs').then((fs) => fs.statSync(backupPath));
    rows.push({ suite: 'data', metric: `backup of the whole data set (${mb(size)} file; peak JS heap ${mb(backupHeap)})`, value: ms(backupTime), goal: '< 30 s' });

    rows.push(...(await importRows(page)));

    heap = await heapSampler(page);
    await page.getByLabel('Backup file to restore').setInputFiles(backupPath);
    await page.getByRole('radio', { name: /^Replace/ }).check();
    const restoreStart = Date.now();
    await page.getByRole('button', { name: 'Restore this backup' }).click();
    // The first write's progress ends the check of the whole file (nothing is written before it).
    await page.getByText(/^Writing /).waitFor({ timeout: 900_000 });
    const checkTime = Date.now() - restoreStart;
    await page.getByRole('status').filter({ hasText: 'Restored' }).waitFor({ timeout: 900_000 });
    const restoreTime = Date.now() - restoreStart;
    rows.push({ suite: 'data', metric: 'restore: the check of every row, then the first chunk written (up to 20,000 rows)', value: ms(checkTime) });
    rows.push({ suite: 'data', metric: `restore (replace) of that backup over ${(PROSPECTS + IMPORT_ROWS).toLocaleString('en')} prospects (peak JS heap ${mb(await heap())})`, value: ms(restoreTime), goal: '< 30 s' });
    const after = await seededCounts(page);
    if (after.prospects !== PROSPECTS) process.stderr.write(`bench: data: after the restore the profile holds ${JSON.stringify(after)}; the next run seeds it again\n`);
    return rows;
  } finally {
    await ext.close();
  }
}

declare const chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } };
