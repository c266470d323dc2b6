import { browser } from 'wxt/browser';
import { getDb } from '@/lib/db/database';
import { handlers } from '@/lib/background/handlers';
import { notifyChanged } from '@/lib/background/broadcast';
import { createRouter } from '@/lib/messaging/router';
import { TOGGLE_SIDEBAR_EVENT } from '@/lib/messaging/events';
import { onNotificationClicked, onReminderAlarm, refreshReminders, refreshRemindersSoon } from '@/lib/background/reminders';
import { startSyncInBackground, syncAfterChange } from '@/lib/sync/wake';
import { onCommitted } from '@/lib/store/unit-of-work';

export default defineBackground(() => {
  // Tokens and settings live in storage.local: keep it out of reach of content scripts.
  void browser.storage.local.setAccessLevel?.({ accessLevel: 'TRUSTED_CONTEXTS' });

  // Every committed unit of work (lib/store/unit-of-work.ts) wakes sync, the reminders and the open views.
  const changed = () => {
    syncAfterChange(getDb(), notifyChanged);
    refreshRemindersSoon(getDb());
  };
  onCommitted(changed);

  const route = createRouter(handlers, {
    extensionId: browser.runtime.id,
    extensionOrigin: new URL(browser.runtime.getURL('/')).origin,
    context: (sender) => ({
      db: getDb(),
      sender,
      changed,
    }),
    onError: (type, err) => console.error(`[touchline] ${type} failed`, err),
  });

  browser.runtime.onMessage.addListener((message, sender) => {
    // Events we broadcast ourselves come back to extension pages only; requests always carry a `type`.
    if (!message || typeof message !== 'object' || !('type' in message)) return undefined;
    return route(message, sender);
  });

  browser.commands.onCommand.addListener(async (command, tab) => {
    if (command !== 'toggle-sidebar') return;
    const target = tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
    if (target !== undefined) await browser.tabs.sendMessage(target, { event: TOGGLE_SIDEBAR_EVENT }).catch(() => undefined);
  });

  // Reminders (lib/background/reminders.ts): recomputed at every worker start and woken by alarms.
  browser.alarms.onAlarm.addListener((alarm) => void onReminderAlarm(getDb(), alarm.name));
  browser.notifications.onClicked.addListener((id) => void onNotificationClicked(getDb(), id));
  void refreshReminders(getDb()).catch((err) => console.error('[touchline] reminders', err));
  startSyncInBackground(getDb(), notifyChanged);

});
