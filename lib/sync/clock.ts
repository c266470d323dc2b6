import { SyncError } from './errors';

/** Time as the sync engine sees it. Tests and the bench pass a virtual clock shared with the fake CRM. */
export interface Clock {
  now(): number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  /**
   * Marks work in progress that takes no time of its own on this clock (a request on the wire, a database
   * write); returns its end. A virtual clock does not move while any is held, so one lane's sleep cannot jump
   * time past a request another lane has sent but the CRM has not yet counted. Real clocks need none.
   */
  hold?(): () => void;
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

interface Sleeper {
  at: number;
  order: number;
  wake(): void;
}

/** After everything already queued (I/O callbacks included): setImmediate where it exists (Node). */
const later: (f: () => void) => void = typeof setImmediate === 'function' ? (f) => void setImmediate(f) : (f) => void setTimeout(f, 0);

/**
 * A clock whose sleeps cost no real time: a 10 s rate-limit window passes at once. Concurrent sleepers wake
 * in order of their wake-up times (ties in call order), and time moves only when nothing holds it (no request
 * in flight, see `hold`) to the earliest wake-up, so lanes that wait in parallel wait in parallel.
 */
export function virtualClock(start = Date.UTC(2026, 10, 23)): Clock & { advance(ms: number): void } {
  let t = start;
  let order = 0;
  let holds = 0;
  let ticking = false;
  const sleepers: Sleeper[] = [];
  const tick = () => {
    ticking = false;
    if (holds > 0 || !sleepers.length) return;
    sleepers.sort((a, b) => a.at - b.at || a.order - b.order);
    t = Math.max(t, sleepers[0]!.at);
    while (sleepers.length && sleepers[0]!.at <= t) sleepers.shift()!.wake();
    schedule();
  };
  const schedule = () => {
    if (ticking || holds > 0 || !sleepers.length) return;
    ticking = true;
    later(tick);
  };
  return {
    now: () => t,
    advance: (ms) => {
      t += Math.max(0, ms);
    },
    async sleep(ms, signal) {
      if (signal?.aborted) throw abortError();
      if (ms <= 0) return void (await Promise.resolve());
      await new Promise<void>((resolve, reject) => {
        const s: Sleeper = {
          at: t + ms,
          order: order++,
          wake: () => {
            signal?.removeEventListener('abort', onAbort);
            resolve();
          },
        };
        const onAbort = () => {
          const i = sleepers.indexOf(s);
          if (i >= 0) sleepers.splice(i, 1);
          reject(abortError());
        };
        signal?.addEventListener('abort', onAbort, { once: true });
        sleepers.push(s);
        schedule();
      });
    },
    hold() {
      holds++;
      let released = false;
      return () => {
        if (released) return;
        released = true;
        holds--;
        schedule();
      };
    },
  };
}

/** The engine was stopped (the service worker is going away): the outbox is left as it is. */
export function abortError(): Error {
  return new SyncError('aborted', 'Sync was stopped.');
}
