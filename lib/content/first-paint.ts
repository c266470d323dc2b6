import type { Detected } from '../sites/types';
import type { SignatureProposal } from '../sites/gmail/types';
import { CLS, displayName, handleLabel, SIDEBAR_WIDTH, SIGNATURE_LABELS, signatureFields } from './sidebar-classes';
import type { Theme } from './theme';

function el<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  node.className = className;
  // Page text is only ever set as text.
  if (text !== undefined) node.textContent = text;
  return node;
}

/** The sidebar's frame: the handle, the panel and its header. The runtime owns it for the page's life. */
export interface SidebarFrame {
  frame: HTMLElement;
  /** Where the content goes (the first paint, then the UI). */
  aside: HTMLElement;
  show(open: boolean, theme: Theme): void;
}

/**
 * The frame in plain DOM, built once: the UI module only ever fills the panel's content, so the handle,
 * the panel and the header (the elements a rep or a test holds on to) never change under them.
 */
export function createFrame(doc: Document, onToggle: () => void): SidebarFrame {
  const frame = el(doc, 'div', CLS.frame);
  const handle = el(doc, 'button', CLS.handle);
  handle.type = 'button';
  handle.addEventListener('click', onToggle);
  const aside = el(doc, 'aside', CLS.aside);
  aside.setAttribute('aria-label', 'Touchline');
  aside.style.width = `${SIDEBAR_WIDTH}px`;
  const header = el(doc, 'header', CLS.header);
  const close = el(doc, 'button', CLS.close, '\u00d7');
  close.type = 'button';
  close.setAttribute('aria-label', 'Close sidebar');
  close.addEventListener('click', onToggle);
  header.append(el(doc, 'span', CLS.brand, 'Touchline'), close);
  aside.append(header);
  frame.append(handle);
  return {
    frame,
    aside,
    show(open, theme) {
      frame.dataset.theme = theme;
      handle.textContent = open ? '\u203a' : 'T';
      handle.setAttribute('aria-label', handleLabel(open));
      handle.setAttribute('aria-expanded', String(open));
      handle.title = `${open ? 'Close' : 'Open'} Touchline (Alt+Shift+T)`;
      handle.style.right = open ? `${SIDEBAR_WIDTH}px` : '0';
      if (open && !aside.isConnected) frame.append(aside);
      if (!open) aside.remove();
    },
  };
}

/**
 * The panel's content before the UI framework has loaded: the heading and the people on the page, with
 * the same boxes and classes as the React sidebar and a placeholder row where the stage or the Add button
 * will be, so it shows before the UI module (and the store) answer and nothing moves when they do.
 */
export function paintPeople(doc: Document, page: Detected): HTMLElement {
  const content = el(doc, 'div', CLS.content);
  if (page.title) content.append(el(doc, 'h2', CLS.title, page.title));
  if (page.people.length === 0) {
    content.append(el(doc, 'p', CLS.empty, 'No prospects on this page. Open a conversation or a profile.'));
    return content;
  }
  const list = el(doc, 'ul', CLS.people);
  list.setAttribute('aria-label', 'People on this page');
  for (const person of page.people) {
    const name = displayName(person);
    const card = el(doc, 'li', CLS.card);
    card.setAttribute('aria-label', name);
    const who = el(doc, 'div', CLS.who);
    const nameEl = el(doc, 'div', CLS.name, name);
    nameEl.title = name;
    who.append(nameEl);
    if (person.emails[0]) who.append(el(doc, 'div', CLS.line, person.emails[0]));
    const subtitle = [person.title, person.company].filter(Boolean).join(' \u00b7 ');
    if (subtitle) who.append(el(doc, 'div', CLS.line, subtitle));
    if (person.headline && person.headline !== subtitle) {
      const headline = el(doc, 'div', CLS.headline, person.headline);
      headline.setAttribute('aria-label', 'Headline');
      who.append(headline);
    }
    const status = el(doc, 'div', CLS.status);
    status.append(el(doc, 'span', CLS.pending));
    card.append(who, status);
    const proposal = page.gmail?.signatures.find((sig) => person.emails.includes(sig.email));
    if (proposal) card.append(paintSignature(doc, proposal, person.name ?? person.key));
    list.append(card);
  }
  content.append(list);
  return content;
}

/**
 * Gmail: the signature's proposal as the UI draws it for a person the store has not answered about yet
 * (every field), so the cards below do not move down when the UI takes over. Its button is a plain box
 * until then: a click before the UI has loaded would go nowhere.
 */
function paintSignature(doc: Document, proposal: SignatureProposal, name: string): HTMLElement | DocumentFragment {
  const fields = signatureFields(proposal);
  if (fields.length === 0) return doc.createDocumentFragment();
  const section = el(doc, 'section', CLS.signature);
  section.setAttribute('aria-label', `Signature of ${name}`);
  section.append(el(doc, 'div', CLS.signatureHeading, 'From the signature'));
  const list = el(doc, 'dl', CLS.signatureFields);
  for (const f of fields) {
    const row = el(doc, 'div', 'contents');
    row.append(el(doc, 'dt', CLS.signatureLabel, SIGNATURE_LABELS[f]), el(doc, 'dd', CLS.signatureValue, proposal[f]));
    list.append(row);
  }
  section.append(list, el(doc, 'span', `inline-block ${CLS.signatureButton}`, 'Add with signature details'));
  return section;
}
