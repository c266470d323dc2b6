import { DAY_MS, median, percentile, type Histories } from './history';
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
export function stageDurations(histories: Histories, stages: MetricStage[], b: Bounds): StageDuration[] {
  const stays = new Map<string, number[]>(stages.map((s) => [s.id, []]));
  for (const list of histories.values()) {
    for (let i = 0; i + 1 < list.length; i++) {
      const end = list[i + 1]!.at;
      if (end < b.start || end >= b.end) continue;
      stays.get(list[i]!.to)?.push((end - list[i]!.at) / DAY_MS);
    }
  }
  return stages
    .filter((s) => s.kind === 'open' || s.kind === 'retention')
    .map((s) => {
      const d = stays.get(s.id)!.sort((x, y) => x - y);
      const rows = d.length;
      return {
        stageId: s.id,
        name: s.name,
        median: { value: median(d), formula: `median of ${rows} completed stays in "${s.name}" (next change - change into it)`, rows, unit: 'days' },
        p90: { value: percentile(d, 90), formula: `90th percentile (nearest rank) of ${rows} completed stays in "${s.name}"`, rows, unit: 'days' },
      };
    });
}
