import { randomUUID } from 'node:crypto';
import type { Clock } from '../../../lib/sync/clock';
import { startFake, Window, type FakeRequest, type FakeResponse, type FakeServer, type FaultPlan } from './server';

interface HsObject {
  id: string;
  properties: Record<string, string>;
}

/**
 * HubSpot CRM v3 as crm-contracts.md describes it: Bearer auth (401 EXPIRED_AUTHENTICATION), 100 inputs per
 * batch, batch upsert by a unique property, 409 with "Existing ID" on duplicate create, a rolling 10 s window
 * with X-HubSpot-RateLimit-* headers and the TEN_SECONDLY_ROLLING 429 body, error bodies with category.
 */
export class HubSpotFake {
  token = 'pat-good';
  readonly objects: Record<string, Map<string, HsObject>> = { contacts: new Map(), companies: new Map(), deals: new Map(), notes: new Map(), emails: new Map(), calls: new Map() };
  /** `${from}/${fromId}->${to}/${toId}` */
  readonly associations = new Set<string>();
  readonly window: Window;
  rejected429 = 0;
  /** Counts every create, so a test sees a duplicate even if a later upsert would hide it. */
  creates = 0;
  private nextId = 1000;
  server!: FakeServer;

  constructor(
    private readonly clock: Clock,
    opts: { max?: number; intervalMs?: number } = {},
  ) {
    this.window = new Window(opts.max ?? 100, opts.intervalMs ?? 10_000, () => clock.now());
  }

  async start(faults?: FaultPlan): Promise<this> {
    this.server = await startFake((r) => this.handle(r), { faults, burst: () => this.limited('TEN_SECONDLY_ROLLING') });
    return this;
  }

  private err(status: number, message: string, category: string, extra: object = {}): FakeResponse {
    return { status, body: { status: 'error', message, correlationId: randomUUID(), category, ...extra } };
  }

  private limited(policyName: string): FakeResponse {
    return {
      status: 429,
      headers: this.headers(),
      body: { status: 'error', errorType: 'RATE_LIMIT', policyName, message: 'You have reached your ten_secondly_rolling limit.', correlationId: randomUUID() },
    };
  }

  private headers(): Record<string, string> {
    return {
      'x-hubspot-ratelimit-max': String(this.window.max),
      'x-hubspot-ratelimit-remaining': String(this.window.remaining()),
      'x-hubspot-ratelimit-interval-milliseconds': String(this.window.intervalMs),
    };
  }

  handle(req: FakeRequest): FakeResponse {
    if (req.headers.authorization !== `Bearer ${this.token}`)
      return this.err(401, 'Authentication credentials not found. This API supports OAuth 2.0 authentication.', 'INVALID_AUTHENTICATION');
    if (!this.window.take()) {
      this.rejected429++;
      return this.limited('TEN_SECONDLY_ROLLING');
    }
    const res = this.route(req);
    return { ...res, headers: { ...this.headers(), ...res.headers } };
  }

  private route(req: FakeRequest): FakeResponse {
    const p = req.path.split('/').filter(Boolean);
    const body = (req.body ?? {}) as Record<string, unknown>;
    if (req.method === 'GET' && req.path === '/crm/v3/pipelines/deals') return { status: 200, body: { results: [PIPELINE] } };
    if (p[0] === 'crm' && p[1] === 'v3' && p[2] === 'objects') {
      const type = p[3]!;
      const store = this.objects[type];
      if (!store) return this.err(404, `Unknown object type ${type}`, 'OBJECT_NOT_FOUND');
      if (req.method === 'GET' && p.length === 4) return { status: 200, body: { results: [...store.values()].slice(0, 1) } };
      if (req.method === 'POST' && p[4] === 'batch' && p[5] === 'upsert') return this.upsert(type, body.inputs as UpsertInput[]);
      if (req.method === 'POST' && p[4] === 'search') return this.search(type, body);
      if (req.method === 'POST' && p.length === 4) return this.create(type, (body.properties ?? {}) as Record<string, string>);
      if (req.method === 'PATCH' && p.length === 5) {
        const o = store.get(p[4]!);
        if (!o) return this.err(404, 'resource not found', 'OBJECT_NOT_FOUND');
        Object.assign(o.properties, body.properties);
        this.save(type, o);
        return { status: 200, body: o };
      }
    }
    if (req.method === 'POST' && p[0] === 'crm' && p[1] === 'v4' && p[2] === 'associations' && p[5] === 'batch') {
      const inputs = (body.inputs ?? []) as Array<{ from: { id: string }; to: { id: string } }>;
      if (inputs.length > 100) return this.err(400, 'Batch size exceeds 100', 'VALIDATION_ERROR');
      for (const i of inputs) {
        if (!this.objects[p[3]!]?.has(i.from.id) || !this.objects[p[4]!]?.has(i.to.id)) return this.err(400, `No ${p[3]} ${i.from.id} or ${p[4]} ${i.to.id}`, 'VALIDATION_ERROR');
        this.associations.add(`${p[3]}/${i.from.id}->${p[4]}/${i.to.id}`);
      }
      return { status: 200, body: { status: 'COMPLETE', results: inputs } };
    }
    return this.err(404, `No route ${req.method} ${req.path}`, 'NOT_FOUND');
  }

  /** Unique-value lookups (email, domain, touchline_id, LinkedIn URL), kept in step with every write. */
  private readonly index = new Map<string, HsObject>();

  private find(type: string, prop: string, value: string): HsObject | undefined {
    return this.index.get(`${type}|${prop}|${value.toLowerCase()}`);
  }

  private save(type: string, o: HsObject): void {
    this.objects[type]!.set(o.id, o);
    for (const prop of ['email', 'domain', 'touchline_id', 'hs_linkedin_url']) {
      const v = o.properties[prop];
      if (v) this.index.set(`${type}|${prop}|${v.toLowerCase()}`, o);
    }
  }

  private create(type: string, properties: Record<string, string>): FakeResponse {
    if (type === 'contacts' && properties.email && this.find('contacts', 'email', properties.email)) {
      const existing = this.find('contacts', 'email', properties.email)!;
      return this.err(409, `Contact already exists. Existing ID: ${existing.id}`, 'CONFLICT');
    }
    const o = { id: String(this.nextId++), properties: { ...properties } };
    this.save(type, o);
    this.creates++;
    return { status: 201, body: o };
  }

  private upsert(type: string, inputs: UpsertInput[]): FakeResponse {
    if (!Array.isArray(inputs) || inputs.length === 0) return this.err(400, 'inputs is required', 'VALIDATION_ERROR');
    if (inputs.length > 100) return this.err(400, `Batch input limit is 100, got ${inputs.length}`, 'VALIDATION_ERROR');
    const results: Array<HsObject & { new: boolean }> = [];
    const errors: Array<{ message: string; context: { ids: string[] } }> = [];
    for (const i of inputs) {
      if (type === 'contacts' && i.idProperty === 'email' && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(i.id)) {
        errors.push({ message: `Property values were not valid: email "${i.id}" is invalid`, context: { ids: [i.id] } });
        continue;
      }
      if (type !== 'contacts' && type !== 'companies' && i.idProperty !== 'touchline_id')
        return this.err(400, `${i.idProperty} is not a unique property of ${type}`, 'VALIDATION_ERROR');
      const existing = this.find(type, i.idProperty, i.id);
      if (existing) {
        Object.assign(existing.properties, i.properties);
        this.save(type, existing);
        results.push({ ...existing, new: false });
      } else {
        const o = { id: String(this.nextId++), properties: { ...i.properties, [i.idProperty]: i.id } };
        this.save(type, o);
        this.creates++;
        results.push({ ...o, new: true });
      }
    }
    if (errors.length) return { status: 207, body: { status: 'COMPLETE', results, numErrors: errors.length, errors } };
    return { status: 200, body: { status: 'COMPLETE', results } };
  }

  private search(type: string, body: Record<string, unknown>): FakeResponse {
    const f = (body.filterGroups as Array<{ filters: Array<{ propertyName: string; value: string }> }>)[0]!.filters[0]!;
    const hit = this.find(type, f.propertyName, f.value);
    return { status: 200, body: { total: hit ? 1 : 0, results: hit ? [hit] : [] } };
  }

  /** Contact id -> the touchline ids of the activities associated with it. */
  activitiesByContact(): Map<string, string[]> {
    const out = new Map<string, string[]>();
    for (const a of this.associations) {
      const [from, to] = a.split('->') as [string, string];
      const [fromType, fromId] = from.split('/') as [string, string];
      if (fromType === 'deals' || fromType === 'contacts' || !to.startsWith('contacts/')) continue;
      const contact = to.slice('contacts/'.length);
      out.set(contact, [...(out.get(contact) ?? []), this.objects[fromType]!.get(fromId)!.properties.touchline_id!]);
    }
    return out;
  }
}

interface UpsertInput {
  id: string;
  idProperty: string;
  properties: Record<string, string>;
}

export const PIPELINE = {
  id: 'default',
  label: 'Sales Pipeline',
  stages: [
    { id: 'appointmentscheduled', label: 'Appointment Scheduled' },
    { id: 'qualifiedtobuy', label: 'Qualified To Buy' },
    { id: 'presentationscheduled', label: 'Presentation Scheduled' },
    { id: 'decisionmakerboughtin', label: 'Decision Maker Bought-In' },
    { id: 'contractsent', label: 'Contract Sent' },
    { id: 'closedwon', label: 'Closed Won' },
    { id: 'closedlost', label: 'Closed Lost' },
  ],
};
