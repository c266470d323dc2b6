/** Mailbox providers: their domain says nothing about where a person works. */
const FREEMAIL = new Set([
  'gmail.com', 'googlemail.com', 'outlook.com', 'hotmail.com', 'live.com', 'msn.com', 'yahoo.com', 'ymail.com',
  'icloud.com', 'me.com', 'mac.com', 'aol.com', 'proton.me', 'protonmail.com', 'gmx.com', 'gmx.de', 'web.de',
  'mail.com', 'yandex.ru', 'qq.com', '163.com', 'fastmail.com', 'zoho.com',
]);

/** Second-level labels that belong to the suffix (acme.co.uk -> acme). */
const SUFFIX_LABELS = new Set(['co', 'com', 'org', 'net', 'ac', 'gov', 'edu']);

/**
 * A company name guessed from an email domain, used only when nothing better (a signature, a profile) is
 * known: "maria@acme-robotics.example" -> "Acme Robotics". Freemail domains give nothing.
 */
export function companyFromDomain(domain: string): string | undefined {
  const d = domain.trim().toLowerCase();
  if (!d || FREEMAIL.has(d)) return undefined;
  const labels = d.split('.');
  labels.pop();
  while (labels.length > 1 && SUFFIX_LABELS.has(labels[labels.length - 1]!)) labels.pop();
  const core = labels[labels.length - 1];
  if (!core) return undefined;
  return core
    .split(/[-_]+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join(' ');
}
