import type { DetectedPerson, PageHealth } from '../types';
import { readPeopleList } from './people-list';
import { text } from './dom';
import { LINKEDIN } from './selectors';
import { canonicalProfileUrl, canonicalSalesLeadUrl } from './url';

/** People search results. "LinkedIn Member" rows (out of network) have no profile link and are skipped. */
export function extractSearch(doc: Document): { people: DetectedPerson[]; health: PageHealth } {
  return readPeopleList(doc, LINKEDIN.searchResult);
}

function salesPerson(root: ParentNode, linkedinUrl: string): DetectedPerson {
  const title = text(root.querySelector(LINKEDIN.salesTitle));
  const company = text(root.querySelector(LINKEDIN.salesCompany));
  return {
    key: linkedinUrl,
    name: text(root.querySelector(LINKEDIN.salesName)) ?? null,
    emails: [],
    linkedinUrl,
    headline: text(root.querySelector(LINKEDIN.salesHeadline)) ?? ([title, company].filter(Boolean).join(' at ') || undefined),
    title,
    company,
    location: text(root.querySelector(LINKEDIN.salesLocation)),
  };
}

/**
 * Sales Navigator lead lists and lead searches. Rows link to the lead page, not the public profile, so the
 * person is keyed by the canonical lead URL; rows without a lead link (out-of-network "LinkedIn Member")
 * are skipped.
 */
export function extractSalesList(doc: Document): DetectedPerson[] {
  const people = new Map<string, DetectedPerson>();
  for (const row of doc.querySelectorAll(LINKEDIN.salesRow.join(', '))) {
    const href = row.querySelector(LINKEDIN.salesLeadLink)?.getAttribute('href');
    const linkedinUrl = href ? canonicalSalesLeadUrl(href) : null;
    if (!linkedinUrl || people.has(linkedinUrl)) continue;
    people.set(linkedinUrl, salesPerson(row, linkedinUrl));
  }
  return [...people.values()];
}

/** A Sales Navigator lead page: the public profile link when the page carries one, else the lead URL. */
export function extractSalesLead(doc: Document, url: string): DetectedPerson[] {
  const main = doc.querySelector('main') ?? doc.body;
  const profileHref = main.querySelector(LINKEDIN.salesPublicProfileLink)?.getAttribute('href');
  const linkedinUrl = (profileHref && canonicalProfileUrl(profileHref)) || canonicalSalesLeadUrl(url);
  if (!linkedinUrl) return [];
  const person = salesPerson(main, linkedinUrl);
  return person.name ? [person] : [];
}
