import { describe, expect, it } from 'vitest';
import { extractLinkedIn } from '@/lib/sites/linkedin/extract';
import { isListPage } from '@/lib/sites/linkedin/page-kind';
import { LINKEDIN } from '@/lib/sites/linkedin/selectors';
import { loadFixture, readJson } from './linkedin-load';

interface Expected {
  url: string;
  prospects: Array<{ name: string; linkedinUrl: string; headline?: string; title?: string; company?: string; location?: string }>;
  memberUrns?: string[][];
  noTitle?: boolean;
  company?: string;
  health?: Record<string, string>;
  messages?: Array<{ id: string; direction: string }>;
}

/** The 2025-06 fixtures (scripts/fixtures/linkedin-2025.mjs): the 2025 structure with generated class names. */
const cases = Object.entries(readJson<Record<string, Expected>>('linkedin/expected-2025-06.json'));

describe.each(cases)('LinkedIn 2025 structure: %s', (file, e) => {
  const doc = loadFixture(file, e.url);
  const detected = extractLinkedIn(doc, e.url, Date.parse('2025-06-04T12:00:00Z'));

  it('finds exactly the listed people, in page order, with their details', () => {
    expect(detected.people.map((p) => p.linkedinUrl)).toEqual(e.prospects.map((p) => p.linkedinUrl));
    e.prospects.forEach((want, i) => expect(detected.people[i]).toMatchObject(want));
    if (e.noTitle) expect(detected.people[0]?.title).toBeUndefined();
  });

  it('keeps each member URN beside the URL', () => {
    expect(detected.people.map((p) => p.memberUrns)).toEqual(e.memberUrns);
  });

  it('never reads a mutual connection, a suggestion or a notification as a person of the page', () => {
    const urls = detected.people.map((p) => p.linkedinUrl ?? '');
    expect(urls.filter((u) => /\/in\/ACoAA/.test(u) && !file.includes('messaging'))).toEqual([]);
    for (const noise of ['lena-park-demo', 'omar-said-demo', 'noah-berg-demo', 'ava-lind-demo', 'suggested-person-demo', 'aside-person-demo']) {
      expect(urls.some((u) => u.includes(noise))).toBe(false);
    }
    // The notification and suggestion lines share the headline's classes outside the top card.
    for (const p of detected.people) expect(p.headline ?? '').not.toMatch(/new connection|introduction|commented|studied/);
  });

  if (e.health) it('reports each expected part as read', () => expect(detected.health).toMatchObject(e.health!));
  if (e.company) {
    it('keeps the company of a People tab and offers its people as a list', () => {
      expect(detected.company?.name).toBe(e.company);
      expect(isListPage(detected.kind)).toBe(true);
    });
  }
  if (e.messages) {
    it('reads each message with its direction, the participant keyed by member URN', () => {
      expect(detected.messages.map((m) => [m.id, m.direction])).toEqual(e.messages!.map((m) => [m.id, m.direction]));
    });
  }
});

describe('LinkedIn 2025 structure, when the site changes', () => {
  it('reports a missing current role when the Experience card loses its entities', () => {
    const url = 'https://www.linkedin.com/in/priya-raman-demo/';
    const doc = loadFixture('linkedin/profile-grouped-2025-06.html', url);
    doc.querySelectorAll(`#experience ~ * ${LINKEDIN.experienceEntry}`).forEach((el) => el.removeAttribute('data-view-name'));
    const detected = extractLinkedIn(doc, url);
    expect(detected.people[0]?.title).toBeUndefined();
    expect(detected.health?.currentRole).toBe('missing');
  });

  it('reports the headline as missing, not as a notification, when its line is gone', () => {
    const url = 'https://www.linkedin.com/in/priya-raman-demo/';
    const doc = loadFixture('linkedin/profile-grouped-2025-06.html', url);
    doc.querySelector('section[data-member-id] .text-body-medium')?.remove();
    const detected = extractLinkedIn(doc, url);
    expect(detected.people[0]?.headline).toBeUndefined();
    expect(detected.health?.headline).toBe('missing');
  });

  it('reports no results when search results lose their data-view-name and URN', () => {
    const url = 'https://www.linkedin.com/search/results/people/?keywords=x';
    const doc = loadFixture('linkedin/search-people-2025-06.html', url);
    doc.querySelectorAll('[data-chameleon-result-urn]').forEach((el) => {
      el.removeAttribute('data-chameleon-result-urn');
      el.removeAttribute('data-view-name');
    });
    expect(extractLinkedIn(doc, url).health).toMatchObject({ results: 'missing' });
  });
});

describe('LinkedIn 2025 structure: a chat bubble rendered after load', () => {
  it('adds the bubble’s person and messages once it is there, and leaves the member’s own data alone', () => {
    const url = 'https://www.linkedin.com/in/ingrid-holm-demo/';
    const doc = loadFixture('linkedin/profile-late-chat-2025-06.html', url);
    const now = Date.parse('2025-06-04T12:00:00Z');
    const before = extractLinkedIn(doc, url, now);
    expect(before.conversations).toBeUndefined();
    const overlay = loadFixture('linkedin/chat-bubble-2025-06.html', url).querySelector('aside#msg-overlay')!;
    doc.querySelector('.application-outlet__overlay-container')!.append(doc.importNode(overlay, true));

    const after = extractLinkedIn(doc, url, now);
    expect(after.people.map((p) => p.name)).toEqual(['Ingrid Holm', 'Lucía Ferreira']);
    expect(after.people[0]).toEqual(before.people[0]);
    expect(after.people[1]).toMatchObject({ linkedinUrl: 'https://www.linkedin.com/in/lucia-ferreira-demo', headline: 'Procurement Lead at Kramerica' });
    expect(after.conversations).toEqual([
      expect.objectContaining({
        id: '2-LateBubbleDemo==',
        overlay: true,
        messages: [expect.objectContaining({ direction: 'inbound', text: 'Could you send the rollout plan before Friday?' })],
      }),
    ]);
    expect(after.health).toEqual(before.health);
  });
});
