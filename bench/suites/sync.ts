import 'fake-indexeddb/auto';
import './fake-browser-env';
import type { TouchlineDb } from '../../lib/db/database';
import { virtualClock, type Clock } from '../../lib/sync/clock';
import type { Connection } from '../../lib/sync/connection';
import { runSetup } from '../../lib/sync/run';
import { scaledClock } from '../../lib/sync/scaled-clock';
import { HubSpotFake, PIPELINE } from '../../tests/sync/fakes/hubspot';
import { PipedriveFake } from '../../tests/sync/fakes/pipedrive';
import { OPPORTUNITY_STAGES, SalesforceFake } from '../../tests/sync/fakes/salesforce';
import { TwentyFake } from '../../tests/sync/fakes/twenty';
import { connection, freshDb, makeData, runWithRestarts, seedAndConnect, STAGES } from '../../tests/sync/harness';
import type { BenchRow } from '../table';

type Data = ReturnType<typeof makeData>;
const c = (n: number, per: number) => Math.ceil(n / per);
const domains = (d: Data) => new Set(d.prospects.map((p) => p.emails[0]?.split('@')[1]).filter(Boolean)).size;
const companies = (d: Data) => new Set(d.prospects.map((p) => p.company).filter(Boolean)).size;

/**
 * Per CRM: records per second pushed into its validating fake at the fake's own rate limits, against the bound
 * those limits allow for this data (the fewest requests the API needs, perfectly packed, at the limit), with
 * the duplicates and losses counted in the fake. Virtual clock: the engine's CPU and IndexedDB time count for
 * nothing, so this measures how well batching and the limiter use the allowance. HubSpot is also run on real
 * time sped up 2x, where that work counts too.
 */
export async function sync(): Promise<BenchRow[]> {
  return [
    ...(await hubspot('virtual clock', virtualClock(), 10_000)),
    ...(await hubspot('real clock x2', scaledClock(2), 2_000)),
    ...(await pipedrive()),
    ...(await twenty()),
    ...(await salesforce()),
  ];
}

interface Measure {
  label: string;
  records: number;
  seconds: number;
  boundSeconds: number;
  boundNote: string;
  requests: number;
  rejected429: number;
  state: string;
  duplicates: number;
  lost: number;
}

function rows(m: Measure): BenchRow[] {
  const achieved = m.records / m.seconds;
  const bound = m.records / m.boundSeconds;
  return [
    { suite: 'sync', metric: `${m.label}: records/s (bound ${bound.toFixed(1)} rec/s: ${m.boundNote})`, value: `${achieved.toFixed(1)} rec/s` },
    { suite: 'sync', metric: `${m.label}: share of the bound`, value: `${((100 * achieved) / bound).toFixed(1)} %`, goal: '>= 90 %' },
    { suite: 'sync', metric: `${m.label}: requests / 429s earned (${m.state})`, value: `${m.requests} / ${m.rejected429}` },
    { suite: 'sync', metric: `${m.label}: duplicates / lost`, value: `${m.duplicates} / ${m.lost}`, goal: '0 / 0' },
  ];
}

async function timed(db: TouchlineDb, conn: Connection, clock: Clock, data: Data) {
  const records = await seedAndConnect(db, data, conn);
  const started = clock.now();
  const run = await runWithRestarts(db, () => conn, clock);
  return { records, seconds: (clock.now() - started) / 1000, state: run.result.state, left: await db.outbox.count() };
}

async function hubspot(clockLabel: string, clock: Clock, people: number): Promise<BenchRow[]> {
  const fake = await new HubSpotFake(clock, { max: 100, intervalMs: 10_000 }).start();
  try {
    const stageMap = Object.fromEntries(STAGES.map((s, i) => [s.id, PIPELINE.stages[Math.min(i, 6)]!.id]));
    const conn = await runSetup(connection('hubspot', fake.server.url, 'pat-good', stageMap), { fetch, clock });
    const data = makeData(people, 5, { allEmail: true });
    const before = fake.server.stats.requests;
    const r = await timed(freshDb(), conn, clock, data);
    const types = new Map<string, number>();
    for (const t of data.touches) {
      const type = t.channel === 'email' ? 'emails' : t.channel === 'call' ? 'calls' : 'notes';
      types.set(type, (types.get(type) ?? 0) + 1);
    }
    // Contacts, deals, contact->company and deal->contact associations; companies; one create per 100 engagements (associations inline).
    const min = 4 * c(people, 100) + c(domains(data), 100) + [...types.values()].reduce((n, k) => n + c(k, 100), 0);
    const contacts = [...fake.objects.contacts!.values()];
    const engagements = fake.engagements();
    const emails = new Set(contacts.map((x) => x.properties.email));
    const ids = new Set(engagements.map((a) => a.properties.touchline_id));
    return rows({
      label: `HubSpot, ${people / 1000}k prospects + ${(5 * people) / 1000}k touches, 100 req/10 s, ${clockLabel}`,
      records: r.records,
      seconds: r.seconds,
      boundSeconds: min / 10,
      boundNote: `${min} requests minimum`,
      requests: fake.server.stats.requests - before,
      rejected429: fake.rejected429,
      state: r.state,
      duplicates: contacts.length - emails.size + engagements.length - ids.size,
      lost: people - emails.size + data.touches.length - ids.size + r.left,
    });
  } finally {
    await fake.server.close();
  }
}

async function pipedrive(): Promise<BenchRow[]> {
  const clock = virtualClock();
  const fake = await new PipedriveFake(clock, { max: 80, searchMax: 10 }).start();
  try {
    const conn = await runSetup(connection('pipedrive', fake.server.url, 'pd-good', Object.fromEntries(STAGES.map((s, i) => [s.id, String(Math.min(i + 1, 5))]))), { fetch, clock });
    const people = 500;
    const data = makeData(people, 5, { allEmail: true });
    const before = fake.server.stats.requests;
    const r = await timed(freshDb(), conn, clock, data);
    const orgs = companies(data);
    // No batch endpoints: a search per person (and per organisation), then a create each for organisation,
    // person, deal and every activity. Search has its own window (10 per 2 s), the rest 80 per 2 s.
    const searches = people + orgs;
    const writes = orgs + 2 * people + data.touches.length;
    const boundSeconds = Math.max(searches / 5, writes / 40);
    const persons = [...fake.persons.values()];
    const emails = new Set(persons.map((p) => (p.emails as Array<{ value: string }>)[0]?.value));
    const markers = new Set([...fake.activities.values()].map((a) => /\[touchline:([^\]]+)\]/.exec(String(a.note))?.[1]));
    return rows({
      label: `Pipedrive, 500 prospects + 2.5k touches, 80 req/2 s and search 10/2 s, virtual clock`,
      records: r.records,
      seconds: r.seconds,
      boundSeconds,
      boundNote: `${searches} searches, ${writes} writes minimum`,
      requests: fake.server.stats.requests - before,
      rejected429: fake.rejected429,
      state: r.state,
      duplicates: persons.length - emails.size + fake.activities.size - markers.size,
      lost: people - emails.size + data.touches.length - markers.size + r.left,
    });
  } finally {
    await fake.server.close();
  }
}

async function twenty(): Promise<BenchRow[]> {
  const clock = virtualClock();
  const fake = await new TwentyFake(clock).start();
  try {
    const conn = connection('twenty', fake.server.url, 'twenty-good', {});
    const people = 2000;
    const data = makeData(people, 5, { allEmail: true });
    const before = fake.server.stats.requests;
    const r = await timed(freshDb(), conn, clock, data);
    // Per 60 records: companies, people, opportunities, notes, note targets (perfect packing).
    const min = c(domains(data), 60) + 2 * c(people, 60) + 2 * c(data.touches.length, 60);
    // The bucket starts full (100 requests at once), then refills 100 per minute.
    const boundSeconds = Math.max(0, min - 100) * 0.6;
    const emails = new Set([...fake.records.people!.values()].map((p) => (p.emails as { primaryEmail: string }).primaryEmail));
    return rows({
      label: `Twenty, 2k prospects + 10k touches, 100 req/min token bucket, virtual clock`,
      records: r.records,
      seconds: r.seconds,
      boundSeconds,
      boundNote: `${min} requests minimum, 100 of them free`,
      requests: fake.server.stats.requests - before,
      rejected429: fake.rejected429,
      state: r.state,
      duplicates: fake.records.people!.size - emails.size,
      lost: people - emails.size + data.touches.length - fake.records.noteTargets!.size + r.left,
    });
  } finally {
    await fake.server.close();
  }
}

/** Salesforce has no per-second limit: what binds is the org's daily allowance, so the figure is calls used. */
async function salesforce(): Promise<BenchRow[]> {
  const clock = virtualClock();
  const fake = await new SalesforceFake(clock).start();
  try {
    const token = JSON.stringify({ access_token: fake.accessToken, refresh_token: fake.refreshToken, client_id: fake.clientId, login_url: fake.url });
    const stageMap = Object.fromEntries(STAGES.map((s, i) => [s.id, OPPORTUNITY_STAGES[Math.min(i, 6)]!]));
    const conn = await runSetup({ ...connection('salesforce', fake.url, token, stageMap), options: { salesforcePeople: 'Contact' } }, { fetch, clock });
    const people = 2000;
    const data = makeData(people, 5, { allEmail: true });
    const used = fake.used;
    const r = await timed(freshDb(), conn, clock, data);
    const calls = fake.used - used;
    // Per 200 records: an email lookup (100 per query), accounts, contacts, opportunities, contact roles, tasks.
    const min = c(people, 100) + c(companies(data), 200) + 3 * c(people, 200) + c(data.touches.length, 200);
    const contacts = fake.records.Contact!.size;
    const tasks = new Set([...fake.records.Task!.values()].map((t) => t.Touchline_Id__c)).size;
    return [
      { suite: 'sync', metric: `Salesforce, 2k prospects + 10k touches: API calls used (minimum ${min}, daily allowance is what binds)`, value: `${calls}` },
      { suite: 'sync', metric: 'Salesforce: share of the bound (minimum calls / calls used)', value: `${((100 * min) / calls).toFixed(1)} %`, goal: '>= 90 %' },
      { suite: 'sync', metric: `Salesforce: duplicates / lost (${r.state})`, value: `${contacts - people + fake.records.Task!.size - tasks} / ${people - contacts + data.touches.length - tasks + r.left}`, goal: '0 / 0' },
    ];
  } finally {
    await fake.server.close();
  }
}
