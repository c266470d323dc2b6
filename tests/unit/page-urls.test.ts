import { describe, expect, it } from 'vitest';
import { openDb } from '@/lib/db/database';
import { Company, LinkedInUrl, NewProspect, NewTouch, SitePageUrl, Task, Touch } from '@/lib/model';
import { REQUESTS } from '@/lib/messaging/contract';
import { DEFAULT_SETTINGS } from '@/lib/settings/settings';
import { addProspect } from '@/lib/store/prospects';
import { linkFor } from '@/lib/store/tasks';
import { write } from '@/lib/store/unit-of-work';

// Issue 12 §5: a link Touchline stores reaches an href (popup) or tabs.create (reminder click), so it is an
// https: page on the site it belongs to, and everything else is refused by the schema that stores it.
const HOSTILE = [
  'javascript:alert(document.cookie)',
  'JaVaScRiPt:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'http://mail.google.com/mail/u/0/#inbox/T1',
  'https://mail.google.com.evil.example/mail/u/0/#inbox/T1',
  'https://evil.example/?https://www.linkedin.com/in/x',
  'https://mail.google.com@evil.example/mail',
  'https://user:pw@mail.google.com/mail',
  'https://linkedin.com/in/x',
  'https://www.linkedin.com:8443/in/x',
  'chrome-extension://abcdefghijklmnopabcdefghijklmnop/options.html',
  'file:///etc/passwd',
  '//www.linkedin.com/in/x',
  'not a url',
];

describe('stored links', () => {
  it('are https: pages of Gmail or LinkedIn, and nothing else', () => {
    for (const ok of ['https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJ', 'https://www.linkedin.com/in/maria-gomez', 'https://www.linkedin.com/messaging/thread/2-abc/']) {
      expect(SitePageUrl.safeParse(ok).success, ok).toBe(true);
    }
    for (const bad of HOSTILE) expect(SitePageUrl.safeParse(bad).success, bad).toBe(false);
    expect(SitePageUrl.safeParse('javascript:alert(1)').error?.issues[0]?.message).toBe('A page link must be an https:// link on mail.google.com or www.linkedin.com.');
  });

  it('a LinkedIn profile or company link is on www.linkedin.com only', () => {
    expect(LinkedInUrl.safeParse('https://www.linkedin.com/in/maria-gomez').success).toBe(true);
    expect(LinkedInUrl.safeParse('https://mail.google.com/mail/u/0/#inbox').success).toBe(false);
    for (const bad of HOSTILE) expect(LinkedInUrl.safeParse(bad).success, bad).toBe(false);
  });

  it('every row kind that carries a link refuses a hostile one, and so does every request that stores one', () => {
    const touch = { id: 't', prospectId: 'p', channel: 'note', direction: 'internal', at: 1, createdAt: 1 } as const;
    const task = { id: 'k', prospectId: 'p', kind: 'todo', title: 'Call', due: 1, done: 0, createdAt: 1 } as const;
    const company = { id: 'c', name: 'Acme', createdAt: 1, updatedAt: 1 };
    for (const bad of HOSTILE) {
      expect(Touch.safeParse({ ...touch, url: bad }).success, bad).toBe(false);
      expect(Task.safeParse({ ...task, url: bad }).success, bad).toBe(false);
      expect(Company.safeParse({ ...company, linkedinUrl: bad }).success, bad).toBe(false);
      expect(NewProspect.safeParse({ name: 'X', linkedinUrl: bad }).success, bad).toBe(false);
      expect(NewProspect.safeParse({ name: 'X', emails: ['x@acme.example'], source: { site: 'gmail', url: bad, at: 1 } }).success, bad).toBe(false);
      expect(REQUESTS['nextStep.set'].request.safeParse({ prospectId: 'p', text: 'Call', url: bad }).success, bad).toBe(false);
      expect(REQUESTS['cadence.start'].request.safeParse({ prospectId: 'p', cadenceId: 'c', url: bad }).success, bad).toBe(false);
      expect(REQUESTS['company.savePage'].request.safeParse({ name: 'Acme', linkedinUrl: bad }).success, bad).toBe(false);
    }
    expect(Touch.safeParse({ ...touch, url: 'https://mail.google.com/mail/u/0/#inbox/T1' }).success).toBe(true);
  });

  it('a touch links to the site its channel belongs to: an email to Gmail, a LinkedIn message to LinkedIn', () => {
    const base = { prospectId: 'p', direction: 'outbound', at: 1 } as const;
    const gmail = 'https://mail.google.com/mail/u/0/#inbox/T1';
    const linkedin = 'https://www.linkedin.com/messaging/thread/2-abc/';
    expect(NewTouch.safeParse({ ...base, channel: 'email', url: gmail }).success).toBe(true);
    expect(NewTouch.safeParse({ ...base, channel: 'linkedin-message', url: linkedin }).success).toBe(true);
    expect(NewTouch.safeParse({ ...base, channel: 'call', url: linkedin }).success).toBe(true);
    expect(NewTouch.safeParse({ ...base, channel: 'note', url: gmail }).success).toBe(true);
    const wrong = NewTouch.safeParse({ ...base, channel: 'email', url: linkedin });
    expect(wrong.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['url', 'An email links to its Gmail thread and a LinkedIn touch to its LinkedIn page.']]);
    expect(NewTouch.safeParse({ ...base, channel: 'inmail', url: gmail }).success).toBe(false);
  });

  it('a row stored before the check with a hostile link is never offered to open: the next safe link is', async () => {
    const db = openDb(`page-urls-${Math.random()}`);
    try {
      const { prospect } = await addProspect(
        db,
        { name: 'Maria Gomez', emails: ['maria@acme.example'], source: { site: 'gmail', url: 'https://mail.google.com/mail/u/0/#inbox/T0', at: 1 } },
        DEFAULT_SETTINGS,
        1,
      );
      // Written straight into IndexedDB, as an older Touchline (or a damaged profile) could have left it.
      await write(db, () => db.touches.add({ id: 'old', prospectId: prospect.id, channel: 'note', direction: 'internal', at: 50, url: 'javascript:alert(1)', createdAt: 50 }));
      expect(await linkFor(db, prospect)).toBe('https://mail.google.com/mail/u/0/#inbox/T0');
      await write(db, () => db.touches.add({ id: 'ok', prospectId: prospect.id, channel: 'email', direction: 'inbound', at: 40, url: 'https://mail.google.com/mail/u/0/#inbox/T1', createdAt: 40 }));
      expect(await linkFor(db, prospect)).toBe('https://mail.google.com/mail/u/0/#inbox/T1');
      await write(db, async () => {
        await db.prospects.update(prospect.id, { source: { site: 'gmail', url: 'data:text/html,x', at: 1 } });
        await db.touches.delete('ok');
      });
      expect(await linkFor(db, await db.prospects.get(prospect.id))).toBeUndefined();
    } finally {
      db.close();
      await db.delete();
    }
  });
});
