import type { Page } from '@playwright/test';
import { launchWithExtension, type Launched } from '../../tests/support/launch';
import type { Prospect, Touch } from '../../lib/model';
import { countTouch } from '../../lib/process/engagement';
import { scoreProspect, type Engagement } from '../../lib/process/scoring';
import { searchTokens } from '../../lib/search/tokens';
import { DEFAULT_SETTINGS } from '../../lib/settings/settings';

/**
 * The scale the home issues (14, 15) measure at: 100,000 prospects, 1,000,000 touches, 300,000 stage changes.
 * One seeding for every home suite (board, list, search, record, metrics, data), so their figures are on the
 * same data set and a kept profile (BENCH_PROFILE=<dir>) is seeded once for all of them.
 */
export const SCALE = { prospects: 100_000, touches: 1_000_000, stageChanges: 300_000 } as const;
export const DAY = 86_400_000;

/** The stage each seeded prospect ends in (p0, p10, ... move back to prospecting once). */
export const SEED_ENDS = ['approach', 'won', 'lost', 'discovery', 'won'] as const;

/** Rows are generated here and put by the page in chunks of this many (one transaction each). */
const CHUNK = 25_000;
const SITES = ['gmail', 'linkedin', 'import', 'manual'] as const;
const CHANNELS = ['email', 'email', 'email', 'linkedin-message', 'call', 'meeting', 'note', 'linkedin-connection', 'inmail', 'email'] as const;
const STATES = ['unknown', 'partly', 'confirmed', 'disqualifying'] as const;

/**
 * The data set, as the store would have written it: prospects p0..p99999 from four sources with deal values,
 * a `vip` tag on every seventh and BANT answers that vary, created evenly over the last 400 days (7919 is
 * prime to the count, so i -> start is a shuffle); three stage changes each (created, qualified, then
 * approached / won / lost / discovery; a tenth move back to prospecting); ten touches each on every channel.
 * What the store derives from them is filled too, by the product's own functions: search tokens, engagement
 * figures and the scoreboard. An empty derived table would make search, sorting by score and "no touch for
 * N days" read nothing, and their figures would mean nothing.
 */
export function seedRows(now: number) {
  const P = SCALE.prospects;
  const start = (i: number) => now - 400 * DAY + Math.floor((((i * 7919) % P) / P) * 380 * DAY);
  const finalStage = (i: number) => (i % 10 === 0 ? 'prospecting' : SEED_ENDS[i % SEED_ENDS.length]!);
  const prospect = (i: number): Prospect => {
    const row = {
      id: `p${i}`,
      name: `Person ${i}`,
      emails: [`person${i}@company${i % 5000}.example`],
      company: `Company ${i % 5000}`,
      source: { site: SITES[i % 4]!, at: start(i) },
      stageId: finalStage(i),
      stageEnteredAt: start(i) + 20 * DAY,
      qualification: i % 3 ? { need: { state: STATES[i % 4]! }, budget: { state: STATES[(i >> 2) % 4]! } } : {},
      tags: i % 7 ? [] : ['vip'],
      crmIds: {},
      dealValue: 1000 + (i % 50) * 100,
      createdAt: start(i),
      updatedAt: start(i) + 20 * DAY,
    } as Prospect;
    return { ...row, searchTokens: searchTokens(row) } as Prospect;
  };
  const change = (j: number) => {
    const i = Math.floor(j / 3);
    const k = j % 3;
    const to = k === 0 ? 'prospecting' : k === 1 ? 'qualification' : i % 10 === 0 ? 'prospecting' : finalStage(i);
    const from = k === 0 ? null : k === 1 ? 'prospecting' : 'qualification';
    return { id: `s${j}`, prospectId: `p${i}`, from, fromName: from, to, toName: to, at: start(i) + [0, 5, 20][k]! * DAY };
  };
  const touch = (j: number) => {
    const i = j % P;
    const n = Math.floor(j / P);
    const direction: Touch['direction'] = n % 3 ? 'outbound' : 'inbound';
    return { id: `t${j}`, prospectId: `p${i}`, channel: CHANNELS[(i + n) % 10]!, direction, at: start(i) + n * 2 * DAY + (j % 86_400) * 1000, createdAt: now };
  };
  const perProspect = SCALE.touches / P;
  const engagement = (i: number): Engagement => {
    const e: Engagement = { prospectId: `p${i}`, touches: 0, replies: 0 };
    for (let n = 0; n < perProspect; n++) countTouch(e, touch(n * P + i));
    return e;
  };
  const scoreboard = () => {
    const parts = new Array<number>(4 * P);
    const scores = new Array<number>(P);
    for (let i = 0; i < P; i++) {
      const { score, parts: p } = scoreProspect({ prospect: prospect(i), engagement: engagement(i), scoring: DEFAULT_SETTINGS.scoring, framework: DEFAULT_SETTINGS.framework, now });
      [parts[4 * i], parts[4 * i + 1], parts[4 * i + 2], parts[4 * i + 3]] = [p.fit, p.engagement, p.qualification, p.disqualified ? 1 : 0];
      scores[i] = score;
    }
    return { ids: Array.from({ length: P }, (_, i) => `p${i}`), parts, scores, weights: DEFAULT_SETTINGS.scoring.weights };
  };
  return { prospect, change, touch, engagement, scoreboard };
}

/** Puts rows into one object store of the extension's database, from an extension page (raw IndexedDB). */
async function putRows(page: Page, store: string, rows: unknown[]): Promise<void> {
  await page.evaluate(
    async ({ store, rows }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open('touchline');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction(store, 'readwrite');
        const os = tx.objectStore(store);
        // The scoreboard keeps its columns in typed arrays; JSON carried them as plain arrays.
        for (const row of rows as Array<Record<string, unknown>>) {
          if (Array.isArray(row.parts)) row.parts = Float64Array.from(row.parts as number[]);
          if (Array.isArray(row.scores)) row.scores = Uint8Array.from(row.scores as number[]);
          os.put(row);
        }
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    },
    { store, rows },
  );
}

/** Fills the extension's IndexedDB with the data set of `seedRows` (raw puts: the store's side effects would take far longer). */
export async function seedScale(page: Page): Promise<void> {
  const rows = seedRows(Date.now());
  const put = async (store: string, count: number, row: (i: number) => unknown) => {
    for (let i = 0; i < count; i += CHUNK) await putRows(page, store, Array.from({ length: Math.min(CHUNK, count - i) }, (_, k) => row(i + k)));
  };
  await put('prospects', SCALE.prospects, rows.prospect);
  await put('stageChanges', SCALE.stageChanges, rows.change);
  await put('touches', SCALE.touches, rows.touch);
  await put('engagement', SCALE.prospects, rows.engagement);
  const board = rows.scoreboard();
  await putRows(page, 'scoreboard', [
    { id: 'ids', ids: board.ids },
    { id: 'parts', parts: board.parts },
    { id: 'scores', scores: board.scores, weights: board.weights, at: Date.now() },
  ]);
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
