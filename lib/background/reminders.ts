import { browser } from 'wxt/browser';
import { storage } from '@wxt-dev/storage';
import type { TouchlineDb } from '../db/database';
import { badgeText } from '../process/reminders';
import { endOfLocalDay, localTimeZone } from '../process/time-zone';
import { loadSettings } from '../settings/settings-store';
import { dueBetween, dueCounts, linkFor, nextDueAfter } from '../store/tasks';
import { rescoreAll } from '../store/scores';
import { rebuildDueBins } from '../store/due-bins';

/**
 * Reminders without a timer in memory: the badge is recomputed from IndexedDB whenever data changes, the
 * service worker starts, or an alarm fires; `browser.alarms` (which survive the worker and the browser being
 * stopped) wake us at the next task's due time and at local midnight, when "today" moves on.
 */
export const NEXT_DUE_ALARM = 'touchline.reminders.next-due';
export const DAY_CHANGE_ALARM = 'touchline.reminders.day-change';
const NOTIFICATION_PREFIX = 'touchline-task:';

/** The last time due tasks were announced; tasks falling due after it are notified once. */
const lastAnnouncedItem = storage.defineItem<number>('local:reminders.lastAnnounced', { fallback: 0 });

// MV3 has `action`; Firefox MV2 builds have `browserAction` with the same badge calls.
const action = () => browser.action ?? browser.browserAction;

export async function refreshReminders(db: TouchlineDb, now = Date.now()): Promise<void> {
  const tz = localTimeZone();
  const counts = await dueCounts(db, now, tz);
  await action().setBadgeText({ text: badgeText(counts) });
  await action().setBadgeBackgroundColor({ color: counts.overdue ? '#b91c1c' : '#1d4ed8' });
  if ((await lastAnnouncedItem.getValue()) === 0) await lastAnnouncedItem.setValue(now);
  const next = await nextDueAfter(db, now);
  if (next) await browser.alarms.create(NEXT_DUE_ALARM, { when: next.due });
  else await browser.alarms.clear(NEXT_DUE_ALARM);
  await browser.alarms.create(DAY_CHANGE_ALARM, { when: endOfLocalDay(now, tz) + 1000 });
}

let pending: ReturnType<typeof setTimeout> | undefined;
/** Coalesces a burst of changes into one badge refresh (the debounce only batches; nothing waits on it). */
export function refreshRemindersSoon(db: TouchlineDb): void {
  if (pending) return;
  pending = setTimeout(() => {
    pending = undefined;
    void refreshReminders(db).catch((err) => console.error('[touchline] reminders', err));
  }, 50);
}

/** Announces the tasks that fell due since the last announcement (also after a browser restart). */
async function announceDue(db: TouchlineDb, now: number): Promise<void> {
  const since = await lastAnnouncedItem.getValue();
  await lastAnnouncedItem.setValue(now);
  const settings = await loadSettings();
  if (!settings.reminders.notifications || !since) return;
  const tasks = await dueBetween(db, since, now, 20);
  for (const task of tasks.slice(0, 3)) {
    const p = await db.prospects.get(task.prospectId);
    await browser.notifications.create(NOTIFICATION_PREFIX + task.id, {
      type: 'basic',
      iconUrl: browser.runtime.getURL('/icon/128.png'),
      title: `Follow-up due: ${p?.name ?? 'a prospect'}`,
      message: task.title,
    });
  }
  if (tasks.length > 3) {
    await browser.notifications.create(NOTIFICATION_PREFIX + 'more', {
      type: 'basic',
      iconUrl: browser.runtime.getURL('/icon/128.png'),
      title: 'Touchline follow-ups due',
      message: `${tasks.length} follow-ups are due. Open Touchline to see them.`,
    });
  }
}

export async function onReminderAlarm(db: TouchlineDb, name: string): Promise<void> {
  if (name !== NEXT_DUE_ALARM && name !== DAY_CHANGE_ALARM) return;
  const now = Date.now();
  if (name === NEXT_DUE_ALARM) await announceDue(db, now);
  if (name === DAY_CHANGE_ALARM) await rebuildDueBins(db);
  await refreshReminders(db, now);
  // Engagement recency decays with the calendar: a new day rescores everyone once.
  if (name === DAY_CHANGE_ALARM) await rescoreAll(db, await loadSettings(), now);
}

/** A click on a task's notification opens the Gmail thread or LinkedIn page it belongs to. */
export async function onNotificationClicked(db: TouchlineDb, id: string): Promise<void> {
  if (!id.startsWith(NOTIFICATION_PREFIX)) return;
  const task = await db.tasks.get(id.slice(NOTIFICATION_PREFIX.length));
  const link = task ? await linkFor(db, await db.prospects.get(task.prospectId)) : undefined;
  await browser.tabs.create({ url: link ?? browser.runtime.getURL('/popup.html') });
  await browser.notifications.clear(id);
}
