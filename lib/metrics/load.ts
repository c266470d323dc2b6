import type { TouchlineDb } from '../db/database';
import { TOUCH_CHANNELS } from '../model/touch';
import { computeMetrics, type Metrics } from './compute';
import { groupHistories } from './history';
import { closesIn } from './outcomes';
import { periodBounds } from './period';
import type { TouchStats } from './touches';
import { touchesUpToWins } from './won-touches';
import type { Bounds, MetricStage, Period, ProspectFacts } from './types';

export interface MetricsQuery {
  period: Period;
  timeZone: string;
  /** A capture site, or undefined for every source. */
  source?: string;
  stages: MetricStage[];
}

/** A deal value when the prospect has one (an older backup may carry anything there). */
const dealValueOf = (p: { dealValue?: unknown }) => {
  const v = p.dealValue;
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
};

/**
 * The metrics page's numbers from IndexedDB. Stage history up to the period's end is read whole (every funnel
 * figure is made from it); touches are never read as rows: per-channel counts come from the
 * [channel+at+prospectId] index, and each won deal's touches from its [prospectId+at] keys.
 */
export async function loadMetrics(db: TouchlineDb, q: MetricsQuery): Promise<Metrics> {
  const bounds = periodBounds(q.period, q.timeZone);
  // One read transaction for the history and the channel counts; the won deals' touch keys follow in a second
  // (straight IndexedDB requests, which a Dexie transaction would see as leaving it early).
  const { histories, prospects, byChannel } = await db.transaction('r', [db.prospects, db.stageChanges, db.touches], () => readHistory(db, q, bounds));
  const before = await touchesUpToWins(db, closesIn(histories, q.stages, bounds).won);
  const touches: TouchStats = { byChannel, before: (pid) => before.get(pid) ?? { count: 0 } };
  return computeMetrics({ stages: q.stages, changes: [], histories, prospects, touches, bounds, source: q.source });
}

async function readHistory(db: TouchlineDb, q: MetricsQuery, bounds: Bounds) {
  const [prospectRows, changes, allChannels] = await Promise.all([
    db.prospects.toArray(),
    db.stageChanges.where('at').below(bounds.end).toArray(),
    channelCounts(db, bounds.start, bounds.end, q.source ? undefined : null),
  ]);
  const prospects = new Map<string, ProspectFacts>();
  for (const p of prospectRows) prospects.set(p.id, { id: p.id, site: p.source.site, dealValue: dealValueOf(p) });
  const histories = groupHistories(changes, prospects, q.source);
  const byChannel = q.source ? await channelCounts(db, bounds.start, bounds.end, (id) => prospects.get(id)?.site === q.source) : allChannels;
  return { histories, prospects, byChannel };
}

/** Touches per channel in [start, end): counted by the index, or (with `keep`) filtered by owner from its keys. */
async function channelCounts(db: TouchlineDb, start: number, end: number, keep: ((prospectId: string) => boolean) | null | undefined): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  if (keep === undefined) return out;
  await Promise.all(
    TOUCH_CHANNELS.map(async (channel) => {
      const range = db.touches.where('[channel+at+prospectId]').between([channel, start, ''], [channel, end, ''], true, false);
      let n: number;
      if (!keep) n = await range.count();
      else n = ((await range.keys()) as unknown as [string, number, string][]).filter((k) => keep(k[2])).length;
      if (n) out.set(channel, n);
    }),
  );
  return out;
}
