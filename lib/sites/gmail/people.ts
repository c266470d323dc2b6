import { emailDomain, normalizeEmail } from '../../store/identity';

/**
 * Role words machines put in their local part, anywhere between separators: noreply@, no-reply@,
 * payments-noreply@, drive-shares-dm-noreply@, donotreply@, notifications@, mailer@, mailer-daemon@,
 * order-update@, shipment-tracking@, service@ (all seen in a real 2025-04 inbox or its kind).
 */
const AUTOMATED_WORD =
  /(^|[-._+])(no-?reply|noreply|do-?not-?reply|donotreply|notifications?|notify|mailer|mailer-daemon|postmaster|bounces?|order-updates?|shipment-tracking|service|alerts?|updates?|news|newsletters?|digest|calendar(-notification)?|automated|system|receipts?|billing|invoices?)([-._+]|$)/;

/** Domains that send only bulk mail (newsletters, list platforms): nobody there writes to a rep in person. */
const BULK_DOMAINS = ['substack.com', 'beehiiv.com', 'mailchimpapp.com', 'mcsv.net', 'list-manage.com', 'sendgrid.net', 'amazonses.com', 'mailgun.org', 'convertkit.com', 'ghost.io', 'hubspotemail.net', 'mktomail.com'];

export function isAutomatedSender(email: string): boolean {
  const e = normalizeEmail(email);
  if (AUTOMATED_WORD.test(e.split('@')[0] ?? '')) return true;
  const domain = emailDomain(e);
  return BULK_DOMAINS.some((d) => domain === d || domain.endsWith(`.${d}`));
}

/**
 * Public mailbox domains: two addresses there share a provider, not an employer. A rep signed in with a
 * gmail.com account (seen in the real 2025-04 inbox) must still see other gmail.com senders as people.
 */
const PUBLIC_MAILBOX = new Set([
  'gmail.com', 'googlemail.com', 'outlook.com', 'hotmail.com', 'live.com', 'msn.com', 'yahoo.com', 'ymail.com', 'icloud.com', 'me.com',
  'mac.com', 'aol.com', 'proton.me', 'protonmail.com', 'gmx.com', 'gmx.de', 'gmx.net', 'web.de', 'yandex.ru', 'yandex.com', 'mail.ru',
  'qq.com', '163.com', '126.com', 'zoho.com', 'fastmail.com', 'hey.com',
]);

/** The account's own company domain, or null when the account is on a public mailbox domain. */
function ownDomain(account: string | null): string | null {
  const d = account ? emailDomain(account) : null;
  return d && !PUBLIC_MAILBOX.has(d) ? d : null;
}

export interface Audience {
  /** The signed-in account, lower-cased. */
  account: string | null;
  internalDomains: string[];
  neverCapture: string[];
}

/**
 * What one audience decides, worked out once per audience object: extraction builds one per run and asks
 * about the same few addresses for every message of a thread (50 messages, 20 people on the large thread),
 * so each verdict is computed once per run instead of per chip. An audience is not changed after use.
 */
interface Verdicts {
  own: string | null;
  internal: Set<string | null>;
  external: Map<string, boolean>;
}
const verdicts = new WeakMap<Audience, Verdicts>();

function verdictsOf(who: Audience): Verdicts {
  let v = verdicts.get(who);
  if (!v) {
    const own = ownDomain(who.account);
    v = { own, internal: new Set([own, ...who.internalDomains.map((d) => d.toLowerCase())]), external: new Map() };
    verdicts.set(who, v);
  }
  return v;
}

/** Colleagues, the user, automated senders and never-capture entries are not prospects. */
export function isExternalPerson(email: string, who: Audience): boolean {
  const e = normalizeEmail(email);
  const v = verdictsOf(who);
  let external = v.external.get(e);
  if (external === undefined) {
    external = decideExternal(e, who, v);
    v.external.set(e, external);
  }
  return external;
}

function decideExternal(e: string, who: Audience, v: Verdicts): boolean {
  const domain = emailDomain(e);
  if (!domain || e === who.account) return false;
  if (v.internal.has(domain)) return false;
  if (isAutomatedSender(e)) return false;
  return !who.neverCapture.some((entry) => {
    const n = entry.trim().toLowerCase();
    return n.includes('@') ? n === e : domain === n || domain.endsWith(`.${n}`);
  });
}

/** The user's side of a conversation: the user and colleagues (a colleague's mail to a prospect is outbound). */
export function isOwnSide(email: string, who: Audience): boolean {
  const e = normalizeEmail(email);
  if (e === who.account) return true;
  const domain = emailDomain(e);
  const v = verdictsOf(who);
  return (!!v.own && domain === v.own) || v.internal.has(domain);
}
