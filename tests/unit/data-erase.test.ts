import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb, type TouchlineDb } from '@/lib/db/database';
import { DEFAULT_SETTINGS } from '@/lib/settings/settings';
import { addProspect } from '@/lib/store/prospects';
import { moveStage } from '@/lib/store/stages';
import { logTouch } from '@/lib/store/touches';
import { setNextStep } from '@/lib/store/tasks';
import { startCadence } from '@/lib/store/cadences';
import { mergeProspects } from '@/lib/store/merge';
import { rescoreAll, allScores } from '@/lib/store/scores';
import { erasePerson, withNeverCapture } from '@/lib/data/erase';
import { TABLE_NAMES } from '@/lib/data/backup';
import { writeWithoutSideEffects } from '@/lib/store/unit-of-work';

let db: TouchlineDb;
beforeEach(async () => {
  db = openDb(`touchline-erase-${Math.random()}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

const NOW = Date.parse('2026-11-30T10:00:00Z');
const settings = DEFAULT_SETTINGS;
const everything = async () => JSON.stringify(await Promise.all(TABLE_NAMES.map((t) => db.table(t).toArray())), (_k, v) => (ArrayBuffer.isView(v) ? Array.from(v as Uint8Array) : v));

describe('erase a person', () => {
  it('removes the prospect and every row about them, and nothing of anyone else', async () => {
    await db.syncMeta.put({ key: 'target', connectionId: 'conn1', crm: 'hubspot' });
    const { prospect: ana } = await addProspect(db, { name: 'Ana Lima', emails: ['ana@lima.example'] }, settings, NOW);
    const { prospect: anaLi } = await addProspect(db, { name: 'Ana L.', linkedinUrl: 'https://www.linkedin.com/in/ana-lima' }, settings, NOW);
    const { prospect: bo } = await addProspect(db, { name: 'Bo Chen', emails: ['bo@chen.example'] }, settings, NOW);
    await logTouch(db, { prospectId: anaLi.id, channel: 'linkedin-message', direction: 'inbound', at: NOW, sourceId: 'urn:1', summary: 'Hi from Ana' }, NOW);
    await mergeProspects(db, ana.id, anaLi.id, NOW);
    for (const [id, n] of [[ana.id, 3], [bo.id, 2]] as const) {
      for (let i = 0; i < n; i++) await logTouch(db, { prospectId: id, channel: 'email', direction: 'outbound', at: NOW + i, sourceId: `${id}-${i}` }, NOW);
    }
    await moveStage(db, ana.id, 'qualification', settings, 'Asked for pricing', NOW + 5);
    await setNextStep(db, { prospectId: ana.id, text: 'Send the offer', due: NOW + 86_400_000 }, NOW);
    await startCadence(db, { prospectId: ana.id, cadenceId: settings.cadences[0]!.id }, settings, { now: NOW, timeZone: 'UTC' });
    await db.syncLinks.put({ key: `conn1|prospect|${ana.id}`, connectionId: 'conn1', prospectId: ana.id, remote: { contact: '901' } });
    await rescoreAll(db, settings, NOW);
    const boBefore = { row: await db.prospects.get(bo.id), touches: await db.touches.where('prospectId').equals(bo.id).toArray(), score: (await allScores(db)).get(bo.id) };
    expect(await everything()).toContain(ana.id);

    const report = await erasePerson(db, ana.id, { settings, neverCapture: true, now: NOW + 10 });

    // With a CRM connected, one erase row stays: her random Touchline id and the CRM ids, nothing else of her.
    const [erase, ...others] = await db.outbox.filter((r) => r.kind === 'erase').toArray();
    expect(others).toEqual([]);
    expect(erase).toEqual({ seq: erase!.seq, connectionId: 'conn1', kind: 'erase', prospectId: ana.id, refId: ana.id, at: NOW + 10, erase: { records: [{ kind: 'contact', id: '901' }], spare: [] } });
    await db.outbox.delete(erase!.seq!);
    const left = await everything();
    for (const trace of [ana.id, anaLi.id, 'ana@lima.example', 'ana-lima', 'Ana Lima', 'Hi from Ana', 'Asked for pricing', 'Send the offer']) expect(left).not.toContain(trace);
    expect(report).toMatchObject({ name: 'Ana Lima', neverCapture: ['ana@lima.example', 'https://www.linkedin.com/in/ana-lima'], crm: { crm: 'hubspot', queued: ['contact 901'], byHand: [], shared: [], inFlight: false } });
    expect(report.removed).toMatchObject({ prospects: 1, touches: 4, merges: 1, syncLinks: 1, scoreboard: 1 });
    expect(report.removed.cadenceRuns).toBe(1);
    expect(await db.prospects.get(bo.id)).toEqual(boBefore.row);
    expect(await db.touches.where('prospectId').equals(bo.id).toArray()).toEqual(boBefore.touches);
    expect((await allScores(db)).get(bo.id)).toBe(boBefore.score);
    expect(await db.counters.get('open-tasks').then((r) => Object.values(r?.bins ?? {}).reduce((a, b) => a + b, 0))).toBe(
      await db.tasks.where('[done+due]').between([0, -Infinity], [0, Infinity]).count(),
    );
  });

  it('queues the CRM deletion in the same unit of work: when the erase fails, nothing is erased and nothing queued', async () => {
    await db.syncMeta.put({ key: 'target', connectionId: 'conn1', crm: 'pipedrive' });
    const { prospect: ana } = await addProspect(db, { name: 'Ana Lima', emails: ['ana@lima.example'] }, settings, NOW);
    await logTouch(db, { prospectId: ana.id, channel: 'call', direction: 'outbound', at: NOW, sourceId: 'c1' }, NOW);
    const touch = (await db.touches.where('prospectId').equals(ana.id).first())!;
    await writeWithoutSideEffects(db, async () => {
      await db.syncLinks.bulkPut([
        { key: `conn1|prospect|${ana.id}`, connectionId: 'conn1', prospectId: ana.id, remote: { person: '77', deal: '12' } },
        { key: `conn1|touch|${touch.id}`, connectionId: 'conn1', prospectId: ana.id, remote: { activity: '5' } },
      ]);
      await db.outbox.clear();
    });
    const before = await everything();
    const refuse = (_k: unknown, row: { kind?: string }) => {
      if (row.kind === 'erase') throw new Error('disk full');
    };
    db.outbox.hook('creating', refuse);
    await expect(erasePerson(db, ana.id, { settings, neverCapture: false, now: NOW })).rejects.toThrow('disk full');
    db.outbox.hook('creating').unsubscribe(refuse);
    expect(await everything()).toBe(before);

    const report = await erasePerson(db, ana.id, { settings, neverCapture: false, now: NOW });
    expect(report.crm).toEqual({ crm: 'pipedrive', queued: ['person 77', 'deal 12', 'activity 5'], byHand: [], shared: [], inFlight: false });
    // Exactly one row, the erase: no `prospect` row for her beside it, and no name, email or touch text in it.
    const rows = await db.outbox.toArray();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.erase).toEqual({ records: [{ kind: 'person', id: '77' }, { kind: 'deal', id: '12' }, { kind: 'activity', id: '5' }], spare: [] });
    // (Ids are random hex: only traces that cannot occur in one are looked for.)
    for (const trace of ['Ana', 'lima', 'call|c1']) expect(JSON.stringify(rows)).not.toContain(trace);
  });

  it('queues nothing for a person who never reached the CRM, unless a send with them is under way', async () => {
    await db.syncMeta.put({ key: 'target', connectionId: 'conn1', crm: 'hubspot' });
    const { prospect: ana } = await addProspect(db, { name: 'Ana Lima', emails: ['ana@lima.example'] }, settings, NOW);
    const { prospect: bo } = await addProspect(db, { name: 'Bo Chen', emails: ['bo@chen.example'] }, settings, NOW);
    const report = await erasePerson(db, ana.id, { settings, neverCapture: false, now: NOW });
    expect(report.crm).toEqual({ crm: 'hubspot', queued: [], byHand: [], shared: [], inFlight: false });
    expect(await db.outbox.where('prospectId').equals(ana.id).count()).toBe(0);

    // Bo's row is in the batch being sent: what that send creates for him must be deleted too.
    const boRow = (await db.outbox.where('prospectId').equals(bo.id).first())!;
    await db.syncMeta.put({ key: 'claim', batchKey: 'conn1:1:1-1', seqs: [boRow.seq!], attempts: 0 });
    const inFlight = await erasePerson(db, bo.id, { settings, neverCapture: false, now: NOW });
    expect(inFlight.crm).toMatchObject({ queued: [], inFlight: true });
    expect((await db.outbox.where('prospectId').equals(bo.id).toArray()).map((r) => [r.kind, r.erase])).toEqual([['erase', { records: [], spare: [] }]]);
  });

  it('leaves the CRM contact another prospect (same email in another case) still uses', async () => {
    await db.syncMeta.put({ key: 'target', connectionId: 'conn1', crm: 'hubspot' });
    const { prospect: ana } = await addProspect(db, { name: 'Ana Lima', emails: ['ana@lima.example'] }, settings, NOW);
    const twin = { ...ana, id: 'twin-1', name: 'Ana (work)', emails: ['ANA@LIMA.EXAMPLE'] };
    await writeWithoutSideEffects(db, async () => {
      await db.syncLinks.bulkPut([
        { key: `conn1|prospect|${ana.id}`, connectionId: 'conn1', prospectId: ana.id, remote: { contact: '901', deal: '31', company: '5' } },
        { key: 'conn1|prospect|twin-1', connectionId: 'conn1', prospectId: 'twin-1', remote: { contact: '901', deal: '32', company: '5' } },
      ]);
    });
    // Unique emails are compared as stored; the twin's differs in case only.
    await writeWithoutSideEffects(db, () => db.prospects.add(twin));
    const report = await erasePerson(db, ana.id, { settings, neverCapture: false, now: NOW });
    expect(report.crm).toEqual({ crm: 'hubspot', queued: ['deal 31'], byHand: [], shared: ['contact 901'], inFlight: false });
    const [row] = await db.outbox.filter((r) => r.kind === 'erase').toArray();
    expect(row!.erase).toEqual({ records: [{ kind: 'deal', id: '31' }], spare: ['twin-1'] });
  });

  it('adds the addresses to the never-capture list once', () => {
    const s = withNeverCapture({ ...settings, neverCapture: ['ANA@lima.example'] }, ['ana@lima.example', 'https://www.linkedin.com/in/ana-lima']);
    expect(s.neverCapture).toEqual(['ANA@lima.example', 'https://www.linkedin.com/in/ana-lima']);
  });

  it('says so when the person is already gone', async () => {
    await expect(erasePerson(db, 'nobody', { settings, neverCapture: false })).rejects.toThrow('no longer exists');
  });
});
