/**
 * Calls `onChange` after the page changed: a navigation (hash, pushState) or DOM mutations. Bursts of
 * mutations are coalesced into one call per frame-sized window, and nothing runs while the page is still.
 * Everything stops with `signal` (WXT's ctx.signal), so an invalidated content script leaves nothing behind.
 */
export function watchPage(win: Window, signal: AbortSignal, onChange: () => void, minIntervalMs = 16): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastRun = 0;
  const run = () => {
    timer = undefined;
    lastRun = performance.now();
    if (!signal.aborted) onChange();
  };
  const schedule = () => {
    if (timer !== undefined || signal.aborted) return;
    const wait = Math.max(0, lastRun + minIntervalMs - performance.now());
    timer = setTimeout(run, wait);
  };
  const observer = new MutationObserver(schedule);
  observer.observe(win.document.body, { childList: true, subtree: true, characterData: false, attributes: false });
  win.addEventListener('hashchange', schedule, { signal });
  win.addEventListener('popstate', schedule, { signal });
  win.addEventListener('wxt:locationchange', schedule, { signal });
  signal.addEventListener('abort', () => {
    observer.disconnect();
    if (timer !== undefined) clearTimeout(timer);
  });
}
