import type { DetectedPerson, PageHealth, PartStatus } from '../types';
import { mailtoEmails, partStatus, pick, text } from './dom';
import { embeddedEntities, str, type EmbeddedEntity } from './embedded';
import { currentRole, experienceRoles, type ExperienceRole } from './experience';
import { fsdProfileUrns, memberUrnFromHref } from './member';
import { LINKEDIN } from './selectors';
import { canonicalProfileUrl } from './url';

interface YearMonth {
  year?: number;
  month?: number;
}

const startOf = (p: EmbeddedEntity) => {
  const s = (p.dateRange as { start?: YearMonth } | undefined)?.start;
  return (s?.year ?? 0) * 100 + (s?.month ?? 0);
};

/**
 * The current role from the embedded Position entities of the member's own profile: one without an end
 * date, the latest started. `null`: positions listed, none current; `undefined`: none embedded.
 */
function currentRoleFromData(doc: Document, profileUrn: string): ExperienceRole | null | undefined {
  const positions = embeddedEntities(doc, 'Position').filter((p) => p.profileUrn === profileUrn);
  if (!positions.length) return undefined;
  const current = positions
    .filter((p) => !(p.dateRange as { end?: unknown } | undefined)?.end)
    .sort((a, b) => startOf(b) - startOf(a))[0];
  return current ? { title: str(current.title), company: str(current.companyName), current: true, start: startOf(current) } : null;
}

/**
 * The Experience card: the profile card holding div#experience (2024-07, 2025-04). Pages without the anchor
 * (older or trimmed markup) fall back to the first profile card with entities, reported as a fallback.
 */
function experienceCard(doc: Document): { el: Element; variant: number } | undefined {
  const anchored = doc.querySelector(LINKEDIN.experienceAnchor)?.closest('section');
  if (anchored) return { el: anchored, variant: 0 };
  // Real pages anchor every card (#about, #experience, #education): anchored cards without #experience
  // mean the member lists no roles, and Activity or Featured entities must not stand in for one.
  if (doc.querySelector(`${LINKEDIN.profileCard} > .pv-profile-card__anchor`)) return undefined;
  for (const card of doc.querySelectorAll(LINKEDIN.profileCard)) {
    if (card.querySelector(LINKEDIN.experienceEntry)) return { el: card, variant: 1 };
  }
  return undefined;
}

/**
 * The embedded Profile entity of the member being viewed. The page's JSON also holds the viewer's own
 * profile and others' (seen 2025-04), so only one whose publicIdentifier is this page's slug counts.
 */
function embeddedProfile(doc: Document, profileUrl: string): EmbeddedEntity | undefined {
  return embeddedEntities(doc, 'Profile').find(
    (p) => typeof p.publicIdentifier === 'string' && canonicalProfileUrl(`/in/${encodeURIComponent(p.publicIdentifier)}`) === profileUrl,
  );
}

/** The profile's own URL: the top card's contact-info link (the page URL may be an /in/ACoAA... one). */
function ownProfileUrl(card: Element | undefined, url: string): string | null {
  const contact = card?.querySelector(LINKEDIN.profileContactInfo)?.getAttribute('href');
  const fromCard = contact ? canonicalProfileUrl(contact) : null;
  if (fromCard && !memberUrnFromHref(fromCard)) return fromCard;
  return canonicalProfileUrl(url);
}

/**
 * The member's own URN: from the top card's "connections of" search link (`connectionOf=["<id>"]`), else
 * from the `profileUrn=` of links under the member's own /in/<slug>/ (Experience skill links), else from
 * embedded data that matched this profile (seen 2025-04).
 */
function ownMemberUrn(doc: Document, card: Element | undefined, linkedinUrl: string, embedded: () => EmbeddedEntity | undefined): string | undefined {
  const connectionOf = card?.querySelector('a[href*="connectionOf="]')?.getAttribute('href');
  const id = connectionOf ? new URL(connectionOf, 'https://www.linkedin.com').searchParams.get('connectionOf')?.match(/[A-Za-z0-9_-]{10,}/)?.[0] : undefined;
  if (id) return `urn:li:fsd_profile:${id}`;
  for (const a of doc.querySelectorAll('main a[href*="profileUrn="]')) {
    const href = a.getAttribute('href')!;
    if (canonicalProfileUrl(href) !== linkedinUrl) continue;
    const urn = fsdProfileUrns(href)[0];
    if (urn) return urn;
  }
  const data = embedded();
  return typeof data?.entityUrn === 'string' && data.entityUrn.startsWith('urn:li:fsd_profile:') ? data.entityUrn : undefined;
}

/**
 * A member whose roles have all ended, or who lists none while the page's other cards are there, has no
 * current role to find: that is the page, not a misread (`absent`). Missing means the card should be there.
 */
function roleHealth(doc: Document, expHit: { variant: number } | undefined, roles: ExperienceRole[], role: ExperienceRole | null | undefined): PartStatus {
  if (role) return roles.length && expHit?.variant === 0 ? 'found' : 'fallback';
  if (role === null) return 'absent';
  // An Experience card with no role Touchline can read is the site changing, not a member without roles.
  if (expHit) return 'missing';
  return doc.querySelector(`${LINKEDIN.profileCard} > .pv-profile-card__anchor`) ? 'absent' : 'missing';
}

/** A member profile: everything read from the member's own top card and Experience card, nothing else. */
export function extractProfile(doc: Document, url: string): { people: DetectedPerson[]; health: PageHealth } {
  const cardHit = pick(doc, LINKEDIN.profileTopCard);
  const card = cardHit?.el ?? doc.querySelector('main h1')?.closest('section') ?? undefined;
  const linkedinUrl = ownProfileUrl(card, url);
  const health: PageHealth = { topCard: card ? (cardHit?.variant === 0 ? 'found' : 'fallback') : 'missing' };
  if (!linkedinUrl) return { people: [], health };
  // The embedded JSON (about 1 MB on a real profile) is parsed only when the page's own markup lacks a
  // part: parsing it was most of the first detection's cost, before the sidebar's first paint.
  let parsed: { data: EmbeddedEntity | undefined } | undefined;
  const embedded = () => (parsed ??= { data: embeddedProfile(doc, linkedinUrl) }).data;
  const scope: ParentNode = card ?? doc.querySelector('main') ?? doc;
  const nameHit = pick(scope, LINKEDIN.profileName);
  const name = text(nameHit?.el) ?? ([str(embedded()?.firstName), str(embedded()?.lastName)].filter(Boolean).join(' ') || undefined);
  health.name = partStatus(nameHit, text(nameHit?.el)) === 'missing' && name ? 'fallback' : partStatus(nameHit, text(nameHit?.el));
  if (!name) return { people: [], health };

  const headlineHit = pick(scope, LINKEDIN.profileHeadline);
  const headline = text(headlineHit?.el) ?? str(embedded()?.headline);
  health.headline = headline && !text(headlineHit?.el) ? 'fallback' : partStatus(headlineHit, headline);
  const locationHit = pick(scope, LINKEDIN.profileLocation);
  const location = text(locationHit?.el) ?? str(embedded()?.locationName);
  health.location = location && !text(locationHit?.el) ? 'fallback' : partStatus(locationHit, location);

  const expHit = experienceCard(doc);
  const roles = expHit ? experienceRoles(expHit.el) : [];
  let role: ExperienceRole | null | undefined = roles.length ? (currentRole(roles) ?? null) : undefined;
  const dataUrn = role === undefined ? embedded()?.entityUrn : undefined;
  if (dataUrn) role = currentRoleFromData(doc, dataUrn);
  health.currentRole = roleHealth(doc, expHit, roles, role);

  const topCompany = text(pick(scope, LINKEDIN.profileTopCompany)?.el);
  const memberId = cardHit?.el.getAttribute('data-member-id');
  const memberUrns = [ownMemberUrn(doc, card, linkedinUrl, embedded) ?? memberUrnFromHref(url), memberId && /^\d+$/.test(memberId) ? `urn:li:member:${memberId}` : undefined].filter(
    (u): u is string => !!u,
  );
  return {
    people: [
      {
        key: linkedinUrl,
        name,
        emails: mailtoEmails(doc, LINKEDIN.mailto),
        linkedinUrl,
        headline,
        title: role?.title,
        // The top card's company stands in when the Experience card is not on the page at all.
        company: role ? role.company : role === undefined ? topCompany : undefined,
        location,
        ...(memberUrns.length ? { memberUrns } : {}),
      },
    ],
    health,
  };
}
