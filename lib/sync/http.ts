import type { z } from 'zod';
import { abortError, type Clock } from './clock';
import { SyncError } from './errors';
import { RateLimiter, type RateLimit } from './rate-limit';

export type Fetch = (url: string, init: RequestInit) => Promise<Response>;

export interface HttpResponse {
  status: number;
  headers: Headers;
  body: unknown;
}

/** What an adapter says about a non-2xx answer (or a 2xx it cannot use). */
export type Verdict =
  | { kind: 'retry'; message: string; waitMs?: number; quota?: boolean }
  | { kind: 'auth' | 'record' | 'stop'; message: string }
  | { kind: 'ok' };

export interface HttpPolicy {
  /** The CRM's name, for messages. */
  label: string;
  /** Classifies an answer; 2xx with JSON is `ok` unless the adapter says otherwise. */
  classify(res: HttpResponse, now: number): Verdict;
  /** Reads the CRM's rate-limit headers after every answer. */
  rateLimit(headers: Headers, now: number): Partial<RateLimit> & { blockedUntil?: number; remaining?: number; budgetLeft?: number };
  defaultLimit: RateLimit;
  /** Shared by the clients of one account (Pipedrive's search and write clients draw on one daily budget). */
  budget?: AccountBudget;
}

/**
 * What lanes running side by side must share: how much of the account's daily budget is left (requests in
 * flight may all spend it, so no more go out than it holds, and at its end they go single file: the end costs
 * one refused request, not one per lane), and a stop (a spent budget, a refused token) that ends every lane.
 */
export class AccountBudget {
  left?: number;
  inFlight = 0;
  halted?: SyncError;
  private waiting: Array<() => void> = [];

  /** Waits for room in the budget and takes it (counted in flight until `done`, waiting for the window too). */
  async slot(): Promise<void> {
    while (!this.halted && this.left !== undefined && this.inFlight >= Math.max(1, this.left)) await new Promise<void>((r) => this.waiting.push(r));
    if (this.halted) throw this.halted;
    this.inFlight++;
  }

  done(): void {
    this.inFlight--;
    for (const wake of this.waiting.splice(0)) wake();
  }

  halt(err: SyncError): void {
    this.halted ??= err;
    for (const wake of this.waiting.splice(0)) wake();
  }
}

export interface HttpOptions {
  fetch: Fetch;
  clock: Clock;
  signal?: AbortSignal;
  /** Per request; a CRM that does not answer in time is treated like a 5xx. */
  timeoutMs?: number;
  /**
   * Makes the per-request deadline. Real runs use a timer; tests end a request at the moment the fake CRM
   * decides to leave it hanging, so a slow machine never turns a normal answer into a timeout.
   */
  deadline?: (timeoutMs: number) => Deadline;
  /** Attempts per request before the engine gives up for now and schedules a later run. */
  maxAttempts?: number;
  random?: () => number;
}

/** Aborts `signal` when a request has waited too long; `cancel` once the answer is in. */
export interface Deadline {
  signal: AbortSignal;
  cancel(): void;
}

export function timerDeadline(ms: number): Deadline {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), ms);
  return { signal: controller.signal, cancel: () => clearTimeout(timer) };
}

const BASE_BACKOFF_MS = 500;
const MAX_BACKOFF_MS = 30_000;

/** Full-jitter exponential backoff (AWS architecture blog): spreads retries of many clients apart. */
export function backoffMs(attempt: number, random: () => number = Math.random): number {
  return Math.round(random() * Math.min(MAX_BACKOFF_MS, BASE_BACKOFF_MS * 2 ** attempt));
}

/** Seconds or an HTTP date, as RFC 9110 allows; undefined when absent or unreadable. */
export function retryAfterMs(headers: Headers, now: number): number | undefined {
  const raw = headers.get('retry-after');
  if (!raw) return undefined;
  const secs = Number(raw);
  if (Number.isFinite(secs)) return Math.max(0, secs * 1000);
  const date = Date.parse(raw);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** One CRM's HTTP client: keeps to its rate limit, retries what can be retried, explains what cannot. */
export class CrmHttp {
  readonly limiter: RateLimiter;
  requests = 0;
  constructor(
    private readonly policy: HttpPolicy,
    private readonly opts: HttpOptions,
  ) {
    this.limiter = new RateLimiter(policy.defaultLimit, opts.clock);
  }

  /**
   * Sends one request. With `unsafe` (a create the API cannot deduplicate), an answer that leaves open whether
   * the CRM applied it (timeout, reset, 5xx, unreadable body) throws `Ambiguous` instead of retrying blindly:
   * the adapter looks the record up before it tries again.
   */
  async request<T = unknown>(
    method: string,
    url: string,
    body: unknown,
    headers: Record<string, string>,
    opts: { unsafe?: boolean; schema?: z.ZodType<T>; accept?: number[] } = {},
  ): Promise<HttpResponse & { body: T }> {
    const { clock, signal } = this.opts;
    const maxAttempts = this.opts.maxAttempts ?? 8;
    let lastMessage = '';
    const budget = this.policy.budget;
    for (let attempt = 0; attempt < maxAttempts; attempt++) {
      await budget?.slot();
      let res: HttpResponse | { error: string };
      let verdict: Verdict | undefined;
      let halt: SyncError | undefined;
      let wait = 0;
      try {
        await this.limiter.take(signal);
        res = await this.once(method, url, body, headers);
        if (!('error' in res)) {
          const limits = this.policy.rateLimit(res.headers, clock.now());
          this.limiter.learn(limits);
          // The CRM's count leaves out the other requests still on their way: count them as spent.
          if (budget && limits.budgetLeft !== undefined && Number.isFinite(limits.budgetLeft)) budget.left = Math.max(0, limits.budgetLeft - (budget.inFlight - 1));
          // `accept`: statuses the caller handles itself (a delete's 404: the record is gone already).
          verdict = opts.accept?.includes(res.status) ? { kind: 'ok' } : this.policy.classify(res, clock.now());
          if (verdict.kind === 'retry') wait = Math.max(verdict.waitMs ?? 0, retryAfterMs(res.headers, clock.now()) ?? 0, backoffMs(attempt, this.opts.random));
          halt = halting(verdict, wait, clock.now(), !!opts.unsafe && res.status >= 500);
          // Before this request's room in the budget is given back: no other lane sends after the end.
          if (halt) budget?.halt(halt);
        }
      } finally {
        budget?.done();
      }
      if ('error' in res) {
        lastMessage = res.error;
        await clock.sleep(backoffMs(attempt, this.opts.random), signal);
        if (opts.unsafe) throw new Ambiguous(res.error);
        continue;
      }
      if (halt) throw halt;
      if (verdict!.kind === 'ok') return { ...res, body: opts.accept?.includes(res.status) ? (res.body as T) : this.parse(res, opts.schema) };
      if (verdict!.kind !== 'retry') throw new SyncError(verdict!.kind, verdict!.message);
      lastMessage = verdict!.message;
      if (opts.unsafe && res.status >= 500) {
        await clock.sleep(backoffMs(attempt, this.opts.random), signal);
        throw new Ambiguous(verdict!.message);
      }
      this.limiter.blockFor(wait);
    }
    throw new SyncError('later', `${lastMessage} (gave up after ${maxAttempts} attempts; will try again)`, clock.now() + 60_000);
  }

  /**
   * Every answer is checked against the shape the adapter relies on: an answer of another shape (a proxy's
   * page, an API change) refuses the batch with the reason instead of writing wrong ids or stalling.
   */
  private parse<T>(res: HttpResponse, schema: z.ZodType<T> | undefined): T {
    if (!schema) return res.body as T;
    const parsed = schema.safeParse(res.body);
    if (parsed.success) return parsed.data;
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? ` at ${issue.path.join('.')}` : '';
    throw new SyncError('record', `${this.policy.label} sent an answer Touchline cannot read (HTTP ${res.status}${where}: ${issue?.message ?? 'unexpected shape'}).`);
  }

  /** Waits on the run's clock (search lag): stops at once when the run is stopped. */
  wait(ms: number): Promise<void> {
    return this.opts.clock.sleep(ms, this.opts.signal);
  }

  now(): number {
    return this.opts.clock.now();
  }

  private async once(method: string, url: string, body: unknown, headers: Record<string, string>): Promise<HttpResponse | { error: string }> {
    const { signal } = this.opts;
    if (signal?.aborted) throw abortError();
    const timeout = new AbortController();
    const deadline = (this.opts.deadline ?? timerDeadline)(this.opts.timeoutMs ?? 30_000);
    const onDeadline = () => timeout.abort();
    deadline.signal.addEventListener('abort', onDeadline, { once: true });
    const onAbort = () => timeout.abort();
    signal?.addEventListener('abort', onAbort, { once: true });
    this.requests++;
    const release = this.opts.clock.hold?.();
    try {
      const res = await this.opts.fetch(url, {
        method,
        headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
        body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
        signal: timeout.signal,
      });
      const text = await res.text();
      let parsed: unknown = undefined;
      if (text) {
        try {
          parsed = JSON.parse(text);
        } catch {
          // A proxy's HTML error page or a truncated body: the request may or may not have been applied.
          if (res.ok) return { error: `The CRM sent an unreadable answer (HTTP ${res.status}).` };
          parsed = text.slice(0, 300);
        }
      }
      return { status: res.status, headers: res.headers, body: parsed };
    } catch (err) {
      if (signal?.aborted) throw abortError();
      if (deadline.signal.aborted) return { error: 'The CRM did not answer in time.' };
      return { error: `Could not reach the CRM (${(err as Error).message}).` };
    } finally {
      release?.();
      deadline.cancel();
      deadline.signal.removeEventListener('abort', onDeadline);
      signal?.removeEventListener('abort', onAbort);
    }
  }
}

/**
 * An answer that ends the whole run, not just this request: a refused token or connection, a spent quota, or a
 * wait longer than a run should sleep (the engine schedules a later run). A lost 5xx of a create is not one:
 * the adapter looks the record up first.
 */
function halting(verdict: Verdict, wait: number, now: number, lostCreate: boolean): SyncError | undefined {
  if (verdict.kind === 'auth' || verdict.kind === 'stop') return new SyncError(verdict.kind, verdict.message);
  if (verdict.kind !== 'retry' || lostCreate) return undefined;
  if (wait > 5 * 60_000 || verdict.quota) return new SyncError('later', verdict.message, now + wait, !!verdict.quota);
  return undefined;
}

/** The CRM may or may not have applied the request. */
export class Ambiguous extends Error {
  override name = 'Ambiguous';
}
