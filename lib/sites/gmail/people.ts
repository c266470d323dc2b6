import { emailDomain, normalizeEmail } from '../../store/identity';

/** Local parts used by machines, not people: never offered as prospects. */
const AUTOMATED_LOCAL =
  /^(no-?reply|do-?not-?reply|donotreply|notifications?|notify|mailer-daemon|postmaster|bounces?|calendar(-notification)?|alerts?|news(letter)?|updates|support-noreply|automated|system)([+._-].*)?$/;

export function isAutomatedSender(email: string): boolean {
  return AUTOMATED_LOCAL.test(normalizeEmail(email).split('@')[0] ?? '');
}

export interface Audience {
  /** The signed-in account, lower-cased. */
  account: string | null;
  internalDomains: string[];
  neverCapture: string[];
}

/** Colleagues, the user, automated senders and never-capture entries are not prospects. */
export function isExternalPerson(email: string, who: Audience): boolean {
  const e = normalizeEmail(email);
  const domain = emailDomain(e);
  if (!domain || e === who.account) return false;
  const own = who.account ? emailDomain(who.account) : null;
  const internal = new Set([own, ...who.internalDomains.map((d) => d.toLowerCase())]);
  if (internal.has(domain)) return false;
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
  const own = who.account ? emailDomain(who.account) : null;
  return domain === own || who.internalDomains.some((d) => d.toLowerCase() === domain);
}
