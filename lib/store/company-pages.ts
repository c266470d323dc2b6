import type { TouchlineDb } from '../db/database';
import { newId, type Company, type Prospect } from '../model';
import { write } from './unit-of-work';
import { normalizeName } from './merge';

export interface CompanyPageFacts {
  name: string;
  linkedinUrl: string;
  website?: string;
}

function domainOf(website: string | undefined): string | undefined {
  if (!website) return undefined;
  try {
    return new URL(website).hostname.toLowerCase().replace(/^www\./, '') || undefined;
  } catch {
    return undefined;
  }
}

/** Prospects that name this company but are not attached to it yet. */
async function unattached(db: TouchlineDb, company: Company): Promise<Prospect[]> {
  const name = normalizeName(company.name);
  return db.prospects.filter((p) => p.companyId !== company.id && !!p.company && normalizeName(p.company) === name).toArray();
}

/**
 * Saves the company of a LinkedIn company page (by its LinkedIn URL, else its website's domain, so the same
 * company met by email is not duplicated) and lists the prospects that could be attached to it.
 */
export async function saveCompanyPage(
  db: TouchlineDb,
  facts: CompanyPageFacts,
  now = Date.now(),
): Promise<{ company: Company; created: boolean; attachable: Prospect[] }> {
  return write(db, async () => {
    const domain = domainOf(facts.website);
    let company =
      (await db.companies.where('linkedinUrl').equals(facts.linkedinUrl).first()) ??
      (domain ? await db.companies.where('domain').equals(domain).first() : undefined);
    const created = !company;
    if (!company) {
      company = { id: newId(), name: facts.name, domain, linkedinUrl: facts.linkedinUrl, createdAt: now, updatedAt: now };
      await db.companies.add(company);
    } else if (!company.linkedinUrl) {
      company = { ...company, linkedinUrl: facts.linkedinUrl, updatedAt: now };
      await db.companies.put(company);
    }
    return { company, created, attachable: await unattached(db, company) };
  }, { now });
}

/** Attaches prospects to a company (their company name follows it). */
export async function attachToCompany(db: TouchlineDb, companyId: string, prospectIds: string[], now = Date.now()): Promise<number> {
  return write(db, async () => {
    const company = await db.companies.get(companyId);
    if (!company) return 0;
    return db.prospects.where('id').anyOf(prospectIds).modify({ companyId, company: company.name, updatedAt: now });
  }, { now });
}
