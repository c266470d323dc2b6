import { browser } from 'wxt/browser';
import { HOST_MATCHES } from '../hosts';
import { CHANGED_EVENT, type BackgroundEvent } from '../messaging/events';

/** Sends an event to every Gmail and LinkedIn tab and to open extension pages. Closed receivers are fine. */
export async function broadcast(event: BackgroundEvent): Promise<void> {
  const tabs = await browser.tabs.query({ url: [...HOST_MATCHES] });
  await Promise.all(tabs.map((t) => (t.id === undefined ? undefined : browser.tabs.sendMessage(t.id, event).catch(() => undefined))));
  await browser.runtime.sendMessage(event).catch(() => undefined);
}

let pending: ReturnType<typeof setTimeout> | undefined;

/** Coalesces a burst of changes (a bulk add) into one refresh per receiver. */
export function notifyChanged(): void {
  if (pending) return;
  pending = setTimeout(() => {
    pending = undefined;
    void broadcast({ event: CHANGED_EVENT });
  }, 30);
}
