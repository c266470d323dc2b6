import { afterEach, describe, expect, it } from 'vitest';
import type { DBCore } from 'dexie';
import { openDb, type TouchlineDb } from '@/lib/db/database';
import { DEFAULT_SETTINGS } from '@/lib/settings/settings';
import { emailSourceId } from '@/lib/email/touches';
import { addProspect, findProspect } from '@/lib/store/prospects';
import { logTouch } from '@/lib/store/touches';
import { mergeProspects, undoMerge } from '@/lib/store/merge';
import { completeTask, dueCounts, setNextStep, snoozeTask } from '@/lib/store/tasks';
import { runsOf, startCadence } from '@/lib/store/cadences';
import { setCriterionTick } from '@/lib/store/criteria';
import { allScores } from '@/lib/store/scores';
import { rebuildDueBins } from '@/lib/store/due-bins';
import { onCommitted, write, type Committed } from '@/lib/store/unit-of-work';

const NOW = Date.parse('2026-11-23T10:00:00Z');
const DAY = 86_400_000;
const TZ = 'Europe/Berlin';
const settings = DEFAULT_SETTINGS;
let n = 0;
const opened: TouchlineDb[] = [];

afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await db.delete();
  }
});

/**
 * A database whose writes die after `limit` mutations (rows of any table, side effects included): the
 * IndexedDB request fails as a full disk or a killed worker would make it fail.
 */
function faultyDb() {
  const db = openDb(`uow-${++n}-${Math.random()}`);
  opened.push(db);
  const fault = { limit: Infinity, count: 0 };
  db.use({
    stack: 'dbcore',
    name: 'kill-after-n-mutations',
    create: (down: DBCore): DBCore => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        return {
          ...table,
          mutate: (req) => {
            if (++fault.count >= fault.limit) return Promise.reject(new Error(`killed at mutation ${fault.count}`));
            return table.mutate(req);
          },
        };
      },
    }),
  });
  return { db, fault };
}

/** A CRM is connected (outbox rows are written), and the rep has an email prospect and a LinkedIn one. */
async function seed(db: TouchlineDb) {
  await db.syncMeta.put({ key: 'target', connectionId: 'c1', crm: 'hubspot' });
  const { prospect: email } = await addProspect(db, { name: 'Maria Gomez', emails: ['maria.gomez@acme-robotics.example'], company: 'Acme Robotics' }, settings, NOW);
  const { prospect: linkedin } = await addProspect(
    db,
    { name: 'Maria Gomez', linkedinUrl: 'https://www.linkedin.com/in/maria-gomez', company: 'Acme Robotics' },
    settings,
    NOW,
  );
  await logTouch(db, { prospectId: email.id, channel: 'email', direction: 'outbound', at: NOW - DAY, sourceId: emailSourceId('msg-1', email.id) }, NOW);
  await logTouch(db, { prospectId: linkedin.id, channel: 'linkedin-message', direction: 'outbound', at: NOW - 2 * DAY, sourceId: 'urn:li:msg:1' }, NOW);
  await startCadence(db, { prospectId: email.id, cadenceId: settings.cadences[0]!.id }, settings, { now: NOW, timeZone: TZ });
  await setCriterionTick(db, { prospectId: email.id, stageId: 'prospecting', criterionId: 'fits-icp', ticked: true }, settings, NOW);
  await setNextStep(db, { prospectId: linkedin.id, text: 'Send pricing', due: NOW + DAY }, NOW);
  await dueCounts(db, NOW, TZ); // builds the due-count slots, so later writes must keep them right
  await db.outbox.clear();
  return { email, linkedin };
}

async function snapshot(db: TouchlineDb): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const t of db.tables) out[t.name] = await t.toArray();
  return JSON.parse(JSON.stringify(out, (_k, v) => (ArrayBuffer.isView(v) ? [...(v as Uint8Array)] : v)));
}

/**
 * Runs `change` with the write killed after 1, 2, 3... mutations until it gets through: every killed run
 * leaves the database exactly as it was (nothing half-written, no change without its outbox row).
 */
async function killAtEveryStep(prepare: (db: TouchlineDb) => Promise<() => Promise<unknown>>): Promise<{ db: TouchlineDb; kills: number }> {
  for (let limit = 1; ; limit++) {
    const { db, fault } = faultyDb();
    const change = await prepare(db);
    const before = await snapshot(db);
    fault.count = 0;
    fault.limit = limit;
    try {
      await change();
    } catch (err) {
      expect(String(err)).toMatch(/killed at mutation/);
      fault.limit = Infinity;
      expect(await snapshot(db)).toEqual(before);
      db.close();
      continue;
    }
    fault.limit = Infinity;
    return { db, kills: limit - 1 };
  }
}

/** The badge's slot counts, kept by the writes, equal a count made from the task index. */
async function expectDueCountsMatchTasks(db: TouchlineDb) {
  for (const at of [NOW, NOW + DAY, NOW + 3 * DAY]) {
    const kept = await dueCounts(db, at, TZ);
    await rebuildDueBins(db);
    expect(await dueCounts(db, at, TZ)).toEqual(kept);
  }
}

const outboxRows = async (db: TouchlineDb) => (await db.outbox.orderBy('seq').toArray()).map((r) => `${r.kind}:${r.refId}`);

// Each case replays the change once per mutation it makes, on a fresh database each time.
describe('unit of work: every change reaches the outbox in the same transaction', () => {
  it('a merge killed at any point leaves both records untouched; when it commits, both ids are queued', async () => {
    let ids!: { email: string; linkedin: string };
    const { db, kills } = await killAtEveryStep(async (db) => {
      const { email, linkedin } = await seed(db);
      ids = { email: email.id, linkedin: linkedin.id };
      return () => mergeProspects(db, linkedin.id, email.id, NOW + 1);
    });
    expect(kills).toBeGreaterThan(5);
    const rows = await outboxRows(db);
    expect(rows).toContain(`prospect:${ids.linkedin}`);
    expect(rows).toContain(`prospect:${ids.email}`);
    expect(await db.prospects.get(ids.email)).toBeUndefined();
  });

  it('an undo killed at any point leaves the merge in place; when it commits, both ids are queued', async () => {
    let ids!: { kept: string; removed: string };
    const { db } = await killAtEveryStep(async (db) => {
      const { email, linkedin } = await seed(db);
      const { merge } = await mergeProspects(db, linkedin.id, email.id, NOW + 1);
      await db.outbox.clear();
      ids = { kept: linkedin.id, removed: email.id };
      return () => undoMerge(db, merge.id, NOW + 2);
    });
    const rows = await outboxRows(db);
    expect(rows).toContain(`prospect:${ids.kept}`);
    expect(rows).toContain(`prospect:${ids.removed}`);
    expect((await db.prospects.get(ids.removed))?.emails).toEqual(['maria.gomez@acme-robotics.example']);
  });

  it('marking a follow-up done, killed at any point, changes nothing; committed, it is queued and leaves the badge', async () => {
    let prospectId = '';
    const { db } = await killAtEveryStep(async (db) => {
      const { linkedin } = await seed(db);
      prospectId = linkedin.id;
      const task = await db.tasks.where('prospectId').equals(linkedin.id).first();
      return () => completeTask(db, task!.id, NOW + 10);
    });
    expect(await outboxRows(db)).toEqual([`prospect:${prospectId}`]);
    expect((await db.prospects.get(prospectId))?.nextStep).toBeUndefined();
    expect(await db.tasks.where('prospectId').equals(prospectId).filter((t) => t.done === 0).count()).toBe(0);
    await expectDueCountsMatchTasks(db);
  });

  it('snoozing, killed at any point, changes nothing; committed, it is queued and the due counts follow', async () => {
    let prospectId = '';
    const { db } = await killAtEveryStep(async (db) => {
      const { linkedin } = await seed(db);
      prospectId = linkedin.id;
      const task = await db.tasks.where('prospectId').equals(linkedin.id).first();
      return () => snoozeTask(db, task!.id, { now: NOW, timeZone: TZ, hour: 9, until: NOW + 3 * DAY });
    });
    expect(await outboxRows(db)).toEqual([`prospect:${prospectId}`]);
    expect((await db.prospects.get(prospectId))?.followUpAt).toBe(NOW + 3 * DAY);
    expect(await db.tasks.where('[done+due]').equals([0, NOW + 3 * DAY]).count()).toBe(1);
    await expectDueCountsMatchTasks(db);
  });
});

describe('merge moves everything that belongs to the person', () => {
  it('cadence runs, ticked criteria and touch keys follow the merge, and come back on undo', async () => {
    const { db } = faultyDb();
    const { email, linkedin } = await seed(db);
    const { merge } = await mergeProspects(db, linkedin.id, email.id, NOW + 1);
    expect((await runsOf(db, linkedin.id)).map((r) => r.cadenceId)).toEqual([settings.cadences[0]!.id]);
    expect(await db.criteriaTicks.where('prospectId').equals(linkedin.id).count()).toBe(1);
    expect(await db.criteriaTicks.where('prospectId').equals(email.id).count()).toBe(0);
    // The thread is open again in Gmail, now under the merged record: nothing new is stored.
    const again = await logTouch(db, { prospectId: linkedin.id, channel: 'email', direction: 'outbound', at: NOW - DAY, sourceId: emailSourceId('msg-1', linkedin.id) }, NOW + 2);
    expect(again.created).toBe(false);
    expect(await db.touches.count()).toBe(2);
    expect((await db.engagement.get(linkedin.id))?.touches).toBe(2);

    await undoMerge(db, merge.id, NOW + 3);
    expect((await runsOf(db, email.id)).length).toBe(1);
    expect(await db.criteriaTicks.where('prospectId').equals(email.id).count()).toBe(1);
    expect(await db.criteriaTicks.where('prospectId').equals(linkedin.id).count()).toBe(0);
    const emailTouch = await db.touches.where('prospectId').equals(email.id).first();
    expect(emailTouch?.sourceId).toBe(emailSourceId('msg-1', email.id));
    expect((await db.engagement.get(email.id))?.touches).toBe(1);
    expect((await db.engagement.get(linkedin.id))?.touches).toBe(1);
  });

  it('the same message logged for both records before the merge is kept once, and back for both after undo', async () => {
    const { db } = faultyDb();
    const { email, linkedin } = await seed(db);
    await logTouch(db, { prospectId: linkedin.id, channel: 'email', direction: 'outbound', at: NOW - DAY, sourceId: emailSourceId('msg-1', linkedin.id) }, NOW);
    const { merge } = await mergeProspects(db, linkedin.id, email.id, NOW + 1);
    expect(await db.touches.where('prospectId').equals(linkedin.id).count()).toBe(2); // the LinkedIn message + msg-1 once
    await undoMerge(db, merge.id, NOW + 2);
    expect(await db.touches.where('prospectId').equals(email.id).count()).toBe(1);
    expect(await db.touches.where('prospectId').equals(linkedin.id).count()).toBe(2);
  });
  it('member URNs follow the merge: the messaging thread that names her only by URN finds the merged record and logs nothing new', async () => {
    const { db } = faultyDb();
    await seed(db);
    // Ana met on her profile (vanity URL, member id) and in a LinkedIn message thread (her fsd_profile URN).
    const urn = 'urn:li:fsd_profile:ACoAAdemoAna';
    const { prospect: ana } = await addProspect(
      db,
      { name: 'Ana Ruiz', linkedinUrl: 'https://www.linkedin.com/in/ana-ruiz', linkedinIds: [urn, 'urn:li:member:4242'] },
      settings,
      NOW,
    );
    const { prospect: anaByEmail } = await addProspect(db, { name: 'Ana Ruiz', emails: ['ana.ruiz@acme-robotics.example'] }, settings, NOW);
    const thread = { channel: 'linkedin-message' as const, direction: 'inbound' as const, at: NOW - DAY, sourceId: 'urn:li:msg:ana-1' };
    await logTouch(db, { ...thread, prospectId: ana.id }, NOW);
    const { merge } = await mergeProspects(db, anaByEmail.id, ana.id, NOW + 1);
    expect((await db.prospects.get(anaByEmail.id))?.linkedinIds).toEqual([urn, 'urn:li:member:4242']);

    // The thread is open again: its participant is known by URN alone, and is the merged record.
    const found = await findProspect(db, { linkedinIds: [urn] });
    expect(found?.id).toBe(anaByEmail.id);
    expect((await findProspect(db, { linkedinIds: ['urn:li:member:4242'] }))?.id).toBe(anaByEmail.id);
    const added = await addProspect(db, { name: 'Ana Ruiz', linkedinUrl: 'https://www.linkedin.com/in/ACoAAdemoAna', linkedinIds: [urn] }, settings, NOW + 2);
    expect(added).toMatchObject({ created: false, prospect: { id: anaByEmail.id } });
    const prospectsBefore = await db.prospects.count();
    const touchesBefore = await db.touches.count();
    expect((await logTouch(db, { ...thread, prospectId: found!.id }, NOW + 2)).created).toBe(false);
    expect(await db.touches.count()).toBe(touchesBefore);
    expect(await db.prospects.count()).toBe(prospectsBefore);

    // Undo: each record has its own ids again.
    await undoMerge(db, merge.id, NOW + 3);
    expect((await db.prospects.get(anaByEmail.id))?.linkedinIds).toBeUndefined();
    expect((await db.prospects.get(ana.id))?.linkedinIds).toEqual([urn, 'urn:li:member:4242']);
    expect((await findProspect(db, { linkedinIds: [urn] }))?.id).toBe(ana.id);
  });
});

describe('the unit of work itself', () => {
  it('announces the prospect ids a commit changed (both records of a merge), and nothing for a failed write', async () => {
    const { db } = faultyDb();
    const { email, linkedin } = await seed(db);
    const heard: Committed[] = [];
    const stop = onCommitted((c) => heard.push(c));
    try {
      await mergeProspects(db, linkedin.id, email.id, NOW + 1);
      await expect(mergeProspects(db, linkedin.id, email.id, NOW + 2)).rejects.toThrow(/no longer exists/);
    } finally {
      stop();
    }
    expect(heard).toHaveLength(1);
    expect([...heard[0]!.prospectIds].sort()).toEqual([email.id, linkedin.id].sort());
    expect(heard[0]!.removedProspectIds).toEqual([email.id]);
  });

  it('scores follow every change without the caller asking: a new prospect is on the board', async () => {
    const { db } = faultyDb();
    const { email, linkedin } = await seed(db);
    const scores = await allScores(db);
    expect(scores.has(email.id) && scores.has(linkedin.id)).toBe(true);
  });

  it('a record written outside a unit of work is refused with a message that says where writes go', async () => {
    const { db } = faultyDb();
    const { email } = await seed(db);
    await expect(db.prospects.update(email.id, { title: 'CTO' })).rejects.toThrow(/outside a unit of work/);
    await expect(db.tasks.add({ id: 't', prospectId: email.id, kind: 'call', title: 'Call', due: NOW, done: 0, createdAt: NOW })).rejects.toThrow(/unit of work/);
    await write(db, () => db.prospects.update(email.id, { title: 'CTO' }));
    expect((await db.outbox.toArray()).map((r) => r.refId)).toEqual([email.id]);
  });
});
