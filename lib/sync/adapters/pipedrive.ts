import type { Touch } from '../../model';
import { once, type AdapterFactory, type BatchResult, type CrmAdapter, type PersonItem, type RemoteStage, type TouchItem } from '../adapter';
import { type HttpPolicy, type HttpResponse, type Verdict } from '../http';

/** Where we keep the LinkedIn URL: a person custom field the team creates in Pipedrive [U: key is per account]. */
export const LINKEDIN_FIELD = 'linkedin_url';
const MARKER = (id: string) => `[touchline:${id}]`;

function errorText(res: HttpResponse): string {
  const b = res.body as { error?: string } | string | undefined;
  return typeof b === 'string' ? b : (b?.error ?? `HTTP ${res.status}`);
}

function policy(limit: number): HttpPolicy {
  return {
    defaultLimit: { max: limit, intervalMs: 2000 },
    classify(res): Verdict {
      const body = res.body as { success?: boolean } | undefined;
      if (res.status >= 200 && res.status < 300) return body && body.success !== false ? { kind: 'ok' } : { kind: 'retry', message: 'Pipedrive sent an unexpected answer.' };
      if (res.status === 401) return { kind: 'auth', message: `Pipedrive refused the API token (${errorText(res)}). Paste a valid token in Touchline\u2019s options.` };
      if (res.status === 403) return { kind: 'auth', message: `Pipedrive refused access (${errorText(res)}).` };
      if (res.status === 429) return { kind: 'retry', message: 'Pipedrive rate limit reached.', waitMs: (Number(res.headers.get('x-ratelimit-reset')) || 2) * 1000 };
      if (res.status >= 500) return { kind: 'retry', message: `Pipedrive had an error (HTTP ${res.status}).` };
      return { kind: 'record', message: `Pipedrive refused the data: ${errorText(res)}` };
    },
    rateLimit(headers, now) {
      const max = Number(headers.get('x-ratelimit-limit')) || undefined;
      const remaining = headers.get('x-ratelimit-remaining');
      const reset = Number(headers.get('x-ratelimit-reset'));
      return { max, blockedUntil: remaining === '0' && Number.isFinite(reset) ? now + reset * 1000 : undefined };
    },
  };
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const ACTIVITY_TYPES: Partial<Record<Touch['channel'], string>> = { email: 'email', call: 'call', meeting: 'meeting' };

/**
 * Pipedrive: no server-side dedupe, so every create is search-then-create, and a create whose answer was lost
 * (reset, timeout, 5xx) is followed by a search before any retry. Activities carry a marker with the touch id
 * so a re-sent batch finds what the first attempt created.
 */
export const pipedrive: AdapterFactory = (conn, makeHttp): CrmAdapter => {
  const http = makeHttp(policy(20));
  const searchHttp = makeHttp(policy(10));
  const root = conn.baseUrl;
  const auth = { 'x-api-token': conn.token };
  const call = async <T>(method: string, path: string, body?: unknown, unsafe = false) =>
    ((await http.request(method, root + path, body, auth, { unsafe })).body as { data: T }).data;
  const search = async <T>(path: string) => ((await searchHttp.request('GET', root + path, undefined, auth)).body as { data: T }).data;

  async function findPerson(p: PersonItem): Promise<number | undefined> {
    const email = p.prospect.emails[0];
    const term = email ?? p.prospect.linkedinUrl;
    if (!term) return undefined;
    const fields = email ? 'email' : 'custom_fields';
    const data = await search<{ items: Array<{ item: { id: number } }> }>(`/api/v2/persons/search?term=${encodeURIComponent(term)}&fields=${fields}&exact_match=true`);
    return data.items[0]?.item.id;
  }

  const orgs = new Map<string, number>();
  async function orgId(name: string): Promise<number> {
    const known = orgs.get(name);
    if (known) return known;
    const id = await once(
      async () => (await search<{ items: Array<{ item: { id: number } }> }>(`/api/v2/organizations/search?term=${encodeURIComponent(name)}&fields=name&exact_match=true`)).items[0]?.item.id,
      async () => (await call<{ id: number }>('POST', '/api/v2/organizations', { name }, true)).id,
    );
    orgs.set(name, id);
    return id;
  }

  async function pushPerson(p: PersonItem, batchMaybeSent: boolean): Promise<Record<string, string>> {
    const { prospect } = p;
    const org = prospect.company ? await orgId(p.company?.name ?? prospect.company) : undefined;
    const fields = {
      name: prospect.name,
      emails: prospect.emails.map((value, i) => ({ value, primary: i === 0, label: 'work' })),
      ...(org ? { org_id: org } : {}),
      ...(prospect.linkedinUrl ? { custom_fields: { [LINKEDIN_FIELD]: prospect.linkedinUrl } } : {}),
    };
    let person = Number(p.remote.person) || undefined;
    let createdNow = false;
    if (person) await call('PATCH', `/api/v2/persons/${person}`, fields);
    else {
      let found: number | undefined;
      person = await once(
        async () => (found = await findPerson(p)),
        async () => {
          createdNow = true;
          return (await call<{ id: number }>('POST', '/api/v2/persons', fields, true)).id;
        },
      );
      if (found) await call('PATCH', `/api/v2/persons/${found}`, fields);
    }
    const stage = p.remoteStage ? { stage_id: Number(p.remoteStage) } : {};
    let deal = Number(p.remote.deal) || undefined;
    if (deal) await call('PATCH', `/api/v2/deals/${deal}`, stage);
    else {
      const title = `${prospect.name} (Touchline)`;
      // A person we just created has no deal yet, unless a lost answer made us look again.
      let skipFind = createdNow && !batchMaybeSent;
      const findDeal = async () => {
        if (skipFind) return (skipFind = false), undefined;
        return (await call<Array<{ id: number; title: string }>>('GET', `/api/v2/deals?person_id=${person}`)).find((d) => d.title === title)?.id;
      };
      deal = await once(findDeal, async () => (await call<{ id: number }>('POST', '/api/v2/deals', { title, person_id: person, ...(conn.pipelineId ? { pipeline_id: Number(conn.pipelineId) } : {}), ...stage }, true)).id);
      if (!createdNow || batchMaybeSent) await call('PATCH', `/api/v2/deals/${deal}`, stage);
    }
    return { person: String(person), deal: String(deal), ...(org ? { org: String(org) } : {}) };
  }

  async function pushTouch(t: TouchItem, person: string, maybeSent: boolean, existing: Map<string, Map<string, number>>): Promise<string> {
    const { touch } = t;
    const findActivity = async () => {
      let byMarker = existing.get(person);
      if (!byMarker) {
        const list = await call<Array<{ id: number; note?: string }>>('GET', `/api/v2/activities?person_id=${person}`);
        byMarker = new Map(list.flatMap((a) => (a.note?.match(/\[touchline:([^\]]+)\]/) ? [[a.note.match(/\[touchline:([^\]]+)\]/)![1]!, a.id] as [string, number]] : [])));
        existing.set(person, byMarker);
      }
      return byMarker.get(touch.id);
    };
    let attempt = 0;
    const id = await once(
      async () => {
        // A fresh batch was never sent: nothing to find. A re-sent one may have been: look (cached per person).
        // After a lost answer, look again without the cache.
        const first = attempt++ === 0;
        if (first && !maybeSent) return undefined;
        if (!first) existing.delete(person);
        return findActivity();
      },
      async () =>
        (
          await call<{ id: number }>(
            'POST',
            '/api/v2/activities',
            {
              subject: touch.subject ?? `${touch.channel} (${touch.direction})`,
              type: ACTIVITY_TYPES[touch.channel] ?? 'task',
              person_id: Number(person),
              due_date: new Date(touch.at).toISOString().slice(0, 10),
              done: true,
              note: `${escapeHtml(touch.summary ?? '')}<br>${MARKER(touch.id)}`,
            },
            true,
          )
        ).id,
    );
    return String(id);
  }

  return {
    // No batch endpoints: small batches keep the work a restart may redo small.
    rowsPerBatch: 10,
    async push(batch) {
      const out: BatchResult = { people: new Map(), touches: new Map() };
      for (const p of batch.people) out.people.set(p.prospect.id, { remote: await pushPerson(p, batch.maybeSent) });
      const existing = new Map<string, Map<string, number>>();
      for (const t of batch.touches) {
        const o = out.people.get(t.prospect.id);
        const person = (o && 'remote' in o ? o.remote : t.personRemote)?.person;
        if (!person) continue;
        out.touches.set(t.touch.id, { remote: { activity: await pushTouch(t, person, batch.maybeSent, existing) } });
      }
      return out;
    },
    async test() {
      const me = await call<{ name?: string }>('GET', '/v1/users/me');
      return `Connected to Pipedrive${me?.name ? ` as ${me.name}` : ''}.`;
    },
    async stages(): Promise<RemoteStage[]> {
      const pipelines = await call<Array<{ id: number; name: string }>>('GET', '/api/v2/pipelines');
      const stages = await call<Array<{ id: number; name: string; pipeline_id: number }>>('GET', '/api/v2/stages');
      return stages.map((s) => ({ id: String(s.id), label: s.name, pipelineId: String(s.pipeline_id), pipelineLabel: pipelines.find((p) => p.id === s.pipeline_id)?.name }));
    },
  };
};
