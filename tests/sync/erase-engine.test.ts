import { describe, expect, it } from 'vitest';
import type { Batch, CrmAdapter, EraseBatch } from '../../lib/sync/adapter';
import { virtualClock } from '../../lib/sync/clock';
import { drain } from '../../lib/sync/engine';
import type { OutboxRow } from '../../lib/sync/types';
import { connection, freshDb, makeData, seedAndConnect, STAGES } from './harness';

/** An adapter that records what it was asked and confirms everything. */
function recorder(withErase = true) {
  const pushes: Batch[] = [];
  const erases: EraseBatch[] = [];
  const adapter: CrmAdapter = {
    rowsPerBatch: 100,
    async push(batch) {
      pushes.push(batch);
      return {
        people: new Map(batch.people.map((p) => [p.prospect.id, { remote: { contact: `c-${p.prospect.id}` } }])),
        touches: new Map(batch.touches.map((t) => [t.touch.id, { remote: { notes: `n-${t.touch.id}` } }])),
      };
    },
    test: async () => 'ok',
    stages: async () => [],
  };
  if (withErase)
    adapter.erase = async (batch) => {
      erases.push(batch);
      return new Map(batch.items.map((i) => [i.prospectId, { done: true as const }]));
    };
  return { adapter, pushes, erases };
}

const eraseRow = (prospectId: string, records: OutboxRow['erase']): OutboxRow => ({ connectionId: 'conn-hubspot', kind: 'erase', prospectId, refId: prospectId, at: 0, erase: records });

describe('the engine and erase rows (issue 15 item 5)', () => {
  it('sends erase rows in batches of their own, in seq order with the pushes around them; spared and kept records are left out', async () => {
    const db = freshDb();
    const conn = connection('hubspot', 'http://127.0.0.1:9', 'pat');
    const data = makeData(3, 0, { allEmail: true });
    await seedAndConnect(db, data, conn);
    await db.syncLinks.put({ key: `${conn.id}|prospect|twin`, connectionId: conn.id, prospectId: 'twin', remote: { contact: '7' } });
    await db.outbox.bulkAdd([
      eraseRow('gone-1', { records: [{ kind: 'contact', id: '7' }, { kind: 'deal', id: '8' }, { kind: 'company', id: '9' }], spare: ['twin'] }),
      eraseRow('gone-2', { records: [], spare: [] }),
    ]);
    await db.outbox.add({ connectionId: conn.id, kind: 'prospect', prospectId: data.prospects[0]!.id, refId: data.prospects[0]!.id, at: 0 });
    const { adapter, pushes, erases } = recorder();
    const result = await drain({ db, connection: conn, adapter, clock: virtualClock(), stages: STAGES });
    expect(result.state).toBe('idle');
    expect(await db.outbox.count()).toBe(0);
    expect(pushes.map((b) => b.people.length)).toEqual([3, 1]);
    // The twin's contact stays, the company is not the person's, and an order with nothing left sends nothing.
    expect(erases.map((b) => b.items)).toEqual([[{ prospectId: 'gone-1', records: [{ kind: 'deal', id: '8' }] }]]);
  });

  it('a CRM whose adapter cannot delete refuses the erase row, naming the records to remove by hand; others go on', async () => {
    const db = freshDb();
    const conn = connection('hubspot', 'http://127.0.0.1:9', 'pat');
    await seedAndConnect(db, makeData(2, 1, { allEmail: true }), conn);
    await db.outbox.add(eraseRow('gone-1', { records: [{ kind: 'contact', id: '7' }, { kind: 'notes', id: '70' }], spare: [] }));
    const { adapter, pushes } = recorder(false);
    expect((await drain({ db, connection: conn, adapter, clock: virtualClock(), stages: STAGES })).state).toBe('idle');
    expect(pushes).toHaveLength(1);
    const left = await db.outbox.toArray();
    expect(left.map((r) => [r.kind, r.failed?.reason])).toEqual([['erase', 'Touchline cannot delete records in this CRM: remove contact 7, notes 70 there by hand.']]);
  });

  it('ids a send learns for a person erased meanwhile go into their erase row, not into a link', async () => {
    const db = freshDb();
    const conn = connection('hubspot', 'http://127.0.0.1:9', 'pat');
    const data = makeData(2, 1, { allEmail: true });
    await seedAndConnect(db, data, conn);
    const victim = data.prospects[1]!;
    const { adapter, erases } = recorder();
    const push = adapter.push.bind(adapter);
    adapter.push = async (batch) => {
      // The erase commits while the batch is on the wire (what lib/data/erase.ts does for an in-flight person).
      await db.outbox.where('prospectId').equals(victim.id).delete();
      await db.outbox.add(eraseRow(victim.id, { records: [], spare: [] }));
      await batch.remember([{ kind: 'prospect', id: victim.id, prospectId: victim.id, remote: { contact: 'early' } }]);
      return push(batch);
    };
    expect((await drain({ db, connection: conn, adapter, clock: virtualClock(), stages: STAGES })).state).toBe('idle');
    expect(await db.syncLinks.where('prospectId').equals(victim.id).count()).toBe(0);
    expect(await db.syncLinks.where('prospectId').equals(data.prospects[0]!.id).count()).toBe(2);
    const sent = erases.flatMap((b) => b.items);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.records.map((r) => `${r.kind} ${r.id}`).sort()).toEqual([`contact c-${victim.id}`, 'contact early', `notes n-${data.touches[1]!.id}`]);
  });
});
