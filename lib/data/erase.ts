import type { TouchlineDb } from '../db/database';
import type { Settings } from '../settings/settings';
import { UserError } from '../store/errors';
import { write } from '../store/unit-of-work';
import type { SyncTargetRow } from '../sync/types';

export interface EraseReport {
  name: string;
  /** Rows removed per table (the prospect itself included). */
  removed: Record<string, number>;
  /** Entries to add to the never-capture list, when the user asked for it (the caller saves settings). */
  neverCapture: string[];
  /**
   * With a CRM connected: the records there that belong to this person. No adapter can delete in the CRM
   * yet, so the page tells the user to remove them by hand.
   */
  crm?: { crm: string; records: string[] };
}

/** Drops `id` from the columnar scoreboard (ids, 4 parts each, one score each). */
async function dropScore(db: TouchlineDb, id: string): Promise<number> {
  const [ids, parts, scores] = await db.scoreboard.bulkGet(['ids', 'parts', 'scores']);
  const i = ids?.ids?.indexOf(id) ?? -1;
  if (i < 0 || !ids?.ids) return 0;
  const keep = <T extends Float64Array | Uint8Array>(a: T | undefined, width: number): T | undefined => {
    if (!a) return a;
    const out = new (a.constructor as new (n: number) => T)(a.length - width);
    out.set(a.subarray(0, i * width));
    out.set(a.subarray((i + 1) * width), i * width);
    return out;
  };
  await db.scoreboard.bulkPut([
    { id: 'ids', ids: ids.ids.filter((_, j) => j !== i) },
    ...(parts ? [{ ...parts, parts: keep(parts.parts, 4) }] : []),
    ...(scores ? [{ ...scores, scores: keep(scores.scores, 1) }] : []),
  ]);
  return 1;
}

/**
 * Erases a person (a right-to-be-forgotten request): the prospect and every row about them, their touches,
 * tasks, stage history, cadence runs, ticked criteria, merge records (with the snapshots they keep), score,
 * engagement figures, CRM links and waiting outbox rows, in one unit of work.
 */
export async function erasePerson(db: TouchlineDb, prospectId: string, opts: { settings: Settings; neverCapture: boolean }): Promise<EraseReport> {
  const removed: Record<string, number> = {};
  const report = await write(db, async () => {
    const p = await db.prospects.get(prospectId);
    if (!p) throw new UserError('not-found', 'That prospect no longer exists.');
    const target = (await db.syncMeta.get('target')) as SyncTargetRow | undefined;
    // A record merged into this one lived under its own id; rows queued or linked under it are theirs too.
    const merges = await db.merges.filter((m) => m.keptId === prospectId || m.removedId === prospectId).toArray();
    const ids = [...new Set([prospectId, ...merges.map((m) => m.removedId)])];
    const links = await db.syncLinks.where('prospectId').anyOf(ids).toArray();
    const owned = ['touches', 'tasks', 'stageChanges', 'cadenceRuns', 'criteriaTicks', 'syncLinks', 'outbox'] as const;
    for (const t of owned) removed[t] = await db.table(t).where('prospectId').anyOf(ids).delete();
    removed.merges = await db.merges.bulkDelete(merges.map((m) => m.id)).then(() => merges.length);
    removed.engagement = (await db.engagement.get(prospectId)) ? 1 : 0;
    await db.engagement.delete(prospectId);
    removed.scoreboard = await dropScore(db, prospectId);
    await db.prospects.delete(prospectId);
    removed.prospects = 1;
    const records = links.flatMap((l) => Object.entries(l.remote).map(([kind, id]) => `${kind} ${id}`));
    return {
      ids,
      name: p.name,
      removed,
      neverCapture: opts.neverCapture ? [...p.emails, ...(p.linkedinUrl ? [p.linkedinUrl] : [])] : [],
      crm: target ? { crm: target.crm, records } : undefined,
    };
  }, { settings: opts.settings });
  // The unit of work queues a `prospect` row for the removed person; the engine would drop it unsent, but
  // nothing of them should wait in the outbox either.
  await db.outbox.where('prospectId').anyOf(report.ids).delete();
  const { ids: _ids, ...out } = report;
  return out;
}

/** The settings with the erased person's addresses on the never-capture list (each once). */
export function withNeverCapture(settings: Settings, entries: string[]): Settings {
  const known = new Set(settings.neverCapture.map((e) => e.toLowerCase()));
  return { ...settings, neverCapture: [...settings.neverCapture, ...entries.filter((e) => !known.has(e.toLowerCase()))] };
}
