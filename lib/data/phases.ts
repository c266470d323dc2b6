/**
 * Where a data job's time went, phase by phase (ms of wall time in the worker; phases that overlap, such as
 * a read in flight while lines are built, each count their own waits). The worker sends them with the job's
 * end and the page keeps them as a User Timing mark (`touchline:data-job`, detail { job, phases }), so the
 * bench can split its figures without a profiler.
 */
export class Phases {
  readonly ms: Record<string, number> = {};

  add(name: string, ms: number): void {
    this.ms[name] = (this.ms[name] ?? 0) + ms;
  }

  /** Runs `fn`, adding its time to `name`. */
  async time<T>(name: string, fn: () => Promise<T> | T): Promise<T> {
    const t0 = performance.now();
    try {
      return await fn();
    } finally {
      this.add(name, performance.now() - t0);
    }
  }

  /** A clock for a loop's parts: each call adds the time since the one before to `name`. */
  lap(): (name: string) => void {
    let t = performance.now();
    return (name) => {
      const now = performance.now();
      this.add(name, now - t);
      t = now;
    };
  }
}

export const PHASES_MARK = 'touchline:data-job';
