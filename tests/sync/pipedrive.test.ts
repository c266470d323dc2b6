import { afterEach, describe, expect, it } from 'vitest';
import { virtualClock, type Clock } from '../../lib/sync/clock';
import type { Connection } from '../../lib/sync/connection';
import { clearStop, retryProspect } from '../../lib/sync/engine';
import { runSetup, runSync } from '../../lib/sync/run';
import type { Prospect } from '../../lib/model';
import { eraseAndCheck, eraseRows, erasingFetch } from './erase-cases';
import { PipedriveFake } from './fakes/pipedrive';
import { personKey, trickyData } from './cases';
import { connection, freshDb, makeData, runWithRestarts, seedAndConnect, STAGES } from './harness';

const STAGE_MAP = Object.fromEntries(STAGES.map((s, i) => [s.id, String(Math.min(i + 1, 5))]));
const marker = (a: Record<string, unknown>) => /\[touchline:([^\]]+)\]/.exec(String(a.note))![1];

async function connected(fake: PipedriveFake, clock: Clock, token = 'pd-good'): Promise<Connection> {
  return runSetup(connection('pipedrive', fake.server.url, token, STAGE_MAP), { fetch, clock });
}

describe('Pipedrive sync', () => {
  let fake: PipedriveFake | undefined;
  afterEach(async () => {
    await fake?.server.close();
    expect(fake?.violations ?? []).toEqual([]);
    fake = undefined;
  });

  it('setup creates the LinkedIn person field, keyed by the hash Pipedrive gives it; an existing field is found instead', async () => {
    const clock = virtualClock();
    fake = await new PipedriveFake(clock).start();
    const conn = await connected(fake, clock);
    expect(conn.setup!.created).toEqual(['Pipedrive person field \u201cLinkedIn URL\u201d (text) for the LinkedIn URL']);
    expect(conn.setup!.values.linkedinField).toMatch(/^[0-9a-f]{40}$/);

    const other = await new PipedriveFake(clock).start();
    const code = other.addPersonField('LinkedIn');
    const found = await runSetup(connection('pipedrive', other.server.url, 'pd-good', STAGE_MAP), { fetch, clock });
    expect(found.setup!.found).toEqual(['Pipedrive person field \u201cLinkedIn\u201d for the LinkedIn URL']);
    expect(found.setup!.values.linkedinField).toBe(code);
    await other.server.close();
  });

  it('pushes 1,000 prospects and 5,000 touches through faults, restarts and search lag: one person per person, every activity once on the right person', async () => {
    const clock = virtualClock();
    fake = await new PipedriveFake(clock, { searchLagMs: 8000 }).start({ rate: 0.03, kinds: ['500', 'reset', 'reset-after-commit', 'timeout', 'malformed', 'burst429'], seed: 21 });
    const conn = await connected(fake, clock);
    const db = freshDb();
    const data = trickyData(1000, 5);
    for (const [i, p] of data.existing.entries()) fake.persons.set(9000 + i, { id: 9000 + i, name: 'Already There', emails: [{ value: p.emails[0]!.toUpperCase(), primary: true }] });
    await seedAndConnect(db, data, conn);
    const run = await runWithRestarts(db, () => conn, clock, { seed: 2, killAfterRequests: [20, 120] });
    expect(run.killed).toBeGreaterThan(3);
    expect(run.result.state).toBe('idle');
    expect(await db.outbox.count()).toBe(0);

    const persons = [...fake.persons.values()];
    expect(persons).toHaveLength(new Set(data.prospects.map(personKey)).size);
    const keys = persons.map((p) => (p.emails as Array<{ value: string }>)[0]?.value.toLowerCase() ?? fake!.linkedinOf(p));
    expect(new Set(keys).size).toBe(persons.length);
    expect(fake.deals.size).toBe(data.prospects.length);
    const activities = [...fake.activities.values()];
    expect(activities).toHaveLength(data.touches.length);
    expect(new Set(activities.map(marker)).size).toBe(data.touches.length);
    const links = new Map((await db.syncLinks.toArray()).map((l) => [l.key, l.remote]));
    const personOf = (id: string) => Number(links.get(`${conn.id}|prospect|${id}`)!.person);
    expect(personOf(data.twin.id)).toBe(personOf(data.twinOf.id));
    for (const [i, p] of data.existing.entries()) expect(personOf(p.id)).toBe(9000 + i);
    for (const p of data.linkedinOnly) expect(fake.linkedinOf(fake.persons.get(personOf(p.id))!)).toBe(p.linkedinUrl);
    for (const t of data.touches) expect(fake.activities.get(Number(links.get(`${conn.id}|touch|${t.id}`)!.activity))!.person_id).toBe(personOf(t.prospectId));
    // Page text is escaped: Pipedrive renders activity notes as HTML.
    expect(String(activities[0]!.note)).toContain('&lt;b&gt;');
  });

  it('finds a person\u2019s activities beyond the first page when a batch is re-sent after a crash', async () => {
    const clock = virtualClock();
    fake = await new PipedriveFake(clock).start();
    const conn = await connected(fake, clock);
    const db = freshDb();
    const data = makeData(1, 620, { allEmail: true });
    await seedAndConnect(db, data, conn);
    await runWithRestarts(db, () => conn, clock);
    expect(fake.activities.size).toBe(620);
    // A crash after the last batch was sent, before its ids were stored: the batch is claimed again.
    const last = data.touches.slice(-10);
    for (const t of last) await db.syncLinks.delete(`${conn.id}|touch|${t.id}`);
    const seqs = [];
    for (const t of last) seqs.push(await db.outbox.add({ connectionId: conn.id, kind: 'touch', prospectId: t.prospectId, refId: t.id, at: 0 }));
    await db.syncMeta.put({ key: 'claim', batchKey: 'resent', seqs: seqs as number[] });
    await runWithRestarts(db, () => conn, clock);
    expect(fake.activities.size).toBe(620);
    for (const t of last) expect(marker(fake.activities.get(Number((await db.syncLinks.get(`${conn.id}|touch|${t.id}`))!.remote.activity))!)).toBe(t.id);
  });

  it('dedupes against a person already in Pipedrive (search, then update, never create)', async () => {
    const clock = virtualClock();
    fake = await new PipedriveFake(clock).start();
    const conn = await connected(fake, clock);
    const db = freshDb();
    const data = makeData(3, 1, { allEmail: true });
    fake.persons.set(999, { id: 999, name: 'Already There', emails: [{ value: data.prospects[1]!.emails[0]!, primary: true }] });
    await seedAndConnect(db, data, conn);
    await runWithRestarts(db, () => conn, clock);
    expect(fake.persons.size).toBe(3);
    expect(fake.persons.get(999)!.name).toBe(data.prospects[1]!.name);
  });

  it('a bad token stops sync with a clear message; fixing it resumes', async () => {
    const clock = virtualClock();
    fake = await new PipedriveFake(clock).start();
    const good = await connected(fake, clock);
    const db = freshDb();
    let conn = { ...good, token: 'pd-bad' };
    const queued = await seedAndConnect(db, makeData(5, 2), conn);
    const stopped = await runWithRestarts(db, () => conn, clock);
    expect(stopped.result.message).toMatch(/Pipedrive refused the API token \(unauthorized access\)/);
    expect(await db.outbox.count()).toBe(queued);
    conn = { ...conn, token: 'pd-good' };
    await clearStop(db);
    await runWithRestarts(db, () => conn, clock);
    expect(fake.persons.size).toBe(5);
    expect(fake.activities.size).toBe(10);
  });

  it('the daily budget is told apart from a burst: sync waits for the next day instead of retrying every 2 s', async () => {
    const clock = virtualClock(Date.UTC(2026, 10, 23, 20, 0));
    fake = await new PipedriveFake(clock, { daily: 40 }).start();
    const conn = await connected(fake, clock);
    const db = freshDb();
    await seedAndConnect(db, makeData(30, 1, { allEmail: true }), conn);
    await runWithRestarts(db, () => conn, clock, { maxRuns: 3 }).catch(() => undefined);
    const status = (await db.syncMeta.get('status')) as { state: string; message?: string; retryAt?: number };
    expect(status.state).toBe('waiting');
    expect(status.message).toMatch(/daily API budget/);
    expect(status.retryAt).toBeGreaterThan(Date.UTC(2026, 10, 24));
    // One refused request, not a retry storm.
    expect(fake.rejected429).toBe(1);
  });
});

describe('the Pipedrive fake enforces Pipedrive\u2019s definition', () => {
  it('refuses an unknown custom-field key, a person without a name, an unknown field of a deal, and a search without a term', async () => {
    const clock = virtualClock();
    const fake = await new PipedriveFake(clock).start();
    const send = (method: string, path: string, body?: unknown) =>
      fetch(fake.server.url + path, { method, headers: { 'x-api-token': 'pd-good', 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) }).then(async (r) => ({ status: r.status, body: await r.json() }));
    try {
      const custom = await send('POST', '/api/v2/persons', { name: 'Ann', custom_fields: { linkedin_url: 'https://www.linkedin.com/in/ann/' } });
      expect(custom.status).toBe(400);
      expect(custom.body).toMatchObject({ success: false, error: 'Unknown custom field key "linkedin_url"' });
      expect((await send('POST', '/api/v2/persons', { emails: [{ value: 'a@b.example' }] })).status).toBe(400);
      const deal = await send('POST', '/api/v2/deals', { title: 'X', stage: 3 });
      expect(deal.status).toBe(400);
      expect(deal.body.error).toMatch(/additional properties/);
      expect((await send('GET', '/api/v2/persons/search?fields=email')).status).toBe(400);
      expect(fake.violations).toHaveLength(3);
    } finally {
      await fake.server.close();
    }
  });
});

describe('Pipedrive: erasing a person (issue 15 item 5)', () => {
  let fake: PipedriveFake | undefined;
  afterEach(async () => {
    await fake?.server.close();
    expect(fake?.violations ?? []).toEqual([]);
    fake = undefined;
  });

  async function pushed(clock: Clock, people = 10) {
    fake = await new PipedriveFake(clock).start();
    const conn = await connected(fake, clock);
    const db = freshDb();
    const data = makeData(people, 3);
    await seedAndConnect(db, data, conn);
    expect((await runWithRestarts(db, () => conn, clock)).result.state).toBe('idle');
    return { conn, db, data };
  }
  const get = (path: string) => fetch(fake!.server.url + path, { headers: { 'x-api-token': 'pd-good' } }).then((r) => r.status);

  it('deletes the activities, the deal and the person (v2), through faults and restarts, each once', async () => {
    const clock = virtualClock();
    const { conn, db, data } = await pushed(clock);
    // One with an email, one known by LinkedIn URL only (every 10th person of makeData).
    const victims = [data.prospects[4]!, data.prospects[9]!];
    expect(victims[1]!.emails).toEqual([]);
    const links = new Map(await Promise.all(victims.map(async (p) => [p.id, (await db.syncLinks.where('prospectId').equals(p.id).toArray()).map((l) => l.remote)] as const)));
    const reports = await eraseAndCheck(db, conn, victims);
    expect(reports.get(victims[0]!.id)!.crm!.queued).toHaveLength(5);

    fake!.server.faults.rate = 0.25;
    fake!.server.faults.kinds.push('500', 'reset', 'reset-after-commit', 'timeout', 'malformed', 'burst429');
    const run = await runWithRestarts(db, () => conn, clock, { seed: 8, killAfterRequests: [1, 4] });
    expect(run.result.state).toBe('idle');
    expect(await db.outbox.count()).toBe(0);
    fake!.server.faults.rate = 0; // the checks below read the fake without faults
    for (const p of victims) {
      const remotes = links.get(p.id)!;
      const person = remotes.find((r) => r.person)!;
      expect(fake!.persons.has(Number(person.person))).toBe(false);
      expect(await get(`/api/v2/persons/${person.person}`)).toBe(404);
      expect(fake!.deals.has(Number(person.deal))).toBe(false);
      for (const r of remotes.filter((x) => x.activity)) expect(fake!.activities.has(Number(r.activity))).toBe(false);
      expect(fake!.deleted.filter((d) => d === `persons/${person.person}`)).toHaveLength(1);
    }
    expect(fake!.persons.size).toBe(8);
    expect(fake!.activities.size).toBe(24);
  });

  it('a 429 or 500 on a delete is retried; 404 counts as done; a user who may not delete gets the erase refused, saying what to remove by hand', async () => {
    const clock = virtualClock();
    const { conn, db, data } = await pushed(clock, 3);
    const [a, b, c] = data.prospects as [Prospect, Prospect, Prospect];
    await eraseAndCheck(db, conn, [a]);
    const isDelete = (m: string) => m === 'DELETE';
    fake!.server.failNext(isDelete, 'burst429', 1);
    fake!.server.failNext(isDelete, '500', 2);
    expect((await runWithRestarts(db, () => conn, clock)).result.state).toBe('idle');
    expect(fake!.server.stats.faults).toMatchObject({ burst429: 1, '500': 2 });
    expect(await db.outbox.count()).toBe(0);

    const personOfB = (await db.syncLinks.get(`${conn.id}|prospect|${b.id}`))!.remote.person!;
    fake!.persons.delete(Number(personOfB));
    await eraseAndCheck(db, conn, [b]);
    expect((await runWithRestarts(db, () => conn, clock)).result.state).toBe('idle');
    expect(await db.outbox.count()).toBe(0);
    expect(fake!.deleted).not.toContain(`persons/${personOfB}`);

    fake!.mayDelete = false;
    const personOfC = (await db.syncLinks.get(`${conn.id}|prospect|${c.id}`))!.remote.person!;
    await eraseAndCheck(db, conn, [c]);
    expect((await runWithRestarts(db, () => conn, clock)).result.state).toBe('idle');
    const [waiting] = await eraseRows(db);
    expect(waiting!.failed?.reason).toMatch(new RegExp(`Pipedrive did not let this user delete .*person ${personOfC} \\(You do not have permission.*delete them in Pipedrive by hand`));
    fake!.mayDelete = true;
    await retryProspect(db, c.id);
    expect((await runWithRestarts(db, () => conn, clock)).result.state).toBe('idle');
    expect(await db.outbox.count()).toBe(0);
    expect(fake!.persons.size).toBe(0);
  });

  it('a person erased while their batch is in flight: the person that batch created is deleted too', async () => {
    const clock = virtualClock();
    fake = await new PipedriveFake(clock).start();
    const conn = await connected(fake, clock);
    const db = freshDb();
    const data = makeData(4, 2, { allEmail: true });
    await seedAndConnect(db, data, conn);
    const victim = data.prospects[2]!;
    // Erased right after Pipedrive answered the create of their person (its name is in the body).
    const f = erasingFetch(db, victim, `"name":"${victim.name}"`);
    for (let i = 0; i < 5 && (await db.outbox.count()); i++) await runSync(db, conn, STAGES, { fetch: f.fetch, clock });
    expect(f.report()?.crm).toMatchObject({ inFlight: true });
    expect(await db.outbox.count()).toBe(0);
    expect(await db.syncLinks.where('prospectId').equals(victim.id).count()).toBe(0);
    expect([...fake.persons.values()].map((p) => p.name)).not.toContain(victim.name);
    expect(fake.persons.size).toBe(3);
    expect(fake.deleted.filter((d) => d.startsWith('persons/'))).toHaveLength(1);
  });
});
