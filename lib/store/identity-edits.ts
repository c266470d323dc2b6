import type { TouchlineDb } from '../db/database';
import type { Prospect } from '../model';
import { canonicalProfileUrl } from '../sites/linkedin/url';
import { write } from './unit-of-work';
import { UserError } from './errors';
import { getProspect } from './prospects';
import { normalizeEmail } from './identity';

export interface IdentityInput {
  emails: string[];
  /** Empty or absent removes it. */
  linkedinUrl?: string;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Changes how a person is reached: their email addresses and LinkedIn profile, edited on the record. Every
 * address and profile stays unique to one prospect: one that belongs to someone else is refused with that
 * person's name (the two are the same person: merge them instead, which keeps both histories).
 */
export async function setIdentity(db: TouchlineDb, prospectId: string, input: IdentityInput, now = Date.now()): Promise<Prospect> {
  const emails = [...new Set(input.emails.map(normalizeEmail).filter(Boolean))];
  const bad = emails.find((e) => !EMAIL.test(e) || e.length > 320);
  if (bad) throw new UserError('invalid', `"${bad}" is not an email address.`);
  const rawUrl = input.linkedinUrl?.trim();
  const linkedinUrl = rawUrl ? canonicalProfileUrl(rawUrl) : undefined;
  if (rawUrl && !linkedinUrl) throw new UserError('invalid', 'That is not a LinkedIn profile address (https://www.linkedin.com/in/…).');
  if (!emails.length && !linkedinUrl) throw new UserError('invalid', 'A prospect needs an email address or a LinkedIn profile.');
  return write(db, async () => {
    const p = await getProspect(db, prospectId);
    for (const other of await db.prospects.where('emails').anyOf(emails).toArray()) {
      if (other.id === p.id) continue;
      const taken = other.emails.find((e) => emails.includes(e));
      throw new UserError('conflict', `${taken} belongs to ${other.name}. If they are the same person, merge the two instead.`);
    }
    if (linkedinUrl) {
      const holder = await db.prospects.where('linkedinUrl').equals(linkedinUrl).first();
      if (holder && holder.id !== p.id) throw new UserError('conflict', `That LinkedIn profile belongs to ${holder.name}. If they are the same person, merge the two instead.`);
    }
    const next: Prospect = { ...p, emails, linkedinUrl: linkedinUrl ?? undefined, updatedAt: now };
    // Member ids were seen with the old profile: a corrected profile must not keep matching the old member.
    if (linkedinUrl !== p.linkedinUrl) delete next.linkedinIds;
    if (!next.linkedinUrl) delete next.linkedinUrl;
    await db.prospects.put(next);
    return next;
  }, { now });
}
