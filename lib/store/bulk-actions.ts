import type { TouchlineDb } from '../db/database';
import type { CadenceRun } from '../process/cadence';
import type { MoveCheck } from '../process/stage-rules';
import type { Settings } from '../settings/settings';
import { startCadence } from './cadences';
import { UserError } from './errors';
import { moveStage, previewMove, type MoveInput } from './stages';
import { write } from './unit-of-work';
import { BULK_MAX } from '../messaging/limits';

/**
 * The list view's bulk actions (issue 14 §2): the same rules as one person at a time, applied to a selection.
 * Each call is one unit of work, so a selection moves (or is tagged, or starts a cadence) whole or not at all;
 * the page sends a long selection in pages of BULK_MAX.
 */
export { BULK_MAX };

/**
 * What moving every one of `ids` to `toStageId` requires, together: a reason when any of them leaves exit
 * criteria unmet (the labels of all, each once), a loss reason when closing as lost. `moving` counts those
 * not already there.
 */
export async function previewMoves(db: TouchlineDb, ids: string[], toStageId: string, settings: Settings): Promise<MoveCheck & { moving: number }> {
  const checks = await Promise.all(ids.map((id) => previewMove(db, id, toStageId, settings)));
  const moving = checks.filter((c) => c.direction !== 'same');
  return {
    direction: moving.some((c) => c.direction === 'forward') ? 'forward' : moving.length ? 'backward' : 'same',
    unmet: [...new Set(moving.flatMap((c) => c.unmet))],
    needsReason: moving.some((c) => c.needsReason),
    needsLossReason: moving.some((c) => c.needsLossReason),
    moving: moving.length,
  };
}

/**
 * Moves every one of `ids` to `toStageId`, one reason (and loss reason) applied to all; each move is its own
 * StageChange with its own unmet criteria. Those already in the stage are left as they are.
 */
export async function moveStages(db: TouchlineDb, ids: string[], toStageId: string, settings: Settings, input: MoveInput, now = Date.now()): Promise<{ moved: number }> {
  return write(db, async () => {
    let moved = 0;
    for (const id of ids) if ((await moveStage(db, id, toStageId, settings, input, now)).change) moved++;
    return { moved };
  }, { settings, now });
}

/** Adds `tag` to each of `ids` that lacks it (a tag differing only in case counts as the same one). */
export async function addTag(db: TouchlineDb, ids: string[], rawTag: string, now = Date.now()): Promise<{ tagged: number }> {
  const tag = rawTag.trim();
  if (!tag) throw new UserError('invalid', 'A tag needs at least one letter.');
  return write(db, async () => {
    const rows = await db.prospects.bulkGet(ids);
    const missing = ids.find((_, i) => !rows[i]);
    if (missing) throw new UserError('not-found', 'One of the selected prospects no longer exists.');
    const want = tag.toLowerCase();
    const changed = rows.filter((p) => p && !p.tags.some((t) => t.toLowerCase() === want)).map((p) => ({ ...p!, tags: [...p!.tags, tag], updatedAt: now }));
    await db.prospects.bulkPut(changed);
    return { tagged: changed.length };
  }, { now });
}

/** Starts `cadenceId` for each of `ids`; those already running (or paused in) it are skipped and counted. */
export async function startCadences(
  db: TouchlineDb,
  ids: string[],
  cadenceId: string,
  settings: Settings,
  opts: { now: number; timeZone: string },
): Promise<{ started: CadenceRun[]; skipped: number }> {
  return write(db, async () => {
    const started: CadenceRun[] = [];
    let skipped = 0;
    for (const id of ids) {
      const running = await db.cadenceRuns.where('prospectId').equals(id).filter((r) => r.cadenceId === cadenceId && r.status !== 'finished').count();
      if (running) skipped++;
      else started.push(await startCadence(db, { prospectId: id, cadenceId }, settings, opts));
    }
    return { started, skipped };
  }, { settings, now: opts.now });
}
