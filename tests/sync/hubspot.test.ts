import { afterEach, describe, expect, it } from 'vitest';
import { virtualClock } from '../../lib/sync/clock';
import { clearStop } from '../../lib/sync/engine';
import { moveStage } from '../../lib/store/stages';
import { logTouch } from '../../lib/store/touches';
import { DEFAULT_SETTINGS } from '../../lib/settings/settings';
import { HubSpotFake, PIPELINE } from './fakes/hubspot';
import { connection, freshDb, makeData, runWithRestarts, seedAndConnect, STAGES } from './harness';

const STAGE_MAP = Object.fromEntries(STAGES.map((s, i) => [s.id, PIPELINE.stages[Math.min(i, PIPELINE.stages.length - 1)]!.id]));

describe('HubSpot sync', () => {
  let fake: HubSpotFake | undefined;
  afterEach(async () => fake?.server.close());

  it('pushes 1,000 prospects and 5,000 touches through faults and restarts: each person once, every touch once, outbox empty', async () => {
    const clock = virtualClock();
    fake = await new HubSpotFake(clock).start({ rate: 0.08, kinds: ['500', 'reset', 'reset-after-commit', 'timeout', 'malformed', 'burst429'], seed: 11 });
    const db = freshDb();
    const conn = connection('hubspot', fake.server.url, 'pat-good', STAGE_MAP);
    const data = makeData(1000, 4);
    await seedAndConnect(db, data, conn);

    // 4,000 touches queued at connect; changes keep coming while the engine runs: 1,000 more touches and 200 stage moves, through the store.
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
    expect(Object.values(fake.server.stats.faults).reduce((a, b) => a + b, 0)).toBeGreaterThan(20);

    const contacts = [...fake.objects.contacts!.values()];
    expect(contacts).toHaveLength(1000);
    const byEmail = new Set(contacts.map((c) => c.properties.email).filter(Boolean));
    const byLinkedin = new Set(contacts.filter((c) => !c.properties.email).map((c) => c.properties.hs_linkedin_url));
    expect(byEmail.size + byLinkedin.size).toBe(1000);

    const activities = fake.activitiesByContact();
    const local = await db.prospects.toArray();
    const links = new Map((await db.syncLinks.toArray()).map((l) => [l.key, l.remote]));
    for (const p of local) {
      const remote = links.get(`${conn.id}|prospect|${p.id}`)!;
      expect(remote.contact).toBeTruthy();
      const mine = (await db.touches.where('prospectId').equals(p.id).toArray()).map((t) => t.id).sort();
      expect(activities.get(remote.contact!)?.slice().sort()).toEqual(mine);
      // Stage changes arrive in order: the CRM deal ends in the prospect's current stage.
      expect(fake.objects.deals!.get(remote.deal!)!.properties.dealstage).toBe(STAGE_MAP[p.stageId]);
    }
    const allActivities = [...fake.objects.notes!.values(), ...fake.objects.emails!.values(), ...fake.objects.calls!.values()];
    expect(allActivities).toHaveLength(5000);
    expect(new Set(allActivities.map((a) => a.properties.touchline_id)).size).toBe(5000);
  }, 120_000);

  it('a bad token stops sync with a clear message and loses nothing; fixing it resumes', async () => {
    const clock = virtualClock();
    fake = await new HubSpotFake(clock).start();
    fake.token = 'pat-rotated';
    const db = freshDb();
    let conn = connection('hubspot', fake.server.url, 'pat-old', STAGE_MAP);
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
    expect(fake.objects.notes!.size + fake.objects.emails!.size + fake.objects.calls!.size).toBe(60);
  });

  it('keeps under the 10-second window without earning a 429 when nothing else uses the token', async () => {
    const clock = virtualClock();
    fake = await new HubSpotFake(clock, { max: 10 }).start();
    const db = freshDb();
    const conn = connection('hubspot', fake.server.url, 'pat-good', STAGE_MAP);
    await seedAndConnect(db, makeData(300, 3, { allEmail: true }), conn);
    const started = clock.now();
    const run = await runWithRestarts(db, () => conn, clock);
    expect(run.result.state).toBe('idle');
    expect(fake.rejected429).toBe(0);
    // More requests than one window holds, so the engine really waited for the window to move.
    expect(fake.server.stats.requests).toBeGreaterThan(10);
    expect(clock.now() - started).toBeGreaterThanOrEqual(Math.floor((fake.server.stats.requests - 1) / 10) * 10_000);
  });

  it('a record HubSpot refuses waits with HubSpot\u2019s reason and does not block the others', async () => {
    const clock = virtualClock();
    fake = await new HubSpotFake(clock).start();
    const db = freshDb();
    const conn = connection('hubspot', fake.server.url, 'pat-good', STAGE_MAP);
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
});
