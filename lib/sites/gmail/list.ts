import { addressOf, uniqueAddresses } from './address';
import type { Audience } from './people';
import { GMAIL } from './selectors';
import type { GmailAddress, GmailListRow } from './types';

/** Rows of the list in `main`: Gmail's own grid rows first, its row class as the fallback. */
export function listRows(main: Element): { rows: Element[]; variant: number } {
  const variants = [GMAIL.listRow, GMAIL.listRowFallback];
  for (let i = 0; i < variants.length; i++) {
    const rows = [...main.querySelectorAll(variants[i]!)].filter((r) => r.querySelector(GMAIL.listRowThread));
    if (rows.length) return { rows, variant: i };
  }
  return { rows: [], variant: -1 };
}

/**
 * The senders cell of a row: Gmail's sender line (class yW, seen 2025-03 and 2025-04), else the first grid
 * cell that names people with `email` (the attribute Gmail keeps for its hovercards).
 */
function sendersCell(row: Element): Element | undefined {
  const byClass = row.querySelector(GMAIL.listRowSenders);
  if (byClass) return byClass;
  return [...row.querySelectorAll('[role="gridcell"]')].find((c) => c.querySelector('[email]'));
}

/**
 * The rows listRows found in a list view (inbox, label, search, or the list beside a reading pane) with their thread ids,
 * subject, every participant the row names and its sender: the first participant who is not the user
 * (Gmail lists "me" among a thread's senders).
 */
export function readListRows(rows: Element[], who: Audience): GmailListRow[] {
  const out: GmailListRow[] = [];
  for (const row of rows) {
    const thread = row.querySelector(GMAIL.listRowThread);
    const legacyThreadId = thread?.getAttribute('data-legacy-thread-id');
    if (!thread || !legacyThreadId) continue;
    const participants: GmailAddress[] = [];
    for (const el of sendersCell(row)?.querySelectorAll('[email]') ?? []) {
      const a = addressOf(el, who);
      if (a) participants.push(a);
    }
    const unique = uniqueAddresses(participants);
    const threadId = thread.getAttribute('data-thread-id') ?? undefined;
    out.push({
      legacyThreadId,
      ...(threadId ? { threadId } : {}),
      subject: thread.textContent?.replace(/\s+/g, ' ').trim() ?? '',
      sender: unique.find((p) => p.email !== who.account) ?? unique[0],
      participants: unique,
      people: unique.filter((p) => p.external).map((p) => p.email),
    });
  }
  return out;
}
