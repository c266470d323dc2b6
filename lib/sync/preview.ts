import type { TouchlineDb } from '../db/database';
import { linkKey, type OutboxRow } from './types';

export interface PushPreview {
  people: { create: number; update: number };
  touches: { create: number; update: number };
  /** Erased people whose CRM records the next push deletes (issue 15 item 5). */
  erase: number;
  /** Up to `limit` of the changes waiting, oldest first, in words. */
  sample: Array<{ action: 'create' | 'update' | 'delete'; kind: 'person' | 'touch'; label: string }>;
  refused: number;
}

/**
 * What the next push will do, from what Touchline knows (its outbox and the CRM ids it stored): a record with
 * a stored CRM id is updated, one without is created (or matched by email, where the CRM has that key). It
 * sends nothing, so it can be shown before a rep lets sync go (and in dry-run mode, instead of sending).
 */
export async function previewPush(db: TouchlineDb, connectionId: string, limit = 8): Promise<PushPreview> {
  const rows = (await db.outbox.orderBy('seq').toArray()).filter((r) => r.connectionId === connectionId);
  const waiting = rows.filter((r) => !r.failed && r.kind !== 'erase');
  const erasing = rows.filter((r) => !r.failed && r.kind === 'erase');
  const seen = new Set<string>();
  const unique: OutboxRow[] = [];
  for (const r of waiting) {
    const k = `${r.kind}|${r.refId}`;
    if (!seen.has(k)) (seen.add(k), unique.push(r));
  }
  const links = await db.syncLinks.bulkGet(unique.map((r) => linkKey(connectionId, r.kind as 'prospect' | 'touch', r.refId)));
  const out: PushPreview = { people: { create: 0, update: 0 }, touches: { create: 0, update: 0 }, erase: erasing.length, sample: [], refused: rows.filter((r) => r.failed).length };
  // Nothing of an erased person is left to name: the sample says what will be deleted, by CRM id.
  for (const r of erasing.slice(0, limit))
    out.sample.push({ action: 'delete', kind: 'person', label: `an erased person's records (${(r.erase?.records ?? []).map((x) => `${x.kind} ${x.id}`).join(', ') || 'those the send under way creates'})` });
  const sampleRows: Array<{ row: OutboxRow; action: 'create' | 'update' }> = [];
  unique.forEach((row, i) => {
    const action = links[i] ? 'update' : 'create';
    out[row.kind === 'prospect' ? 'people' : 'touches'][action]++;
    if (out.sample.length + sampleRows.length < limit) sampleRows.push({ row, action });
  });
  const prospects = new Map((await db.prospects.bulkGet(sampleRows.map((s) => s.row.prospectId))).filter((p) => !!p).map((p) => [p!.id, p!]));
  const touches = new Map((await db.touches.bulkGet(sampleRows.filter((s) => s.row.kind === 'touch').map((s) => s.row.refId))).filter((t) => !!t).map((t) => [t!.id, t!]));
  for (const { row, action } of sampleRows) {
    const name = prospects.get(row.prospectId)?.name ?? 'a deleted prospect';
    const touch = touches.get(row.refId);
    out.sample.push(
      row.kind === 'prospect'
        ? { action, kind: 'person', label: name }
        : { action, kind: 'touch', label: touch ? `${touch.channel} with ${name}${touch.subject ? `: ${touch.subject}` : ''}` : `a deleted touch of ${name}` },
    );
  }
  return out;
}

/** The reasons rows were refused, most frequent first, so the options page can say what to fix. */
export async function refusedReasons(db: TouchlineDb): Promise<Array<{ reason: string; count: number }>> {
  const counts = new Map<string, number>();
  await db.outbox.each((r) => {
    if (r.failed) counts.set(r.failed.reason, (counts.get(r.failed.reason) ?? 0) + 1);
  });
  return [...counts].map(([reason, count]) => ({ reason, count })).sort((a, b) => b.count - a.count).slice(0, 10);
}
