import type { TouchlineDb } from '../db/database';
import type { Settings } from '../settings/settings';
import { UserError } from '../store/errors';
import { markErased, write } from '../store/unit-of-work';
import { eraseRecords, ownIdRecords } from '../sync/erase-plan';
import type { EraseRecord, OutboxRow, SyncClaimRow, SyncTargetRow } from '../sync/types';

export interface EraseReport {
  /** The erased prospect's id (the CRM deletion's outbox row is filed under it). */
  id: string;
  name: string;
  /** Rows removed per table (the prospect itself included). */
  removed: Record<string, number>;
  /** Entries to add to the never-capture list, when the user asked for it (the caller saves settings). */
  neverCapture: string[];
  /**
   * With a CRM connected: what happens there. `queued`: the records the outbox will delete (one `erase` row,
   * ids only); `byHand`: records Touchline cannot delete, to remove by hand; `shared`: records another
   * prospect (same email in another case) still uses, left for them; `inFlight`: a send with this person was
   * under way, and whatever it creates is added to the deletion as it answers.
   */
  crm?: { crm: string; queued: string[]; byHand: string[]; shared: string[]; inFlight: boolean };
}

const named = (records: EraseRecord[]) => records.map((r) => `${r.kind} ${r.id}`);

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
export async function erasePerson(db: TouchlineDb, prospectId: string, opts: { settings: Settings; neverCapture: boolean; now?: number }): Promise<EraseReport> {
  const now = opts.now ?? Date.now();
  const removed: Record<string, number> = {};
  const report = await write(db, async () => {
    const p = await db.prospects.get(prospectId);
    if (!p) throw new UserError('not-found', 'That prospect no longer exists.');
    const target = (await db.syncMeta.get('target')) as SyncTargetRow | undefined;
    // A record merged into this one lived under its own id; rows queued or linked under it are theirs too.
    const merges = await db.merges.filter((m) => m.keptId === prospectId || m.removedId === prospectId).toArray();
    const ids = [...new Set([prospectId, ...merges.map((m) => m.removedId)])];
    for (const id of ids) markErased(id);
    const links = await db.syncLinks.where('prospectId').anyOf(ids).toArray();
    const queuedRows = await db.outbox.where('prospectId').anyOf(ids).toArray();
    const claim = (await db.syncMeta.get('claim')) as SyncClaimRow | undefined;
    const inFlight = !!claim && queuedRows.some((r) => claim.seqs.includes(r.seq!));
    // Prospects whose email is theirs in another case share their CRM contact (lib/sync/engine.ts sharedRemotes).
    const twins = p.emails.length ? (await db.prospects.where('emails').anyOfIgnoreCase(p.emails).primaryKeys()).filter((id) => !ids.includes(id)) : [];
    const twinLinks = new Set((await db.syncLinks.where('prospectId').anyOf(twins).toArray()).flatMap((l) => Object.entries(l.remote).map(([k, v]) => `${k}|${v}`)));
    const plan = target ? eraseRecords(target.crm, links) : { records: [], byHand: [] };
    if (target && inFlight) {
      const touchIds = (await db.touches.where('prospectId').anyOf(ids).primaryKeys()) as string[];
      const own = ownIdRecords(target.crm, prospectId, touchIds);
      plan.records = plan.records.concat(own.filter((r) => !plan.records.some((x) => x.kind === r.kind && x.id === r.id)));
    }
    const isShared = (r: EraseRecord) => twinLinks.has(`${r.kind}|${r.id}`);
    const owned = ['touches', 'tasks', 'stageChanges', 'cadenceRuns', 'criteriaTicks', 'syncLinks', 'outbox'] as const;
    for (const t of owned) removed[t] = await db.table(t).where('prospectId').anyOf(ids).delete();
    removed.merges = await db.merges.bulkDelete(merges.map((m) => m.id)).then(() => merges.length);
    removed.engagement = (await db.engagement.get(prospectId)) ? 1 : 0;
    await db.engagement.delete(prospectId);
    removed.scoreboard = await dropScore(db, prospectId);
    await db.prospects.delete(prospectId);
    removed.prospects = 1;
    const records = plan.records.filter((r) => !isShared(r));
    // Queued in this unit of work: the local erase and the CRM deletion commit together or not at all. A
    // person in a batch being sent gets a row even with no ids yet: the engine adds what that send creates.
    if (target && (records.length || inFlight)) {
      const row: OutboxRow = { connectionId: target.connectionId, kind: 'erase', prospectId, refId: prospectId, at: now, erase: { records, spare: twins } };
      await db.outbox.add(row);
    }
    return {
      id: prospectId,
      name: p.name,
      removed,
      neverCapture: opts.neverCapture ? [...p.emails, ...(p.linkedinUrl ? [p.linkedinUrl] : [])] : [],
      crm: target ? { crm: target.crm, queued: named(records), byHand: named(plan.byHand), shared: named(plan.records.filter(isShared)), inFlight } : undefined,
    };
  }, { settings: opts.settings, now });
  return report;
}

/** The settings with the erased person's addresses on the never-capture list (each once). */
export function withNeverCapture(settings: Settings, entries: string[]): Settings {
  const known = new Set(settings.neverCapture.map((e) => e.toLowerCase()));
  return { ...settings, neverCapture: [...settings.neverCapture, ...entries.filter((e) => !known.has(e.toLowerCase()))] };
}
