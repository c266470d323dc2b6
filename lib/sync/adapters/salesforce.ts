import { z } from 'zod';
import { lazySchema } from '../../model/lazy-schema';
import { chunk, companyDomain, splitName, type AdapterFactory, type BatchResult, type CrmAdapter, type EraseBatch, type EraseResult, type Learnt, type PersonItem, type RemoteStage, type SetupReport, type TouchItem } from '../adapter';
import { SyncError } from '../errors';
import type { CrmHttp, HttpPolicy, HttpResponse, Verdict } from '../http';
import { refreshAccessToken, SalesforceToken } from '../oauth';

/**
 * Salesforce REST API (tests/sync/specs/salesforce.facts.json). People are Leads or Contacts (a team setting);
 * every record Touchline writes is upserted by an external-ID field (`Touchline_Id__c` unless the admin names
 * another), which setup creates through the Tooling API where the user may, so a re-sent batch updates what
 * the first attempt created. Batches go through sObject Collections (200 records per call). Touches are
 * completed Tasks on the person; in Contacts mode each prospect has an Opportunity whose stage follows the map.
 * `Sforce-Limit-Info` is read after every answer, and REQUEST_LIMIT_EXCEEDED waits instead of retrying.
 */

export const API_VERSION = 'v62.0';
/** Records per sObject Collections call. */
const COLLECTION = 200;
/** Values per SOQL `IN (...)` lookup, keeping the query well under its length limit. */
const QUERY_IN = 100;
export const EXTERNAL_ID = 'Touchline_Id__c';
export type SalesforcePeople = 'Lead' | 'Contact';

const SfErrors = lazySchema(() => z.array(z.object({ message: z.string(), errorCode: z.string(), fields: z.array(z.string()).optional() }).loose()));
const SaveResults = lazySchema(() =>
  z.array(z.object({ id: z.string().nullable().optional(), success: z.boolean(), errors: SfErrors.default([]), created: z.boolean().optional() }).loose()),
);
const Describe = lazySchema(() =>
  z.object({ name: z.string(), fields: z.array(z.object({ name: z.string(), externalId: z.boolean().optional(), picklistValues: z.array(z.object({ value: z.string(), label: z.string(), active: z.boolean() }).loose()).optional() }).loose()) }).loose(),
);
const Query = lazySchema(() =>
  z.object({ totalSize: z.number(), done: z.boolean(), nextRecordsUrl: z.string().optional(), records: z.array(z.object({ Id: z.string() }).loose()) }),
);
const Anything = lazySchema(() => z.unknown());

function firstError(res: HttpResponse): { code?: string; message: string } {
  const e = SfErrors.safeParse(res.body);
  if (e.success && e.data[0]) return { code: e.data[0].errorCode, message: `${e.data[0].errorCode}: ${e.data[0].message}` };
  return { message: typeof res.body === 'string' ? res.body : `HTTP ${res.status}` };
}

/** `api-usage=25/15000`: how much of the org's rolling 24-hour allowance is used. */
export function apiUsage(headers: Headers): { used: number; max: number } | undefined {
  const m = /api-usage=(\d+)\/(\d+)/.exec(headers.get('sforce-limit-info') ?? '');
  return m ? { used: Number(m[1]), max: Number(m[2]) } : undefined;
}

/** Salesforce's daily allowance is a rolling 24 hours: an hour later some of it has freed up. */
const LIMIT_WAIT_MS = 3600_000;

export const salesforcePolicy: HttpPolicy = {
  label: 'Salesforce',
  // No per-second limit; the allowance is per 24 hours (and 25 long-running requests at a time).
  defaultLimit: { max: 25, intervalMs: 1000 },
  classify(res): Verdict {
    if (res.status >= 200 && res.status < 300) return { kind: 'ok' };
    const e = firstError(res);
    if (e.code === 'REQUEST_LIMIT_EXCEEDED')
      return { kind: 'retry', message: 'Salesforce\u2019s daily API allowance for this org is used up; sync tries again in an hour.', waitMs: LIMIT_WAIT_MS, quota: true };
    if (res.status === 401) return { kind: 'auth', message: `Salesforce refused the session (${e.message}). Sign in with Salesforce again in Touchline\u2019s options.` };
    if (res.status === 403) return { kind: 'auth', message: `Salesforce refused access (${e.message}). The user needs API access and edit rights on the objects Touchline writes.` };
    if (res.status >= 500 || e.code === 'UNABLE_TO_LOCK_ROW') return { kind: 'retry', message: `Salesforce had an error (${e.message}).` };
    return { kind: 'record', message: `Salesforce refused the data: ${e.message}` };
  },
  rateLimit(headers, now) {
    const usage = apiUsage(headers);
    return usage && usage.used >= usage.max ? { blockedUntil: now + LIMIT_WAIT_MS } : {};
  },
};

const soqlString = (s: string) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
const companyKey = (domain: string) => `company:${domain.toLowerCase()}`;
const isoDay = (t: number) => new Date(t).toISOString().slice(0, 10);

export const salesforce: AdapterFactory = (conn, makeHttp, host): CrmAdapter => {
  const http = makeHttp(salesforcePolicy);
  const people: SalesforcePeople = conn.options?.salesforcePeople ?? 'Contact';
  const field = conn.options?.externalIdField ?? EXTERNAL_ID;
  const base = `${conn.baseUrl}/services/data/${API_VERSION}`;
  let token = SalesforceToken.safeParse(safeJson(conn.token)).data;
  let refreshed = false;

  /** A request with the session; an expired session is refreshed once (PKCE refresh, no client secret). */
  async function call<T>(method: string, path: string, body: unknown, schema: z.ZodType<T>, client: CrmHttp = http): Promise<T> {
    if (!token) throw new SyncError('auth', 'Salesforce is not signed in. Use \u201cSign in with Salesforce\u201d in Touchline\u2019s options.');
    try {
      return (await client.request(method, base + path, body, { authorization: `Bearer ${token.access_token}` }, { schema })).body;
    } catch (err) {
      if (!(err instanceof SyncError) || err.kind !== 'auth' || refreshed || !token.refresh_token || !/INVALID_SESSION_ID/.test(err.message)) throw err;
      refreshed = true;
      token = { ...token, access_token: await refreshAccessToken(client, token) };
      // Kept for the next service worker: an access token lives for hours, a worker for minutes.
      await host?.saveToken?.(JSON.stringify(token));
      return call(method, path, body, schema, client);
    }
  }

  async function query(soql: string): Promise<Array<Record<string, unknown> & { Id: string }>> {
    const out: Array<Record<string, unknown> & { Id: string }> = [];
    let page = await call('GET', `/query?q=${encodeURIComponent(soql)}`, undefined, Query);
    out.push(...page.records);
    while (!page.done && page.nextRecordsUrl) {
      page = await call('GET', page.nextRecordsUrl.replace(`/services/data/${API_VERSION}`, ''), undefined, Query);
      out.push(...page.records);
    }
    return out;
  }

  type Saved = { id?: string; failed?: string; created?: boolean };
  /** Upserts by the external-ID field through sObject Collections; answers come back in input order. */
  async function upsert(type: string, records: Array<Record<string, unknown>>): Promise<Saved[]> {
    const out: Saved[] = [];
    for (const part of chunk(records, COLLECTION)) {
      const res = await call('PATCH', `/composite/sobjects/${type}/${field}`, { allOrNone: false, records: part.map((r) => ({ attributes: { type }, ...r })) }, SaveResults);
      out.push(...res.map((r) => (r.success && r.id ? { id: r.id, created: r.created } : { failed: r.errors.map((e) => `${e.errorCode}: ${e.message}`).join('; ') || 'Salesforce did not save the record.' })));
    }
    return out;
  }

  async function update(type: string, records: Array<Record<string, unknown> & { Id: string }>): Promise<Saved[]> {
    const out: Saved[] = [];
    for (const part of chunk(records, COLLECTION)) {
      const res = await call('PATCH', '/composite/sobjects', { allOrNone: false, records: part.map(({ Id, ...r }) => ({ attributes: { type }, id: Id, ...r })) }, SaveResults);
      out.push(...res.map((r) => (r.success ? { id: r.id ?? undefined } : { failed: r.errors.map((e) => `${e.errorCode}: ${e.message}`).join('; ') })));
    }
    return out;
  }

  async function create(type: string, records: Array<Record<string, unknown>>): Promise<Saved[]> {
    const out: Saved[] = [];
    for (const part of chunk(records, COLLECTION)) {
      const res = await call('POST', '/composite/sobjects', { allOrNone: false, records: part.map((r) => ({ attributes: { type }, ...r })) }, SaveResults);
      out.push(...res.map((r) => (r.success && r.id ? { id: r.id } : { failed: r.errors.map((e) => `${e.errorCode}: ${e.message}`).join('; ') })));
    }
    return out;
  }

  /** Existing people with these emails (the rep's own records): SOQL reads the database, it does not lag. */
  async function byEmail(emails: string[]): Promise<Map<string, string>> {
    const found = new Map<string, string>();
    for (const part of chunk([...new Set(emails.map((e) => e.toLowerCase()))], QUERY_IN)) {
      for (const r of await query(`SELECT Id, Email FROM ${people} WHERE Email IN (${part.map(soqlString).join(', ')})`)) {
        const email = String(r.Email ?? '').toLowerCase();
        if (email && !found.has(email)) found.set(email, r.Id);
      }
    }
    return found;
  }

  function personFields(p: PersonItem, accountId?: string): Record<string, unknown> {
    const { first, last } = splitName(p.prospect.name);
    const f: Record<string, unknown> = { FirstName: first || null, LastName: last || first || p.prospect.name, Email: p.prospect.emails[0] ?? null, Title: p.prospect.title ?? null };
    if (p.prospect.phone) f.Phone = p.prospect.phone;
    if (people === 'Lead') {
      f.Company = p.company?.name ?? p.prospect.company ?? '[not provided]';
      if (p.remoteStage) f.Status = p.remoteStage;
    } else if (accountId) f.AccountId = accountId;
    return f;
  }

  async function pushPeople(items: PersonItem[], out: BatchResult, remember: (e: Learnt[]) => Promise<void>) {
    const accounts = new Map<string, string>();
    if (people === 'Contact') {
      const inputs = new Map<string, Record<string, unknown>>();
      for (const p of items) {
        const d = p.prospect.company ? companyDomain(p) : undefined;
        if (d && !inputs.has(companyKey(d))) inputs.set(companyKey(d), { [field]: companyKey(d), Name: p.company?.name ?? p.prospect.company, Website: d.toLowerCase() });
      }
      const saved = await upsert('Account', [...inputs.values()]);
      [...inputs.keys()].forEach((k, i) => saved[i]?.id && accounts.set(k, saved[i]!.id!));
    }
    const accountOf = (p: PersonItem) => {
      const d = p.prospect.company ? companyDomain(p) : undefined;
      return d ? accounts.get(companyKey(d)) : undefined;
    };
    // A stored id (or another prospect's with the same email), a record the org already has with that email,
    // else an upsert by our external ID. One record per email within the batch.
    const known = new Map<string, string>();
    for (const p of items) {
      const id = p.remote.person ?? p.shared?.person;
      if (id) known.set(p.prospect.id, id);
    }
    const lookups = items.filter((p) => !known.has(p.prospect.id) && p.prospect.emails[0]);
    const existing = lookups.length ? await byEmail(lookups.map((p) => p.prospect.emails[0]!)) : new Map<string, string>();
    for (const p of lookups) {
      const id = existing.get(p.prospect.emails[0]!.toLowerCase());
      if (id) known.set(p.prospect.id, id);
    }
    const updates = new Map<string, Record<string, unknown> & { Id: string }>();
    for (const p of items) if (known.has(p.prospect.id)) updates.set(known.get(p.prospect.id)!, { Id: known.get(p.prospect.id)!, ...personFields(p, accountOf(p)) });
    const updated = await update(people, [...updates.values()]);
    const updateResult = new Map([...updates.keys()].map((id, i) => [id, updated[i]]));
    const fresh = new Map<string, PersonItem>();
    const ownerOf = new Map<string, string>();
    for (const p of items) {
      if (known.has(p.prospect.id)) continue;
      const key = p.prospect.emails[0]?.toLowerCase() ?? `id:${p.prospect.id}`;
      if (!fresh.has(key)) fresh.set(key, p);
      ownerOf.set(p.prospect.id, fresh.get(key)!.prospect.id);
    }
    const created = await upsert(people, [...fresh.values()].map((p) => ({ [field]: p.prospect.id, ...personFields(p, accountOf(p)) })));
    const createResult = new Map([...fresh.values()].map((p, i) => [p.prospect.id, created[i]]));
    const personOf = new Map<string, string>();
    for (const p of items) {
      const r = known.has(p.prospect.id) ? updateResult.get(known.get(p.prospect.id)!) : createResult.get(ownerOf.get(p.prospect.id)!);
      const id = known.get(p.prospect.id) ?? r?.id;
      if (r?.failed || !id) out.people.set(p.prospect.id, { failed: r?.failed ?? 'Salesforce did not save the person.' });
      else personOf.set(p.prospect.id, id);
    }
    await remember([...personOf].map(([prospectId, id]) => ({ kind: 'prospect', id: prospectId, prospectId, remote: { person: id } })));

    if (people === 'Lead') {
      for (const [prospectId, person] of personOf) out.people.set(prospectId, { remote: { person } });
      return;
    }
    const withPerson = items.filter((p) => personOf.has(p.prospect.id));
    const stage = (p: PersonItem) => p.remoteStage ?? conn.setup?.values.firstStage ?? 'Prospecting';
    const opportunities = await upsert(
      'Opportunity',
      withPerson.map((p) => ({ [field]: p.prospect.id, Name: `${p.prospect.name} (Touchline)`, StageName: stage(p), CloseDate: isoDay(p.prospect.stageEnteredAt + 30 * 86_400_000), ...(accountOf(p) ? { AccountId: accountOf(p) } : {}) })),
    );
    // The person is the opportunity's primary contact: one role, made when the opportunity is first made.
    const roles = withPerson.map((p, i) => ({ p, opp: opportunities[i]! })).filter(({ p, opp }) => opp.id && !p.remote.role);
    const made = await create('OpportunityContactRole', roles.map(({ p, opp }) => ({ OpportunityId: opp.id, ContactId: personOf.get(p.prospect.id), IsPrimary: true })));
    const roleOf = new Map(roles.map(({ p }, i) => [p.prospect.id, made[i]?.id]));
    // Stored now: a crash before the batch ends must not make a second role.
    await remember(
      roles.filter(({ p }) => roleOf.get(p.prospect.id)).map(({ p, opp }) => ({ kind: 'prospect', id: p.prospect.id, prospectId: p.prospect.id, remote: { person: personOf.get(p.prospect.id)!, opportunity: opp.id!, role: roleOf.get(p.prospect.id)! } })),
    );
    withPerson.forEach((p, i) => {
      const opp = opportunities[i]!;
      const person = personOf.get(p.prospect.id)!;
      if (!opp.id) return out.people.set(p.prospect.id, { failed: `Salesforce did not save the opportunity: ${opp.failed}` });
      const role = p.remote.role ?? roleOf.get(p.prospect.id);
      out.people.set(p.prospect.id, { remote: { person, opportunity: opp.id, ...(role ? { role } : {}) } });
    });
  }

  async function pushTouches(touches: TouchItem[], out: BatchResult) {
    const ready = touches
      .map((t) => {
        const o = out.people.get(t.prospect.id);
        return { t, remote: o && 'remote' in o ? o.remote : t.personRemote };
      })
      .filter((x): x is { t: TouchItem; remote: Record<string, string> } => !!x.remote?.person);
    const saved = await upsert(
      'Task',
      ready.map(({ t, remote }) => ({
        [field]: t.touch.id,
        Subject: (t.touch.subject ?? `${t.touch.channel} (${t.touch.direction})`).slice(0, 255),
        WhoId: remote.person,
        ...(remote.opportunity ? { WhatId: remote.opportunity } : {}),
        Status: 'Completed',
        ActivityDate: isoDay(t.touch.at),
        Type: t.touch.channel === 'email' ? 'Email' : t.touch.channel === 'call' ? 'Call' : 'Other',
        Description: [t.touch.summary, t.touch.url].filter(Boolean).join('\n').slice(0, 32_000),
      })),
    );
    ready.forEach(({ t }, i) => out.touches.set(t.touch.id, saved[i]?.id ? { remote: { task: saved[i]!.id! } } : { failed: saved[i]?.failed ?? 'Salesforce did not save the task.' }));
  }

  async function setup(): Promise<SetupReport> {
    const report: SetupReport = { created: [], found: [], todo: [], values: {} };
    const objects = people === 'Lead' ? ['Lead', 'Task'] : ['Account', 'Contact', 'Opportunity', 'Task'];
    for (const object of objects) {
      const describe = await call('GET', `/sobjects/${object}/describe`, undefined, Describe);
      const f = describe.fields.find((x) => x.name === field);
      if (f?.externalId) {
        report.found.push(`Salesforce ${object} external ID field ${field}`);
        continue;
      }
      if (f) {
        report.todo.push(`The Salesforce ${object} field ${field} is not an External ID: tick \u201cExternal ID\u201d and \u201cUnique\u201d on it (Setup > Object Manager > ${object} > Fields).`);
        continue;
      }
      try {
        await call(
          'POST',
          '/tooling/sobjects/CustomField',
          { FullName: `${object}.${field}`, Metadata: { label: 'Touchline ID', type: 'Text', length: 64, externalId: true, unique: true, caseSensitive: false } },
          Anything,
        );
        report.created.push(`Salesforce ${object} field ${field} (Text 64, External ID, Unique)`);
      } catch (err) {
        if (!(err instanceof SyncError) || (err.kind !== 'record' && err.kind !== 'auth')) throw err;
        report.todo.push(
          `Touchline may not add fields in Salesforce (${err.message}). Ask an admin to add a Text(64) field ${field} marked External ID and Unique on ${object}, and give your user edit access to it.`,
        );
      }
    }
    const stages = people === 'Lead' ? await leadStatuses() : await opportunityStages();
    if (stages[0]) report.values.firstStage = stages[0].id;
    return report;
  }

  async function picklist(object: string, name: string): Promise<RemoteStage[]> {
    const describe = await call('GET', `/sobjects/${object}/describe`, undefined, Describe);
    return (describe.fields.find((f) => f.name === name)?.picklistValues ?? []).filter((v) => v.active).map((v) => ({ id: v.value, label: v.label }));
  }
  const opportunityStages = () => picklist('Opportunity', 'StageName');
  const leadStatuses = () => picklist('Lead', 'Status');

  /**
   * Erasing a person: one sObject Collections DELETE per 200 ids (tasks, contact role, opportunity, then the
   * Lead or Contact), allOrNone=false so each record stands alone. ENTITY_IS_DELETED (gone already) counts as
   * deleted; any other refusal keeps that person's erase waiting with Salesforce's reason. Deleted records sit
   * in the org's Recycle Bin until Salesforce purges them (15 days).
   */
  async function erase(batch: EraseBatch): Promise<EraseResult> {
    const ORDER = ['task', 'role', 'opportunity', 'person'];
    const owner = new Map<string, string>();
    const found = await byTouchlineId(batch);
    const ids = ORDER.flatMap((kind) => [
      ...batch.items.flatMap((i) => i.records.filter((r) => r.kind === kind).map((r) => (owner.set(r.id, i.prospectId), r.id))),
      ...found.filter((f) => f.kind === kind).map((f) => (owner.set(f.id, f.prospectId), f.id)),
    ]);
    const refused = new Map<string, string[]>();
    for (const part of chunk([...new Set(ids)], COLLECTION)) {
      const res = await call('DELETE', `/composite/sobjects?ids=${part.map(encodeURIComponent).join(',')}&allOrNone=false`, undefined, SaveResults);
      part.forEach((id, i) => {
        const r = res[i];
        if (r?.success || r?.errors.some((e) => e.errorCode === 'ENTITY_IS_DELETED')) return;
        const why = r?.errors.map((e) => `${e.errorCode}: ${e.message}`).join('; ') || 'no answer for it';
        refused.set(owner.get(id)!, [...(refused.get(owner.get(id)!) ?? []), `${id} (${why})`]);
      });
    }
    return new Map(batch.items.map((i) => [i.prospectId, refused.has(i.prospectId) ? { failed: `Salesforce did not delete ${refused.get(i.prospectId)!.join(', ')}.` } : { done: true }]));
  }

  /**
   * Records of an erased person that a send under way may have made without Touchline learning their ids (its
   * answer lost): found by the Touchline ids in the external-ID field, on each object Touchline writes.
   */
  async function byTouchlineId(batch: EraseBatch): Promise<Array<{ kind: string; id: string; prospectId: string }>> {
    const ownerOf = new Map(batch.items.flatMap((i) => i.records.filter((r) => r.kind === 'touchline').map((r) => [r.id, i.prospectId] as const)));
    if (!ownerOf.size) return [];
    const objects: Array<[string, string]> = people === 'Lead' ? [['Task', 'task'], ['Lead', 'person']] : [['Task', 'task'], ['Opportunity', 'opportunity'], ['Contact', 'person']];
    const out: Array<{ kind: string; id: string; prospectId: string }> = [];
    for (const [object, kind] of objects)
      for (const part of chunk([...ownerOf.keys()], QUERY_IN))
        for (const r of await query(`SELECT Id, ${field} FROM ${object} WHERE ${field} IN (${part.map(soqlString).join(', ')})`))
          out.push({ kind, id: r.Id, prospectId: ownerOf.get(String(r[field]))! });
    return out;
  }

  return {
    erase,
    rowsPerBatch: 400,
    async push(batch) {
      const out: BatchResult = { people: new Map(), touches: new Map() };
      await pushPeople(batch.people, out, batch.remember);
      await pushTouches(batch.touches, out);
      return out;
    },
    async test() {
      await call('GET', '/sobjects', undefined, Anything);
      return `Connected to Salesforce: ${people === 'Lead' ? 'people go to Leads' : 'people go to Contacts, with an Opportunity each'}.`;
    },
    stages: () => (people === 'Lead' ? leadStatuses() : opportunityStages()),
    setup,
  };
};

function safeJson(s: string): unknown {
  try {
    return JSON.parse(s);
  } catch {
    return undefined;
  }
}
