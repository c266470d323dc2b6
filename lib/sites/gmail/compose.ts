import { addressOf, parseAddressList, uniqueAddresses } from './address';
import type { Audience } from './people';
import { GMAIL } from './selectors';
import type { GmailAddress, GmailDraft } from './types';

type Field = 'to' | 'cc' | 'bcc';
const isField = (v: string | null | undefined): v is Field => v === 'to' || v === 'cc' || v === 'bcc';

/** The window around one compose form: popup dialog, inline reply block, or the form itself. */
export function composeRootOf(el: Element): Element | null {
  for (const selector of GMAIL.composeRoot) {
    const root = el.closest(selector);
    if (root) return root;
  }
  return null;
}

/**
 * Every open compose window under the hosts Gmail puts them in (popups in .dw, inline replies in main). One
 * scan of the document for subject boxes, each kept if a host holds it: scanning for each host and then
 * inside it walked the 33,000-element thread three times per detection.
 */
export function composeRoots(doc: Document): Element[] {
  const hosts = GMAIL.composeHosts.join(', ');
  const roots = new Set<Element>();
  for (const subject of doc.querySelectorAll(GMAIL.composeSubject)) {
    if (!subject.parentElement?.closest(hosts)) continue;
    const root = composeRootOf(subject);
    if (root) roots.add(root);
  }
  // Document order: the inline reply under the thread comes before popups, as the rep sees them.
  return [...roots].sort((a, b) => (a.compareDocumentPosition(b) & 4 ? -1 : 1));
}

/**
 * One compose window's recipients. Current Gmail shows PeopleKit chips ([role=option] with the address in
 * data-hovercard-id) inside a [name=to|cc|bcc] field; older compose keeps a hidden input per field or per chip
 * ("Name <addr>, addr") next to chips that carry `email`. Both kinds are read and merged by address.
 */
export function readDraft(root: Element, who: Audience, bodyChars = 0): GmailDraft {
  const fields: Record<Field, GmailAddress[]> = { to: [], cc: [], bcc: [] };
  for (const chip of root.querySelectorAll(GMAIL.composeChip)) {
    const field = chip.closest(GMAIL.composeField)?.getAttribute('name');
    const address = addressOf(chip, who);
    if (address && isField(field)) fields[field].push(address);
  }
  const oldNames = new Map<string, string>();
  for (const chip of root.querySelectorAll(GMAIL.composeOldChip)) {
    const a = addressOf(chip, who);
    if (a?.name) oldNames.set(a.email, a.name);
  }
  for (const input of root.querySelectorAll<HTMLInputElement>(GMAIL.composeHiddenInput)) {
    if (!isField(input.name)) continue;
    for (const a of parseAddressList(input.value, who)) fields[input.name].push({ ...a, name: a.name ?? oldNames.get(a.email) ?? null });
  }
  const draftId = root.querySelector<HTMLInputElement>(GMAIL.composeDraftId)?.value;
  const body = bodyChars > 0 ? root.querySelector(GMAIL.composeBody)?.textContent?.replace(/\s+/g, ' ').trim() : undefined;
  return {
    ...(body ? { snippet: body.slice(0, bodyChars) } : {}),
    draftId: draftId && draftId.startsWith('#msg') ? draftId : undefined,
    inline: !root.matches('[role="dialog"]'),
    subject: root.querySelector<HTMLInputElement>(GMAIL.composeSubject)?.value.trim() ?? '',
    to: uniqueAddresses(fields.to),
    cc: uniqueAddresses(fields.cc),
    bcc: uniqueAddresses(fields.bcc),
  };
}

export function readDrafts(doc: Document, who: Audience): GmailDraft[] {
  return composeRoots(doc).map((root) => readDraft(root, who));
}
