import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { launchWithExtension } from '../../tests/support/launch';
import { kb, ms, type BenchRow } from '../table';

const PROSPECTS = 100_000;
const TOUCHES = 1_000_000;
const CHANGES = 300_000;
const IMPORT_ROWS = 50_000;
const DAY = 86_400_000;

/**
 * Fills the extension's IndexedDB from an extension page: 100,000 prospects from four sources with deal
 * values, 300,000 stage changes (each prospect created, qualified, then approached, won or lost; a tenth
 * move back once) over the last 400 days, and 1,000,000 touches on every channel.
 */
async function seed(page: Page): Promise<void> {
  await page.evaluate(
    async ({ PROSPECTS, TOUCHES, CHANGES, DAY }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open('touchline');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      const put = (store: string, row: (i: number) => unknown, from: number, to: number) =>
        new Promise<void>((resolve, reject) => {
          const tx = db.transaction(store, 'readwrite');
          const os = tx.objectStore(store);
          for (let i = from; i < to; i++) os.put(row(i));
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        });
      const now = Date.now();
      const SITES = ['gmail', 'linkedin', 'import', 'manual'];
      const CHANNELS = ['email', 'email', 'email', 'linkedin-message', 'call', 'meeting', 'note', 'linkedin-connection', 'inmail', 'email'];
      const start = (i: number) => now - 400 * DAY + ((i * 7919) % (380 * DAY));
      const ends = ['approach', 'won', 'lost', 'discovery', 'won'];
      const finalStage = (i: number) => (i % 10 === 0 ? 'prospecting' : ends[i % ends.length]!);
      const prospect = (i: number) => ({
        id: `p${i}`,
        name: `Person ${i}`,
        emails: [`person${i}@company${i % 5000}.example`],
        company: `Company ${i % 5000}`,
        source: { site: SITES[i % 4], at: start(i) },
        stageId: finalStage(i),
        stageEnteredAt: start(i) + 20 * DAY,
        qualification: {},
        tags: i % 7 ? [] : ['vip'],
        crmIds: {},
        dealValue: 1000 + (i % 50) * 100,
        createdAt: start(i),
        updatedAt: start(i) + 20 * DAY,
      });
      const change = (j: number) => {
        const i = Math.floor(j / 3);
        const k = j % 3;
        const to = k === 0 ? 'prospecting' : k === 1 ? 'qualification' : i % 10 === 0 ? 'prospecting' : finalStage(i);
        const from = k === 0 ? null : k === 1 ? 'prospecting' : 'qualification';
        return { id: `s${j}`, prospectId: `p${i}`, from, fromName: from, to, toName: to, at: start(i) + [0, 5, 20][k]! * DAY };
      };
      const touch = (j: number) => {
        const i = j % PROSPECTS;
        const n = Math.floor(j / PROSPECTS);
        return { id: `t${j}`, prospectId: `p${i}`, channel: CHANNELS[(i + n) % 10], direction: n % 3 ? 'outbound' : 'inbound', at: start(i) + n * 2 * DAY + (j % 86_400) * 1000, createdAt: now };
      };
      for (let i = 0; i < PROSPECTS; i += 25_000) await put('prospects', prospect, i, i + 25_000);
      for (let j = 0; j < CHANGES; j += 50_000) await put('stageChanges', change, j, j + 50_000);
      for (let j = 0; j < TOUCHES; j += 50_000) await put('touches', touch, j, j + 50_000);
      db.close();
    },
    { PROSPECTS, TOUCHES, CHANGES, DAY },
  );
}

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
  const loop = (async () => {
    while (!stop) {
      const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
      let workers = 0;
      for (const w of page.workers()) workers += await w.evaluate(() => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0).catch(() => 0);
      peak = Math.max(peak, usedSize + workers);
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  return async () => {
    stop = true;
    await loop;
    return peak;
  };
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

export async function dataSuite(): Promise<BenchRow[]> {
  const ext = await launchWithExtension({ userDataDir: process.env.BENCH_PROFILE });
  const rows: BenchRow[] = [];
  try {
    const page = await ext.context.newPage();
    const base = `chrome-extension://${ext.extensionId}/dashboard.html`;
    await page.goto(base);
    await page.evaluate('globalThis.__name = (f) => f');
    await page.evaluate(async () => chrome.runtime.sendMessage({ type: 'tasks.due', payload: {} }));
    const seeded = await page.evaluate(async () => (await chrome.runtime.sendMessage({ type: 'prospect.list', payload: { limit: 1 } })).value.length > 0);
    if (!seeded) {
      const t0 = Date.now();
      await seed(page);
      process.stderr.write(`bench: data: seeded in ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
    }

    // Metrics for a year: from the query starting to the page drawn (User Timing marks the page sets).
    const times: number[] = [];
    for (let i = 0; i < 3; i++) {
      await page.goto(`${base}#/metrics`);
      await page.getByRole('region', { name: 'Win rate' }).waitFor();
      times.push(await page.evaluate(() => performance.measure('m', 'touchline:metrics-start', 'touchline:metrics-ready').duration));
    }
    rows.push({ suite: 'data', metric: `metrics page for a year (${PROSPECTS.toLocaleString('en')} prospects, ${CHANGES.toLocaleString('en')} stage changes, ${TOUCHES.toLocaleString('en')} touches; query to drawn, best of 3)`, value: ms(Math.min(...times)), goal: '< 500 ms' });

    // CSV import of 50,000 new rows through the wizard.
    const dir = mkdtempSync(join(tmpdir(), 'touchline-bench-'));
    const csvPath = join(dir, 'leads.csv');
    const lines = ['Name,Email,Company,Title,Stage,Tags'];
    for (let i = 0; i < IMPORT_ROWS; i++) lines.push(`Lead ${i},lead${i}@import${i % 900}.example,"Import Co ${i % 900}, Ltd",Buyer,Qualification,bench`);
    writeFileSync(csvPath, lines.join('\n'));
    await page.goto(`${base}#/data`);
    await watchTasks(page);
    await page.getByLabel('CSV file to import').setInputFiles(csvPath);
    await page.getByRole('button', { name: 'Import', exact: true }).waitFor();
    const importStart = Date.now();
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Import finished' }).waitFor({ timeout: 300_000 });
    const importTime = Date.now() - importStart;
    rows.push({ suite: 'data', metric: `CSV import of ${IMPORT_ROWS.toLocaleString('en')} rows (wizard, worker; pick to summary)`, value: ms(importTime), goal: '< 15 s' });
    rows.push({ suite: 'data', metric: 'longest main-thread task during the import', value: ms(await longest(page)), goal: '< 200 ms' });

    // Export of every prospect (now 150,000 with the import).
    const exportStart = Date.now();
    const [exported] = await Promise.all([page.waitForEvent('download', { timeout: 300_000 }), page.getByRole('button', { name: 'Export CSV' }).click()]);
    await exported.path();
    rows.push({ suite: 'data', metric: `CSV export of ${(PROSPECTS + IMPORT_ROWS).toLocaleString('en')} prospects (click to file)`, value: ms(Date.now() - exportStart), goal: '< 5 s' });

    // Backup, then restore it (replace) into the same profile.
    let heap = await heapSampler(page);
    const backupStart = Date.now();
    const [backup] = await Promise.all([page.waitForEvent('download', { timeout: 600_000 }), page.getByRole('button', { name: 'Download backup' }).click()]);
    const backupPath = await backup.path();
    const backupTime = Date.now() - backupStart;
    const backupHeap = await heap();
    const { size } = await import('node:fs').then((fs) => fs.statSync(backupPath));
    rows.push({ suite: 'data', metric: `backup of the whole data set (${mb(size)} file; peak JS heap ${mb(backupHeap)})`, value: ms(backupTime), goal: '< 30 s' });

    heap = await heapSampler(page);
    await page.getByLabel('Backup file to restore').setInputFiles(backupPath);
    await page.getByRole('radio', { name: /^Replace/ }).check();
    const restoreStart = Date.now();
    await page.getByRole('button', { name: 'Restore this backup' }).click();
    await page.getByRole('status').filter({ hasText: 'Restored' }).waitFor({ timeout: 900_000 });
    const restoreTime = Date.now() - restoreStart;
    rows.push({ suite: 'data', metric: `restore (replace) of that backup (peak JS heap ${mb(await heap())})`, value: ms(restoreTime), goal: '< 30 s' });
    void kb;
    return rows;
  } finally {
    await ext.close();
  }
}

declare const chrome: { runtime: { sendMessage(m: unknown): Promise<{ ok: boolean; value?: any }> } };
