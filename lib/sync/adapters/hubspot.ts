import { z } from 'zod';
import { lazySchema } from '../../model/lazy-schema';
import type { Touch } from '../../model';
import { chunk, companyDomain, splitName, type AdapterFactory, type BatchResult, type CrmAdapter, type EraseBatch, type EraseResult, type Learnt, type PersonItem, type RemoteStage, type SetupReport, type TouchItem } from '../adapter';
import { SyncError } from '../errors';
import { Ambiguous, type CrmHttp, type HttpPolicy, type HttpResponse, type Verdict } from '../http';
import { escapeHtml } from './text';

/**
 * HubSpot CRM v3/v4, as its OpenAPI definitions describe it (tests/sync/specs/hubspot.facts.json).
 *
 * Upsert keys must be properties with unique values: `email` on contacts, and Touchline's own `touchline_id`,
 * which setup creates with `hasUniqueValue: true` on contacts, companies and deals. Engagements (notes, emails,
 * calls) cannot have unique properties, so they are created once, their ids stored at once, and updated by id
 * after; their `touchline_id` (a plain property) finds them again only after a lost answer, once search has
 * caught up with the writes.
 */

/** Inputs per batch call (HubSpot's documented batch limit). */
const BATCH = 100;
/** Values per `IN` filter and results per search page (the search API's limits). */
const SEARCH_PAGE = 100;
export const KEY_PROPERTY = 'touchline_id';
const UNIQUE_OBJECTS = ['contacts', 'companies', 'deals'] as const;
const ENGAGEMENTS = ['notes', 'emails', 'calls'] as const;
type Engagement = (typeof ENGAGEMENTS)[number];
/** Property groups every portal has, per object [U for engagements: HubSpot lists no default group for them]. */
const GROUPS: Record<string, string> = { contacts: 'contactinformation', companies: 'companyinformation', deals: 'dealinformation', notes: 'noteinformation', emails: 'emailinformation', calls: 'callinformation' };
/** HUBSPOT_DEFINED association types, engagement -> contact. */
const TO_CONTACT: Record<Engagement, number> = { notes: 202, emails: 198, calls: 194 };
/**
 * How long after a write HubSpot's search may still miss it [U: HubSpot states only that indexing is not
 * instant; a few seconds is what integrators observe]. Searching for what a lost answer may have created waits
 * this long first, so search lag cannot turn into a duplicate.
 */
export const SEARCH_LAG_MS = 10_000;

const HsError = lazySchema(() =>
  z.object({ message: z.string().optional(), category: z.string().optional(), policyName: z.string().optional(), context: z.record(z.string(), z.array(z.string())).optional() }).loose(),
);
const BatchError = lazySchema(() =>
  z.object({ message: z.string(), category: z.string().optional(), context: z.record(z.string(), z.array(z.string())).optional() }).loose(),
);
const Obj = lazySchema(() => z.object({ id: z.string().min(1), properties: z.record(z.string(), z.string().nullable()).default({}) }));
const BatchAnswer = lazySchema(() => z.object({ status: z.string(), results: z.array(Obj), errors: z.array(BatchError).optional() }));
const SearchAnswer = lazySchema(() =>
  z.object({ total: z.number(), results: z.array(Obj), paging: z.object({ next: z.object({ after: z.string() }).optional() }).optional() }),
);
const Property = lazySchema(() => z.object({ name: z.string(), hasUniqueValue: z.boolean().optional() }).loose());
const Pipelines = lazySchema(() =>
  z.object({ results: z.array(z.object({ id: z.string(), label: z.string(), stages: z.array(z.object({ id: z.string(), label: z.string() })) })) }),
);
const AssocAnswer = lazySchema(() => z.object({ status: z.string(), errors: z.array(BatchError).optional() }).loose());
const Anything = lazySchema(() => z.unknown());

function message(res: HttpResponse): string {
  if (typeof res.body === 'string') return res.body;
  const b = HsError.safeParse(res.body);
  return (b.success && b.data.message) || `HTTP ${res.status}`;
}

function untilNextUtcDay(now: number): number {
  const d = new Date(now);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + 1) - now + 60_000;
}

export const hubspotPolicy: HttpPolicy = {
  label: 'HubSpot',
  defaultLimit: { max: 100, intervalMs: 10_000 },
  classify(res, now): Verdict {
    const parsed = HsError.safeParse(res.body);
    const body = parsed.success ? parsed.data : {};
    if (res.status >= 200 && res.status < 300) return { kind: 'ok' };
    if (res.status === 401)
      return {
        kind: 'auth',
        message:
          body.category === 'EXPIRED_AUTHENTICATION'
            ? 'HubSpot says the token has expired. Paste a new private app token in Touchline\u2019s options.'
            : `HubSpot refused the token (${message(res)}). Check the private app token in Touchline\u2019s options.`,
      };
    if (res.status === 403) return { kind: 'auth', message: `HubSpot refused access (${message(res)}). The private app needs the CRM object and schema scopes listed in Touchline\u2019s options.` };
    if (res.status === 429) {
      // The daily limit is not a burst: waiting seconds cannot help, and it says nothing about this batch.
      if (body.policyName === 'DAILY' || res.headers.get('x-hubspot-ratelimit-daily-remaining') === '0')
        return { kind: 'retry', message: 'HubSpot\u2019s daily API limit for this account is used up; sync resumes after midnight.', waitMs: untilNextUtcDay(now), quota: true };
      return { kind: 'retry', message: 'HubSpot rate limit reached.', waitMs: Number(res.headers.get('x-hubspot-ratelimit-interval-milliseconds')) || 10_000 };
    }
    if (res.status >= 500) return { kind: 'retry', message: `HubSpot had an error (HTTP ${res.status}).` };
    return { kind: 'record', message: `HubSpot refused the data: ${message(res)}` };
  },
  rateLimit(headers, now) {
    const max = Number(headers.get('x-hubspot-ratelimit-max')) || undefined;
    const intervalMs = Number(headers.get('x-hubspot-ratelimit-interval-milliseconds')) || undefined;
    const remaining = headers.get('x-hubspot-ratelimit-remaining');
    // Someone else (another integration on the same portal) used the window up: let a slot free first.
    const blockedUntil = remaining === '0' && max && intervalMs ? now + intervalMs / max : undefined;
    return { max, intervalMs, blockedUntil, remaining: remaining === null ? undefined : Number(remaining) };
  },
};

/** Search has its own, lower limit (a few requests per second per account). */
const searchPolicy: HttpPolicy = { ...hubspotPolicy, defaultLimit: { max: 4, intervalMs: 1000 }, rateLimit: () => ({}) };

function engagementOf(t: Touch): Engagement {
  if (t.channel === 'email') return 'emails';
  if (t.channel === 'call') return 'calls';
  return 'notes';
}

function engagementProperties(t: Touch): Record<string, string> {
  const base = { [KEY_PROPERTY]: t.id, hs_timestamp: new Date(t.at).toISOString() };
  // Notes and call bodies are HTML in HubSpot: page text goes in escaped.
  const html = escapeHtml([t.subject, t.summary, t.url].filter(Boolean).join('\n')).replaceAll('\n', '<br>');
  switch (engagementOf(t)) {
    case 'emails':
      return { ...base, hs_email_direction: t.direction === 'inbound' ? 'INCOMING_EMAIL' : 'EMAIL', hs_email_subject: t.subject ?? '', hs_email_text: t.summary ?? '' };
    case 'calls':
      return { ...base, hs_call_body: html, hs_call_direction: t.direction === 'inbound' ? 'INBOUND' : 'OUTBOUND' };
    default:
      return { ...base, hs_note_body: `[${escapeHtml(t.channel)}] ${html}`.slice(0, 65_536) };
  }
}

function contactProperties(p: PersonItem): Record<string, string> {
  const { first, last } = splitName(p.prospect.name);
  const props: Record<string, string> = { firstname: first, lastname: last };
  if (p.prospect.emails[0]) props.email = p.prospect.emails[0];
  if (p.prospect.title) props.jobtitle = p.prospect.title;
  if (p.prospect.company) props.company = p.prospect.company;
  if (p.prospect.phone) props.phone = p.prospect.phone;
  if (p.prospect.linkedinUrl) props.hs_linkedin_url = p.prospect.linkedinUrl;
  return props;
}

/** Our key for a company: its domain (one HubSpot company per domain Touchline knows). */
const companyKey = (domain: string) => `company:${domain.toLowerCase()}`;

export const hubspot: AdapterFactory = (conn, makeHttp): CrmAdapter => {
  const http = makeHttp(hubspotPolicy);
  const searchHttp = makeHttp(searchPolicy);
  const auth = { authorization: `Bearer ${conn.token}` };
  const call = <T>(method: string, path: string, body: unknown, schema: z.ZodType<T>, client: CrmHttp = http, unsafe = false) =>
    client.request(method, conn.baseUrl + path, body, auth, { schema, unsafe }).then((r) => r.body);

  type Failures = Map<string, string>;
  /** Maps what each input asked for to the answer's ids; inputs the answer leaves out get its error. */
  function collect(answer: z.infer<typeof BatchAnswer>, keyOf: (o: z.infer<typeof Obj>) => string | undefined, ok: Map<string, string>, failed: Failures, inputIds: string[]) {
    for (const r of answer.results) {
      const k = keyOf(r);
      if (k) ok.set(k, r.id);
    }
    for (const e of answer.errors ?? []) {
      const ids = Object.values(e.context ?? {}).flat();
      for (const id of ids.length ? ids : inputIds) if (!ok.has(id.toLowerCase()) && !ok.has(id)) failed.set(id.toLowerCase(), e.message);
    }
  }

  /** Batch upsert by a unique property; one input per id (HubSpot refuses a batch that repeats one). */
  async function upsert(object: string, idProperty: string, inputs: Map<string, Record<string, string>>) {
    const ok = new Map<string, string>();
    const failed: Failures = new Map();
    for (const part of chunk([...inputs], BATCH)) {
      const answer = await call('POST', `/crm/v3/objects/${object}/batch/upsert`, { inputs: part.map(([id, properties]) => ({ id, idProperty, properties })) }, BatchAnswer);
      collect(answer, (r) => (idProperty === KEY_PROPERTY ? r.properties[KEY_PROPERTY] : r.properties[idProperty]?.toLowerCase()) ?? undefined, ok, failed, part.map(([id]) => id));
    }
    return { ok, failed };
  }

  /** Batch update by HubSpot id; one input per id. */
  async function update(object: string, inputs: Map<string, Record<string, string>>) {
    const ok = new Map<string, string>();
    const failed: Failures = new Map();
    for (const part of chunk([...inputs], BATCH)) {
      const answer = await call('POST', `/crm/v3/objects/${object}/batch/update`, { inputs: part.map(([id, properties]) => ({ id, properties })) }, BatchAnswer);
      collect(answer, (r) => r.id, ok, failed, part.map(([id]) => id));
    }
    return { ok, failed };
  }

  /** Associates pairs (default type); returns the pairs HubSpot refused, with its reason. */
  async function associate(from: string, to: string, pairs: Array<[string, string]>): Promise<Map<string, string>> {
    const refused = new Map<string, string>();
    const unique = [...new Map(pairs.map((p) => [p.join('>'), p])).values()];
    for (const part of chunk(unique, BATCH)) {
      const answer = await call('POST', `/crm/v4/associations/${from}/${to}/batch/associate/default`, { inputs: part.map(([f, t]) => ({ from: { id: f }, to: { id: t } })) }, AssocAnswer);
      for (const e of answer.errors ?? []) {
        const ids = Object.values(e.context ?? {}).flat();
        for (const [f] of part) if (!ids.length || ids.includes(f)) refused.set(f, e.message);
      }
    }
    return refused;
  }

  async function pushPeople(people: PersonItem[], out: BatchResult, remember: (e: Learnt[]) => Promise<void>) {
    // Three ways to a contact: the id we stored (or another prospect with the same email stored), the email
    // (HubSpot's own unique key), or for people without an email our unique touchline_id.
    const known = new Map<string, Record<string, string>>();
    const byEmail = new Map<string, Record<string, string>>();
    const byKey = new Map<string, Record<string, string>>();
    const contactOf = (p: PersonItem) => p.remote.contact ?? p.shared?.contact;
    for (const p of people) {
      const props = contactProperties(p);
      const id = contactOf(p);
      if (id) known.set(id, { ...known.get(id), ...props });
      else if (props.email) byEmail.set(props.email.toLowerCase(), { ...byEmail.get(props.email.toLowerCase()), ...props });
      else byKey.set(p.prospect.id, { ...props, [KEY_PROPERTY]: p.prospect.id });
    }
    const updated = await update('contacts', known);
    const viaEmail = await upsert('contacts', 'email', byEmail);
    const viaKey = await upsert('contacts', KEY_PROPERTY, byKey);
    const contacts = new Map<string, string>();
    for (const p of people) {
      const known = contactOf(p);
      const email = p.prospect.emails[0]?.toLowerCase();
      const [id, why] = known
        ? [updated.ok.get(known), updated.failed.get(known)]
        : email
          ? [viaEmail.ok.get(email), viaEmail.failed.get(email)]
          : [viaKey.ok.get(p.prospect.id), viaKey.failed.get(p.prospect.id.toLowerCase())];
      if (id) contacts.set(p.prospect.id, id);
      else out.people.set(p.prospect.id, { failed: why ?? 'HubSpot did not return the contact.' });
    }
    const linked = people.filter((p) => contacts.has(p.prospect.id));
    await remember(linked.map((p) => ({ kind: 'prospect', id: p.prospect.id, prospectId: p.prospect.id, remote: { contact: contacts.get(p.prospect.id)! } })));

    const companyInputs = new Map<string, Record<string, string>>();
    for (const p of linked) {
      const domain = p.prospect.company ? companyDomain(p) : undefined;
      if (domain) companyInputs.set(companyKey(domain), { domain: domain.toLowerCase(), name: p.company?.name ?? p.prospect.company! });
    }
    const companies = await companiesFor(companyInputs);
    const deals = await upsert(
      'deals',
      KEY_PROPERTY,
      new Map(
        linked.map((p) => {
          const props: Record<string, string> = { dealname: `${p.prospect.name} (Touchline)` };
          if (conn.pipelineId) props.pipeline = conn.pipelineId;
          if (p.remoteStage) props.dealstage = p.remoteStage;
          return [p.prospect.id, props];
        }),
      ),
    );
    const companyPairs: Array<[string, string]> = [];
    const dealPairs: Array<[string, string]> = [];
    const remotes = new Map<string, Record<string, string>>();
    for (const p of linked) {
      const contact = contacts.get(p.prospect.id)!;
      const remote: Record<string, string> = { contact };
      const domain = p.prospect.company ? companyDomain(p) : undefined;
      const company = domain ? companies.ok.get(companyKey(domain)) : undefined;
      if (company) {
        remote.company = company;
        if (p.remote.company !== company || p.remote.contact !== contact) companyPairs.push([contact, company]);
      }
      const deal = deals.ok.get(p.prospect.id);
      if (!deal) {
        out.people.set(p.prospect.id, { failed: deals.failed.get(p.prospect.id.toLowerCase()) ?? 'HubSpot did not return the deal.' });
        continue;
      }
      remote.deal = deal;
      if (p.remote.deal !== deal || p.remote.contact !== contact) dealPairs.push([deal, contact]);
      remotes.set(p.prospect.id, remote);
    }
    const companyRefused = await associate('contacts', 'companies', companyPairs);
    const dealRefused = await associate('deals', 'contacts', dealPairs);
    for (const [id, remote] of remotes) {
      const why = dealRefused.get(remote.deal!) ?? companyRefused.get(remote.contact!);
      out.people.set(id, why ? { failed: `HubSpot did not attach the records: ${why}` } : { remote });
    }
  }

  /** Companies found or made this run, by our key: the same domain is not looked up twice. */
  const companyIds = new Map<string, string>();

  /**
   * The company for each domain: the one the account already holds for it (found by a search on `domain`,
   * the oldest when there are several), else one Touchline upserts by its unique touchline_id. `domain` is not
   * unique in HubSpot, so an upsert alone would add a second company beside the rep's own. Found companies
   * are only linked, never rewritten: their name is the rep's.
   */
  async function companiesFor(inputs: Map<string, Record<string, string>>) {
    const unknown = [...inputs.keys()].filter((k) => !companyIds.has(k));
    const found = await findCompanies(unknown.map((k) => inputs.get(k)!.domain!));
    for (const k of unknown) {
      const id = found.get(inputs.get(k)!.domain!);
      if (id) companyIds.set(k, id);
    }
    const ok = new Map<string, string>();
    const toUpsert = new Map<string, Record<string, string>>();
    for (const [k, props] of inputs) {
      const id = companyIds.get(k);
      if (id) ok.set(k, id);
      else toUpsert.set(k, props);
    }
    const made = await upsert('companies', KEY_PROPERTY, toUpsert);
    for (const [k, id] of made.ok) (ok.set(k, id), companyIds.set(k, id));
    return { ok, failed: made.failed };
  }

  /** Companies by domain (lower case), the oldest per domain; a company search sees a write only after the lag. */
  async function findCompanies(domains: string[]): Promise<Map<string, string>> {
    const found = new Map<string, string>();
    for (const part of chunk(domains, SEARCH_PAGE)) {
      let after = '0';
      for (;;) {
        const page = await call(
          'POST',
          '/crm/v3/objects/companies/search',
          { filterGroups: [{ filters: [{ propertyName: 'domain', operator: 'IN', values: part }] }], properties: ['domain', KEY_PROPERTY], sorts: [], limit: SEARCH_PAGE, after },
          SearchAnswer,
          searchHttp,
        );
        for (const r of page.results) {
          const domain = r.properties.domain?.toLowerCase();
          const known = domain ? found.get(domain) : undefined;
          // HubSpot ids grow with time: the smallest is the oldest company, the one the rep has used longest.
          if (domain && (!known || Number(r.id) < Number(known))) found.set(domain, r.id);
        }
        if (!page.paging?.next) break;
        after = page.paging.next.after;
      }
    }
    return found;
  }

  /** Engagements with these touchline ids, found by search (only after SEARCH_LAG_MS has passed since writing). */
  async function findEngagements(type: Engagement, ids: string[]): Promise<Map<string, string>> {
    const found = new Map<string, string>();
    await http.wait(SEARCH_LAG_MS);
    for (const part of chunk(ids, SEARCH_PAGE)) {
      let after = '0';
      for (;;) {
        const page = await call(
          'POST',
          `/crm/v3/objects/${type}/search`,
          { filterGroups: [{ filters: [{ propertyName: KEY_PROPERTY, operator: 'IN', values: part }] }], properties: [KEY_PROPERTY], sorts: [], limit: SEARCH_PAGE, after },
          SearchAnswer,
          searchHttp,
        );
        for (const r of page.results) if (r.properties[KEY_PROPERTY]) found.set(r.properties[KEY_PROPERTY]!, r.id);
        if (!page.paging?.next) break;
        after = page.paging.next.after;
      }
    }
    return found;
  }

  async function pushTouches(touches: TouchItem[], out: BatchResult, batchMaybeSent: boolean, remember: (e: Learnt[]) => Promise<void>) {
    const byType = new Map<Engagement, TouchItem[]>();
    for (const t of touches) {
      const person = out.people.get(t.prospect.id);
      const personRemote = person && 'remote' in person ? person.remote : t.personRemote;
      if (!personRemote?.contact) continue;
      t.personRemote = personRemote;
      const type = engagementOf(t.touch);
      byType.set(type, [...(byType.get(type) ?? []), t]);
    }
    for (const [type, items] of byType) {
      const ids = new Map<string, string>();
      const known = items.filter((t) => t.remote[type]);
      for (const t of known) ids.set(t.touch.id, t.remote[type]!);
      if (known.length) {
        const res = await update(type, new Map(known.map((t) => [t.remote[type]!, engagementProperties(t.touch)])));
        for (const t of known) if (!res.ok.has(t.remote[type]!)) out.touches.set(t.touch.id, { failed: res.failed.get(t.remote[type]!) ?? 'HubSpot did not update the activity.' });
      }
      let fresh = items.filter((t) => !t.remote[type]);
      // A batch sent before (a crash mid-send) may have created some: look them up before creating.
      let look = batchMaybeSent && !!conn.setup?.values[`${type}.${KEY_PROPERTY}`];
      for (let round = 0; fresh.length; round++) {
        if (look) {
          const found = await findEngagements(type, fresh.map((t) => t.touch.id));
          const hits = fresh.filter((t) => found.has(t.touch.id));
          for (const t of hits) ids.set(t.touch.id, found.get(t.touch.id)!);
          await remember(hits.map((t) => ({ kind: 'touch', id: t.touch.id, prospectId: t.prospect.id, remote: { [type]: found.get(t.touch.id)! } })));
          fresh = fresh.filter((t) => !found.has(t.touch.id));
        }
        try {
          for (const part of chunk(fresh, BATCH)) {
            const inputs = part.map((t) => ({
              properties: engagementProperties(t.touch),
              associations: [{ to: { id: t.personRemote!.contact! }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: TO_CONTACT[type] }] }],
            }));
            const answer = await call('POST', `/crm/v3/objects/${type}/batch/create`, { inputs }, BatchAnswer, http, true);
            const made = new Map<string, string>();
            collect(answer, (r) => r.properties[KEY_PROPERTY] ?? undefined, made, new Map(), []);
            // Stored now: a crash before the batch ends must not create these again.
            await remember(part.filter((t) => made.has(t.touch.id)).map((t) => ({ kind: 'touch', id: t.touch.id, prospectId: t.prospect.id, remote: { [type]: made.get(t.touch.id)! } })));
            for (const t of part) {
              const id = made.get(t.touch.id);
              if (id) ids.set(t.touch.id, id);
              else out.touches.set(t.touch.id, { failed: answer.errors?.[0]?.message ?? 'HubSpot did not create the activity.' });
            }
          }
          fresh = [];
        } catch (err) {
          // The answer was lost: HubSpot may have created them. Look before creating again, if we can.
          if (!(err instanceof Ambiguous) || round >= 5) throw err;
          if (!conn.setup?.values[`${type}.${KEY_PROPERTY}`]) throw new SyncError('later', `HubSpot\u2019s answer was lost (${err.message}); Touchline cannot look the activities up without its touchline_id property.`);
          fresh = fresh.filter((t) => !ids.has(t.touch.id));
          look = true;
        }
      }
      for (const t of items) {
        const id = ids.get(t.touch.id);
        if (id && !out.touches.has(t.touch.id)) out.touches.set(t.touch.id, { remote: { [type]: id } });
      }
    }
  }

  async function setup(): Promise<SetupReport> {
    const report: SetupReport = { created: [], found: [], todo: [], values: {} };
    for (const object of [...UNIQUE_OBJECTS, ...ENGAGEMENTS]) {
      const unique = (UNIQUE_OBJECTS as readonly string[]).includes(object);
      const label = `${object} property ${KEY_PROPERTY}${unique ? ' (unique values)' : ''}`;
      const existing = await http.request('GET', `${conn.baseUrl}/crm/v3/properties/${object}/${KEY_PROPERTY}`, undefined, auth, { schema: Anything }).catch((err: unknown) => {
        if (err instanceof SyncError && err.kind === 'record') return undefined; // 404: not there yet
        throw err;
      });
      if (existing) {
        const p = Property.safeParse(existing.body);
        if (unique && p.success && !p.data.hasUniqueValue) {
          report.todo.push(`HubSpot has a ${object} property ${KEY_PROPERTY} without unique values; delete it in HubSpot (Settings > Properties) and connect again so Touchline can create it.`);
          continue;
        }
        report.found.push(`HubSpot ${label}`);
        report.values[`${object}.${KEY_PROPERTY}`] = 'yes';
        continue;
      }
      try {
        await call(
          'POST',
          `/crm/v3/properties/${object}`,
          { name: KEY_PROPERTY, label: 'Touchline ID', type: 'string', fieldType: 'text', groupName: GROUPS[object], hasUniqueValue: unique, formField: false },
          Property,
        );
        report.created.push(`HubSpot ${label}`);
        report.values[`${object}.${KEY_PROPERTY}`] = 'yes';
      } catch (err) {
        if (!(err instanceof SyncError) || err.kind !== 'record') throw err;
        report.todo.push(
          unique
            ? `HubSpot did not let Touchline create the ${label} (${err.message}). Without it ${object === 'contacts' ? 'people without an email' : object} cannot be synced; ask a HubSpot admin to grant the private app the crm.schemas.${object}.write scope.`
            : `HubSpot did not let Touchline create the ${label} (${err.message}). Touches are still logged, but after a lost answer Touchline cannot check whether HubSpot saved them, and waits instead of risking a duplicate.`,
        );
      }
    }
    return report;
  }

  /**
   * Erasing a person: deals and engagements by batch archive (HubSpot does not delete them with the contact),
   * then the contact by HubSpot's GDPR delete, which also removes it for good (not to the recycle bin). A
   * contact already gone answers 404, which counts as deleted; archive does not mind ids already archived.
   */
  async function erase(batch: EraseBatch): Promise<EraseResult> {
    const byType = new Map<string, string[]>();
    for (const item of batch.items)
      for (const r of item.records) {
        const type = r.kind === 'deal' ? 'deals' : (ENGAGEMENTS as readonly string[]).includes(r.kind) ? r.kind : undefined;
        if (type) byType.set(type, [...(byType.get(type) ?? []), r.id]);
      }
    for (const [type, ids] of byType)
      for (const part of chunk([...new Set(ids)], BATCH))
        await http.request('POST', `${conn.baseUrl}/crm/v3/objects/${type}/batch/archive`, { inputs: part.map((id) => ({ id })) }, auth, { schema: Anything });
    const contacts = new Set(batch.items.flatMap((i) => i.records.filter((r) => r.kind === 'contact').map((r) => r.id)));
    for (const objectId of contacts) await http.request('POST', `${conn.baseUrl}/crm/v3/objects/contacts/gdpr-delete`, { objectId }, auth, { schema: Anything, accept: [404] });
    return new Map(batch.items.map((i) => [i.prospectId, { done: true }]));
  }

  return {
    rowsPerBatch: 500,
    erase,
    async push(batch) {
      const missing = UNIQUE_OBJECTS.filter((o) => !conn.setup?.values[`${o}.${KEY_PROPERTY}`]);
      if (missing.length) throw new SyncError('stop', `HubSpot is not set up for Touchline yet (no unique ${KEY_PROPERTY} property on ${missing.join(', ')}). Open Touchline\u2019s options and connect again.`);
      const out: BatchResult = { people: new Map(), touches: new Map() };
      await pushPeople(batch.people, out, batch.remember);
      await pushTouches(batch.touches, out, batch.maybeSent, batch.remember);
      return out;
    },
    async test() {
      await call('GET', '/crm/v3/objects/contacts?limit=1', undefined, Anything);
      return 'Connected to HubSpot: the token can read contacts.';
    },
    async stages(): Promise<RemoteStage[]> {
      const res = await call('GET', '/crm/v3/pipelines/deals', undefined, Pipelines);
      return res.results.flatMap((p) => p.stages.map((s) => ({ id: s.id, label: s.label, pipelineId: p.id, pipelineLabel: p.label })));
    },
    setup,
  };
};
