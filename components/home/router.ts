import { useSyncExternalStore } from 'react';

/**
 * Hash routing for the home page (dashboard.html#/board, #/list, #/record/<id>, #/metrics, #/data). The hash
 * is the state: a reload reopens the same view and every navigation is a history entry, so the back button
 * works without a router library. Paths are matched against the patterns in routes.tsx.
 */

import { pathOf } from './paths';

export { DEFAULT_PATH, matchPattern, pathOf } from './paths';

/** The href of a path inside the home page, for <a> elements (middle-click and bookmarks work). */
export const hrefTo = (path: string) => `#${path}`;

export { recordPath } from '@/lib/home/record-path';

/** Goes to a path; `replace` swaps the current history entry instead of adding one. */
export function navigate(path: string, opts: { replace?: boolean } = {}): void {
  if (opts.replace) {
    history.replaceState(history.state, '', hrefTo(path));
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  } else {
    location.hash = path;
  }
}

const subscribe = (onChange: () => void) => {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
};

/** The current path, following the hash (back, forward, links, navigate()). */
export function usePath(): string {
  return useSyncExternalStore(subscribe, () => pathOf(location.hash));
}
