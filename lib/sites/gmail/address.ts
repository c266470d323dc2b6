import { normalizeEmail } from '../../store/identity';
import { isExternalPerson, type Audience } from './people';
import type { GmailAddress } from './types';

const EMAIL = /[A-Z0-9._%+'-]+@[A-Z0-9.-]+\.[A-Z]{2,}/i;

/** A display name worth keeping: Gmail repeats the address as the name when it has none. */
export function cleanName(name: string | null | undefined, email: string): string | null {
  const n = name?.replace(/\s+/g, ' ').trim();
  if (!n || normalizeEmail(n) === email) return null;
  return n;
}

export function toAddress(rawEmail: string, rawName: string | null | undefined, who: Audience): GmailAddress | null {
  const match = rawEmail.match(EMAIL);
  if (!match) return null;
  const email = normalizeEmail(match[0]);
  return { email, name: cleanName(rawName, email), external: isExternalPerson(email, who) };
}

/** The address a Gmail element stands for: `email` on names and chips, `data-hovercard-id` on PeopleKit chips. */
export function addressOf(el: Element, who: Audience): GmailAddress | null {
  const email = el.getAttribute('email') ?? el.getAttribute('data-hovercard-id') ?? '';
  return toAddress(email, el.getAttribute('name') ?? el.getAttribute('data-name'), who);
}

/** "Maria Gomez <maria@x.example>, li@x.example" (older compose's hidden inputs) as addresses. */
export function parseAddressList(value: string, who: Audience): GmailAddress[] {
  const out: GmailAddress[] = [];
  for (const part of value.split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/)) {
    const angle = part.match(/^\s*"?([^"<]*?)"?\s*<([^>]+)>\s*$/);
    const address = angle ? toAddress(angle[2]!, angle[1], who) : toAddress(part, null, who);
    if (address) out.push(address);
  }
  return out;
}

/** Keeps the first of each email, preferring one that has a name. */
export function uniqueAddresses(list: GmailAddress[]): GmailAddress[] {
  const byEmail = new Map<string, GmailAddress>();
  for (const a of list) {
    const seen = byEmail.get(a.email);
    if (!seen) byEmail.set(a.email, a);
    else if (!seen.name && a.name) byEmail.set(a.email, { ...seen, name: a.name });
  }
  return [...byEmail.values()];
}
