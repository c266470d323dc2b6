import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb, type TouchlineDb } from '@/lib/db/database';
import { emailTouches, prospectsOfMessage, type EmailContext } from '@/lib/email/touches';
import type { Prospect } from '@/lib/model';
import { DEFAULT_SETTINGS } from '@/lib/settings/settings';
import type { GmailAddress, GmailMessage } from '@/lib/sites/gmail/types';
import { addProspect } from '@/lib/store/prospects';
import { logTouches } from '@/lib/store/touch-batch';
import { touchesOf } from '@/lib/store/touches';
import { write } from '../../lib/store/unit-of-work';

let db: TouchlineDb;
let maria: Prospect;
let li: Prospect;
beforeEach(async () => {
  db = openDb(`touchline-email-${Math.random()}`);
  await db.open();
  maria = (await addProspect(db, { name: 'Maria Gomez', emails: ['maria@acme.example'] }, DEFAULT_SETTINGS)).prospect;
  li = (await addProspect(db, { name: 'Li Wei', emails: ['li@acme.example'] }, DEFAULT_SETTINGS)).prospect;
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

const a = (email: string, external = true): GmailAddress => ({ email, name: null, external });
const sam = a('sam@ourco.example', false);
const dana = a('dana@ourco.example', false);
const ctx = (): EmailContext => ({
  subject: 'Pricing',
  url: 'https://mail.google.com/mail/u/0/#inbox/x',
  prospects: new Map([
    ['maria@acme.example', maria],
    ['li@acme.example', li],
  ]),
  threadProspects: [maria, li],
});
const inbound: GmailMessage = { id: '#msg-f:1', from: a('maria@acme.example'), to: [sam], cc: [a('li@acme.example'), dana], direction: 'inbound', at: 1000, collapsed: false };
const outbound: GmailMessage = { id: '#msg-a:r-2', from: sam, to: [a('maria@acme.example')], cc: [dana], direction: 'outbound', at: 2000, collapsed: false, snippet: 'Pricing attached' };

describe('email touches', () => {
  it('an inbound message touches its sender and the known prospects copied on it; colleagues never', () => {
    expect(prospectsOfMessage(inbound, ctx()).map((p) => p.name)).toEqual(['Maria Gomez', 'Li Wei']);
    expect(prospectsOfMessage(outbound, ctx()).map((p) => p.name)).toEqual(['Maria Gomez']);
  });

  it('a collapsed outbound message (recipients hidden) touches the thread\u2019s known prospects', () => {
    const collapsed = { ...outbound, to: [], cc: [], collapsed: true };
    expect(prospectsOfMessage(collapsed, ctx()).map((p) => p.name)).toEqual(['Maria Gomez', 'Li Wei']);
  });

  it('carries direction, time, subject and only the snippet the settings allowed', () => {
    const [t] = emailTouches(outbound, ctx());
    expect(t).toMatchObject({ prospectId: maria.id, channel: 'email', direction: 'outbound', at: 2000, subject: 'Pricing', summary: 'Pricing attached' });
    expect(emailTouches(inbound, ctx())[0]!.summary).toBeUndefined();
  });

  it('logging the same messages again stores nothing new, per message and prospect', async () => {
    const touches = [...emailTouches(inbound, ctx()), ...emailTouches(outbound, ctx())];
    expect((await logTouches(db, touches)).created).toBe(3);
    expect((await logTouches(db, touches)).created).toBe(0);
    expect((await logTouches(db, [...emailTouches(inbound, ctx()), ...emailTouches(inbound, ctx())])).created).toBe(0);
    expect((await touchesOf(db, maria.id)).map((t) => t.direction)).toEqual(['outbound', 'inbound']);
    expect(await touchesOf(db, li.id)).toHaveLength(1);
  });

  it('a batch naming a deleted prospect fails whole, leaving nothing half-logged', async () => {
    await write(db, () => db.prospects.delete(li.id));
    await expect(logTouches(db, emailTouches(inbound, ctx()))).rejects.toThrow(/no longer exists/);
    expect(await db.touches.count()).toBe(0);
  });
});
