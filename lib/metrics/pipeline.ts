import { orderFreeSum, stageAt, type Histories } from './history';
import { winProbability } from './stages';
import type { Bounds, Metric, MetricStage, ProspectFacts } from './types';

export interface PipelineStage {
  stageId: string;
  name: string;
  probability: number;
  count: Metric;
  value: Metric;
  weighted: Metric;
}

export interface Pipeline {
  stages: PipelineStage[];
  open: Metric;
  value: Metric;
  weighted: Metric;
}

/**
 * The open pipeline at the end of the period, by the stage each prospect was in then (from its history),
 * valued with the prospects' deal values and weighted by each stage's win probability.
 */
export function pipeline(histories: Histories, stages: MetricStage[], prospects: Map<string, ProspectFacts>, b: Bounds): Pipeline {
  const open = stages.filter((s) => s.kind === 'open');
  const acc = new Map(open.map((s) => [s.id, { n: 0, values: [] as number[] }]));
  for (const [pid, list] of histories) {
    const at = stageAt(list, b.end);
    const a = at === undefined ? undefined : acc.get(at);
    if (!a) continue;
    a.n++;
    const v = prospects.get(pid)?.dealValue;
    if (typeof v === 'number') a.values.push(v);
  }
  const rows = open.map((s) => {
    const { n, values } = acc.get(s.id)!;
    const a = { n, valued: values.length, sum: orderFreeSum(values) };
    const p = winProbability(s, stages);
    return {
      stageId: s.id,
      name: s.name,
      probability: p,
      count: { value: a.n, formula: `prospects in "${s.name}" at the end of the period`, rows: a.n, unit: 'count' } as Metric,
      value: { value: a.sum, formula: `sum of deal values in "${s.name}" (${a.valued} of ${a.n} have one)`, rows: a.valued, unit: 'money' } as Metric,
      weighted: { value: a.sum * p, formula: `pipeline value in "${s.name}" (${a.sum}) x win probability (${p.toFixed(2)})`, rows: a.valued, unit: 'money' } as Metric,
    };
  });
  const total = (pick: (r: PipelineStage) => Metric) => rows.reduce((s, r) => s + (pick(r).value ?? 0), 0);
  const totalRows = (pick: (r: PipelineStage) => Metric) => rows.reduce((s, r) => s + pick(r).rows, 0);
  return {
    stages: rows,
    open: { value: total((r) => r.count), formula: 'prospects in an open stage at the end of the period', rows: totalRows((r) => r.count), unit: 'count' },
    value: { value: total((r) => r.value), formula: 'sum of open stages\' pipeline values', rows: totalRows((r) => r.value), unit: 'money' },
    weighted: { value: total((r) => r.weighted), formula: 'sum over open stages of pipeline value x win probability', rows: totalRows((r) => r.weighted), unit: 'money' },
  };
}
