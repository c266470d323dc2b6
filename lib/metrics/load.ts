import type { TouchlineDb } from '../db/database';
import { readDigest } from '../store/metrics-digest';
import { computeMetrics, type Metrics } from './compute';
import { metricsInputFromDigest } from './digest-read';
import { periodBounds } from './period';
import type { MetricStage, Period } from './types';

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
 * history and touches the unit of work keeps) in one read, then the same pure functions as over the rows.
 * No StageChange, Touch or prospect row is read (300,000 stage changes alone took over 500 ms in Chromium).
 */
export async function loadMetrics(db: TouchlineDb, q: MetricsQuery): Promise<Metrics> {
  const bounds = periodBounds(q.period, q.timeZone);
  const rows = await readDigest(db);
  const { histories, prospects, touches } = metricsInputFromDigest(rows, bounds, q.source);
  const stages = await q.stages;
  return computeMetrics({ stages, changes: [], histories, prospects, touches, bounds, source: q.source });
}
