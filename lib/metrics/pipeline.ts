import { changeBefore, orderFreeSum, perCode, type Histories } from './history';
import { winProbability } from './stages';
import type { Bounds, Metric, MetricStage } from './types';

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
export function pipeline(h: Histories, stages: MetricStage[], b: Bounds): Pipeline {
  const open = stages.filter((s) => s.kind === 'open');
  const slot = perCode(h, new Map(open.map((s, j) => [s.id, j])));
  const acc = open.map(() => ({ n: 0, values: [] as number[] }));
  for (let i = 0; i < h.count; i++) {
    const k = changeBefore(h, i, b.end);
    const j = k < 0 ? -1 : slot[h.stage[k]!]!;
    if (j < 0) continue;
    const a = acc[j]!;
    a.n++;
    if (!Number.isNaN(h.deal[i]!)) a.values.push(h.deal[i]!);
  }
  const rows = open.map((s, j) => {
    const { n, values } = acc[j]!;
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
