import { useCallback, useState } from 'react';
import { send } from '@/lib/messaging/client';
import { useAsync } from '../../ui/use-async';
import { useBackgroundEvent } from '../../ui/use-background-events';

/** The sales-process view of one prospect plus the team settings it needs; reloads when data changes. */
export function useProcess(prospectId: string, version: number) {
  const data = useAsync(async () => {
    const [view, settings] = await Promise.all([send('process.get', { prospectId }), send('settings.get', {})]);
    return { view, settings };
  }, [prospectId, version]);
  useBackgroundEvent(useCallback((e) => e.event === 'touchline:changed' && data.reload(), [data.reload]));
  const [error, setError] = useState<string>();
  /** Runs a request, shows its error to the rep, reloads the view. Returns whether it worked. */
  const run = useCallback(
    async (action: () => Promise<unknown>): Promise<boolean> => {
      setError(undefined);
      try {
        await action();
        data.reload();
        return true;
      } catch (err) {
        setError((err as Error).message);
        return false;
      }
    },
    [data.reload],
  );
  return { ...data, error: error ?? data.error, run };
}
