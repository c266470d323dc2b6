import { ms, type BenchRow } from '../table';
import { openSeededHome, SCALE } from './home-seed';

const { prospects: PROSPECTS, touches: TOUCHES, stageChanges: CHANGES } = SCALE;

/**
 * The read side of the data tools (issue 15): the metrics page for a year and the CSV export of every
 * prospect. Kept apart from the `data` suite (backup, import, restore) so each can be measured alone.
 */
export async function metricsSuite(): Promise<BenchRow[]> {
  const { ext, page, home } = await openSeededHome('metrics');
  const rows: BenchRow[] = [];
  try {
    // Metrics for a year: from the query starting to the page drawn (User Timing marks the page sets).
    const times: number[] = [];
    for (let i = 0; i < 3; i++) {
      await page.goto(`${home}#/metrics`);
      await page.getByRole('region', { name: 'Win rate' }).waitFor();
      times.push(await page.evaluate(() => performance.measure('m', 'touchline:metrics-start', 'touchline:metrics-ready').duration));
    }
    rows.push({ suite: 'metrics', metric: `metrics page for a year (${PROSPECTS.toLocaleString('en')} prospects, ${CHANGES.toLocaleString('en')} stage changes, ${TOUCHES.toLocaleString('en')} touches; query to drawn, best of 3)`, value: ms(Math.min(...times)), goal: '< 500 ms' });

    // Export of every prospect.
    await page.goto(`${home}#/data`);
    const exportStart = Date.now();
    const [exported] = await Promise.all([page.waitForEvent('download', { timeout: 300_000 }), page.getByRole('button', { name: 'Export CSV' }).click()]);
    await exported.path();
    rows.push({ suite: 'metrics', metric: `CSV export of ${PROSPECTS.toLocaleString('en')} prospects (click to file)`, value: ms(Date.now() - exportStart), goal: '< 5 s' });
    return rows;
  } finally {
    await ext.close();
  }
}
