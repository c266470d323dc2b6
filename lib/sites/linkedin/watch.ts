import { LINKEDIN } from './selectors';

/** The part of WXT's ContentScriptContext the watcher needs (its listeners die with the context). */
export interface WatchContext {
  signal: AbortSignal;
  addEventListener(target: Window, type: 'wxt:locationchange' | 'popstate', handler: () => void): void;
}

const PARENTS = LINKEDIN.contentRootParents.join(', ');

/**
 * LinkedIn's watch strategy. LinkedIn is a single-page app whose body mutates all the time (feed, presence
 * dots, ads, toasts), so the watcher observes the subtrees of the content roots only (`main`, the chat
 * overlay) plus the child lists of their ancestors, to notice when the app swaps `main` (or a wrapper of it)
 * on a route change. A root that is not there yet (the overlay appears some time after load, or never;
 * `main` may be rendered lazily) is waited for on the child lists of the body and of the few places
 * LinkedIn mounts roots (LINKEDIN.contentRootParents), never on a whole subtree; once it exists the watcher
 * narrows to it. Navigation (pushState via WXT's `wxt:locationchange`, back/forward via popstate) also
 * triggers a run. Bursts are coalesced; nothing runs, polls or allocates while the page is still.
 */
export function watchLinkedIn(ctx: WatchContext, win: Window, onChange: () => void, minIntervalMs = 16): void {
  const doc = win.document;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastRun = 0;
  let bound: Element[] = [];
  let waiting = false;

  const observer = new MutationObserver((records) => {
    if (rootsChanged()) {
      bind();
      schedule();
      return;
    }
    let inRoot = false;
    let newParent = false;
    for (const r of records) {
      if (bound.some((root) => root.contains(r.target))) inRoot = true;
      else if (waiting && !newParent) newParent = addsParent(r);
    }
    // A wrapper LinkedIn mounts a root into arrived empty: wait on its child list too.
    if (newParent) bind();
    if (inRoot) schedule();
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

  function addsParent(r: MutationRecord): boolean {
    for (const node of r.addedNodes) {
      if (node.nodeType !== 1) continue;
      const el = node as Element;
      if (el.matches(PARENTS) || el.querySelector(PARENTS)) return true;
    }
    return false;
  }

  function bind() {
    observer.disconnect();
    bound = roots();
    const lists = new Set<Element>([doc.body]);
    for (const el of bound) {
      observer.observe(el, { childList: true, subtree: true });
      // Ancestors' own child lists (not their subtrees): a route change may swap any of them, taking `el` along.
      for (let a = el.parentElement; a && a !== doc.body; a = a.parentElement) lists.add(a);
    }
    waiting = bound.length < LINKEDIN.contentRoots.length;
    if (waiting) for (const p of doc.querySelectorAll(PARENTS)) if (!bound.some((root) => root.contains(p))) lists.add(p);
    for (const el of lists) observer.observe(el, { childList: true });
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
