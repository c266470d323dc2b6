import type { Handlers } from '../messaging/router';
import { localTimeZone } from '../process/time-zone';
import { loadSettings } from '../settings/settings-store';
import { resumeCadence, runsOf, startCadence } from '../store/cadences';
import { criteriaEvaluator, setCriterionTick } from '../store/criteria';
import { getProspect } from '../store/prospects';
import { setAnswer } from '../store/qualification';
import { explainScore } from '../store/scores';
import { previewMove } from '../store/stages';
import { completeTask, dueList, openTasksOf, setNextStep, snoozeTask } from '../store/tasks';
import type { HandlerContext } from './handlers';
import type { TouchlineDb } from '../db/database';
import type { Prospect } from '../model';
import type { ProcessView } from '../process/views';
import type { Settings } from '../settings/settings';

/** One prospect's sales-process view: score, the current stage's criteria, open tasks and cadence runs. */
export async function processView(db: TouchlineDb, prospect: Prospect, settings: Settings): Promise<ProcessView> {
  const stage = settings.stages.find((s) => s.id === prospect.stageId);
  const { status } = await criteriaEvaluator(db, prospect, settings);
  return {
    score: await explainScore(db, prospect, settings),
    stageId: prospect.stageId,
    criteria: stage ? status(stage) : [],
    tasks: await openTasksOf(db, prospect.id),
    runs: await runsOf(db, prospect.id),
  };
}

type ProcessRequest =
  | 'process.get'
  | 'qualification.set'
  | 'criteria.tick'
  | 'stage.preview'
  | 'nextStep.set'
  | 'cadence.start'
  | 'cadence.resume'
  | 'task.done'
  | 'task.snooze'
  | 'tasks.due';

/** The sales-process handlers (issue 5), spread into lib/background/handlers.ts. */
export const processHandlers: Pick<Handlers<HandlerContext>, ProcessRequest> = {
  'process.get': async ({ prospectId }, { db }) => processView(db, await getProspect(db, prospectId), await loadSettings()),
  'qualification.set': async (input, { db }) => setAnswer(db, input, await loadSettings()),
  'criteria.tick': async (input, { db }) => {
    await setCriterionTick(db, input, await loadSettings());
    return { ok: true as const };
  },
  'stage.preview': async ({ prospectId, stageId }, { db }) => previewMove(db, prospectId, stageId, await loadSettings()),
  'nextStep.set': (input, { db }) => setNextStep(db, input),
  'cadence.start': async (input, { db }) => startCadence(db, input, await loadSettings(), { now: Date.now(), timeZone: localTimeZone() }),
  'cadence.resume': ({ runId }, { db }) => resumeCadence(db, runId, { now: Date.now(), timeZone: localTimeZone() }),
  'task.done': ({ taskId }, { db }) => completeTask(db, taskId),
  'task.snooze': async ({ taskId }, { db }) => {
    const settings = await loadSettings();
    return snoozeTask(db, taskId, { now: Date.now(), timeZone: localTimeZone(), hour: settings.reminders.snoozeHour });
  },
  'tasks.due': async (_, { db }) => dueList(db, Date.now(), localTimeZone()),
};
