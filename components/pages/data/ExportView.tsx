import { useState } from 'react';
import { download, runDataJob } from '@/lib/data/client';
import type { HomeFilter } from '@/lib/home/filters';
import { send } from '@/lib/messaging/client';
import { localTimeZone } from '@/lib/process/time-zone';
import type { Stage } from '@/lib/process/stage';
import { FilterBar, useHomeFilter } from '@/components/home/filters';

export const exportFileName = () => `touchline-prospects-${new Date().toISOString().slice(0, 10)}.csv`;

/**
 * Exports a view as a CSV download: a selection's ids in order, or what a home filter keeps (the worker runs
 * the board's and list's own query), or every prospect.
 */
export async function exportProspects(view: { ids?: string[]; filter?: HomeFilter }, stages?: Stage[]): Promise<void> {
  const all = stages ?? (await send('settings.get', {})).stages;
  const blob = await runDataJob<Blob>({ job: 'export', stages: all, ...view, now: Date.now(), timeZone: localTimeZone() }).done;
  download(blob, exportFileName());
}

/** The export of #/data: the home's filters (kept in the URL, like the board's and the list's) and a button. */
export function ExportView({ stages }: { stages: Stage[] }) {
  const [filter, setFilter] = useHomeFilter();
  const [state, setState] = useState<{ busy?: boolean; error?: string; done?: boolean }>({});
  async function run() {
    setState({ busy: true });
    try {
      await exportProspects({ filter }, stages);
      setState({ done: true });
    } catch (e) {
      setState({ error: (e as Error).message });
    }
  }
  return (
    <section aria-labelledby="export-h" className="space-y-2">
      <h2 id="export-h" className="text-lg font-semibold">Export to CSV</h2>
      <p className="text-sm text-slate-600 dark:text-slate-300">
        Exports the prospects these filters keep, in their order (the board and the list filter the same way). The file imports back unchanged; cells a spreadsheet
        would run as a formula start with an apostrophe.
      </p>
      <FilterBar filter={filter} onChange={setFilter} stages={stages} />
      <button type="button" disabled={state.busy} className="rounded border px-3 py-1" onClick={run}>
        Export CSV
      </button>
      {state.error && <p role="alert">{state.error}</p>}
      {state.done && <p role="status">Exported.</p>}
    </section>
  );
}
