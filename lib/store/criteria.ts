import type { TouchlineDb } from '../db/database';
import type { Prospect } from '../model';
import { evaluateStage, type CriterionStatus } from '../process/criteria';
import { fitRatio } from '../process/scoring';
import type { Stage } from '../process/stage';
import type { Settings } from '../settings/settings';
import { UserError } from './errors';
import { getProspect } from './prospects';
import { write } from './unit-of-work';

/** An exit criterion a rep ticked by hand for one prospect in one stage. Unticking deletes it. */
export interface CriterionTick {
  id: string;
  prospectId: string;
  stageId: string;
  criterionId: string;
  at: number;
}

export const tickId = (prospectId: string, stageId: string, criterionId: string) => `${prospectId}|${stageId}|${criterionId}`;

/** Everything needed to evaluate any stage's criteria for one prospect (read once, used for many stages). */
export async function criteriaEvaluator(db: TouchlineDb, prospect: Prospect, settings: Settings) {
  const [touches, ticks, company] = await Promise.all([
    db.touches.where('prospectId').equals(prospect.id).toArray(),
    db.criteriaTicks.where('prospectId').equals(prospect.id).toArray(),
    prospect.companyId ? db.companies.get(prospect.companyId) : undefined,
  ]);
  const fit = fitRatio(prospect, company, settings.scoring.icp);
  const status = (stage: Stage): CriterionStatus[] =>
    evaluateStage(stage, {
      prospect,
      touches,
      framework: settings.framework,
      fit,
      ticked: new Set(ticks.filter((t) => t.stageId === stage.id).map((t) => t.criterionId)),
    });
  return { status, unmetOf: (stage: Stage) => status(stage).filter((c) => !c.met).map((c) => c.label) };
}

export async function setCriterionTick(
  db: TouchlineDb,
  input: { prospectId: string; stageId: string; criterionId: string; ticked: boolean },
  settings: Settings,
  now = Date.now(),
): Promise<void> {
  const stage = settings.stages.find((s) => s.id === input.stageId);
  if (!stage?.exitCriteria.some((c) => c.id === input.criterionId)) {
    throw new UserError('invalid', 'That exit criterion is no longer part of the sales process.');
  }
  await write(db, async () => {
    await getProspect(db, input.prospectId);
    const id = tickId(input.prospectId, input.stageId, input.criterionId);
    if (input.ticked) await db.criteriaTicks.put({ id, prospectId: input.prospectId, stageId: input.stageId, criterionId: input.criterionId, at: now });
    else await db.criteriaTicks.delete(id);
  }, { settings, now });
}
