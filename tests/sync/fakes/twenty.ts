import { randomUUID } from 'node:crypto';
import type { Clock } from '../../../lib/sync/clock';
import { startFake, type FakeRequest, type FakeResponse, type FakeServer, type FaultPlan } from './server';
import { SpecGate } from './spec';

type Rec = { id: string } & Record<string, unknown>;

/** A token bucket refilled continuously, as Twenty's throttler counts API-key requests per workspace. */
export class TokenBucket {
  private tokens: number;
  private at: number;
  constructor(
    readonly max: number,
    readonly windowMs: number,
    private readonly now: () => number,
  ) {
    this.tokens = max;
    this.at = now();
  }
  take(): boolean {
    const t = this.now();
    this.tokens = Math.min(this.max, this.tokens + ((t - this.at) * this.max) / this.windowMs);
    this.at = t;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

/** Unique-indexed fields per object (Twenty's standard objects): what `?upsert=true` matches besides the id. */
const UNIQUE: Record<string, (r: Record<string, unknown>) => string | undefined> = {
  people: (r) => (r.emails as { primaryEmail?: string } | undefined)?.primaryEmail?.toLowerCase(),
  companies: (r) => (r.domainName as { primaryLinkUrl?: string } | undefined)?.primaryLinkUrl?.toLowerCase(),
};

/**
 * Twenty's REST API as its server defines it (tests/sync/specs/twenty.facts.json): every request validated
 * against the object's fields; batches of at most 60; `?upsert=true` matching on the id or a unique-indexed
 * field only (so an empty primary email matches every person without one, and several make the call fail);
 * a record named twice in one batch refused; the answer lists updated records first, then inserted ones;
 * token buckets of 100 per second and 100 per minute, and the throttler's 429 body (no Retry-After).
 */
export class TwentyFake {
  token = 'twenty-good';
  readonly records: Record<string, Map<string, Rec>> = { people: new Map(), companies: new Map(), opportunities: new Map(), notes: new Map(), noteTargets: new Map() };
  readonly short: TokenBucket;
  readonly long: TokenBucket;
  readonly gate = new SpecGate('twenty');
  rejected429 = 0;
  server!: FakeServer;

  constructor(clock: Clock, opts: { perMinute?: number } = {}) {
    this.short = new TokenBucket(100, 1000, () => clock.now());
    this.long = new TokenBucket(opts.perMinute ?? 100, 60_000, () => clock.now());
  }

  get violations(): string[] {
    return this.gate.violations;
  }

  async start(faults?: FaultPlan): Promise<this> {
    this.server = await startFake((r) => this.handle(r), { faults, burst: () => this.limited(this.long) });
    return this;
  }

  private limited(b: TokenBucket): FakeResponse {
    return this.fail(429, 'HttpException', `Limit reached (${b.max} tokens per ${b.windowMs} ms)`);
  }

  private fail(statusCode: number, error: string, ...messages: string[]): FakeResponse {
    return { status: statusCode, body: { statusCode, error, messages } };
  }

  handle(req: FakeRequest): FakeResponse {
    if (req.headers.authorization !== `Bearer ${this.token}`) return this.fail(401, 'UnauthorizedException', 'Token invalid.');
    if (!this.short.take()) return (this.rejected429++, this.limited(this.short));
    if (!this.long.take()) return (this.rejected429++, this.limited(this.long));
    const checked = this.gate.check(req);
    if (checked.errors.length) return this.fail(checked.op ? 400 : 404, checked.op ? 'BadRequestException' : 'NotFoundException', ...checked.errors);
    return this.gate.answer(checked.op, this.route(req));
  }

  private route(req: FakeRequest): FakeResponse {
    const [, , first, second] = req.path.split('/');
    const object = first === 'batch' ? second! : first!;
    const id = first === 'batch' ? undefined : second;
    const store = this.records[object]!;
    if (id) return this.one(req, object, id);
    if (req.method === 'GET') return { status: 200, body: { data: { [object]: [...store.values()].slice(0, Number(req.query.get('limit') ?? 60)) }, totalCount: store.size } };
    const input = req.body as Array<Record<string, unknown>>;
    const upsert = req.query.get('upsert') === 'true';
    const seen = new Set<string>();
    for (const r of input) {
      for (const k of [r.id ? `id:${r.id}` : undefined, UNIQUE[object]?.(r) !== undefined ? `u:${UNIQUE[object]!(r)}` : undefined]) {
        if (!k) continue;
        if (seen.has(k)) {
          this.gate.refuse(req, `${object} ${k} appears twice in one batch`);
          return this.fail(400, 'BadRequestException', `Duplicate ${object} in batch: ${k}`);
        }
        seen.add(k);
      }
    }
    const updated: Rec[] = [];
    const inserted: Rec[] = [];
    for (const r of input) {
      const matches = this.matches(object, r);
      if (matches.length > 1) return this.fail(400, 'BadRequestException', `Multiple records found for ${object} upsert`);
      const existing = matches[0];
      if (existing && !upsert) return this.fail(400, 'BadRequestException', `Duplicate ${object} record`);
      if (object === 'noteTargets' && (!this.records.notes!.has(String(r.noteId)) || !this.records.people!.has(String(r.personId))))
        return this.fail(400, 'BadRequestException', 'noteTarget points to a missing note or person');
      if (object === 'opportunities' && r.pointOfContactId && !this.records.people!.has(String(r.pointOfContactId)))
        return this.fail(400, 'BadRequestException', 'pointOfContactId points to a missing person');
      if (existing) updated.push(Object.assign(existing, r, { id: existing.id }));
      else {
        const rec = { ...r, id: (r.id as string | undefined) ?? randomUUID() } as Rec;
        this.records[object]!.set(rec.id, rec);
        inserted.push(rec);
      }
    }
    const name = `create${object[0]!.toUpperCase()}${object.slice(1)}`;
    return { status: 201, body: { data: { [name]: [...updated, ...inserted].map((r) => ({ ...r })) } } };
  }

  /** `object/id` of every record destroyed, in order. */
  readonly destroyed: string[] = [];

  /** GET or DELETE by id: destroyed for good, or with ?soft_delete=true only marked (it stays, restorable). */
  private one(req: FakeRequest, object: string, id: string): FakeResponse {
    const rec = this.records[object]!.get(id);
    if (!rec) return this.fail(404, 'NotFoundException', `Record not found`);
    const singular = { people: 'Person', opportunities: 'Opportunity', notes: 'Note', noteTargets: 'NoteTarget', companies: 'Company' }[object]!;
    if (req.method === 'GET') return { status: 200, body: { data: { [singular[0]!.toLowerCase() + singular.slice(1)]: { ...rec } } } };
    if (req.query.get('soft_delete') === 'true') rec.deletedAt = new Date(0).toISOString();
    else {
      this.records[object]!.delete(id);
      this.destroyed.push(`${object}/${id}`);
    }
    return { status: 200, body: { data: { [`delete${singular}`]: { ...rec } } } };
  }

  /** What an input matches: its id, else its unique value (an empty string is a value too). */
  private matches(object: string, r: Record<string, unknown>): Rec[] {
    const store = this.records[object]!;
    if (r.id) return store.has(String(r.id)) ? [store.get(String(r.id))!] : [];
    const key = UNIQUE[object];
    const value = key?.(r);
    if (!key || value === undefined) return [];
    return [...store.values()].filter((x) => (key(x) ?? '') === value);
  }
}
