import { useSyncExternalStore } from 'react';

/**
 * Hash routing for the home page (dashboard.html#/board, #/list, #/record/<id>, #/metrics, #/data). The hash
 * is the state: a reload reopens the same view and every navigation is a history entry, so the back button
 * works without a router library. Paths are matched against the patterns in routes.tsx.
 */

export const DEFAULT_PATH = '/board';

/** The path a hash names: '#/record/p1' -> '/record/p1'; an empty hash is the default view. */
export function pathOf(hash: string): string {
  const raw = hash.replace(/^#/, '');
  if (!raw || raw === '/') return DEFAULT_PATH;
  return raw.startsWith('/') ? raw : `/${raw}`;
}

/** Params of `path` under `pattern` ('/record/:id'), or null when it does not match. Params are decoded. */
export function matchPattern(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split('/');
  const got = path.split('?')[0]!.split('/');
  if (want.length !== got.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const w = want[i]!;
    const g = got[i]!;
    if (w.startsWith(':')) {
      if (!g) return null;
      try {
        params[w.slice(1)] = decodeURIComponent(g);
      } catch {
        return null;
      }
    } else if (w !== g) return null;
  }
  return params;
}

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
