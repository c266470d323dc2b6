import type { Detected, DetectedPerson } from '../types';
import { linkedinPageKind } from './page-kind';
import { LINKEDIN } from './selectors';
import { canonicalProfileUrl } from './url';

function text(el: Element | null | undefined): string | undefined {
  const t = el?.textContent?.replace(/\s+/g, ' ').trim();
  return t || undefined;
}

function first(root: ParentNode, selectors: readonly string[]): Element | null {
  for (const s of selectors) {
    const el = root.querySelector(s);
    if (el) return el;
  }
  return null;
}

interface EmbeddedProfile {
  firstName?: string;
  lastName?: string;
  headline?: string;
  publicIdentifier?: string;
  locationName?: string;
}

/** The profile LinkedIn embedded for its own hydration, for the slug in the URL. */
function embeddedProfile(doc: Document, profileUrl: string): EmbeddedProfile | undefined {
  for (const code of doc.querySelectorAll(LINKEDIN.embeddedData)) {
    let json: { included?: unknown[] };
    try {
      json = JSON.parse(code.textContent ?? '');
    } catch {
      continue;
    }
    for (const item of json.included ?? []) {
      const p = item as EmbeddedProfile & { $type?: string };
      if (!p.$type?.endsWith('.Profile') || !p.publicIdentifier) continue;
      if (canonicalProfileUrl(`/in/${p.publicIdentifier}`) === profileUrl) return p;
    }
  }
  return undefined;
}

function extractProfile(doc: Document, url: string): DetectedPerson[] {
  const linkedinUrl = canonicalProfileUrl(url);
  if (!linkedinUrl) return [];
  const data = embeddedProfile(doc, linkedinUrl);
  const name = [data?.firstName, data?.lastName].filter(Boolean).join(' ') || text(first(doc, LINKEDIN.profileName));
  if (!name) return [];
  const entry = doc.querySelector(LINKEDIN.experienceEntry);
  const title = text(entry?.querySelector('.t-bold span[aria-hidden="true"]'));
  const companyLine = text(entry?.querySelector('.t-14.t-normal:not(.t-black--light) span[aria-hidden="true"]'));
  return [
    {
      key: linkedinUrl,
      name,
      emails: [],
      linkedinUrl,
      headline: data?.headline ?? text(first(doc, LINKEDIN.profileHeadline)),
      title,
      company: companyLine?.split(' · ')[0]?.trim(),
      location: data?.locationName ?? text(first(doc, LINKEDIN.profileLocation)),
    },
  ];
}

function extractSearch(doc: Document): DetectedPerson[] {
  const people = new Map<string, DetectedPerson>();
  for (const row of doc.querySelectorAll(LINKEDIN.searchResult.join(', '))) {
    const href = row.querySelector(LINKEDIN.searchResultLink)?.getAttribute('href');
    const linkedinUrl = href ? canonicalProfileUrl(href) : null;
    if (!linkedinUrl || people.has(linkedinUrl)) continue; // "LinkedIn Member" rows have no profile link
    people.set(linkedinUrl, {
      key: linkedinUrl,
      name: text(row.querySelector(LINKEDIN.searchResultName)) ?? null,
      emails: [],
      linkedinUrl,
      headline: text(row.querySelector(LINKEDIN.searchResultHeadline)),
      location: text(row.querySelector(LINKEDIN.searchResultLocation)),
    });
  }
  return [...people.values()];
}

function extractMessaging(doc: Document): DetectedPerson[] {
  const thread = doc.querySelector(LINKEDIN.messagingThread);
  const href = thread?.querySelector(LINKEDIN.messagingProfileLink)?.getAttribute('href');
  const linkedinUrl = href ? canonicalProfileUrl(href) : null;
  if (!thread || !linkedinUrl) return [];
  return [
    {
      key: linkedinUrl,
      name: text(thread.querySelector(LINKEDIN.messagingTitle)) ?? null,
      emails: [],
      linkedinUrl,
      headline: text(thread.querySelector(LINKEDIN.messagingHeadline)),
    },
  ];
}

export function extractLinkedIn(doc: Document, url: string): Detected {
  const kind = linkedinPageKind(url);
  const people =
    kind === 'profile' ? extractProfile(doc, url) : kind === 'search' ? extractSearch(doc) : kind === 'messaging' ? extractMessaging(doc) : [];
  return { site: 'linkedin', kind, url, title: kind === 'profile' ? people[0]?.name ?? undefined : undefined, people, messages: [] };
}
