import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb, type TouchlineDb } from '@/lib/db/database';
import { DEFAULT_SETTINGS } from '@/lib/settings/settings';
import { addProspect, findProspect, updateProspect } from '@/lib/store/prospects';
import { moveStage, stageHistory } from '@/lib/store/stages';
import { logTouch, touchesOf } from '@/lib/store/touches';
import { write } from '../../lib/store/unit-of-work';

let db: TouchlineDb;
beforeEach(async () => {
  db = openDb(`touchline-store-${Math.random()}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

const maria = { name: 'Maria Gomez', emails: ['Maria.Gomez@Acme-Robotics.example'] };

describe('prospects', () => {
  it('stores a person once, found by any email in any case', async () => {
    const first = await addProspect(db, maria, DEFAULT_SETTINGS);
    expect(first.created).toBe(true);
    expect(first.prospect.emails).toEqual(['maria.gomez@acme-robotics.example']);
    expect(first.prospect.stageId).toBe('prospecting');
    const again = await addProspect(db, { name: 'M. Gomez', emails: ['maria.gomez@acme-robotics.example'] }, DEFAULT_SETTINGS);
    expect(again).toMatchObject({ created: false, prospect: { id: first.prospect.id, name: 'Maria Gomez' } });
    expect(await db.prospects.count()).toBe(1);
    expect((await findProspect(db, { emails: ['MARIA.GOMEZ@acme-robotics.example'] }))?.id).toBe(first.prospect.id);
  });

  it('finds a LinkedIn-first person by profile URL and refuses a second record for it', async () => {
    const url = 'https://www.linkedin.com/in/priya-natarajan-demo';
    const { prospect } = await addProspect(db, { name: 'Priya Natarajan', linkedinUrl: url }, DEFAULT_SETTINGS);
    expect((await findProspect(db, { linkedinUrl: url }))?.id).toBe(prospect.id);
    const again = await addProspect(db, { name: 'Priya N.', linkedinUrl: url }, DEFAULT_SETTINGS);
    expect(again.created).toBe(false);
    // The unique indexes hold even for a writer that skips the lookup.
    await expect(write(db, () => db.prospects.add({ ...prospect, id: 'other' }))).rejects.toThrow();
    await expect(write(db, () => db.prospects.add({ ...prospect, id: 'other2', linkedinUrl: undefined, emails: [] }))).resolves.toBe('other2');
  });

  it('refuses a person with neither email nor LinkedIn URL', async () => {
    await expect(addProspect(db, { name: 'Nobody' }, DEFAULT_SETTINGS)).rejects.toThrow(/email address or a LinkedIn profile/);
  });

  it('records the first stage as a stage change and keeps edits', async () => {
    const { prospect } = await addProspect(db, maria, DEFAULT_SETTINGS, 1000);
    const updated = await updateProspect(db, prospect.id, { nextStep: 'Send pricing', title: 'VP Operations' }, 2000);
    expect(updated).toMatchObject({ nextStep: 'Send pricing', title: 'VP Operations', updatedAt: 2000, createdAt: 1000 });
    expect(await stageHistory(db, prospect.id)).toMatchObject([{ from: null, to: 'prospecting', toName: 'Prospecting' }]);
  });
});

describe('stages', () => {
  it('records every move with time, names and reason, forward and backward', async () => {
    const { prospect } = await addProspect(db, maria, DEFAULT_SETTINGS, 1000);
    await moveStage(db, prospect.id, 'approach', DEFAULT_SETTINGS, 'Asked for pricing', 2000);
    const back = await moveStage(db, prospect.id, 'qualification', DEFAULT_SETTINGS, undefined, 3000);
    expect(back.prospect).toMatchObject({ stageId: 'qualification', stageEnteredAt: 3000 });
    const history = await stageHistory(db, prospect.id);
    expect(history.map((h) => [h.fromName, h.toName, h.at, h.reason])).toEqual([
      [null, 'Prospecting', 1000, undefined],
      ['Prospecting', 'Approach', 2000, 'Asked for pricing'],
      ['Approach', 'Qualification', 3000, undefined],
    ]);
  });

  it('refuses an unknown stage and does not record a move to the same stage', async () => {
    const { prospect } = await addProspect(db, maria, DEFAULT_SETTINGS);
    await expect(moveStage(db, prospect.id, 'nope', DEFAULT_SETTINGS)).rejects.toThrow(/no stage "nope"/);
    expect((await moveStage(db, prospect.id, 'prospecting', DEFAULT_SETTINGS)).change).toBeNull();
    expect(await stageHistory(db, prospect.id)).toHaveLength(1);
  });
});

describe('touches', () => {
  it('stores the same source message once however often it is logged', async () => {
    const { prospect } = await addProspect(db, maria, DEFAULT_SETTINGS);
    const touch = { prospectId: prospect.id, channel: 'email' as const, direction: 'inbound' as const, at: 5, sourceId: '#msg-f:1' };
    const a = await logTouch(db, touch);
    const b = await logTouch(db, { ...touch, subject: 'again' });
    expect(a.created).toBe(true);
    expect(b).toMatchObject({ created: false, touch: { id: a.touch.id } });
    await logTouch(db, { ...touch, sourceId: undefined, channel: 'note', direction: 'internal', summary: 'n1' });
    await logTouch(db, { ...touch, sourceId: undefined, channel: 'note', direction: 'internal', summary: 'n2' });
    expect(await touchesOf(db, prospect.id)).toHaveLength(3);
  });

  it('refuses a touch for a prospect that does not exist', async () => {
    await expect(logTouch(db, { prospectId: 'missing', channel: 'call', direction: 'outbound', at: 1 })).rejects.toThrow(/no longer exists/);
  });
});
