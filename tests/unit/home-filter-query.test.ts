import { describe, expect, it } from 'vitest';
import { DEFAULT_FILTER, type HomeFilter } from '@/lib/home/filters';
import { filterFromQuery, filterToQuery, pathWithFilter, splitPath } from '@/lib/home/filter-query';
import { pathOf } from '@/components/home/router';

describe('the home filter in the hash query', () => {
  it('the default filter is a bare path, and a bare path reads as the default', () => {
    expect(filterToQuery(DEFAULT_FILTER)).toBe('');
    expect(pathWithFilter('/board', DEFAULT_FILTER)).toBe('/board');
    expect(filterFromQuery('')).toEqual(DEFAULT_FILTER);
  });

  it('every field survives the round trip, including a tag that needs escaping', () => {
    const f: HomeFilter = {
      scoreMin: 20,
      scoreMax: 80,
      stageIds: ['qualification', 'proposal'],
      sources: ['gmail', 'manual'],
      tag: 'Zoë & co?',
      followUpDue: true,
      noTouchDays: 14,
      sort: 'nextStep',
    };
    const path = pathWithFilter('/board', f);
    expect(path).toBe('/board?min=20&max=80&stage=qualification&stage=proposal&source=gmail&source=manual&tag=Zo%C3%AB+%26+co%3F&due=1&untouched=14&sort=nextStep');
    // As the page reads it back from location.hash after a reload.
    const [route, query] = splitPath(pathOf(`#${path}`));
    expect(route).toBe('/board');
    expect(filterFromQuery(query)).toEqual(f);
    expect(filterFromQuery(`?${query}`)).toEqual(f);
  });

  it('writes only what differs from the defaults', () => {
    expect(filterToQuery({ ...DEFAULT_FILTER, followUpDue: true })).toBe('due=1');
    expect(filterToQuery({ ...DEFAULT_FILTER, sort: 'lastTouch', scoreMax: 60 })).toBe('max=60&sort=lastTouch');
    expect(filterFromQuery('due=1&sort=score')).toEqual({ ...DEFAULT_FILTER, followUpDue: true });
  });

  it('a value the model refuses falls back to its default; the rest of the query still applies', () => {
    expect(filterFromQuery('min=abc&max=500&due=1')).toEqual({ ...DEFAULT_FILTER, followUpDue: true });
    expect(filterFromQuery('source=gmail&source=myspace&sort=random&untouched=0')).toEqual(DEFAULT_FILTER);
    expect(filterFromQuery('min=-5&untouched=99999&tag=' + 'x'.repeat(61))).toEqual(DEFAULT_FILTER);
    expect(filterFromQuery('stage=&due=yes')).toEqual(DEFAULT_FILTER);
    expect(filterFromQuery('%E0%A4%A=1&sort=lastTouch')).toEqual({ ...DEFAULT_FILTER, sort: 'lastTouch' });
    // A range that cannot match is kept as typed: the bar says why nothing shows (checkFilter).
    expect(filterFromQuery('min=90&max=10')).toMatchObject({ scoreMin: 90, scoreMax: 10 });
  });

  it('splits a path from its query', () => {
    expect(splitPath('/board?due=1')).toEqual(['/board', 'due=1']);
    expect(splitPath('/list')).toEqual(['/list', '']);
  });
});
