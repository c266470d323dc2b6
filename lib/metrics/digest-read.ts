import { dictionary, type HistoryRow } from './digest';
import type { Histories } from './history';
import type { TouchStats } from './touches';

/**
 * The history columns computeMetrics runs on, from the digest's history rows: the buckets put end to end
 * (their stage codes mapped to one table), keeping the prospects of `source` (every prospect when undefined),
 * and the touch figures the rows carry for each change. No object per prospect or per change is made.
 */
export function historiesFromDigest(rows: HistoryRow[], source?: string): { histories: Histories; upTo: TouchStats['upTo'] } {
  let prospects = 0;
  let changes = 0;
  const keeps = rows.map((row) => {
    const keep = new Uint8Array(256);
    row.sites.forEach((site, code) => (keep[code] = !source || site === source ? 1 : 0));
    if (!source) keep[255] = 1;
    for (let i = 0; i < row.end.length; i++) {
      if (!keep[row.site[i]!]) continue;
      prospects++;
      changes += row.end[i]! - (i ? row.end[i - 1]! : 0);
    }
    return keep;
  });
  const codes = dictionary();
  const h: Histories = { count: prospects, end: new Uint32Array(prospects), at: new Float64Array(changes), stage: new Uint16Array(changes), stageIds: codes.values, deal: new Float64Array(prospects) };
  const first = new Float64Array(prospects);
  const upTo = new Uint32Array(changes);
  let p = 0;
  let k = 0;
  rows.forEach((row, r) => {
    const keep = keeps[r]!;
    const stage = Uint16Array.from(row.stages, (id) => codes.code(id));
    if (!source) {
      // Every prospect: the row's columns as they are, one copy each.
      h.at.set(row.at, k);
      upTo.set(row.upTo, k);
      for (let j = 0; j < row.to.length; j++) h.stage[k + j] = stage[row.to[j]!]!;
      for (let i = 0; i < row.end.length; i++) h.end[p + i] = k + row.end[i]!;
      h.deal.set(row.deal, p);
      first.set(row.first, p);
      k += row.at.length;
      p += row.end.length;
      return;
    }
    for (let i = 0; i < row.end.length; i++) {
      if (!keep[row.site[i]!]) continue;
      for (let j = i ? row.end[i - 1]! : 0; j < row.end[i]!; j++) {
        h.at[k] = row.at[j]!;
        upTo[k] = row.upTo[j]!;
        h.stage[k++] = stage[row.to[j]!]!;
      }
      h.end[p] = k;
      h.deal[p] = row.deal[i]!;
      first[p++] = row.first[i]!;
    }
  });
  return {
    histories: h,
    upTo: (_h, i, k) => {
      const count = upTo[k]!;
      return { count, first: count ? first[i] : undefined };
    },
  };
}
