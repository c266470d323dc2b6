// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { embeddedEntities } from '@/lib/sites/linkedin/embedded';
import { memoize } from '@/lib/sites/linkedin/memo';

const block = (id: string, entities: object[]) =>
  `<code id="bpr-guid-${id}" style="display:none">${JSON.stringify({ included: entities }).replace(/</g, '\\u003c')}</code>`;

// embedded.ts parses each block once per element; these prove a cached parse never hides what the page now holds.
describe('LinkedIn embedded data, parsed once per block', () => {
  it('reads a block LinkedIn replaces, and one whose text changes, afresh', () => {
    document.body.innerHTML = block('1', [{ $type: 'com.linkedin.voyager.dash.identity.profile.Profile', publicIdentifier: 'ana' }]);
    expect(embeddedEntities(document, 'Profile').map((e) => e.publicIdentifier)).toEqual(['ana']);

    document.body.innerHTML = block('2', [{ $type: 'com.linkedin.voyager.dash.identity.profile.Profile', publicIdentifier: 'bruno' }]);
    expect(embeddedEntities(document, 'Profile').map((e) => e.publicIdentifier)).toEqual(['bruno']);

    const code = document.querySelector('code')!;
    code.textContent = JSON.stringify({ included: [{ $type: 'x.Profile', publicIdentifier: 'carla-m' }, { $type: 'x.Position', title: 'CFO' }] });
    expect(embeddedEntities(document, 'Profile').map((e) => e.publicIdentifier)).toEqual(['carla-m']);
    expect(embeddedEntities(document, 'Position').map((e) => e.title)).toEqual(['CFO']);
  });

  it('finds a type in a block first read for another type, and skips blocks that are not JSON', () => {
    document.body.innerHTML = block('3', [{ $type: 'x.Company', name: 'Umbrella' }, { $type: 'x.Profile', publicIdentifier: 'dana' }]) + '<code id="bpr-guid-4">{"included": [x.Profile</code>';
    expect(embeddedEntities(document, 'Company').map((e) => e.name)).toEqual(['Umbrella']);
    expect(embeddedEntities(document, 'Profile').map((e) => e.publicIdentifier)).toEqual(['dana']);
  });
});

describe('memoize (profile-link and member-URN readers)', () => {
  it('computes each key once, remembers null and undefined answers, and starts over past its limit', () => {
    const calls: string[] = [];
    const read = memoize((k) => {
      calls.push(k);
      return k === 'none' ? undefined : k.length;
    }, 2);
    expect([read('ab'), read('ab'), read('none'), read('none')]).toEqual([2, 2, undefined, undefined]);
    expect(calls).toEqual(['ab', 'none']);
    read('xyz'); // third key: the table is dropped whole, then holds only this one
    read('ab');
    expect(calls).toEqual(['ab', 'none', 'xyz', 'ab']);
  });
});
