import type { Browser } from 'wxt/browser';
import type { TouchlineDb } from '../db/database';
import { ensureSyncAlarm, kickSync, SYNC_ALARM } from './background';

/**
 * Wires the engine into the service worker's life: runs on start (a worker Chrome stopped mid-batch resumes
 * from the outbox, when `resume` is called), on the periodic and retry alarms (the worker's one alarm
 * listener, in entrypoints/background.ts, hands them to `onAlarm`), and after every change a handler
 * reports. The database is opened when first needed (`db`), not when the worker starts.
 */
export function startSyncInBackground(db: () => TouchlineDb, notify: () => void) {
  return {
    onAlarm: (alarm: Browser.alarms.Alarm) => {
      if (alarm.name.startsWith(SYNC_ALARM)) void kickSync(db(), notify);
    },
    // Called once the worker has answered its first request (lib/background/full.ts).
    resume: () => void ensureSyncAlarm(db()).then(() => kickSync(db(), notify)),
  };
}

export function syncAfterChange(db: TouchlineDb, notify: () => void): void {
  notify();
  void kickSync(db, notify);
}
