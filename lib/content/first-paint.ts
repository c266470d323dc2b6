import type { Detected } from '../sites/types';
import { CLS, displayName, handleLabel, SIDEBAR_WIDTH } from './sidebar-classes';
import type { Theme } from './theme';

export interface FirstPaintState {
  page: Detected;
  open: boolean;
  theme: Theme;
  /** LinkedIn list pages show the bulk list, painted by the UI; until then the names are listed. */
  onToggle: () => void;
}

function el<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  node.className = className;
  // Page text is only ever set as text.
  if (text !== undefined) node.textContent = text;
  return node;
}

/**
 * The sidebar without its UI framework: the handle, the frame and the people on the page, drawn with the
 * same boxes and classes as the React sidebar, so it shows before the UI module (and the store) answer.
 */
export function paintFirst(doc: Document, state: FirstPaintState): HTMLElement {
  const frame = el(doc, 'div', CLS.frame);
  frame.dataset.theme = state.theme;
  frame.dataset.firstPaint = '';
  const handle = el(doc, 'button', CLS.handle, state.open ? '\u203a' : 'T');
  handle.type = 'button';
  handle.setAttribute('aria-label', handleLabel(state.open));
  handle.setAttribute('aria-expanded', String(state.open));
  handle.title = `${state.open ? 'Close' : 'Open'} Touchline (Alt+Shift+T)`;
  handle.style.right = state.open ? `${SIDEBAR_WIDTH}px` : '0';
  handle.addEventListener('click', state.onToggle);
  frame.append(handle);
  if (!state.open) return frame;

  const aside = el(doc, 'aside', CLS.aside);
  aside.setAttribute('aria-label', 'Touchline');
  aside.style.width = `${SIDEBAR_WIDTH}px`;
  const header = el(doc, 'header', CLS.header);
  const close = el(doc, 'button', CLS.close, '\u00d7');
  close.type = 'button';
  close.setAttribute('aria-label', 'Close sidebar');
  close.addEventListener('click', state.onToggle);
  header.append(el(doc, 'span', CLS.brand, 'Touchline'), close);
  const content = el(doc, 'div', CLS.content);
  const { page } = state;
  if (page.title) content.append(el(doc, 'h2', CLS.title, page.title));
  if (page.people.length === 0) {
    content.append(el(doc, 'p', CLS.empty, 'No prospects on this page. Open a conversation or a profile.'));
  } else {
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
      const status = el(doc, 'div', CLS.status);
      status.append(el(doc, 'span', CLS.pending));
      card.append(who, status);
      list.append(card);
    }
    content.append(list);
  }
  aside.append(header, content);
  frame.append(aside);
  return frame;
}
