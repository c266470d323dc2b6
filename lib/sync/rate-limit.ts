import type { Clock } from './clock';

export interface RateLimit {
  max: number;
  intervalMs: number;
}

/**
 * Sliding-window limiter: keeps our own request times and waits before a request that would exceed `max` in
 * `intervalMs`, so a healthy run never earns a 429. The CRM's headers correct `max`/`intervalMs`, and
 * `remaining: 0` or a Retry-After block until the window frees up (other clients may share the token).
 */
export class RateLimiter {
  private sent: number[] = [];
  private blockedUntil = 0;
  waitedMs = 0;

  constructor(
    private limit: RateLimit,
    private readonly clock: Clock,
  ) {}

  learn(info: Partial<RateLimit> & { remaining?: number; blockedUntil?: number }): void {
    if (info.max && info.max > 0) this.limit = { ...this.limit, max: info.max };
    if (info.intervalMs && info.intervalMs > 0) this.limit = { ...this.limit, intervalMs: info.intervalMs };
    if (info.blockedUntil) this.blockedUntil = Math.max(this.blockedUntil, info.blockedUntil);
    // The CRM counts requests we did not make (another run, another integration on the same token): take its
    // count of what is left as the truth, as if the missing requests were made just now.
    if (info.remaining !== undefined && Number.isFinite(info.remaining)) {
      const now = this.clock.now();
      const windowStart = now - this.limit.intervalMs;
      while (this.sent.length && this.sent[0]! <= windowStart) this.sent.shift();
      const used = this.limit.max - info.remaining;
      while (this.sent.length < used) this.sent.push(now);
    }
  }

  blockFor(ms: number): void {
    this.blockedUntil = Math.max(this.blockedUntil, this.clock.now() + ms);
  }

  async take(signal?: AbortSignal): Promise<void> {
    for (;;) {
      const now = this.clock.now();
      const windowStart = now - this.limit.intervalMs;
      while (this.sent.length && this.sent[0]! <= windowStart) this.sent.shift();
      let wait = this.blockedUntil - now;
      if (this.sent.length >= this.limit.max) wait = Math.max(wait, this.sent[0]! + this.limit.intervalMs - now + 1);
      if (wait <= 0) break;
      this.waitedMs += wait;
      await this.clock.sleep(wait, signal);
    }
    this.sent.push(this.clock.now());
  }
}
