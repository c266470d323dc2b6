import type { Histories } from './history';
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
export function funnel(histories: Histories, stages: MetricStage[], b: Bounds): FunnelStep[] {
  const order = funnelOrder(stages);
  const rank = funnelRank(stages);
  const firstEntry = order.map(() => new Map<string, number>());
  const entryRows = order.map(() => 0);
  for (const [pid, list] of histories) {
    for (const c of list) {
      if (c.at < b.start || c.at >= b.end) continue;
      const r = rank.get(c.to);
      if (r === undefined) continue;
      entryRows[r]!++;
      if (!firstEntry[r]!.has(pid)) firstEntry[r]!.set(pid, c.at);
    }
  }
  return order.map((s, r) => {
    const cohort = firstEntry[r]!;
    const entered: Metric = {
      value: cohort.size,
      formula: `distinct prospects with a stage change into "${s.name}" in the period`,
      rows: entryRows[r]!,
      unit: 'count',
    };
    if (r === order.length - 1) return { stageId: s.id, name: s.name, entered };
    let converted = 0;
    for (const [pid, at] of cohort) {
      if (histories.get(pid)!.some((c) => c.at >= at && c.at < b.end && (rank.get(c.to) ?? -1) > r)) converted++;
    }
    const next = order[r + 1]!.name;
    return {
      stageId: s.id,
      name: s.name,
      entered,
      conversion: {
        value: cohort.size ? converted / cohort.size : null,
        formula: `entered "${s.name}" and later reached "${next}" or beyond in the period (${converted}) / entered "${s.name}" (${cohort.size})`,
        rows: cohort.size,
        unit: 'ratio',
      },
      dropOff: {
        value: cohort.size - converted,
        formula: `entered "${s.name}" (${cohort.size}) - reached "${next}" or beyond (${converted})`,
        rows: cohort.size,
        unit: 'count',
      },
    };
  });
}
