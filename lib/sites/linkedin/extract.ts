import type { Detected, DetectedConversation, DetectedPerson } from '../types';
import { extractCompany } from './company';
import { extractOverlays, extractThread } from './messaging';
import { linkedinPageKind } from './page-kind';
import { extractProfile } from './profile';
import { extractSalesLead, extractSalesList, extractSearch } from './search';

/**
 * Everything Touchline reads from a LinkedIn page: the people it is about, the company of a company page,
 * and every open conversation (the thread page and overlay bubbles, which can sit on any page).
 */
export function extractLinkedIn(doc: Document, url: string, now = Date.now()): Detected {
  const kind = linkedinPageKind(url);
  let people: DetectedPerson[] = [];
  const conversations: DetectedConversation[] = [];
  if (kind === 'profile') people = extractProfile(doc, url);
  else if (kind === 'search') people = extractSearch(doc);
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
  const company = kind === 'company' ? extractCompany(doc, url) : undefined;
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
  };
}
