import { normalizeEmail } from '../../store/identity';
import type { Detected, DetectedPerson } from '../types';
import { gmailRoute } from './page-kind';
import { isExternalPerson, type Audience } from './people';
import { GMAIL } from './selectors';

const EMAIL_IN_TEXT = /[A-Z0-9._%+-]+@[A-Z0-9.-]+\.[A-Z]{2,}/i;

/** The signed-in address, read from the account button (its label is localized; the address is not). */
export function accountEmail(doc: Document): string | null {
  for (const selector of GMAIL.accountButton) {
    const label = doc.querySelector(selector)?.getAttribute('aria-label');
    const match = label?.match(EMAIL_IN_TEXT);
    if (match) return normalizeEmail(match[0]);
  }
  return null;
}

/**
 * The people on a Gmail page: on a thread, everyone in the open conversation; elsewhere, the senders in
 * the visible list. Only people outside the user's organisation are reported.
 */
export function extractGmail(doc: Document, url: string, settings: Omit<Audience, 'account'>): Detected {
  const route = gmailRoute(url);
  const audience: Audience = { ...settings, account: accountEmail(doc) };
  const main = doc.querySelector(GMAIL.main) ?? doc.body;
  const subjectEl = route.kind === 'thread' ? main.querySelector(GMAIL.threadSubject) : null;
  const people = new Map<string, DetectedPerson>();
  for (const el of main.querySelectorAll(GMAIL.person)) {
    const email = normalizeEmail(el.getAttribute('email') ?? '');
    if (!email || people.has(email) || !isExternalPerson(email, audience)) continue;
    people.set(email, { key: email, name: el.getAttribute('name')?.trim() || null, emails: [email] });
  }
  return {
    site: 'gmail',
    kind: route.kind,
    url,
    title: subjectEl?.textContent?.trim() || undefined,
    conversationId: subjectEl?.getAttribute('data-legacy-thread-id') ?? route.threadId,
    people: [...people.values()],
    messages: [],
  };
}
