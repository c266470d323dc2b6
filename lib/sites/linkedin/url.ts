import { LINKEDIN_ORIGIN } from '../../hosts';
import { memoize } from './memo';

/**
 * The one form a LinkedIn profile URL is stored in: https://www.linkedin.com/in/<slug>, slug lower-cased (a
 * member-URN id /in/ACoAA... keeps its case) and
 * percent-decoded, no query, no trailing slash, no sub-page (/overlay/..., /details/...).
 * Returns null for anything that is not a member profile.
 */
export function canonicalProfileUrl(href: string, base: string = LINKEDIN_ORIGIN): string | null {
  return base === LINKEDIN_ORIGIN ? profileUrlOnLinkedIn(href) : readProfileUrl(href, base);
}

const profileUrlOnLinkedIn = memoize((href) => readProfileUrl(href, LINKEDIN_ORIGIN));

function readProfileUrl(href: string, base: string): string | null {
  let url: URL;
  try {
    url = new URL(href, base);
  } catch {
    return null;
  }
  if (!/(^|\.)linkedin\.com$/i.test(url.hostname)) return null;
  const match = url.pathname.match(/^\/in\/([^/]+)/);
  if (!match?.[1]) return null;
  let slug = match[1];
  try {
    slug = decodeURIComponent(slug);
  } catch {
    // A malformed escape: keep the raw slug rather than lose the person.
  }
  slug = slug.trim();
  // Member-URN links (/in/ACoAA..., messaging 2025) are case-sensitive ids, not slugs: keep their case.
  if (!/^ACoAA[A-Za-z0-9_-]+$/.test(slug)) slug = slug.toLowerCase();
  return slug ? `${LINKEDIN_ORIGIN}/in/${slug}` : null;
}

/** https://www.linkedin.com/company/<slug> (lower-case, decoded), or null for anything else. */
export function canonicalCompanyUrl(href: string, base: string = LINKEDIN_ORIGIN): string | null {
  let url: URL;
  try {
    url = new URL(href, base);
  } catch {
    return null;
  }
  if (!/(^|\.)linkedin\.com$/i.test(url.hostname)) return null;
  const slug = url.pathname.match(/^\/company\/([^/]+)/)?.[1];
  if (!slug) return null;
  let decoded = slug;
  try {
    decoded = decodeURIComponent(slug);
  } catch {
    // keep the raw slug
  }
  return `${LINKEDIN_ORIGIN}/company/${decoded.trim().toLowerCase()}`;
}

/**
 * A Sales Navigator lead: https://www.linkedin.com/sales/lead/<member id>. Lead URLs carry the search that
 * led to them after a comma (",NAME_SEARCH,xyz"); only the member id identifies the person.
 */
export function canonicalSalesLeadUrl(href: string, base: string = LINKEDIN_ORIGIN): string | null {
  let url: URL;
  try {
    url = new URL(href, base);
  } catch {
    return null;
  }
  if (!/(^|\.)linkedin\.com$/i.test(url.hostname)) return null;
  const id = url.pathname.match(/^\/sales\/(?:lead|people)\/([^/,]+)/)?.[1];
  return id ? `${LINKEDIN_ORIGIN}/sales/lead/${id}` : null;
}
