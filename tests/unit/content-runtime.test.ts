// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/settings/settings';
import type { Detected } from '@/lib/sites/types';

// The background, as the runtime's one messaging function: each request waits until the test answers it,
// so "the background has not answered yet" is a state the test holds, not a race it hopes to win.
const requests: Array<{ type: string; payload: unknown; answer: (v: unknown) => void }> = [];
vi.mock('@/lib/messaging/client', () => ({
  send: (type: string, payload: unknown) => new Promise((answer) => requests.push({ type, payload, answer })),
}));
const { startSidebar } = await import('@/lib/content/runtime');

const answer = (type: string, value: unknown) => {
  const r = requests.find((q) => q.type === type);
  if (!r) throw new Error(`no ${type} request was made`);
  requests.splice(requests.indexOf(r), 1);
  r.answer(value);
};
// Runs every pending promise callback (a macrotask comes after all of them): for "nothing happened" checks,
// where there is no condition to wait for. Not a time: 0 ms is the same on a fast machine and a busy one.
const settle = () => new Promise((ok) => setTimeout(ok, 0));

/** A site whose page names two people; the settings' never-capture list leaves one out, as Gmail's does. */
const site = {
  detect: (_doc: Document, url: string, settings: Settings | null): Detected => ({
    site: 'gmail',
    kind: 'thread',
    url,
    title: 'Pricing for 40 seats',
    messages: [],
    people: ['li.wei@example.com', 'dana.ko@example.org']
      .filter((e) => !settings?.neverCapture.includes(e))
      .map((e) => ({ key: e, emails: [e], name: e.split('@')[0] ?? null })),
  }),
  watch: () => undefined,
  uiPath: '/gmail-sidebar.js' as const,
};

describe('the content runtime (issue 10 §2)', () => {
  let root: ShadowRoot | undefined;
  let ctx: ContentScriptContext & { stop(): void };
  beforeEach(() => {
    requests.length = 0;
    root = undefined;
    document.body.innerHTML = '';
    // The shipped build's shadow root is closed: keep a handle on it as it is made.
    const attach = Element.prototype.attachShadow;
    vi.spyOn(Element.prototype, 'attachShadow').mockImplementation(function (this: Element, init) {
      root = attach.call(this, { ...init, mode: 'open' });
      return root;
    });
    const controller = new AbortController();
    const stops: Array<() => void> = [];
    ctx = {
      get isInvalid() {
        return controller.signal.aborted;
      },
      signal: controller.signal,
      onInvalidated: (fn: () => void) => void stops.push(fn),
      stop: () => {
        controller.abort();
        stops.forEach((fn) => fn());
      },
    } as unknown as ContentScriptContext & { stop(): void };
  });
  afterEach(() => ctx.stop());

  const cards = () => [...root!.querySelectorAll('ul[aria-label="People on this page"] > li')].map((li) => li.getAttribute('aria-label'));

  it('paints the people before the background has answered, then applies its settings and only then asks the store', async () => {
    startSidebar(ctx, site);
    await vi.waitFor(() => expect(requests.map((r) => r.type)).toEqual(['page.open']));
    expect(cards()).toEqual(['li.wei', 'dana.ko']);

    answer('page.open', { settings: { ...DEFAULT_SETTINGS, neverCapture: ['dana.ko@example.org'] }, open: true, theme: null });
    await vi.waitFor(() => expect(requests.some((r) => r.type === 'page.people')).toBe(true));
    expect(cards()).toEqual(['li.wei']);
    const lookups = requests.filter((r) => r.type === 'page.people');
    expect(lookups.map((r) => r.payload)).toEqual([{ people: [{ emails: ['li.wei@example.com'], linkedinUrl: undefined, linkedinIds: undefined }] }]);
  });

  it('uses an answer that came before the page was ready for the first paint itself', async () => {
    Object.defineProperty(document, 'readyState', { value: 'loading', configurable: true });
    startSidebar(ctx, site);
    answer('page.open', { settings: { ...DEFAULT_SETTINGS, neverCapture: ['dana.ko@example.org'] }, open: false, theme: null });
    await settle();
    expect(document.querySelector('touchline-sidebar')).toBeNull();
    Object.defineProperty(document, 'readyState', { value: 'interactive', configurable: true });
    document.dispatchEvent(new Event('DOMContentLoaded'));
    await vi.waitFor(() => expect(root?.querySelector('button[aria-expanded="false"]')).not.toBeNull());
    // Closed by the rep: the handle only; opening it shows the one person the settings let through.
    expect(root!.querySelector('aside')).toBeNull();
    root!.querySelector<HTMLButtonElement>('button[aria-expanded="false"]')!.click();
    expect(cards()).toEqual(['li.wei']);
  });
});
