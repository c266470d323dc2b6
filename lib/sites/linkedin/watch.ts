import { LINKEDIN } from './selectors';

/** The part of WXT's ContentScriptContext the watcher needs (its listeners die with the context). */
export interface WatchContext {
  signal: AbortSignal;
  addEventListener(target: Window, type: 'wxt:locationchange' | 'popstate', handler: () => void): void;
}

/**
 * LinkedIn's watch strategy. LinkedIn is a single-page app whose body mutates all the time (feed, presence
 * dots, ads), so instead of the whole body this observes only where people are rendered: `main` and the
 * chat overlay, plus the child lists of their ancestors to notice when the app swaps `main` (or a wrapper
 * of it) on a route change. Navigation (pushState via WXT's `wxt:locationchange`, back/forward via popstate) also triggers a
 * run. Bursts are coalesced; nothing runs, polls or allocates while the page is still.
 */
export function watchLinkedIn(ctx: WatchContext, win: Window, onChange: () => void, minIntervalMs = 16): void {
  const doc = win.document;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastRun = 0;
  let bound: Element[] = [];

  const observer = new MutationObserver(() => {
    if (!bound.every((el) => el.isConnected) || rootsChanged()) bind();
    schedule();
  });

  function roots(): Element[] {
    const found: Element[] = [];
    for (const s of LINKEDIN.contentRoots) {
      const el = doc.querySelector(s);
      if (el && !found.some((f) => f.contains(el) || el.contains(f))) found.push(el);
    }
    return found;
  }

  function rootsChanged(): boolean {
    const now = roots();
    return now.length !== bound.length || now.some((el, i) => el !== bound[i]);
  }

  function bind() {
    observer.disconnect();
    bound = roots();
    // Until the app has rendered a root, watch the body's children for it to appear.
    observer.observe(doc.body, { childList: true, subtree: bound.length === 0 });
    for (const el of bound) {
      observer.observe(el, { childList: true, subtree: true });
      // Ancestors' own child lists (not their subtrees): a route change may swap any of them, taking `el` along.
      for (let a = el.parentElement; a && a !== doc.body; a = a.parentElement) observer.observe(a, { childList: true });
    }
  }

  function run() {
    timer = undefined;
    lastRun = performance.now();
    if (!ctx.signal.aborted) onChange();
  }

  function schedule() {
    if (timer !== undefined || ctx.signal.aborted) return;
    timer = setTimeout(run, Math.max(0, lastRun + minIntervalMs - performance.now()));
  }

  const onNavigate = () => {
    // WXT reports pushState from the Navigation API's `navigate`, before the URL commits: run a tick later.
    bind();
    schedule();
  };

  bind();
  ctx.addEventListener(win, 'wxt:locationchange', onNavigate);
  ctx.addEventListener(win, 'popstate', onNavigate);
  ctx.signal.addEventListener('abort', () => {
    observer.disconnect();
    if (timer !== undefined) clearTimeout(timer);
  });
}
