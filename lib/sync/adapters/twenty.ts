import { chunk, companyDomain, splitName, type AdapterFactory, type BatchResult, type CrmAdapter, type PersonItem, type RemoteStage } from '../adapter';
import type { HttpPolicy, HttpResponse, Verdict } from '../http';

/** Twenty's REST batch endpoints take up to 60 records per call (crm-contracts.md). */
const BATCH = 60;

/** Twenty's default opportunity stages [U: a workspace can edit them; the metadata API is not read yet]. */
export const TWENTY_STAGES: RemoteStage[] = ['NEW', 'SCREENING', 'MEETING', 'PROPOSAL', 'CUSTOMER'].map((id) => ({ id, label: id[0] + id.slice(1).toLowerCase() }));

function messages(res: HttpResponse): string {
  const b = res.body as { messages?: string[]; error?: string } | string | undefined;
  if (typeof b === 'string') return b;
  return b?.messages?.join('; ') || b?.error || `HTTP ${res.status}`;
}

export const twentyPolicy: HttpPolicy = {
  defaultLimit: { max: 100, intervalMs: 60_000 },
  classify(res): Verdict {
    if (res.status >= 200 && res.status < 300) return { kind: 'ok' };
    if (res.status === 401 || res.status === 403) return { kind: 'auth', message: `Twenty refused the API key (${messages(res)}). Create a new key in Twenty\u2019s settings and paste it in Touchline\u2019s options.` };
    if (res.status === 429) {
      const secs = (res.body as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds;
      return { kind: 'retry', message: 'Twenty rate limit reached.', waitMs: secs ? secs * 1000 : undefined };
    }
    if (res.status >= 500) return { kind: 'retry', message: `Twenty had an error (HTTP ${res.status}).` };
    return { kind: 'record', message: `Twenty refused the data: ${messages(res)}` };
  },
  rateLimit: () => ({}),
};

/** A second stable id derived from a record's own id (note -> its note target), so re-sends upsert in place. */
export function derivedId(id: string): string {
  return id.slice(0, -12) + [...id.slice(-12)].reverse().join('');
}

/**
 * Twenty (cloud or self-hosted): batch upserts everywhere. People match on email (then LinkedIn link),
 * companies on domain, and opportunities, notes and note targets carry ids derived from Touchline's own, so a
 * batch re-sent after a crash writes the same records again.
 */
export const twenty: AdapterFactory = (conn, makeHttp): CrmAdapter => {
  const http = makeHttp(twentyPolicy);
  const auth = { authorization: `Bearer ${conn.token}` };
  async function upsert(object: string, records: Array<Record<string, unknown>>): Promise<Array<{ id: string } & Record<string, unknown>>> {
    const out: Array<{ id: string } & Record<string, unknown>> = [];
    for (const part of chunk(records, BATCH)) {
      const res = await http.request('POST', `${conn.baseUrl}/rest/batch/${object}?upsert=true`, part, auth);
      const data = (res.body as { data?: Record<string, Array<{ id: string }>> }).data ?? {};
      out.push(...(Object.values(data)[0] ?? []));
    }
    return out;
  }

  async function pushPeople(people: PersonItem[], out: BatchResult) {
    const domains = [...new Set(people.map((p) => (p.prospect.company ? companyDomain(p) : undefined)).filter((d): d is string => !!d))];
    const companies = await upsert(
      'companies',
      domains.map((d) => ({ name: people.find((p) => companyDomain(p) === d)!.company?.name ?? people.find((p) => companyDomain(p) === d)!.prospect.company, domainName: { primaryLinkUrl: `https://${d}` } })),
    );
    const companyOf = new Map(companies.map((c) => [String((c.domainName as { primaryLinkUrl?: string })?.primaryLinkUrl ?? '').replace(/^https:\/\//, ''), c.id]));
    const saved = await upsert(
      'people',
      people.map((p) => {
        const { first, last } = splitName(p.prospect.name);
        const domain = p.prospect.company ? companyDomain(p) : undefined;
        return {
          ...(p.remote.person ? { id: p.remote.person } : {}),
          name: { firstName: first, lastName: last },
          emails: { primaryEmail: p.prospect.emails[0] ?? '', additionalEmails: p.prospect.emails.slice(1) },
          linkedinLink: { primaryLinkUrl: p.prospect.linkedinUrl ?? '' },
          jobTitle: p.prospect.title ?? '',
          ...(domain && companyOf.get(domain) ? { companyId: companyOf.get(domain) } : {}),
        };
      }),
    );
    // Twenty answers in input order.
    const personOf = new Map(people.map((p, i) => [p.prospect.id, saved[i]?.id]));
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
      await upsert(
        'notes',
        touches.map(({ t }) => ({
          id: t.touch.id,
          title: t.touch.subject ?? `${t.touch.channel} (${t.touch.direction})`,
          bodyV2: { markdown: [t.touch.summary, t.touch.url].filter(Boolean).join('\n\n') },
        })),
      );
      await upsert('noteTargets', touches.map(({ t, person }) => ({ id: derivedId(t.touch.id), noteId: t.touch.id, personId: person })));
      for (const { t } of touches) out.touches.set(t.touch.id, { remote: { note: t.touch.id } });
      return out;
    },
    async test() {
      await http.request('GET', `${conn.baseUrl}/rest/people?limit=1`, undefined, auth);
      return 'Connected to Twenty: the API key can read people.';
    },
    async stages() {
      return TWENTY_STAGES;
    },
  };
};
