import type { FunnelStep } from '@/lib/metrics/funnel';
import { formatMetric } from './format';

const ROW = 34;
const LABEL = 190;
const WIDTH = 640;

/**
 * Prospects entering each stage as centred bars that narrow down the funnel. Every bar carries its count and
 * the conversion to the next stage as text, so the chart reads without colour; it uses currentColor so it
 * follows the light or dark theme.
 */
export function FunnelChart({ steps }: { steps: FunnelStep[] }) {
  const max = Math.max(1, ...steps.map((s) => s.entered.value ?? 0));
  const barSpace = WIDTH - LABEL - 150;
  const summary = steps.map((s) => `${s.name}: ${s.entered.value}${s.conversion ? `, ${formatMetric(s.conversion)} go on` : ''}`).join('; ');
  return (
    <svg role="img" aria-label={`Funnel. ${summary}`} viewBox={`0 0 ${WIDTH} ${steps.length * ROW + 4}`} className="w-full max-w-3xl text-blue-700 dark:text-blue-300">
      {steps.map((s, i) => {
        const w = Math.max(2, ((s.entered.value ?? 0) / max) * barSpace);
        const y = i * ROW + 2;
        return (
          <g key={s.stageId}>
            <text x={LABEL - 8} y={y + ROW / 2} textAnchor="end" dominantBaseline="middle" className="fill-slate-800 text-[12px] dark:fill-slate-100">
              {s.name}
            </text>
            <rect x={LABEL + (barSpace - w) / 2} y={y + 4} width={w} height={ROW - 10} rx={3} fill="currentColor" opacity={0.85} />
            <text x={LABEL + barSpace + 8} y={y + ROW / 2} dominantBaseline="middle" className="fill-slate-800 text-[12px] tabular-nums dark:fill-slate-100">
              {s.entered.value}
              {s.conversion ? ` · ${formatMetric(s.conversion)} ↓` : ''}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
