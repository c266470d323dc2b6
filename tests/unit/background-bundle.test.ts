import { describe, expect, it } from 'vitest';
import { contentModules } from '../../bench/content-modules';
import { ONLY_WHEN_USED } from '../../bench/background-modules';

// The service worker parses its first script at every start; what only some requests need is in
// background-full.js. This fails when an import drags the sync engine or another handler back in.
describe('the service worker scripts', () => {
  it('background.js carries what answers a page, and none of the sync engine, adapters, reminders or other handlers', async () => {
    const paths = (await contentModules('entrypoints/background.ts')).map((m) => m.path);
    expect(paths).toContain('lib/background/page-handlers.ts');
    expect(paths.filter((p) => ONLY_WHEN_USED.test(p))).toEqual([]);
  });

  it('background-full.js carries them', async () => {
    const paths = (await contentModules('entrypoints/background-full.ts')).map((m) => m.path);
    for (const p of ['lib/sync/engine.ts', 'lib/sync/adapters/hubspot.ts', 'lib/background/reminders.ts', 'lib/background/handlers.ts']) expect(paths).toContain(p);
  });
});
