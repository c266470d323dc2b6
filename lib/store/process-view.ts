import type { TouchlineDb } from '../db/database';
import type { Prospect } from '../model';
import type { ProcessView } from '../process/views';
import type { Settings } from '../settings/settings';
import { runsOf } from './cadences';
import { criteriaEvaluator } from './criteria';
import { explainScore } from './scores';
import { openTasksOf } from './tasks';

/**
 * One prospect's sales-process view: score, the current stage's criteria, open tasks and cadence runs. Reads
 * only: the background answers the sidebar with it, and the prospect record runs it inside a live query.
 */
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
