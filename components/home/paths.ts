/**
 * The home's paths, without React (router.ts re-exports these; the early paint reads the hash before React
 * loads). '#/record/p1' is the path '/record/p1'; patterns are those of route-table.ts.
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
