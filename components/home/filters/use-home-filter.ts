import { useCallback, useMemo, useSyncExternalStore } from 'react';
import type { HomeFilter } from '@/lib/home/filters';
import { filterFromQuery, pathWithFilter, splitPath } from '@/lib/home/filter-query';
import { navigate, pathOf } from '../router';

const subscribe = (onChange: () => void) => {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
};

/**
 * The home filter kept in the hash's query (`#/board?due=1&sort=lastTouch`): it survives a reload, the back
 * button after opening a record, and a bookmark. A query the model refuses reads as the defaults.
 * `setFilter` replaces the current history entry (a rep nudging the score range should not have to press
 * Back ten times to leave the board).
 */
export function useHomeFilter(): [filter: HomeFilter, setFilter: (next: HomeFilter) => void] {
  // The query string is the snapshot: a string is stable between renders, the parsed object would not be.
  const query = useSyncExternalStore(subscribe, () => splitPath(pathOf(location.hash))[1]);
  const filter = useMemo(() => filterFromQuery(query), [query]);
  const setFilter = useCallback((next: HomeFilter) => {
    const [route] = splitPath(pathOf(location.hash));
    navigate(pathWithFilter(route, next), { replace: true });
  }, []);
  return [filter, setFilter];
}
