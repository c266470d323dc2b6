import { describe, expect, it } from 'vitest';
import { extractGmail } from '@/lib/sites/gmail/extract';
import { isAutomatedSender } from '@/lib/sites/gmail/people';
import { loadReal, realExpected } from './real-load';

interface Who {
  name: string;
  email: string;
  self: boolean;
  automated: boolean;
  colleague: boolean;
}

/** The real Gmail inbox (2025-04, 50 rows, account /mail/u/1/) against expected.json. */
describe.each(Object.entries(realExpected).filter(([, e]) => e.kind === 'gmail-inbox'))('real Gmail inbox %s', (file, e) => {
  const url = 'https://mail.google.com/mail/u/1/#inbox';
  const detected = extractGmail(loadReal(file, url), url, { internalDomains: [], neverCapture: [] });
  const rows = detected.gmail!.rows;

  it('reads the signed-in account', () => expect(detected.gmail!.account).toBe(e.account.toLowerCase()));

  it('reads every row in page order with its thread ids and subject', () => {
    expect(rows.map((r) => [r.legacyThreadId, r.threadId, r.subject])).toEqual(e.rows.map((r: any) => [r.legacyThreadId, r.threadId, r.subject]));
  });

  it("reads every row's sender and participants", () => {
    expect(rows.map((r) => r.sender?.email)).toEqual(e.rows.map((r: any) => r.sender.email.toLowerCase()));
    expect(rows.map((r) => r.participants.map((p) => p.email))).toEqual(e.rows.map((r: any) => r.participants.map((p: Who) => p.email.toLowerCase())));
  });

  it('tells automated senders apart exactly as the page says', () => {
    const all = e.rows.flatMap((r: any) => r.participants as Who[]);
    for (const p of all) expect(isAutomatedSender(p.email), p.email).toBe(p.automated);
  });

  it('offers only people: never the user, colleagues or automated senders', () => {
    const offered = new Set(detected.people.map((p) => p.emails[0]));
    const all = e.rows.flatMap((r: any) => r.participants as Who[]);
    for (const p of all) expect(offered.has(p.email.toLowerCase()), p.email).toBe(!p.self && !p.automated && !p.colleague);
  });

  it('finds every expected part of the list', () => {
    expect(detected.health).toMatchObject({ account: 'found', rows: 'found', senders: 'found' });
  });
});
