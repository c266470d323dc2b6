import type { ChangeRow, ProspectFacts } from './types';

/** Each prospect's stage changes, oldest first, limited to the prospects the chosen source keeps. */
export type Histories = Map<string, ChangeRow[]>;

export function groupHistories(changes: Iterable<ChangeRow>, prospects: Map<string, ProspectFacts>, source?: string): Histories {
  const out: Histories = new Map();
  for (const c of changes) {
    const p = prospects.get(c.prospectId);
    if (!p || (source && p.site !== source)) continue;
    let list = out.get(c.prospectId);
    if (!list) out.set(c.prospectId, (list = []));
    list.push(c);
  }
  for (const list of out.values()) list.sort((a, b) => a.at - b.at);
  return out;
}

/** The stage a prospect was in just before `instant` (its last change before it), if any. */
export function stageAt(history: ChangeRow[], instant: number): string | undefined {
  let stage: string | undefined;
  for (const c of history) {
    if (c.at >= instant) break;
    stage = c.to;
  }
  return stage;
}

export function median(sorted: number[]): number | null {
  const n = sorted.length;
  if (!n) return null;
  const mid = n >> 1;
  return n % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Nearest-rank percentile: the smallest value with at least p% of the values at or below it. */
export function percentile(sorted: number[], p: number): number | null {
  if (!sorted.length) return null;
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/**
 * A sum that does not depend on the order of its terms (floating-point addition does): the terms are added
 * smallest first. The metrics come from rows in whatever order a store reads them (rows, the digest); the
 * same rows must give the same figure to the last bit.
 */
export function orderFreeSum(values: number[]): number {
  const sorted = Float64Array.from(values).sort();
  let sum = 0;
  for (const v of sorted) sum += v;
  return sum;
}

export const DAY_MS = 86_400_000;
