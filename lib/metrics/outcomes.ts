import { DAY_MS, KIND, kindsOf, orderFreeSum, startOf, type Histories } from './history';
import type { TouchStats } from './touches';
import type { Bounds, Metric, MetricStage } from './types';

export interface Closes {
  /** Won prospects (indexes into the history) and the change that won each (their last close in the period). */
  won: number[];
  wonBy: number[];
  lost: number;
}

/** Each prospect's last close (a change into a won or lost stage) in the period decides which side it counts on. */
export function closesIn(h: Histories, stages: MetricStage[], b: Bounds): Closes {
  const kind = kindsOf(h, stages);
  const c: Closes = { won: [], wonBy: [], lost: 0 };
  for (let i = 0; i < h.count; i++) {
    let last = -1;
    for (let k = startOf(h, i); k < h.end[i]!; k++) {
      const at = h.at[k]!;
      if (at < b.start || at >= b.end) continue;
      const kd = kind[h.stage[k]!];
      if (kd === KIND.won || kd === KIND.lost) last = k;
    }
    if (last < 0) continue;
    if (kind[h.stage[last]!] === KIND.won) {
      c.won.push(i);
      c.wonBy.push(last);
    } else c.lost++;
  }
  return c;
}

export function winRate(c: Closes): Metric {
  const won = c.won.length;
  const total = won + c.lost;
  return { value: total ? won / total : null, formula: `won (${won}) / (won (${won}) + lost (${c.lost}))`, rows: total, unit: 'ratio' };
}

export function averageDealSize(c: Closes, h: Histories): Metric {
  const values: number[] = [];
  for (const i of c.won) if (!Number.isNaN(h.deal[i]!)) values.push(h.deal[i]!);
  const sum = orderFreeSum(values);
  const n = values.length;
  return {
    value: n ? sum / n : null,
    formula: `sum of deal values of won deals (${round(sum)}) / won deals with a value (${n} of ${c.won.length})`,
    rows: n,
    unit: 'money',
  };
}

/** First touch (or the first stage change, when no touch came earlier) to the win, averaged over won deals. */
export function cycleLength(c: Closes, h: Histories, touches: TouchStats): Metric {
  const days = c.won.map((i, j) => {
    const k = c.wonBy[j]!;
    const first = Math.min(h.at[startOf(h, i)]!, touches.upTo(h, i, k).first ?? Infinity);
    return (h.at[k]! - first) / DAY_MS;
  });
  const sum = orderFreeSum(days);
  const n = c.won.length;
  return {
    value: n ? sum / n : null,
    formula: `sum over won deals of (win - first touch or first stage change) (${round(sum)} days) / won deals (${n})`,
    rows: n,
    unit: 'days',
  };
}

export function touchesPerWonDeal(c: Closes, h: Histories, touches: TouchStats): Metric {
  let sum = 0;
  c.won.forEach((i, j) => (sum += touches.upTo(h, i, c.wonBy[j]!).count));
  const n = c.won.length;
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
