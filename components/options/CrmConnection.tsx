import { useCallback, useState } from 'react';
import { send } from '@/lib/messaging/client';
import type { Stage } from '@/lib/process/stage';
import { CRM_LABELS } from '@/lib/sync/connection';
import { useAsync } from '../ui/use-async';
import { useBackgroundEvent } from '../ui/use-background-events';
import { CrmConnectionForm } from './CrmConnectionForm';
import { CrmPushPreview } from './CrmPushPreview';
import { CrmSetupReport } from './CrmSetupReport';

const STATE_TEXT = { idle: 'Up to date', running: 'Syncing\u2026', waiting: 'Waiting to retry', stopped: 'Sync stopped' } as const;

/** Options section: the connected CRM and its sync health, or the form to connect one. Optional: Touchline works without it. */
export function CrmConnection({ stages }: { stages: Stage[] }) {
  const view = useAsync(() => send('sync.connection.get', {}), []);
  const [replacing, setReplacing] = useState(false);
  const [error, setError] = useState<string>();
  useBackgroundEvent(useCallback((e) => e.event === 'touchline:changed' && view.reload(), [view.reload]));
  const v = view.value;

  const remove = async () => {
    try {
      await send('sync.connection.remove', {});
      view.reload();
    } catch (err) {
      setError((err as Error).message);
    }
  };

  return (
    <section aria-labelledby="crm-heading" className="mb-6 flex flex-col gap-3">
      <h2 id="crm-heading" className="text-lg font-semibold">
        CRM sync
      </h2>
      {v?.connected && !replacing ? (
        <div className="flex flex-col gap-2 rounded border border-slate-200 p-3">
          <p>
            Connected to <strong>{CRM_LABELS[v.crm!]}</strong> <span className="text-sm text-slate-500">{v.baseUrl}</span>
          </p>
          <p role="status" aria-label="Sync status" className={v.state === 'stopped' ? 'text-red-700' : 'text-slate-700'}>
            {STATE_TEXT[v.state]}
            {v.message ? `: ${v.message}` : ''} ({v.pending} waiting, {v.failed} refused)
            {v.retryAt ? ` Next try: ${new Date(v.retryAt).toLocaleString()}.` : ''}
          </p>
          {v.refused.length > 0 && (
            <div aria-label="Refused changes" className="text-sm text-red-700 dark:text-red-300">
              <p className="font-medium">Refused by the CRM (fix the record, then use Retry sync in its sidebar):</p>
              <ul className="list-disc pl-5">
                {v.refused.map((r) => (
                  <li key={r.reason}>
                    {r.count} × {r.reason}
                  </li>
                ))}
              </ul>
            </div>
          )}
          {v.setup && <CrmSetupReport setup={v.setup} />}
          <CrmPushPreview view={v} onChange={view.reload} />
          <div className="flex gap-2">
            <button type="button" onClick={() => setReplacing(true)} className="rounded border border-slate-300 px-3 py-1 text-sm">
              Change connection or token
            </button>
            <button type="button" onClick={() => void remove()} className="rounded border border-red-300 px-3 py-1 text-sm text-red-700">
              Disconnect
            </button>
          </div>
        </div>
      ) : (
        <CrmConnectionForm
          stages={stages}
          onConnected={() => {
            setReplacing(false);
            view.reload();
          }}
        />
      )}
      {(error ?? view.error) && <p role="alert" className="text-red-700">{error ?? view.error}</p>}
    </section>
  );
}
