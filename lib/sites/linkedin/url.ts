import { LINKEDIN_ORIGIN } from '../../hosts';

/**
 * The one form a LinkedIn profile URL is stored in: https://www.linkedin.com/in/<slug>, slug lower-cased and
 * percent-decoded, no query, no trailing slash, no sub-page (/overlay/..., /details/...).
 * Returns null for anything that is not a member profile.
 */
export function canonicalProfileUrl(href: string, base: string = LINKEDIN_ORIGIN): string | null {
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
  slug = slug.trim().toLowerCase();
  return slug ? `${LINKEDIN_ORIGIN}/in/${slug}` : null;
}
