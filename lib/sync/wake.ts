import { browser } from 'wxt/browser';
import type { TouchlineDb } from '../db/database';
import { ensureSyncAlarm, kickSync, SYNC_ALARM } from './background';

/**
 * Wires the engine into the service worker's life: runs on start (a worker Chrome stopped mid-batch resumes
 * from the outbox, when the returned function is called), on the periodic and retry alarms, and after every
 * change a handler reports. The database is opened when first needed (`db`), not when the worker starts:
 * declaring its schema is ~10-25 ms that a request which needs no records (page.open) need not wait for.
 */
export function startSyncInBackground(db: () => TouchlineDb, notify: () => void): () => void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name.startsWith(SYNC_ALARM)) void kickSync(db(), notify);
  });
  // The caller runs this once the worker has answered its first request (entrypoints/background.ts).
  return () => void ensureSyncAlarm(db()).then(() => kickSync(db(), notify));
}

export function syncAfterChange(db: TouchlineDb, notify: () => void): void {
  notify();
  void kickSync(db, notify);
}
