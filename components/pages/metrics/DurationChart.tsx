import type { StageDuration } from '@/lib/metrics/durations';

const ROW = 30;
const LABEL = 190;
const WIDTH = 640;

/**
 * Days in each stage: a solid bar to the median and a hollow bar to the 90th percentile behind it, told apart
 * by fill and by the printed figures rather than by colour.
 */
export function DurationChart({ rows }: { rows: StageDuration[] }) {
  const max = Math.max(1, ...rows.map((r) => r.p90.value ?? 0));
  const space = WIDTH - LABEL - 170;
  const x = (d: number | null) => ((d ?? 0) / max) * space;
  const label = (r: StageDuration) => (r.median.value === null ? 'no completed stays' : `median ${r.median.value.toFixed(1)} d · p90 ${r.p90.value!.toFixed(1)} d`);
  return (
    <svg
      role="img"
      aria-label={`Time in stage. ${rows.map((r) => `${r.name}: ${label(r)}`).join('; ')}`}
      viewBox={`0 0 ${WIDTH} ${rows.length * ROW + 24}`}
      className="w-full max-w-3xl text-emerald-700 dark:text-emerald-300"
    >
      {rows.map((r, i) => {
        const y = i * ROW + 2;
        return (
          <g key={r.stageId}>
            <text x={LABEL - 8} y={y + ROW / 2} textAnchor="end" dominantBaseline="middle" className="fill-slate-800 text-[12px] dark:fill-slate-100">
              {r.name}
            </text>
            <rect x={LABEL} y={y + 5} width={x(r.p90.value)} height={ROW - 10} fill="none" stroke="currentColor" strokeWidth={1.5} strokeDasharray="4 2" />
            <rect x={LABEL} y={y + 9} width={x(r.median.value)} height={ROW - 18} fill="currentColor" />
            <text x={LABEL + space + 8} y={y + ROW / 2} dominantBaseline="middle" className="fill-slate-800 text-[12px] tabular-nums dark:fill-slate-100">
              {label(r)}
            </text>
          </g>
        );
      })}
      <g transform={`translate(${LABEL}, ${rows.length * ROW + 10})`} className="text-[11px]">
        <rect width={14} height={8} fill="currentColor" />
        <text x={18} y={8} className="fill-slate-700 dark:fill-slate-300">median</text>
        <rect x={80} width={14} height={8} fill="none" stroke="currentColor" strokeDasharray="4 2" />
        <text x={98} y={8} className="fill-slate-700 dark:fill-slate-300">90th percentile</text>
      </g>
    </svg>
  );
}
