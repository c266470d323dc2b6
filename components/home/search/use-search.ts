import { useCallback, useEffect, useRef, useState } from 'react';
import { liveQuery, type Subscription } from 'dexie';
import { getDb } from '@/lib/db/database';
import type { Prospect } from '@/lib/model';
import { searchProspects } from '@/lib/search/search';

export interface SearchAnswer {
  /** The text these hits answer: while a newer keystroke is still being searched, it differs from the box. */
  query: string;
  hits: Prospect[];
}

/**
 * The people matching the text last given to `search`, followed live (a person renamed in another tab moves
 * in or out of the list). The query starts in the keystroke's own event, not in an effect after React has
 * rendered and painted the new text (useLiveQuery subscribes in useEffect, and a deferred render's effects
 * wait for the paint: a frame or two of every keystroke, 2026-12-04). Each keystroke ends the previous
 * query's subscription, so an answer to older text never arrives after a newer one.
 */
export function useSearch(): [answer: SearchAnswer | undefined, search: (text: string) => void] {
  const [answer, setAnswer] = useState<SearchAnswer>();
  const current = useRef<Subscription>(undefined);
  const search = useCallback((text: string) => {
    current.current?.unsubscribe();
    current.current = undefined;
    if (!text.trim()) return setAnswer({ query: text, hits: [] });
    current.current = liveQuery(() => searchProspects(getDb(), text)).subscribe({
      next: (hits) => setAnswer({ query: text, hits }),
      error: (err) => console.error('[touchline] search', err),
    });
  }, []);
  useEffect(() => () => current.current?.unsubscribe(), []);
  return [answer, search];
}
