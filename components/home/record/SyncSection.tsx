import { useEffect, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '@/lib/db/database';
import { send } from '@/lib/messaging/client';
import type { ProspectSyncState } from '@/lib/sync/types';
import { ErrorLine, QUIET_BUTTON, Section } from './fields';
import { useAction } from '../../ui/use-action';

const LABELS = { off: 'No CRM connected', synced: 'Synced to CRM', waiting: 'Waiting to sync', failed: 'Sync failed' } as const;

/**
 * The person's CRM sync state. The state itself needs the connection (the background's), so it is asked
 * for again whenever this person's outbox rows change: queued, pushed, failed or retried.
 */
export function SyncSection({ prospectId }: { prospectId: string }) {
  const db = getDb();
  const rows = useLiveQuery(() => db.outbox.where('prospectId').equals(prospectId).toArray(), [prospectId]);
  const fingerprint = rows ? rows.map((r) => `${r.seq}:${r.failed ? 'f' : ''}`).join(',') : undefined;
  const [state, setState] = useState<ProspectSyncState>();
  const { error, run } = useAction();
  useEffect(() => {
    if (fingerprint === undefined) return;
    let live = true;
    void run(async () => {
      const [s] = await send('sync.states', { prospectIds: [prospectId] });
      if (live) setState(s);
    });
    return () => {
      live = false;
    };
  }, [fingerprint, prospectId, run]);
  if (!state) return null;
  return (
    <Section title="CRM sync">
      <div role="status" aria-label="CRM sync" className="flex flex-wrap items-center gap-2 text-sm">
        <span>{LABELS[state.state]}</span>
        {state.reason && <span className="break-words text-slate-600 dark:text-slate-300">{state.reason}</span>}
        {state.state === 'failed' && (
          <button type="button" className={QUIET_BUTTON} onClick={() => void run(async () => setState((await send('sync.retry', { prospectId }))[0]))}>
            Retry sync
          </button>
        )}
      </div>
      <ErrorLine error={error} />
    </Section>
  );
}
