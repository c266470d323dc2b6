import Dexie from 'dexie';
import type { TouchlineDb } from '../db/database';
import { newId, safePageUrl, type Prospect, type Task } from '../model';
import { dueWindow, type DueCounts } from '../process/reminders';
import { nextLocalDayAt } from '../process/time-zone';
import { UserError } from './errors';
import { dueCountsFromBins } from './due-bins';
import { write } from './unit-of-work';
import { getProspect } from './prospects';

/** Open tasks due before the end of today (overdue first), via the [done+due] index: no scan of the rest. */
function openDueBefore(db: TouchlineDb, end: number) {
  return db.tasks.where('[done+due]').between([0, Dexie.minKey], [0, end], true, false);
}

export async function dueCounts(db: TouchlineDb, now: number, timeZone: string): Promise<DueCounts> {
  return dueCountsFromBins(db, now, timeZone);
}

export interface DueItem {
  task: Task;
  prospectName: string;
  /** Where the follow-up happens: the last Gmail thread or LinkedIn page a touch was logged on, else the profile. */
  link?: string;
  overdue: boolean;
}

/** Today's and overdue follow-ups, oldest first, each with its prospect and a link back to where they talk. */
export async function dueList(db: TouchlineDb, now: number, timeZone: string, limit = 100): Promise<{ items: DueItem[]; counts: DueCounts }> {
  const w = dueWindow(now, timeZone);
  const [tasks, counts] = await Promise.all([openDueBefore(db, w.todayEnd).limit(limit).toArray(), dueCounts(db, now, timeZone)]);
  const ids = [...new Set(tasks.map((t) => t.prospectId))];
  const prospects = await db.prospects.bulkGet(ids);
  const byId = new Map(prospects.filter((p): p is Prospect => !!p).map((p) => [p.id, p]));
  // The link is on the task (the page it was set from), else where the prospect was found: no touch is read.
  const items = tasks.map((task) => {
    const p = byId.get(task.prospectId);
    return { task, prospectName: p?.name ?? 'Deleted prospect', link: task.url ?? p?.source.url ?? p?.linkedinUrl, overdue: task.due < w.todayStart };
  });
  return { items, counts };
}

/**
 * Where a follow-up with this prospect happens: the newest touch with a URL, else where they were found.
 * Only a Gmail or LinkedIn https: page: the link goes into the popup's href and a reminder's tabs.create.
 */
export async function linkFor(db: TouchlineDb, p: Prospect | undefined): Promise<string | undefined> {
  if (!p) return undefined;
  const touches = await db.touches.where('prospectId').equals(p.id).toArray();
  const latest = touches.filter((t) => safePageUrl(t.url)).sort((a, b) => b.at - a.at)[0];
  return latest?.url ?? safePageUrl(p.source.url) ?? safePageUrl(p.linkedinUrl);
}

export async function openTasksOf(db: TouchlineDb, prospectId: string): Promise<Task[]> {
  const rows = await db.tasks.where('prospectId').equals(prospectId).filter((t) => t.done === 0).toArray();
  return rows.sort((a, b) => a.due - b.due);
}

/**
 * Keeps the prospect's next-step follow-up task in step with its `nextStep` and `followUpAt`: at most one
 * open at a time, replaced when either changes, none without a date. Runs in the caller's transaction.
 */
export async function syncNextStepTask(db: TouchlineDb, p: Prospect, now: number, url?: string): Promise<void> {
  const open = await db.tasks.where('prospectId').equals(p.id).filter((t) => t.done === 0 && t.nextStep === true).toArray();
  await db.tasks.bulkDelete(open.map((t) => t.id));
  if (p.nextStep && p.followUpAt !== undefined) {
    await db.tasks.add({ id: newId(), prospectId: p.id, kind: 'todo', title: p.nextStep, due: p.followUpAt, done: 0, createdAt: now, nextStep: true, url: url ?? open[0]?.url });
  }
}

/** Sets the prospect's next step and its due date (a follow-up task); clearing the text closes it. */
export async function setNextStep(db: TouchlineDb, input: { prospectId: string; text: string; due?: number; url?: string }, now = Date.now()): Promise<Prospect> {
  const text = input.text.trim();
  if (text && input.due === undefined) throw new UserError('invalid', 'A next step needs a due date.');
  return write(db, async () => {
    const p = await getProspect(db, input.prospectId);
    const next: Prospect = { ...p, nextStep: text || undefined, followUpAt: text ? input.due : undefined, updatedAt: now };
    await db.prospects.put(next);
    await syncNextStepTask(db, next, now, input.url);
    return next;
  }, { now });
}

export async function completeTask(db: TouchlineDb, taskId: string, now = Date.now()): Promise<Task> {
  return write(db, async () => {
    const task = await db.tasks.get(taskId);
    if (!task) throw new UserError('not-found', 'That task no longer exists.');
    if (task.done) return task;
    const done: Task = { ...task, done: 1, doneAt: now };
    await db.tasks.put(done);
    if (task.nextStep) {
      const p = await db.prospects.get(task.prospectId);
      if (p?.followUpAt === task.due) await db.prospects.put({ ...p, nextStep: undefined, followUpAt: undefined, updatedAt: now });
    }
    if (task.cadenceRunId) {
      const left = await db.tasks.where('cadenceRunId').equals(task.cadenceRunId).filter((t) => t.done === 0).count();
      if (left === 0) await db.cadenceRuns.update(task.cadenceRunId, { status: 'finished' });
    }
    return done;
  }, { now });
}

/** Moves a task to `hour`:00 tomorrow in the rep's time zone (or to `until` when given). */
export async function snoozeTask(db: TouchlineDb, taskId: string, opts: { now: number; timeZone: string; hour: number; until?: number }): Promise<Task> {
  return write(db, async () => {
    const task = await db.tasks.get(taskId);
    if (!task) throw new UserError('not-found', 'That task no longer exists.');
    const due = opts.until ?? nextLocalDayAt(opts.now, opts.hour, opts.timeZone);
    await db.tasks.update(task.id, { due });
    if (task.nextStep) {
      const p = await db.prospects.get(task.prospectId);
      if (p?.followUpAt === task.due) await db.prospects.put({ ...p, followUpAt: due, updatedAt: opts.now });
    }
    return { ...task, due };
  }, { now: opts.now });
}

/** The first open task due after `after` (the background sets its alarm for it). */
export async function nextDueAfter(db: TouchlineDb, after: number): Promise<Task | undefined> {
  return db.tasks.where('[done+due]').between([0, after], [0, Dexie.maxKey], false, true).first();
}

/** Open tasks that fell due in (from, to]: what a notification announces. */
export async function dueBetween(db: TouchlineDb, from: number, to: number, limit = 50): Promise<Task[]> {
  return db.tasks.where('[done+due]').between([0, from], [0, to], false, true).limit(limit).toArray();
}
