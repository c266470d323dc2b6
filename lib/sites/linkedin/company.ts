import type { DetectedCompany } from '../types';
import { first, text } from './dom';
import { embeddedEntities, str } from './embedded';
import { LINKEDIN } from './selectors';
import { canonicalCompanyUrl } from './url';

/** The company of a /company/<slug>/ page: embedded Company entity first, the top card otherwise. */
export function extractCompany(doc: Document, url: string): DetectedCompany | undefined {
  const linkedinUrl = canonicalCompanyUrl(url);
  if (!linkedinUrl) return undefined;
  const data = embeddedEntities(doc, 'Company').find(
    (c) => typeof c.universalName === 'string' && canonicalCompanyUrl(`/company/${c.universalName}`) === linkedinUrl,
  );
  const name = str(data?.name) ?? text(first(doc, LINKEDIN.companyName));
  if (!name) return undefined;
  const website = str(data?.websiteUrl) ?? doc.querySelector(LINKEDIN.companyWebsite)?.getAttribute('href') ?? undefined;
  const industry = str((data?.industry as { name?: unknown } | undefined)?.name) ?? text(doc.querySelector(LINKEDIN.companyIndustry));
  return { name, linkedinUrl, website, industry };
}
