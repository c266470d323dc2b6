import type { Handlers } from '../messaging/router';
import { localTimeZone } from '../process/time-zone';
import { loadSettings } from '../settings/settings-store';
import { resumeCadence, startCadence } from '../store/cadences';
import { setCriterionTick } from '../store/criteria';
import { getProspect } from '../store/prospects';
import { setAnswer } from '../store/qualification';
import { previewMove } from '../store/stages';
import { completeTask, dueList, setNextStep, snoozeTask } from '../store/tasks';
import { processView } from '../store/process-view';
import type { HandlerContext } from './handlers';

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
