import { z } from 'zod';
import { lazySchema } from '../../model/lazy-schema';
import { chunk, companyDomain, splitName, type AdapterFactory, type BatchResult, type CrmAdapter, type EraseBatch, type EraseResult, type PersonItem, type RemoteStage } from '../adapter';
import type { HttpPolicy, HttpResponse, Verdict } from '../http';

/**
 * Twenty (cloud or self-hosted), as its server code defines the REST API (tests/sync/specs/twenty.facts.json).
 * Batch upserts match on the id or on unique-indexed fields only (a person's primary email, a company's
 * domain), and the answer lists updated records before inserted ones, so results are matched by id or email,
 * never by position. Records without such a key get an id Touchline chooses (Twenty takes client UUIDs):
 * people without an email get their prospect id, opportunities the prospect id, notes the touch id.
 */

/** Records per batch call (Twenty's REST docs; a mutation may affect at most 100). */
const BATCH = 60;

/** Twenty's default opportunity stages [U: a workspace can edit them; the metadata API is not read yet]. */
export const TWENTY_STAGES: RemoteStage[] = ['NEW', 'SCREENING', 'MEETING', 'PROPOSAL', 'CUSTOMER'].map((id) => ({ id, label: id[0] + id.slice(1).toLowerCase() }));

const ErrorBody = lazySchema(() =>
  z.object({ messages: z.array(z.string()).optional(), message: z.union([z.string(), z.array(z.string())]).optional(), error: z.string().optional() }).loose(),
);

function messages(res: HttpResponse): string {
  if (typeof res.body === 'string') return res.body;
  const b = ErrorBody.safeParse(res.body);
  if (!b.success) return `HTTP ${res.status}`;
  const m = b.data.messages ?? (Array.isArray(b.data.message) ? b.data.message : b.data.message ? [b.data.message] : []);
  return m.join('; ') || b.data.error || `HTTP ${res.status}`;
}

/** "Limit reached (100 tokens per 60000 ms)": Twenty's throttler says its bucket in the message. */
function bucketOf(text: string): { max: number; intervalMs: number } | undefined {
  const m = /Limit reached \((\d+) tokens per (\d+) ms\)/.exec(text);
  return m ? { max: Number(m[1]), intervalMs: Number(m[2]) } : undefined;
}

export const twentyPolicy: HttpPolicy = {
  label: 'Twenty',
  // The long bucket (100 per minute per workspace, refilled continuously) is the one that binds.
  defaultLimit: { max: 100, intervalMs: 60_000, bucket: true },
  classify(res): Verdict {
    if (res.status >= 200 && res.status < 300) return { kind: 'ok' };
    if (res.status === 401 || res.status === 403) return { kind: 'auth', message: `Twenty refused the API key (${messages(res)}). Create a new key in Twenty\u2019s settings and paste it in Touchline\u2019s options.` };
    const bucket = bucketOf(messages(res));
    // Older servers answer the throttler with 400; either way one token frees up in window/max.
    if (res.status === 429 || bucket) return { kind: 'retry', message: 'Twenty rate limit reached.', waitMs: bucket ? Math.ceil(bucket.intervalMs / bucket.max) : 1000 };
    if (res.status >= 500) return { kind: 'retry', message: `Twenty had an error (HTTP ${res.status}).` };
    return { kind: 'record', message: `Twenty refused the data: ${messages(res)}` };
  },
  rateLimit: () => ({}),
};

const Rec = lazySchema(() => z.object({ id: z.string().min(1) }).loose());
const BatchAnswer = lazySchema(() => z.object({ data: z.record(z.string(), z.array(Rec)) }));
const Anything = lazySchema(() => z.unknown());

const emailOf = (r: z.infer<typeof Rec>) => ((r.emails as { primaryEmail?: string } | undefined)?.primaryEmail ?? '').toLowerCase();
const domainOf = (r: z.infer<typeof Rec>) => ((r.domainName as { primaryLinkUrl?: string } | undefined)?.primaryLinkUrl ?? '').replace(/^https?:\/\//, '').toLowerCase();

export const twenty: AdapterFactory = (conn, makeHttp): CrmAdapter => {
  const http = makeHttp(twentyPolicy);
  const auth = { authorization: `Bearer ${conn.token}` };
  async function upsert(object: string, records: Array<Record<string, unknown>>): Promise<Array<z.infer<typeof Rec>>> {
    const out: Array<z.infer<typeof Rec>> = [];
    for (const part of chunk(records, BATCH)) {
      const res = await http.request('POST', `${conn.baseUrl}/rest/batch/${object}?upsert=true`, part, auth, { schema: BatchAnswer });
      out.push(...Object.values(res.body.data).flat());
    }
    return out;
  }

  async function pushPeople(people: PersonItem[], out: BatchResult) {
    const companyNames = new Map<string, string>();
    for (const p of people) {
      const d = p.prospect.company ? companyDomain(p)?.toLowerCase() : undefined;
      if (d && !companyNames.has(d)) companyNames.set(d, p.company?.name ?? p.prospect.company!);
    }
    const companies = await upsert('companies', [...companyNames].map(([d, name]) => ({ name, domainName: { primaryLinkUrl: `https://${d}` } })));
    const companyOf = new Map(companies.map((c) => [domainOf(c), c.id]));

    // One input per person record: by its stored id, by email (Twenty's unique key), or by our id for people
    // without an email (an empty email would match every other person without one).
    const inputs = new Map<string, Record<string, unknown>>();
    const keyOf = (p: PersonItem) => {
      const id = p.remote.person ?? p.shared?.person;
      if (id) return `id:${id}`;
      const email = p.prospect.emails[0]?.toLowerCase();
      return email ? `email:${email}` : `id:${p.prospect.id}`;
    };
    for (const p of people) {
      const { first, last } = splitName(p.prospect.name);
      const domain = p.prospect.company ? companyDomain(p)?.toLowerCase() : undefined;
      const key = keyOf(p);
      inputs.set(key, {
        ...(key.startsWith('id:') ? { id: key.slice(3) } : {}),
        name: { firstName: first, lastName: last },
        ...(p.prospect.emails[0] ? { emails: { primaryEmail: p.prospect.emails[0], additionalEmails: p.prospect.emails.slice(1) } } : {}),
        ...(p.prospect.linkedinUrl ? { linkedinLink: { primaryLinkUrl: p.prospect.linkedinUrl } } : {}),
        jobTitle: p.prospect.title ?? '',
        ...(domain && companyOf.get(domain) ? { companyId: companyOf.get(domain) } : {}),
      });
    }
    const saved = await upsert('people', [...inputs.values()]);
    const byKey = new Map<string, string>();
    for (const r of saved) {
      byKey.set(`id:${r.id}`, r.id);
      if (emailOf(r)) byKey.set(`email:${emailOf(r)}`, r.id);
    }
    const personOf = new Map(people.map((p) => [p.prospect.id, byKey.get(keyOf(p))]));
    await upsert(
      'opportunities',
      people.filter((p) => personOf.get(p.prospect.id)).map((p) => ({ id: p.prospect.id, name: `${p.prospect.name} (Touchline)`, stage: p.remoteStage ?? 'NEW', pointOfContactId: personOf.get(p.prospect.id) })),
    );
    for (const p of people) {
      const person = personOf.get(p.prospect.id);
      out.people.set(p.prospect.id, person ? { remote: { person, opportunity: p.prospect.id } } : { failed: 'Twenty did not return the person.' });
    }
  }

  return {
    rowsPerBatch: 240,
    async push(batch) {
      const out: BatchResult = { people: new Map(), touches: new Map() };
      await pushPeople(batch.people, out);
      const touches = batch.touches
        .map((t) => {
          const o = out.people.get(t.prospect.id);
          return { t, person: (o && 'remote' in o ? o.remote : t.personRemote)?.person };
        })
        .filter((x): x is { t: (typeof batch.touches)[number]; person: string } => !!x.person);
      const notes = await upsert(
        'notes',
        touches.map(({ t }) => ({
          id: t.touch.id,
          title: t.touch.subject ?? `${t.touch.channel} (${t.touch.direction})`,
          bodyV2: { markdown: [t.touch.summary, t.touch.url].filter(Boolean).join('\n\n') },
        })),
      );
      const saved = new Set(notes.map((n) => n.id));
      const targets = await upsert('noteTargets', touches.filter(({ t }) => saved.has(t.touch.id)).map(({ t, person }) => ({ id: derivedId(t.touch.id), noteId: t.touch.id, personId: person })));
      const attached = new Set(targets.map((n) => n.id));
      for (const { t } of touches)
        out.touches.set(t.touch.id, attached.has(derivedId(t.touch.id)) ? { remote: { note: t.touch.id } } : { failed: 'Twenty did not save the note for this touch.' });
      return out;
    },
    /**
     * Erasing a person: each note's target, the note, the opportunity and the person, by DELETE /rest/{objects}/{id}
     * without soft_delete (which would only move them to Twenty's trash). A record gone already (404) is done.
     */
    async erase(batch: EraseBatch): Promise<EraseResult> {
      for (const item of batch.items) {
        const of = (kind: string) => item.records.filter((r) => r.kind === kind).map((r) => r.id);
        const order: Array<[string, string[]]> = [
          ['noteTargets', of('note').map(derivedId)],
          ['notes', of('note')],
          ['opportunities', of('opportunity')],
          ['people', of('person')],
        ];
        for (const [object, ids] of order)
          for (const id of ids) await http.request('DELETE', `${conn.baseUrl}/rest/${object}/${encodeURIComponent(id)}`, undefined, auth, { schema: Anything, accept: [404] });
      }
      return new Map(batch.items.map((i) => [i.prospectId, { done: true }]));
    },
    async test() {
      await http.request('GET', `${conn.baseUrl}/rest/people?limit=1`, undefined, auth, { schema: Anything });
      return 'Connected to Twenty: the API key can read people.';
    },
    async stages() {
      return TWENTY_STAGES;
    },
  };
};

/** A second stable id derived from a record's own id (note -> its note target), so re-sends upsert in place. */
export function derivedId(id: string): string {
  return id.slice(0, -12) + [...id.slice(-12)].reverse().join('');
}
