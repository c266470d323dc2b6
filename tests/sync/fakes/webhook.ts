import { createHmac } from 'node:crypto';
import { startFake, type FakeRequest, type FakeResponse, type FakeServer, type FaultPlan } from './server';

interface Event {
  type: string;
  id: string;
  personId?: string;
  [k: string]: unknown;
}

/**
 * A webhook receiver: checks the HMAC-SHA256 signature, applies Idempotency-Key like Stripe (same key and
 * body -> the first answer again; same key, other body -> 422), stores people and touches by id, and counts
 * how often each event was applied so a test can see any duplicate delivery.
 */
export class WebhookFake {
  secret = 'whsec-good';
  readonly people = new Map<string, Event>();
  readonly touches = new Map<string, Event>();
  readonly applied = new Map<string, number>();
  /** Every `prospect.erased` event applied, in order. */
  readonly erased: Event[] = [];
  gone = false;
  /** Answers every delivery with this (a receiver that refuses what it is sent) until cleared. */
  refuse?: { status: number; body: unknown };
  private readonly keys = new Map<string, { body: string; answer: FakeResponse }>();
  server!: FakeServer;

  async start(faults?: FaultPlan): Promise<this> {
    this.server = await startFake((r) => this.handle(r), { faults });
    return this;
  }

  get url(): string {
    return this.server.url + '/hooks/touchline';
  }

  handle(req: FakeRequest): FakeResponse {
    if (req.method !== 'POST' || req.path !== '/hooks/touchline') return { status: 404, body: { error: 'not found' } };
    if (this.gone) return { status: 410, body: { error: 'gone' } };
    if (this.refuse && !String(req.raw).includes('"ping"')) return this.refuse;
    const expected = 'sha256=' + createHmac('sha256', this.secret).update(req.raw).digest('hex');
    if (req.headers['x-touchline-signature'] !== expected) return { status: 401, body: { error: 'bad signature' } };
    const key = req.headers['idempotency-key'];
    if (typeof key !== 'string' || !key) return { status: 400, body: { error: 'Idempotency-Key required' } };
    const seen = this.keys.get(key);
    if (seen) return seen.body === req.raw ? seen.answer : { status: 422, body: { error: 'Idempotency-Key reused with a different body' } };
    const events = ((req.body as { events?: Event[] }).events ?? []) as Event[];
    for (const e of events) {
      if (e.type === 'ping') continue;
      const counted = e.type === 'prospect.erased' ? `erased:${e.id}` : e.id;
      this.applied.set(counted, (this.applied.get(counted) ?? 0) + 1);
      if (e.type === 'prospect.erased') {
        for (const id of (e.ids as string[]) ?? []) this.people.delete(id), this.touches.delete(id);
        this.erased.push(e);
      }
      if (e.type === 'person.upsert') this.people.set(e.id, e);
      if (e.type === 'touch.create') this.touches.set(e.id, e);
    }
    const answer = { status: 200, body: { received: events.length } };
    this.keys.set(key, { body: req.raw, answer });
    return answer;
  }
}
