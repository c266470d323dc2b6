import { browser } from 'wxt/browser';
import { getDb } from '@/lib/db/database';
import type { Handlers } from '@/lib/messaging/router';
import type { HandlerContext } from '@/lib/background/handlers';
import { pageHandlers } from '@/lib/background/page-handlers';
import { pageScopes } from '@/lib/background/page-scopes';
import { lazyFull } from '@/lib/background/lazy-full';
import { createRouter } from '@/lib/messaging/router';
import { TOGGLE_SIDEBAR_EVENT } from '@/lib/messaging/events';
import { OPEN_HOME_COMMAND, openHome, registerHomeMenu } from '@/lib/background/open-home';
import { startUpAfterFirstAnswer } from '@/lib/background/start-up';
import { requestContext } from '@/lib/background/request-context';

/**
 * The worker's first script holds only what answers a page (page.open, page.people, ...: lib/background/
 * page-handlers.ts); every other request, sync and the reminders are in background-full.js, loaded when
 * first used (lib/background/lazy-full.ts). Each request is still checked here or there by the same router
 * (sender, scope, zod payload). Every listener is registered here, at the top level, as MV3 requires.
 */
export default defineBackground(() => {
  // No secret lives in storage.local (the CRM token is in the extension's IndexedDB, which no content script
  // can open: lib/sync/connection-store.ts); where the browser can, keep the settings out of their reach too.
  void browser.storage.local.setAccessLevel?.({ accessLevel: 'TRUSTED_CONTEXTS' })?.catch?.(() => undefined);

  const extensionId = browser.runtime.id;
  const extensionOrigin = new URL(browser.runtime.getURL('/')).origin;
  const scopes = pageScopes(getDb);
  const full = lazyFull(() => ({ extensionId, extensionOrigin, scopes }));

  // Reminders are recomputed at every worker start and an interrupted sync resumes, after the first answer.
  const startUp = startUpAfterFirstAnswer(() => full().startUp());

  // A page's requests only read (and record what the tab was shown, in the shared `scopes`): none reports a
  // change, so the announcements (sync, reminders, open tabs) live with the writers in background-full.js.
  const route = createRouter(pageHandlers as Handlers<HandlerContext>, {
    extensionId,
    extensionOrigin,
    scopes,
    context: requestContext(scopes),
    onError: (type, err) => console.error(`[touchline] ${type} failed`, err),
  });
  const answeredHere = (type: unknown) => typeof type === 'string' && Object.hasOwn(pageHandlers, type);

  browser.runtime.onMessage.addListener((message, sender) => {
    // Events we broadcast ourselves come back to extension pages only; requests always carry a `type`.
    if (!message || typeof message !== 'object' || !('type' in message)) return undefined;
    const answer = answeredHere(message.type) ? route(message, sender) : Promise.resolve().then(() => full().route(message, sender));
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

  browser.alarms.onAlarm.addListener((alarm) => full().onAlarm(alarm));
  browser.notifications.onClicked.addListener((id) => full().onNotificationClicked(id));
});
