import type { Metric } from '@/lib/metrics';

const number = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 });
const whole = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });

/** A metric's value as the page prints it; "no data" when there was nothing to divide by. */
export function formatMetric(m: Metric): string {
  if (m.value === null) return 'no data';
  switch (m.unit) {
    case 'ratio':
      return `${(m.value * 100).toFixed(1)}%`;
    case 'days':
      return `${m.value.toFixed(1)} days`;
    case 'money':
      return whole.format(m.value);
    case 'money-per-day':
      return `${number.format(m.value)} / day`;
    case 'per-day':
      return `${number.format(m.value)} / day`;
    default:
      return number.format(m.value);
  }
}

export const rowsLabel = (m: Metric) => `${m.rows.toLocaleString()} ${m.rows === 1 ? 'row' : 'rows'}`;
