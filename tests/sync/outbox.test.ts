import { describe, expect, it } from 'vitest';
import { addProspect, updateProspect } from '../../lib/store/prospects';
import { moveStage } from '../../lib/store/stages';
import { logTouch } from '../../lib/store/touches';
import { addProspects } from '../../lib/store/bulk';
import { DEFAULT_SETTINGS } from '../../lib/settings/settings';
import { backoffMs, retryAfterMs } from '../../lib/sync/http';
import { freshDb } from './harness';

const maria = { name: 'Maria Gomez', emails: ['Maria.Gomez@acme-robotics.example'] };

describe('outbox', () => {
  it('with no CRM connected, changes enqueue nothing', async () => {
    const db = freshDb();
    const { prospect } = await addProspect(db, maria, DEFAULT_SETTINGS);
    await logTouch(db, { prospectId: prospect.id, channel: 'note', direction: 'internal', at: 1, summary: 'hi' });
    expect(await db.outbox.count()).toBe(0);
  });

  it('every store change writes its outbox row, in order', async () => {
    const db = freshDb();
    await db.syncMeta.put({ key: 'target', connectionId: 'c1', crm: 'hubspot' });
    const { prospect } = await addProspect(db, maria, DEFAULT_SETTINGS);
    await updateProspect(db, prospect.id, { title: 'CTO' });
    await moveStage(db, prospect.id, 'qualification', DEFAULT_SETTINGS, 'Inbound request'); // unmet criteria need a reason (issue 5)
    const { touch } = await logTouch(db, { prospectId: prospect.id, channel: 'email', direction: 'inbound', at: 2, sourceId: 'm1' });
    // Logging the same email twice stores one touch and queues it once.
    await logTouch(db, { prospectId: prospect.id, channel: 'email', direction: 'inbound', at: 2, sourceId: 'm1' });
    const rows = await db.outbox.orderBy('seq').toArray();
    expect(rows.map((r) => [r.kind, r.refId])).toEqual([
      ['prospect', prospect.id],
      ['prospect', prospect.id],
      ['prospect', prospect.id],
      ['touch', touch.id],
    ]);
    expect(rows.every((r) => r.connectionId === 'c1')).toBe(true);
  });

  it('bulk capture queues each new person once', async () => {
    const db = freshDb();
    await db.syncMeta.put({ key: 'target', connectionId: 'c1', crm: 'hubspot' });
    const added = await addProspects(db, [maria, { name: 'Li Wei', emails: ['li.wei@acme-robotics.example'] }, maria], DEFAULT_SETTINGS);
    const rows = await db.outbox.orderBy('seq').toArray();
    expect(rows.map((r) => r.refId)).toEqual([added[0]!.prospect.id, added[1]!.prospect.id]);
  });

  it('the outbox row and the change commit together: if the row cannot be written, the change is not made', async () => {
    const db = freshDb();
    await db.syncMeta.put({ key: 'target', connectionId: 'c1', crm: 'hubspot' });
    const { prospect } = await addProspect(db, maria, DEFAULT_SETTINGS);
    db.outbox.hook('creating', () => {
      throw new Error('disk full');
    });
    await expect(moveStage(db, prospect.id, 'closing', DEFAULT_SETTINGS, 'Fast-tracked')).rejects.toThrow('disk full');
    expect((await db.prospects.get(prospect.id))!.stageId).toBe('prospecting');
    expect(await db.stageChanges.where('prospectId').equals(prospect.id).count()).toBe(1);
  });
});

describe('backoff', () => {
  it('grows exponentially with full jitter and a 30 s cap', () => {
    expect(backoffMs(0, () => 1)).toBe(500);
    expect(backoffMs(3, () => 1)).toBe(4000);
    expect(backoffMs(20, () => 1)).toBe(30_000);
    expect(backoffMs(3, () => 0.5)).toBe(2000);
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = Date.UTC(2026, 10, 23, 12, 0, 0);
    expect(retryAfterMs(new Headers({ 'retry-after': '7' }), now)).toBe(7000);
    expect(retryAfterMs(new Headers({ 'retry-after': 'Mon, 23 Nov 2026 12:00:30 GMT' }), now)).toBe(30_000);
    expect(retryAfterMs(new Headers(), now)).toBeUndefined();
  });
});
