import { describe, expect, it } from 'vitest';
import { CONTENT_ENTRIES, contentModules, FORBIDDEN_IN_CONTENT } from '../../bench/content-modules';

// What each site's content script is built from: the small runtime only. zod, React and the database stay
// out (the background validates; the UI arrives later as its own module), and a site carries only its own
// site's code. This fails the build's tests, not a comment, when an import drags one of them in.
describe.each(Object.entries(CONTENT_ENTRIES))('the %s content script', (site, entry) => {
  const other = site === 'gmail' ? 'linkedin' : 'gmail';

  it('carries no zod, no UI framework and no database', async () => {
    const modules = await contentModules(entry);
    expect(modules.length).toBeGreaterThan(5);
    expect(modules.filter((m) => FORBIDDEN_IN_CONTENT.test(m.path)).map((m) => m.path)).toEqual([]);
  });

  it(`carries no ${other} code and no sidebar components`, async () => {
    const paths = (await contentModules(entry)).map((m) => m.path);
    expect(paths.some((p) => p.startsWith(`lib/sites/${site}/`))).toBe(true);
    expect(paths.filter((p) => p.startsWith(`lib/sites/${other}/`) || p.startsWith(`components/sidebar/${other}/`) || p.endsWith('.tsx'))).toEqual([]);
  });
});
