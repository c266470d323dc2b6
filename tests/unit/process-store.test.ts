import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb, type TouchlineDb } from '@/lib/db/database';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/settings/settings';
import { addProspect } from '@/lib/store/prospects';
import { moveStage, previewMove, stageHistory } from '@/lib/store/stages';
import { logTouch } from '@/lib/store/touches';
import { setAnswer } from '@/lib/store/qualification';
import { setCriterionTick, criteriaEvaluator } from '@/lib/store/criteria';
import { allScores, rescoreAll, rescoreProspect, reweighAll, scoreOf } from '@/lib/store/scores';
import { resumeCadence, runsOf, startCadence } from '@/lib/store/cadences';
import { completeTask, dueCounts, dueList, openTasksOf, setNextStep, snoozeTask } from '@/lib/store/tasks';
import { UserError } from '@/lib/store/errors';
import { rebuildDueBins } from '@/lib/store/due-bins';
import { countDue } from '@/lib/process/reminders';
import { write } from '../../lib/store/unit-of-work';

const NOW = Date.parse('2026-11-23T10:00:00Z');
const DAY = 86_400_000;
const TZ = 'Europe/Berlin';
let db: TouchlineDb;
let n = 0;

const settings: Settings = {
  ...DEFAULT_SETTINGS,
  scoring: { ...DEFAULT_SETTINGS.scoring, icp: { ...DEFAULT_SETTINGS.scoring.icp, domains: ['acme-robotics.example'] } },
};

beforeEach(async () => {
  db = openDb(`process-store-${++n}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await db.delete();
});

async function maria(s = settings) {
  const { prospect } = await addProspect(
    db,
    { name: 'Maria Gomez', emails: ['maria.gomez@acme-robotics.example'], title: 'VP Operations', linkedinUrl: 'https://www.linkedin.com/in/maria-gomez' },
    s,
    NOW,
  );
  return prospect;
}

describe('exit criteria and stage rules', () => {
  it('criteria are met by data (fit, reachable, answers, replies) or by hand', async () => {
    const p = await maria();
    const { status } = await criteriaEvaluator(db, p, settings);
    const [prospecting, qualification, approach] = settings.stages;
    expect(status(prospecting!).map((c) => [c.id, c.met, c.by])).toEqual([
      ['fits-icp', true, 'data'],
      ['reachable', true, 'data'],
    ]);
    expect(status(qualification!).map((c) => c.met)).toEqual([false, false, true]);

    const answered = await setAnswer(db, { prospectId: p.id, questionId: 'need', answer: { state: 'partly', note: 'Pilot in Q1' } }, settings, NOW);
    expect(answered.qualification.need).toEqual({ state: 'partly', note: 'Pilot in Q1' });
    await logTouch(db, { prospectId: p.id, channel: 'email', direction: 'inbound', at: NOW }, NOW);
    await setCriterionTick(db, { prospectId: p.id, stageId: 'approach', criterionId: 'meeting-booked', ticked: true }, settings, NOW);
    const after = await criteriaEvaluator(db, (await db.prospects.get(p.id))!, settings);
    expect(after.status(qualification!).find((c) => c.id === 'need')).toMatchObject({ met: true, by: 'data', because: 'Need is partly' });
    expect(after.status(approach!).map((c) => [c.id, c.by])).toEqual([
      ['replied', 'data'],
      ['meeting-booked', 'hand'],
    ]);
    await setCriterionTick(db, { prospectId: p.id, stageId: 'approach', criterionId: 'meeting-booked', ticked: false }, settings, NOW);
    expect((await criteriaEvaluator(db, p, settings)).status(approach!)[1]!.met).toBe(false);
  });

  it('moving forward past unmet criteria needs a reason, which is recorded with the unmet labels', async () => {
    const p = await maria();
    await moveStage(db, p.id, 'qualification', settings, undefined, NOW + 1); // prospecting criteria met by data
    const preview = await previewMove(db, p.id, 'approach', settings);
    expect(preview).toEqual({ direction: 'forward', unmet: ['Need confirmed or likely', 'Authority or a path to it known'], needsReason: true, needsLossReason: false });
    await expect(moveStage(db, p.id, 'approach', settings, { reason: '  ' }, NOW + 2)).rejects.toThrow(/needs a reason \(unmet: Need confirmed/);
    const { change } = await moveStage(db, p.id, 'approach', settings, { reason: 'Referred by their CEO' }, NOW + 3);
    expect(change).toMatchObject({ from: 'qualification', to: 'approach', reason: 'Referred by their CEO', unmetCriteria: preview.unmet });
  });

  it('skipping stages counts the skipped stages\u2019 criteria too', async () => {
    const p = await maria();
    const preview = await previewMove(db, p.id, 'discovery', settings);
    expect(preview.unmet).toEqual(['Need confirmed or likely', 'Authority or a path to it known', 'The prospect replied', 'A discovery meeting is booked']);
  });

  it('closing as lost needs a loss reason from the team list; backward moves are free and recorded', async () => {
    const p = await maria();
    await expect(moveStage(db, p.id, 'lost', settings, { reason: 'meh' }, NOW + 1)).rejects.toThrow(/loss reason: one of Price/);
    await expect(moveStage(db, p.id, 'lost', settings, { lossReason: 'Aliens' }, NOW + 1)).rejects.toBeInstanceOf(UserError);
    await moveStage(db, p.id, 'lost', settings, { lossReason: 'Bad timing', reason: 'Call again in spring' }, NOW + 2);
    const back = await previewMove(db, p.id, 'qualification', settings);
    expect(back).toMatchObject({ direction: 'backward', needsReason: false });
    await moveStage(db, p.id, 'qualification', settings, undefined, NOW + 3);
    const history = await stageHistory(db, p.id);
    expect(history.map((h) => [h.fromName, h.toName, h.lossReason ?? null])).toEqual([
      [null, 'Prospecting', null],
      ['Prospecting', 'Closed lost', 'Bad timing'],
      ['Closed lost', 'Qualification', null],
    ]);
  });

  it('history keeps the stage names it was recorded with after a rename', async () => {
    const p = await maria();
    await moveStage(db, p.id, 'qualification', settings, undefined, NOW + 1);
    const renamed = { ...settings, stages: settings.stages.map((s) => (s.id === 'qualification' ? { ...s, name: 'Research' } : s)) };
    await moveStage(db, p.id, 'prospecting', renamed, undefined, NOW + 2);
    expect((await stageHistory(db, p.id)).map((h) => h.toName)).toEqual(['Prospecting', 'Qualification', 'Prospecting']);
    expect((await stageHistory(db, p.id))[2]!.fromName).toBe('Research');
  });
});

describe('scores in the store', () => {
  it('answers and touches rescore the prospect; a weight change rescores everyone', async () => {
    const p = await maria();
    expect((await rescoreProspect(db, p.id, settings, NOW))!.score).toBe(40);
    await setAnswer(db, { prospectId: p.id, questionId: 'budget', answer: { state: 'confirmed' } }, settings, NOW);
    expect(await scoreOf(db, p.id)).toBe(48); // 40 + 30/4 = 47.5
    await logTouch(db, { prospectId: p.id, channel: 'note', direction: 'internal', at: NOW }, NOW);
    expect(await db.engagement.get(p.id)).toBeUndefined(); // a note is not engagement
    await logTouch(db, { prospectId: p.id, channel: 'email', direction: 'inbound', at: NOW }, NOW);
    expect(await db.engagement.get(p.id)).toEqual({ prospectId: p.id, touches: 1, replies: 1, lastTouchAt: NOW });

    const { prospect: li } = await addProspect(db, { name: 'Li Wei', emails: ['li.wei@elsewhere.example'] }, settings, NOW);
    await rescoreProspect(db, li.id, settings, NOW);
    const heavy = { ...settings, scoring: { ...settings.scoring, weights: { fit: 0, engagement: 0, qualification: 100 } } };
    expect(await scoreOf(db, li.id)).toBe(0); // scored when added: no ICP match, no touch, no answer
    const r = await reweighAll(db, heavy);
    expect(r).toEqual({ scored: 2, changed: 1 });
    expect(await scoreOf(db, p.id)).toBe(25);
    // Recombining stored parts gives exactly what a full rescoring gives.
    const recombined = await allScores(db);
    await rescoreAll(db, heavy, NOW);
    expect(await allScores(db)).toEqual(recombined);
    expect([...recombined.values()]).toEqual([25, 0]);
    // A profile change needs the full path: Li's domain now fits.
    const liFits = { ...heavy, scoring: { weights: { fit: 100, engagement: 0, qualification: 0 }, icp: { ...heavy.scoring.icp, domains: ['elsewhere.example'] } } };
    await rescoreAll(db, liFits, NOW);
    expect(await scoreOf(db, li.id)).toBe(100);
    expect(await scoreOf(db, p.id)).toBe(0);
  });

  it('refuses an answer to a question the framework does not have', async () => {
    const p = await maria();
    await expect(setAnswer(db, { prospectId: p.id, questionId: 'champion', answer: { state: 'confirmed' } }, settings, NOW)).rejects.toThrow(
      '"champion" is not a question of BANT.',
    );
  });
});

describe('cadences, follow-ups and reminders', () => {
  it('starting a cadence creates dated tasks; a reply pauses it and withdraws the open steps', async () => {
    const p = await maria();
    const run = await startCadence(db, { prospectId: p.id, cadenceId: 'standard-outreach' }, settings, { now: NOW, timeZone: TZ });
    const tasks = await openTasksOf(db, p.id);
    expect(tasks.map((t) => Math.round((t.due - NOW) / DAY))).toEqual([0, 2, 5, 9]);
    expect(tasks[0]!.title).toBe('Intro email (Standard outreach, step 1 of 4)');
    await expect(startCadence(db, { prospectId: p.id, cadenceId: 'standard-outreach' }, settings, { now: NOW, timeZone: TZ })).rejects.toThrow(/already active/);

    await completeTask(db, tasks[0]!.id, NOW + 1000);
    await logTouch(db, { prospectId: p.id, channel: 'email', direction: 'outbound', at: NOW + 2000 }, NOW + 2000);
    expect((await runsOf(db, p.id))[0]!.status).toBe('active');
    await logTouch(db, { prospectId: p.id, channel: 'email', direction: 'inbound', at: NOW + DAY }, NOW + DAY);
    const [paused] = await runsOf(db, p.id);
    expect(paused).toMatchObject({ id: run.id, status: 'paused', pausedBecause: 'Maria Gomez replied (email)', resumeFrom: 1 });
    expect(await openTasksOf(db, p.id)).toEqual([]);

    const resumed = await resumeCadence(db, run.id, { now: NOW + 3 * DAY, timeZone: TZ });
    expect(resumed.status).toBe('active');
    expect((await openTasksOf(db, p.id)).map((t) => Math.round((t.due - NOW) / DAY))).toEqual([3, 6, 10]);

    // A logged meeting stops outreach too.
    await logTouch(db, { prospectId: p.id, channel: 'meeting', direction: 'outbound', at: NOW + 4 * DAY }, NOW + 4 * DAY);
    expect((await runsOf(db, p.id))[0]).toMatchObject({ status: 'paused', pausedBecause: 'A meeting with Maria Gomez was logged', resumeFrom: 1 });
    expect(await openTasksOf(db, p.id)).toEqual([]);
  });

  it('counts due today and overdue by the local day, and lists them with a link back', async () => {
    const p = await maria();
    await logTouch(db, { prospectId: p.id, channel: 'email', direction: 'outbound', at: NOW - DAY, url: 'https://mail.google.com/mail/u/0/#inbox/T1' }, NOW);
    // Due 22:30 UTC = 23:30 on the 23rd in Berlin (today), 01:30 on the 24th in Moscow (tomorrow); now is 20:00 UTC.
    const now = Date.parse('2026-11-23T20:00:00Z');
    await setNextStep(db, { prospectId: p.id, text: 'Send pricing', due: Date.parse('2026-11-23T22:30:00Z'), url: 'https://mail.google.com/mail/u/0/#inbox/T2' }, now);
    await write(db, () => db.tasks.bulkAdd([
      { id: 'old', prospectId: p.id, kind: 'call', title: 'Call', due: now - 3 * DAY, done: 0, createdAt: now },
      { id: 'done', prospectId: p.id, kind: 'call', title: 'Done call', due: now - DAY, done: 1, createdAt: now },
      { id: 'later', prospectId: p.id, kind: 'email', title: 'Later', due: now + 5 * DAY, done: 0, createdAt: now },
    ]));
    expect(await dueCounts(db, now, TZ)).toEqual({ overdue: 1, today: 1 });
    expect(await dueCounts(db, now, 'Europe/Moscow')).toEqual({ overdue: 1, today: 0 });
    const { items, counts } = await dueList(db, now, TZ);
    expect(counts).toEqual({ overdue: 1, today: 1 });
    expect(items.map((i) => [i.task.title, i.overdue, i.prospectName, i.link])).toEqual([
      ['Call', true, 'Maria Gomez', 'https://www.linkedin.com/in/maria-gomez'], // no page of its own: her profile
      ['Send pricing', false, 'Maria Gomez', 'https://mail.google.com/mail/u/0/#inbox/T2'], // the thread it was set from
    ]);

    const snoozed = await snoozeTask(db, 'old', { now, timeZone: TZ, hour: 9 });
    expect(new Date(snoozed.due).toISOString()).toBe('2026-11-24T08:00:00.000Z');
    expect(await dueCounts(db, now, TZ)).toEqual({ overdue: 0, today: 1 });
    const next = (await openTasksOf(db, p.id)).find((t) => t.nextStep)!;
    await completeTask(db, next.id, now);
    expect(await dueCounts(db, now, TZ)).toEqual({ overdue: 0, today: 0 });
    expect((await db.prospects.get(p.id))!.nextStep).toBeUndefined();
  });

  it('a new next step replaces the open one; a next step needs a date', async () => {
    const p = await maria();
    await setNextStep(db, { prospectId: p.id, text: 'Send deck', due: NOW + DAY }, NOW);
    await setNextStep(db, { prospectId: p.id, text: 'Book demo', due: NOW + 2 * DAY }, NOW);
    expect((await openTasksOf(db, p.id)).map((t) => t.title)).toEqual(['Book demo']);
    expect((await db.prospects.get(p.id))).toMatchObject({ nextStep: 'Book demo', followUpAt: NOW + 2 * DAY });
    await expect(setNextStep(db, { prospectId: p.id, text: 'No date' }, NOW)).rejects.toThrow('A next step needs a due date.');
  });

  it('the per-slot due counts stay equal to the tasks themselves through every kind of task write', async () => {
    const p = await maria();
    await rebuildDueBins(db); // start from built slots, so every write below must adjust them
    const run = await startCadence(db, { prospectId: p.id, cadenceId: 'standard-outreach' }, settings, { now: NOW, timeZone: TZ });
    await setNextStep(db, { prospectId: p.id, text: 'Send deck', due: NOW - 2 * DAY }, NOW);
    await setNextStep(db, { prospectId: p.id, text: 'Book demo', due: NOW + 3600_000 }, NOW);
    const [first] = await openTasksOf(db, p.id);
    await snoozeTask(db, first!.id, { now: NOW, timeZone: TZ, hour: 9 });
    await completeTask(db, (await openTasksOf(db, p.id))[0]!.id, NOW);
    await logTouch(db, { prospectId: p.id, channel: 'email', direction: 'inbound', at: NOW }, NOW);
    await resumeCadence(db, run.id, { now: NOW + DAY, timeZone: TZ });
    const all = await db.tasks.toArray();
    for (const [now, tz] of [[NOW, TZ], [NOW + DAY, 'Asia/Kolkata'], [NOW + 5 * DAY, 'America/St_Johns'], [NOW + 12 * DAY, 'UTC']] as const) {
      expect(await dueCounts(db, now, tz)).toEqual(countDue(all, now, tz));
    }
    expect(countDue(all, NOW + 12 * DAY, 'UTC').overdue).toBeGreaterThan(0);
  });
});
