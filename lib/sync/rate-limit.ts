import type { Clock } from './clock';

export interface RateLimit {
  max: number;
  intervalMs: number;
  /**
   * A token bucket refilled continuously (Twenty's throttler) rather than a rolling window: after a burst,
   * one request may go every intervalMs / max, instead of the next burst a whole window later.
   */
  bucket?: boolean;
}

/**
 * Sliding-window limiter: keeps our own request times and waits before a request that would exceed `max` in
 * `intervalMs`, so a healthy run never earns a 429. The CRM's headers correct `max`/`intervalMs`, and
 * `remaining: 0` or a Retry-After block until the window frees up (other clients may share the token).
 */
export class RateLimiter {
  private sent: number[] = [];
  private blockedUntil = 0;
  private tokens?: number;
  private tokensAt = 0;
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
      if (this.limit.bucket) {
        this.refill(now);
        if (this.tokens! < 1) wait = Math.max(wait, Math.ceil(((1 - this.tokens!) * this.limit.intervalMs) / this.limit.max));
      } else if (this.sent.length >= this.limit.max) wait = Math.max(wait, this.sent[0]! + this.limit.intervalMs - now + 1);
      if (wait <= 0) break;
      this.waitedMs += wait;
      await this.clock.sleep(wait, signal);
    }
    if (this.limit.bucket) this.tokens! -= 1;
    this.sent.push(this.clock.now());
  }

  private refill(now: number): void {
    this.tokens = this.tokens === undefined ? this.limit.max : Math.min(this.limit.max, this.tokens + ((now - this.tokensAt) * this.limit.max) / this.limit.intervalMs);
    this.tokensAt = now;
  }
}
