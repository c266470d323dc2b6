import type { Page } from '@playwright/test';
import { launchWithExtension, type Launched } from '../../tests/support/launch';

/**
 * The scale the home issues (14, 15) measure at: 100,000 prospects, 1,000,000 touches, 300,000 stage changes.
 * One seeding for every home suite (board, list, search, record, metrics, data), so their figures are on the
 * same data set and a kept profile (BENCH_PROFILE=<dir>) is seeded once for all of them.
 */
export const SCALE = { prospects: 100_000, touches: 1_000_000, stageChanges: 300_000 } as const;
export const DAY = 86_400_000;

/** The stage each seeded prospect ends in (p0, p10, ... move back to prospecting once). */
export const SEED_ENDS = ['approach', 'won', 'lost', 'discovery', 'won'] as const;

/**
 * Fills the extension's IndexedDB from an extension page with raw IndexedDB puts (the store's side effects
 * would take far longer): prospects p0..p99999 from four sources with deal values and a `vip` tag on every
 * seventh, three stage changes each (created, qualified, then approached / won / lost / discovery; a tenth
 * move back to prospecting) over the last 400 days, and ten touches each on every channel. Derived tables
 * (scores, engagement, due counts) are left empty, as after an import; the background rebuilds what it needs.
 */
export async function seedScale(page: Page): Promise<void> {
  await page.evaluate(
    async ({ PROSPECTS, TOUCHES, CHANGES, DAY, ENDS }) => {
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
      const finalStage = (i: number) => (i % 10 === 0 ? 'prospecting' : ENDS[i % ENDS.length]!);
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
      for (let i = 0; i < PROSPECTS; i += 25_000) await put('prospects', prospect, i, Math.min(PROSPECTS, i + 25_000));
      for (let j = 0; j < CHANGES; j += 50_000) await put('stageChanges', change, j, Math.min(CHANGES, j + 50_000));
      for (let j = 0; j < TOUCHES; j += 50_000) await put('touches', touch, j, Math.min(TOUCHES, j + 50_000));
      db.close();
    },
    { PROSPECTS: SCALE.prospects, TOUCHES: SCALE.touches, CHANGES: SCALE.stageChanges, DAY, ENDS: [...SEED_ENDS] },
  );
}

export interface SeededHome {
  ext: Launched;
  page: Page;
  /** chrome-extension://<id>/dashboard.html (append '#/board', '#/metrics', ...). */
  home: string;
}

/**
 * Chromium with the built extension in the bench profile (BENCH_PROFILE=<dir> keeps it between runs), its
 * database seeded at SCALE unless it already holds prospects. `suite` names the stderr progress line.
 */
export async function openSeededHome(suite: string): Promise<SeededHome> {
  const ext = await launchWithExtension({ userDataDir: process.env.BENCH_PROFILE });
  try {
    const page = await ext.context.newPage();
    const home = `chrome-extension://${ext.extensionId}/dashboard.html`;
    await page.goto(home);
    // tsx (esbuild keepNames) wraps named functions in `__name(...)`; give the page a no-op one.
    await page.evaluate('globalThis.__name = (f) => f');
    await page.evaluate(async () => chrome.runtime.sendMessage({ type: 'tasks.due', payload: {} })); // the background opens (creates) the database
    const seeded = await page.evaluate(async () => (await chrome.runtime.sendMessage({ type: 'prospect.list', payload: { limit: 1 } })).value.length > 0);
    if (!seeded) {
      const t0 = Date.now();
      await seedScale(page);
      process.stderr.write(`bench: ${suite}: seeded in ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
    }
    return { ext, page, home };
  } catch (e) {
    await ext.close();
    throw e;
  }
}

declare const chrome: { runtime: { sendMessage(m: unknown): Promise<{ ok: boolean; value?: any }> } };
