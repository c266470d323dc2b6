import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Clock } from '../../../lib/sync/clock';

export interface FakeRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  body: unknown;
  raw: string;
}
export interface FakeResponse {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}
export type FakeHandler = (req: FakeRequest) => FakeResponse;

export type Fault = '500' | 'reset' | 'reset-after-commit' | 'timeout' | 'malformed' | 'burst429';

/** Which faults a fake injects and how often: `rate` is the chance per request; a seed makes runs repeatable. */
export interface FaultPlan {
  rate: number;
  kinds: Fault[];
  seed?: number;
}

export interface FakeStats {
  requests: number;
  faults: Record<string, number>;
}

/** Seeded PRNG (mulberry32) so a failing run can be replayed. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The header the harness puts on each request so that the fake can say which one it leaves hanging. */
export const REQUEST_ID_HEADER = 'x-test-request-id';
const hangListeners = new Map<string, () => void>();

/** Called when the fake decides to leave request `id` unanswered; the harness ends it as a client timeout. */
export function onHang(id: string, listener: () => void): () => void {
  hangListeners.set(id, listener);
  return () => hangListeners.delete(id);
}

export interface FakeServer {
  url: string;
  stats: FakeStats;
  faults: FaultPlan;
  /**
   * Deterministic faults: the next `times` requests that `match` (method and path) get `fault` instead of
   * their answer ('burst429' gives the CRM's own 429), counted in requests, never in time.
   */
  failNext(match: (method: string, path: string) => boolean, fault: Fault, times?: number): void;
  close(): Promise<void>;
}

/**
 * A local HTTP server on 127.0.0.1 (port 0) around a CRM's contract handler, with fault injection:
 * 500s, connection resets before or after the request is applied, requests left hanging, malformed JSON
 * after the request was applied, and bursts of the CRM's own 429 answer (`burst` gives that answer).
 */
export async function startFake(
  handler: FakeHandler,
  opts: { faults?: FaultPlan; burst?: () => FakeResponse; clock?: Clock } = {},
): Promise<FakeServer> {
  const faults: FaultPlan = opts.faults ?? { rate: 0, kinds: [] };
  const random = seeded(faults.seed ?? 1);
  const stats: FakeStats = { requests: 0, faults: {} };
  let burstLeft = 0;
  const scripted: Array<{ match: (method: string, path: string) => boolean; fault: Fault; left: number }> = [];
  const sockets = new Set<import('node:net').Socket>();

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString('utf8')));
    req.on('end', () => {
      stats.requests++;
      const url = new URL(req.url ?? '/', 'http://fake');
      const send = (r: FakeResponse, text?: string) => {
        res.writeHead(r.status, { 'content-type': 'application/json', ...r.headers });
        res.end(text ?? (r.body === undefined ? '' : JSON.stringify(r.body)));
      };
      let fault: Fault | undefined;
      const script = scripted.find((x) => x.left > 0 && x.match(req.method ?? 'GET', url.pathname));
      if (script) {
        script.left--;
        fault = script.fault;
        if (fault === 'burst429') {
          stats.faults[fault] = (stats.faults[fault] ?? 0) + 1;
          return send(opts.burst?.() ?? { status: 429, body: { message: 'Too many requests (injected)' } });
        }
      } else if (burstLeft > 0) fault = 'burst429';
      else if (faults.kinds.length && random() < faults.rate) fault = faults.kinds[Math.floor(random() * faults.kinds.length)];
      if (fault) stats.faults[fault] = (stats.faults[fault] ?? 0) + 1;
      if (fault === 'burst429' && opts.burst) {
        if (burstLeft === 0) burstLeft = 3;
        burstLeft--;
        return send(opts.burst());
      }
      if (fault === 'reset') return req.socket.destroy();
      if (fault === '500') return send({ status: 500, body: { status: 'error', message: 'Internal error (injected)' } });
      if (fault === 'timeout') {
        // Never answered. The client's deadline fires now, not after real milliseconds: the harness is told.
        hangListeners.get(String(req.headers[REQUEST_ID_HEADER]))?.();
        return;
      }
      let body: unknown = undefined;
      try {
        // OAuth token endpoints take forms; everything else is JSON.
        body = !raw ? undefined : String(req.headers['content-type']).startsWith('application/x-www-form-urlencoded') ? Object.fromEntries(new URLSearchParams(raw)) : JSON.parse(raw);
      } catch {
        return send({ status: 400, body: { message: 'Body is not JSON' } });
      }
      const answer = handler({ method: req.method ?? 'GET', path: url.pathname, query: url.searchParams, headers: req.headers, body, raw });
      if (fault === 'reset-after-commit') return req.socket.destroy();
      if (fault === 'malformed' && answer.status < 300) return send(answer, '{"results": [tru');
      send(answer);
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    stats,
    faults,
    failNext: (match, fault, times = 1) => void scripted.push({ match, fault, left: times }),
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A rolling window of request times, as HubSpot and Pipedrive count them, on the shared clock. */
export class Window {
  private times: number[] = [];
  constructor(
    public max: number,
    public intervalMs: number,
    private readonly now: () => number,
  ) {}
  /** Records a request; false when it is over the limit (then it is not counted). */
  take(): boolean {
    const t = this.now();
    while (this.times.length && this.times[0]! <= t - this.intervalMs) this.times.shift();
    if (this.times.length >= this.max) return false;
    this.times.push(t);
    return true;
  }
  remaining(): number {
    return Math.max(0, this.max - this.times.length);
  }
  resetInMs(): number {
    return this.times.length ? Math.max(0, this.times[0]! + this.intervalMs - this.now()) : 0;
  }
}
