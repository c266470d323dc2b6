import { useEffect } from 'react';
import { browser } from 'wxt/browser';
import { asBackgroundEvent, type BackgroundEvent } from '@/lib/messaging/events';

/** Subscribes to events the background pushes; anything not from our own extension is ignored. */
export function useBackgroundEvent(handler: (event: BackgroundEvent) => void): void {
  useEffect(() => {
    const listener = (message: unknown, sender: { id?: string }) => {
      if (sender.id !== browser.runtime.id) return undefined;
      const event = asBackgroundEvent(message);
      if (event) handler(event);
      return undefined;
    };
    browser.runtime.onMessage.addListener(listener);
    return () => browser.runtime.onMessage.removeListener(listener);
  }, [handler]);
}
