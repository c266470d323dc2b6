import { perCode, startOf, type Histories } from './history';
import { funnelOrder, funnelRank } from './stages';
import type { Bounds, Metric, MetricStage } from './types';

export interface FunnelStep {
  stageId: string;
  name: string;
  entered: Metric;
  /** To any later funnel stage (skipping is progress); absent for the last step. */
  conversion?: Metric;
  dropOff?: Metric;
}

/**
 * Prospects entering each stage in the period, and of those, how many reached a later stage before the
 * period ended. A prospect that moves back and enters a stage again is one prospect entering it; its
 * conversion is measured from its first entry in the period.
 */
export function funnel(h: Histories, stages: MetricStage[], b: Bounds): FunnelStep[] {
  const order = funnelOrder(stages);
  const rank = perCode(h, funnelRank(stages));
  const R = order.length;
  const entered = new Uint32Array(R);
  const entryRows = new Uint32Array(R);
  const converted = new Uint32Array(R);
  // This prospect's first entry into each funnel step in the period (NaN: none).
  const firstAt = new Float64Array(R);
  for (let i = 0; i < h.count; i++) {
    const s = startOf(h, i);
    const e = h.end[i]!;
    firstAt.fill(NaN);
    let any = false;
    for (let k = s; k < e; k++) {
      const at = h.at[k]!;
      if (at < b.start || at >= b.end) continue;
      const r = rank[h.stage[k]!]!;
      if (r < 0) continue;
      entryRows[r]!++;
      if (Number.isNaN(firstAt[r]!)) {
        firstAt[r] = at;
        entered[r]!++;
        any = true;
      }
    }
    if (!any) continue;
    for (let r = 0; r < R - 1; r++) {
      const from = firstAt[r]!;
      if (Number.isNaN(from)) continue;
      for (let k = s; k < e; k++) {
        const at = h.at[k]!;
        if (at >= from && at < b.end && rank[h.stage[k]!]! > r) {
          converted[r]!++;
          break;
        }
      }
    }
  }
  return order.map((s, r) => {
    const cohort = entered[r]!;
    const enteredMetric: Metric = {
      value: cohort,
      formula: `distinct prospects with a stage change into "${s.name}" in the period`,
      rows: entryRows[r]!,
      unit: 'count',
    };
    if (r === R - 1) return { stageId: s.id, name: s.name, entered: enteredMetric };
    const next = order[r + 1]!.name;
    return {
      stageId: s.id,
      name: s.name,
      entered: enteredMetric,
      conversion: {
        value: cohort ? converted[r]! / cohort : null,
        formula: `entered "${s.name}" and later reached "${next}" or beyond in the period (${converted[r]}) / entered "${s.name}" (${cohort})`,
        rows: cohort,
        unit: 'ratio',
      },
      dropOff: {
        value: cohort - converted[r]!,
        formula: `entered "${s.name}" (${cohort}) - reached "${next}" or beyond (${converted[r]})`,
        rows: cohort,
        unit: 'count',
      },
    };
  });
}
