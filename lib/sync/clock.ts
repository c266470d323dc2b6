import { SyncError } from './errors';

/** Time as the sync engine sees it. Tests and the bench pass a virtual clock shared with the fake CRM. */
export interface Clock {
  now(): number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const realClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(abortError());
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, Math.max(0, ms));
      const onAbort = () => {
        clearTimeout(timer);
        reject(abortError());
      };
      signal?.addEventListener('abort', onAbort, { once: true });
    }),
};

/** A clock whose sleep advances time at once: a 10 s rate-limit window costs no real time. */
export function virtualClock(start = Date.UTC(2026, 10, 23)): Clock & { advance(ms: number): void } {
  let t = start;
  return {
    now: () => t,
    advance: (ms) => {
      t += Math.max(0, ms);
    },
    async sleep(ms, signal) {
      if (signal?.aborted) throw abortError();
      t += Math.max(0, ms);
      await Promise.resolve();
    },
  };
}

/** The engine was stopped (the service worker is going away): the outbox is left as it is. */
export function abortError(): Error {
  return new SyncError('aborted', 'Sync was stopped.');
}
