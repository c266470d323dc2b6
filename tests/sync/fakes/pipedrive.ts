import { createHash } from 'node:crypto';
import type { Clock } from '../../../lib/sync/clock';
import { startFake, Window, type FakeRequest, type FakeResponse, type FakeServer, type FaultPlan } from './server';
import { SpecGate } from './spec';

interface Row {
  id: number;
  [k: string]: unknown;
}
interface Field {
  field_name: string;
  field_code: string;
  field_type: string;
  is_custom_field: boolean;
  is_optional_response_field: boolean;
}

const SEARCHABLE_CUSTOM = new Set(['address', 'varchar', 'text', 'varchar_auto', 'double', 'monetary', 'phone']);
const BUILT_IN_FIELDS: Field[] = ['name', 'emails', 'phones', 'org_id', 'owner_id', 'label_ids'].map((f) => ({ field_name: f, field_code: f, field_type: 'varchar', is_custom_field: false, is_optional_response_field: false }));

/**
 * Pipedrive as its official client's generated models describe it (tests/sync/specs/pipedrive.facts.json):
 * every request validated; `x-api-token` auth; `{success, data, additional_data}` envelopes; no server-side
 * dedupe; custom fields keyed by the 40-character hash of a field read from /api/v2/personFields (any other
 * key refused); exact-match person search by email or searchable custom field, lagging `searchLagMs` behind
 * writes; lists and search paged by cursor (100 by default, 500 at most); a 2 s window per token (a tighter
 * one for search) and a daily budget, with x-ratelimit-* and x-daily-requests-left headers.
 */
export class PipedriveFake {
  token = 'pd-good';
  readonly persons = new Map<number, Row>();
  readonly orgs = new Map<number, Row>();
  readonly deals = new Map<number, Row>();
  readonly activities = new Map<number, Row>();
  readonly personFields: Field[] = [...BUILT_IN_FIELDS];
  readonly window: Window;
  readonly searchWindow: Window;
  readonly gate = new SpecGate('pipedrive');
  dailyLeft: number;
  searchLagMs: number;
  rejected429 = 0;
  /** `kind/id` of every record deleted, in order (a second delete of one answers 404 and is not listed). */
  readonly deleted: string[] = [];
  /** False: this user's permission set does not allow deleting (Pipedrive answers 403). */
  mayDelete = true;
  /** When search can see each row's latest write. */
  private readonly indexedAt = new WeakMap<Row, number>();
  private nextId = 1;
  server!: FakeServer;

  constructor(
    private readonly clock: Clock,
    opts: { max?: number; searchMax?: number; daily?: number; searchLagMs?: number } = {},
  ) {
    this.window = new Window(opts.max ?? 80, 2000, () => clock.now());
    this.searchWindow = new Window(opts.searchMax ?? 10, 2000, () => clock.now());
    this.dailyLeft = opts.daily ?? 1_000_000;
    this.searchLagMs = opts.searchLagMs ?? 5000;
  }

  get violations(): string[] {
    return this.gate.violations;
  }

  /** Adds a custom person field the way Pipedrive keys it: a 40-character hash. */
  addPersonField(name: string, type = 'varchar'): string {
    const code = createHash('sha1').update(`${name}:${this.personFields.length}`).digest('hex');
    this.personFields.push({ field_name: name, field_code: code, field_type: type, is_custom_field: true, is_optional_response_field: false });
    return code;
  }

  async start(faults?: FaultPlan): Promise<this> {
    this.server = await startFake((r) => this.handle(r), { faults, burst: () => this.limited(this.window) });
    return this;
  }

  private headers(w: Window): Record<string, string> {
    return {
      'x-ratelimit-limit': String(w.max),
      'x-ratelimit-remaining': String(w.remaining()),
      'x-ratelimit-reset': String(Math.ceil(w.resetInMs() / 1000)),
      'x-daily-requests-left': String(Math.max(0, this.dailyLeft)),
    };
  }

  private limited(w: Window): FakeResponse {
    return { status: 429, headers: this.headers(w), body: { success: false, error: 'Request over limit', errorCode: 429 } };
  }

  private fail(status: number, error: string): FakeResponse {
    return { status, body: { success: false, error, errorCode: status } };
  }

  private ok(data: unknown, status = 200, next?: string): FakeResponse {
    return { status, body: { success: true, data, additional_data: next ? { next_cursor: next } : { next_cursor: null } } };
  }

  handle(req: FakeRequest): FakeResponse {
    if (req.headers['x-api-token'] !== this.token) return this.fail(401, 'unauthorized access');
    const w = req.path.endsWith('/search') ? this.searchWindow : this.window;
    if (this.dailyLeft <= 0 || !w.take()) {
      this.rejected429++;
      return this.limited(w);
    }
    this.dailyLeft--;
    const checked = this.gate.check(req);
    if (checked.errors.length) return { ...this.fail(checked.op ? 400 : 404, checked.errors.join('; ')), headers: this.headers(w) };
    const res = this.gate.answer(checked.op, this.route(req, checked.params));
    return { ...res, headers: { ...this.headers(w), ...res.headers } };
  }

  private paged(rows: unknown[], req: FakeRequest): FakeResponse {
    const limit = Number(req.query.get('limit') ?? 100);
    const start = Number(req.query.get('cursor') ?? 0);
    const next = start + limit < rows.length ? String(start + limit) : undefined;
    return this.ok(rows.slice(start, start + limit), 200, next);
  }

  private store(kind: string): Map<number, Row> {
    return { persons: this.persons, organizations: this.orgs, deals: this.deals, activities: this.activities }[kind]!;
  }

  private route(req: FakeRequest, params: Record<string, string>): FakeResponse {
    const body = (req.body ?? {}) as Record<string, unknown>;
    if (req.path === '/v1/users/me') return this.ok({ id: 1, name: 'Rep Example' });
    if (req.path === '/api/v2/pipelines') return this.paged([{ id: 1, name: 'Sales' }], req);
    if (req.path === '/api/v2/stages') return this.paged(STAGES.map((name, i) => ({ id: i + 1, name, pipeline_id: 1 })), req);
    if (req.path === '/api/v2/personFields') {
      if (req.method === 'GET') return this.paged(this.personFields, req);
      const code = this.addPersonField(String(body.field_name), String(body.field_type));
      return this.ok(this.personFields.find((f) => f.field_code === code), 200);
    }
    const kind = req.path.split('/')[3]!;
    const store = this.store(kind);
    if (req.path.endsWith('/search')) return this.search(req, kind, store);
    if (params.id && (req.method === 'GET' || req.method === 'DELETE')) {
      const row = store.get(Number(params.id));
      if (!row) return this.fail(404, `${kind} not found`);
      if (req.method === 'GET') return this.ok(row);
      if (!this.mayDelete) return this.fail(403, 'You do not have permission to delete this item');
      // Marked deleted (purged after 30 days): gone from reads and search at once.
      store.delete(row.id);
      this.deleted.push(`${kind}/${row.id}`);
      return { status: 200, body: { success: true, data: { id: row.id } } };
    }
    if (req.method === 'GET') {
      const person = Number(req.query.get('person_id'));
      return this.paged([...store.values()].filter((r) => r.person_id === person), req);
    }
    const bad = this.invalid(req, kind, body);
    if (bad) return bad;
    if (req.method === 'POST') {
      const row = { ...body, id: this.nextId++ } as Row;
      store.set(row.id, row);
      this.indexedAt.set(row, this.clock.now() + this.searchLagMs);
      return this.ok(row, 201);
    }
    const row = store.get(Number(params.id));
    if (!row) return this.fail(404, `${kind} not found`);
    Object.assign(row, body);
    this.indexedAt.set(row, this.clock.now() + this.searchLagMs);
    return this.ok(row);
  }

  /** Rules the schemas cannot say: a person needs a name, custom field keys must exist, links must point at rows. */
  private invalid(req: FakeRequest, kind: string, body: Record<string, unknown>): FakeResponse | undefined {
    if (kind === 'persons' && req.method === 'POST' && !body.name) return this.fail(400, 'Parameter "name" is required');
    const custom = (body.custom_fields ?? {}) as Record<string, unknown>;
    for (const key of Object.keys(custom)) {
      if (!this.personFields.some((f) => f.is_custom_field && f.field_code === key)) {
        this.gate.refuse(req, `custom field key ${key} is not a field of this account`);
        return this.fail(400, `Unknown custom field key "${key}"`);
      }
    }
    if ((kind === 'activities' || kind === 'deals') && body.person_id !== undefined && !this.persons.has(Number(body.person_id))) return this.fail(400, `Person ${body.person_id} not found`);
    if (kind === 'activities' && req.method === 'POST' && !body.subject) return this.fail(400, 'Parameter "subject" is required');
    return undefined;
  }

  private search(req: FakeRequest, kind: string, store: Map<number, Row>): FakeResponse {
    const term = (req.query.get('term') ?? '').toLowerCase();
    const fields = req.query.get('fields');
    const exact = req.query.get('exact_match') === 'true';
    const now = this.clock.now();
    const match = (v: unknown) => typeof v === 'string' && (exact ? v.toLowerCase() === term : v.toLowerCase().includes(term));
    const searchable = new Set(this.personFields.filter((f) => f.is_custom_field && SEARCHABLE_CUSTOM.has(f.field_type)).map((f) => f.field_code));
    const hits = [...store.values()].filter((r) => {
      if ((this.indexedAt.get(r) ?? 0) > now) return false;
      if (fields === 'email') return ((r.emails as Array<{ value: string }>) ?? []).some((e) => match(e.value));
      if (fields === 'custom_fields') return Object.entries((r.custom_fields as Record<string, unknown>) ?? {}).some(([k, v]) => searchable.has(k) && match(v));
      if (fields === 'name') return match(r.name);
      return false;
    });
    const items = hits.map((r) => ({
      result_score: 1,
      item: {
        id: r.id,
        type: kind === 'persons' ? 'person' : 'organization',
        name: String(r.name),
        ...(kind === 'persons' ? { emails: ((r.emails as Array<{ value: string }>) ?? []).map((e) => e.value), phones: [], custom_fields: Object.values((r.custom_fields as Record<string, string>) ?? {}).map(String) } : {}),
      },
    }));
    const limit = Number(req.query.get('limit') ?? 100);
    const start = Number(req.query.get('cursor') ?? 0);
    const next = start + limit < items.length ? String(start + limit) : null;
    return { status: 200, body: { success: true, data: { items: items.slice(start, start + limit) }, additional_data: { next_cursor: next } } };
  }

  /** The LinkedIn URL stored on a person, under whatever field setup chose. */
  linkedinOf(p: Row): string | undefined {
    const field = this.personFields.find((f) => f.is_custom_field && /linkedin/i.test(f.field_name));
    return field ? ((p.custom_fields as Record<string, string> | undefined)?.[field.field_code] ?? undefined) : undefined;
  }
}

export const STAGES = ['Qualified', 'Contact Made', 'Demo Scheduled', 'Proposal Made', 'Negotiations Started'];
