import type { Browser } from 'wxt/browser';
import { getDb } from '../db/database';
import { createRouter, type Change } from '../messaging/router';
import type { SenderFacts } from '../messaging/sender';
import type { PageScopes } from '../messaging/page-scopes';
import { onCommitted } from '../store/unit-of-work';
import { startSyncInBackground, syncAfterChange } from '../sync/wake';
import { notifyChanged } from './broadcast';
import { handlers } from './handlers';
import { onNotificationClicked, onReminderAlarm, refreshReminders, refreshRemindersSoon } from './reminders';
import { requestContext } from './request-context';

/** What the service worker's first script (entrypoints/background.ts) hands over: state both must share. */
export interface Shared {
  extensionId: string;
  extensionOrigin: string;
  /** The per-tab record of who was shown what: one instance, or a page answered by one script is unknown to the other. */
  scopes: PageScopes;
}

/** Everything the worker does beyond answering a page: every other request, sync, reminders. */
export interface Full {
  route(message: unknown, sender: SenderFacts): Promise<unknown>;
  /** Owed once per worker start, after its first answer: the badge's reminders, an interrupted sync resumed. */
  startUp(): void;
  onAlarm(alarm: Browser.alarms.Alarm): void;
  onNotificationClicked(id: string): void;
}

/** A change's event also carries the key hashes of every prospect it touched (for Gmail's inbox chips and new people). */
async function withKeys(change: Change): Promise<Change> {
  if (!change.ids) return change;
  const rows = await getDb().prospects.bulkGet(change.ids);
  const touched = rows.flatMap((p) => (p ? [{ id: p.id, emails: p.emails, linkedinUrl: p.linkedinUrl, linkedinIds: p.linkedinIds }] : []));
  return { ids: change.ids, disclosed: [...change.disclosed, ...touched] };
}

/**
 * Built into its own classic script (entrypoints/background-full.ts) that the worker loads only when one of
 * these is first needed, so a cold start that only answers a page parses none of it (issue 10 §2).
 */
export function startFull({ extensionId, extensionOrigin, scopes }: Shared): Full {
  // A change wakes sync and the reminders, and is announced to the open tabs naming what it touched.
  const announce = (change: Change) => {
    syncAfterChange(getDb(), () => void withKeys(change).then(notifyChanged, () => notifyChanged()));
    refreshRemindersSoon(getDb());
  };
  // Every committed unit of work (lib/store/unit-of-work.ts) reports the prospects it changed.
  onCommitted(({ prospectIds }) => announce({ ids: prospectIds, disclosed: [] }));
  const sync = startSyncInBackground(getDb, () => notifyChanged());

  const route = createRouter(handlers, {
    extensionId,
    extensionOrigin,
    scopes,
    context: requestContext(scopes),
    // Changes outside the records (settings, the CRM connection) that a handler reports itself.
    onChange: announce,
    onError: (type, err) => console.error(`[touchline] ${type} failed`, err),
  });

  return {
    route,
    startUp: () => {
      void refreshReminders(getDb()).catch((err) => console.error('[touchline] reminders', err));
      sync.resume();
    },
    onAlarm: (alarm) => {
      sync.onAlarm(alarm);
      void onReminderAlarm(getDb(), alarm.name);
    },
    onNotificationClicked: (id) => void onNotificationClicked(getDb(), id),
  };
}
