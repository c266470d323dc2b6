import { browser } from 'wxt/browser';
import { getDb } from '@/lib/db/database';
import { handlers } from '@/lib/background/handlers';
import { notifyChanged } from '@/lib/background/broadcast';
import { pageScopes } from '@/lib/background/page-scopes';
import { createRouter, type Change } from '@/lib/messaging/router';
import { TOGGLE_SIDEBAR_EVENT } from '@/lib/messaging/events';
import { onNotificationClicked, onReminderAlarm, refreshReminders, refreshRemindersSoon } from '@/lib/background/reminders';
import { startSyncInBackground, syncAfterChange } from '@/lib/sync/wake';
import { onCommitted } from '@/lib/store/unit-of-work';
import { OPEN_HOME_COMMAND, openHome, registerHomeMenu } from '@/lib/background/open-home';
import { startUpAfterFirstAnswer } from '@/lib/background/start-up';

/** A change's event also carries the key hashes of every prospect it touched (for Gmail's inbox chips and new people). */
async function withKeys(change: Change): Promise<Change> {
  if (!change.ids) return change;
  const rows = await getDb().prospects.bulkGet(change.ids);
  const touched = rows.flatMap((p) => (p ? [{ id: p.id, emails: p.emails, linkedinUrl: p.linkedinUrl, linkedinIds: p.linkedinIds }] : []));
  return { ids: change.ids, disclosed: [...change.disclosed, ...touched] };
}

export default defineBackground(() => {
  // No secret lives in storage.local (the CRM token is in the extension's IndexedDB, which no content script
  // can open: lib/sync/connection-store.ts); where the browser can, keep the settings out of their reach too.
  void browser.storage.local.setAccessLevel?.({ accessLevel: 'TRUSTED_CONTEXTS' })?.catch?.(() => undefined);

  // A change wakes sync and the reminders, and is announced to the open tabs naming what it touched.
  const announce = (change: Change) => {
    syncAfterChange(getDb(), () => void withKeys(change).then(notifyChanged, () => notifyChanged()));
    refreshRemindersSoon(getDb());
  };
  // Every committed unit of work (lib/store/unit-of-work.ts) reports the prospects it changed.
  onCommitted(({ prospectIds }) => announce({ ids: prospectIds, disclosed: [] }));

  // Listeners are registered now, as MV3 requires; the start-up work waits for the first answer.
  const resumeSync = startSyncInBackground(getDb, () => notifyChanged());
  // Reminders (lib/background/reminders.ts) are recomputed at every worker start, and an interrupted sync resumes.
  const startUp = startUpAfterFirstAnswer(() => {
    void refreshReminders(getDb()).catch((err) => console.error('[touchline] reminders', err));
    resumeSync();
  });

  const scopes = pageScopes(getDb);
  const route = createRouter(handlers, {
    extensionId: browser.runtime.id,
    extensionOrigin: new URL(browser.runtime.getURL('/')).origin,
    scopes,
    context: ({ sender, scope, tab, changed }) => ({
      // Opened by the first handler that reads records: page.open, a page's first request, needs none.
      get db() {
        return getDb();
      },
      sender,
      scope,
      changed: () => changed(),
      resetPage: tab === undefined ? undefined : () => scopes.reset(tab),
    }),
    // Changes outside the records (settings, the CRM connection) that a handler reports itself.
    onChange: announce,
    onError: (type, err) => console.error(`[touchline] ${type} failed`, err),
  });

  browser.runtime.onMessage.addListener((message, sender) => {
    // Events we broadcast ourselves come back to extension pages only; requests always carry a `type`.
    if (!message || typeof message !== 'object' || !('type' in message)) return undefined;
    const answer = route(message, sender);
    void answer.then(startUp.answered, startUp.answered);
    return answer;
  });
  browser.tabs.onRemoved.addListener((tab) => void scopes.reset(tab));

  browser.commands.onCommand.addListener(async (command, tab) => {
    if (command === OPEN_HOME_COMMAND) return void (await openHome());
    if (command !== 'toggle-sidebar') return;
    const target = tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
    if (target !== undefined) await browser.tabs.sendMessage(target, { event: TOGGLE_SIDEBAR_EVENT }).catch(() => undefined);
  });

  registerHomeMenu();

  browser.alarms.onAlarm.addListener((alarm) => void onReminderAlarm(getDb(), alarm.name));
  browser.notifications.onClicked.addListener((id) => void onNotificationClicked(getDb(), id));
});
