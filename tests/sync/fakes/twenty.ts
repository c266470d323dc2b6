import { randomUUID } from 'node:crypto';
import type { Clock } from '../../../lib/sync/clock';
import { startFake, Window, type FakeRequest, type FakeResponse, type FakeServer, type FaultPlan } from './server';

type Rec = { id: string } & Record<string, unknown>;

/**
 * Twenty's REST API as crm-contracts.md describes it: Bearer API key, `POST /rest/batch/<object>` with at most
 * 60 records (`?upsert=true` matches people on email then LinkedIn link, companies on domain, anything on id),
 * a duplicate without upsert is a 400, errors `{statusCode, error, messages}`, and 100 requests per minute with
 * the 429 `{statusCode:429, error:"RATE_LIMITED", retryAfterSeconds}` body and Retry-After.
 */
export class TwentyFake {
  token = 'twenty-good';
  readonly records: Record<string, Map<string, Rec>> = { people: new Map(), companies: new Map(), opportunities: new Map(), notes: new Map(), noteTargets: new Map() };
  readonly window: Window;
  rejected429 = 0;
  server!: FakeServer;

  constructor(clock: Clock, opts: { max?: number } = {}) {
    this.window = new Window(opts.max ?? 100, 60_000, () => clock.now());
  }

  async start(faults?: FaultPlan): Promise<this> {
    this.server = await startFake((r) => this.handle(r), { faults, burst: () => this.limited() });
    return this;
  }

  private limited(): FakeResponse {
    const secs = Math.max(1, Math.ceil(this.window.resetInMs() / 1000));
    return { status: 429, headers: { 'retry-after': String(secs) }, body: { statusCode: 429, error: 'RATE_LIMITED', retryAfterSeconds: secs } };
  }

  private fail(statusCode: number, error: string, ...messages: string[]): FakeResponse {
    return { status: statusCode, body: { statusCode, error, messages } };
  }

  handle(req: FakeRequest): FakeResponse {
    if (req.headers.authorization !== `Bearer ${this.token}`) return this.fail(401, 'UNAUTHENTICATED', 'Token invalid.');
    if (!this.window.take()) {
      this.rejected429++;
      return this.limited();
    }
    const m = /^\/rest\/(?:batch\/)?(\w+)$/.exec(req.path);
    const store = m && this.records[m[1]!];
    if (!m || !store) return this.fail(404, 'NOT_FOUND', `No route ${req.path}`);
    if (req.method === 'GET') return { status: 200, body: { data: { [m[1]!]: [...store.values()].slice(0, Number(req.query.get('limit') ?? 60)) } } };
    if (req.method !== 'POST' || !req.path.startsWith('/rest/batch/')) return this.fail(400, 'BAD_REQUEST', 'Only batch creates in this fake');
    const input = req.body as Array<Record<string, unknown>>;
    if (!Array.isArray(input)) return this.fail(400, 'BAD_REQUEST', 'Body must be an array');
    if (input.length > 60) return this.fail(400, 'BAD_REQUEST', `Maximum number of records to upsert is 60, got ${input.length}`);
    const upsert = req.query.get('upsert') === 'true';
    const out: Rec[] = [];
    for (const r of input) {
      const existing = this.match(m[1]!, r);
      if (existing && !upsert) return this.fail(400, 'BAD_REQUEST', `Duplicate ${m[1]} record`);
      if (m[1] === 'noteTargets' && (!this.records.notes!.has(String(r.noteId)) || !this.records.people!.has(String(r.personId))))
        return this.fail(400, 'BAD_REQUEST', 'noteTarget points to a missing note or person');
      const rec = existing ? Object.assign(existing, r, { id: existing.id }) : ({ ...r, id: (r.id as string) ?? randomUUID() } as Rec);
      store.set(rec.id, rec);
      out.push(rec);
    }
    const name = `create${m[1]![0]!.toUpperCase()}${m[1]!.slice(1)}`;
    return { status: 201, body: { data: { [name]: out } } };
  }

  private match(object: string, r: Record<string, unknown>): Rec | undefined {
    const store = this.records[object]!;
    if (r.id && store.has(String(r.id))) return store.get(String(r.id));
    if (object === 'people') {
      const email = (r.emails as { primaryEmail?: string } | undefined)?.primaryEmail;
      const link = (r.linkedinLink as { primaryLinkUrl?: string } | undefined)?.primaryLinkUrl;
      for (const p of store.values()) {
        if (email && (p.emails as { primaryEmail?: string }).primaryEmail === email) return p;
      }
      for (const p of store.values()) {
        if (!email && link && (p.linkedinLink as { primaryLinkUrl?: string }).primaryLinkUrl === link) return p;
      }
    }
    if (object === 'companies') {
      const domain = (r.domainName as { primaryLinkUrl?: string } | undefined)?.primaryLinkUrl;
      for (const c of store.values()) if (domain && (c.domainName as { primaryLinkUrl?: string }).primaryLinkUrl === domain) return c;
    }
    return undefined;
  }
}
