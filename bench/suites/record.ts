import type { Page } from '@playwright/test';
import { median, ms, type BenchRow } from '../table';
import { DAY, openSeededHome } from './home-seed';

const ID = 'bench-record';
const TOUCHES = 2_000;

/**
 * One prospect with 2,000 touches and a stage history, beside the 100,000 seeded people (raw puts, like
 * seedScale; the record reads touches by its [prospectId+at] index whatever else the table holds).
 */
async function seedRecord(page: Page): Promise<void> {
  await page.evaluate(
    async ({ ID, TOUCHES, DAY }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open('touchline');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      const now = Date.now();
      const CHANNELS = ['email', 'linkedin-message', 'call', 'meeting', 'note'];
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction(['prospects', 'touches', 'stageChanges'], 'readwrite');
        tx.objectStore('prospects').put({
          id: ID,
          name: 'Record Bench',
          emails: ['record.bench@example.com'],
          company: 'Bench Co',
          source: { site: 'gmail', at: now - 400 * DAY },
          stageId: 'discovery',
          stageEnteredAt: now - 30 * DAY,
          qualification: {},
          tags: [],
          crmIds: {},
          createdAt: now - 400 * DAY,
          updatedAt: now,
        });
        for (let i = 0; i < TOUCHES; i++) {
          const channel = CHANNELS[i % CHANNELS.length]!;
          tx.objectStore('touches').put({ id: `${ID}-t${i}`, prospectId: ID, channel, direction: i % 3 ? 'outbound' : 'inbound', at: now - (TOUCHES - i) * 4 * 3_600_000, subject: `Touch ${i}`, summary: `About the proposal, part ${i}`, createdAt: now });
        }
        ['prospecting', 'qualification', 'approach', 'discovery'].forEach((to, k, all) =>
          tx.objectStore('stageChanges').put({ id: `${ID}-s${k}`, prospectId: ID, from: k ? all[k - 1] : null, fromName: k ? all[k - 1] : null, to, toName: to, at: now - (120 - k * 30) * DAY }),
        );
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    },
    { ID, TOUCHES, DAY },
  );
}

/**
 * Installed before the page's scripts: stamps the first frame where the record is drawn (its heading and the
 * first rows of its timeline).
 */
function watchRecordDrawn(): void {
  const w = window as unknown as { __recordDrawn?: number; __watchRecord: () => void };
  w.__watchRecord = () => {
    w.__recordDrawn = undefined;
    const frame = () => {
      const drawn = document.querySelector('article[aria-label^="Prospect "]') && document.querySelectorAll('ul[aria-label="Timeline"] > li').length >= 5;
      if (drawn) w.__recordDrawn = performance.now();
      else requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  };
  w.__watchRecord();
}

export async function recordSuite(): Promise<BenchRow[]> {
  const { ext, page, home } = await openSeededHome('record');
  try {
    await seedRecord(page);
    await page.addInitScript('globalThis.__name = (f) => f');
    await page.addInitScript(watchRecordDrawn);
    const loads: number[] = [];
    const opens: number[] = [];
    for (let i = 0; i < 6; i++) {
      // A fresh load of the record's URL (a bookmark, a link from the popup): navigation start to drawn.
      await page.goto('about:blank');
      await page.goto(`${home}#/record/${ID}`);
      await page.waitForFunction(() => (window as unknown as { __recordDrawn?: number }).__recordDrawn !== undefined, undefined, { timeout: 120_000 });
      const load = await page.evaluate(() => (window as unknown as { __recordDrawn: number }).__recordDrawn);
      // Opening it from another view of the home (search, board, list): the hash change to drawn.
      await page.evaluate(() => (location.hash = '#/list'));
      // Once the list has drawn its rows and settled, so the figure is the record's, not the list's loading.
      await page.getByRole('table', { name: 'Prospects' }).getByRole('row').nth(3).waitFor({ timeout: 120_000 });
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      const open = await page.evaluate(
        (id) =>
          new Promise<number>((resolve) => {
            const w = window as unknown as { __recordDrawn?: number; __watchRecord: () => void };
            const t0 = performance.now();
            location.hash = `#/record/${id}`;
            w.__watchRecord();
            const wait = () => (w.__recordDrawn !== undefined ? resolve(w.__recordDrawn - t0) : requestAnimationFrame(wait));
            wait();
          }),
        ID,
      );
      // The first round pays cold caches (code, IndexedDB pages): it is a warm-up, not a figure.
      if (i > 0) {
        loads.push(load);
        opens.push(open);
      }
    }
    const row = (metric: string, xs: number[]): BenchRow => ({ suite: 'record', metric: `${metric} (median, worst of ${xs.length})`, value: `${ms(median(xs))}, ${ms(Math.max(...xs))}`, goal: '< 100 ms' });
    return [
      row(`record with ${TOUCHES.toLocaleString('en')} touches: opened from the list (hash change to drawn)`, opens),
      row(`record with ${TOUCHES.toLocaleString('en')} touches: page load of its URL (navigation start to drawn)`, loads),
    ];
  } finally {
    await ext.close();
  }
}
