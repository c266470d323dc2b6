import { GMAIL } from './selectors';

/** The elements every Gmail detection starts from, collected in one walk of the document. */
export interface GmailScan {
  /** [data-message-id] inside main, in page order. */
  messages: Element[];
  /** List row candidates inside main: Gmail's grid rows, and rows with its row class (the fallback). */
  rows: Element[];
  fallbackRows: Element[];
  /** Every compose window's subject box under the hosts Gmail puts compose windows in. */
  subjects: Element[];
}

const START = [GMAIL.message, GMAIL.listRow, GMAIL.listRowFallback, GMAIL.composeSubject].join(', ');
const COMPOSE_HOST = GMAIL.composeHosts.join(', ');

/**
 * One querySelectorAll instead of one per kind: each selector query walks the whole subtree, and on a
 * 33,000-element thread (2026-11 fixture) five such walks per update were most of detection's time.
 */
export function scanGmail(doc: Document, main: Element | null): GmailScan {
  const scan: GmailScan = { messages: [], rows: [], fallbackRows: [], subjects: [] };
  for (const el of doc.querySelectorAll(START)) {
    if (el.tagName === 'INPUT') {
      if (el.closest(COMPOSE_HOST)) scan.subjects.push(el);
      continue;
    }
    if (!main?.contains(el)) continue;
    if (el.tagName === 'TR') {
      if (el.matches(GMAIL.listRow)) scan.rows.push(el);
      if (el.matches(GMAIL.listRowFallback)) scan.fallbackRows.push(el);
    }
    if (el.hasAttribute('data-message-id')) scan.messages.push(el);
  }
  return scan;
}
