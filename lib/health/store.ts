import { storage } from '@wxt-dev/storage';
import type { HealthReport, PartCounts } from './contract';

/**
 * Site health counts (issue 11), kept in extension storage: per site, page kind and part, how often it was
 * found, found by a fallback selector, missing (the page should have shown it) or absent (the page says there
 * is nothing), and when it last worked. Only names and counts: no value read from a page is ever stored.
 */
interface Entry {
  found: number;
  fallback: number;
  missing: number;
  absent: number;
  lastWorking?: number;
  lastMissing?: number;
  /** True once the sidebar has said this part is missing; cleared when the part works again. */
  signalled?: boolean;
}

export const healthItem = storage.defineItem<Record<string, Entry>>('local:siteHealth', { fallback: {} });

const keyOf = (site: string, kind: string, part: string) => `${site}/${kind}/${part}`;

// Reports from several tabs arrive together: one write at a time so no count is lost.
let queue: Promise<unknown> = Promise.resolve();

/**
 * Counts one detection's parts and returns the parts to signal in the sidebar: missing now, and not yet
 * signalled since they last worked (so a rep hears about a broken part once, not on every page).
 */
export function recordHealth(report: HealthReport, now = Date.now()): Promise<string[]> {
  const run = queue.then(async () => {
    const all = { ...(await healthItem.getValue()) };
    const signal: string[] = [];
    for (const [part, status] of Object.entries(report.parts)) {
      const key = keyOf(report.site, report.kind, part);
      const e: Entry = { found: 0, fallback: 0, missing: 0, absent: 0, ...all[key] };
      e[status] += 1;
      if (status === 'found' || status === 'fallback') {
        e.lastWorking = now;
        e.signalled = false;
      } else if (status === 'missing') {
        e.lastMissing = now;
        if (!e.signalled) {
          e.signalled = true;
          signal.push(part);
        }
      }
      all[key] = e;
    }
    await healthItem.setValue(all);
    return signal;
  });
  queue = run.catch(() => undefined);
  return run;
}

export async function readHealth(): Promise<PartCounts[]> {
  const all = await healthItem.getValue();
  return Object.entries(all)
    .map(([key, e]) => {
      const [site = '', kind = '', part = ''] = key.split('/');
      return { site, kind, part, found: e.found, fallback: e.fallback, missing: e.missing, absent: e.absent, lastWorking: e.lastWorking, lastMissing: e.lastMissing };
    })
    .sort((a, b) => `${a.site}/${a.kind}/${a.part}`.localeCompare(`${b.site}/${b.kind}/${b.part}`));
}
