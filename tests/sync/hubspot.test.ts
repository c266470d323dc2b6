import { afterEach, describe, expect, it } from 'vitest';
import { virtualClock } from '../../lib/sync/clock';
import { clearStop } from '../../lib/sync/engine';
import { runSetup, runSync } from '../../lib/sync/run';
import type { Prospect } from '../../lib/model';
import { eraseAndCheck, erasingFetch } from './erase-cases';
import { moveStage } from '../../lib/store/stages';
import { logTouch } from '../../lib/store/touches';
import { DEFAULT_SETTINGS } from '../../lib/settings/settings';
import type { Connection } from '../../lib/sync/connection';
import type { Clock } from '../../lib/sync/clock';
import { HubSpotFake, PIPELINE } from './fakes/hubspot';
import { personKey, trickyData } from './cases';
import { connection, freshDb, makeData, runWithRestarts, seedAndConnect, STAGES } from './harness';

const STAGE_MAP = Object.fromEntries(STAGES.map((s, i) => [s.id, PIPELINE.stages[Math.min(i, PIPELINE.stages.length - 1)]!.id]));

async function connected(fake: HubSpotFake, clock: Clock, token = 'pat-good'): Promise<Connection> {
  return runSetup(connection('hubspot', fake.server.url, token, STAGE_MAP), { fetch, clock });
}

describe('HubSpot sync', () => {
  let fake: HubSpotFake | undefined;
  afterEach(async () => {
    await fake?.server.close();
    // Every request the adapter sent matched HubSpot's published definition and rules.
    expect(fake?.violations ?? []).toEqual([]);
    fake = undefined;
  });

  it('setup creates the unique touchline_id properties on contacts, companies and deals, plain ones on engagements; a second setup finds them', async () => {
    const clock = virtualClock();
    fake = await new HubSpotFake(clock).start();
    const conn = await connected(fake, clock);
    expect(conn.setup!.created).toEqual([
      'HubSpot contacts property touchline_id (unique values)',
      'HubSpot companies property touchline_id (unique values)',
      'HubSpot deals property touchline_id (unique values)',
      'HubSpot notes property touchline_id',
      'HubSpot emails property touchline_id',
      'HubSpot calls property touchline_id',
    ]);
    expect(conn.setup!.todo).toEqual([]);
    expect(fake.properties.contacts!.get('touchline_id')!.hasUniqueValue).toBe(true);
    expect(fake.properties.notes!.get('touchline_id')!.hasUniqueValue).toBe(false);
    const again = await connected(fake, clock);
    expect(again.setup!.created).toEqual([]);
    expect(again.setup!.found).toHaveLength(6);
  });

  it('pushes 1,000 prospects and 5,000 touches through faults and restarts: one contact per person, every touch once on the right contact', async () => {
    const clock = virtualClock();
    fake = await new HubSpotFake(clock).start({ rate: 0.08, kinds: ['500', 'reset', 'reset-after-commit', 'timeout', 'malformed', 'burst429'], seed: 11 });
    const db = freshDb();
    const conn = await connected(fake, clock);
    const data = trickyData(1000, 4);
    // Some people are in HubSpot already (the rep's own contacts, email in another case): a batch mixes new and existing.
    for (const p of data.existing) fake.seed('contacts', `9${p.id.slice(0, 6)}`, { email: p.emails[0]!.toUpperCase(), firstname: 'Old' });
    // And one company (domain in another case): its people join it instead of a second company beside it.
    fake.seed('companies', '800', { domain: 'Company3.example', name: 'Company Three Inc' });
    await seedAndConnect(db, data, conn);

    // Changes keep coming while the engine runs: 1,000 more touches and 200 stage moves, through the store.
    const live = (async () => {
      for (let i = 0; i < 1000; i++) {
        const p = data.prospects[i]!;
        await logTouch(db, { prospectId: p.id, channel: 'note', direction: 'internal', at: clock.now(), summary: `Live note ${i}` });
        if (i % 5 === 0) await moveStage(db, p.id, 'closing', DEFAULT_SETTINGS, 'Fast-tracked'); // unmet criteria need a reason (issue 5)
      }
    })();
    const first = await runWithRestarts(db, () => conn, clock, { seed: 3, killAfterRequests: [5, 40] });
    await live;
    const run = await runWithRestarts(db, () => conn, clock, { seed: 4, killAfterRequests: [5, 40] });

    expect(first.killed).toBeGreaterThan(3);
    expect(run.result.state).toBe('idle');
    expect(await db.outbox.count()).toBe(0);
    expect(Object.values(fake.server.stats.faults).reduce((a, b) => a + b, 0)).toBeGreaterThan(10);

    const local = await db.prospects.toArray();
    const contacts = [...fake.objects.contacts!.values()];
    expect(contacts).toHaveLength(new Set(local.map(personKey)).size);
    const links = new Map((await db.syncLinks.toArray()).map((l) => [l.key, l.remote]));
    const remoteOf = (id: string) => links.get(`${conn.id}|prospect|${id}`)!;
    // Prospects whose emails differ only in case share one contact; each keeps its own deal.
    expect(remoteOf(data.twin.id).contact).toBe(remoteOf(data.twinOf.id).contact);
    expect(remoteOf(data.twin.id).deal).not.toBe(remoteOf(data.twinOf.id).deal);
    for (const p of data.existing) expect(remoteOf(p.id).contact).toBe(`9${p.id.slice(0, 6)}`);
    for (const p of data.linkedinOnly) expect(fake.objects.contacts!.get(remoteOf(p.id).contact!)!.properties.hs_linkedin_url).toBe(p.linkedinUrl);

    // One company per domain, whatever the restarts and search lag; the rep's own company kept its name.
    const companies = [...fake.objects.companies!.values()];
    const domains = new Set(local.flatMap((p) => (p.emails[0] ? [p.emails[0].split('@')[1]!.toLowerCase()] : [])));
    expect(companies.map((c) => c.properties.domain!.toLowerCase()).sort()).toEqual([...domains].sort());
    expect(fake.objects.companies!.get('800')!.properties.name).toBe('Company Three Inc');
    for (const p of local.filter((p) => p.emails[0]?.toLowerCase().endsWith('@company3.example'))) {
      expect(remoteOf(p.id).company).toBe('800');
      expect(fake.associations.has(`contacts/${remoteOf(p.id).contact}->companies/800`)).toBe(true);
    }

    const activities = fake.activitiesByContact();
    const touchesByContact = new Map<string, string[]>();
    for (const t of await db.touches.toArray()) {
      const c = remoteOf(t.prospectId).contact!;
      touchesByContact.set(c, [...(touchesByContact.get(c) ?? []), t.id]);
    }
    for (const p of local) {
      const remote = remoteOf(p.id);
      expect(activities.get(remote.contact!)?.slice().sort()).toEqual(touchesByContact.get(remote.contact!)!.sort());
      // Stage changes arrive in order: the CRM deal ends in the prospect's current stage.
      expect(fake.objects.deals!.get(remote.deal!)!.properties.dealstage).toBe(STAGE_MAP[p.stageId]);
    }
    const engagements = fake.engagements();
    expect(engagements).toHaveLength(await db.touches.count());
    expect(new Set(engagements.map((a) => a.properties.touchline_id)).size).toBe(engagements.length);
    // Page text is escaped: HubSpot renders note and call bodies as HTML, so no tag from a page reaches one.
    const htmlBodies = engagements.flatMap((a) => [a.properties.hs_note_body, a.properties.hs_call_body]).filter((b): b is string => !!b);
    const calls = engagements.filter((a) => a.properties.hs_call_body);
    expect(calls.length).toBeGreaterThan(0);
    expect(calls[0]!.properties.hs_call_body).toContain('&lt;b&gt;with&lt;/b&gt;');
    for (const body of htmlBodies) expect(body.replaceAll('<br>', '')).not.toMatch(/<[a-z/]/i);
  });

  it('joins people to the company the account already holds for their domain (the oldest of several) instead of creating one', async () => {
    const clock = virtualClock();
    fake = await new HubSpotFake(clock).start();
    const conn = await connected(fake, clock);
    const db = freshDb();
    const data = makeData(40, 1, { allEmail: true });
    fake.seed('companies', '701', { domain: 'company1.example', name: 'Company One (old)' });
    fake.seed('companies', '702', { domain: 'COMPANY1.example', name: 'Company One (copy)' });
    await seedAndConnect(db, data, conn);
    await runWithRestarts(db, () => conn, clock);
    const atDomain = [...fake.objects.companies!.values()].filter((c) => c.properties.domain!.toLowerCase() === 'company1.example');
    expect(atDomain.map((c) => c.id).sort()).toEqual(['701', '702']);
    expect(fake.objects.companies!.get('701')!.properties).toEqual({ domain: 'company1.example', name: 'Company One (old)' });
    const people = data.prospects.filter((p) => p.emails[0]!.endsWith('@company1.example'));
    expect(people.length).toBeGreaterThan(0);
    for (const p of people) {
      const remote = (await db.syncLinks.get(`${conn.id}|prospect|${p.id}`))!.remote;
      expect(remote.company).toBe('701');
      expect(fake.associations.has(`contacts/${remote.contact}->companies/701`)).toBe(true);
    }
    // The other domains got one company each, created by Touchline.
    expect(fake.objects.companies!.size).toBe(2 + new Set(data.prospects.map((p) => p.emails[0]!.split('@')[1])).size - 1);
  });

  it('a bad token stops sync with a clear message and loses nothing; fixing it resumes', async () => {
    const clock = virtualClock();
    fake = await new HubSpotFake(clock).start();
    const good = await connected(fake, clock);
    fake.token = 'pat-rotated';
    const db = freshDb();
    let conn = { ...good, token: 'pat-old' };
    const queued = await seedAndConnect(db, makeData(30, 2), conn);

    const stopped = await runWithRestarts(db, () => conn, clock);
    expect(stopped.result.state).toBe('stopped');
    expect(stopped.result.message).toMatch(/HubSpot refused the token.*private app token/);
    expect(await db.outbox.count()).toBe(queued);
    expect(fake.objects.contacts!.size).toBe(0);

    // Still stopped on the next alarm until the connection is fixed.
    expect((await runWithRestarts(db, () => conn, clock)).result.state).toBe('stopped');

    conn = { ...conn, token: 'pat-rotated' };
    await clearStop(db);
    const resumed = await runWithRestarts(db, () => conn, clock);
    expect(resumed.result.state).toBe('idle');
    expect(await db.outbox.count()).toBe(0);
    expect(fake.objects.contacts!.size).toBe(30);
    expect(fake.engagements()).toHaveLength(60);
  });

  it('keeps under the 10-second window without earning a 429 when nothing else uses the token', async () => {
    const clock = virtualClock();
    fake = await new HubSpotFake(clock, { max: 10 }).start();
    const conn = await connected(fake, clock);
    const db = freshDb();
    await seedAndConnect(db, makeData(300, 3, { allEmail: true }), conn);
    const before = fake.server.stats.requests;
    const started = clock.now();
    const run = await runWithRestarts(db, () => conn, clock);
    expect(run.result.state).toBe('idle');
    expect(fake.rejected429).toBe(0);
    const sent = fake.server.stats.requests - before;
    // More requests than one window holds, so the engine really waited for the window to move.
    expect(sent).toBeGreaterThan(10);
    expect(clock.now() - started).toBeGreaterThanOrEqual(Math.floor((sent - 1) / 10) * 10_000 - 10_000);
  });

  it('a record HubSpot refuses waits with HubSpot\u2019s reason and does not block the others', async () => {
    const clock = virtualClock();
    fake = await new HubSpotFake(clock).start();
    const conn = await connected(fake, clock);
    const db = freshDb();
    const data = makeData(20, 1, { allEmail: true });
    data.prospects[5]!.emails = ['not-an-email@'];
    await seedAndConnect(db, data, conn);
    const run = await runWithRestarts(db, () => conn, clock);
    expect(run.result.state).toBe('idle');
    const left = await db.outbox.toArray();
    expect(left.map((r) => r.prospectId)).toEqual([data.prospects[5]!.id, data.prospects[5]!.id]);
    expect(left[0]!.failed?.reason).toMatch(/email "not-an-email@" is invalid/);
    expect(fake.objects.contacts!.size).toBe(19);
  });

  it('the daily limit makes sync wait until after midnight, also in a restarted service worker, then it finishes', async () => {
    const clock = virtualClock(Date.UTC(2026, 10, 23, 15, 0));
    fake = await new HubSpotFake(clock, { daily: 20 }).start();
    const conn = await connected(fake, clock);
    const db = freshDb();
    await seedAndConnect(db, makeData(400, 2, { allEmail: true }), conn);
    const waiting = await runWithRestarts(db, () => conn, clock, { maxRuns: 2 }).catch(() => undefined);
    const status = (await db.syncMeta.get('status')) as { state: string; message?: string; retryAt?: number };
    expect(waiting?.result).toBeUndefined(); // never idle: it waits
    expect(status.state).toBe('waiting');
    expect(status.message).toMatch(/daily API limit/);
    expect(status.retryAt).toBeGreaterThan(Date.UTC(2026, 10, 24));
    // A new service worker before the retry time sends nothing.
    const requests = fake.server.stats.requests;
    expect((await runWithRestarts(db, () => conn, clock, { maxRuns: 1 }).catch(() => 'waited'))).toBe('waited');
    expect(fake.server.stats.requests).toBe(requests);
    expect(await db.outbox.filter((r) => !!r.failed).count()).toBe(0);
    // After midnight HubSpot grants a new day; sync resumes where it stopped.
    (clock as ReturnType<typeof virtualClock>).advance(status.retryAt! - clock.now());
    fake.dailyLeft = 250_000;
    const done = await runWithRestarts(db, () => conn, clock);
    expect(done.result.state).toBe('idle');
    expect(fake.objects.contacts!.size).toBe(400);
  });
});

describe('the HubSpot fake enforces HubSpot\u2019s definition', () => {
  it('refuses what the real API refuses: a domain upsert, a repeated id, a unique property on notes, an unknown property, a search without its required fields', async () => {
    const clock = virtualClock();
    const fake = await new HubSpotFake(clock).start();
    const post = (path: string, body: unknown) =>
      fetch(fake.server.url + path, { method: 'POST', headers: { authorization: 'Bearer pat-good', 'content-type': 'application/json' }, body: JSON.stringify(body) }).then(async (r) => ({ status: r.status, body: await r.json() }));
    try {
      const domain = await post('/crm/v3/objects/companies/batch/upsert', { inputs: [{ id: 'acme.example', idProperty: 'domain', properties: { name: 'Acme' } }] });
      expect(domain.status).toBe(400);
      expect(domain.body.message).toMatch(/non-unique/);
      const twice = await post('/crm/v3/objects/contacts/batch/upsert', { inputs: [1, 2].map(() => ({ id: 'a@b.example', idProperty: 'email', properties: { firstname: 'A' } })) });
      expect(twice.status).toBe(400);
      expect(twice.body.message).toMatch(/Duplicate IDs/);
      const unique = await post('/crm/v3/properties/notes', { name: 'touchline_id', label: 'T', type: 'string', fieldType: 'text', groupName: 'noteinformation', hasUniqueValue: true });
      expect(unique.status).toBe(400);
      const unknown = await post('/crm/v3/objects/notes/batch/create', { inputs: [{ properties: { touchline_id: 'x', hs_timestamp: '2026-01-01T00:00:00Z' }, associations: [] }] });
      expect(unknown.status).toBe(207);
      expect(unknown.body.errors[0].message).toMatch(/"touchline_id" does not exist/);
      const search = await post('/crm/v3/objects/contacts/search', { filterGroups: [] });
      expect(search.status).toBe(400);
      expect(search.body.category).toBe('VALIDATION_ERROR');
      expect(fake.violations).toHaveLength(5);
    } finally {
      await fake.server.close();
    }
  });
});

describe('HubSpot: erasing a person (issue 15 item 5)', () => {
  let fake: HubSpotFake | undefined;
  afterEach(async () => {
    await fake?.server.close();
    expect(fake?.violations ?? []).toEqual([]);
    fake = undefined;
  });

  async function pushed(clock: Clock, people = 12) {
    fake = await new HubSpotFake(clock).start();
    const conn = await connected(fake, clock);
    const db = freshDb();
    const data = makeData(people, 4, { allEmail: true });
    await seedAndConnect(db, data, conn);
    expect((await runWithRestarts(db, () => conn, clock)).result.state).toBe('idle');
    return { conn, db, data };
  }

  const recordsOf = async (db: Awaited<ReturnType<typeof pushed>>['db'], id: string) => (await db.syncLinks.where('prospectId').equals(id).toArray()).map((l) => l.remote);
  const get = (path: string) => fetch(fake!.server.url + path, { headers: { authorization: 'Bearer pat-good' } }).then((r) => r.status);

  it('GDPR-deletes the contact and archives the deal and every engagement, through faults and restarts, each once', async () => {
    const clock = virtualClock();
    const { conn, db, data } = await pushed(clock);
    const victims = [data.prospects[2]!, data.prospects[7]!];
    const remotes = new Map(await Promise.all(victims.map(async (p) => [p.id, await recordsOf(db, p.id)] as const)));
    const reports = await eraseAndCheck(db, conn, victims);
    expect(reports.get(victims[0]!.id)!.crm).toMatchObject({ crm: 'hubspot', byHand: [], shared: [] });
    // The company stays: other people work there.
    expect(reports.get(victims[0]!.id)!.crm!.queued.some((r) => r.startsWith('company'))).toBe(false);

    fake!.server.faults.rate = 0.25;
    fake!.server.faults.kinds.push('500', 'reset', 'reset-after-commit', 'timeout', 'malformed', 'burst429');
    const run = await runWithRestarts(db, () => conn, clock, { seed: 5, killAfterRequests: [1, 4] });
    expect(run.result.state).toBe('idle');
    expect(await db.outbox.count()).toBe(0);
    fake!.server.faults.rate = 0; // the checks below read the fake without faults
    for (const p of victims) {
      const [person, ...touches] = remotes.get(p.id)!;
      expect(fake!.objects.contacts!.has(person!.contact!)).toBe(false);
      expect(await get(`/crm/v3/objects/contacts/${person!.contact}`)).toBe(404);
      expect(fake!.objects.deals!.has(person!.deal!)).toBe(false);
      expect(fake!.objects.companies!.has(person!.company!)).toBe(true);
      for (const t of touches) for (const [type, id] of Object.entries(t)) expect(fake!.objects[type]!.has(id)).toBe(false);
      expect(fake!.engagements().filter((e) => data.touches.some((t) => t.prospectId === p.id && t.id === e.properties.touchline_id))).toEqual([]);
      expect(fake!.gdprDeleted.filter((id) => id === person!.contact)).toHaveLength(1);
    }
    expect(fake!.objects.contacts!.size).toBe(10);
    expect(fake!.engagements()).toHaveLength(40);
  });

  it('a 429 or 500 on the delete is retried; a contact already deleted in HubSpot (404) counts as done', async () => {
    const clock = virtualClock();
    const { conn, db, data } = await pushed(clock, 4);
    const [a, b] = data.prospects as [Prospect, Prospect];
    const contactOfB = (await recordsOf(db, b.id))[0]!.contact!;
    await eraseAndCheck(db, conn, [a]);
    const isDelete = (m: string, path: string) => m === 'POST' && (path.endsWith('/gdpr-delete') || path.endsWith('/batch/archive'));
    fake!.server.failNext(isDelete, 'burst429', 1);
    fake!.server.failNext(isDelete, '500', 2);
    expect((await runWithRestarts(db, () => conn, clock)).result.state).toBe('idle');
    expect(fake!.server.stats.faults).toMatchObject({ burst429: 1, '500': 2 });
    expect(await db.outbox.count()).toBe(0);
    expect(fake!.objects.contacts!.size).toBe(3);

    // Someone deleted B in HubSpot already: the GDPR delete answers 404, and the erase is done all the same.
    fake!.objects.contacts!.delete(contactOfB);
    await eraseAndCheck(db, conn, [b]);
    expect((await runWithRestarts(db, () => conn, clock)).result.state).toBe('idle');
    expect(await db.outbox.count()).toBe(0);
    expect(fake!.gdprDeleted).not.toContain(contactOfB);
  });

  it('a person erased while their batch is in flight: the contact that batch created is deleted too, and no link comes back', async () => {
    const clock = virtualClock();
    fake = await new HubSpotFake(clock).start();
    const conn = await connected(fake, clock);
    const db = freshDb();
    const data = makeData(6, 2, { allEmail: true });
    await seedAndConnect(db, data, conn);
    const victim = data.prospects[3]!;
    const f = erasingFetch(db, victim, victim.emails[0]!);
    for (let i = 0; i < 5 && (await db.outbox.count()); i++) await runSync(db, conn, STAGES, { fetch: f.fetch, clock });
    expect(f.report()?.crm).toMatchObject({ inFlight: true });
    expect(await db.outbox.count()).toBe(0);
    expect(await db.syncLinks.where('prospectId').equals(victim.id).count()).toBe(0);
    const contacts = [...fake.objects.contacts!.values()];
    expect(contacts).toHaveLength(5);
    expect(contacts.some((c) => c.properties.email === victim.emails[0])).toBe(false);
    expect([...fake.objects.deals!.values()].some((d) => d.properties.touchline_id === victim.id)).toBe(false);
    expect(fake.gdprDeleted).toHaveLength(1);
  });
});
