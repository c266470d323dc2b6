import { createHash, randomUUID } from 'node:crypto';
import type { Clock } from '../../../lib/sync/clock';
import { startFake, type FakeRequest, type FakeResponse, type FakeServer, type FaultPlan } from './server';
import { SpecGate } from './spec';

type Rec = Record<string, unknown> & { Id: string };
interface FieldDef {
  name: string;
  externalId?: boolean;
  required?: boolean;
  picklist?: string[];
}

const PREFIX: Record<string, string> = { Account: '001', Contact: '003', Lead: '00Q', Opportunity: '006', Task: '00T', OpportunityContactRole: '00K' };
const f = (name: string, extra: Partial<FieldDef> = {}): FieldDef => ({ name, ...extra });
export const OPPORTUNITY_STAGES = ['Prospecting', 'Qualification', 'Needs Analysis', 'Proposal/Price Quote', 'Negotiation/Review', 'Closed Won', 'Closed Lost'];
export const LEAD_STATUSES = ['Open - Not Contacted', 'Working - Contacted', 'Closed - Converted', 'Closed - Not Converted'];
const FIELDS: Record<string, FieldDef[]> = {
  Account: [f('Id'), f('Name', { required: true }), f('Website')],
  Contact: [f('Id'), f('FirstName'), f('LastName', { required: true }), f('Email'), f('Title'), f('Phone'), f('AccountId')],
  Lead: [f('Id'), f('FirstName'), f('LastName', { required: true }), f('Company', { required: true }), f('Email'), f('Title'), f('Phone'), f('Status', { picklist: LEAD_STATUSES })],
  Opportunity: [f('Id'), f('Name', { required: true }), f('StageName', { required: true, picklist: OPPORTUNITY_STAGES }), f('CloseDate', { required: true }), f('AccountId')],
  OpportunityContactRole: [f('Id'), f('OpportunityId', { required: true }), f('ContactId', { required: true }), f('IsPrimary'), f('Role')],
  Task: [f('Id'), f('Subject'), f('WhoId'), f('WhatId'), f('Status'), f('ActivityDate'), f('Type'), f('Description')],
};
const COLLECTION_LIMIT = 200;

/**
 * Salesforce's REST API as its reference describes it (tests/sync/specs/salesforce.facts.json): every request
 * validated; Bearer sessions that expire (401 INVALID_SESSION_ID) and an OAuth token endpoint that checks the
 * PKCE verifier and refreshes without a secret; sObject Collections of at most 200 records answering in input
 * order; upsert only by a field marked External ID (created through the Tooling API), one value once per call;
 * unknown fields and missing required fields refused per record; SOQL for the lookups Touchline makes; the
 * org's daily allowance in `Sforce-Limit-Info` on every answer and 403 REQUEST_LIMIT_EXCEEDED past it.
 */
export class SalesforceFake {
  accessToken = 'sf-session-1';
  refreshToken = 'sf-refresh';
  /** Access tokens handed out for the refresh token. */
  refreshes = 0;
  clientId = 'touchline-consumer-key';
  readonly records: Record<string, Map<string, Rec>> = Object.fromEntries(Object.keys(FIELDS).map((k) => [k, new Map()]));
  readonly fields: Record<string, FieldDef[]> = structuredClone(FIELDS);
  readonly gate = new SpecGate('salesforce');
  allowance: number;
  used = 0;
  /** Whether the user may create fields (the Tooling API needs "Customize Application"). */
  canCustomize = true;
  private codes = new Map<string, string>();
  private next = 1;
  server!: FakeServer;

  constructor(
    readonly clock: Clock,
    opts: { allowance?: number } = {},
  ) {
    this.allowance = opts.allowance ?? 100_000;
  }

  get violations(): string[] {
    return this.gate.violations;
  }

  get url(): string {
    return this.server.url;
  }

  async start(faults?: FaultPlan): Promise<this> {
    this.server = await startFake((r) => this.handle(r), { faults });
    return this;
  }

  /** What Salesforce's authorize page does once the user signs in: a code bound to the PKCE challenge. */
  authorize(challenge: string): string {
    const code = randomUUID();
    this.codes.set(code, challenge);
    return code;
  }

  private errors(status: number, errorCode: string, message: string, fields: string[] = []): FakeResponse {
    return { status, body: [{ message, errorCode, fields }] };
  }

  private limitHeader(): Record<string, string> {
    return { 'sforce-limit-info': `api-usage=${this.used}/${this.allowance}` };
  }

  handle(req: FakeRequest): FakeResponse {
    if (req.path === '/services/oauth2/token') return this.token(req);
    if (req.headers.authorization !== `Bearer ${this.accessToken}`) return this.errors(401, 'INVALID_SESSION_ID', 'Session expired or invalid');
    if (this.used >= this.allowance) return { ...this.errors(403, 'REQUEST_LIMIT_EXCEEDED', 'TotalRequests Limit exceeded.'), headers: this.limitHeader() };
    this.used++;
    const checked = this.gate.check(req);
    if (checked.errors.length) return { ...this.errors(checked.op ? 400 : 404, checked.op ? 'JSON_PARSER_ERROR' : 'NOT_FOUND', checked.errors.join('; ')), headers: this.limitHeader() };
    const res = this.gate.answer(checked.op, this.route(req, checked.params));
    return { ...res, headers: { ...this.limitHeader(), ...res.headers } };
  }

  private token(req: FakeRequest): FakeResponse {
    const form = req.body as Record<string, string>;
    const bad = (error: string, error_description: string) => ({ status: 400, body: { error, error_description } });
    if (form.client_id !== this.clientId) return bad('invalid_client_id', 'client identifier invalid');
    if (form.grant_type === 'authorization_code') {
      const challenge = this.codes.get(form.code ?? '');
      if (!challenge) return bad('invalid_grant', 'invalid authorization code');
      const s256 = createHash('sha256').update(form.code_verifier ?? '').digest('base64url');
      if (s256 !== challenge) return bad('invalid_grant', 'invalid code verifier');
      this.codes.delete(form.code!);
    } else if (form.grant_type === 'refresh_token') {
      if (form.refresh_token !== this.refreshToken) return bad('invalid_grant', 'expired access/refresh token');
      this.accessToken = `sf-session-${this.next++}`;
      this.refreshes++;
      return { status: 200, body: { access_token: this.accessToken, instance_url: this.url, token_type: 'Bearer', issued_at: String(this.clock.now()), id: `${this.url}/id/00D/005` } };
    } else return bad('unsupported_grant_type', 'grant type not supported');
    return { status: 200, body: { access_token: this.accessToken, refresh_token: this.refreshToken, instance_url: this.url, token_type: 'Bearer', issued_at: String(this.clock.now()), id: `${this.url}/id/00D/005` } };
  }

  private route(req: FakeRequest, params: Record<string, string>): FakeResponse {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const p = req.path.replace(/^\/services\/data\/v\d+\.\d+/, '');
    if (p === '/sobjects') return { status: 200, body: { encoding: 'UTF-8', maxBatchSize: 200, sobjects: Object.keys(FIELDS).map((name) => ({ name, label: name })) } };
    if (p.endsWith('/describe')) return this.describe(params.sobject!);
    if (p === '/query') return this.query(req, req.query.get('q') ?? '');
    if (p === '/tooling/sobjects/CustomField') return this.customField(req, body);
    if (req.method === 'DELETE') return this.remove(req, (req.query.get('ids') ?? '').split(',').filter(Boolean));
    if (params.id) {
      const rec = this.records[params.sobject!]?.get(params.id);
      return rec ? { status: 200, body: { attributes: { type: params.sobject }, ...rec } } : this.errors(404, 'NOT_FOUND', 'The requested resource does not exist');
    }
    const records = (body.records ?? []) as Array<Record<string, unknown>>;
    if (records.length > COLLECTION_LIMIT) {
      this.gate.refuse(req, `${records.length} records, over the collection limit of ${COLLECTION_LIMIT}`);
      return this.errors(400, 'EXCEEDED_ID_LIMIT', `record limit reached. cannot submit more than ${COLLECTION_LIMIT} records into this call`);
    }
    if (params.externalIdField) return this.upsert(req, params.sobject!, params.externalIdField, records);
    return { status: 200, body: records.map((r) => (req.method === 'POST' ? this.create(req, r) : this.update(req, r))) };
  }

  /** `SELECT Id, <field> FROM <object> WHERE <field> IN (...)`: the field must exist on the object (INVALID_FIELD). */
  private byExternalId(req: FakeRequest, type: string, field: string, list: string): FakeResponse {
    if (!this.fields[type]?.some((x) => x.name === field)) {
      this.gate.refuse(req, `no field ${field} on ${type}`);
      return this.errors(400, 'INVALID_FIELD', `No such column '${field}' on entity '${type}'.`);
    }
    const values = [...list.matchAll(/'((?:[^'\\]|\\.)*)'/g)].map((x) => x[1]!.replace(/\\(.)/g, '$1').toLowerCase());
    const records = [...this.records[type]!.values()].filter((r) => values.includes(String(r[field] ?? '').toLowerCase())).map((r) => ({ attributes: { type }, Id: r.Id, [field]: r[field] }));
    return { status: 200, body: { totalSize: records.length, done: true, records } };
  }

  /** Ids deleted, in order (a second delete of one fails with ENTITY_IS_DELETED and is not listed). */
  readonly deleted: string[] = [];

  /** sObject Collections delete: per id, in order; a person's tasks and contact roles go with it, an opportunity's roles too. */
  private remove(req: FakeRequest, ids: string[]): FakeResponse {
    if (ids.length > COLLECTION_LIMIT) {
      this.gate.refuse(req, `${ids.length} ids, over the collection limit of ${COLLECTION_LIMIT}`);
      return this.errors(400, 'EXCEEDED_ID_LIMIT', `record limit reached. cannot submit more than ${COLLECTION_LIMIT} records into this call`);
    }
    const results = ids.map((id) => {
      const type = Object.keys(this.records).find((t) => this.records[t]!.has(id));
      if (!type) return { id, success: false, errors: [{ message: 'entity is deleted', errorCode: 'ENTITY_IS_DELETED', fields: [] }] };
      this.records[type]!.delete(id);
      this.deleted.push(id);
      const cascade = (t: string, on: string) => {
        for (const [k, r] of this.records[t]!) if (r[on] === id) this.records[t]!.delete(k);
      };
      if (type === 'Contact' || type === 'Lead') (cascade('Task', 'WhoId'), cascade('OpportunityContactRole', 'ContactId'));
      if (type === 'Opportunity') cascade('OpportunityContactRole', 'OpportunityId');
      return { id, success: true, errors: [] };
    });
    return { status: 200, body: results };
  }

  private describe(type: string): FakeResponse {
    const fields = this.fields[type];
    if (!fields) return this.errors(404, 'NOT_FOUND', `The requested resource does not exist: ${type}`);
    return {
      status: 200,
      body: {
        name: type,
        fields: fields.map((x) => ({ name: x.name, type: x.picklist ? 'picklist' : 'string', externalId: !!x.externalId, nillable: !x.required, picklistValues: (x.picklist ?? []).map((v) => ({ value: v, label: v, active: true, defaultValue: false })) })),
      },
    };
  }

  private customField(req: FakeRequest, body: Record<string, unknown>): FakeResponse {
    if (!this.canCustomize) return this.errors(400, 'INSUFFICIENT_ACCESS_OR_READONLY', 'insufficient access rights on object id');
    const [type, name] = String(body.FullName).split('.') as [string, string];
    const meta = body.Metadata as { externalId?: boolean; unique?: boolean; type?: string };
    if (!this.fields[type] || !/^[A-Za-z][A-Za-z0-9_]*__c$/.test(name)) return this.errors(400, 'INVALID_FIELD', `bad field ${body.FullName}`);
    if (this.fields[type]!.some((x) => x.name === name)) return this.errors(400, 'DUPLICATE_DEVELOPER_NAME', `There is already a field named ${name} on ${type}.`);
    this.fields[type]!.push({ name, externalId: !!meta.externalId });
    return { status: 201, body: { id: `00N${String(this.next++).padStart(15, '0')}`, success: true, errors: [] } };
  }

  /** Checks a record's fields against the object: unknown fields are refused, as Salesforce refuses them. */
  private invalid(req: FakeRequest, type: string, r: Record<string, unknown>, creating: boolean): { success: false; errors: unknown[] } | undefined {
    const defs = this.fields[type];
    if (!defs) return { success: false, errors: [{ message: `sObject type '${type}' is not supported.`, errorCode: 'INVALID_TYPE', fields: [] }] };
    for (const k of Object.keys(r)) {
      if (k === 'attributes' || k === 'id') continue;
      if (!defs.some((d) => d.name === k)) {
        this.gate.refuse(req, `No such column '${k}' on ${type}`);
        return { success: false, errors: [{ message: `No such column '${k}' on sobject of type ${type}`, errorCode: 'INVALID_FIELD', fields: [k] }] };
      }
      const d = defs.find((x) => x.name === k)!;
      if (d.picklist && r[k] !== null && !d.picklist.includes(String(r[k])))
        return { success: false, errors: [{ message: `bad value for restricted picklist field: ${String(r[k])}`, errorCode: 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST', fields: [k] }] };
    }
    if (creating) {
      const missing = defs.filter((d) => d.required && (r[d.name] === undefined || r[d.name] === null || r[d.name] === '')).map((d) => d.name);
      if (missing.length) return { success: false, errors: [{ message: `Required fields are missing: [${missing.join(', ')}]`, errorCode: 'REQUIRED_FIELD_MISSING', fields: missing }] };
    }
    for (const [k, v] of Object.entries(r)) {
      if (/^(AccountId|WhoId|WhatId|OpportunityId|ContactId)$/.test(k) && v && !Object.values(this.records).some((m) => m.has(String(v))))
        return { success: false, errors: [{ message: `invalid cross reference id`, errorCode: 'INVALID_CROSS_REFERENCE_KEY', fields: [k] }] };
    }
    return undefined;
  }

  private newId(type: string): string {
    return `${PREFIX[type]}${String(this.next++).padStart(15, '0')}`;
  }

  private put(type: string, r: Record<string, unknown>, existing?: Rec): Rec {
    const { attributes: _a, id: _i, ...fields } = r;
    const rec = existing ? Object.assign(existing, fields) : ({ ...fields, Id: this.newId(type) } as Rec);
    this.records[type]!.set(rec.Id, rec);
    return rec;
  }

  private create(req: FakeRequest, r: Record<string, unknown>) {
    const type = String((r.attributes as { type?: string } | undefined)?.type);
    const bad = this.invalid(req, type, r, true);
    if (bad) return { ...bad, id: null };
    return { id: this.put(type, r).Id, success: true, errors: [] };
  }

  private update(req: FakeRequest, r: Record<string, unknown>) {
    const type = String((r.attributes as { type?: string } | undefined)?.type);
    const existing = this.records[type]?.get(String(r.id));
    if (!existing) return { id: null, success: false, errors: [{ message: 'entity is deleted', errorCode: 'ENTITY_IS_DELETED', fields: [] }] };
    const bad = this.invalid(req, type, r, false);
    if (bad) return { ...bad, id: r.id };
    return { id: this.put(type, r, existing).Id, success: true, errors: [] };
  }

  private upsert(req: FakeRequest, type: string, field: string, records: Array<Record<string, unknown>>): FakeResponse {
    if (!this.fields[type]?.some((x) => x.name === field && x.externalId)) {
      this.gate.refuse(req, `${field} is not an External ID field of ${type}`);
      return this.errors(400, 'INVALID_FIELD', `Field ${field} is not a valid external ID field for ${type}`);
    }
    const seen = new Map<string, number>();
    for (const r of records) seen.set(String(r[field]).toLowerCase(), (seen.get(String(r[field]).toLowerCase()) ?? 0) + 1);
    if ([...seen.values()].some((n) => n > 1)) this.gate.refuse(req, `one ${field} value appears twice in one call`);
    const results = records.map((r) => {
      const value = r[field];
      if (typeof value !== 'string' || !value) return { id: null, success: false, errors: [{ message: `${field} is required for upsert`, errorCode: 'MISSING_ARGUMENT', fields: [field] }], created: false };
      if (seen.get(value.toLowerCase())! > 1) return { id: null, success: false, errors: [{ message: 'Duplicate external id specified', errorCode: 'DUPLICATE_VALUE', fields: [field] }], created: false };
      const rType = String((r.attributes as { type?: string } | undefined)?.type);
      if (rType !== type) return { id: null, success: false, errors: [{ message: `type ${rType} in a ${type} upsert`, errorCode: 'INVALID_TYPE', fields: [] }], created: false };
      const matches = [...this.records[type]!.values()].filter((x) => String(x[field] ?? '').toLowerCase() === value.toLowerCase());
      const existing = matches[0];
      const bad = this.invalid(req, type, r, !existing);
      if (bad) return { ...bad, id: null, created: false };
      return { id: this.put(type, r, existing).Id, success: true, errors: [], created: !existing };
    });
    return { status: 200, body: results };
  }

  private query(req: FakeRequest, q: string): FakeResponse {
    const byKey = /^SELECT Id, (\w+) FROM (\w+) WHERE \1 IN \((.*)\)$/.exec(q);
    if (byKey && byKey[1] !== 'Email') return this.byExternalId(req, byKey[2]!, byKey[1]!, byKey[3]!);
    const m = /^SELECT Id, Email FROM (\w+) WHERE Email IN \((.*)\)$/.exec(q);
    if (!m || !this.fields[m[1]!]) {
      this.gate.refuse(req, `a query the fake does not know: ${q}`);
      return this.errors(400, 'MALFORMED_QUERY', `unexpected token in: ${q}`);
    }
    const values = [...m[2]!.matchAll(/'((?:[^'\\]|\\.)*)'/g)].map((x) => x[1]!.replace(/\\(.)/g, '$1').toLowerCase());
    const records = [...this.records[m[1]!]!.values()].filter((r) => values.includes(String(r.Email ?? '').toLowerCase())).map((r) => ({ attributes: { type: m[1] }, Id: r.Id, Email: r.Email }));
    return { status: 200, body: { totalSize: records.length, done: true, records } };
  }
}
