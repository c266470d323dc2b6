import { useCallback } from 'react';
import { send } from '@/lib/messaging/client';
import { useAsync } from '../ui/use-async';
import { useBackgroundEvent } from '../ui/use-background-events';

/** Prospects and settings for an extension page, refreshed whenever the background reports a change. */
export function useProspectsAndSettings(limit = 500) {
  const data = useAsync(async () => {
    const [prospects, settings] = await Promise.all([send('prospect.list', { limit }), send('settings.get', {})]);
    return { prospects, settings };
  }, [limit]);
  useBackgroundEvent(useCallback((e) => e.event === 'touchline:changed' && data.reload(), [data.reload]));
  return data;
}
