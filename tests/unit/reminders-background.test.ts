import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { openDb, type TouchlineDb } from '@/lib/db/database';
import { DAY_CHANGE_ALARM, NEXT_DUE_ALARM, onReminderAlarm, refreshReminders } from '@/lib/background/reminders';
import { endOfLocalDay, localTimeZone } from '@/lib/process/time-zone';
import { DEFAULT_SETTINGS } from '@/lib/settings/settings';
import { saveSettings } from '@/lib/settings/settings-store';
import { addProspect } from '@/lib/store/prospects';
import { completeTask } from '@/lib/store/tasks';
import { write } from '../../lib/store/unit-of-work';

const DAY = 86_400_000;
// A fixed clock in a fixed zone: 15:00 on a Wednesday in Berlin, far from the local midnight the badge counts
// by, whatever day and zone the machine running the tests is in. Only Date is faked: IndexedDB keeps its timers.
const TZ = 'Europe/Berlin';
const NOW = Date.parse('2026-11-18T14:00:00Z');
let db: TouchlineDb;
let n = 0;
let prospectId: string;

beforeEach(async () => {
  vi.useFakeTimers({ now: NOW, toFake: ['Date'] });
  const berlin = new Intl.DateTimeFormat('en', { timeZone: TZ }).resolvedOptions();
  vi.spyOn(Intl.DateTimeFormat.prototype, 'resolvedOptions').mockReturnValue(berlin); // the machine's zone, as the code reads it
  fakeBrowser.reset();
  db = openDb(`reminders-${++n}`);
  const { prospect } = await addProspect(db, { name: 'Maria Gomez', emails: ['maria@acme.example'] }, DEFAULT_SETTINGS);
  prospectId = prospect.id;
});
afterEach(async () => {
  vi.useRealTimers();
  db.close();
  await db.delete();
});

const task = (id: string, due: number, done: 0 | 1 = 0) => ({ id, prospectId, kind: 'call' as const, title: `Call ${id}`, due, done, createdAt: Date.now() });

describe('background reminders', () => {
  it('the badge counts due today + overdue, and alarms are set for the next due task and local midnight', async () => {
    const now = NOW;
    await write(db, () => db.tasks.bulkAdd([task('overdue', now - 2 * DAY), task('today', now - 60_000), task('done', now - DAY, 1), task('later', now + 3 * DAY)]));
    await refreshReminders(db, now);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('2');
    expect((await fakeBrowser.alarms.get(NEXT_DUE_ALARM))?.scheduledTime).toBe(now + 3 * DAY);
    expect((await fakeBrowser.alarms.get(DAY_CHANGE_ALARM))?.scheduledTime).toBe(endOfLocalDay(now, TZ) + 1000);
    expect(localTimeZone()).toBe(TZ);

    await completeTask(db, 'overdue');
    await onReminderAlarm(db, DAY_CHANGE_ALARM); // e.g. woken after the worker was stopped: recomputed from the database
    expect(await fakeBrowser.action.getBadgeText({})).toBe('1');
    await completeTask(db, 'today');
    await write(db, () => db.tasks.delete('later'));
    await refreshReminders(db);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
    expect(await fakeBrowser.alarms.get(NEXT_DUE_ALARM)).toBeUndefined();
  });

  it('at the due time it notifies each task that fell due since the last announcement, once', async () => {
    const now = NOW;
    await write(db, () => db.tasks.bulkAdd([task('long-ago', now - 2 * DAY), task('just-now', now - 60_000)]));
    await fakeBrowser.storage.local.set({ 'reminders.lastAnnounced': now - 5 * 60_000 });
    await onReminderAlarm(db, NEXT_DUE_ALARM);
    const shown = await fakeBrowser.notifications.getAll();
    expect(Object.keys(shown)).toEqual(['touchline-task:just-now']);
    expect(shown['touchline-task:just-now']).toMatchObject({ title: 'Follow-up due: Maria Gomez', message: 'Call just-now' });

    await fakeBrowser.notifications.clear('touchline-task:just-now');
    await onReminderAlarm(db, NEXT_DUE_ALARM);
    expect(await fakeBrowser.notifications.getAll()).toEqual({});
  });

  it('notifications can be switched off', async () => {
    const now = NOW;
    await saveSettings({ ...DEFAULT_SETTINGS, reminders: { notifications: false, snoozeHour: 9 } });
    await write(db, () => db.tasks.add(task('just-now', now - 60_000)));
    await fakeBrowser.storage.local.set({ 'reminders.lastAnnounced': now - 5 * 60_000 });
    await onReminderAlarm(db, NEXT_DUE_ALARM);
    expect(await fakeBrowser.notifications.getAll()).toEqual({});
    expect(await fakeBrowser.action.getBadgeText({})).toBe('1');
  });
});
