import { useCallback, useState } from 'react';

/** Runs a request and keeps its error for the rep to read; returns whether it worked. */
export function useAction() {
  const [error, setError] = useState<string>();
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
  return { error, run, clear: () => setError(undefined) };
}
