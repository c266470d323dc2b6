import { describe, expect, it } from 'vitest';
import { extractLinkedIn } from '@/lib/sites/linkedin/extract';
import { canonicalCompanyUrl, canonicalProfileUrl } from '@/lib/sites/linkedin/url';
import { loadReal, realExpected } from './real-load';

/** Real LinkedIn pages (2024-07, 2025-04) against expected.json: what a correct reader finds on each. */
const entries = Object.entries(realExpected).filter(([f]) => !f.startsWith('_'));
const profiles = entries.filter(([, e]) => e.kind === 'linkedin-profile');

describe.each(profiles)('real profile %s', (file, e) => {
  // Opened at its own URL, as a rep would from a search result.
  const url = e.profileUrl as string;
  const doc = loadReal(file, url);
  const detected = extractLinkedIn(doc, url);
  const [person] = detected.people;

  it('reads exactly one person: the member of the page', () => {
    expect(detected.kind).toBe('profile');
    expect(detected.people).toHaveLength(1);
    expect(person?.linkedinUrl).toBe(canonicalProfileUrl(url));
  });

  it('reads name, headline and location from the top card', () => {
    expect(person).toMatchObject({ name: e.name, headline: e.headline, location: e.location });
  });

  it('reads the current role from the Experience card', () => {
    expect(person?.title).toBe(e.currentPosition.title);
    expect(person?.company).toBe(e.currentPosition.company);
  });

  it('finds every expected part of the page by its primary selector', () => {
    expect(detected.health).toMatchObject({ name: 'found', headline: 'found', location: 'found', currentRole: 'found' });
  });

  it('keeps the member URN beside the vanity URL', () => {
    expect(person?.memberUrns?.[0]).toMatch(/^urn:li:fsd_profile:[A-Za-z0-9_-]+$/);
    expect(person?.memberUrns?.[1]).toMatch(/^urn:li:member:\d+$/);
  });

  it('is keyed by the vanity URL of its contact-info link when opened at a member-URN URL', () => {
    const viaUrn = extractLinkedIn(doc, 'https://www.linkedin.com/in/ACoAAtestUrn123/');
    expect(viaUrn.people[0]?.linkedinUrl).toBe(canonicalProfileUrl(url));
  });
});

describe.each(entries.filter(([, e]) => e.kind === 'linkedin-connections'))('real connections list %s', (file, e) => {
  const url = 'https://www.linkedin.com/mynetwork/invite-connect/connections/';
  const detected = extractLinkedIn(loadReal(file, url), url);

  it('finds every connection in page order, once each, with name and headline', () => {
    expect(detected.people.map((p) => p.linkedinUrl)).toEqual(e.people.map((p: { profileUrl: string }) => canonicalProfileUrl(p.profileUrl)));
    e.people.forEach((want: { name: string; headline: string }, i: number) => {
      expect(detected.people[i]).toMatchObject({ name: want.name, headline: want.headline });
    });
  });

  it('keys each connection by the member URN of its Message link too', () => {
    e.people.forEach((want: { messageLink: string }, i: number) => {
      const id = new URL(want.messageLink).searchParams.get('recipient');
      expect(detected.people[i]?.memberUrns).toEqual([`urn:li:fsd_profile:${id}`]);
    });
  });

  it('offers bulk capture', () => expect(detected.kind).toBe('connections'));
});

describe.each(entries.filter(([, e]) => e.kind === 'linkedin-company'))('real company page %s', (file, e) => {
  const url = e.companyUrl as string;
  const detected = extractLinkedIn(loadReal(file, url), url);

  it('reads the company name, URL and industry', () => {
    expect(detected.company).toMatchObject({ name: e.name, linkedinUrl: canonicalCompanyUrl(e.companyUrl), industry: e.industry });
  });

  it('reads nobody on the page as a person of the company', () => expect(detected.people).toEqual([]));
});
