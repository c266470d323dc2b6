import type { Touch } from '../../model';
import { chunk, companyDomain, once, splitName, type AdapterFactory, type BatchResult, type CrmAdapter, type PersonItem, type RemoteStage, type TouchItem } from '../adapter';
import type { HttpPolicy, HttpResponse, Verdict } from '../http';

/** HubSpot's documented batch size for CRM v3 batch endpoints (crm-contracts.md, [U] widely reported). */
const BATCH = 100;

/** Association type ids (HUBSPOT_DEFINED) for the default direction. */
type ActivityType = 'notes' | 'emails' | 'calls';

interface HsError {
  status?: string;
  message?: string;
  category?: string;
  policyName?: string;
  errors?: Array<{ message?: string; context?: { ids?: string[] } }>;
}

function message(res: HttpResponse): string {
  const body = res.body as HsError | string | undefined;
  if (typeof body === 'string') return body;
  return body?.message ?? `HTTP ${res.status}`;
}

export const hubspotPolicy: HttpPolicy = {
  defaultLimit: { max: 100, intervalMs: 10_000 },
  classify(res): Verdict {
    const body = (res.body ?? {}) as HsError;
    if (res.status >= 200 && res.status < 300) return typeof res.body === 'object' || res.status === 204 ? { kind: 'ok' } : { kind: 'retry', message: 'HubSpot sent an empty answer.' };
    if (res.status === 401)
      return {
        kind: 'auth',
        message:
          body.category === 'EXPIRED_AUTHENTICATION'
            ? 'HubSpot says the token has expired. Paste a new private app token in Touchline\u2019s options.'
            : `HubSpot refused the token (${message(res)}). Check the private app token in Touchline\u2019s options.`,
      };
    if (res.status === 403) return { kind: 'auth', message: `HubSpot refused access (${message(res)}). The private app needs the CRM object scopes.` };
    if (res.status === 429) {
      if (body.policyName === 'DAILY') return { kind: 'retry', message: 'HubSpot\u2019s daily API limit is used up; sync resumes tomorrow.', waitMs: 6 * 3600_000 };
      return { kind: 'retry', message: 'HubSpot rate limit reached.', waitMs: Number(res.headers.get('x-hubspot-ratelimit-interval-milliseconds')) || 10_000 };
    }
    if (res.status === 409) return { kind: 'ok' };
    if (res.status >= 500) return { kind: 'retry', message: `HubSpot had an error (HTTP ${res.status}).` };
    return { kind: 'record', message: `HubSpot refused the data: ${message(res)}` };
  },
  rateLimit(headers, now) {
    const max = Number(headers.get('x-hubspot-ratelimit-max')) || undefined;
    const intervalMs = Number(headers.get('x-hubspot-ratelimit-interval-milliseconds')) || undefined;
    const remaining = headers.get('x-hubspot-ratelimit-remaining');
    // Someone else (another integration on the same portal) used the window up: let a slot free first.
    const blockedUntil = remaining === '0' && max && intervalMs ? now + intervalMs / max : undefined;
    return { max, intervalMs, blockedUntil };
  },
};

function activityType(t: Touch): ActivityType {
  if (t.channel === 'email') return 'emails';
  if (t.channel === 'call') return 'calls';
  return 'notes';
}

function activityProperties(t: Touch): Record<string, string> {
  const base = { touchline_id: t.id, hs_timestamp: new Date(t.at).toISOString() };
  const text = [t.subject, t.summary, t.url].filter(Boolean).join('\n');
  switch (activityType(t)) {
    case 'emails':
      return { ...base, hs_email_direction: t.direction === 'inbound' ? 'INCOMING_EMAIL' : 'EMAIL', hs_email_subject: t.subject ?? '', hs_email_text: t.summary ?? '' };
    case 'calls':
      return { ...base, hs_call_body: text, hs_call_direction: t.direction === 'inbound' ? 'INBOUND' : 'OUTBOUND' };
    default:
      return { ...base, hs_note_body: `[${t.channel}] ${text}`.slice(0, 65_536) };
  }
}

/**
 * HubSpot CRM v3. Every write is an upsert keyed by something stable (contact email, company domain, our
 * own `touchline_id` on deals and activities, a unique-value custom property the portal needs [U]), so a
 * batch re-sent after a crash updates what the first attempt created instead of duplicating it.
 */
export const hubspot: AdapterFactory = (conn, makeHttp): CrmAdapter => {
  const http = makeHttp(hubspotPolicy);
  const auth = { authorization: `Bearer ${conn.token}` };
  const call = (method: string, path: string, body?: unknown) => http.request(method, conn.baseUrl + path, body, auth);

  async function upsert(object: string, idProperty: string, inputs: Array<{ id: string; properties: Record<string, string> }>) {
    const ok = new Map<string, string>();
    const failed = new Map<string, string>();
    for (const part of chunk(inputs, BATCH)) {
      const res = await call('POST', `/crm/v3/objects/${object}/batch/upsert`, { inputs: part.map((i) => ({ ...i, idProperty })) });
      const body = res.body as { results?: Array<{ id: string; properties: Record<string, string> }> } & HsError;
      for (const r of body.results ?? []) ok.set((r.properties[idProperty] ?? '').toLowerCase(), r.id);
      for (const e of body.errors ?? []) for (const id of e.context?.ids ?? []) failed.set(id.toLowerCase(), e.message ?? 'refused');
    }
    return { ok, failed };
  }

  async function associate(from: string, to: string, pairs: Array<[string, string]>) {
    for (const part of chunk(pairs, BATCH)) {
      await call('POST', `/crm/v4/associations/${from}/${to}/batch/associate/default`, { inputs: part.map(([f, t]) => ({ from: { id: f }, to: { id: t } })) });
    }
  }

  async function pushPeople(people: PersonItem[], out: BatchResult) {
    const withEmail = people.filter((p) => p.prospect.emails[0]);
    const contacts = await upsert(
      'contacts',
      'email',
      withEmail.map((p) => {
        const { first, last } = splitName(p.prospect.name);
        const props: Record<string, string> = { email: p.prospect.emails[0]!, firstname: first, lastname: last };
        if (p.prospect.title) props.jobtitle = p.prospect.title;
        if (p.prospect.company) props.company = p.prospect.company;
        if (p.prospect.phone) props.phone = p.prospect.phone;
        if (p.prospect.linkedinUrl) props.hs_linkedin_url = p.prospect.linkedinUrl;
        return { id: p.prospect.emails[0]!, properties: props };
      }),
    );
    const contactOf = new Map<string, string>();
    for (const p of withEmail) {
      const email = p.prospect.emails[0]!;
      const id = contacts.ok.get(email);
      if (id) contactOf.set(p.prospect.id, id);
      else out.people.set(p.prospect.id, { failed: contacts.failed.get(email) ?? 'HubSpot did not return the contact.' });
    }
    for (const p of people.filter((x) => !x.prospect.emails[0])) contactOf.set(p.prospect.id, await linkedinOnlyContact(p));

    const linked = people.filter((p) => contactOf.has(p.prospect.id));
    const withDomain = linked.filter((p) => p.prospect.company && companyDomain(p));
    const companies = await upsert(
      'companies',
      'domain',
      [...new Map(withDomain.map((p) => [companyDomain(p)!, { id: companyDomain(p)!, properties: { domain: companyDomain(p)!, name: p.company?.name ?? p.prospect.company! } }])).values()],
    );
    const deals = await upsert(
      'deals',
      'touchline_id',
      linked.map((p) => {
        const props: Record<string, string> = { touchline_id: p.prospect.id, dealname: `${p.prospect.name} (Touchline)` };
        if (conn.pipelineId) props.pipeline = conn.pipelineId;
        if (p.remoteStage) props.dealstage = p.remoteStage;
        return { id: p.prospect.id, properties: props };
      }),
    );
    const companyPairs: Array<[string, string]> = [];
    const dealPairs: Array<[string, string]> = [];
    for (const p of linked) {
      const contact = contactOf.get(p.prospect.id)!;
      const remote: Record<string, string> = { contact };
      const company = companies.ok.get(companyDomain(p) ?? '');
      if (company) {
        remote.company = company;
        if (p.remote.company !== company || p.remote.contact !== contact) companyPairs.push([contact, company]);
      }
      const deal = deals.ok.get(p.prospect.id);
      if (deal) {
        remote.deal = deal;
        if (p.remote.deal !== deal || p.remote.contact !== contact) dealPairs.push([deal, contact]);
      }
      out.people.set(p.prospect.id, deal ? { remote } : { failed: deals.failed.get(p.prospect.id) ?? 'HubSpot did not return the deal.' });
    }
    await associate('contacts', 'companies', companyPairs);
    await associate('deals', 'contacts', dealPairs);
  }

  /** No email to upsert by: find the contact by LinkedIn URL, else create it (409 carries the existing id). */
  async function linkedinOnlyContact(p: PersonItem): Promise<string> {
    const { first, last } = splitName(p.prospect.name);
    const properties = { firstname: first, lastname: last, hs_linkedin_url: p.prospect.linkedinUrl ?? '', jobtitle: p.prospect.title ?? '' };
    const known = p.remote.contact;
    if (known) {
      await call('PATCH', `/crm/v3/objects/contacts/${known}`, { properties });
      return known;
    }
    const find = async () => {
      const found = await call('POST', '/crm/v3/objects/contacts/search', {
        filterGroups: [{ filters: [{ propertyName: 'hs_linkedin_url', operator: 'EQ', value: p.prospect.linkedinUrl }] }],
        limit: 1,
      });
      return (found.body as { results?: Array<{ id: string }> }).results?.[0]?.id;
    };
    return once(find, async () => {
      const created = await http.request('POST', conn.baseUrl + '/crm/v3/objects/contacts', { properties }, auth, { unsafe: true });
      if (created.status === 409) return /Existing ID: (\d+)/.exec(message(created))?.[1] ?? '';
      return (created.body as { id: string }).id;
    });
  }

  async function pushTouches(touches: TouchItem[], out: BatchResult) {
    const byType = new Map<ActivityType, TouchItem[]>();
    for (const t of touches) {
      const contact = out.people.get(t.prospect.id);
      const personRemote = contact && 'remote' in contact ? contact.remote : t.personRemote;
      if (!personRemote?.contact) continue;
      t.personRemote = personRemote;
      const type = activityType(t.touch);
      byType.set(type, [...(byType.get(type) ?? []), t]);
    }
    for (const [type, items] of byType) {
      const res = await upsert(type, 'touchline_id', items.map((t) => ({ id: t.touch.id, properties: activityProperties(t.touch) })));
      const pairs: Array<[string, string]> = [];
      for (const t of items) {
        const id = res.ok.get(t.touch.id);
        if (!id) {
          out.touches.set(t.touch.id, { failed: res.failed.get(t.touch.id) ?? 'HubSpot did not return the activity.' });
          continue;
        }
        pairs.push([id, t.personRemote!.contact!]);
        out.touches.set(t.touch.id, { remote: { [type]: id } });
      }
      await associate(type, 'contacts', pairs);
    }
  }

  return {
    rowsPerBatch: 500,
    async push(batch) {
      const out: BatchResult = { people: new Map(), touches: new Map() };
      await pushPeople(batch.people, out);
      await pushTouches(batch.touches, out);
      return out;
    },
    async test() {
      await call('GET', '/crm/v3/objects/contacts?limit=1');
      return 'Connected to HubSpot: the token can read contacts.';
    },
    async stages(): Promise<RemoteStage[]> {
      const res = await call('GET', '/crm/v3/pipelines/deals');
      const pipelines = (res.body as { results?: Array<{ id: string; label: string; stages: Array<{ id: string; label: string }> }> }).results ?? [];
      return pipelines.flatMap((p) => p.stages.map((s) => ({ id: s.id, label: s.label, pipelineId: p.id, pipelineLabel: p.label })));
    },
  };
};
