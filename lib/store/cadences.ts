import type { TouchlineDb } from '../db/database';
import { newId, type Task, type Touch } from '../model';
import { scheduleSteps, type CadenceRun } from '../process/cadence';
import type { Settings } from '../settings/settings';
import { UserError } from './errors';
import { getProspect } from './prospects';
import { write } from './unit-of-work';

function tasksFor(run: CadenceRun, start: number, timeZone: string, fromIndex: number, now: number, url?: string): Task[] {
  return scheduleSteps({ id: run.cadenceId, name: run.cadenceName, steps: run.steps }, start, timeZone, fromIndex).map((s) => ({
    id: newId(),
    prospectId: run.prospectId,
    kind: s.step.kind,
    title: `${s.step.title} (${run.cadenceName}, step ${s.index + 1} of ${run.steps.length})`,
    due: s.due,
    done: 0,
    createdAt: now,
    cadenceRunId: run.id,
    cadenceStep: s.index,
    url,
  }));
}

/** Starts a cadence for a prospect: one dated task per step. One active run per cadence and prospect. */
export async function startCadence(
  db: TouchlineDb,
  input: { prospectId: string; cadenceId: string; url?: string },
  settings: Settings,
  opts: { now: number; timeZone: string },
): Promise<CadenceRun> {
  const cadence = settings.cadences.find((c) => c.id === input.cadenceId);
  if (!cadence) throw new UserError('invalid', 'That cadence is no longer in the settings.');
  return write(db, async () => {
    await getProspect(db, input.prospectId);
    const running = await db.cadenceRuns.where('prospectId').equals(input.prospectId).filter((r) => r.cadenceId === cadence.id && r.status !== 'finished').first();
    if (running) throw new UserError('conflict', `"${cadence.name}" is already ${running.status} for this prospect.`);
    const run: CadenceRun = {
      id: newId(),
      prospectId: input.prospectId,
      cadenceId: cadence.id,
      cadenceName: cadence.name,
      steps: cadence.steps,
      startedAt: opts.now,
      status: 'active',
    };
    await db.cadenceRuns.add(run);
    const tasks = tasksFor(run, opts.now, opts.timeZone, 0, opts.now, input.url);
    await db.tasks.bulkAdd(tasks);
    return run;
  }, { settings, now: opts.now });
}

/**
 * A reply (or a booked meeting) stops the outreach: every active run of the prospect pauses and its open steps are withdrawn (so
 * they leave the due list and the badge). Runs inside the caller's transaction (see logTouch).
 */
export async function pauseCadencesOnReply(db: TouchlineDb, touch: Pick<Touch, 'prospectId' | 'at'>, because: string): Promise<CadenceRun[]> {
  const runs = await db.cadenceRuns.where('prospectId').equals(touch.prospectId).filter((r) => r.status === 'active').toArray();
  const paused: CadenceRun[] = [];
  for (const run of runs) {
    const open = await db.tasks.where('cadenceRunId').equals(run.id).filter((t) => t.done === 0).toArray();
    const resumeFrom = Math.min(...open.map((t) => t.cadenceStep ?? run.steps.length));
    await db.tasks.bulkDelete(open.map((t) => t.id));
    const next: CadenceRun = {
      ...run,
      status: open.length ? 'paused' : 'finished',
      pausedAt: touch.at,
      pausedBecause: because,
      resumeFrom: open.length ? resumeFrom : undefined,
    };
    await db.cadenceRuns.put(next);
    paused.push(next);
  }
  return paused;
}

/** Resumes a paused run: the first remaining step is due now, the rest keep their spacing. */
export async function resumeCadence(db: TouchlineDb, runId: string, opts: { now: number; timeZone: string }): Promise<CadenceRun> {
  return write(db, async () => {
    const run = await db.cadenceRuns.get(runId);
    if (!run) throw new UserError('not-found', 'That cadence run no longer exists.');
    if (run.status !== 'paused' || run.resumeFrom === undefined) throw new UserError('invalid', 'Only a paused cadence can be resumed.');
    const next: CadenceRun = { ...run, status: 'active', pausedAt: undefined, pausedBecause: undefined, resumeFrom: undefined };
    const tasks = tasksFor(run, opts.now, opts.timeZone, run.resumeFrom, opts.now);
    await db.tasks.bulkAdd(tasks);
    await db.cadenceRuns.put(next);
    return next;
  }, { now: opts.now });
}

export async function runsOf(db: TouchlineDb, prospectId: string): Promise<CadenceRun[]> {
  const rows = await db.cadenceRuns.where('prospectId').equals(prospectId).toArray();
  return rows.sort((a, b) => b.startedAt - a.startedAt);
}
