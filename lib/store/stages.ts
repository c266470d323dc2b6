import type { TouchlineDb } from '../db/database';
import { newId, type Prospect, type StageChange } from '../model';
import { checkMove, type MoveCheck } from '../process/stage-rules';
import type { Settings } from '../settings/settings';
import { criteriaEvaluator } from './criteria';
import { write } from './unit-of-work';
import { UserError } from './errors';
import { getProspect } from './prospects';

export interface MoveInput {
  reason?: string;
  /** Required when closing as lost: one of settings.lossReasons. */
  lossReason?: string;
}

/** What moving would require (the sidebar asks for a reason or a loss reason before it moves). */
export async function previewMove(db: TouchlineDb, prospectId: string, toStageId: string, settings: Settings): Promise<MoveCheck> {
  if (!settings.stages.some((s) => s.id === toStageId)) throw new UserError('invalid', `There is no stage "${toStageId}" in the sales process.`);
  const p = await getProspect(db, prospectId);
  const { unmetOf } = await criteriaEvaluator(db, p, settings);
  return checkMove(settings.stages, p.stageId, toStageId, unmetOf);
}

/**
 * Moves a prospect to another stage and records the move; history is appended, never rewritten. Forward
 * with unmet exit criteria needs a reason (kept with the unmet labels); closing as lost needs a loss reason
 * from the team's list; backward is allowed.
 */
export async function moveStage(
  db: TouchlineDb,
  prospectId: string,
  toStageId: string,
  settings: Settings,
  input?: string | MoveInput,
  now = Date.now(),
): Promise<{ prospect: Prospect; change: StageChange | null }> {
  const to = settings.stages.find((s) => s.id === toStageId);
  if (!to) throw new UserError('invalid', `There is no stage "${toStageId}" in the sales process.`);
  const { reason: rawReason, lossReason } = typeof input === 'string' ? { reason: input, lossReason: undefined } : (input ?? {});
  const reason = rawReason?.trim() || undefined;
  return write(db, async () => {
    const p = await getProspect(db, prospectId);
    if (p.stageId === to.id) return { prospect: p, change: null };
    const { unmetOf } = await criteriaEvaluator(db, p, settings);
    const check = checkMove(settings.stages, p.stageId, to.id, unmetOf);
    if (check.needsLossReason && (!lossReason || !settings.lossReasons.includes(lossReason))) {
      throw new UserError('invalid', `Closing as lost needs a loss reason: one of ${settings.lossReasons.join(', ')}.`);
    }
    if (check.needsReason && !reason) {
      throw new UserError('invalid', `Moving on with unmet exit criteria needs a reason (unmet: ${check.unmet.join('; ')}).`);
    }
    const from = settings.stages.find((s) => s.id === p.stageId);
    const change: StageChange = {
      id: newId(),
      prospectId,
      from: p.stageId,
      fromName: from?.name ?? p.stageId,
      to: to.id,
      toName: to.name,
      at: now,
      reason,
      lossReason: check.needsLossReason ? lossReason : undefined,
      unmetCriteria: check.unmet.length ? check.unmet : undefined,
    };
    const prospect: Prospect = { ...p, stageId: to.id, stageEnteredAt: now, updatedAt: now };
    await db.prospects.put(prospect);
    await db.stageChanges.add(change);
    return { prospect, change };
  }, { settings, now });
}

export async function stageHistory(db: TouchlineDb, prospectId: string): Promise<StageChange[]> {
  return db.stageChanges.where('prospectId').equals(prospectId).sortBy('at');
}
