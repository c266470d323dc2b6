import { describe, expect, it } from 'vitest';
import { matchPattern, pathOf, recordPath } from '@/components/home/router';
import { ROUTES, resolveRoute } from '@/components/home/routes';

describe('home routing', () => {
  it('reads the path from the hash, with the board as the default', () => {
    expect(pathOf('')).toBe('/board');
    expect(pathOf('#')).toBe('/board');
    expect(pathOf('#/')).toBe('/board');
    expect(pathOf('#/list')).toBe('/list');
    expect(pathOf('#list')).toBe('/list');
  });

  it('captures and decodes params, and refuses paths of another shape', () => {
    expect(matchPattern('/record/:id', '/record/abc-123')).toEqual({ id: 'abc-123' });
    expect(matchPattern('/record/:id', recordPath('a/b é'))).toEqual({ id: 'a/b é' });
    expect(matchPattern('/record/:id', '/record/')).toBeNull();
    expect(matchPattern('/record/:id', '/record/a/b')).toBeNull();
    expect(matchPattern('/record/:id', '/record/%E0%A4%A')).toBeNull();
    expect(matchPattern('/board', '/board')).toEqual({});
    expect(matchPattern('/board', '/list')).toBeNull();
  });

  it('every route of the issue resolves to its own entry; unknown paths to none', () => {
    const of = (path: string) => resolveRoute(path)?.route.pattern;
    expect(of('/board')).toBe('/board');
    expect(of('/list')).toBe('/list');
    expect(of('/record/p1')).toBe('/record/:id');
    expect(resolveRoute('/record/p1')?.params).toEqual({ id: 'p1' });
    expect(of('/metrics')).toBe('/metrics');
    expect(of('/data')).toBe('/data');
    expect(of('/nowhere')).toBeUndefined();
    expect(new Set(ROUTES.map((r) => r.pattern)).size).toBe(ROUTES.length);
    expect(ROUTES.filter((r) => r.nav).map((r) => r.nav)).toEqual(['Board', 'List', 'Metrics', 'Import and export']);
  });
});
