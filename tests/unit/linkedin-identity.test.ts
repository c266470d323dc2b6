import { beforeEach, describe, expect, it } from 'vitest';
import { openDb, type TouchlineDb } from '@/lib/db/database';
import { DEFAULT_SETTINGS } from '@/lib/settings/settings';
import { newProspectFrom } from '@/components/sidebar/new-prospect';
import { extractLinkedIn } from '@/lib/sites/linkedin/extract';
import { addProspect, findProspect } from '@/lib/store/prospects';
import { loadFixture } from '../sites/linkedin-load';

let db: TouchlineDb;
let n = 0;
beforeEach(() => {
  db = openDb(`linkedin-identity-${n++}`);
});

/** The person a fixture page shows, as the sidebar would add them. */
function seen(file: string, url: string, index = 0) {
  const detected = extractLinkedIn(loadFixture(file, url), url, Date.parse('2025-06-04T12:00:00Z'));
  const person = detected.people[index]!;
  return { person, input: newProspectFrom(person, detected) };
}

describe('one LinkedIn member, seen by member URN and by vanity URL', () => {
  // The same synthetic member (Priya) in messaging (linked by /in/ACoAA...) and on her profile page.
  const urn = 'urn:li:fsd_profile:ACoAA402211BxWQpRQkpLkL';
  const messaging = {
    name: 'Priya Raman',
    linkedinUrl: 'https://www.linkedin.com/in/ACoAA402211BxWQpRQkpLkL',
    linkedinIds: [urn],
    source: { site: 'linkedin' as const, at: 1 },
  };

  it('adds the member once: first from messaging by URN, then from the profile by vanity URL', async () => {
    const first = await addProspect(db, messaging, DEFAULT_SETTINGS);
    const { input } = seen('linkedin/profile-grouped-2025-06.html', 'https://www.linkedin.com/in/priya-raman-demo/');
    expect(input.linkedinIds).toContain(urn);
    const second = await addProspect(db, input, DEFAULT_SETTINGS);
    expect(second.created).toBe(false);
    expect(second.prospect.id).toBe(first.prospect.id);
    // Both names kept: the vanity URL replaces the URN URL, the URNs stay.
    expect(second.prospect.linkedinUrl).toBe('https://www.linkedin.com/in/priya-raman-demo');
    expect(second.prospect.linkedinIds).toEqual(expect.arrayContaining([urn, 'urn:li:member:402211']));
    expect(await db.prospects.count()).toBe(1);
  });

  it('finds the member from a later messaging link once the vanity URL is known', async () => {
    const { input } = seen('linkedin/profile-grouped-2025-06.html', 'https://www.linkedin.com/in/priya-raman-demo/');
    const added = await addProspect(db, input, DEFAULT_SETTINGS);
    const again = await addProspect(db, messaging, DEFAULT_SETTINGS);
    expect(again).toMatchObject({ created: false, prospect: { id: added.prospect.id, linkedinUrl: 'https://www.linkedin.com/in/priya-raman-demo' } });
    expect((await findProspect(db, { linkedinUrl: messaging.linkedinUrl }))?.id).toBe(added.prospect.id);
  });

  it('finds a messaging-only prospect from a URN-keyed link with no ids attached', async () => {
    const { input } = seen('linkedin/messaging-urn-2025-06.html', 'https://www.linkedin.com/messaging/thread/2-ZDemoUrnThread==/');
    const added = await addProspect(db, input, DEFAULT_SETTINGS);
    expect(added.prospect.linkedinUrl).toBe('https://www.linkedin.com/in/ACoAA402213BxWQpRQzmYmY');
    expect((await findProspect(db, { linkedinIds: ['urn:li:fsd_profile:ACoAA402213BxWQpRQzmYmY'] }))?.id).toBe(added.prospect.id);
  });

  it('keys a search result by its urn:li:member id too, and a later search finds it by URN', async () => {
    const url = 'https://www.linkedin.com/search/results/people/?keywords=x';
    const { input } = seen('linkedin/search-people-2025-06.html', url);
    const added = await addProspect(db, input, DEFAULT_SETTINGS);
    expect((await findProspect(db, { linkedinIds: ['urn:li:member:7000100'] }))?.id).toBe(added.prospect.id);
  });
});
