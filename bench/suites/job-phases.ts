import type { Page } from '@playwright/test';

/**
 * The phases of the page's last data job of this kind (the `touchline:data-job` mark, lib/data/phases.ts),
 * as one line: "name 123 ms, ...", longest first.
 */
export async function jobPhases(page: Page, job: string): Promise<string> {
  const phases = await page.evaluate((job) => {
    const marks = performance.getEntriesByName('touchline:data-job') as PerformanceMark[];
    const last = marks.filter((m) => (m.detail as { job: string }).job === job).at(-1);
    return last ? (last.detail as { phases: Record<string, number> }).phases : undefined;
  }, job);
  if (!phases) return 'no phases recorded';
  return Object.entries(phases)
    .sort((a, b) => b[1] - a[1])
    .map(([name, t]) => `${name} ${Math.round(t)} ms`)
    .join(', ');
}
