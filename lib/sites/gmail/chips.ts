import { GMAIL } from './selectors';

export interface StageChip {
  legacyThreadId: string;
  email: string;
  /** The stage name the rep reads (set as text, never parsed as markup). */
  label: string;
}

const ATTR = 'data-touchline-chip';
// Sized to sit inside Gmail's 20px sender line without growing it; Gmail's cell truncates what overflows,
// so columns and row heights never move (checked by tests/e2e/gmail-inbox-chips.spec.ts).
const STYLE = [
  'display:inline-block', 'box-sizing:border-box', 'height:14px', 'line-height:14px', 'margin:0 0 0 4px',
  'padding:0 4px', 'border-radius:3px', 'font:500 10px/14px Arial,sans-serif', 'vertical-align:middle',
  'max-width:90px', 'overflow:hidden', 'text-overflow:ellipsis', 'white-space:nowrap',
  'background:#e8f0fe', 'color:#174ea6', 'pointer-events:none',
].join(';');

const keyOf = (c: { legacyThreadId: string; email: string }) => `${c.legacyThreadId}|${c.email}`;

/**
 * Puts a small stage chip after each known prospect's name in the visible list rows, and removes chips
 * no longer wanted. Idempotent: chips already showing the right text are left alone, so re-rendering an
 * unchanged list does not touch the page.
 */
export function renderStageChips(doc: Document, chips: StageChip[]): void {
  const main = doc.querySelector(GMAIL.main);
  const wanted = new Map(chips.map((c) => [keyOf(c), c]));
  for (const el of doc.querySelectorAll(`[${ATTR}]`)) {
    const want = wanted.get(el.getAttribute(ATTR) ?? '');
    if (!want || !main?.contains(el)) el.remove();
    else if (el.textContent === want.label) wanted.delete(keyOf(want));
    else el.remove();
  }
  if (!main || wanted.size === 0) return;
  const rows = new Map<string, Element>();
  for (const row of main.querySelectorAll(GMAIL.listRow)) {
    const id = row.querySelector(GMAIL.listRowThread)?.getAttribute('data-legacy-thread-id');
    if (id) rows.set(id, row);
  }
  for (const chip of wanted.values()) {
    const senders = rows.get(chip.legacyThreadId)?.querySelector(GMAIL.listRowSenders);
    const name = [...(senders?.querySelectorAll('[email]') ?? [])].find((el) => el.getAttribute('email')?.toLowerCase() === chip.email);
    if (!name) continue;
    const el = doc.createElement('span');
    el.setAttribute(ATTR, keyOf(chip));
    el.setAttribute('title', `Touchline stage: ${chip.label}`);
    el.setAttribute('style', STYLE);
    el.textContent = chip.label;
    name.after(el);
  }
}

export function removeStageChips(doc: Document): void {
  for (const el of doc.querySelectorAll(`[${ATTR}]`)) el.remove();
}
