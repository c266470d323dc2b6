import { addressOf } from './address';
import type { Audience } from './people';
import { GMAIL } from './selectors';
import type { GmailListRow } from './types';

/** Rows of a list view (inbox, label, search) with their thread id, subject and external senders. */
export function readListRows(main: Element, who: Audience): GmailListRow[] {
  const rows: GmailListRow[] = [];
  for (const row of main.querySelectorAll(GMAIL.listRow)) {
    const thread = row.querySelector(GMAIL.listRowThread);
    const id = thread?.getAttribute('data-legacy-thread-id');
    if (!thread || !id) continue;
    const people = new Set<string>();
    for (const el of row.querySelectorAll(`${GMAIL.listRowSenders} [email]`)) {
      const a = addressOf(el, who);
      if (a?.external) people.add(a.email);
    }
    rows.push({ legacyThreadId: id, subject: thread.textContent?.trim() ?? '', people: [...people] });
  }
  return rows;
}
