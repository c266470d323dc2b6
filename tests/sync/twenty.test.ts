import { afterEach, describe, expect, it } from 'vitest';
import { virtualClock } from '../../lib/sync/clock';
import { clearStop } from '../../lib/sync/engine';
import { TWENTY_STAGES } from '../../lib/sync/adapters/twenty';
import { TwentyFake } from './fakes/twenty';
import { connection, freshDb, makeData, runWithRestarts, seedAndConnect, STAGES } from './harness';

const STAGE_MAP = Object.fromEntries(STAGES.map((s, i) => [s.id, TWENTY_STAGES[Math.min(i, 4)]!.id]));

describe('Twenty sync', () => {
  let fake: TwentyFake | undefined;
  afterEach(async () => fake?.server.close());

  it('pushes 1,000 prospects and 5,000 touches through faults and restarts: each person once with all their notes', async () => {
    const clock = virtualClock();
    fake = await new TwentyFake(clock).start({ rate: 0.08, kinds: ['500', 'reset', 'reset-after-commit', 'timeout', 'malformed', 'burst429'], seed: 8 });
    const db = freshDb();
    const conn = connection('twenty', fake.server.url, 'twenty-good', STAGE_MAP);
    const data = makeData(1000, 5);
    await seedAndConnect(db, data, conn);
    const run = await runWithRestarts(db, () => conn, clock, { seed: 6, killAfterRequests: [5, 40] });
    expect(run.killed).toBeGreaterThan(3);
    expect(run.result.state).toBe('idle');
    expect(await db.outbox.count()).toBe(0);
    const people = fake.records.people!;
    expect(people.size).toBe(1000);
    expect(fake.records.notes!.size).toBe(5000);
    expect(fake.records.opportunities!.size).toBe(1000);
    const targets = [...fake.records.noteTargets!.values()];
    expect(targets).toHaveLength(5000);
    const links = new Map((await db.syncLinks.toArray()).map((l) => [l.key, l.remote]));
    for (const p of data.prospects) {
      const person = links.get(`${conn.id}|prospect|${p.id}`)!.person!;
      const mine = data.touches.filter((t) => t.prospectId === p.id).map((t) => t.id).sort();
      expect(targets.filter((t) => t.personId === person).map((t) => t.noteId).sort()).toEqual(mine);
      expect(fake.records.opportunities!.get(p.id)!.stage).toBe(STAGE_MAP[p.stageId]);
    }
  }, 120_000);

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
