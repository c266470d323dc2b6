import { afterEach, describe, expect, it, vi } from 'vitest';
import { virtualClock, type Clock } from '../../lib/sync/clock';
import type { Connection } from '../../lib/sync/connection';
import { exchangeCode, pkcePair } from '../../lib/sync/oauth';
import { runSetup, runSync } from '../../lib/sync/run';
import { fakeBrowser } from 'wxt/testing';
import { kickSync } from '../../lib/sync/background';
import { readConnection, writeConnection } from '../../lib/sync/connection-store';
import { logTouch } from '../../lib/store/touches';
import { LEAD_STATUSES, OPPORTUNITY_STAGES, SalesforceFake } from './fakes/salesforce';
import { personKey, trickyData } from './cases';
import type { Prospect } from '../../lib/model';
import { eraseAndCheck, eraseRows } from './erase-cases';
import { erasePerson } from '../../lib/data/erase';
import { DEFAULT_SETTINGS } from '../../lib/settings/settings';
import { connection, freshDb, makeData, runWithRestarts, seedAndConnect, STAGES } from './harness';

const STAGE_MAP = Object.fromEntries(STAGES.map((s, i) => [s.id, OPPORTUNITY_STAGES[Math.min(i, OPPORTUNITY_STAGES.length - 1)]!]));

function sfConnection(fake: SalesforceFake, people: 'Lead' | 'Contact' = 'Contact', stageMap = STAGE_MAP): Connection {
  const token = JSON.stringify({ access_token: fake.accessToken, refresh_token: fake.refreshToken, client_id: fake.clientId, login_url: fake.url });
  return { ...connection('salesforce', fake.url, token, stageMap), options: { salesforcePeople: people } };
}
const connected = (fake: SalesforceFake, clock: Clock, people: 'Lead' | 'Contact' = 'Contact', stageMap = STAGE_MAP) => runSetup(sfConnection(fake, people, stageMap), { fetch, clock });

describe('Salesforce sync', () => {
  let fake: SalesforceFake | undefined;
  afterEach(async () => {
    await fake?.server.close();
    expect(fake?.violations ?? []).toEqual([]);
    fake = undefined;
  });

  it('setup creates the external-ID field on each object it writes, or says what the admin must do', async () => {
    const clock = virtualClock();
    fake = await new SalesforceFake(clock).start();
    const conn = await connected(fake, clock);
    expect(conn.setup!.created).toEqual(['Account', 'Contact', 'Opportunity', 'Task'].map((o) => `Salesforce ${o} field Touchline_Id__c (Text 64, External ID, Unique)`));
    expect((await connected(fake, clock)).setup!.found).toHaveLength(4);

    const locked = await new SalesforceFake(clock).start();
    locked.canCustomize = false;
    const leads = await connected(locked, clock, 'Lead');
    expect(leads.setup!.created).toEqual([]);
    expect(leads.setup!.todo[0]).toMatch(/Ask an admin to add a Text\(64\) field Touchline_Id__c marked External ID and Unique on Lead/);
    await locked.server.close();
  });

  it('pushes 1,000 prospects and 5,000 touches as Contacts, Opportunities and Tasks through faults and restarts: one record each, each task on the right person', async () => {
    const clock = virtualClock();
    fake = await new SalesforceFake(clock).start({ rate: 0.05, kinds: ['500', 'reset', 'reset-after-commit', 'timeout', 'malformed'], seed: 31 });
    const conn = await connected(fake, clock);
    const db = freshDb();
    const data = trickyData(1000, 5);
    for (const p of data.existing) fake.records.Contact!.set(`003EXIST${p.id.slice(0, 10)}`, { Id: `003EXIST${p.id.slice(0, 10)}`, LastName: 'Old', Email: p.emails[0]!.toUpperCase() });
    await seedAndConnect(db, data, conn);
    const run = await runWithRestarts(db, () => conn, clock, { seed: 12, killAfterRequests: [3, 30] });
    expect(run.killed).toBeGreaterThan(3);
    expect(run.result.state).toBe('idle');
    expect(await db.outbox.count()).toBe(0);

    const contacts = [...fake.records.Contact!.values()];
    expect(contacts).toHaveLength(new Set(data.prospects.map(personKey)).size);
    const links = new Map((await db.syncLinks.toArray()).map((l) => [l.key, l.remote]));
    const remoteOf = (id: string) => links.get(`${conn.id}|prospect|${id}`)!;
    expect(remoteOf(data.twin.id).person).toBe(remoteOf(data.twinOf.id).person);
    for (const p of data.existing) expect(remoteOf(p.id).person).toBe(`003EXIST${p.id.slice(0, 10)}`);
    expect(fake.records.Opportunity!.size).toBe(data.prospects.length);
    expect(fake.records.OpportunityContactRole!.size).toBe(data.prospects.length);
    for (const p of data.prospects) expect(fake.records.Opportunity!.get(remoteOf(p.id).opportunity!)!.StageName).toBe(STAGE_MAP[p.stageId]);
    const tasks = [...fake.records.Task!.values()];
    expect(tasks).toHaveLength(data.touches.length);
    const taskOf = new Map(tasks.map((t) => [t.Touchline_Id__c, t]));
    for (const t of data.touches) expect(taskOf.get(t.id)!.WhoId).toBe(remoteOf(t.prospectId).person);
    // Calls went to Salesforce as few collection calls: 200 records each.
    expect(fake.used).toBeLessThan(data.touches.length / 20);
  });

  it('Leads mode writes Leads with their status from the stage map, and Tasks on them', async () => {
    const clock = virtualClock();
    fake = await new SalesforceFake(clock).start();
    const leadMap = Object.fromEntries(STAGES.map((s, i) => [s.id, LEAD_STATUSES[Math.min(i, 1)]!]));
    const conn = await connected(fake, clock, 'Lead', leadMap);
    const db = freshDb();
    const data = makeData(50, 2);
    await seedAndConnect(db, data, conn);
    expect((await runWithRestarts(db, () => conn, clock)).result.state).toBe('idle');
    expect(fake.records.Lead!.size).toBe(50);
    expect(fake.records.Contact!.size).toBe(0);
    expect(fake.records.Task!.size).toBe(100);
    expect([...fake.records.Lead!.values()].every((l) => l.Company && LEAD_STATUSES.includes(String(l.Status)))).toBe(true);
  });

  it('an expired session is refreshed with the refresh token, without a client secret, and sync goes on', async () => {
    const clock = virtualClock();
    fake = await new SalesforceFake(clock).start();
    const conn = await connected(fake, clock);
    fake.accessToken = 'sf-session-rotated';
    const db = freshDb();
    await seedAndConnect(db, makeData(20, 1), conn);
    expect((await runWithRestarts(db, () => conn, clock)).result.state).toBe('idle');
    expect(fake.records.Contact!.size).toBe(20);
  });

  it('a refreshed access token is saved: the next run, in a new service worker, uses it instead of refreshing again', async () => {
    const clock = virtualClock();
    fake = await new SalesforceFake(clock).start();
    const conn = await connected(fake, clock);
    fake.accessToken = 'sf-session-expired-meanwhile';
    const db = freshDb();
    const data = makeData(20, 1);
    await seedAndConnect(db, data, conn);
    let stored = conn.token;
    const opts = { fetch, clock, saveToken: async (token: string) => void (stored = token) };
    expect((await runSync(db, { ...conn, token: stored }, STAGES, opts)).state).toBe('idle');
    expect(fake.refreshes).toBe(1);
    expect(JSON.parse(stored)).toEqual({ ...JSON.parse(conn.token), access_token: fake.accessToken });
    await logTouch(db, { prospectId: data.prospects[0]!.id, channel: 'note', direction: 'internal', at: clock.now(), summary: 'After the restart' });
    expect((await runSync(db, { ...conn, token: stored }, STAGES, opts)).state).toBe('idle');
    expect(fake.refreshes).toBe(1);
    expect(fake.records.Task!.size).toBe(21);
  });

  it('the background stores the refreshed token with the connection, so its next start does not refresh', async () => {
    const clock = virtualClock();
    fake = await new SalesforceFake(clock).start();
    const conn = await connected(fake, clock);
    const db = freshDb();
    const data = makeData(5, 1);
    await seedAndConnect(db, data, conn);
    await writeConnection(db, conn);
    // The rep granted the org and the sign-in host when connecting (the background checks before every send).
    const granted = vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(true);
    fake.accessToken = 'sf-session-expired-meanwhile';
    await kickSync(db, () => undefined);
    expect(await db.outbox.count()).toBe(0);
    expect(fake.refreshes).toBe(1);
    const saved = (await readConnection(db))!;
    expect(JSON.parse(saved.token).access_token).toBe(fake.accessToken);
    expect({ ...saved, token: conn.token }).toEqual(conn);
    await logTouch(db, { prospectId: data.prospects[0]!.id, channel: 'note', direction: 'internal', at: clock.now(), summary: 'Next start' });
    await kickSync(db, () => undefined);
    expect(await db.outbox.count()).toBe(0);
    expect(fake.refreshes).toBe(1);
    expect(granted).toHaveBeenCalled();
    granted.mockRestore();
  });

  it('REQUEST_LIMIT_EXCEEDED makes sync wait, not retry, and nothing is refused', async () => {
    const clock = virtualClock();
    fake = await new SalesforceFake(clock).start();
    const conn = await connected(fake, clock);
    fake.allowance = fake.used + 3;
    const db = freshDb();
    await seedAndConnect(db, makeData(300, 1), conn);
    await runWithRestarts(db, () => conn, clock, { maxRuns: 2 }).catch(() => undefined);
    const status = (await db.syncMeta.get('status')) as { state: string; message?: string };
    expect(status.state).toBe('waiting');
    expect(status.message).toMatch(/daily API allowance/);
    expect(await db.outbox.filter((r) => !!r.failed).count()).toBe(0);
  });
});

describe('Salesforce sign-in and the fake\u2019s rules', () => {
  it('exchanges the code only with the PKCE verifier that made the challenge', async () => {
    const clock = virtualClock();
    const fake = await new SalesforceFake(clock).start();
    try {
      const { verifier, challenge } = await pkcePair();
      const code = fake.authorize(challenge);
      await expect(exchangeCode(fetch, fake.url, fake.clientId, 'https://ext.chromiumapp.org/', code, 'not-the-verifier-'.repeat(3))).rejects.toThrow(/invalid code verifier/);
      const code2 = fake.authorize(challenge);
      const { token, instanceUrl } = await exchangeCode(fetch, fake.url, fake.clientId, 'https://ext.chromiumapp.org/', code2, verifier);
      expect(token.access_token).toBe(fake.accessToken);
      expect(token.refresh_token).toBe(fake.refreshToken);
      expect(instanceUrl).toBe(fake.url);
    } finally {
      await fake.server.close();
    }
  });

  it('refuses what Salesforce refuses: upsert by a field that is not an External ID, 201 records, an unknown field, one external ID twice', async () => {
    const clock = virtualClock();
    const fake = await new SalesforceFake(clock).start();
    const send = (method: string, path: string, body: unknown) =>
      fetch(`${fake.url}/services/data/v62.0${path}`, { method, headers: { authorization: `Bearer ${fake.accessToken}`, 'content-type': 'application/json' }, body: JSON.stringify(body) }).then(async (r) => ({ status: r.status, body: await r.json() }));
    try {
      const rec = (i: number) => ({ attributes: { type: 'Contact' }, Email: `p${i}@x.example`, LastName: `P${i}` });
      expect((await send('PATCH', '/composite/sobjects/Contact/Email', { allOrNone: false, records: [rec(1)] })).status).toBe(400);
      await send('POST', '/tooling/sobjects/CustomField', { FullName: 'Contact.Touchline_Id__c', Metadata: { label: 'T', type: 'Text', length: 64, externalId: true, unique: true } });
      expect((await send('POST', '/composite/sobjects', { records: Array.from({ length: 201 }, (_, i) => rec(i)) })).status).toBe(400);
      const unknown = await send('POST', '/composite/sobjects', { records: [{ ...rec(1), Linkedin__c: 'x' }] });
      expect(unknown.body[0].errors[0].errorCode).toBe('INVALID_FIELD');
      const twice = await send('PATCH', '/composite/sobjects/Contact/Touchline_Id__c', { records: [1, 2].map((i) => ({ ...rec(i), Touchline_Id__c: 'same' })) });
      expect(twice.body.map((r: { errors: Array<{ errorCode: string }> }) => r.errors[0]?.errorCode)).toEqual(['DUPLICATE_VALUE', 'DUPLICATE_VALUE']);
      expect(fake.violations).toHaveLength(4);
    } finally {
      await fake.server.close();
    }
  });
});

describe('Salesforce: erasing a person (issue 15 item 5)', () => {
  let fake: SalesforceFake | undefined;
  afterEach(async () => {
    await fake?.server.close();
    expect(fake?.violations ?? []).toEqual([]);
    fake = undefined;
  });

  async function pushed(clock: Clock, people: 'Lead' | 'Contact', n = 10) {
    fake = await new SalesforceFake(clock).start();
    const leadMap = Object.fromEntries(STAGES.map((s, i) => [s.id, LEAD_STATUSES[Math.min(i, 1)]!]));
    const conn = await connected(fake, clock, people, people === 'Lead' ? leadMap : STAGE_MAP);
    const db = freshDb();
    const data = makeData(n, 3, { allEmail: true });
    await seedAndConnect(db, data, conn);
    expect((await runWithRestarts(db, () => conn, clock)).result.state).toBe('idle');
    return { conn, db, data };
  }
  const get = (path: string) => fetch(`${fake!.url}/services/data/v62.0${path}`, { headers: { authorization: `Bearer ${fake!.accessToken}` } }).then((r) => r.status);

  it('deletes tasks, contact role, opportunity and contact in one sObject Collections DELETE, through faults and restarts', async () => {
    const clock = virtualClock();
    const { conn, db, data } = await pushed(clock, 'Contact');
    const victims = [data.prospects[0]!, data.prospects[6]!];
    const links = new Map(await Promise.all(victims.map(async (p) => [p.id, (await db.syncLinks.where('prospectId').equals(p.id).toArray()).map((l) => l.remote)] as const)));
    const reports = await eraseAndCheck(db, conn, victims);
    expect(reports.get(victims[0]!.id)!.crm!.queued).toHaveLength(6);
    fake!.server.faults.rate = 0.3;
    fake!.server.faults.kinds.push('500', 'reset', 'reset-after-commit', 'timeout', 'malformed');
    const run = await runWithRestarts(db, () => conn, clock, { seed: 3, killAfterRequests: [1, 2] });
    expect(run.result.state).toBe('idle');
    expect(await db.outbox.count()).toBe(0);
    fake!.server.faults.rate = 0; // the checks below read the fake without faults
    for (const p of victims) {
      const remotes = links.get(p.id)!;
      const person = remotes.find((r) => r.person)!;
      expect(await get(`/sobjects/Contact/${person.person}`)).toBe(404);
      for (const [type, id] of [['Opportunity', person.opportunity], ['OpportunityContactRole', person.role]] as const) expect(fake!.records[type]!.has(id!)).toBe(false);
      for (const r of remotes.filter((x) => x.task)) expect(fake!.records.Task!.has(r.task!)).toBe(false);
      expect(fake!.deleted.filter((id) => id === person.person)).toHaveLength(1);
    }
    expect(fake!.records.Contact!.size).toBe(8);
    expect(fake!.records.Task!.size).toBe(24);
  });

  it('Leads: the lead and its tasks; a 500 is retried; a record deleted already (ENTITY_IS_DELETED) counts as done; another refusal waits with the reason', async () => {
    const clock = virtualClock();
    const { conn, db, data } = await pushed(clock, 'Lead', 3);
    const [a, b, c] = data.prospects as [Prospect, Prospect, Prospect];
    await eraseAndCheck(db, conn, [a]);
    fake!.server.failNext((m) => m === 'DELETE', '500', 2);
    expect((await runWithRestarts(db, () => conn, clock)).result.state).toBe('idle');
    expect(fake!.server.stats.faults).toMatchObject({ '500': 2 });
    expect(await db.outbox.count()).toBe(0);
    expect(fake!.records.Lead!.size).toBe(2);

    const leadOfB = (await db.syncLinks.get(`${conn.id}|prospect|${b.id}`))!.remote.person!;
    fake!.records.Lead!.delete(leadOfB);
    await eraseAndCheck(db, conn, [b]);
    expect((await runWithRestarts(db, () => conn, clock)).result.state).toBe('idle');
    expect(await db.outbox.count()).toBe(0);

    // A validation rule refuses the delete of C's lead: the erase waits with Salesforce's words.
    const leadOfC = (await db.syncLinks.get(`${conn.id}|prospect|${c.id}`))!.remote.person!;
    const original = fake!.handle.bind(fake);
    fake!.handle = (req) => {
      const res = original(req);
      return req.method === 'DELETE' && Array.isArray(res.body)
        ? { ...res, body: (res.body as Array<{ id: string }>).map((r) => (r.id === leadOfC ? { id: r.id, success: false, errors: [{ message: 'Leads under review cannot be deleted', errorCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION', fields: [] }] } : r)) }
        : res;
    };
    await eraseAndCheck(db, conn, [c]);
    expect((await runWithRestarts(db, () => conn, clock)).result.state).toBe('idle');
    const [waiting] = await eraseRows(db);
    expect(waiting!.failed?.reason).toBe(`Salesforce did not delete ${leadOfC} (FIELD_CUSTOM_VALIDATION_EXCEPTION: Leads under review cannot be deleted).`);
  });

  it('a person erased while their batch is on the wire, the answer lost: their contact is found by its external ID and deleted', async () => {
    const clock = virtualClock();
    fake = await new SalesforceFake(clock).start();
    const conn = await connected(fake, clock, 'Contact');
    const db = freshDb();
    const data = makeData(4, 2, { allEmail: true });
    await seedAndConnect(db, data, conn);
    const victim = data.prospects[1]!;
    const stop = new AbortController();
    let report: Awaited<ReturnType<typeof erasePerson>> | undefined;
    // Salesforce applies the upsert of the people; the run dies before the answer, the erase lands meanwhile.
    const dying = async (url: string, init: RequestInit) => {
      const res = await fetch(url, init);
      if (report || !String(init.body ?? '').includes(victim.id)) return res;
      report = await erasePerson(db, victim.id, { settings: DEFAULT_SETTINGS, neverCapture: false });
      stop.abort();
      throw new DOMException('The run was killed.', 'AbortError');
    };
    await runSync(db, conn, STAGES, { fetch: dying, clock, signal: stop.signal });
    expect(report!.crm).toMatchObject({ inFlight: true });
    expect([...fake.records.Contact!.values()].some((c) => c.Touchline_Id__c === victim.id)).toBe(true);
    expect((await runWithRestarts(db, () => conn, clock)).result.state).toBe('idle');
    expect(await db.outbox.count()).toBe(0);
    expect([...fake.records.Contact!.values()].some((c) => c.Touchline_Id__c === victim.id)).toBe(false);
    expect(fake.records.Contact!.size).toBe(3);
    expect([...fake.records.Opportunity!.values()].some((o) => o.Touchline_Id__c === victim.id)).toBe(false);
  });
});
