import type { SidebarRuntime } from '../content/sidebar-runtime';
import { send } from '../messaging/client';
import { changeConcerns, keyHash } from '../messaging/events';
import { removeStageChips, renderStageChips, type StageChip } from '../sites/gmail/chips';

/**
 * Keeps a stage chip beside each known prospect in Gmail's list rows: one lookup (stages only) per change of
 * the visible rows, or per change event that names someone in them; lib/sites/gmail/chips.ts edits the page.
 * Chips go when the script stops.
 */
export function startStageChips({ ctx, page, settings, onChanged }: Pick<SidebarRuntime, 'ctx' | 'page' | 'settings' | 'onChanged'>): void {
  let generation = 0;
  let showing = false;
  let rowKeys = new Set<string>();
  const none = new Set<string>();
  const update = async () => {
    const rows = page.get().gmail?.rows ?? [];
    // No rows and no chips on the page: nothing to look up or remove (a thread view, most data changes).
    if (rows.length === 0 && !showing) return;
    const mine = ++generation;
    const emails = [...new Set(rows.flatMap((r) => r.people))].slice(0, 200);
    rowKeys = new Set(emails.map(keyHash));
    const found = emails.length ? await send('inbox.stages', { emails }) : [];
    if (mine !== generation || ctx.isInvalid) return;
    const stageName = new Map(settings.get().stages.map((s) => [s.id, s.name]));
    const stageOf = new Map(emails.map((e, i) => [e, found[i] ? stageName.get(found[i]!) : undefined]));
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
  ctx.onInvalidated(onChanged((e) => changeConcerns(e, none, rowKeys) && void update().catch(() => undefined)));
  ctx.onInvalidated(() => removeStageChips(document));
  onPage();
}
