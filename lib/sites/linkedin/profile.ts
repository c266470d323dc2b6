import type { DetectedPerson } from '../types';
import { first, mailtoEmails, text } from './dom';
import { embeddedEntities, str, type EmbeddedEntity } from './embedded';
import { LINKEDIN } from './selectors';
import { canonicalProfileUrl } from './url';

interface Role {
  title?: string;
  company?: string;
}

interface YearMonth {
  year?: number;
  month?: number;
}

const startOf = (p: EmbeddedEntity) => {
  const s = (p.dateRange as { start?: YearMonth } | undefined)?.start;
  return (s?.year ?? 0) * 100 + (s?.month ?? 0);
};

/**
 * The current role from the embedded Position entities: one without an end date, the latest started.
 * `null` means the page lists positions and none is current; `undefined` means no embedded positions.
 */
function currentRoleFromData(doc: Document, profileUrn: string | undefined): Role | null | undefined {
  const positions = embeddedEntities(doc, 'Position').filter(
    (p) => !profileUrn || !str(p.profileUrn) || p.profileUrn === profileUrn,
  );
  if (!positions.length) return undefined;
  const current = positions
    .filter((p) => !(p.dateRange as { end?: unknown } | undefined)?.end)
    .sort((a, b) => startOf(b) - startOf(a))[0];
  return current ? { title: str(current.title), company: str(current.companyName) } : null;
}

/** The first Experience entry; a company with several roles lists the company first, roles nested below. */
function currentRoleFromDom(doc: Document): Role {
  const entry = doc.querySelector(LINKEDIN.experienceEntry);
  if (!entry) return {};
  const nested = entry.querySelector(LINKEDIN.experienceNested);
  if (nested) return { company: text(entry.querySelector(LINKEDIN.experienceBold)), title: text(nested.querySelector(LINKEDIN.experienceBold)) };
  const companyLine = text(entry.querySelector(LINKEDIN.experienceSubtitle));
  // "Globex Logistics · Full-time": the part after the separator is the employment type.
  return { title: text(entry.querySelector(LINKEDIN.experienceBold)), company: companyLine?.split(' · ')[0]?.trim() };
}

function embeddedProfile(doc: Document, profileUrl: string): EmbeddedEntity | undefined {
  return embeddedEntities(doc, 'Profile').find(
    (p) => typeof p.publicIdentifier === 'string' && canonicalProfileUrl(`/in/${encodeURIComponent(p.publicIdentifier)}`) === profileUrl,
  );
}

export function extractProfile(doc: Document, url: string): DetectedPerson[] {
  const linkedinUrl = canonicalProfileUrl(url);
  if (!linkedinUrl) return [];
  const data = embeddedProfile(doc, linkedinUrl);
  const name = [str(data?.firstName), str(data?.lastName)].filter(Boolean).join(' ') || text(first(doc, LINKEDIN.profileName));
  if (!name) return [];
  const role = currentRoleFromData(doc, data?.entityUrn);
  const { title, company } = role === undefined ? currentRoleFromDom(doc) : (role ?? {});
  return [
    {
      key: linkedinUrl,
      name,
      emails: mailtoEmails(doc, LINKEDIN.mailto),
      linkedinUrl,
      headline: str(data?.headline) ?? text(first(doc, LINKEDIN.profileHeadline)),
      title,
      company,
      location: str(data?.locationName) ?? text(first(doc, LINKEDIN.profileLocation)),
    },
  ];
}
