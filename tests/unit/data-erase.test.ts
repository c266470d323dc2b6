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

    const report = await erasePerson(db, ana.id, { settings, neverCapture: true });

    const left = await everything();
    for (const trace of [ana.id, anaLi.id, 'ana@lima.example', 'ana-lima', 'Ana Lima', 'Hi from Ana', 'Asked for pricing', 'Send the offer']) expect(left).not.toContain(trace);
    expect(report).toMatchObject({ name: 'Ana Lima', neverCapture: ['ana@lima.example', 'https://www.linkedin.com/in/ana-lima'], crm: { crm: 'hubspot', records: ['contact 901'] } });
    expect(report.removed).toMatchObject({ prospects: 1, touches: 4, merges: 1, syncLinks: 1, scoreboard: 1 });
    expect(report.removed.cadenceRuns).toBe(1);
    expect(await db.prospects.get(bo.id)).toEqual(boBefore.row);
    expect(await db.touches.where('prospectId').equals(bo.id).toArray()).toEqual(boBefore.touches);
    expect((await allScores(db)).get(bo.id)).toBe(boBefore.score);
    expect(await db.counters.get('open-tasks').then((r) => Object.values(r?.bins ?? {}).reduce((a, b) => a + b, 0))).toBe(
      await db.tasks.where('[done+due]').between([0, -Infinity], [0, Infinity]).count(),
    );
  });

  it('adds the addresses to the never-capture list once', () => {
    const s = withNeverCapture({ ...settings, neverCapture: ['ANA@lima.example'] }, ['ana@lima.example', 'https://www.linkedin.com/in/ana-lima']);
    expect(s.neverCapture).toEqual(['ANA@lima.example', 'https://www.linkedin.com/in/ana-lima']);
  });

  it('says so when the person is already gone', async () => {
    await expect(erasePerson(db, 'nobody', { settings, neverCapture: false })).rejects.toThrow('no longer exists');
  });
});
