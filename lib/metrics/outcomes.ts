import { DAY_MS, orderFreeSum, type Histories } from './history';
import type { TouchStats } from './touches';
import type { Bounds, Metric, MetricStage, ProspectFacts } from './types';

export interface Closes {
  /** Prospect id -> when they were won (their last close in the period was a win). */
  won: Map<string, number>;
  lost: number;
}

/** Each prospect's last close (a change into a won or lost stage) in the period decides which side it counts on. */
export function closesIn(histories: Histories, stages: MetricStage[], b: Bounds): Closes {
  const kind = new Map(stages.map((s) => [s.id, s.kind]));
  const won = new Map<string, number>();
  let lost = 0;
  for (const [pid, list] of histories) {
    let last: { at: number; won: boolean } | undefined;
    for (const c of list) {
      if (c.at < b.start || c.at >= b.end) continue;
      const k = kind.get(c.to);
      if (k === 'won' || k === 'lost') last = { at: c.at, won: k === 'won' };
    }
    if (last?.won) won.set(pid, last.at);
    else if (last) lost++;
  }
  return { won, lost };
}

export function winRate(c: Closes): Metric {
  const won = c.won.size;
  const total = won + c.lost;
  return { value: total ? won / total : null, formula: `won (${won}) / (won (${won}) + lost (${c.lost}))`, rows: total, unit: 'ratio' };
}

export function averageDealSize(c: Closes, prospects: Map<string, ProspectFacts>): Metric {
  const values: number[] = [];
  for (const pid of c.won.keys()) {
    const v = prospects.get(pid)?.dealValue;
    if (typeof v === 'number') values.push(v);
  }
  const sum = orderFreeSum(values);
  const n = values.length;
  return {
    value: n ? sum / n : null,
    formula: `sum of deal values of won deals (${round(sum)}) / won deals with a value (${n} of ${c.won.size})`,
    rows: n,
    unit: 'money',
  };
}

/** First touch (or the first stage change, when no touch came earlier) to the win, averaged over won deals. */
export function cycleLength(c: Closes, histories: Histories, touches: TouchStats): Metric {
  const days: number[] = [];
  for (const [pid, at] of c.won) {
    const firstChange = histories.get(pid)![0]!.at;
    const first = Math.min(firstChange, touches.before(pid, at).first ?? Infinity);
    days.push((at - first) / DAY_MS);
  }
  const sum = orderFreeSum(days);
  const n = c.won.size;
  return {
    value: n ? sum / n : null,
    formula: `sum over won deals of (win - first touch or first stage change) (${round(sum)} days) / won deals (${n})`,
    rows: n,
    unit: 'days',
  };
}

export function touchesPerWonDeal(c: Closes, touches: TouchStats): Metric {
  let sum = 0;
  for (const [pid, at] of c.won) sum += touches.before(pid, at).count;
  const n = c.won.size;
  return { value: n ? sum / n : null, formula: `touches up to the win (${sum}) / won deals (${n})`, rows: sum, unit: 'count' };
}

/** Open opportunities x average deal size x win rate / cycle length (value per day). */
export function salesVelocity(open: Metric, deal: Metric, rate: Metric, cycle: Metric): Metric {
  const parts = [open.value, deal.value, rate.value, cycle.value];
  const ok = parts.every((x) => x !== null) && cycle.value! > 0;
  return {
    value: ok ? (open.value! * deal.value! * rate.value!) / cycle.value! : null,
    formula: `open opportunities (${open.value ?? '-'}) x average deal size (${fmt(deal.value)}) x win rate (${fmt(rate.value)}) / cycle length (${fmt(cycle.value)} days)`,
    rows: open.rows + deal.rows + rate.rows + cycle.rows,
    unit: 'money-per-day',
  };
}

const round = (x: number) => Math.round(x * 100) / 100;
const fmt = (x: number | null) => (x === null ? '-' : String(round(x)));
