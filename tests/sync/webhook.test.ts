import { afterEach, describe, expect, it } from 'vitest';
import { virtualClock } from '../../lib/sync/clock';
import { clearStop, retryProspect } from '../../lib/sync/engine';
import { eraseAndCheck, eraseRows } from './erase-cases';
import { erasePerson } from '../../lib/data/erase';
import { DEFAULT_SETTINGS } from '../../lib/settings/settings';
import { runSync } from '../../lib/sync/run';
import { WebhookFake } from './fakes/webhook';
import { connection, freshDb, makeData, runWithRestarts, seedAndConnect, STAGES } from './harness';

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

describe('webhook: erasing a person (issue 15 item 5)', () => {
  let fake: WebhookFake | undefined;
  afterEach(async () => fake?.server.close());

  it('sends one signed prospect.erased event with the Touchline and CRM ids; through faults and restarts it is applied once', async () => {
    const clock = virtualClock();
    fake = await new WebhookFake().start();
    const db = freshDb();
    const conn = connection('webhook', fake.url, 'whsec-good');
    const data = makeData(30, 3);
    await seedAndConnect(db, data, conn);
    await runWithRestarts(db, () => conn, clock);
    const victims = [data.prospects[3]!, data.prospects[9]!];
    const reports = await eraseAndCheck(db, conn, victims);
    expect(reports.get(victims[0]!.id)!.crm).toMatchObject({ crm: 'webhook', byHand: [], inFlight: false });
    expect(reports.get(victims[0]!.id)!.crm!.queued).toHaveLength(4);

    fake.server.faults.rate = 0.3;
    fake.server.faults.kinds.push('500', 'reset', 'reset-after-commit', 'timeout', 'malformed');
    const run = await runWithRestarts(db, () => conn, clock, { seed: 3, killAfterRequests: [1, 2] });
    expect(run.result.state).toBe('idle');
    expect(await db.outbox.count()).toBe(0);
    for (const p of victims) {
      expect(fake.people.has(p.id)).toBe(false);
      expect([...fake.touches.values()].filter((t) => t.personId === p.id)).toEqual([]);
      expect(fake.applied.get(`erased:${p.id}`)).toBe(1);
    }
    expect(fake.erased.map((e) => Object.keys(e).sort())).toEqual([['id', 'ids', 'type'], ['id', 'ids', 'type']]);
    expect(fake.people.size).toBe(28);
  });

  it('a 500 or 429 on the erase is retried; a refusal keeps the erase waiting with the reason', async () => {
    const clock = virtualClock();
    fake = await new WebhookFake().start();
    const db = freshDb();
    const conn = connection('webhook', fake.url, 'whsec-good');
    const data = makeData(5, 1);
    await seedAndConnect(db, data, conn);
    await runWithRestarts(db, () => conn, clock);
    await eraseAndCheck(db, conn, [data.prospects[0]!]);
    fake.server.failNext(() => true, '500', 2);
    expect((await runWithRestarts(db, () => conn, clock)).result.state).toBe('idle');
    expect(fake.applied.get(`erased:${data.prospects[0]!.id}`)).toBe(1);

    await eraseAndCheck(db, conn, [data.prospects[1]!]);
    fake.refuse = { status: 400, body: { error: 'unknown event type prospect.erased' } };
    expect((await runWithRestarts(db, () => conn, clock)).result.state).toBe('idle');
    const [waiting] = await eraseRows(db);
    expect(waiting!.failed?.reason).toBe('The webhook refused the batch (HTTP 400: unknown event type prospect.erased).');
    fake.refuse = undefined;
    await retryProspect(db, data.prospects[1]!.id);
    expect((await runWithRestarts(db, () => conn, clock)).result.state).toBe('idle');
    expect(await db.outbox.count()).toBe(0);
    expect(fake.people.has(data.prospects[1]!.id)).toBe(false);
  });
});

describe('webhook: a person erased while their batch is on the wire, the answer lost', () => {
  let fake: WebhookFake | undefined;
  afterEach(async () => fake?.server.close());

  it('the receiver applied the batch, the run died before the answer: the erase still names their ids, and they are deleted', async () => {
    const clock = virtualClock();
    fake = await new WebhookFake().start();
    const db = freshDb();
    const conn = connection('webhook', fake.url, 'whsec-good');
    const data = makeData(4, 2);
    await seedAndConnect(db, data, conn);
    const victim = data.prospects[2]!;
    const stop = new AbortController();
    let report: Awaited<ReturnType<typeof erasePerson>> | undefined;
    const dying = async (url: string, init: RequestInit) => {
      await fetch(url, init);
      report = await erasePerson(db, victim.id, { settings: DEFAULT_SETTINGS, neverCapture: false });
      stop.abort();
      throw new DOMException('The run was killed.', 'AbortError');
    };
    await runSync(db, conn, STAGES, { fetch: dying, clock, signal: stop.signal });
    expect(report!.crm).toMatchObject({ inFlight: true });
    expect(fake.people.has(victim.id)).toBe(true);
    expect((await runWithRestarts(db, () => conn, clock)).result.state).toBe('idle');
    expect(fake.people.has(victim.id)).toBe(false);
    expect([...fake.touches.values()].filter((t) => t.personId === victim.id)).toEqual([]);
    expect(fake.people.size).toBe(3);
    expect(fake.touches.size).toBe(6);
  });
});
