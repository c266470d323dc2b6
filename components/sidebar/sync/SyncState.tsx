import { useState } from 'react';
import { send } from '@/lib/messaging/client';
import { usePageData } from '../page-data';

const LABELS = { synced: 'Synced to CRM', waiting: 'Waiting to sync', failed: 'Sync failed' } as const;
const TONES = {
  synced: 'text-emerald-700 dark:text-emerald-300',
  waiting: 'text-slate-500 dark:text-slate-400',
  failed: 'text-red-700 dark:text-red-300',
} as const;

/** One prospect's CRM sync state; nothing at all when no CRM is connected. */
export function SyncState({ prospectId }: { prospectId: string }) {
  // From the sidebar's page request; a retry's result arrives with the change event.
  const s = usePageData().viewOf(prospectId)?.sync;
  const [error, setError] = useState<string>();
  if (!s || s.state === 'off') return null;
  const retry = async () => {
    setError(undefined);
    try {
      await send('sync.retry', { prospectId });
    } catch (err) {
      setError((err as Error).message);
    }
  };
  return (
    <div role="status" aria-label="CRM sync" className={`flex flex-wrap items-center gap-2 text-xs ${TONES[s.state]}`}>
      <span>{LABELS[s.state]}</span>
      {s.reason && <span className="break-words">{s.reason}</span>}
      {s.state === 'failed' && (
        <button type="button" onClick={() => void retry()} className="rounded border border-red-300 px-1.5 py-0.5 font-medium hover:bg-red-50 dark:hover:bg-red-950">
          Retry sync
        </button>
      )}
      {error && <span role="alert">{error}</span>}
    </div>
  );
}
