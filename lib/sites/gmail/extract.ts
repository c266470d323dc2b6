import { emailDomain, normalizeEmail } from '../../store/identity';
import type { Detected, DetectedPerson } from '../types';
import { addressOf } from './address';
import { companyFromDomain } from './company';
import { readDrafts } from './compose';
import { readListRows } from './list';
import { gmailRoute } from './page-kind';
import type { Audience } from './people';
import { GMAIL } from './selectors';
import { readThread } from './thread';
import type { GmailAddress, GmailDetails } from './types';

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

export interface GmailExtractOptions extends Omit<Audience, 'account'> {
  /** Body characters kept per message for logging (settings.emailBodyChars); 0 or absent keeps none. */
  bodyChars?: number;
}

function person(a: GmailAddress): DetectedPerson {
  return { key: a.email, name: a.name, emails: [a.email], company: companyFromDomain(emailDomain(a.email)) };
}

/**
 * Everything Touchline reads on a Gmail page, looking only inside the main view and compose windows: the
 * open thread (messages, recipients, signatures), open drafts, list rows, and the external people among
 * them, each once in the order they appear. The user, colleagues, automated senders and never-capture
 * entries are never among `people`.
 */
export function extractGmail(doc: Document, url: string, options: GmailExtractOptions): Detected {
  const route = gmailRoute(url);
  const who: Audience = { internalDomains: options.internalDomains, neverCapture: options.neverCapture, account: accountEmail(doc) };
  const main = doc.querySelector(GMAIL.main);
  const { thread, signatures } = main ? readThread(main, who, { bodyChars: options.bodyChars ?? 0 }) : { thread: undefined, signatures: [] };
  const rows = main && !thread ? readListRows(main, who) : [];
  const drafts = readDrafts(doc, who);

  const people = new Map<string, DetectedPerson>();
  const add = (a: GmailAddress) => {
    if (!a.external) return;
    const seen = people.get(a.email);
    if (!seen) people.set(a.email, person(a));
    else if (!seen.name && a.name) seen.name = a.name;
  };
  for (const m of thread?.messages ?? []) [m.from, ...m.to, ...m.cc].forEach(add);
  if (main && !thread) {
    // List rows (and any other view): the external people Gmail names in the main view.
    for (const el of main.querySelectorAll(GMAIL.person)) {
      const a = addressOf(el, who);
      if (a) add(a);
    }
  }
  for (const d of drafts) [...d.to, ...d.cc, ...d.bcc].forEach(add);

  const gmail: GmailDetails = { account: who.account, thread, signatures, drafts, rows };
  return {
    site: 'gmail',
    kind: route.kind,
    url,
    title: thread?.subject || undefined,
    conversationId: thread?.legacyThreadId ?? route.threadId,
    people: [...people.values()],
    messages: (thread?.messages ?? []).map((m) => ({ id: m.id, from: m.from.email, direction: m.direction, at: m.at, subject: thread?.subject })),
    gmail,
  };
}
