import type { BrowserContext, Page } from '@playwright/test';
import type { Launched } from '../tests/support/launch';

/** What the in-page probe saw of one page load: all times in ms from navigation start. */
export interface PaintProbe {
  dcl: number;
  /** The people's cards were in the sidebar's DOM. */
  people: number;
  /** The next animation frame after that (the frame that shows them). */
  frame: number;
  /** When the first paint went in, the store had not answered yet (placeholder rows in every card). */
  beforeStore: boolean;
  /** When every card's placeholder had been replaced (stage or Add button): the store's answer painted. */
  store: number;
  /** Largest vertical move of a card's name between the first paint and the store's answer, in px. */
  shift: number;
}

/**
 * An init script (the page's main world, test build: the sidebar's shadow root is open) that timestamps
 * the sidebar's first paint of `people` cards, the frame after, and the store's answer replacing every
 * placeholder row, and how far any name moved in between.
 */
export const PAINT_PROBE = (people: number) => `(() => {
  const probe = { people: 0, frame: 0, beforeStore: false, store: 0, shift: 0 };
  window.__paintProbe = probe;
  const names = (root) => [...root.querySelectorAll('li[aria-label]')].filter((li) => li.closest('ul[aria-label="People on this page"]'));
  const tops = (root) => names(root).map((li) => li.firstElementChild.getBoundingClientRect().top);
  let first = null;
  const watchStore = (root) => {
    const check = () => {
      const cards = names(root);
      if (cards.length < ${people} || cards.some((li) => li.querySelector('.' + 'bg-slate-100.h-3'))) return false;
      probe.store = performance.now();
      const now = tops(root);
      probe.shift = Math.max(0, ...now.map((t, i) => Math.abs(t - (first[i] ?? t))));
      return true;
    };
    if (check()) return;
    const mo = new MutationObserver(() => check() && mo.disconnect());
    mo.observe(root, { subtree: true, childList: true, attributes: true });
  };
  const found = (root) => {
    if (probe.people || names(root).length < ${people}) return false;
    probe.people = performance.now();
    probe.beforeStore = names(root).every((li) => li.querySelector('.bg-slate-100.h-3'));
    first = tops(root);
    requestAnimationFrame(() => (probe.frame = performance.now()));
    watchStore(root);
    return true;
  };
  const onHost = (host) => {
    const root = host.shadowRoot;
    if (!root || found(root)) return;
    const mo = new MutationObserver(() => found(root) && mo.disconnect());
    mo.observe(root, { subtree: true, childList: true });
  };
  const mo = new MutationObserver((records) => {
    for (const r of records) for (const n of r.addedNodes) if (n.nodeName === 'TOUCHLINE-SIDEBAR') { mo.disconnect(); onHost(n); return; }
  });
  mo.observe(document, { subtree: true, childList: true });
})();`;

export async function readProbe(page: Page): Promise<PaintProbe> {
  await page.waitForFunction(() => (window as unknown as { __paintProbe: PaintProbe }).__paintProbe.store > 0 && (window as unknown as { __paintProbe: PaintProbe }).__paintProbe.frame > 0, undefined, { timeout: 30_000 });
  return page.evaluate(() => {
    const p = (window as unknown as { __paintProbe: Omit<PaintProbe, 'dcl'> }).__paintProbe;
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    return { ...p, dcl: nav.domContentLoadedEventStart };
  });
}

/** Stops the extension's service worker, as Chrome does after 30 s idle: the next message cold-starts it. */
export async function stopServiceWorker(context: BrowserContext, page: Page): Promise<void> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
}

/** Counts, in the service worker, the requests each tab sends (by sender URL); read with `requestCounts`. */
export async function countRequests(ext: Launched): Promise<void> {
  const worker = ext.context.serviceWorkers()[0] ?? ext.serviceWorker;
  await worker.evaluate(() => {
    const g = globalThis as unknown as { __requests?: Array<{ url: string; type: string }> };
    if (g.__requests) return;
    g.__requests = [];
    chrome.runtime.onMessage.addListener((m: { type?: string }, sender) => {
      if (m && typeof m.type === 'string') g.__requests!.push({ url: sender.url ?? '', type: m.type });
      return undefined;
    });
  });
}

export async function requestCounts(ext: Launched): Promise<Array<{ url: string; type: string }>> {
  const worker = ext.context.serviceWorkers()[0] ?? ext.serviceWorker;
  return worker.evaluate(() => (globalThis as unknown as { __requests: Array<{ url: string; type: string }> }).__requests.splice(0));
}

export function worst(xs: number[]): number {
  return Math.max(...xs);
}

// The extension API as these page and worker scripts use it (they run in the browser, not in Node).
declare const chrome: {
  runtime: {
    onMessage: { addListener(l: (m: { type?: string }, sender: { url?: string }) => undefined): void };
  };
};
