import type { Clock } from '../../../lib/sync/clock';
import { startFake, Window, type FakeRequest, type FakeResponse, type FakeServer, type FaultPlan } from './server';

interface Row {
  id: number;
  [k: string]: unknown;
}

/**
 * Pipedrive as crm-contracts.md describes it: `x-api-token` auth, `{success, data}` / `{success:false, error}`
 * envelopes, NO server-side dedupe (a second POST makes a second person: search first), exact-match person
 * search by email or custom field, and per-token windows of 2 s (a tighter one for search) with
 * x-ratelimit-limit / -remaining / -reset headers.
 */
export class PipedriveFake {
  token = 'pd-good';
  readonly persons = new Map<number, Row>();
  readonly orgs = new Map<number, Row>();
  readonly deals = new Map<number, Row>();
  readonly activities = new Map<number, Row>();
  readonly window: Window;
  readonly searchWindow: Window;
  rejected429 = 0;
  private nextId = 1;
  server!: FakeServer;

  constructor(clock: Clock, opts: { max?: number; searchMax?: number } = {}) {
    this.window = new Window(opts.max ?? 80, 2000, () => clock.now());
    this.searchWindow = new Window(opts.searchMax ?? 10, 2000, () => clock.now());
  }

  async start(faults?: FaultPlan): Promise<this> {
    this.server = await startFake((r) => this.handle(r), { faults, burst: () => this.limited(this.window) });
    return this;
  }

  private headers(w: Window): Record<string, string> {
    return { 'x-ratelimit-limit': String(w.max), 'x-ratelimit-remaining': String(w.remaining()), 'x-ratelimit-reset': String(Math.ceil(w.resetInMs() / 1000)) };
  }

  private limited(w: Window): FakeResponse {
    return { status: 429, headers: this.headers(w), body: { success: false, error: 'Request over limit', errorCode: 429 } };
  }

  private fail(status: number, error: string): FakeResponse {
    return { status, body: { success: false, error, errorCode: status } };
  }

  private ok(data: unknown, status = 200): FakeResponse {
    return { status, body: { success: true, data, additional_data: {} } };
  }

  handle(req: FakeRequest): FakeResponse {
    if (req.headers['x-api-token'] !== this.token) return this.fail(401, 'unauthorized access');
    const w = req.path.endsWith('/search') ? this.searchWindow : this.window;
    if (!w.take()) {
      this.rejected429++;
      return this.limited(w);
    }
    const res = this.route(req);
    return { ...res, headers: { ...this.headers(w), ...res.headers } };
  }

  private create(store: Map<number, Row>, fields: object): FakeResponse {
    const row = { ...fields, id: this.nextId++ } as Row;
    store.set(row.id, row);
    return this.ok(row, 201);
  }

  private route(req: FakeRequest): FakeResponse {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const m = /^\/api\/v2\/(persons|organizations|deals|activities)(?:\/(search|\d+))?$/.exec(req.path);
    if (req.method === 'GET' && req.path === '/v1/users/me') return this.ok({ id: 1, name: 'Rep Example' });
    if (req.method === 'GET' && req.path === '/api/v2/pipelines') return this.ok([{ id: 1, name: 'Sales' }]);
    if (req.method === 'GET' && req.path === '/api/v2/stages') return this.ok(STAGES.map((name, i) => ({ id: i + 1, name, pipeline_id: 1 })));
    if (!m) return this.fail(404, `Unknown route ${req.method} ${req.path}`);
    const [, kind, sub] = m;
    const store = { persons: this.persons, organizations: this.orgs, deals: this.deals, activities: this.activities }[kind!]!;
    if (req.method === 'GET' && sub === 'search') {
      const term = (req.query.get('term') ?? '').toLowerCase();
      const fields = req.query.get('fields');
      if (req.query.get('exact_match') !== 'true') return this.fail(400, 'exact_match expected in this fake');
      const hits = [...store.values()].filter((r) => {
        if (fields === 'email') return ((r.emails as Array<{ value: string }>) ?? []).some((e) => e.value.toLowerCase() === term);
        if (fields === 'custom_fields') return Object.values((r.custom_fields as Record<string, string>) ?? {}).some((v) => v.toLowerCase() === term);
        if (fields === 'name') return String(r.name).toLowerCase() === term;
        return false;
      });
      return this.ok({ items: hits.map((item) => ({ result_score: 1, item })) });
    }
    if (req.method === 'GET' && !sub) {
      const person = Number(req.query.get('person_id'));
      return this.ok([...store.values()].filter((r) => r.person_id === person));
    }
    if (req.method === 'POST' && !sub) {
      if (kind === 'persons' && !body.name) return this.fail(400, 'Parameter "name" is required');
      if (kind === 'activities' && (!body.subject || !this.persons.has(Number(body.person_id)))) return this.fail(400, 'Activity needs a subject and an existing person_id');
      if (kind === 'deals' && !body.title) return this.fail(400, 'Parameter "title" is required');
      return this.create(store, body);
    }
    if (req.method === 'PATCH' && sub && /^\d+$/.test(sub)) {
      const row = store.get(Number(sub));
      if (!row) return this.fail(404, `${kind} not found`);
      Object.assign(row, body);
      return this.ok(row);
    }
    return this.fail(404, `Unknown route ${req.method} ${req.path}`);
  }
}

export const STAGES = ['Qualified', 'Contact Made', 'Demo Scheduled', 'Proposal Made', 'Negotiations Started'];
