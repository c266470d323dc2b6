import { GMAIL } from './selectors';

/** The containers whose changes can change what Touchline shows: the main view and the compose host. */
const SCOPES = [GMAIL.main, ...GMAIL.composeHosts.filter((s) => s !== GMAIL.main)].join(', ');
/** Attributes Gmail changes in place when a recipient or a message changes. */
const ATTRIBUTES = ['email', 'data-hovercard-id', 'data-message-id', 'data-legacy-thread-id', 'value', 'aria-expanded'];

/**
 * Gmail's watch strategy. Detection re-runs after a hash change and after mutations inside the main view or
 * the compose host only; a burst is coalesced into one run per `minIntervalMs`. A second observer on the page
 * does no scan: per mutation record it only asks whether a scope appeared (looking inside the added nodes)
 * or disappeared, so Gmail's other churn (chat, notifications, tooltips) costs a `contains` check. While
 * nothing changes, nothing runs; a hash change (another thread) runs at once. Everything stops with `signal`.
 */
export function watchGmail(win: Window, signal: AbortSignal, onChange: () => void, minIntervalMs = 16): void {
  const doc = win.document;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastRun = -Infinity;
  let scopes: Element[] = [];

  const run = () => {
    timer = undefined;
    lastRun = performance.now();
    if (!signal.aborted) onChange();
  };
  // `now`: a navigation shows another thread, so it is not held back behind the burst interval.
  const schedule = (now = false) => {
    if (signal.aborted) return;
    if (now && timer !== undefined) clearTimeout(timer);
    else if (timer !== undefined) return;
    timer = setTimeout(run, now ? 0 : Math.max(0, lastRun + minIntervalMs - performance.now()));
  };

  const scopeObserver = new MutationObserver(() => schedule());
  const bind = () => {
    scopeObserver.disconnect();
    scopes = [...doc.querySelectorAll(SCOPES)];
    for (const scope of scopes) {
      scopeObserver.observe(scope, { childList: true, subtree: true, characterData: false, attributeFilter: ATTRIBUTES });
    }
  };

  const inScope = (node: Node) => scopes.some((s) => s.contains(node));
  const bringsScope = (node: Node) => node.nodeType === 1 && ((node as Element).matches(SCOPES) || (node as Element).querySelector(SCOPES) !== null);
  const shellObserver = new MutationObserver((records) => {
    let rebind = scopes.some((s) => !s.isConnected);
    for (let i = 0; i < records.length && !rebind; i++) {
      const record = records[i]!;
      if (inScope(record.target)) continue;
      for (const node of record.addedNodes) {
        if (bringsScope(node)) {
          rebind = true;
          break;
        }
      }
    }
    if (rebind) {
      bind();
      schedule();
    }
  });

  const navigated = () => {
    bind();
    schedule(true);
  };
  bind();
  shellObserver.observe(doc.body, { childList: true, subtree: true });
  win.addEventListener('hashchange', navigated, { signal });
  win.addEventListener('popstate', navigated, { signal });
  signal.addEventListener('abort', () => {
    scopeObserver.disconnect();
    shellObserver.disconnect();
    if (timer !== undefined) clearTimeout(timer);
  });
}
