import type { TouchlineDb } from '../db/database';
import type { Prospect } from '../model';
import { LINKEDIN_ORIGIN } from '../hosts';

/**
 * One LinkedIn member, several names for them (issue 11): the vanity URL /in/<slug>, the member URN
 * urn:li:fsd_profile:ACoAA... (2025 messaging links it as /in/ACoAA...), and urn:li:member:<n> (search
 * results, the profile's data-member-id). A prospect keeps every form it has been seen with.
 */
const URN_URL = /^https:\/\/www\.linkedin\.com\/in\/(ACoAA[A-Za-z0-9_-]+)$/;

/** The /in/ACoAA... URL that stands for an fsd_profile URN (what a messaging-only prospect is keyed by). */
export function urnProfileUrl(urn: string): string | undefined {
  const id = urn.match(/^urn:li:fsd_profile:(ACoAA[A-Za-z0-9_-]+)$/)?.[1];
  return id ? `${LINKEDIN_ORIGIN}/in/${id}` : undefined;
}

/** The URN a /in/ACoAA... URL stands for. */
export function urnOfProfileUrl(url: string | undefined): string | undefined {
  const id = url?.match(URN_URL)?.[1];
  return id ? `urn:li:fsd_profile:${id}` : undefined;
}

/** Every id a person is known by: their URNs, plus the URN their URL stands for when it is an ACoAA one. */
export function identityIds(linkedinUrl: string | undefined, linkedinIds: readonly string[] | undefined): string[] {
  return [...new Set([...(linkedinIds ?? []), ...[urnOfProfileUrl(linkedinUrl)].filter((u): u is string => !!u)])];
}

/** The prospect already known by one of these member ids, or by the ACoAA URL one of them stands for. */
export async function findByLinkedInIds(db: TouchlineDb, ids: string[]): Promise<Prospect | undefined> {
  if (!ids.length) return undefined;
  const hit = await db.prospects.where('linkedinIds').anyOf(ids).first();
  if (hit) return hit;
  const urls = ids.map(urnProfileUrl).filter((u): u is string => !!u);
  return urls.length ? db.prospects.where('linkedinUrl').anyOf(urls).first() : undefined;
}

/**
 * What `existing` becomes once the page showed more of the member: new ids joined, and a vanity URL in
 * place of an /in/ACoAA... one (when no other prospect holds it). Undefined when nothing is new.
 */
export async function joinedIdentity(
  db: TouchlineDb,
  existing: Prospect,
  seen: { linkedinUrl?: string; linkedinIds?: string[] },
): Promise<Prospect | undefined> {
  const ids = identityIds(existing.linkedinUrl, [...(existing.linkedinIds ?? []), ...identityIds(seen.linkedinUrl, seen.linkedinIds)]).slice(0, 10);
  const vanity = seen.linkedinUrl && !URN_URL.test(seen.linkedinUrl) ? seen.linkedinUrl : undefined;
  let linkedinUrl = existing.linkedinUrl;
  if (vanity && (!linkedinUrl || URN_URL.test(linkedinUrl))) {
    const holder = await db.prospects.where('linkedinUrl').equals(vanity).first();
    if (!holder) linkedinUrl = vanity;
  }
  const sameIds = ids.length === (existing.linkedinIds ?? []).length && ids.every((id) => existing.linkedinIds?.includes(id));
  if (sameIds && linkedinUrl === existing.linkedinUrl) return undefined;
  return { ...existing, linkedinUrl, linkedinIds: ids };
}
