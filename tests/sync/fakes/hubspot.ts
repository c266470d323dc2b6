import { randomUUID } from 'node:crypto';
import type { Clock } from '../../../lib/sync/clock';
import { startFake, Window, type FakeRequest, type FakeResponse, type FakeServer, type FaultPlan } from './server';
import { SpecGate } from './spec';

interface HsObject {
  id: string;
  properties: Record<string, string>;
  createdAt: number;
  /** When search can see the latest write: search lags behind writes. */
  indexedAt: number;
}
interface PropertyDef {
  name: string;
  hasUniqueValue: boolean;
}

/** Properties every portal has (the subset Touchline writes), per object type. */
const BUILT_IN: Record<string, string[]> = {
  contacts: ['email', 'firstname', 'lastname', 'jobtitle', 'company', 'phone', 'hs_linkedin_url', 'lifecyclestage', 'hs_lead_status'],
  companies: ['domain', 'name'],
  deals: ['dealname', 'dealstage', 'pipeline', 'amount', 'closedate'],
  notes: ['hs_timestamp', 'hs_note_body'],
  emails: ['hs_timestamp', 'hs_email_direction', 'hs_email_subject', 'hs_email_text'],
  calls: ['hs_timestamp', 'hs_call_body', 'hs_call_direction'],
};
const ENGAGEMENTS = new Set(['notes', 'emails', 'calls']);
/** HUBSPOT_DEFINED association type ids the fake knows, by from->to. */
const ASSOCIATION_TYPES: Record<string, number> = { 'notes->contacts': 202, 'emails->contacts': 198, 'calls->contacts': 194 };
const BATCH_LIMIT = 100;

/**
 * HubSpot CRM as its OpenAPI definitions (tests/sync/specs/hubspot.facts.json) and documented rules describe it:
 * every request validated against the operation's schema; upsert only by a property with unique values (email,
 * or a custom property created with hasUniqueValue, which engagements cannot have); no repeated id in a batch;
 * 100 inputs per batch; unknown properties refused; search that lags `searchLagMs` behind writes, with its own
 * per-second limit; the rolling 10 s window and a daily budget with X-HubSpot-RateLimit-* headers and the 429
 * bodies of each policy; error bodies with category and correlationId; batch answers in no particular order.
 */
export class HubSpotFake {
  token = 'pat-good';
  readonly objects: Record<string, Map<string, HsObject>> = Object.fromEntries(Object.keys(BUILT_IN).map((k) => [k, new Map()]));
  readonly properties: Record<string, Map<string, PropertyDef>> = Object.fromEntries(
    Object.entries(BUILT_IN).map(([k, names]) => [k, new Map(names.map((n) => [n, { name: n, hasUniqueValue: n === 'email' }]))]),
  );
  /** `${from}/${fromId}->${to}/${toId}` */
  readonly associations = new Set<string>();
  readonly window: Window;
  readonly searchWindow: Window;
  readonly gate = new SpecGate('hubspot');
  dailyLeft: number;
  rejected429 = 0;
  /** Every object created, so a test sees a duplicate even if a later write would hide it. */
  creates = 0;
  searchLagMs: number;
  private nextId = 1000;
  server!: FakeServer;

  constructor(
    private readonly clock: Clock,
    opts: { max?: number; intervalMs?: number; searchMax?: number; daily?: number; searchLagMs?: number } = {},
  ) {
    this.window = new Window(opts.max ?? 100, opts.intervalMs ?? 10_000, () => clock.now());
    this.searchWindow = new Window(opts.searchMax ?? 5, 1000, () => clock.now());
    this.dailyLeft = opts.daily ?? 250_000;
    this.searchLagMs = opts.searchLagMs ?? 5000;
  }

  get violations(): string[] {
    return this.gate.violations;
  }

  async start(faults?: FaultPlan): Promise<this> {
    this.server = await startFake((r) => this.handle(r), { faults, burst: () => this.limited('TEN_SECONDLY_ROLLING') });
    return this;
  }

  private err(status: number, message: string, category: string, extra: object = {}): FakeResponse {
    return { status, body: { status: 'error', message, correlationId: randomUUID(), category, ...extra } };
  }

  private limited(policyName: 'TEN_SECONDLY_ROLLING' | 'DAILY' | 'SECONDLY'): FakeResponse {
    const text = { TEN_SECONDLY_ROLLING: 'ten_secondly_rolling', DAILY: 'daily', SECONDLY: 'secondly' }[policyName];
    return {
      status: 429,
      headers: this.headers(),
      body: { status: 'error', errorType: 'RATE_LIMIT', policyName, message: `You have reached your ${text} limit.`, correlationId: randomUUID(), category: 'RATE_LIMITS' },
    };
  }

  private headers(): Record<string, string> {
    return {
      'x-hubspot-ratelimit-max': String(this.window.max),
      'x-hubspot-ratelimit-remaining': String(this.window.remaining()),
      'x-hubspot-ratelimit-interval-milliseconds': String(this.window.intervalMs),
      'x-hubspot-ratelimit-daily-remaining': String(Math.max(0, this.dailyLeft)),
    };
  }

  handle(req: FakeRequest): FakeResponse {
    if (req.headers.authorization !== `Bearer ${this.token}`)
      return this.err(401, 'Authentication credentials not found. This API supports OAuth 2.0 authentication.', 'INVALID_AUTHENTICATION');
    if (this.dailyLeft <= 0) {
      this.rejected429++;
      return this.limited('DAILY');
    }
    const search = req.path.endsWith('/search');
    if (!this.window.take() || (search && !this.searchWindow.take())) {
      this.rejected429++;
      return this.limited(search ? 'SECONDLY' : 'TEN_SECONDLY_ROLLING');
    }
    this.dailyLeft--;
    const checked = this.gate.check(req);
    if (checked.errors.length) return { ...this.err(checked.op ? 400 : 404, `Invalid input JSON: ${checked.errors.join('; ')}`, checked.op ? 'VALIDATION_ERROR' : 'OBJECT_NOT_FOUND'), headers: this.headers() };
    const res = this.route(req, checked.params);
    return { ...this.gate.answer(checked.op, res), headers: { ...this.headers(), ...res.headers } };
  }

  private route(req: FakeRequest, params: Record<string, string>): FakeResponse {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const type = params.objectType ?? params.fromObjectType;
    if (type && !this.objects[type]) return this.err(400, `Unable to infer object type from: ${type}`, 'VALIDATION_ERROR');
    const p = req.path.split('/').filter(Boolean);
    if (p[1] === 'v3' && p[2] === 'pipelines') return { status: 200, body: { results: [PIPELINE_ANSWER] } };
    if (p[2] === 'properties') return req.method === 'GET' ? this.getProperty(type!, params.propertyName!) : this.createProperty(req, type!, body);
    if (p[1] === 'v4') return this.associate(req, type!, params.toObjectType!, body.inputs as Array<{ from: { id: string }; to: { id: string } }>);
    if (req.path === '/crm/v3/objects/contacts/gdpr-delete') return this.gdprDelete(String(body.objectId), body.idProperty as string | undefined);
    const store = this.objects[type!]!;
    if (req.method === 'GET' && params.objectId) {
      const o = store.get(params.objectId);
      return o ? { status: 200, body: this.view(o) } : this.err(404, 'resource not found', 'OBJECT_NOT_FOUND');
    }
    if (req.method === 'GET') return { status: 200, body: { results: [...store.values()].slice(0, Number(req.query.get('limit') ?? 10)).map((o) => this.view(o)) } };
    if (req.method === 'PATCH') {
      const o = store.get(params.objectId!);
      if (!o) return this.err(404, 'resource not found', 'OBJECT_NOT_FOUND');
      const bad = this.write(req, type!, o, (body.properties ?? {}) as Record<string, string>);
      return bad ?? { status: 200, body: this.view(o) };
    }
    const inputs = (body.inputs ?? []) as Array<Record<string, unknown>>;
    const op = p.at(-1);
    if (op === 'search') return this.search(type!, body);
    if (inputs.length > BATCH_LIMIT) {
      this.gate.refuse(req, `${inputs.length} inputs, over the batch limit of ${BATCH_LIMIT}`);
      return this.err(400, `Batch input limit is ${BATCH_LIMIT}, got ${inputs.length}`, 'VALIDATION_ERROR');
    }
    if (op === 'archive') return this.archive(req, type!, inputs as unknown as Array<{ id: string }>);
    if (op === 'upsert') return this.upsert(req, type!, inputs as unknown as UpsertInput[]);
    if (op === 'update') return this.update(req, type!, inputs as unknown as Array<{ id: string; properties: Record<string, string> }>);
    return this.create(req, type!, inputs as unknown as CreateInput[]);
  }

  private getProperty(type: string, name: string): FakeResponse {
    const def = this.properties[type]!.get(name);
    if (!def) return this.err(404, `Unable to find property ${name} for object type ${type}`, 'OBJECT_NOT_FOUND');
    return { status: 200, body: this.propertyView(type, def) };
  }

  private propertyView(type: string, def: PropertyDef) {
    return { name: def.name, label: def.name, type: 'string', fieldType: 'text', groupName: `${type}information`, description: '', options: [], hasUniqueValue: def.hasUniqueValue };
  }

  private createProperty(req: FakeRequest, type: string, body: Record<string, unknown>): FakeResponse {
    const name = String(body.name);
    if (this.properties[type]!.has(name)) return this.err(409, `Property named '${name}' already exists.`, 'OBJECT_ALREADY_EXISTS');
    // Unique values are for contacts, companies, deals, tickets and custom objects, not engagements.
    if (body.hasUniqueValue === true && ENGAGEMENTS.has(type)) {
      this.gate.refuse(req, `hasUniqueValue is not available on ${type}`);
      return this.err(400, `Unique value properties are not supported for object type ${type}`, 'VALIDATION_ERROR');
    }
    const def = { name, hasUniqueValue: body.hasUniqueValue === true };
    this.properties[type]!.set(name, def);
    return { status: 201, body: this.propertyView(type, def) };
  }

  private view(o: HsObject, isNew?: boolean) {
    const iso = new Date(o.createdAt).toISOString();
    return { id: o.id, properties: { ...o.properties, hs_object_id: o.id }, createdAt: iso, updatedAt: new Date(this.clock.now()).toISOString(), archived: false, ...(isNew === undefined ? {} : { new: isNew }) };
  }

  private batchAnswer(results: unknown[], errors: Array<{ message: string; ids: string[]; category?: string }>, status = 200): FakeResponse {
    const at = new Date(this.clock.now()).toISOString();
    // HubSpot does not promise input order: answer in reverse so positional mapping shows up as a bug.
    const body = { status: 'COMPLETE', results: [...results].reverse(), startedAt: at, completedAt: at };
    if (!errors.length) return { status, body };
    return {
      status: 207,
      body: {
        ...body,
        numErrors: errors.length,
        errors: errors.map((e) => ({ status: 'error', category: e.category ?? 'VALIDATION_ERROR', message: e.message, context: { ids: e.ids }, errors: [], links: {} })),
      },
    };
  }

  /** Unique values per object type: `${type}|${prop}|${value}` -> object. */
  private readonly unique = new Map<string, HsObject>();

  private find(type: string, prop: string, value: string): HsObject | undefined {
    return this.unique.get(`${type}|${prop}|${value.toLowerCase()}`);
  }

  /** Applies properties, refusing unknown ones and values another object holds for a unique property. */
  private write(req: FakeRequest, type: string, o: HsObject, props: Record<string, string>): FakeResponse | undefined {
    for (const name of Object.keys(props)) {
      if (!this.properties[type]!.has(name)) {
        this.gate.refuse(req, `property ${name} does not exist on ${type}`);
        return this.err(400, `Property values were not valid: Property "${name}" does not exist`, 'VALIDATION_ERROR');
      }
    }
    if (type === 'contacts' && props.email !== undefined && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(props.email))
      return this.err(400, `Property values were not valid: email "${props.email}" is invalid`, 'VALIDATION_ERROR');
    for (const [name, value] of Object.entries(props)) {
      if (!this.properties[type]!.get(name)!.hasUniqueValue || !value) continue;
      const holder = this.find(type, name, value);
      if (holder && holder !== o) return this.err(409, `A ${type} record with ${name} "${value}" already exists. Existing ID: ${holder.id}`, 'CONFLICT');
    }
    for (const [name, def] of this.properties[type]!) {
      if (def.hasUniqueValue && o.properties[name] && props[name] !== undefined) this.unique.delete(`${type}|${name}|${o.properties[name]!.toLowerCase()}`);
    }
    Object.assign(o.properties, props);
    for (const [name, def] of this.properties[type]!) if (def.hasUniqueValue && o.properties[name]) this.unique.set(`${type}|${name}|${o.properties[name]!.toLowerCase()}`, o);
    o.indexedAt = this.clock.now() + this.searchLagMs;
    return undefined;
  }

  private newObject(type: string): HsObject {
    const o = { id: String(this.nextId++), properties: {}, createdAt: this.clock.now(), indexedAt: Infinity };
    this.objects[type]!.set(o.id, o);
    this.creates++;
    return o;
  }

  private repeated(req: FakeRequest, ids: string[]): FakeResponse | undefined {
    const seen = new Set<string>();
    for (const id of ids.map((i) => i.toLowerCase())) {
      if (seen.has(id)) {
        this.gate.refuse(req, `id ${id} appears twice in one batch`);
        return this.err(400, `Duplicate IDs found in batch input: [${id}]. IDs must be unique`, 'VALIDATION_ERROR');
      }
      seen.add(id);
    }
    return undefined;
  }

  /** Gone for good: the object, its unique values and every association it was part of. */
  private remove(type: string, id: string): boolean {
    const o = this.objects[type]!.get(id);
    if (!o) return false;
    this.objects[type]!.delete(id);
    for (const [name, def] of this.properties[type]!) if (def.hasUniqueValue && o.properties[name]) this.unique.delete(`${type}|${name}|${o.properties[name]!.toLowerCase()}`);
    for (const a of [...this.associations]) if (a.startsWith(`${type}/${id}->`) || a.endsWith(`->${type}/${id}`)) this.associations.delete(a);
    return true;
  }

  /** Contacts permanently deleted by the GDPR delete, by id (a second delete of one answers 404). */
  readonly gdprDeleted: string[] = [];

  private gdprDelete(objectId: string, idProperty?: string): FakeResponse {
    const o = idProperty ? this.find('contacts', idProperty, objectId) : this.objects.contacts!.get(objectId);
    if (!o || !this.remove('contacts', o.id)) return this.err(404, 'resource not found', 'OBJECT_NOT_FOUND');
    this.gdprDeleted.push(o.id);
    return { status: 204 };
  }

  /** Batch archive: 204 whether or not each id still exists; no id twice, 100 at most. */
  private archive(req: FakeRequest, type: string, inputs: Array<{ id: string }>): FakeResponse {
    const dup = this.repeated(req, inputs.map((i) => i.id));
    if (dup) return dup;
    for (const i of inputs) if (this.remove(type, i.id)) this.archived.push(`${type}/${i.id}`);
    return { status: 204 };
  }

  /** `type/id` of every object archived, in order. */
  readonly archived: string[] = [];

  private upsert(req: FakeRequest, type: string, inputs: UpsertInput[]): FakeResponse {
    const props = new Set(inputs.map((i) => i.idProperty ?? 'hs_object_id'));
    for (const prop of props) {
      if (!this.properties[type]!.get(prop)?.hasUniqueValue) {
        this.gate.refuse(req, `idProperty ${prop} is not a unique property of ${type}`);
        return this.err(400, `Upsert requires a unique property: ${prop} on ${type} is non-unique`, 'VALIDATION_ERROR');
      }
    }
    const dup = this.repeated(req, inputs.map((i) => i.id));
    if (dup) return dup;
    const results: unknown[] = [];
    const errors: Array<{ message: string; ids: string[] }> = [];
    for (const i of inputs) {
      const existing = this.find(type, i.idProperty!, i.id);
      const o = existing ?? this.newObject(type);
      const bad = this.write(req, type, o, { ...i.properties, [i.idProperty!]: i.id });
      if (bad) {
        if (!existing) (this.objects[type]!.delete(o.id), this.creates--);
        errors.push({ message: (bad.body as { message: string }).message, ids: [i.id] });
        continue;
      }
      results.push(this.view(o, !existing));
    }
    return this.batchAnswer(results, errors);
  }

  private update(req: FakeRequest, type: string, inputs: Array<{ id: string; properties: Record<string, string> }>): FakeResponse {
    const dup = this.repeated(req, inputs.map((i) => i.id));
    if (dup) return dup;
    const results: unknown[] = [];
    const errors: Array<{ message: string; ids: string[]; category?: string }> = [];
    for (const i of inputs) {
      const o = this.objects[type]!.get(i.id);
      if (!o) {
        errors.push({ message: `Object ${i.id} not found`, ids: [i.id], category: 'OBJECT_NOT_FOUND' });
        continue;
      }
      const bad = this.write(req, type, o, i.properties);
      if (bad) errors.push({ message: (bad.body as { message: string }).message, ids: [i.id] });
      else results.push(this.view(o));
    }
    return this.batchAnswer(results, errors);
  }

  private create(req: FakeRequest, type: string, inputs: CreateInput[]): FakeResponse {
    const results: unknown[] = [];
    const errors: Array<{ message: string; ids: string[] }> = [];
    for (const i of inputs) {
      if (ENGAGEMENTS.has(type) && !i.properties.hs_timestamp) {
        errors.push({ message: 'Property values were not valid: hs_timestamp is required', ids: [] });
        continue;
      }
      for (const a of i.associations) {
        const typeId = a.types[0]?.associationTypeId;
        const expected = Object.entries(ASSOCIATION_TYPES).find(([k]) => k.startsWith(`${type}->`));
        if (!expected || expected[1] !== typeId || !this.objects[expected[0].split('->')[1]!]!.has(a.to.id)) {
          this.gate.refuse(req, `association to ${a.to.id} with type ${typeId} is not valid for ${type}`);
          return this.err(400, `Association type ${typeId} to ${a.to.id} is not valid`, 'VALIDATION_ERROR');
        }
      }
      const o = this.newObject(type);
      const bad = this.write(req, type, o, i.properties);
      if (bad) {
        this.objects[type]!.delete(o.id);
        this.creates--;
        errors.push({ message: (bad.body as { message: string }).message, ids: [] });
        continue;
      }
      for (const a of i.associations) this.associations.add(`${type}/${o.id}->contacts/${a.to.id}`);
      results.push(this.view(o));
    }
    return this.batchAnswer(results, errors, 201);
  }

  private associate(req: FakeRequest, from: string, to: string, inputs: Array<{ from: { id: string }; to: { id: string } }>): FakeResponse {
    if (inputs.length > BATCH_LIMIT) {
      this.gate.refuse(req, `${inputs.length} inputs, over the batch limit`);
      return this.err(400, `Batch input limit is ${BATCH_LIMIT}`, 'VALIDATION_ERROR');
    }
    const results: unknown[] = [];
    const errors: unknown[] = [];
    for (const i of inputs) {
      if (!this.objects[from]?.has(i.from.id) || !this.objects[to]?.has(i.to.id)) {
        errors.push({ status: 'error', category: 'VALIDATION_ERROR', message: `No ${from} ${i.from.id} or ${to} ${i.to.id}`, context: { fromObjectId: [i.from.id] }, errors: [], links: {} });
        continue;
      }
      this.associations.add(`${from}/${i.from.id}->${to}/${i.to.id}`);
      results.push({ from: { id: i.from.id }, to: { id: i.to.id }, associationSpec: { associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 1 } });
    }
    const at = new Date(this.clock.now()).toISOString();
    return { status: 200, body: { status: 'COMPLETE', results, startedAt: at, completedAt: at, ...(errors.length ? { errors, numErrors: errors.length } : {}) } };
  }

  private search(type: string, body: Record<string, unknown>): FakeResponse {
    const now = this.clock.now();
    const filters = (body.filterGroups as Array<{ filters: Array<{ propertyName: string; operator: string; value?: string; values?: string[] }> }>).flatMap((g) => g.filters);
    const limit = Math.min(200, Number(body.limit) || 10);
    const after = Number(body.after) || 0;
    const hits = [...this.objects[type]!.values()].filter(
      (o) =>
        o.indexedAt <= now &&
        filters.every((f) => {
          const v = (o.properties[f.propertyName] ?? '').toLowerCase();
          if (f.operator === 'EQ') return v === (f.value ?? '').toLowerCase();
          if (f.operator === 'IN') return (f.values ?? []).some((x) => x.toLowerCase() === v);
          return false;
        }),
    );
    const page = hits.slice(after, after + limit);
    const next = after + limit < hits.length ? { paging: { next: { after: String(after + limit) } } } : {};
    return { status: 200, body: { total: hits.length, results: page.map((o) => this.view(o)), ...next } };
  }

  /** A record the account already holds (made by the rep in HubSpot, long indexed). */
  seed(type: string, id: string, properties: Record<string, string>): void {
    const o: HsObject = { id, properties: {}, createdAt: 0, indexedAt: 0 };
    this.objects[type]!.set(id, o);
    Object.assign(o.properties, properties);
    for (const [name, def] of this.properties[type]!) if (def.hasUniqueValue && o.properties[name]) this.unique.set(`${type}|${name}|${o.properties[name]!.toLowerCase()}`, o);
  }

  /** Contact id -> the touchline ids of the engagements associated with it. */
  activitiesByContact(): Map<string, string[]> {
    const out = new Map<string, string[]>();
    for (const a of this.associations) {
      const [from, to] = a.split('->') as [string, string];
      const [fromType, fromId] = from.split('/') as [string, string];
      if (!ENGAGEMENTS.has(fromType) || !to.startsWith('contacts/')) continue;
      const contact = to.slice('contacts/'.length);
      out.set(contact, [...(out.get(contact) ?? []), this.objects[fromType]!.get(fromId)!.properties.touchline_id!]);
    }
    return out;
  }

  engagements(): HsObject[] {
    return [...ENGAGEMENTS].flatMap((t) => [...this.objects[t]!.values()]);
  }
}

interface UpsertInput {
  id: string;
  idProperty?: string;
  properties: Record<string, string>;
}
interface CreateInput {
  properties: Record<string, string>;
  associations: Array<{ to: { id: string }; types: Array<{ associationCategory: string; associationTypeId: number }> }>;
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
const at = '2026-01-01T00:00:00.000Z';
const PIPELINE_ANSWER = {
  ...PIPELINE,
  displayOrder: 0,
  archived: false,
  createdAt: at,
  updatedAt: at,
  stages: PIPELINE.stages.map((s, i) => ({ ...s, displayOrder: i, archived: false, createdAt: at, updatedAt: at, metadata: {}, writePermissions: 'CRM_PERMISSIONS_ENFORCEMENT' })),
};
