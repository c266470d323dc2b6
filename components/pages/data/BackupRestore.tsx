import { useRef, useState } from 'react';
import { download, runDataJob, type RunningJob } from '@/lib/data/client';
import type { RestoreMode, RestoreSummary } from '@/lib/data/backup';
import type { Settings } from '@/lib/settings/settings';
import { send } from '@/lib/messaging/client';

type Restored = RestoreSummary & { settings: Settings };

/**
 * Set while a replace restore writes into the emptied profile, cleared when it ends well: a restore cut short
 * (an error, the page closed, the browser quit) leaves it, and the page says what the profile holds until the
 * next replace restore finishes. The page's own storage: the worker that writes cannot reach extension storage.
 */
const UNFINISHED = 'touchline:restore-unfinished';
type Unfinished = { file: string; at: number };
function readUnfinished(): Unfinished | undefined {
  try {
    return JSON.parse(localStorage.getItem(UNFINISHED) ?? 'null') ?? undefined;
  } catch {
    return undefined;
  }
}

const total = (counts: Partial<Record<string, number>>) => Object.values(counts).reduce<number>((a, b) => a + (b ?? 0), 0);

/** Download a backup of everything; restore one by replacing this profile or merging into it. */
export function BackupRestore({ onRestored }: { onRestored?: () => void }) {
  const [status, setStatus] = useState<{ busy?: string; error?: string; message?: string }>({});
  const [file, setFile] = useState<File>();
  const [mode, setMode] = useState<RestoreMode>('merge');
  const job = useRef<RunningJob<unknown>>(undefined);
  const [unfinished, setUnfinished] = useState(readUnfinished);

  async function backup() {
    setStatus({ busy: 'Backing up…' });
    try {
      const settings = await send('settings.get', {});
      const blob = await runDataJob<Blob>({ job: 'backup', settings }, (p) => setStatus({ busy: `Backing up ${(p as { table: string }).table}…` })).done;
      download(blob, `touchline-backup-${new Date().toISOString().slice(0, 10)}.json`);
      setStatus({ message: 'Backup downloaded.' });
    } catch (e) {
      setStatus({ error: (e as Error).message });
    }
  }

  async function restore() {
    if (!file) return;
    setStatus({ busy: 'Checking the backup…' });
    try {
      const settings = await send('settings.get', {});
      const running = runDataJob<Restored>({ job: 'restore', file, mode, settings }, (p) => {
        const { phase, table, rows } = p as { phase: string; table: string; rows: number };
        if (phase === 'emptied') {
          localStorage.setItem(UNFINISHED, JSON.stringify({ file: file.name, at: Date.now() } satisfies Unfinished));
          return;
        }
        setStatus({ busy: `${phase === 'checking' ? 'Checking' : 'Writing'} ${table}: ${rows.toLocaleString()} rows` });
      });
      job.current = running;
      const done = await running.done;
      if (mode === 'replace') {
        await send('settings.save', done.settings);
        localStorage.removeItem(UNFINISHED);
      }
      setUnfinished(readUnfinished());
      setStatus({
        message:
          mode === 'replace'
            ? `Restored: ${total(done.written).toLocaleString()} records and the settings replaced this profile.`
            : `Merged: ${total(done.written).toLocaleString()} records added, ${total(done.kept).toLocaleString()} already here kept.`,
      });
      onRestored?.();
    } catch (e) {
      setStatus({ error: (e as Error).message });
      setUnfinished(readUnfinished());
    }
  }

  return (
    <section aria-labelledby="backup-h" className="space-y-3">
      <h2 id="backup-h" className="text-lg font-semibold">Backup and restore</h2>
      <button type="button" disabled={!!status.busy} className="rounded border px-3 py-1" onClick={backup}>
        Download backup
      </button>
      <fieldset className="space-y-2 rounded border p-3">
        <legend className="px-1 text-sm font-medium">Restore a backup</legend>
        <label className="flex flex-col text-sm">
          Backup file to restore
          <input type="file" aria-label="Backup file to restore" accept=".json,application/json" onChange={(e) => setFile(e.target.files?.[0])} />
        </label>
        <div role="radiogroup" aria-label="How to restore" className="space-y-1 text-sm">
          <label className="flex items-center gap-2">
            <input type="radio" name="restore-mode" checked={mode === 'merge'} onChange={() => setMode('merge')} />
            Merge: add the backup's people and their history; people already here (same email or LinkedIn URL) are kept
          </label>
          <label className="flex items-center gap-2">
            <input type="radio" name="restore-mode" checked={mode === 'replace'} onChange={() => setMode('replace')} />
            Replace: delete everything in this profile and put the backup (and its settings) in its place
          </label>
        </div>
        <button type="button" disabled={!file || !!status.busy} className="rounded border px-3 py-1" onClick={restore}>
          Restore this backup
        </button>
      </fieldset>
      {unfinished && !status.busy && !status.error && (
        <p role="alert" className="text-amber-800 dark:text-amber-300">
          A restore of “{unfinished.file}” (Replace, started {new Date(unfinished.at).toLocaleString()}) did not finish: this profile holds only
          part of that backup. Restore the same file again with Replace to finish it.
        </p>
      )}
      {status.busy && <p aria-live="polite">{status.busy}</p>}
      {status.error && <p role="alert" className="text-red-700 dark:text-red-300">{status.error}</p>}
      {status.message && <p role="status">{status.message}</p>}
    </section>
  );
}
