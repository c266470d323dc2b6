import { emailDomain, normalizeEmail } from '../../store/identity';
import type { Detected, DetectedPerson, PageHealth, PartStatus } from '../types';
import { addressOf } from './address';
import { companyFromDomain } from './company';
import { readDrafts } from './compose';
import { listRows, readListRows } from './list';
import { gmailRoute } from './page-kind';
import type { Audience } from './people';
import { GMAIL } from './selectors';
import { readThread } from './thread';
import type { GmailAddress, GmailDetails, GmailListRow } from './types';

const EMAIL_IN_TEXT = /[A-Z0-9._%+-]+@[A-Z0-9.-]+\.[A-Z]{2,}/i;

/** The signed-in address: the account button (its label is localized; the address is not), else the title. */
export function accountEmail(doc: Document): string | null {
  return readAccount(doc).email;
}

function readAccount(doc: Document): { email: string | null; status: PartStatus } {
  for (const selector of GMAIL.accountButton) {
    const label = doc.querySelector(selector)?.getAttribute('aria-label');
    const match = label?.match(EMAIL_IN_TEXT);
    if (match) return { email: normalizeEmail(match[0]), status: 'found' };
  }
  // 2025-04: the title names the account too ("Inbox (16) - me@x.com - Gmail"); its words are localized.
  const inTitle = doc.title.match(/ - ([^\s@]+@[^\s@]+\.[^\s@]+) - /)?.[1];
  return inTitle ? { email: normalizeEmail(inTitle), status: 'fallback' } : { email: null, status: 'missing' };
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
  const account = readAccount(doc);
  const who: Audience = { internalDomains: options.internalDomains, neverCapture: options.neverCapture, account: account.email };
  const main = doc.querySelector(GMAIL.main);
  const { thread, signatures } = main ? readThread(main, who, { bodyChars: options.bodyChars ?? 0 }) : { thread: undefined, signatures: [] };
  // With the reading pane on, the list and the open thread share `main`: rows are read either way (chips).
  const found = main ? listRows(main) : { rows: [], variant: -1 };
  const rows = readListRows(found.rows, who);
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
    // A list: the people its rows name; any other view: the people Gmail names in the main view.
    if (rows.length) for (const r of rows) r.participants.forEach(add);
    else
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
    health: gmailHealth(route.kind, account.status, thread, rows, found.variant, main),
  };
}

/** Which expected parts of a Gmail page were read: names and statuses only (lib/health). */
function gmailHealth(
  kind: string,
  account: PartStatus,
  thread: GmailDetails['thread'],
  rows: GmailListRow[],
  variant: number,
  main: Element | null,
): PageHealth {
  const health: PageHealth = { account };
  if (kind === 'thread') {
    health.subject = thread?.subject ? 'found' : 'missing';
    health.messages = thread?.messages.length ? 'found' : 'missing';
    health.senders = thread?.messages.length ? 'found' : 'missing';
  } else if (kind === 'list' && main) {
    health.rows = rows.length ? (variant === 0 ? 'found' : 'fallback') : main.querySelector('tr') ? 'missing' : 'absent';
    if (rows.length) health.senders = rows.every((r) => r.sender) ? 'found' : 'missing';
  }
  return health;
}
