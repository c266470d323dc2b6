import { browser } from 'wxt/browser';
import { HOST_MATCHES } from '../hosts';
import { CHANGED_EVENT, keyHash, type BackgroundEvent, type ChangedEvent } from '../messaging/events';
import type { Change } from '../messaging/router';

/** Sends an event to every Gmail and LinkedIn tab and to open extension pages. Closed receivers are fine. */
export async function broadcast(event: BackgroundEvent): Promise<void> {
  const tabs = await browser.tabs.query({ url: [...HOST_MATCHES] });
  await Promise.all(tabs.map((t) => (t.id === undefined ? undefined : browser.tabs.sendMessage(t.id, event).catch(() => undefined))));
  await browser.runtime.sendMessage(event).catch(() => undefined);
}

let pending: { ids: Set<string> | null; keys: Set<string> } | undefined;

/** The event for a change: the prospects it touched and hashes of their emails and LinkedIn URLs. */
export function changedEvent(ids: Iterable<string> | null, keys: Iterable<string>): ChangedEvent {
  return { event: CHANGED_EVENT, ids: ids ? [...ids] : null, keys: [...keys] };
}

/**
 * Announces a change to every open tab and page. A burst (a bulk add, a sync run) is coalesced into one
 * event naming the union of what it touched; no ids means anything may have changed (settings).
 */
export function notifyChanged(change: Change = { ids: null, disclosed: [] }): void {
  const first = !pending;
  pending ??= { ids: new Set(), keys: new Set() };
  if (change.ids === null) pending.ids = null;
  else for (const id of change.ids) pending.ids?.add(id);
  for (const d of change.disclosed) for (const k of [...(d.emails ?? []), ...(d.linkedinUrl ? [d.linkedinUrl] : []), ...(d.linkedinIds ?? [])]) pending.keys.add(keyHash(k));
  if (!first) return;
  setTimeout(() => {
    const { ids, keys } = pending!;
    pending = undefined;
    void broadcast(changedEvent(ids, keys));
  }, 30);
}
