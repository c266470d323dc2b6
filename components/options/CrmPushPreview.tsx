import { useCallback, useState } from 'react';
import { send } from '@/lib/messaging/client';
import type { ConnectionView } from '@/lib/sync/contract';
import { useAsync } from '../ui/use-async';
import { useBackgroundEvent } from '../ui/use-background-events';

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

/** What the next push will create or update, and the dry-run switch that holds every push back. */
export function CrmPushPreview({ view, onChange }: { view: ConnectionView; onChange: () => void }) {
  const preview = useAsync(() => send('sync.preview', {}), []);
  const [error, setError] = useState<string>();
  useBackgroundEvent(useCallback((e) => e.event === 'touchline:changed' && preview.reload(), [preview.reload]));
  const p = preview.value;
  const toggle = async (on: boolean) => {
    setError(undefined);
    try {
      await send('sync.connection.dryRun', { on });
      onChange();
      preview.reload();
    } catch (err) {
      setError((err as Error).message);
    }
  };
  return (
    <div aria-label="Next push" className="flex flex-col gap-1 rounded border border-slate-200 p-2 text-sm dark:border-slate-700">
      <p className="font-medium">What the next push will do</p>
      {p && (
        <>
          <p>
            People: {plural(p.people.create, 'new record')}, {plural(p.people.update, 'update')}. Touches: {plural(p.touches.create, 'new activity')}, {plural(p.touches.update, 'update')}.
            {p.erase > 0 && ` Erased people: ${plural(p.erase, 'deletion')} in the CRM.`}
            {p.refused > 0 && ` ${plural(p.refused, 'change')} refused (see below).`}
          </p>
          {p.sample.length > 0 && (
            <ul className="list-disc pl-5 text-slate-600 dark:text-slate-300">
              {p.sample.map((s, i) => (
                <li key={i}>
                  {s.action === 'delete' ? `Delete ${s.label}` : `${s.action === 'create' ? 'Create' : 'Update'} ${s.kind === 'person' ? 'person' : 'activity'}: ${s.label}`}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      <label className="flex items-center gap-2">
        <input type="checkbox" checked={view.dryRun} onChange={(e) => void toggle(e.target.checked)} />
        Dry run: show what would be sent, send nothing
      </label>
      {(error ?? preview.error) && <p role="alert" className="text-red-700">{error ?? preview.error}</p>}
    </div>
  );
}
