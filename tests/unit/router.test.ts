import { describe, expect, it, vi } from 'vitest';
import { createRouter, type Handlers } from '@/lib/messaging/router';
import { senderAllowed } from '@/lib/messaging/sender';
import { UserError } from '@/lib/store/errors';

const EXT_ID = 'abcdefghijklmnopabcdefghijklmnop';
const EXT_ORIGIN = `chrome-extension://${EXT_ID}`;
const gmailTab = { id: EXT_ID, url: 'https://mail.google.com/mail/u/0/#inbox', origin: 'https://mail.google.com', tab: { id: 3 } };
const optionsPage = { id: EXT_ID, url: `${EXT_ORIGIN}/options.html`, origin: EXT_ORIGIN };

function routerWith(overrides: Partial<Handlers<unknown>>) {
  const handlers = new Proxy(overrides, {
    get: (target, key: string) => target[key as keyof typeof target] ?? (() => Promise.reject(new Error(`unexpected ${key}`))),
  }) as Handlers<unknown>;
  return createRouter(handlers, { extensionId: EXT_ID, extensionOrigin: EXT_ORIGIN, context: () => ({}) });
}

describe('sender check', () => {
  it('accepts our content scripts on Gmail and LinkedIn and our own pages', () => {
    expect(senderAllowed(gmailTab, 'content', EXT_ID, EXT_ORIGIN)).toBe(true);
    expect(senderAllowed({ ...gmailTab, origin: 'https://www.linkedin.com', url: 'https://www.linkedin.com/in/x' }, 'content', EXT_ID, EXT_ORIGIN)).toBe(true);
    expect(senderAllowed(optionsPage, 'extension', EXT_ID, EXT_ORIGIN)).toBe(true);
  });

  it('refuses other extensions, other sites, and content scripts asking for page-only requests', () => {
    expect(senderAllowed({ ...gmailTab, id: 'someone-else' }, 'content', EXT_ID, EXT_ORIGIN)).toBe(false);
    expect(senderAllowed({ ...gmailTab, origin: 'https://evil.example', url: 'https://evil.example/' }, 'content', EXT_ID, EXT_ORIGIN)).toBe(false);
    expect(senderAllowed({ ...gmailTab, origin: 'https://mail.google.com.evil.example' }, 'content', EXT_ID, EXT_ORIGIN)).toBe(false);
    expect(senderAllowed(gmailTab, 'extension', EXT_ID, EXT_ORIGIN)).toBe(false);
    expect(senderAllowed({ ...gmailTab, tab: undefined }, 'content', EXT_ID, EXT_ORIGIN)).toBe(false);
    expect(senderAllowed({ id: EXT_ID }, 'content', EXT_ID, EXT_ORIGIN)).toBe(false);
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

  it('refuses unknown requests, malformed envelopes and forbidden senders', async () => {
    const list = vi.fn(async () => []);
    const route = routerWith({ 'prospect.list': list });
    expect(await route({ type: 'toString', payload: {} }, optionsPage)).toMatchObject({ ok: false, error: { code: 'unknown' } });
    expect(await route('prospect.list', optionsPage)).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(await route({ type: 'prospect.list', payload: {} }, gmailTab)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(list).not.toHaveBeenCalled();
    expect(await route({ type: 'prospect.list', payload: {} }, optionsPage)).toEqual({ ok: true, value: [] });
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
    expect(await route({ type: 'prospect.get', payload: { id: 'x' } }, gmailTab)).toEqual({
      ok: false,
      error: { code: 'not-found', message: 'That prospect no longer exists.' },
    });
    const res = await route({ type: 'touch.log', payload: { prospectId: 'p', channel: 'call', direction: 'outbound', at: 1 } }, gmailTab);
    expect(res).toMatchObject({ ok: false, error: { code: 'internal' } });
  });
});
