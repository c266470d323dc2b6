import type { OutboxRow, SyncTargetRow } from '../sync/types';
import { countTouch } from '../process/engagement';
import type { Engagement } from '../process/scoring';
import type { SideEffectContext } from './unit-of-work';
import { adjustDueBins } from './due-bins';
import { recountEngagement } from './touch-effects';
import { rescoreMany } from './scores';
import { refreshDigest } from './metrics-digest';

/**
 * What follows from any change, registered once and run in order at the end of every unit of work, inside
 * its transaction (lib/store/unit-of-work.ts). Engagement comes before scores, which read it.
 */
export const SIDE_EFFECTS: ReadonlyArray<(ctx: SideEffectContext) => Promise<void>> = [engagement, dueCounts, outbox, scores, metricsDigest];
/** Their names, for timings (a minified build renames the functions). */
export const SIDE_EFFECT_NAMES = ['engagement', 'due counts', 'outbox', 'scores', 'metrics digest'] as const;

/** Touch figures behind the lead score: new touches are counted in; moved or deleted ones recounted. */
async function engagement({ db, changes }: SideEffectContext): Promise<void> {
  for (const id of changes.recount) await recountEngagement(db, id);
  const figures = new Map<string, Engagement>();
  for (const t of changes.touchesCreated.values()) {
    if (changes.recount.has(t.prospectId)) continue;
    const e = figures.get(t.prospectId) ?? (await db.engagement.get(t.prospectId)) ?? { prospectId: t.prospectId, touches: 0, replies: 0 };
    figures.set(t.prospectId, countTouch(e, t));
  }
  const counted = [...figures.values()].filter((e) => e.touches > 0);
  if (counted.length) await db.engagement.bulkPut(counted);
}

/** The open-task slots behind the badge (lib/store/due-bins.ts). */
async function dueCounts({ db, changes }: SideEffectContext): Promise<void> {
  await adjustDueBins(db, changes.dueDeltas);
}

/**
 * The CRM outbox: one `prospect` row per changed or removed person (their follow-ups are prospect fields),
 * then one `touch` row per new or moved touch. Nothing is queued while no CRM is connected.
 */
async function outbox({ db, changes, now }: SideEffectContext): Promise<void> {
  const target = (await db.syncMeta.get('target')) as SyncTargetRow | undefined;
  if (!target) return;
  const people = new Set([...changes.prospectsWritten, ...changes.prospectsDeleted, ...changes.tasksOf].filter((id) => !changes.prospectsErased.has(id)));
  const touches = [...changes.touchesCreated.values(), ...changes.touchesMoved.values()];
  const rows: OutboxRow[] = [
    ...[...people].map((id) => ({ connectionId: target.connectionId, kind: 'prospect' as const, prospectId: id, refId: id, at: now })),
    ...touches.map((t) => ({ connectionId: target.connectionId, kind: 'touch' as const, prospectId: t.prospectId, refId: t.id, at: now })),
  ];
  if (rows.length) await db.outbox.bulkAdd(rows);
}

/** Lead scores (and the scoreboard's stage column) of everyone whose record, touches or tasks changed; the removed leave the column. */
async function scores({ db, changes, settings, now }: SideEffectContext): Promise<void> {
  // Removed ids are passed too: they leave the stage column. The rows written in this unit of work are known.
  if (!changes.prospectIds.size) return;
  // Minted prospects have no engagement row unless this unit of work counted touches for them.
  const counted = new Set([...changes.recount, ...[...changes.touchesCreated.values()].map((t) => t.prospectId)]);
  const unengaged = new Set([...changes.prospectsMinted].filter((id) => !counted.has(id)));
  await rescoreMany(db, [...changes.prospectIds], settings, now, changes.prospectRows, unengaged);
}

/** The metrics page's columnar copy of history and touches (lib/store/metrics-digest.ts). */
async function metricsDigest({ db, changes }: SideEffectContext): Promise<void> {
  await refreshDigest(db, changes);
}
