import type { TouchlineDb } from '../db/database';
import type { EraseBatch, EraseResult } from './adapter';
import type { Connection } from './connection';
import { ERASE_KINDS, withRecords } from './erase-plan';
import type { OutboxRow, SyncLink } from './types';

/**
 * The engine's side of an erased person (issue 15 item 5): their `erase` row is sent through the adapter's
 * `erase`, and CRM ids that a send still under way learns for them go into that row instead of a link (a
 * link would bring back a trace of the person, and the record it names must be deleted too).
 */

/** Erase rows alone or push rows alone: one batch calls one adapter method, so one settle covers it. */
export function sameKind(rows: OutboxRow[]): OutboxRow[] {
  const erase = rows[0]?.kind === 'erase';
  const cut = rows.findIndex((r) => (r.kind === 'erase') !== erase);
  return cut < 0 ? rows : rows.slice(0, cut);
}

/**
 * The deletion to send: each row's records this CRM deletes, less those a spared prospect (same contact)
 * links to now. Rows left with nothing to delete are done without a request.
 */
export async function buildEraseBatch(db: TouchlineDb, connection: Connection, rows: OutboxRow[], key: string, maybeSent: boolean): Promise<{ batch: EraseBatch; empty: number[] }> {
  const deletes = ERASE_KINDS[connection.crm].deletes;
  const spare = [...new Set(rows.flatMap((r) => r.erase?.spare ?? []))];
  const kept = new Set((await db.syncLinks.where('prospectId').anyOf(spare).toArray()).filter((l) => l.connectionId === connection.id).flatMap((l) => Object.entries(l.remote).map(([k, v]) => `${k}|${v}`)));
  const batch: EraseBatch = { key, maybeSent, items: [] };
  const empty: number[] = [];
  for (const row of rows) {
    const records = (row.erase?.records ?? []).filter((r) => deletes.includes(r.kind) && !kept.has(`${r.kind}|${r.id}`));
    if (records.length) batch.items.push({ prospectId: row.prospectId, records });
    else empty.push(row.seq!);
  }
  return { batch, empty };
}

/** Deletes the rows whose records are gone; a refused one keeps waiting with the CRM's reason. */
export async function settleErase(db: TouchlineDb, rows: OutboxRow[], empty: number[], result: EraseResult, now: number): Promise<number> {
  const done = [...empty];
  const refused: Array<{ key: number; changes: Partial<OutboxRow> }> = [];
  for (const row of rows) {
    if (empty.includes(row.seq!)) continue;
    const o = result.get(row.prospectId);
    if (o && 'done' in o) done.push(row.seq!);
    else refused.push({ key: row.seq!, changes: { failed: { reason: o && 'failed' in o ? o.failed : 'The CRM did not confirm the deletion.', at: now } } });
  }
  return db.transaction('rw', db.outbox, db.syncMeta, async () => {
    await db.outbox.bulkUpdate(refused);
    await db.outbox.bulkDelete(done);
    await db.syncMeta.delete('claim');
    return done.length;
  });
}

/**
 * Inside the transaction that would store `links`: those of a person with an erase row waiting go into that
 * row; the rest are returned to be stored. Needs `db.outbox` in the transaction.
 */
export async function divertErased(db: TouchlineDb, links: SyncLink[]): Promise<SyncLink[]> {
  const owners = [...new Set(links.map((l) => l.prospectId).filter(Boolean))];
  if (!owners.length) return links;
  const erases = (await db.outbox.where('prospectId').anyOf(owners).toArray()).filter((r) => r.kind === 'erase');
  if (!erases.length) return links;
  const byOwner = new Map(erases.map((r) => [r.prospectId, r]));
  const keep: SyncLink[] = [];
  for (const l of links) {
    const row = byOwner.get(l.prospectId);
    if (!row) keep.push(l);
    else row.erase = { spare: row.erase?.spare ?? [], records: withRecords(row.erase?.records ?? [], l.remote) };
  }
  await db.outbox.bulkPut(erases);
  return keep;
}
