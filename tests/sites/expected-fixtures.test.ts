// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractGmail } from '@/lib/sites/gmail/extract';
import { extractLinkedIn } from '@/lib/sites/linkedin/extract';
import type { Detected } from '@/lib/sites/types';

/** Every dated fixture from shared/fixtures, checked against what expected.json says a correct adapter finds. */
const expected = JSON.parse(readFileSync('tests/fixtures/expected.json', 'utf8')) as Record<
  string,
  { url: string; prospects?: Array<Record<string, string | null>>; notProspects?: string[] }
>;

function load(file: string): Document {
  const doc = document.implementation.createHTMLDocument('');
  doc.documentElement.innerHTML = readFileSync(`tests/fixtures/${file}`, 'utf8');
  return doc;
}

function detect(file: string, url: string): Detected {
  const doc = load(file);
  return file.startsWith('gmail/') ? extractGmail(doc, url, { internalDomains: [], neverCapture: [] }) : extractLinkedIn(doc, url);
}

describe.each(Object.entries(expected).filter(([, e]) => e.prospects))('%s', (file, e) => {
  const detected = detect(file, e.url);

  it('finds exactly the expected prospects', () => {
    const keys = detected.people.map((p) => p.emails[0] ?? p.linkedinUrl);
    expect(keys).toEqual(e.prospects!.map((p) => p.email ?? p.linkedinUrl));
  });

  it('reads each prospect as expected', () => {
    for (const want of e.prospects!) {
      const got = detected.people.find((p) => (want.email ? p.emails.includes(want.email) : p.linkedinUrl === want.linkedinUrl));
      for (const [field, value] of Object.entries(want)) {
        if (field === 'email') continue;
        expect(got?.[field as keyof typeof got], `${want.name}.${field}`).toEqual(value);
      }
    }
  });

  it('never offers the user, colleagues or automated senders', () => {
    const emails = detected.people.flatMap((p) => p.emails);
    for (const not of e.notProspects ?? []) expect(emails).not.toContain(not);
  });
});

describe('Gmail routes', () => {
  it.each([
    ['https://mail.google.com/mail/u/0/#inbox/FMfcgzQZTlBcdemoThread1', 'thread', 'FMfcgzQZTlBcdemoThread1'],
    ['https://mail.google.com/mail/u/0/#sent/19590c1a2f8e4a59', 'thread', '19590c1a2f8e4a59'],
    ['https://mail.google.com/mail/u/0/#label/Clients/FMfcgzQZTlBcdemoThread1', 'thread', 'FMfcgzQZTlBcdemoThread1'],
    ['https://mail.google.com/mail/u/0/#inbox', 'list', undefined],
    ['https://mail.google.com/mail/u/0/#label/Clients', 'list', undefined],
    ['https://mail.google.com/mail/u/0/', 'list', undefined],
  ])('%s is a %s', async (url, kind, threadId) => {
    const { gmailRoute } = await import('@/lib/sites/gmail/page-kind');
    expect(gmailRoute(url)).toEqual(threadId ? { kind, threadId } : { kind });
  });
});
