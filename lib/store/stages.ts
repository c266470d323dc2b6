import type { TouchlineDb } from '../db/database';
import { newId, type Prospect, type StageChange } from '../model';
import type { Settings } from '../settings/settings';
import { enqueue, outboxTables } from '../sync/outbox';
import { UserError } from './errors';
import { getProspect } from './prospects';

/** Moves a prospect to another stage and records the move; history is appended, never rewritten. */
export async function moveStage(
  db: TouchlineDb,
  prospectId: string,
  toStageId: string,
  settings: Settings,
  reason?: string,
  now = Date.now(),
): Promise<{ prospect: Prospect; change: StageChange | null }> {
  const to = settings.stages.find((s) => s.id === toStageId);
  if (!to) throw new UserError('invalid', `There is no stage "${toStageId}" in the sales process.`);
  return db.transaction('rw', [db.prospects, db.stageChanges, ...outboxTables(db)], async () => {
    const p = await getProspect(db, prospectId);
    if (p.stageId === to.id) return { prospect: p, change: null };
    const from = settings.stages.find((s) => s.id === p.stageId);
    const change: StageChange = {
      id: newId(),
      prospectId,
      from: p.stageId,
      fromName: from?.name ?? p.stageId,
      to: to.id,
      toName: to.name,
      at: now,
      reason: reason?.trim() || undefined,
    };
    const prospect: Prospect = { ...p, stageId: to.id, stageEnteredAt: now, updatedAt: now };
    await db.prospects.put(prospect);
    await db.stageChanges.add(change);
    await enqueue(db, 'prospect', prospectId, prospectId, now);
    return { prospect, change };
  });
}

export async function stageHistory(db: TouchlineDb, prospectId: string): Promise<StageChange[]> {
  return db.stageChanges.where('prospectId').equals(prospectId).sortBy('at');
}
