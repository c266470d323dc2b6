import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { send } from '../messaging/client';
import type { Settings } from '../settings/settings';
import { removeStageChips, renderStageChips, type StageChip } from '../sites/gmail/chips';
import type { Detected } from '../sites/types';

interface Stores {
  page: { get(): Detected; subscribe(l: () => void): () => void };
  settings: { get(): Settings; subscribe(l: () => void): () => void };
}

/**
 * Keeps a stage chip beside each known prospect in Gmail's list rows: one lookup per change of the visible
 * rows (or of the data), then lib/sites/gmail/chips.ts edits the page. Chips go when the script stops.
 */
export function startStageChips(ctx: ContentScriptContext, { page, settings }: Stores, onChangedEvent: (l: () => void) => void): void {
  let generation = 0;
  let showing = false;
  const update = async () => {
    const rows = page.get().gmail?.rows ?? [];
    // No rows and no chips on the page: nothing to look up or remove (a thread view, most data changes).
    if (rows.length === 0 && !showing) return;
    const mine = ++generation;
    const emails = [...new Set(rows.flatMap((r) => r.people))];
    const found = emails.length ? await send('people.lookup', { people: emails.map((e) => ({ emails: [e] })) }) : [];
    if (mine !== generation || ctx.isInvalid) return;
    const stageName = new Map(settings.get().stages.map((s) => [s.id, s.name]));
    const stageOf = new Map(emails.map((e, i) => [e, found[i] ? stageName.get(found[i]!.stageId) : undefined]));
    const chips: StageChip[] = rows.flatMap((r) =>
      r.people.flatMap((email) => {
        const label = stageOf.get(email);
        return label ? [{ legacyThreadId: r.legacyThreadId, email, label }] : [];
      }),
    );
    renderStageChips(document, chips);
    showing = chips.length > 0;
  };
  let lastRows = '';
  const onPage = () => {
    const rows = JSON.stringify(page.get().gmail?.rows ?? []);
    if (rows === lastRows) return;
    lastRows = rows;
    void update().catch(() => undefined);
  };
  ctx.onInvalidated(page.subscribe(onPage));
  onChangedEvent(() => void update().catch(() => undefined));
  ctx.onInvalidated(() => removeStageChips(document));
  onPage();
}
