import type { Detected, DetectedConversation, DetectedPerson, PageHealth } from '../types';
import { extractCompany } from './company';
import { extractOverlays, extractThread } from './messaging';
import { linkedinPageKind } from './page-kind';
import { readPeopleList } from './people-list';
import { LINKEDIN } from './selectors';
import { extractProfile } from './profile';
import { extractSalesLead, extractSalesList, extractSearch } from './search';

/**
 * Everything Touchline reads from a LinkedIn page: the people it is about, the company of a company page,
 * and every open conversation (the thread page and overlay bubbles, which can sit on any page).
 */
export function extractLinkedIn(doc: Document, url: string, now = Date.now()): Detected {
  const kind = linkedinPageKind(url);
  let people: DetectedPerson[] = [];
  let health: PageHealth | undefined;
  const conversations: DetectedConversation[] = [];
  if (kind === 'profile') ({ people, health } = extractProfile(doc, url));
  else if (kind === 'search') ({ people, health } = extractSearch(doc));
  else if (kind === 'company-people') ({ people, health } = readPeopleList(doc, LINKEDIN.companyPeopleCard));
  else if (kind === 'connections') ({ people, health } = readPeopleList(doc, LINKEDIN.connectionCard));
  else if (kind === 'sales-list') people = extractSalesList(doc);
  else if (kind === 'sales-lead') people = extractSalesLead(doc, url);
  else if (kind === 'messaging') {
    const thread = extractThread(doc, url, now);
    if (thread) conversations.push(thread);
  }
  conversations.push(...extractOverlays(doc, now));
  // The people of conversations join the page's people (a bubble over a search page is someone to know too).
  const seen = new Set(people.map((p) => p.key));
  for (const c of conversations) {
    if (!seen.has(c.with.key)) {
      seen.add(c.with.key);
      people.push(c.with);
    }
  }
  const company = kind === 'company' || kind === 'company-people' ? extractCompany(doc, url) : undefined;
  if (kind === 'company') health = { name: company ? 'found' : 'missing' };
  const main = kind === 'messaging' ? conversations[0] : undefined;
  return {
    site: 'linkedin',
    kind,
    url,
    title: kind === 'profile' || kind === 'sales-lead' ? (people[0]?.name ?? undefined) : company?.name,
    conversationId: main?.id,
    people,
    messages: main?.messages ?? [],
    ...(company ? { company } : {}),
    ...(conversations.length ? { conversations } : {}),
    ...(health ? { health } : {}),
  };
}
