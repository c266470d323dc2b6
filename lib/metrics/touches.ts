import type { Touch } from '../model/touch';
import type { Histories } from './history';
import type { Bounds, Metric } from './types';

export type TouchRow = Pick<Touch, 'prospectId' | 'channel' | 'at'>;

/**
 * What the metrics need from touches. Built from rows here (tests, small profiles); the page's loader
 * answers the same questions from the metrics digest (counts per 15-minute slot, and each change's count of
 * touches up to it) so it never reads a million touch instants.
 */
export interface TouchStats {
  /** Touches in the period per channel, for the prospects the source keeps. */
  byChannel: Map<string, number>;
  /** Prospect i's touches at or before the instant of its change k (both index `h`): how many, and the first one's time. */
  upTo(h: Histories, i: number, k: number): { count: number; first?: number };
}

export function touchStatsFromRows(rows: Iterable<TouchRow>, b: Bounds, keep: (prospectId: string) => boolean): TouchStats {
  const byChannel = new Map<string, number>();
  const times = new Map<string, number[]>();
  for (const t of rows) {
    if (!keep(t.prospectId)) continue;
    if (t.at >= b.start && t.at < b.end) byChannel.set(t.channel, (byChannel.get(t.channel) ?? 0) + 1);
    let list = times.get(t.prospectId);
    if (!list) times.set(t.prospectId, (list = []));
    list.push(t.at);
  }
  for (const list of times.values()) list.sort((x, y) => x - y);
  return {
    byChannel,
    upTo(h, i, k) {
      const list = times.get(h.ids![i]!) ?? [];
      const until = h.at[k]!;
      let count = 0;
      while (count < list.length && list[count]! <= until) count++;
      return { count, first: count ? list[0] : undefined };
    },
  };
}

export interface ChannelRate {
  channel: string;
  perDay: Metric;
}

export function touchesPerDay(stats: TouchStats, b: Bounds): ChannelRate[] {
  return [...stats.byChannel]
    .sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]))
    .map(([channel, n]) => ({
      channel,
      perDay: { value: b.days ? n / b.days : null, formula: `${channel} touches in the period (${n}) / local days (${b.days})`, rows: n, unit: 'per-day' },
    }));
}
