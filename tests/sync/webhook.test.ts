import { afterEach, describe, expect, it } from 'vitest';
import { virtualClock } from '../../lib/sync/clock';
import { clearStop } from '../../lib/sync/engine';
import { WebhookFake } from './fakes/webhook';
import { connection, freshDb, makeData, runWithRestarts, seedAndConnect } from './harness';

describe('webhook sync', () => {
  let fake: WebhookFake | undefined;
  afterEach(async () => fake?.server.close());

  it('delivers 1,000 prospects and 5,000 touches through faults and restarts: every event applied once', async () => {
    const clock = virtualClock();
    fake = await new WebhookFake().start({ rate: 0.1, kinds: ['500', 'reset', 'reset-after-commit', 'timeout', 'malformed'], seed: 5 });
    const db = freshDb();
    const conn = connection('webhook', fake.url, 'whsec-good');
    const data = makeData(1000, 5);
    await seedAndConnect(db, data, conn);
    const run = await runWithRestarts(db, () => conn, clock, { seed: 9, killAfterRequests: [2, 12] });
    expect(run.killed).toBeGreaterThan(3);
    expect(run.result.state).toBe('idle');
    expect(await db.outbox.count()).toBe(0);
    expect(fake.people.size).toBe(1000);
    expect(fake.touches.size).toBe(5000);
    const twice = [...fake.applied.entries()].filter(([, n]) => n > 1);
    expect(twice).toEqual([]);
    for (const t of data.touches.slice(0, 50)) expect(fake.touches.get(t.id)?.personId).toBe(t.prospectId);
  });

  it('a wrong signing secret stops sync with a clear message; fixing it resumes with nothing lost', async () => {
    const clock = virtualClock();
    fake = await new WebhookFake().start();
    const db = freshDb();
    let conn = connection('webhook', fake.url, 'whsec-wrong');
    const queued = await seedAndConnect(db, makeData(10, 3), conn);
    const stopped = await runWithRestarts(db, () => conn, clock);
    expect(stopped.result.message).toMatch(/webhook refused the request \(HTTP 401\): check the signing secret/);
    expect(await db.outbox.count()).toBe(queued);
    conn = { ...conn, token: 'whsec-good' };
    await clearStop(db);
    expect((await runWithRestarts(db, () => conn, clock)).result.state).toBe('idle');
    expect(fake.people.size).toBe(10);
    expect(fake.touches.size).toBe(30);
  });

  it('410 Gone stops sending', async () => {
    const clock = virtualClock();
    fake = await new WebhookFake().start();
    fake.gone = true;
    const db = freshDb();
    const conn = connection('webhook', fake.url, 'whsec-good');
    await seedAndConnect(db, makeData(3, 1), conn);
    const run = await runWithRestarts(db, () => conn, clock);
    expect(run.result.state).toBe('stopped');
    expect(run.result.message).toMatch(/410 Gone/);
    expect(fake.server.stats.requests).toBe(1);
  });
});
