import { afterEach, describe, expect, it } from 'vitest';
import { virtualClock } from '../../lib/sync/clock';
import { clearStop } from '../../lib/sync/engine';
import { PipedriveFake } from './fakes/pipedrive';
import { connection, freshDb, makeData, runWithRestarts, seedAndConnect, STAGES } from './harness';

const STAGE_MAP = Object.fromEntries(STAGES.map((s, i) => [s.id, String(Math.min(i + 1, 5))]));

describe('Pipedrive sync', () => {
  let fake: PipedriveFake | undefined;
  afterEach(async () => fake?.server.close());

  it('pushes 1,000 prospects and 5,000 touches through faults and restarts: no person or activity twice', async () => {
    const clock = virtualClock();
    fake = await new PipedriveFake(clock).start({ rate: 0.03, kinds: ['500', 'reset', 'reset-after-commit', 'timeout', 'malformed', 'burst429'], seed: 21 });
    const db = freshDb();
    const conn = connection('pipedrive', fake.server.url, 'pd-good', STAGE_MAP);
    const data = makeData(1000, 5);
    await seedAndConnect(db, data, conn);
    const run = await runWithRestarts(db, () => conn, clock, { seed: 2, killAfterRequests: [20, 120] });
    expect(run.killed).toBeGreaterThan(3);
    expect(run.result.state).toBe('idle');
    expect(await db.outbox.count()).toBe(0);

    const persons = [...fake.persons.values()];
    expect(persons).toHaveLength(1000);
    const keys = persons.map((p) => (p.emails as Array<{ value: string }>)[0]?.value ?? (p.custom_fields as Record<string, string>).linkedin_url);
    expect(new Set(keys).size).toBe(1000);
    expect(fake.deals.size).toBe(1000);
    const activities = [...fake.activities.values()];
    expect(activities).toHaveLength(5000);
    const marker = (a: Record<string, unknown>) => /\[touchline:([^\]]+)\]/.exec(String(a.note))![1];
    expect(new Set(activities.map(marker)).size).toBe(5000);
    const links = new Map((await db.syncLinks.toArray()).map((l) => [l.key, l.remote]));
    for (const p of data.prospects) {
      const person = Number(links.get(`${conn.id}|prospect|${p.id}`)!.person);
      const mine = data.touches.filter((t) => t.prospectId === p.id).map((t) => t.id).sort();
      expect(activities.filter((a) => a.person_id === person).map(marker).sort()).toEqual(mine);
    }
    // Page text is escaped: Pipedrive renders activity notes as HTML.
    expect(String(activities[0]!.note)).toContain('&lt;b&gt;');
  }, 180_000);

  it('dedupes against a person already in Pipedrive (search, then update, never create)', async () => {
    const clock = virtualClock();
    fake = await new PipedriveFake(clock).start();
    const db = freshDb();
    const data = makeData(3, 1, { allEmail: true });
    fake.persons.set(999, { id: 999, name: 'Already There', emails: [{ value: data.prospects[1]!.emails[0]!, primary: true }] });
    const conn = connection('pipedrive', fake.server.url, 'pd-good', STAGE_MAP);
    await seedAndConnect(db, data, conn);
    await runWithRestarts(db, () => conn, clock);
    expect(fake.persons.size).toBe(3);
    expect(fake.persons.get(999)!.name).toBe(data.prospects[1]!.name);
  });

  it('a bad token stops sync with a clear message; fixing it resumes', async () => {
    const clock = virtualClock();
    fake = await new PipedriveFake(clock).start();
    const db = freshDb();
    let conn = connection('pipedrive', fake.server.url, 'pd-bad', STAGE_MAP);
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
});
