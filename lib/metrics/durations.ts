import { DAY_MS, median, percentile, perCode, startOf, type Histories } from './history';
import type { Bounds, Metric, MetricStage } from './types';

export interface StageDuration {
  stageId: string;
  name: string;
  median: Metric;
  p90: Metric;
}

/**
 * Time in each stage, in days, from stays that ended in the period (a stay runs from a change into the stage
 * to the prospect's next change). A prospect that comes back to a stage adds a second stay; stays still
 * running are not counted, since their length is not known yet.
 */
export function stageDurations(h: Histories, stages: MetricStage[], b: Bounds): StageDuration[] {
  const shown = stages.filter((s) => s.kind === 'open' || s.kind === 'retention');
  const slot = perCode(h, new Map(shown.map((s, i) => [s.id, i])));
  const stays = shown.map(() => [] as number[]);
  for (let i = 0; i < h.count; i++) {
    for (let k = startOf(h, i); k + 1 < h.end[i]!; k++) {
      const end = h.at[k + 1]!;
      if (end < b.start || end >= b.end) continue;
      const j = slot[h.stage[k]!]!;
      if (j >= 0) stays[j]!.push((end - h.at[k]!) / DAY_MS);
    }
  }
  return shown.map((s, j) => {
    const d = Float64Array.from(stays[j]!).sort();
    const rows = d.length;
    return {
      stageId: s.id,
      name: s.name,
      median: { value: median(d), formula: `median of ${rows} completed stays in "${s.name}" (next change - change into it)`, rows, unit: 'days' },
      p90: { value: percentile(d, 90), formula: `90th percentile (nearest rank) of ${rows} completed stays in "${s.name}"`, rows, unit: 'days' },
    };
  });
}
