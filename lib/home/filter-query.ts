import { DEFAULT_FILTER, HomeFilter } from './filters';

/**
 * The home filter as the query of the hash (`#/board?due=1&sort=lastTouch`), so a reload, the back button
 * and a bookmark reopen the same view. Only what differs from DEFAULT_FILTER is written. Reading is
 * forgiving field by field: a value the zod model refuses (a hand-edited `min=abc`, an unknown source) falls
 * back to its default and the rest of the query still applies.
 */

/** The query string (no leading '?') of `f`; '' for the default filter. */
export function filterToQuery(f: HomeFilter): string {
  const q = new URLSearchParams();
  if (f.scoreMin !== DEFAULT_FILTER.scoreMin) q.set('min', String(f.scoreMin));
  if (f.scoreMax !== DEFAULT_FILTER.scoreMax) q.set('max', String(f.scoreMax));
  for (const s of f.stageIds) q.append('stage', s);
  for (const s of f.sources) q.append('source', s);
  if (f.tag) q.set('tag', f.tag);
  if (f.followUpDue) q.set('due', '1');
  if (f.noTouchDays) q.set('untouched', String(f.noTouchDays));
  if (f.sort !== DEFAULT_FILTER.sort) q.set('sort', f.sort);
  return q.toString();
}

const int = (v: string | null) => (v !== null && /^\d{1,4}$/.test(v) ? Number(v) : undefined);

/** The filter a query string names (with or without '?'); anything invalid reads as its default. */
export function filterFromQuery(query: string): HomeFilter {
  const q = new URLSearchParams(query.replace(/^\?/, ''));
  const candidate: Record<keyof HomeFilter, unknown> = {
    scoreMin: int(q.get('min')),
    scoreMax: int(q.get('max')),
    stageIds: q.getAll('stage'),
    sources: q.getAll('source'),
    tag: q.get('tag') || undefined,
    followUpDue: q.get('due') === '1',
    noTouchDays: int(q.get('untouched')),
    sort: q.get('sort') ?? undefined,
  };
  const out: Record<string, unknown> = { ...DEFAULT_FILTER };
  for (const key of Object.keys(candidate) as Array<keyof HomeFilter>) {
    const value = candidate[key];
    if (value === undefined) continue;
    const field = HomeFilter.shape[key].safeParse(value);
    if (field.success) out[key] = field.data;
  }
  return HomeFilter.parse(out);
}

/** Splits a home path into its route part and its query ('/board?due=1' -> ['/board', 'due=1']). */
export function splitPath(path: string): [route: string, query: string] {
  const i = path.indexOf('?');
  return i < 0 ? [path, ''] : [path.slice(0, i), path.slice(i + 1)];
}

/** `route` with the filter's query, or bare when the filter is the default. */
export function pathWithFilter(route: string, f: HomeFilter): string {
  const q = filterToQuery(f);
  return q ? `${route}?${q}` : route;
}
