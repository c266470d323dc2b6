import { useDeferredValue } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '@/lib/db/database';
import type { Prospect } from '@/lib/model';
import { searchProspects } from '@/lib/search/search';

export interface SearchAnswer {
  /** The text these hits answer: while a newer keystroke is still being searched, it differs from the box. */
  query: string;
  hits: Prospect[];
}

/**
 * The people matching `text`, followed live (a person renamed in another tab moves in or out of the list).
 * The query runs on a deferred copy of the text: React paints each keystroke first and searches the newest
 * text when it has a frame to spare, so fast typing skips stale queries instead of waiting on a timer.
 */
export function useSearch(text: string): SearchAnswer | undefined {
  const query = useDeferredValue(text);
  return useLiveQuery(async () => ({ query, hits: query.trim() ? await searchProspects(getDb(), query) : [] }), [query]);
}
