import { describe, expect, it } from 'vitest';
import { globalConfig } from 'zod/v4/core';

// zod calls this for every schema it builds: counting the calls shows what a module does when it loads.
let built = 0;
(globalConfig as { postProcessor?: () => void }).postProcessor = () => void built++;

describe('service worker start', () => {
  it('evaluating every module the background imports builds no schema; a request builds only its own', async () => {
    // The service worker's module graphs, as MV3 evaluates them: its first script at each cold start, the
    // rest (background-full.js) when first used (defineBackground and defineUnlistedScript only declare main).
    await import('@/entrypoints/background');
    await import('@/entrypoints/background-full');
    const { REQUESTS } = await import('@/lib/messaging/contract');
    expect(built).toBe(0);

    expect(REQUESTS['page.people'].request.safeParse({ people: [{ emails: ['li.wei@example.com'] }] }).success).toBe(true);
    const forPeople = built;
    expect(forPeople).toBeGreaterThan(0);
    // Only page.people's own schemas (its payload and answer), not the ~1,250 of every request and model.
    expect(forPeople).toBeLessThan(60);

    // Built once: the next parse builds nothing.
    expect(REQUESTS['page.people'].request.safeParse({ people: [] }).success).toBe(true);
    expect(built).toBe(forPeople);
  });

  it('a lazily built schema behaves as the schema: composition, methods, refinements and instanceof', async () => {
    const { z } = await import('zod');
    const { Prospect, NewProspect } = await import('@/lib/model');
    expect(Prospect instanceof z.ZodObject).toBe(true);
    expect(Object.keys(Prospect.shape)).toContain('emails');
    const Wrapped = z.object({ p: Prospect.pick({ id: true, name: true }) });
    expect(Wrapped.safeParse({ p: { id: 'a', name: 'Li Wei' } }).success).toBe(true);
    expect(Wrapped.safeParse({ p: { id: 'a' } }).success).toBe(false);
    expect(NewProspect.safeParse({ name: '', emails: [] }).success).toBe(false);
  });
});
