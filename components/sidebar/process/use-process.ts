import { useCallback, useState } from 'react';
import { usePageData } from '../page-data';

/**
 * The sales-process view of one prospect and the settings it needs, from the sidebar's page request (no
 * request of its own); after an action, the change event brings the new view.
 */
export function useProcess(prospectId: string) {
  const data = usePageData();
  const view = data.viewOf(prospectId)?.process;
  const [error, setError] = useState<string>();
  /** Runs a request and shows its error to the rep. Returns whether it worked. */
  const run = useCallback(async (action: () => Promise<unknown>): Promise<boolean> => {
    setError(undefined);
    try {
      await action();
      return true;
    } catch (err) {
      setError((err as Error).message);
      return false;
    }
  }, []);
  return { value: view ? { view, settings: data.settings } : undefined, error, run };
}
