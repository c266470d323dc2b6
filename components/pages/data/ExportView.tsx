import { useState } from 'react';
import { download, runDataJob } from '@/lib/data/client';
import { send } from '@/lib/messaging/client';
import type { Stage } from '@/lib/process/stage';

export const exportFileName = () => `touchline-prospects-${new Date().toISOString().slice(0, 10)}.csv`;

/** Exports the given view (ids in order) or every prospect, optionally of one stage, as a CSV download. */
export async function exportProspects(view: { ids?: string[]; stageId?: string }, stages?: Stage[]): Promise<void> {
  const all = stages ?? (await send('settings.get', {})).stages;
  const blob = await runDataJob<Blob>({ job: 'export', stages: all, ...view }).done;
  download(blob, exportFileName());
}

export function ExportView({ stages }: { stages: Stage[] }) {
  const [stageId, setStageId] = useState('');
  const [state, setState] = useState<{ busy?: boolean; error?: string; done?: boolean }>({});
  async function run() {
    setState({ busy: true });
    try {
      await exportProspects({ stageId: stageId || undefined }, stages);
      setState({ done: true });
    } catch (e) {
      setState({ error: (e as Error).message });
    }
  }
  return (
    <section aria-labelledby="export-h" className="space-y-2">
      <h2 id="export-h" className="text-lg font-semibold">Export to CSV</h2>
      <p className="text-sm text-slate-600 dark:text-slate-300">The file imports back unchanged; cells a spreadsheet would run as a formula start with an apostrophe.</p>
      <div className="flex flex-wrap items-end gap-3">
        <label className="flex flex-col text-sm">
          Prospects
          <select aria-label="Prospects to export" value={stageId} onChange={(e) => setStageId(e.target.value)} className="rounded border px-2 py-1 dark:bg-slate-800">
            <option value="">Every stage</option>
            {stages.map((s) => (
              <option key={s.id} value={s.id}>Only {s.name}</option>
            ))}
          </select>
        </label>
        <button type="button" disabled={state.busy} className="rounded border px-3 py-1" onClick={run}>
          Export CSV
        </button>
      </div>
      {state.error && <p role="alert">{state.error}</p>}
      {state.done && <p role="status">Exported.</p>}
    </section>
  );
}
