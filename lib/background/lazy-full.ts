import type { Full, Shared } from './full';

/** The file entrypoints/background-full.ts builds to, and the global its evaluation leaves behind. */
export const FULL_SCRIPT = '/background-full.js';
const GLOBAL = '__touchlineStartFull';
type Start = (shared: Shared) => Full;
const scope = globalThis as unknown as { [GLOBAL]?: Start; importScripts?: (url: string) => void; addEventListener?: (type: string, listener: () => void) => void };

/** What background-full.js runs when it is evaluated: it hands its entry point to the worker's first script. */
export function provideFull(start: Start): void {
  scope[GLOBAL] = start;
}

/**
 * Everything but a page's answers (lib/background/full.ts), loaded the first time it is needed.
 *
 * Chrome's service worker: MV3 lets `importScripts` fetch a new script only while the worker installs; one
 * imported then is kept with the worker's registration and imports synchronously, from that cache, at any
 * later start. So it is imported once on install, and after that only when used.
 * Firefox's event page has no importScripts: the manifest lists background-full.js before background.js
 * (wxt.config.ts), so it is already there.
 */
export function lazyFull(shared: () => Shared): () => Full {
  const load = () => {
    if (!scope[GLOBAL] && scope.importScripts) scope.importScripts(FULL_SCRIPT);
    if (!scope[GLOBAL]) throw new Error(`${FULL_SCRIPT} did not load`);
    return scope[GLOBAL];
  };
  scope.addEventListener?.('install', load);
  let full: Full | undefined;
  return () => (full ??= load()(shared()));
}
