import type { NewProspect } from '@/lib/model';
import type { Detected, DetectedPerson } from '@/lib/sites/types';

/** What the page told us about a person, as a new prospect (both sites add people through this). */
export function newProspectFrom(person: DetectedPerson, detected: Detected): NewProspect {
  return {
    name: person.name ?? person.emails[0] ?? 'Unknown',
    emails: person.emails,
    linkedinUrl: person.linkedinUrl,
    ...(person.memberUrns?.length ? { linkedinIds: person.memberUrns } : {}),
    headline: person.headline,
    title: person.title,
    company: person.company,
    location: person.location,
    phone: person.phone,
    source: { site: detected.site, url: detected.url, at: Date.now() },
  };
}
