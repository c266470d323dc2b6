import type { DetectedPerson, PageHealth, PartStatus } from '../types';
import { text } from './dom';
import { fsdProfileUrns, memberUrnFromHref } from './member';
import { LINKEDIN } from './selectors';
import { canonicalProfileUrl } from './url';

/** Every element of the first variant that matches anything, and which variant that was. */
export function rowsOf(root: ParentNode, variants: readonly string[]): { rows: Element[]; variant: number } {
  for (let i = 0; i < variants.length; i++) {
    const rows = [...root.querySelectorAll(variants[i]!)];
    if (rows.length) return { rows, variant: i };
  }
  return { rows: [], variant: -1 };
}

function firstText(root: ParentNode, variants: readonly string[]): string | undefined {
  for (const s of variants) {
    const t = text(root.querySelector(s));
    if (t) return t;
  }
  return undefined;
}

/**
 * The member URNs a card carries for itself: `data-chameleon-result-urn` (search 2025), the
 * `miniProfileUrn=` of its profile link, or the fsd_profile id of its Message link (connections 2025-04).
 */
function cardUrns(card: Element, profileHref: string): string[] {
  const urns = new Set<string>();
  const own = (card.closest('[data-chameleon-result-urn]') ?? card.querySelector('[data-chameleon-result-urn]'))?.getAttribute('data-chameleon-result-urn');
  const mini = fsdProfileUrns(profileHref)[0];
  if (mini) urns.add(mini);
  if (own?.startsWith('urn:li:member:')) urns.add(own);
  const message = card.querySelector('a[href*="/messaging/compose/"]')?.getAttribute('href');
  const fromMessage = message ? fsdProfileUrns(message)[0] : undefined;
  if (fromMessage) urns.add(fromMessage);
  return [...urns];
}

/**
 * One person card of a people list. The card's own profile links are its vanity /in/<slug> links; links
 * to /in/ACoAA... inside a card are mutual connections (seen 2025 on search and People tab cards) and are
 * never read as the result. The name is the text of the first own link that shows one.
 */
export function readCard(card: Element): DetectedPerson | undefined {
  let linkedinUrl: string | null = null;
  let href = '';
  let name: string | undefined;
  for (const a of card.querySelectorAll(LINKEDIN.listProfileLink)) {
    const h = a.getAttribute('href') ?? '';
    if (memberUrnFromHref(h)) continue;
    const url = canonicalProfileUrl(h);
    if (!url) continue;
    if (linkedinUrl && url !== linkedinUrl) continue;
    linkedinUrl ??= url;
    href ||= h;
    name = firstText(a, LINKEDIN.listName) ?? text(a);
    if (name) break;
  }
  if (!linkedinUrl) return undefined;
  const memberUrns = cardUrns(card, href);
  return {
    key: linkedinUrl,
    name: name ?? null,
    emails: [],
    linkedinUrl,
    headline: firstText(card, LINKEDIN.listHeadline) ?? headlineAfterName(card, name),
    location: firstText(card, LINKEDIN.listLocation),
    ...(memberUrns.length ? { memberUrns } : {}),
  };
}

/** 2025-04 connections cards have only generated classes: the headline is the paragraph after the name link. */
function headlineAfterName(card: Element, name: string | undefined): string | undefined {
  if (!name) return undefined;
  for (const a of card.querySelectorAll(LINKEDIN.listProfileLink)) {
    if (text(a) !== name) continue;
    const next = a.nextElementSibling;
    return next?.tagName === 'P' ? text(next) : undefined;
  }
  return undefined;
}

/** The people of a list page, de-duplicated by profile, with the page's health (rows found, names read). */
export function readPeopleList(doc: Document, variants: readonly string[]): { people: DetectedPerson[]; health: PageHealth } {
  // Cards are specific enough to find anywhere; the saved 2025-04 connections page has two <main>.
  const { rows, variant } = rowsOf(doc, variants);
  const people = new Map<string, DetectedPerson>();
  for (const row of rows) {
    const person = readCard(row);
    if (person && !people.has(person.key)) people.set(person.key, person);
  }
  const list = [...people.values()];
  const status = (ok: boolean): PartStatus => (!ok ? 'missing' : variant === 0 ? 'found' : 'fallback');
  return {
    people: list,
    health: {
      results: status(list.length > 0),
      names: status(list.length > 0 && list.every((p) => p.name)),
      headlines: status(list.some((p) => p.headline)),
    },
  };
}
