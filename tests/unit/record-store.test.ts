import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb, type TouchlineDb } from '@/lib/db/database';
import { DEFAULT_SETTINGS } from '@/lib/settings/settings';
import { addProspect, getProspect } from '@/lib/store/prospects';
import { logTouch } from '@/lib/store/touches';
import { deleteTouch, restoreTouch } from '@/lib/store/touch-edits';
import { setIdentity } from '@/lib/store/identity-edits';
import { scoreOf } from '@/lib/store/scores';

let db: TouchlineDb;
beforeEach(async () => {
  db = openDb(`touchline-record-${Math.random()}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

const NOW = Date.parse('2026-12-01T10:00:00Z');
const add = (name: string, emails: string[], linkedinUrl?: string) => addProspect(db, { name, emails, linkedinUrl }, DEFAULT_SETTINGS, NOW).then((r) => r.prospect);

describe('deleting and restoring a touch (the record\'s undo)', () => {
  it('recounts engagement and the score both ways, and an undo never duplicates', async () => {
    const p = await add('Maria Gomez', ['maria@acme.example']);
    const reply = { prospectId: p.id, channel: 'email' as const, direction: 'inbound' as const, at: NOW, sourceId: 'm1' };
    const { touch } = await logTouch(db, reply, NOW);
    await logTouch(db, { ...reply, direction: 'outbound', sourceId: 'm2' }, NOW);
    const scored = await scoreOf(db, p.id);
    expect(await db.engagement.get(p.id)).toMatchObject({ touches: 2, replies: 1 });

    const deleted = await deleteTouch(db, touch.id, NOW + 1);
    expect(deleted).toEqual(touch);
    expect(await db.touches.get(touch.id)).toBeUndefined();
    expect(await db.engagement.get(p.id)).toMatchObject({ touches: 1, replies: 0 });
    expect(await scoreOf(db, p.id)).toBeLessThan(scored!);
    await expect(deleteTouch(db, touch.id)).rejects.toThrow(/already deleted/);

    expect(await restoreTouch(db, deleted, NOW + 2)).toEqual(touch);
    expect(await db.touches.get(touch.id)).toEqual(touch);
    expect(await db.engagement.get(p.id)).toMatchObject({ touches: 2, replies: 1 });
    expect(await scoreOf(db, p.id)).toBe(scored);
    // A second undo (a double click, another tab) finds the touch there.
    await restoreTouch(db, deleted, NOW + 3);
    expect(await db.touches.where('prospectId').equals(p.id).count()).toBe(2);
  });

  it('the same message logged again meanwhile is kept, not doubled', async () => {
    const p = await add('Maria Gomez', ['maria@acme.example']);
    const { touch } = await logTouch(db, { prospectId: p.id, channel: 'email', direction: 'outbound', at: NOW, sourceId: 'm1' }, NOW);
    const deleted = await deleteTouch(db, touch.id);
    const { touch: again } = await logTouch(db, { prospectId: p.id, channel: 'email', direction: 'outbound', at: NOW, sourceId: 'm1' }, NOW);
    expect((await restoreTouch(db, deleted)).id).toBe(again.id);
    expect(await db.touches.count()).toBe(1);
  });
});

describe('editing how a person is reached', () => {
  it('saves normalised emails and a canonical LinkedIn URL, found by search afterwards', async () => {
    const p = await add('Priya Natarajan', [], 'https://www.linkedin.com/in/priya-demo');
    const next = await setIdentity(db, p.id, { emails: [' Priya@Globex.example ', 'priya@globex.example'], linkedinUrl: 'https://linkedin.com/in/Priya-Demo/?trk=x' });
    expect(next.emails).toEqual(['priya@globex.example']);
    expect(next.linkedinUrl).toBe('https://www.linkedin.com/in/priya-demo');
    expect((await db.prospects.where('emails').equals('priya@globex.example').first())?.id).toBe(p.id);
    expect((await getProspect(db, p.id)).searchTokens).toContain('priya@globex.example');
  });

  it('refuses an address or profile that belongs to someone else, naming them, and changes nothing', async () => {
    const maria = await add('Maria Gomez', ['maria@acme.example'], 'https://www.linkedin.com/in/maria-demo');
    const li = await add('Li Wei', ['li@acme.example']);
    await expect(setIdentity(db, li.id, { emails: ['li@acme.example', 'MARIA@acme.example'] })).rejects.toThrow('maria@acme.example belongs to Maria Gomez');
    await expect(setIdentity(db, li.id, { emails: ['li@acme.example'], linkedinUrl: 'https://www.linkedin.com/in/maria-demo' })).rejects.toThrow(/belongs to Maria Gomez/);
    await expect(setIdentity(db, li.id, { emails: ['not an address'] })).rejects.toThrow(/not an email address/);
    await expect(setIdentity(db, li.id, { emails: ['li@acme.example'], linkedinUrl: 'https://example.com/in/x' })).rejects.toThrow(/not a LinkedIn profile/);
    await expect(setIdentity(db, li.id, { emails: [] })).rejects.toThrow(/needs an email address or a LinkedIn profile/);
    expect(await getProspect(db, li.id)).toMatchObject({ emails: ['li@acme.example'] });
    expect((await getProspect(db, maria.id)).emails).toEqual(['maria@acme.example']);
  });

  it('removing the profile keeps the person by email, and drops member ids seen with it', async () => {
    const { prospect } = await addProspect(db, { name: 'Alex Chen', emails: ['alex@x.example'], linkedinUrl: 'https://www.linkedin.com/in/alex', linkedinIds: ['urn:li:member:1'] }, DEFAULT_SETTINGS, NOW);
    const next = await setIdentity(db, prospect.id, { emails: ['alex@x.example'], linkedinUrl: '' });
    expect(next.linkedinUrl).toBeUndefined();
    expect(next.linkedinIds).toBeUndefined();
    expect('linkedinUrl' in (await getProspect(db, prospect.id))).toBe(false);
  });
});
