import type { Worker } from '@playwright/test';

/**
 * Every browser test runs in one time zone, whatever the machine's: local days (due today, tomorrow's
 * snooze) are the same on every machine. Chromium takes its zone from TZ (see launch.ts).
 */
export const TEST_TIME_ZONE = 'Europe/Berlin';

/**
 * Starts the service worker's clock at a fixed instant. Time still flows from there (events keep their
 * order), but "today" is the fixed day, so a test run at 23:59 or on another date sees the same due lists.
 * Everything with a date in it (tasks, cadences, reminders, the badge) is computed in the service worker.
 */
export async function startServiceWorkerClockAt(serviceWorker: Worker, iso: string): Promise<void> {
  await serviceWorker.evaluate((start) => {
    const RealDate = Date;
    const offset = start - RealDate.now();
    const now = () => RealDate.now() + offset;
    // A Date whose zero-argument form and Date.now() read the shifted clock; every other form is unchanged.
    const Shifted = new Proxy(RealDate, {
      construct: (target, args: unknown[]) => (args.length === 0 ? new target(now()) : Reflect.construct(target, args)),
      apply: () => new RealDate(now()).toString(),
      get: (target, key, receiver) => (key === 'now' ? now : Reflect.get(target, key, receiver)),
    });
    (globalThis as { Date: DateConstructor }).Date = Shifted;
  }, Date.parse(iso));
}

/** The service worker's idea of now and of its zone, to check the clock took before a test relies on it. */
export const serviceWorkerClock = (serviceWorker: Worker) =>
  serviceWorker.evaluate(() => ({ now: Date.now(), zone: Intl.DateTimeFormat().resolvedOptions().timeZone }));
