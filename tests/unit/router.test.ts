import { describe, expect, it, vi } from 'vitest';
import { createRouter, type Change, type Handlers } from '@/lib/messaging/router';
import { PageScopes } from '@/lib/messaging/page-scopes';
import { senderScope } from '@/lib/messaging/sender';
import { UserError } from '@/lib/store/errors';

const EXT_ID = 'abcdefghijklmnopabcdefghijklmnop';
const EXT_ORIGIN = `chrome-extension://${EXT_ID}`;
const gmailTab = { id: EXT_ID, url: 'https://mail.google.com/mail/u/0/#inbox', origin: 'https://mail.google.com', tab: { id: 3 }, frameId: 0 };
const linkedinTab = { id: EXT_ID, url: 'https://www.linkedin.com/in/x/', origin: 'https://www.linkedin.com', tab: { id: 4 }, frameId: 0 };
const optionsPage = { id: EXT_ID, url: `${EXT_ORIGIN}/options.html`, origin: EXT_ORIGIN };

const owners = { tasks: async (ids: string[]) => ids.map((t) => `owner-of-${t}`), runs: async () => [], merges: async () => [] };

function routerWith(overrides: Partial<Handlers<unknown>>, extra: { scopes?: PageScopes; onChange?: (c: Change) => void } = {}) {
  const handlers = new Proxy(overrides, {
    get: (target, key: string) => target[key as keyof typeof target] ?? (() => Promise.reject(new Error(`unexpected ${key}`))),
  }) as Handlers<unknown>;
  return createRouter(handlers, { extensionId: EXT_ID, extensionOrigin: EXT_ORIGIN, context: ({ changed }) => ({ changed }), ...extra });
}

const prospect = (id: string, emails: string[] = []) => ({
  id,
  name: id,
  emails,
  stageId: 'prospecting',
  stageEnteredAt: 1,
  qualification: {},
  tags: [],
  crmIds: {},
  source: { site: 'manual', at: 1 },
  createdAt: 1,
  updatedAt: 1,
});

describe('sender scope', () => {
  it('tells our pages, the Gmail script and the LinkedIn script apart from what the browser stamps', () => {
    expect(senderScope(gmailTab, EXT_ID, EXT_ORIGIN)).toBe('gmail');
    expect(senderScope(linkedinTab, EXT_ID, EXT_ORIGIN)).toBe('linkedin');
    expect(senderScope(optionsPage, EXT_ID, EXT_ORIGIN)).toBe('extension');
  });

  it('is nobody for other extensions, other sites, sub-frames and senders without a tab', () => {
    expect(senderScope({ ...gmailTab, id: 'someone-else' }, EXT_ID, EXT_ORIGIN)).toBeNull();
    expect(senderScope({ ...gmailTab, origin: 'https://evil.example', url: 'https://evil.example/' }, EXT_ID, EXT_ORIGIN)).toBeNull();
    expect(senderScope({ ...gmailTab, origin: 'https://mail.google.com.evil.example' }, EXT_ID, EXT_ORIGIN)).toBeNull();
    expect(senderScope({ ...gmailTab, frameId: 2 }, EXT_ID, EXT_ORIGIN)).toBeNull();
    expect(senderScope({ ...gmailTab, frameId: undefined }, EXT_ID, EXT_ORIGIN)).toBeNull();
    expect(senderScope({ ...gmailTab, tab: undefined }, EXT_ID, EXT_ORIGIN)).toBeNull();
    expect(senderScope({ id: EXT_ID }, EXT_ID, EXT_ORIGIN)).toBeNull();
  });
});

describe('router', () => {
  it('validates the payload before the handler runs and answers a readable error', async () => {
    const add = vi.fn();
    const route = routerWith({ 'prospect.add': add });
    const result = await route({ type: 'prospect.add', payload: { name: 'X', emails: ['not-an-email'] } }, gmailTab);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(!result.ok && result.error.message).toMatch(/emails\.0/);
    expect(add).not.toHaveBeenCalled();
  });

  it('refuses unknown requests, malformed envelopes and requests outside the sender\u2019s scope', async () => {
    const list = vi.fn(async () => []);
    const route = routerWith({ 'prospect.list': list });
    expect(await route({ type: 'toString', payload: {} }, optionsPage)).toMatchObject({ ok: false, error: { code: 'unknown' } });
    expect(await route('prospect.list', optionsPage)).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(await route({ type: 'prospect.list', payload: {} }, gmailTab)).toEqual({
      ok: false,
      error: { code: 'forbidden', message: '"prospect.list" is not allowed from the Gmail content script.' },
    });
    expect(list).not.toHaveBeenCalled();
    expect(await route({ type: 'prospect.list', payload: {} }, optionsPage)).toEqual({ ok: true, value: [] });
  });

  it('keeps each site to its own requests: LinkedIn cannot read Gmail\u2019s list stages, Gmail cannot merge', async () => {
    const route = routerWith({ 'inbox.stages': async () => [], 'prospect.merge': async () => ({}) as never });
    expect(await route({ type: 'inbox.stages', payload: { emails: ['a@b.example'] } }, linkedinTab)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await route({ type: 'prospect.merge', payload: { keepId: 'a', mergeId: 'b' } }, gmailTab)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await route({ type: 'inbox.stages', payload: { emails: ['a@b.example'] } }, gmailTab)).toEqual({ ok: true, value: [] });
  });

  it('refuses a bulk lookup bigger than a page', async () => {
    const people = vi.fn(async () => []);
    const route = routerWith({ 'page.people': people });
    const many = Array.from({ length: 300 }, (_, i) => ({ emails: [`p${i}@acme.example`] }));
    const res = await route({ type: 'page.people', payload: { people: many } }, linkedinTab);
    expect(res).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(!res.ok && res.error.message).toMatch(/people: .*120/);
    expect(people).not.toHaveBeenCalled();
  });

  it('lets a content script name only the prospects its own tab was shown', async () => {
    const scopes = new PageScopes(owners);
    const update = vi.fn(async () => prospect('p1') as never);
    const route = routerWith(
      { 'page.people': async () => [{ prospect: prospect('p1') }] as never, 'prospect.update': update, 'task.done': async () => ({}) as never },
      { scopes },
    );
    const patch = { id: 'p1', patch: { title: 'CTO' } };
    const before = await route({ type: 'prospect.update', payload: patch }, linkedinTab);
    expect(before).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(!before.ok && before.error.message).toMatch(/not shown \(p1\).*LinkedIn content script may act only on the people on its page/);
    expect(update).not.toHaveBeenCalled();

    await route({ type: 'page.people', payload: { people: [{ emails: ['p1@acme.example'] }] } }, linkedinTab);
    expect(await route({ type: 'prospect.update', payload: patch }, linkedinTab)).toMatchObject({ ok: true });
    // Another tab was not shown p1; extension pages need no showing.
    expect(await route({ type: 'prospect.update', payload: patch }, { ...gmailTab, tab: { id: 9 } })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await route({ type: 'prospect.update', payload: patch }, optionsPage)).toMatchObject({ ok: true });
    // A task names its prospect: its owner must have been shown too.
    expect(await route({ type: 'task.done', payload: { taskId: 't1' } }, linkedinTab)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    // A new document in the tab starts over.
    await scopes.reset(4);
    expect(await route({ type: 'prospect.update', payload: patch }, linkedinTab)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('announces a change with the prospects it touched, after the answer', async () => {
    const changes: Change[] = [];
    const route = routerWith(
      {
        'prospect.add': async (_, ctx) => {
          (ctx as { changed: () => void }).changed();
          return { prospect: prospect('new', ['ana@acme.example']), created: true } as never;
        },
        'settings.save': async (s, ctx) => {
          (ctx as { changed: () => void }).changed();
          return s as never;
        },
        'prospect.samePerson': async () => [],
      },
      { onChange: (c) => changes.push(c) },
    );
    await route({ type: 'prospect.add', payload: { name: 'Ana', emails: ['ana@acme.example'] } }, gmailTab);
    expect(changes).toEqual([{ ids: ['new'], disclosed: [{ id: 'new', emails: ['ana@acme.example'], linkedinUrl: undefined }] }]);
    await route({ type: 'prospect.samePerson', payload: { person: { name: 'Ana', emails: [] } } }, linkedinTab);
    expect(changes).toHaveLength(1);
  });

  it('passes user errors through and wraps unexpected ones', async () => {
    const route = routerWith({
      'prospect.get': async () => {
        throw new UserError('not-found', 'That prospect no longer exists.');
      },
      'touch.log': async () => {
        throw new TypeError('boom');
      },
    });
    expect(await route({ type: 'prospect.get', payload: { id: 'x' } }, optionsPage)).toEqual({
      ok: false,
      error: { code: 'not-found', message: 'That prospect no longer exists.' },
    });
    const res = await route({ type: 'touch.log', payload: { prospectId: 'p', channel: 'call', direction: 'outbound', at: 1 } }, gmailTab);
    expect(res).toMatchObject({ ok: false, error: { code: 'internal' } });
  });
});
