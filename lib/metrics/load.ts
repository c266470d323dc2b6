import type { TouchlineDb } from '../db/database';
import { readDigest, type DigestView } from '../store/metrics-digest';
import { computeMetrics, type Metrics } from './compute';
import { bucketOf, bucketOfRow } from './digest';
import { historiesFromDigest } from './digest-read';
import { periodBounds } from './period';
import { countsInPeriod, edgeDays, offSlot } from './touch-counts';
import type { Bounds, MetricStage, Period } from './types';

export interface MetricsQuery {
  period: Period;
  timeZone: string;
  /** A capture site, or undefined for every source. */
  source?: string;
  /** The team's stages, or a promise of them (the page asks the background while the history is read). */
  stages: MetricStage[] | Promise<MetricStage[]>;
}

/**
 * The metrics page's numbers from IndexedDB: the metrics digest (lib/metrics/digest.ts, a columnar copy of
 * history and touch counts the unit of work keeps) in one read, then the same pure functions as over the rows.
 * No StageChange, Touch or prospect row is read (300,000 stage changes alone took over 500 ms in Chromium).
 */
export async function loadMetrics(db: TouchlineDb, q: MetricsQuery): Promise<Metrics> {
  const bounds = periodBounds(q.period, q.timeZone);
  const view = await readDigest(db, edgeDays(bounds));
  performance.mark('touchline:metrics-read');
  const { histories, upTo } = historiesFromDigest(view.history, q.source);
  const keep = (site: string) => !q.source || site === q.source;
  const byChannel = countsInPeriod(view.days, view.slots, bounds, keep);
  for (const [channel, n] of await countOffSlot(db, view, bounds, keep)) byChannel.set(channel, (byChannel.get(channel) ?? 0) + n);
  performance.mark('touchline:metrics-input');
  const stages = await q.stages;
  const m = computeMetrics({ stages, changes: [], histories, touches: { byChannel, upTo }, bounds, source: q.source });
  performance.mark('touchline:metrics-computed');
  return m;
}

/** Touches in the stretches of a period off the quarter hour (a bound in a zone's old local mean time), from the rows. */
async function countOffSlot(db: TouchlineDb, view: DigestView, b: Bounds, keep: (site: string) => boolean): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  const stretches = offSlot(b);
  if (!stretches.length) return out;
  const rows = new Map(view.history.map((r) => [bucketOfRow(r.id), r]));
  const siteOf = (id: string) => {
    const row = rows.get(bucketOf(id));
    const i = row ? row.ids.indexOf(id) : -1;
    return i < 0 || row!.site[i] === 255 ? '' : row!.sites[row!.site[i]!]!;
  };
  // Touches have no index by instant alone (schema version 14 dropped it: every restored touch paid for it, and
  // only this rare case read it), so the stretches are found in one pass over the table. They arise only for a
  // bound in a zone's local mean time (before its standard offset), never for a period of recent years.
  const inStretch = (at: number) => stretches.some(([from, to]) => at >= from && at < to);
  await db.touches.each((t) => {
    if (inStretch(t.at) && keep(siteOf(t.prospectId))) out.set(t.channel, (out.get(t.channel) ?? 0) + 1);
  });
  return out;
}
