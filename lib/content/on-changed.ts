import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { asBackgroundEvent, CHANGED_EVENT } from '../messaging/events';

/** Returns a subscriber for the background's "data changed" event; listeners go when `ctx` is invalidated. */
export function changedEvents(ctx: ContentScriptContext): (listener: () => void) => void {
  return (listener) => {
    const onMessage = (message: unknown, sender: { id?: string }) => {
      if (sender.id === browser.runtime.id && asBackgroundEvent(message)?.event === CHANGED_EVENT) listener();
      return undefined;
    };
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));
  };
}
