// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { accountEmail } from '@/lib/sites/gmail/extract';
import { detectFixture, loadFixture } from './gmail-load';

/** The shared 2025-03 Gmail fixtures against everything expected.json says about them. */
const expected = JSON.parse(readFileSync('tests/fixtures/expected.json', 'utf8'));

describe('gmail/thread-2025-03.html', () => {
  const e = expected['gmail/thread-2025-03.html'];
  const d = detectFixture('gmail/thread-2025-03.html', e.url);

  it('reads the account, subject and thread id', () => {
    expect(accountEmail(loadFixture('gmail/thread-2025-03.html'))).toBe(e.account);
    expect(d.gmail?.account).toBe(e.account);
    expect(d.title).toBe(e.thread.subject);
    expect(d.conversationId).toBe(e.thread.legacyThreadId);
  });

  it('reads every message with id, sender, direction and local time', () => {
    expect(d.messages.map((m) => ({ id: m.id, from: m.from, direction: m.direction, at: m.at }))).toEqual(
      e.messages.map((m: { id: string; from: string; direction: string; at: string }) => ({ ...m, at: new Date(m.at).getTime() })),
    );
  });

  it('reads To and Cc of each message, split on the field labels', () => {
    const [first, second] = d.gmail!.thread!.messages;
    expect(first!.to.map((a) => a.email)).toEqual(['sam.rivera@ourco.example', 'li.wei@acme-robotics.example']);
    expect(first!.cc).toEqual([]);
    expect(second!.to.map((a) => a.email)).toEqual(['maria.gomez@acme-robotics.example']);
    expect(second!.cc.map((a) => a.email)).toEqual(['li.wei@acme-robotics.example', 'dana.ko@ourco.example']);
    expect(second!.cc.find((a) => a.email === 'dana.ko@ourco.example')?.external).toBe(false);
  });

  it('proposes title, company and phone from the sender signature', () => {
    const { email, ...want } = e.signature;
    expect(d.gmail!.signatures).toEqual([{ email, ...want }]);
  });

  it('offers the external people once each, never the user or colleagues', () => {
    expect(d.people.map((p) => p.key)).toEqual(e.prospects.map((p: { email: string }) => p.email));
    expect(d.people.map((p) => p.name)).toEqual(e.prospects.map((p: { name: string }) => p.name));
    for (const not of e.notProspects) expect(d.people.map((p) => p.key)).not.toContain(not);
  });

  it('takes the company from the email domain until the rep confirms a better one', () => {
    expect(d.people[0]!.company).toBe('Acme Robotics');
    expect(d.people[0]!.title).toBeUndefined();
  });

  it('keeps no body text by default, and at most the configured characters when asked', () => {
    expect(d.gmail!.thread!.messages.every((m) => m.snippet === undefined)).toBe(true);
    const withBody = detectFixture('gmail/thread-2025-03.html', e.url, { internalDomains: [], neverCapture: [], bodyChars: 40 });
    const snippet = withBody.gmail!.thread!.messages[0]!.snippet!;
    expect(snippet).toBe('Hi Sam,\nThanks for the demo last week. W');
    expect(snippet.length).toBe(40);
  });
});

describe('gmail/inbox-compose-2025-03.html', () => {
  const e = expected['gmail/inbox-compose-2025-03.html'];
  const d = detectFixture('gmail/inbox-compose-2025-03.html', e.url);

  it('reads the list rows with their thread ids, subjects and external people', () => {
    expect(d.kind).toBe('list');
    expect(d.gmail!.rows).toMatchObject(e.inboxRows);
    expect(d.gmail!.rows).toHaveLength(e.inboxRows.length);
  });

  it('reads the open draft: recipients from PeopleKit chips and the subject', () => {
    expect(d.gmail!.drafts).toHaveLength(1);
    const draft = d.gmail!.drafts[0]!;
    expect(draft.subject).toBe(e.compose.subject);
    expect(draft.inline).toBe(false);
    expect(draft.to.map(({ email, name }) => ({ email, name }))).toEqual(e.compose.to);
    // Dana (a colleague) is on Cc: listed in the draft, never a prospect.
    expect(draft.cc.map((a) => [a.email, a.external])).toEqual([['dana.ko@ourco.example', false]]);
  });

  it('never offers the calendar robot, a colleague or the user', () => {
    const keys = d.people.map((p) => p.key);
    for (const not of e.notProspects) expect(keys).not.toContain(not);
    expect(keys).toEqual(['maria.gomez@acme-robotics.example', 'tom.becker@initech.example', 'priya.natarajan@globex.example', 'jorge@umbrella.example']);
  });
});
