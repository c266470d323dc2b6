import { LINKEDIN_ORIGIN } from '../../hosts';
import { memoize } from './memo';

/**
 * LinkedIn's member URNs. A profile link may name the member by URN instead of vanity slug: messaging
 * threads link `/in/ACoAA...` (seen 2025), search results carry `urn:li:member:<n>`, message buttons carry
 * `urn:li:fsd_profile:<id>`. These ids are case-sensitive, unlike slugs.
 */
const PROFILE_ID = /^ACoAA[A-Za-z0-9_-]+$/;

/** `urn:li:fsd_profile:ACoAA...` when `href` is an /in/ACoAA... link, else undefined. */
export const memberUrnFromHref: (href: string) => string | undefined = memoize(readMemberUrn);

function readMemberUrn(href: string): string | undefined {
  let path: string;
  try {
    path = new URL(href, LINKEDIN_ORIGIN).pathname;
  } catch {
    return undefined;
  }
  const id = path.match(/^\/in\/([^/]+)/i)?.[1];
  if (!id) return undefined;
  const raw = decodeSafe(id);
  // Canonical URLs are lower-cased; the id's case matters, so only the page's own form is read.
  return PROFILE_ID.test(raw) ? `urn:li:fsd_profile:${raw}` : undefined;
}

/** The profile URL that LinkedIn resolves for a member URN (used as the key until the vanity URL is seen). */
export function memberUrnUrl(urn: string): string | undefined {
  const id = urn.match(/^urn:li:fsd_profile:(.+)$/)?.[1];
  return id ? `${LINKEDIN_ORIGIN}/in/${id}` : undefined;
}

/** Every `urn:li:fsd_profile:<id>` in a (possibly URL-encoded) attribute value, e.g. a Message link. */
export const fsdProfileUrns: (value: string) => readonly string[] = memoize((value) => {
  const decoded = decodeSafe(value);
  return Object.freeze([...decoded.matchAll(/urn:li:fsd_profile:([A-Za-z0-9_-]+)/g)].map((m) => `urn:li:fsd_profile:${m[1]}`));
});

function decodeSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
