import type { DigestRow, HistoryRow, TouchDigestRow } from './digest';
import type { Histories } from './history';
import type { TouchStats } from './touches';
import type { Bounds, ChangeRow, ProspectFacts } from './types';

const isHistory = (r: DigestRow): r is HistoryRow => r.id.startsWith('h:');
const isTouches = (r: DigestRow): r is TouchDigestRow => r.id.startsWith('t:');

/** A sorted run's count of values at or before `until`. */
function countUpTo(at: Float64Array, until: number): number {
  let lo = 0;
  let hi = at.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (at[mid]! <= until) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * What computeMetrics needs, from the digest's rows: the same histories, prospect facts and touch figures the
 * pure functions build from StageChange and Touch rows (tests/unit/metrics-digest.test.ts compares both).
 */
export function metricsInputFromDigest(rows: DigestRow[], b: Bounds, source?: string): { histories: Histories; prospects: Map<string, ProspectFacts>; touches: TouchStats } {
  const prospects = new Map<string, ProspectFacts>();
  const histories: Histories = new Map();
  for (const row of rows) {
    if (!isHistory(row)) continue;
    let k = 0;
    for (let i = 0; i < row.ids.length; i++) {
      const id = row.ids[i]!;
      const site = row.site[i] === 255 ? undefined : row.sites[row.site[i]!];
      const deal = row.deal[i]!;
      prospects.set(id, { id, site: site as string, dealValue: Number.isNaN(deal) ? undefined : deal });
      const end = row.end[i]!;
      if (source && site !== source) {
        k = end;
        continue;
      }
      let list: ChangeRow[] | undefined;
      for (; k < end; k++) {
        const at = row.at[k]!;
        if (at >= b.end) continue;
        (list ??= []).push({ prospectId: id, to: row.stages[row.to[k]!]!, at });
      }
      if (list) histories.set(id, list);
    }
  }
  const byChannel = new Map<string, number>();
  const times = new Map<string, Float64Array>();
  for (const row of rows) {
    if (!isTouches(row)) continue;
    const counts = new Float64Array(row.channels.length);
    let k = 0;
    for (let i = 0; i < row.ids.length; i++) {
      const id = row.ids[i]!;
      const end = row.end[i]!;
      if (source && prospects.get(id)?.site !== source) {
        k = end;
        continue;
      }
      times.set(id, row.at.subarray(k, end));
      for (; k < end; k++) {
        const at = row.at[k]!;
        if (at >= b.start && at < b.end) counts[row.channel[k]!]!++;
      }
    }
    row.channels.forEach((c, i) => {
      if (counts[i]) byChannel.set(c, (byChannel.get(c) ?? 0) + counts[i]!);
    });
  }
  const touches: TouchStats = {
    byChannel,
    before(prospectId, until) {
      const at = times.get(prospectId);
      const count = at ? countUpTo(at, until) : 0;
      return { count, first: count ? at![0] : undefined };
    },
  };
  return { histories, prospects, touches };
}
