import { z } from 'zod';
import { lazySchema } from '../../model/lazy-schema';
import type { Touch } from '../../model';
import { type AdapterFactory, type Batch, type BatchResult, type CrmAdapter, type EraseBatch, type EraseResult, type Learnt, type PersonItem, type RemoteStage, type SetupReport, type TouchItem } from '../adapter';
import { SyncError } from '../errors';
import { AccountBudget, Ambiguous, type CrmHttp, type HttpPolicy, type HttpResponse, type Verdict } from '../http';
import { escapeHtml } from './text';

/**
 * Pipedrive v2 (and v1 where v2 has no endpoint), as its official client's generated models describe it
 * (tests/sync/specs/pipedrive.facts.json). Pipedrive has no server-side dedupe and no unique keys: a person is
 * found by search (email, or the LinkedIn URL in the person field setup finds or creates), created once, and
 * its id stored at once; after that it is updated by id. Search lags behind writes, so after a lost answer
 * the adapter waits SEARCH_LAG_MS before it looks for what it may have created.
 *
 * v2 has no batch writes (only deal products in bulk), so the budget is used by running LANES people side by
 * side: while one waits for the search window, others create their person, deal and activities in the write
 * window. Two prospects sharing an email, or people of one organisation, wait for the one lane that creates it.
 */

const MARKER = (id: string) => `[touchline:${id}]`;
const MARKER_RE = /\[touchline:([^\]]+)\]/;
/** Items per page of list and search endpoints (Pipedrive's maximum). */
const PAGE = 500;
/** [U] Pipedrive does not publish how far search lags; a few seconds is what integrators observe. */
export const SEARCH_LAG_MS = 10_000;
/**
 * People pushed side by side. Search (its own, tighter window) is one request per new person and the writes
 * about seven: a few lanes keep both windows busy on a virtual clock, and eight cover ~150 ms round trips at
 * Pipedrive's 80 requests per 2 s.
 */
const LANES = 8;
/** The name of the person field setup looks for (or creates) to hold the LinkedIn URL. */
export const LINKEDIN_FIELD_NAME = 'LinkedIn URL';

function errorText(res: HttpResponse): string {
  const b = res.body as { error?: string } | string | undefined;
  return typeof b === 'string' ? b : (b?.error ?? `HTTP ${res.status}`);
}

function untilNextUtcDay(now: number): number {
  const d = new Date(now);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + 1) - now + 60_000;
}

function policy(limit: number, budget: AccountBudget): HttpPolicy {
  return {
    label: 'Pipedrive',
    budget,
    defaultLimit: { max: limit, intervalMs: 2000 },
    classify(res, now): Verdict {
      const body = res.body as { success?: boolean } | undefined;
      if (res.status >= 200 && res.status < 300) return body && body.success !== false ? { kind: 'ok' } : { kind: 'record', message: 'Pipedrive answered without success.' };
      if (res.status === 401) return { kind: 'auth', message: `Pipedrive refused the API token (${errorText(res)}). Paste a valid token in Touchline\u2019s options.` };
      if (res.status === 403) return { kind: 'auth', message: `Pipedrive refused access (${errorText(res)}).` };
      if (res.status === 429) {
        // The day's budget is gone: seconds of backoff cannot help, and the batch is not at fault.
        if (res.headers.get('x-daily-requests-left') === '0')
          return { kind: 'retry', message: 'Pipedrive\u2019s daily API budget for this account is used up; sync resumes after midnight (UTC).', waitMs: untilNextUtcDay(now), quota: true };
        return { kind: 'retry', message: 'Pipedrive rate limit reached.', waitMs: (Number(res.headers.get('x-ratelimit-reset')) || 2) * 1000 };
      }
      if (res.status >= 500) return { kind: 'retry', message: `Pipedrive had an error (HTTP ${res.status}).` };
      return { kind: 'record', message: `Pipedrive refused the data: ${errorText(res)}` };
    },
    rateLimit(headers, now) {
      const max = Number(headers.get('x-ratelimit-limit')) || undefined;
      const remaining = headers.get('x-ratelimit-remaining');
      const reset = Number(headers.get('x-ratelimit-reset'));
      const daily = headers.get('x-daily-requests-left');
      return {
        max,
        remaining: remaining === null ? undefined : Number(remaining),
        blockedUntil: remaining === '0' && Number.isFinite(reset) ? now + reset * 1000 : undefined,
        budgetLeft: daily === null ? undefined : Number(daily),
      };
    },
  };
}

const Next = lazySchema(() => z.object({ next_cursor: z.string().nullable().optional() }).loose().nullable().optional());
const page = <T extends z.ZodType>(item: T) => z.object({ success: z.literal(true), data: z.array(item), additional_data: Next });
const one = <T extends z.ZodType>(item: T) => z.object({ success: z.literal(true), data: item });
const Id = lazySchema(() => z.object({ id: z.number().int() }).loose());
const SearchHits = lazySchema(() =>
  z.object({ success: z.literal(true), data: z.object({ items: z.array(z.object({ item: Id })) }), additional_data: Next }),
);
const Field = lazySchema(() =>
  z.object({ field_name: z.string(), field_code: z.string(), field_type: z.string(), is_custom_field: z.boolean() }).loose(),
);
const Deal = lazySchema(() => z.object({ id: z.number().int(), title: z.string().nullable().optional() }).loose());
const Activity = lazySchema(() => z.object({ id: z.number().int(), note: z.string().nullable().optional() }).loose());
const Named = lazySchema(() => z.object({ id: z.number().int(), name: z.string() }).loose());
const Stage = lazySchema(() => z.object({ id: z.number().int(), name: z.string(), pipeline_id: z.number().int() }).loose());
const Anything = lazySchema(() => z.unknown());
const Me = lazySchema(() => one(z.object({ name: z.string().optional() }).loose()));

const ACTIVITY_TYPES: Partial<Record<Touch['channel'], string>> = { email: 'email', call: 'call', meeting: 'meeting' };

export const pipedrive: AdapterFactory = (conn, makeHttp): CrmAdapter => {
  // Search has its own window; both draw on the account's daily budget.
  const budget = new AccountBudget();
  const http = makeHttp(policy(20, budget));
  const searchHttp = makeHttp(policy(10, budget));
  const root = conn.baseUrl;
  const auth = { 'x-api-token': conn.token };
  const linkedinField = conn.setup?.values.linkedinField;
  const call = async <T>(method: string, path: string, body: unknown, schema: z.ZodType<T>, opts: { unsafe?: boolean; client?: CrmHttp } = {}) =>
    (await (opts.client ?? http).request(method, root + path, body, auth, { schema, unsafe: opts.unsafe })).body;

  /** Every page of a list or search endpoint (one page is not the whole answer). */
  async function all<T>(path: string, schema: z.ZodType<{ data: T[]; additional_data?: { next_cursor?: string | null } | null }>, client?: CrmHttp): Promise<T[]> {
    const out: T[] = [];
    let cursor: string | undefined;
    do {
      const sep = path.includes('?') ? '&' : '?';
      const res = await call('GET', `${path}${sep}limit=${PAGE}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, undefined, schema, { client });
      out.push(...res.data);
      cursor = res.additional_data?.next_cursor ?? undefined;
    } while (cursor);
    return out;
  }

  async function searchIds(path: string): Promise<number[]> {
    const out: number[] = [];
    let cursor: string | undefined;
    do {
      const res = await call('GET', `${path}&limit=${PAGE}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, undefined, SearchHits, { client: searchHttp });
      out.push(...res.data.items.map((i) => i.item.id));
      cursor = res.additional_data?.next_cursor ?? undefined;
    } while (cursor);
    return out;
  }

  async function findPerson(p: PersonItem): Promise<number | undefined> {
    const email = p.prospect.emails[0];
    if (email) return (await searchIds(`/api/v2/persons/search?term=${encodeURIComponent(email)}&fields=email&exact_match=true`))[0];
    if (p.prospect.linkedinUrl && linkedinField) return (await searchIds(`/api/v2/persons/search?term=${encodeURIComponent(p.prospect.linkedinUrl)}&fields=custom_fields&exact_match=true`))[0];
    return undefined;
  }

  /**
   * Persons and orgs found or created in this run, by our key (search may not see them yet), as promises: a
   * lane that needs one another lane is creating waits for it instead of creating it a second time.
   */
  const persons = new Map<string, Promise<number>>();
  const orgs = new Map<string, Promise<number>>();

  /** The one promise per key: started by the first caller, shared by the rest; a failure is not kept. */
  function shared(cache: Map<string, Promise<number>>, key: string, make: () => Promise<number>): Promise<number> {
    let p = cache.get(key);
    if (!p) {
      p = make();
      cache.set(key, p);
      p.catch(() => cache.delete(key));
    }
    return p;
  }

  function orgId(name: string, batch: Batch): Promise<number> {
    const key = name.toLowerCase();
    const known = Number(batch.companies.get(key)?.org) || undefined;
    if (known && !orgs.has(key)) orgs.set(key, Promise.resolve(known));
    return shared(orgs, key, async () => {
      await lagOnce(batch);
      const id = await createOnce(
        async () => (await searchIds(`/api/v2/organizations/search?term=${encodeURIComponent(name)}&fields=name&exact_match=true`))[0],
        async () => (await call('POST', '/api/v2/organizations', { name }, one(Id), { unsafe: true })).data.id,
      );
      await batch.remember([{ kind: 'company', id: key, prospectId: '', remote: { org: String(id) } }]);
      return id;
    });
  }

  /**
   * A batch re-sent after a crash may have created records whose ids never came back: search cannot see them
   * until its index catches up, so every lane waits that out (once, together) before the batch's first search.
   */
  const lagWaits = new WeakMap<Batch, Promise<void>>();
  function lagOnce(batch: Batch): Promise<void> {
    if (!batch.maybeSent) return Promise.resolve();
    let wait = lagWaits.get(batch);
    if (!wait) lagWaits.set(batch, (wait = http.wait(SEARCH_LAG_MS)));
    return wait;
  }

  /**
   * Create-once without unique keys: `find` first (unless we know nothing can exist yet), create, and after
   * a lost answer wait out the search lag before finding again, so the first create is found, not repeated.
   */
  async function createOnce(find: (afterLostAnswer: boolean) => Promise<number | undefined>, create: () => Promise<number>, skipFirstFind = false): Promise<number> {
    for (let attempt = 0; ; attempt++) {
      if (!(skipFirstFind && attempt === 0)) {
        const hit = await find(attempt > 0);
        if (hit !== undefined) return hit;
      }
      try {
        return await create();
      } catch (err) {
        if (!(err instanceof Ambiguous) || attempt >= 5) throw err;
        await http.wait(SEARCH_LAG_MS);
      }
    }
  }

  const personKey = (p: PersonItem) => (p.prospect.emails[0] ? `email:${p.prospect.emails[0].toLowerCase()}` : `id:${p.prospect.id}`);

  async function pushPerson(p: PersonItem, batch: Batch): Promise<Record<string, string>> {
    const { maybeSent, remember } = batch;
    const { prospect } = p;
    const org = prospect.company ? await orgId(p.company?.name ?? prospect.company, batch) : undefined;
    const fields = {
      name: prospect.name,
      emails: prospect.emails.map((value, i) => ({ value, primary: i === 0, label: 'work' })),
      ...(org ? { org_id: org } : {}),
      ...(prospect.linkedinUrl && linkedinField ? { custom_fields: { [linkedinField]: prospect.linkedinUrl } } : {}),
    };
    let person = Number(p.remote.person ?? p.shared?.person) || undefined;
    let createdNow = false;
    if (person) await call('PATCH', `/api/v2/persons/${person}`, fields, one(Id));
    else {
      const key = personKey(p);
      const mine = !persons.has(key);
      // Email-less people without the LinkedIn field have no search key: the stored id is all we have.
      let found = false;
      person = await shared(persons, key, async () => {
        await lagOnce(batch);
        return createOnce(
          async () => {
            const hit = await findPerson(p);
            found = hit !== undefined;
            return hit;
          },
          async () => {
            createdNow = true;
            return (await call('POST', '/api/v2/persons', fields, one(Id), { unsafe: true })).data.id;
          },
        );
      });
      // Found (not made from these fields), or made by another prospect with this email: bring it up to date.
      if (found || !mine) await call('PATCH', `/api/v2/persons/${person}`, fields, one(Id));
      await remember([{ kind: 'prospect', id: prospect.id, prospectId: prospect.id, remote: { person: String(person) } }]);
    }
    const stage = p.remoteStage ? { stage_id: Number(p.remoteStage) } : {};
    let deal = Number(p.remote.deal) || undefined;
    const title = `${prospect.name} (Touchline)`;
    if (deal) await call('PATCH', `/api/v2/deals/${deal}`, stage, one(Id));
    else {
      // A person created just now has no deals yet: no need to list them (unless a lost answer made us look).
      const fresh = createdNow && !maybeSent;
      deal = await createOnce(
        async () => (await all(`/api/v2/deals?person_id=${person}`, page(Deal))).find((d) => d.title === title)?.id,
        async () => (await call('POST', '/api/v2/deals', { title, person_id: person, ...(conn.pipelineId ? { pipeline_id: Number(conn.pipelineId) } : {}), ...stage }, one(Id), { unsafe: true })).data.id,
        fresh,
      );
      await remember([{ kind: 'prospect', id: prospect.id, prospectId: prospect.id, remote: { person: String(person), deal: String(deal) } }]);
      if (!fresh && p.remoteStage) await call('PATCH', `/api/v2/deals/${deal}`, stage, one(Id));
    }
    return { person: String(person), deal: String(deal), ...(org ? { org: String(org) } : {}) };
  }

  /** A person's activities by the touch id in their marker, every page, fetched once per person and batch. */
  async function activitiesOf(person: string, cache: Map<string, Map<string, number>>): Promise<Map<string, number>> {
    let byMarker = cache.get(person);
    if (!byMarker) {
      const list = await all(`/api/v2/activities?person_id=${person}`, page(Activity));
      byMarker = new Map(list.flatMap((a) => (a.note && MARKER_RE.test(a.note) ? [[MARKER_RE.exec(a.note)![1]!, a.id] as [string, number]] : [])));
      cache.set(person, byMarker);
    }
    return byMarker;
  }

  async function pushTouch(t: TouchItem, person: string, maybeSent: boolean, cache: Map<string, Map<string, number>>, remember: (e: Learnt[]) => Promise<void>): Promise<string> {
    const { touch } = t;
    const fields = {
      subject: touch.subject ?? `${touch.channel} (${touch.direction})`,
      type: ACTIVITY_TYPES[touch.channel] ?? 'task',
      person_id: Number(person),
      due_date: new Date(touch.at).toISOString().slice(0, 10),
      done: true,
      note: `${escapeHtml(touch.summary ?? '')}<br>${MARKER(touch.id)}`,
    };
    if (t.remote.activity) {
      await call('PATCH', `/api/v2/activities/${t.remote.activity}`, fields, one(Id));
      return t.remote.activity;
    }
    // A fresh batch was never sent: nothing to find. A re-sent one may have been: look (cached per person);
    // after a lost answer, look again without the cache.
    const id = await createOnce(
      async (afterLostAnswer) => {
        if (afterLostAnswer) cache.delete(person);
        return (await activitiesOf(person, cache)).get(touch.id);
      },
      async () => (await call('POST', '/api/v2/activities', fields, one(Id), { unsafe: true })).data.id,
      !maybeSent,
    );
    await remember([{ kind: 'touch', id: touch.id, prospectId: t.prospect.id, remote: { activity: String(id) } }]);
    return String(id);
  }

  async function setup(): Promise<SetupReport> {
    const report: SetupReport = { created: [], found: [], todo: [], values: {} };
    const fields = await all('/api/v2/personFields', page(Field));
    const mine = fields.find((f) => f.is_custom_field && /^linkedin( url| profile)?$/i.test(f.field_name.trim()) && ['varchar', 'text', 'varchar_auto'].includes(f.field_type));
    if (mine) {
      report.found.push(`Pipedrive person field \u201c${mine.field_name}\u201d for the LinkedIn URL`);
      report.values.linkedinField = mine.field_code;
      return report;
    }
    try {
      const made = await call('POST', '/api/v2/personFields', { field_name: LINKEDIN_FIELD_NAME, field_type: 'varchar' }, one(Field));
      report.created.push(`Pipedrive person field \u201c${LINKEDIN_FIELD_NAME}\u201d (text) for the LinkedIn URL`);
      report.values.linkedinField = made.data.field_code;
    } catch (err) {
      if (!(err instanceof SyncError) || err.kind !== 'record') throw err;
      report.todo.push(
        `Pipedrive did not let Touchline add a person field (${err.message}). Ask a Pipedrive admin to add a text person field named \u201c${LINKEDIN_FIELD_NAME}\u201d, then connect again; until then LinkedIn URLs are not sent and people without an email are found only by the id Touchline stored.`,
      );
    }
    return report;
  }

  /** One prospect's work in a batch: the person (when the batch carries it), then the prospect's touches. */
  async function pushProspect(id: string, item: PersonItem | undefined, touches: TouchItem[], batch: Batch, out: BatchResult, cache: Map<string, Map<string, number>>) {
    if (item) out.people.set(id, { remote: await pushPerson(item, batch) });
    for (const t of touches) {
      const o = out.people.get(id);
      const person = (o && 'remote' in o ? o.remote : t.personRemote)?.person;
      if (!person) continue;
      out.touches.set(t.touch.id, { remote: { activity: await pushTouch(t, person, batch.maybeSent, cache, batch.remember) } });
    }
  }

  /** Where each erased record kind is deleted: activities and deals first (deleting a person leaves them). */
  const ERASE_PATHS: Array<[string, string]> = [
    ['activity', 'activities'],
    ['deal', 'deals'],
    ['person', 'persons'],
  ];

  /**
   * Erasing a person: DELETE each activity, deal and the person (v2). Pipedrive marks them deleted and
   * removes them for good after 30 days. 404 (gone already) counts as deleted; 403 (this user may not delete)
   * refuses that person's erase with what to remove by hand, and the others go on.
   */
  async function erase(batch: EraseBatch): Promise<EraseResult> {
    const out: EraseResult = new Map();
    for (const item of batch.items) {
      const refused: string[] = [];
      for (const [kind, path] of ERASE_PATHS)
        for (const r of item.records.filter((x) => x.kind === kind)) {
          const res = await http.request('DELETE', `${root}/api/v2/${path}/${encodeURIComponent(r.id)}`, undefined, auth, { schema: Anything, accept: [403, 404] });
          if (res.status === 403) refused.push(`${kind} ${r.id} (${errorText(res)})`);
        }
      out.set(item.prospectId, refused.length ? { failed: `Pipedrive did not let this user delete ${refused.join(', ')}: delete them in Pipedrive by hand, or ask an admin for delete rights and retry.` } : { done: true });
    }
    return out;
  }

  return {
    erase,
    // Enough people per batch to keep LANES lanes busy; every create's id is stored at once, so a restart
    // redoes lookups, never creates.
    rowsPerBatch: 48,
    batchBy: 'prospect',
    async push(batch) {
      const out: BatchResult = { people: new Map(), touches: new Map() };
      const cache = new Map<string, Map<string, number>>();
      const touchesOf = new Map<string, TouchItem[]>();
      for (const t of batch.touches) touchesOf.set(t.prospect.id, [...(touchesOf.get(t.prospect.id) ?? []), t]);
      const items = new Map(batch.people.map((p) => [p.prospect.id, p]));
      const ids = [...new Set([...items.keys(), ...touchesOf.keys()])];
      await inLanes(ids, LANES, (id) => pushProspect(id, items.get(id), touchesOf.get(id) ?? [], batch, out, cache));
      return out;
    },
    async test() {
      const me = await call('GET', '/v1/users/me', undefined, Me);
      return `Connected to Pipedrive${me.data.name ? ` as ${me.data.name}` : ''}.`;
    },
    async stages(): Promise<RemoteStage[]> {
      const pipelines = await all('/api/v2/pipelines', page(Named));
      const stages = await all('/api/v2/stages', page(Stage));
      return stages.map((s) => ({ id: String(s.id), label: s.name, pipelineId: String(s.pipeline_id), pipelineLabel: pipelines.find((p) => p.id === s.pipeline_id)?.name }));
    },
    setup,
  };
};

/**
 * Runs `work` for every item, at most `lanes` at a time. After a failure no new item starts; those under way
 * finish (what they created is stored as they go), then the first failure is thrown for the engine to handle.
 */
export async function inLanes<T>(items: T[], lanes: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  let failure: { err: unknown } | undefined;
  const lane = async () => {
    while (!failure && next < items.length) {
      const item = items[next++]!;
      try {
        await work(item);
      } catch (err) {
        failure ??= { err };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(lanes, items.length) }, lane));
  if (failure) throw failure.err;
}
