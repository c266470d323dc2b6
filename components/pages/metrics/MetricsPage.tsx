import { useEffect, useState } from 'react';
import { getDb } from '@/lib/db/database';
import { send } from '@/lib/messaging/client';
import { CAPTURE_SITES } from '@/lib/model/prospect';
import { formatLocalDate, parseLocalDate, type Metrics } from '@/lib/metrics';
import { loadMetrics } from '@/lib/metrics/load';
import { addLocalDays, localTimeZone, toLocal } from '@/lib/process/time-zone';
import { CHANNEL_LABELS } from '../../ui/format';
import { useAsync } from '../../ui/use-async';
import { DurationChart } from './DurationChart';
import { FunnelChart } from './FunnelChart';
import { MetricCard, MetricValue } from './MetricValue';

const SOURCE_LABELS: Record<string, string> = { gmail: 'Gmail', linkedin: 'LinkedIn', manual: 'Added by hand', import: 'Imported' };

function lastDays(days: number, timeZone: string) {
  const now = Date.now();
  return { from: formatLocalDate(toLocal(addLocalDays(now, -(days - 1), timeZone), timeZone)), to: formatLocalDate(toLocal(now, timeZone)) };
}

/** Funnel metrics for a chosen period (the user's local days) and source, each number with its formula. */
export function MetricsPage() {
  const timeZone = localTimeZone();
  const [range, setRange] = useState(() => lastDays(365, timeZone));
  const [source, setSource] = useState('');
  const from = parseLocalDate(range.from);
  const to = parseLocalDate(range.to);
  const valid = !!from && !!to && range.from <= range.to;
  const { value, error, loading } = useAsync(async () => {
    if (!valid) return undefined;
    // User Timing marks: the bench (bench/suites/data.ts) reads query-to-drawn from them.
    performance.mark('touchline:metrics-start');
    // The stages arrive from the background while the history is read, not before it.
    const stages = send('settings.get', {}).then((s) => s.stages);
    return loadMetrics(getDb(), { period: { from: from!, to: to! }, timeZone, source: source || undefined, stages });
  }, [range.from, range.to, source]);

  return (
    <div className="space-y-6" data-state={loading ? 'loading' : 'ready'} aria-busy={loading}>
      <form className="flex flex-wrap items-end gap-3" onSubmit={(e) => e.preventDefault()} aria-label="Period and source">
        <label className="flex flex-col text-sm">
          From
          <input type="date" aria-label="From" value={range.from} onChange={(e) => setRange((r) => ({ ...r, from: e.target.value }))} className="rounded border px-2 py-1 dark:bg-slate-800" />
        </label>
        <label className="flex flex-col text-sm">
          To
          <input type="date" aria-label="To" value={range.to} onChange={(e) => setRange((r) => ({ ...r, to: e.target.value }))} className="rounded border px-2 py-1 dark:bg-slate-800" />
        </label>
        <label className="flex flex-col text-sm">
          Source
          <select aria-label="Source" value={source} onChange={(e) => setSource(e.target.value)} className="rounded border px-2 py-1 dark:bg-slate-800">
            <option value="">All sources</option>
            {CAPTURE_SITES.map((s) => (
              <option key={s} value={s}>
                {SOURCE_LABELS[s] ?? s}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="rounded border px-2 py-1 text-sm" onClick={() => setRange(lastDays(30, timeZone))}>
          Last 30 days
        </button>
        <button type="button" className="rounded border px-2 py-1 text-sm" onClick={() => setRange(lastDays(365, timeZone))}>
          Last 12 months
        </button>
        <span className="text-xs text-slate-500">Days are local days in {timeZone}.</span>
      </form>
      {!valid && <p role="alert">Choose a start date on or before the end date.</p>}
      {error && <p role="alert" className="text-red-700 dark:text-red-300">{error}</p>}
      {value && <MetricsView m={value} />}
    </div>
  );
}

function MetricsView({ m }: { m: Metrics }) {
  useEffect(() => void performance.mark('touchline:metrics-ready'), [m]);
  return (
    <>
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <MetricCard title="Win rate" metric={m.winRate} />
        <MetricCard title="Average deal size" metric={m.averageDealSize} />
        <MetricCard title="Sales cycle length" metric={m.cycleLength} />
        <MetricCard title="Touches per won deal" metric={m.touchesPerWonDeal} />
        <MetricCard title="Open opportunities" metric={m.pipeline.open} />
        <MetricCard title="Pipeline value" metric={m.pipeline.value} />
        <MetricCard title="Weighted forecast" metric={m.pipeline.weighted} />
        <MetricCard title="Sales velocity" metric={m.salesVelocity} />
      </div>

      <section aria-labelledby="funnel-h" className="space-y-2">
        <h2 id="funnel-h" className="text-lg font-semibold">Funnel</h2>
        <FunnelChart steps={m.funnel} />
        <table className="w-full text-left text-sm" aria-label="Funnel by stage">
          <thead>
            <tr className="border-b text-xs uppercase text-slate-500">
              <th className="py-1 pr-2">Stage</th>
              <th className="py-1 pr-2">Entered</th>
              <th className="py-1 pr-2">Conversion to next</th>
              <th className="py-1 pr-2">Drop-off</th>
            </tr>
          </thead>
          <tbody>
            {m.funnel.map((s) => (
              <tr key={s.stageId} className="border-b border-slate-100 align-top dark:border-slate-800">
                <th scope="row" className="py-1 pr-2 font-medium">{s.name}</th>
                <td className="py-1 pr-2"><MetricValue metric={s.entered} label={`${s.name} entered`} /></td>
                <td className="py-1 pr-2">{s.conversion && <MetricValue metric={s.conversion} label={`${s.name} conversion`} />}</td>
                <td className="py-1 pr-2">{s.dropOff && <MetricValue metric={s.dropOff} label={`${s.name} drop-off`} />}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="durations-h" className="space-y-2">
        <h2 id="durations-h" className="text-lg font-semibold">Time in stage</h2>
        <DurationChart rows={m.durations} />
        <table className="w-full text-left text-sm" aria-label="Time in stage">
          <thead>
            <tr className="border-b text-xs uppercase text-slate-500">
              <th className="py-1 pr-2">Stage</th>
              <th className="py-1 pr-2">Median</th>
              <th className="py-1 pr-2">90th percentile</th>
            </tr>
          </thead>
          <tbody>
            {m.durations.map((d) => (
              <tr key={d.stageId} className="border-b border-slate-100 align-top dark:border-slate-800">
                <th scope="row" className="py-1 pr-2 font-medium">{d.name}</th>
                <td className="py-1 pr-2"><MetricValue metric={d.median} label={`${d.name} median`} /></td>
                <td className="py-1 pr-2"><MetricValue metric={d.p90} label={`${d.name} p90`} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="pipeline-h" className="space-y-2">
        <h2 id="pipeline-h" className="text-lg font-semibold">Pipeline and forecast by stage</h2>
        <table className="w-full text-left text-sm" aria-label="Pipeline by stage">
          <thead>
            <tr className="border-b text-xs uppercase text-slate-500">
              <th className="py-1 pr-2">Stage</th>
              <th className="py-1 pr-2">Prospects</th>
              <th className="py-1 pr-2">Value</th>
              <th className="py-1 pr-2">Win probability</th>
              <th className="py-1 pr-2">Weighted</th>
            </tr>
          </thead>
          <tbody>
            {m.pipeline.stages.map((s) => (
              <tr key={s.stageId} className="border-b border-slate-100 align-top dark:border-slate-800">
                <th scope="row" className="py-1 pr-2 font-medium">{s.name}</th>
                <td className="py-1 pr-2"><MetricValue metric={s.count} /></td>
                <td className="py-1 pr-2"><MetricValue metric={s.value} /></td>
                <td className="py-1 pr-2 tabular-nums">{Math.round(s.probability * 100)}%</td>
                <td className="py-1 pr-2"><MetricValue metric={s.weighted} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="touches-h" className="space-y-2">
        <h2 id="touches-h" className="text-lg font-semibold">Touches per day by channel</h2>
        {m.touchesPerDay.length === 0 ? (
          <p className="text-sm text-slate-500">No touches in this period.</p>
        ) : (
          <table className="w-full text-left text-sm" aria-label="Touches per day by channel">
            <tbody>
              {m.touchesPerDay.map((c) => (
                <tr key={c.channel} className="border-b border-slate-100 align-top dark:border-slate-800">
                  <th scope="row" className="py-1 pr-2 font-medium">{CHANNEL_LABELS[c.channel] ?? c.channel}</th>
                  <td className="py-1 pr-2"><MetricValue metric={c.perDay} label={`${CHANNEL_LABELS[c.channel] ?? c.channel} per day`} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
