import type { BrowserContext, Page } from '@playwright/test';
import type { Launched } from '../tests/support/launch';

/** What the in-page probe saw of one page load: all times in ms from navigation start. */
export interface PaintProbe {
  dcl: number;
  /** The people's cards were in the sidebar's DOM. */
  people: number;
  /** The frame that carries them has been rendered (style, layout and paint done on the main thread). */
  frame: number;
  /** The page's own first frame after DOMContentLoaded, rendered (the same measure, for comparison). */
  pageFrame: number;
  /** When that frame began (its requestAnimationFrame callbacks, before its style, layout and paint). */
  pageFrameStart: number;
  /** The page's first contentful paint (Paint Timing: the frame's paint time, else its start time). */
  fcp: number;
  /** When the first paint went in, the store had not answered yet (placeholder rows in every card). */
  beforeStore: boolean;
  /** When every card's placeholder had been replaced (stage or Add button): the store's answer painted. */
  store: number;
  /** Largest vertical move of a card's name between the first paint and the store's answer, in px. */
  shift: number;
  /** Largest move of a host-page element after the page's first paint (Layout Instability API), in px. */
  pageShift: number;
  /** The host page's cumulative layout shift score over the same time. */
  pageCls: number;
  /** Largest change of the page's <body> width after its first frame (a reflow of the whole page), in px. */
  pageReflow: number;
}

/**
 * An init script (the page's main world, test build: the sidebar's shadow root is open) that timestamps
 * the sidebar's first paint of `people` cards, the end of the frame that renders them, the store's answer
 * replacing every placeholder row, and how far any name moved in between; and the host page's own layout
 * shifts. It watches the document only until <body> exists, then only <body>'s children (the sidebar's host is a child of <body>), so
 * it adds no work while the page parses, and it forces no layout before the frame does.
 */
export const PAINT_PROBE = (people: number) => `(() => {
  const probe = { people: 0, frame: 0, pageFrame: 0, pageFrameStart: 0, fcp: 0, beforeStore: false, store: 0, shift: 0, pageShift: 0, pageCls: 0, pageReflow: 0 };
  window.__paintProbe = probe;
  // A frame's rendering ends before the next task: a message posted from rAF arrives just after it.
  const afterFrame = (done, began) => requestAnimationFrame(() => { if (began) began(performance.now()); const c = new MessageChannel(); c.port1.onmessage = () => done(performance.now()); c.port2.postMessage(0); });
  document.addEventListener('DOMContentLoaded', () => afterFrame((t) => (probe.pageFrame = t), (t) => (probe.pageFrameStart = t)), { once: true });
  // The page's first contentful paint. A large document is painted while it is still parsing, before
  // DOMContentLoaded: the probe reports when, so a reader sees which frame "the page's first" is.
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (e.name === 'first-contentful-paint' && !probe.fcp) probe.fcp = e.paintTime || e.startTime;
  }).observe({ type: 'paint', buffered: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (e.hadRecentInput) continue;
      const moves = e.sources.filter((s) => s.node && s.node.nodeName !== 'TOUCHLINE-SIDEBAR').map((s) => Math.max(Math.abs(s.currentRect.x - s.previousRect.x), Math.abs(s.currentRect.y - s.previousRect.y)));
      if (!moves.length) continue;
      probe.pageCls += e.value;
      probe.pageShift = Math.max(probe.pageShift, ...moves);
    }
  }).observe({ type: 'layout-shift', buffered: true });
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
    afterFrame((t) => {
      probe.frame = t;
      // Where the names are in the frame that showed them (its layout is done: this reads, it does not force).
      if (!first) { first = tops(root); watchStore(root); }
    });
    return true;
  };
  const onHost = (host) => {
    const root = host.shadowRoot;
    if (!root || found(root)) return;
    const mo = new MutationObserver(() => found(root) && mo.disconnect());
    mo.observe(root, { subtree: true, childList: true });
  };
  const onBody = (body) => {
    // The first callback is the frame that first laid the body out; any other width is the page reflowed.
    let firstWidth = null;
    new ResizeObserver(([e]) => {
      const w = e.contentRect.width;
      if (firstWidth === null) firstWidth = w;
      probe.pageReflow = Math.max(probe.pageReflow, Math.abs(w - firstWidth));
    }).observe(body);
    const mo = new MutationObserver((records) => {
      for (const r of records) for (const n of r.addedNodes) if (n.nodeName === 'TOUCHLINE-SIDEBAR') { mo.disconnect(); onHost(n); return; }
    });
    mo.observe(body, { childList: true });
  };
  if (document.body) onBody(document.body);
  else {
    // Until <body> exists (the head only: a few nodes), then only <body>'s own children.
    const mo = new MutationObserver(() => document.body && (mo.disconnect(), onBody(document.body)));
    mo.observe(document, { childList: true, subtree: true });
  }
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
