import { afterEach, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { virtualClock } from '../../lib/sync/clock';
import { clearStop } from '../../lib/sync/engine';
import { TWENTY_STAGES } from '../../lib/sync/adapters/twenty';
import { TwentyFake } from './fakes/twenty';
import { eraseAndCheck } from './erase-cases';
import { personKey, trickyData } from './cases';
import { connection, freshDb, makeData, runWithRestarts, seedAndConnect, STAGES } from './harness';

const STAGE_MAP = Object.fromEntries(STAGES.map((s, i) => [s.id, TWENTY_STAGES[Math.min(i, 4)]!.id]));

describe('Twenty sync', () => {
  let fake: TwentyFake | undefined;
  afterEach(async () => {
    await fake?.server.close();
    expect(fake?.violations ?? []).toEqual([]);
    fake = undefined;
  });

  it('pushes 1,000 prospects and 5,000 touches through faults and restarts: one person per person, each note on the right person', async () => {
    const clock = virtualClock();
    fake = await new TwentyFake(clock).start({ rate: 0.08, kinds: ['500', 'reset', 'reset-after-commit', 'timeout', 'malformed', 'burst429'], seed: 8 });
    const db = freshDb();
    const conn = connection('twenty', fake.server.url, 'twenty-good', STAGE_MAP);
    const data = trickyData(1000, 5);
    // People already in Twenty, and people there without an email: a batch mixes updates and inserts (Twenty
    // answers updated records first), and an empty email must not match them.
    for (const p of data.existing) fake.records.people!.set(randomUUID(), { id: '', name: { firstName: 'Old' }, emails: { primaryEmail: p.emails[0]!.toUpperCase() } });
    for (let i = 0; i < 3; i++) fake.records.people!.set(`nomail-${i}`, { id: `nomail-${i}`, name: { firstName: 'No', lastName: 'Email' }, emails: { primaryEmail: '' } });
    for (const [id, r] of fake.records.people!) r.id = id;
    await seedAndConnect(db, data, conn);
    const run = await runWithRestarts(db, () => conn, clock, { seed: 6, killAfterRequests: [5, 40] });
    expect(run.killed).toBeGreaterThan(3);
    expect(run.result.state).toBe('idle');
    expect(await db.outbox.count()).toBe(0);
    const people = fake.records.people!;
    expect(people.size).toBe(new Set(data.prospects.map(personKey)).size + 3);
    for (let i = 0; i < 3; i++) expect(people.get(`nomail-${i}`)!.name).toEqual({ firstName: 'No', lastName: 'Email' });
    expect(fake.records.notes!.size).toBe(data.touches.length);
    expect(fake.records.opportunities!.size).toBe(data.prospects.length);
    const targets = [...fake.records.noteTargets!.values()];
    expect(targets).toHaveLength(data.touches.length);
    const links = new Map((await db.syncLinks.toArray()).map((l) => [l.key, l.remote]));
    const personOf = (id: string) => links.get(`${conn.id}|prospect|${id}`)!.person!;
    expect(personOf(data.twin.id)).toBe(personOf(data.twinOf.id));
    for (const p of data.linkedinOnly) expect((people.get(personOf(p.id))!.linkedinLink as { primaryLinkUrl: string }).primaryLinkUrl).toBe(p.linkedinUrl);
    const targetOf = new Map(targets.map((t) => [t.noteId, t.personId]));
    for (const t of data.touches) expect(targetOf.get(t.id)).toBe(personOf(t.prospectId));
    for (const p of data.prospects) {
      expect(fake.records.opportunities!.get(p.id)!.stage).toBe(STAGE_MAP[p.stageId]);
      expect(fake.records.opportunities!.get(p.id)!.pointOfContactId).toBe(personOf(p.id));
    }
  });

  it('a bad API key stops sync with a clear message; fixing it resumes', async () => {
    const clock = virtualClock();
    fake = await new TwentyFake(clock).start();
    const db = freshDb();
    let conn = connection('twenty', fake.server.url, 'twenty-bad', STAGE_MAP);
    const queued = await seedAndConnect(db, makeData(5, 2), conn);
    const stopped = await runWithRestarts(db, () => conn, clock);
    expect(stopped.result.message).toMatch(/Twenty refused the API key \(Token invalid\.\)/);
    expect(await db.outbox.count()).toBe(queued);
    conn = { ...conn, token: 'twenty-good' };
    await clearStop(db);
    await runWithRestarts(db, () => conn, clock);
    expect(fake.records.people!.size).toBe(5);
    expect(fake.records.notes!.size).toBe(10);
  });
});

describe('the Twenty fake enforces Twenty\u2019s server rules', () => {
  it('refuses a batch over 60, a repeated record, an unknown field, and answers updated records before inserted ones', async () => {
    const clock = virtualClock();
    const fake = await new TwentyFake(clock).start();
    const post = (path: string, body: unknown) =>
      fetch(fake.server.url + path, { method: 'POST', headers: { authorization: 'Bearer twenty-good', 'content-type': 'application/json' }, body: JSON.stringify(body) }).then(async (r) => ({ status: r.status, body: await r.json() }));
    try {
      const many = Array.from({ length: 61 }, (_, i) => ({ name: { firstName: `P${i}` } }));
      expect((await post('/rest/batch/people?upsert=true', many)).status).toBe(400);
      const twice = await post('/rest/batch/people?upsert=true', [{ emails: { primaryEmail: 'a@b.example' } }, { emails: { primaryEmail: 'A@b.example' } }]);
      expect(twice.status).toBe(400);
      expect((await post('/rest/batch/people?upsert=true', [{ linkedinUrl: 'x' }])).status).toBe(400);
      await post('/rest/batch/people?upsert=true', [{ emails: { primaryEmail: 'old@b.example' } }]);
      const mixed = await post('/rest/batch/people?upsert=true', [{ emails: { primaryEmail: 'new@b.example' } }, { emails: { primaryEmail: 'old@b.example' } }]);
      expect(mixed.body.data.createPeople.map((p: { emails: { primaryEmail: string } }) => p.emails.primaryEmail)).toEqual(['old@b.example', 'new@b.example']);
      expect(fake.violations).toHaveLength(3);
    } finally {
      await fake.server.close();
    }
  });
});

describe('Twenty: erasing a person (issue 15 item 5)', () => {
  let fake: TwentyFake | undefined;
  afterEach(async () => {
    await fake?.server.close();
    expect(fake?.violations ?? []).toEqual([]);
    fake = undefined;
  });

  async function pushed(people = 10) {
    const clock = virtualClock();
    fake = await new TwentyFake(clock).start();
    const db = freshDb();
    const conn = connection('twenty', fake.server.url, 'twenty-good', STAGE_MAP);
    const data = makeData(people, 3);
    await seedAndConnect(db, data, conn);
    expect((await runWithRestarts(db, () => conn, clock)).result.state).toBe('idle');
    return { clock, conn, db, data };
  }
  const get = (path: string) => fetch(fake!.server.url + path, { headers: { authorization: 'Bearer twenty-good' } }).then((r) => r.status);

  it('destroys the note targets, notes, opportunity and person for good (no soft delete), through faults and restarts', async () => {
    const { clock, conn, db, data } = await pushed();
    const victims = [data.prospects[1]!, data.prospects[9]!];
    const persons = new Map(await Promise.all(victims.map(async (p) => [p.id, (await db.syncLinks.get(`${conn.id}|prospect|${p.id}`))!.remote.person!] as const)));
    const reports = await eraseAndCheck(db, conn, victims);
    expect(reports.get(victims[0]!.id)!.crm!.queued).toHaveLength(5);
    fake!.server.faults.rate = 0.25;
    fake!.server.faults.kinds.push('500', 'reset', 'reset-after-commit', 'timeout', 'malformed', 'burst429');
    const run = await runWithRestarts(db, () => conn, clock, { seed: 4, killAfterRequests: [1, 4] });
    expect(run.result.state).toBe('idle');
    expect(await db.outbox.count()).toBe(0);
    fake!.server.faults.rate = 0; // the checks below read the fake without faults
    for (const p of victims) {
      const person = persons.get(p.id)!;
      expect(fake!.records.people!.has(person)).toBe(false);
      expect(await get(`/rest/people/${person}`)).toBe(404);
      expect(fake!.records.opportunities!.has(p.id)).toBe(false);
      for (const t of data.touches.filter((t) => t.prospectId === p.id)) expect(fake!.records.notes!.has(t.id)).toBe(false);
      expect([...fake!.records.noteTargets!.values()].filter((n) => n.personId === person)).toEqual([]);
      expect(fake!.destroyed.filter((d) => d === `people/${person}`)).toHaveLength(1);
    }
    expect(fake!.records.people!.size).toBe(8);
    expect(fake!.records.notes!.size).toBe(24);
  });

  it('a 429 or 500 on a delete is retried; 404 counts as done', async () => {
    const { clock, conn, db, data } = await pushed(2);
    const [a, b] = data.prospects;
    await eraseAndCheck(db, conn, [a!]);
    fake!.server.failNext((m) => m === 'DELETE', 'burst429', 1);
    fake!.server.failNext((m) => m === 'DELETE', '500', 2);
    expect((await runWithRestarts(db, () => conn, clock)).result.state).toBe('idle');
    expect(fake!.server.stats.faults).toMatchObject({ burst429: 1, '500': 2 });
    expect(await db.outbox.count()).toBe(0);
    const person = (await db.syncLinks.get(`${conn.id}|prospect|${b!.id}`))!.remote.person!;
    fake!.records.people!.delete(person);
    await eraseAndCheck(db, conn, [b!]);
    expect((await runWithRestarts(db, () => conn, clock)).result.state).toBe('idle');
    expect(await db.outbox.count()).toBe(0);
    expect(fake!.records.people!.size).toBe(0);
    expect(fake!.records.notes!.size).toBe(0);
  });
});
