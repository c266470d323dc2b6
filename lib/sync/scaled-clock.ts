import { realClock, type Clock } from './clock';

/**
 * Real time sped up `factor` times: a 10 s rate-limit window passes in 10/factor real seconds, while the
 * work between requests (building batches, IndexedDB, HTTP) still costs its real time. Used by the bench.
 */
export function scaledClock(factor: number, start = Date.now()): Clock {
  const origin = Date.now();
  return {
    now: () => start + (Date.now() - origin) * factor,
    sleep: (ms, signal) => realClock.sleep(ms / factor, signal),
  };
}
