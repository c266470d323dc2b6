import { describe, expect, it } from 'vitest';
import { parseAddressList } from '@/lib/sites/gmail/address';
import { companyFromDomain } from '@/lib/sites/gmail/company';
import { isAutomatedSender, isExternalPerson, isOwnSide } from '@/lib/sites/gmail/people';
import { parseSignature } from '@/lib/sites/gmail/signature';
import { parseGmailTime } from '@/lib/sites/gmail/time';

const who = { account: 'sam.rivera@ourco.example', internalDomains: ['ourco-labs.example'], neverCapture: ['rival.example', 'ceo@partner.example'] };

describe('who is a prospect', () => {
  it('recognises machines by their local part', () => {
    for (const e of ['no-reply@x.example', 'noreply@x.example', 'notifications@github.example', 'calendar-notification@google.com', 'MAILER-DAEMON@googlemail.com', 'bounces+123@mail.example', 'do-not-reply@x.example']) {
      expect(isAutomatedSender(e), e).toBe(true);
    }
    for (const e of ['maria.gomez@acme.example', 'noah@x.example', 'support-team-lead@x.example']) expect(isAutomatedSender(e), e).toBe(false);
  });

  it('keeps out the user, colleagues, internal domains and never-capture addresses and domains (and their subdomains)', () => {
    expect(isExternalPerson('maria@acme.example', who)).toBe(true);
    for (const e of ['sam.rivera@ourco.example', 'dana@ourco.example', 'raj@ourco-labs.example', 'pat@rival.example', 'pat@eu.rival.example', 'CEO@partner.example']) {
      expect(isExternalPerson(e, who), e).toBe(false);
    }
    expect(isExternalPerson('cfo@partner.example', who)).toBe(true);
  });

  it('counts colleagues as the user\u2019s side for direction', () => {
    expect(isOwnSide('dana@ourco.example', who)).toBe(true);
    expect(isOwnSide('raj@ourco-labs.example', who)).toBe(true);
    expect(isOwnSide('maria@acme.example', who)).toBe(false);
  });
});

describe('reading Gmail text', () => {
  it('reads the English title times, with or without a narrow no-break space, in local time', () => {
    expect(parseGmailTime('Mon, Mar 3, 2025, 9:14 AM')).toBe(new Date(2025, 2, 3, 9, 14).getTime());
    expect(parseGmailTime('Tue, Nov 24, 2026, 12:05\u202fPM')).toBe(new Date(2026, 10, 24, 12, 5).getTime());
    expect(parseGmailTime('Tue, Nov 24, 2026, 12:05 AM')).toBe(new Date(2026, 10, 24, 0, 5).getTime());
    expect(parseGmailTime('gestern')).toBeUndefined();
    expect(parseGmailTime(null)).toBeUndefined();
  });

  it('parses the older compose\u2019s address lists, quoted names with commas included', () => {
    expect(parseAddressList('"Gomez, Maria" <Maria@Acme.example>, li@acme.example, not an address', who).map((a) => [a.email, a.name])).toEqual([
      ['maria@acme.example', 'Gomez, Maria'],
      ['li@acme.example', null],
    ]);
  });

  it('guesses a company from the domain, but not from mailbox providers', () => {
    expect(companyFromDomain('acme-robotics.example')).toBe('Acme Robotics');
    expect(companyFromDomain('mail.initech.co.uk')).toBe('Initech');
    expect(companyFromDomain('gmail.com')).toBeUndefined();
  });
});

describe('signatures', () => {
  it('finds the block after the sender\u2019s name: title and company on one line, phone on another', () => {
    expect(parseSignature(['Hi', 'Thanks,', 'Maria Gomez', 'VP Operations | Acme Robotics', '+1 415 555 0142', 'acme.example'], 'm@a.example', 'Maria Gomez')).toEqual({
      email: 'm@a.example',
      title: 'VP Operations',
      company: 'Acme Robotics',
      phone: '+1 415 555 0142',
    });
  });

  it('takes a title alone on its line and the company from the next line', () => {
    expect(parseSignature(['Ok.', '--', 'Li Wei', 'IT Security Lead', 'Acme Robotics'], 'l@a.example', 'Li Wei')).toMatchObject({ title: 'IT Security Lead', company: 'Acme Robotics' });
  });

  it('falls back to the "--" delimiter when the name is written differently, and proposes nothing without a signature', () => {
    expect(parseSignature(['Ok.', '--', 'M. G.', 'CFO, Globex'], 'x@g.example', 'Maria Gomez')).toMatchObject({ title: 'CFO', company: 'Globex' });
    expect(parseSignature(['Sounds good, see you Thursday.'], 'x@g.example', 'Maria Gomez')).toBeNull();
  });
});
