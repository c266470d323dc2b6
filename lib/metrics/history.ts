import type { ChangeRow, MetricStage, ProspectFacts } from './types';
import { dictionary } from './digest';

/**
 * Each kept prospect's stage changes, oldest first, as columns: prospect i's changes are
 * k = startOf(h, i) .. h.end[i] - 1. The digest stores them so, and reading 300,000 changes into objects (and
 * maps keyed by prospect id) cost more than every metric together, so the metrics run on the columns.
 */
export interface Histories {
  /** Prospects kept (by the source filter). */
  count: number;
  /** Cumulative end of each prospect's changes in `at` / `stage`. */
  end: Uint32Array;
  at: Float64Array;
  /** Index into `stageIds`. */
  stage: Uint16Array;
  stageIds: string[];
  /** Each prospect's deal value, NaN for none. */
  deal: Float64Array;
  /** Prospect ids, when built from rows (touchStatsFromRows finds a prospect's touches by id). */
  ids?: string[];
}

export const startOf = (h: Histories, i: number) => (i ? h.end[i - 1]! : 0);

/** A value per stage code (from a table keyed by stage id; `none` for ids the table lacks, e.g. a removed stage). */
export function perCode(h: Histories, table: Map<string, number>, none = -1): Int32Array {
  return Int32Array.from(h.stageIds, (id) => table.get(id) ?? none);
}

/** Stage kinds as codes, per stage code. */
export const KIND = { open: 0, won: 1, lost: 2, retention: 3 } as const;
export function kindsOf(h: Histories, stages: MetricStage[]): Int32Array {
  return perCode(h, new Map(stages.map((s) => [s.id, KIND[s.kind]])));
}

/** The row path: StageChange rows grouped by prospect (stable by instant), for the prospects the source keeps. */
export function groupHistories(changes: Iterable<ChangeRow>, prospects: Map<string, ProspectFacts>, source?: string): Histories {
  const byProspect = new Map<string, ChangeRow[]>();
  for (const c of changes) {
    const p = prospects.get(c.prospectId);
    if (!p || (source && p.site !== source)) continue;
    let list = byProspect.get(c.prospectId);
    if (!list) byProspect.set(c.prospectId, (list = []));
    list.push(c);
  }
  const n = [...byProspect.values()].reduce((s, l) => s + l.length, 0);
  const codes = dictionary();
  const h: Histories = { count: byProspect.size, end: new Uint32Array(byProspect.size), at: new Float64Array(n), stage: new Uint16Array(n), stageIds: codes.values, deal: new Float64Array(byProspect.size), ids: [] };
  let k = 0;
  for (const [id, list] of byProspect) {
    const i = h.ids!.push(id) - 1;
    for (const c of list.sort((a, b) => a.at - b.at)) {
      h.at[k] = c.at;
      h.stage[k++] = codes.code(c.to);
    }
    h.end[i] = k;
    const v = prospects.get(id)!.dealValue;
    h.deal[i] = typeof v === 'number' ? v : NaN;
  }
  return h;
}

/** Prospect i's last change before `instant` (its stage then), or -1. */
export function changeBefore(h: Histories, i: number, instant: number): number {
  let found = -1;
  for (let k = startOf(h, i); k < h.end[i]! && h.at[k]! < instant; k++) found = k;
  return found;
}

export function median(sorted: ArrayLike<number>): number | null {
  const n = sorted.length;
  if (!n) return null;
  const mid = n >> 1;
  return n % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Nearest-rank percentile: the smallest value with at least p% of the values at or below it. */
export function percentile(sorted: ArrayLike<number>, p: number): number | null {
  if (!sorted.length) return null;
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/**
 * A sum that does not depend on the order of its terms (floating-point addition does): the terms are added
 * smallest first. The metrics come from rows in whatever order a store reads them (rows, the digest); the
 * same rows must give the same figure to the last bit.
 */
export function orderFreeSum(values: ArrayLike<number>): number {
  const sorted = Float64Array.from(values).sort();
  let sum = 0;
  for (const v of sorted) sum += v;
  return sum;
}

export const DAY_MS = 86_400_000;
