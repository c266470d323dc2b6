import { availableParallelism, loadavg } from 'node:os';
import type { Page } from '@playwright/test';
import { median, ms, type BenchRow } from '../table';
import { openSeededHome, SCALE } from './home-seed';

const ROWS = SCALE.prospects.toLocaleString('en');

/** p-th percentile (0..100) of xs, nearest rank. */
function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
}

/**
 * Scrolls the list's scroller by `step` px per animation frame for `frames` frames and returns the time
 * between frames (ms), from requestAnimationFrame timestamps: a frame the page could not draw in time shows
 * as a long interval.
 */
function scrollFrames(page: Page, step: number, frames: number): Promise<number[]> {
  return page.evaluate(
    ({ step, frames }) =>
      new Promise<number[]>((resolve) => {
        const el = document.querySelector<HTMLElement>('[data-testid="list-scroller"]')!;
        el.scrollTop = 0;
        const gaps: number[] = [];
        let last = 0;
        let n = 0;
        const tick = (t: number) => {
          if (last) gaps.push(t - last);
          last = t;
          if (n++ >= frames) return resolve(gaps);
          el.scrollTop += step;
          requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      }),
    { step, frames },
  );
}

const fps = (gaps: number[]) => 1000 / (gaps.reduce((a, b) => a + b, 0) / gaps.length);

/** The list view at 100,000 prospects: first render sorted by score, scrolling, search as you type. */
export async function homeList(): Promise<BenchRow[]> {
  const { ext, page, home } = await openSeededHome('home-list');
  const rows: BenchRow[] = [];
  try {
    // tsx wraps named functions in `__name(...)`; every page this suite loads gets the no-op openSeededHome gives the first.
    await page.addInitScript('globalThis.__name = (f) => f');
    // First render, sorted by score (the default), on a fresh page load each time.
    const own: number[] = [];
    const fromNav: number[] = [];
    for (let i = 0; i < 3; i++) {
      await page.goto('about:blank');
      await page.goto(`${home}#/list`);
      await page.waitForFunction(() => performance.getEntriesByName('touchline:list-ready').length > 0, undefined, { timeout: 60_000 });
      const [start, ready] = await page.evaluate(() => ['touchline:list-start', 'touchline:list-ready'].map((n) => performance.getEntriesByName(n)[0]!.startTime));
      own.push(ready! - start!);
      fromNav.push(ready!);
    }
    rows.push({ suite: 'home-list', metric: `list sorted by score, first render (${ROWS} prospects; view start to first rows drawn, best of 3)`, value: ms(Math.min(...own)), goal: '< 300 ms' });
    rows.push({ suite: 'home-list', metric: 'list sorted by score, first render from navigation (page load, database open, first rows drawn; best of 3)', value: ms(Math.min(...fromNav)), goal: '< 300 ms' });

    // Scrolling: a steady scroll (3 rows a frame) and a fling through all 100,000 rows in 600 frames.
    const rowHeight = await page.evaluate(() => document.querySelector('tbody tr[data-id]')!.getBoundingClientRect().height);
    const steady = await scrollFrames(page, 3 * rowHeight, 300);
    const total = await page.evaluate(() => document.querySelector<HTMLElement>('[data-testid="list-scroller"]')!.scrollHeight);
    const fling = await scrollFrames(page, Math.ceil(total / 600), 600);
    rows.push({ suite: 'home-list', metric: `scrolling the list, 3 rows a frame for 300 frames (mean fps; p95 frame ${ms(percentile(steady, 95))})`, value: `${fps(steady).toFixed(1)} fps`, goal: '60 fps' });
    rows.push({ suite: 'home-list', metric: `scrolling all ${ROWS} rows in 600 frames (mean fps; p95 frame ${ms(percentile(fling, 95))})`, value: `${fps(fling).toFixed(1)} fps`, goal: '60 fps' });

    // Search as you type: keystroke to results drawn (the SearchBox's touchline:search measures).
    await page.evaluate(() => performance.clearMeasures('touchline:search'));
    const box = page.getByRole('combobox', { name: 'Search prospects' });
    for (const query of ['person 4711', 'company 123', 'person99@company', 'vip']) {
      await box.fill('');
      let typed = '';
      for (const ch of query) {
        typed += ch;
        await box.press(ch === ' ' ? 'Space' : ch);
        await page.waitForFunction((q) => document.querySelector('[role="listbox"][aria-label="Search results"]')?.getAttribute('data-query') === q, typed);
      }
    }
    const keys = await page.evaluate(() => performance.getEntriesByName('touchline:search').map((e) => e.duration));
    rows.push({
      suite: 'home-list',
      metric: `search as you type, keystroke to results drawn (${keys.length} keystrokes, ${ROWS} prospects; median ${ms(median(keys))}, p95)`,
      value: ms(percentile(keys, 95)),
      goal: '< 30 ms',
    });
    // The figures above depend on what else the machine runs: say how busy it was.
    rows.push({ suite: 'home-list', metric: `machine load while measuring (1-minute load average on ${availableParallelism()} cores)`, value: loadavg()[0]!.toFixed(1) });
  } finally {
    await ext.close();
  }
  return rows;
}
