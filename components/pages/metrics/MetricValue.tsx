import type { Metric } from '@/lib/metrics';
import { formatMetric, rowsLabel } from './format';

/** A number with its formula and row count underneath: every figure on the page says how it was made. */
export function MetricValue({ metric, label }: { metric: Metric; label?: string }) {
  return (
    <span className="inline-flex flex-col">
      <span className="font-semibold tabular-nums" aria-label={label ? `${label}: ${formatMetric(metric)}` : undefined}>
        {formatMetric(metric)}
      </span>
      <span className="text-xs text-slate-500 dark:text-slate-400">
        {metric.formula} · {rowsLabel(metric)}
      </span>
    </span>
  );
}

export function MetricCard({ title, metric }: { title: string; metric: Metric }) {
  return (
    <section aria-label={title} className="rounded border border-slate-200 p-3 dark:border-slate-700">
      <h3 className="text-xs font-medium uppercase text-slate-500 dark:text-slate-400">{title}</h3>
      <p className="text-2xl" data-metric={title}>
        <MetricValue metric={metric} />
      </p>
    </section>
  );
}
