import { describe, expect, it } from 'vitest';
import { extractLinkedIn } from '@/lib/sites/linkedin/extract';
import { LINKEDIN } from '@/lib/sites/linkedin/selectors';
import { loadFixture, readJson } from './linkedin-load';

interface ExpectedPerson {
  name: string;
  linkedinUrl: string;
  headline?: string;
  title?: string;
  company?: string;
  location?: string;
  emails?: string[];
}
interface Expected {
  url: string;
  prospects: ExpectedPerson[];
  messages?: { id: string; direction: string; clock?: string }[];
  conversationId?: string;
  company?: Record<string, string>;
  noCurrentPosition?: boolean;
}

const shared = Object.entries(readJson<Record<string, Expected>>('expected.json')).filter(([f]) => f.startsWith('linkedin/'));
const ours = Object.entries(readJson<Record<string, Expected>>('linkedin/expected-2026-11.json'));

describe.each([...shared, ...ours])('LinkedIn adapter on %s', (file, expected) => {
  const detected = extractLinkedIn(loadFixture(file, expected.url), expected.url, Date.parse('2026-11-23T12:00:00Z'));

  it('finds exactly the expected people with their details', () => {
    expect(detected.people.map((p) => p.linkedinUrl)).toEqual(expected.prospects.map((p) => p.linkedinUrl));
    expected.prospects.forEach((want, i) => {
      const got = detected.people[i]!;
      expect(got.name).toBe(want.name);
      for (const field of ['headline', 'title', 'company', 'location'] as const) {
        if (field in want) expect(got[field], field).toBe(want[field]);
      }
      expect(got.emails).toEqual(want.emails ?? []);
    });
  });

  if (expected.noCurrentPosition) {
    it('reports no current title or company when every position has ended', () => {
      expect(detected.people[0]?.title).toBeUndefined();
      expect(detected.people[0]?.company).toBeUndefined();
    });
  }

  if (expected.messages) {
    it('reads each message with its id and direction relative to the user', () => {
      const conversation = detected.conversations?.[0];
      expect(conversation?.messages.map((m) => [m.id, m.direction])).toEqual(expected.messages!.map((m) => [m.id, m.direction]));
      expect(conversation?.with.linkedinUrl).toBe(expected.prospects[0]!.linkedinUrl);
      if (expected.conversationId) expect(conversation?.id).toBe(expected.conversationId);
      expected.messages!.forEach((m, i) => {
        if (!m.clock) return;
        const at = new Date(conversation!.messages[i]!.at!);
        expect(`${String(at.getHours()).padStart(2, '0')}:${String(at.getMinutes()).padStart(2, '0')}`).toBe(m.clock);
      });
      expect(conversation?.messages.every((m) => m.text)).toBe(true);
    });
  }

  if (expected.company) {
    it('reads the company', () => expect(detected.company).toEqual(expected.company));
  }
});

describe('LinkedIn adapter variants', () => {
  it('reads several roles at one company from the DOM too when the embedded data is missing', () => {
    const url = 'https://www.linkedin.com/in/alex-chen-demo/';
    const doc = loadFixture('linkedin/profile-multi-role-2026-11.html', url);
    doc.querySelectorAll(LINKEDIN.embeddedData).forEach((c) => c.remove());
    const [alex] = extractLinkedIn(doc, url).people;
    expect(alex).toMatchObject({ name: 'Alex Chen', title: 'VP Revenue Operations', company: 'Hooli' });
  });

  it('reads the German profile from the DOM alone exactly as from its embedded data', () => {
    const url = 'https://www.linkedin.com/in/j%C3%BCrgen-m%C3%BCller-demo-8a1b2c/';
    const withData = extractLinkedIn(loadFixture('linkedin/profile-de-2026-11.html', url), url).people;
    const doc = loadFixture('linkedin/profile-de-2026-11.html', url);
    doc.querySelectorAll(LINKEDIN.embeddedData).forEach((c) => c.remove());
    // The member URN comes only from the embedded data on this page: the identity, not the reading, differs.
    expect(withData[0]?.memberUrns).toEqual(['urn:li:fsd_profile:ACoAAdemoJurgen']);
    expect(extractLinkedIn(doc, url).people).toEqual(withData.map(({ memberUrns: _, ...p }) => p));
  });

  it('dates the 2025-03 thread messages from their day heading and clock', () => {
    const url = 'https://www.linkedin.com/messaging/thread/2-YmE3ZDdemoDaniel==/';
    const detected = extractLinkedIn(loadFixture('linkedin/messaging-2025-03.html', url), url, Date.parse('2026-11-23T12:00:00Z'));
    const at = detected.messages.map((m) => new Date(m.at!));
    expect(at.map((d) => [d.getMonth() + 1, d.getDate(), d.getHours(), d.getMinutes()])).toEqual([
      [2, 26, 10, 3],
      [2, 27, 16, 51],
      [2, 27, 17, 10],
    ]);
    expect(detected.conversationId).toBe('2-YmE3ZDdemoDaniel==');
    expect(detected.messages[1]?.from).toBe('https://www.linkedin.com/in/daniel-okafor-demo');
  });

  it('skips group chats without a profile link in overlays', () => {
    const url = 'https://www.linkedin.com/feed/';
    const detected = extractLinkedIn(loadFixture('linkedin/overlay-messaging-2026-11.html', url), url);
    expect(detected.conversations).toHaveLength(1);
    expect(detected.kind).toBe('other');
  });

  it('finds the 90 people with a profile link on the generated 100-result search page', () => {
    const url = 'https://www.linkedin.com/search/results/people/?keywords=revenue%20operations';
    const people = extractLinkedIn(loadFixture('linkedin/search-people-100-2026-11.html', url), url).people;
    expect(people).toHaveLength(90);
    expect(new Set(people.map((p) => p.linkedinUrl)).size).toBe(90);
    expect(people.every((p) => p.name && p.name !== 'LinkedIn Member' && p.headline && p.location)).toBe(true);
  });
});
