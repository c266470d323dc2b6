import type { Table } from 'dexie';
import type { TouchlineDb } from '../db/database';
import type { Touch } from '../model';
import { linkKey, type OutboxRow, type SyncTargetRow } from './types';

/**
 * The tables `enqueue` writes: add them to the store function's transaction so the change and its outbox
 * row commit together (or not at all): `db.transaction('rw', [db.prospects, ...outboxTables(db)], ...)`.
 */
export function outboxTables(db: TouchlineDb): Table[] {
  return [db.outbox, db.syncMeta];
}

/**
 * Records that `refId` changed and must reach the connected CRM. Call it inside the store's transaction.
 * With no CRM connected it writes nothing: Touchline works fully on its own.
 */
export async function enqueue(db: TouchlineDb, kind: OutboxRow['kind'], prospectId: string, refId: string, now = Date.now()): Promise<void> {
  const target = (await db.syncMeta.get('target')) as SyncTargetRow | undefined;
  if (!target) return;
  await db.outbox.add({ connectionId: target.connectionId, kind, prospectId, refId, at: now });
}

/**
 * Every touch, oldest first (ties in id order, as an index on `at` gives them). Touches have no `at` index
 * (schema version 14): it cost a write per touch and only this read it, once per connection.
 */
async function touchesByTime(db: TouchlineDb): Promise<Touch[]> {
  return (await db.touches.toArray()).sort((a, b) => a.at - b.at);
}

/** Queues every existing prospect and touch for a newly connected CRM (in seq order: people, then touches). */
export async function enqueueEverything(db: TouchlineDb, target: SyncTargetRow, now = Date.now()): Promise<number> {
  return db.transaction('rw', db.prospects, db.touches, db.outbox, db.syncMeta, async () => {
    await db.syncMeta.put(target);
    const prospects = await db.prospects.orderBy('updatedAt').primaryKeys();
    const touches = await touchesByTime(db);
    const rows: OutboxRow[] = [
      ...prospects.map((id) => ({ connectionId: target.connectionId, kind: 'prospect' as const, prospectId: id, refId: id, at: now })),
      ...touches.map((t) => ({ connectionId: target.connectionId, kind: 'touch' as const, prospectId: t.prospectId, refId: t.id, at: now })),
    ];
    await db.outbox.bulkAdd(rows);
    return rows.length;
  });
}

/**
 * Saving the same connection again queues what is neither synced (a link for this connection) nor waiting
 * (an outbox row): after a crash or a restore that lost part of the queue, nothing stays behind unsynced.
 */
export async function enqueueMissing(db: TouchlineDb, target: SyncTargetRow, now = Date.now()): Promise<number> {
  return db.transaction('rw', [db.prospects, db.touches, db.outbox, db.syncMeta, db.syncLinks], async () => {
    await db.syncMeta.put(target);
    const waiting = new Set((await db.outbox.toArray()).filter((r) => r.connectionId === target.connectionId).map((r) => `${r.kind}|${r.refId}`));
    const linked = new Set((await db.syncLinks.where('key').startsWith(`${target.connectionId}|`).primaryKeys()) as string[]);
    const missing = (kind: 'prospect' | 'touch', id: string) => !waiting.has(`${kind}|${id}`) && !linked.has(linkKey(target.connectionId, kind, id));
    const prospects = (await db.prospects.orderBy('updatedAt').primaryKeys()).filter((id) => missing('prospect', id));
    const touches = (await touchesByTime(db)).filter((t) => missing('touch', t.id));
    const rows: OutboxRow[] = [
      ...prospects.map((id) => ({ connectionId: target.connectionId, kind: 'prospect' as const, prospectId: id, refId: id, at: now })),
      ...touches.map((t) => ({ connectionId: target.connectionId, kind: 'touch' as const, prospectId: t.prospectId, refId: t.id, at: now })),
    ];
    await db.outbox.bulkAdd(rows);
    return rows.length;
  });
}

/** Disconnecting drops what was waiting for that CRM; local data is untouched. */
export async function disconnectTarget(db: TouchlineDb): Promise<void> {
  await db.transaction('rw', db.outbox, db.syncMeta, async () => {
    await db.syncMeta.delete('target');
    await db.syncMeta.delete('status');
    await db.syncMeta.delete('claim');
    await db.outbox.clear();
  });
}
