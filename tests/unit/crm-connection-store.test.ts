import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DBCore } from 'dexie';
import { fakeBrowser } from 'wxt/testing';
import { openDb, type TouchlineDb } from '@/lib/db/database';
import { DEFAULT_SETTINGS } from '@/lib/settings/settings';
import { addProspect } from '@/lib/store/prospects';
import { logTouch } from '@/lib/store/touches';
import type { Connection } from '@/lib/sync/connection';
import { LEGACY_CONNECTION_KEY, readConnection } from '@/lib/sync/connection-store';
import { storeConnection } from '@/lib/sync/background';
import { linkKey } from '@/lib/sync/types';
import { tokenOrigins } from '@/lib/sync/host-access';

// Issue 12 §1 and §3: the connection (token included) lives in the extension's IndexedDB, an older one left
// in storage.local is moved there and deleted, and saving it queues the existing records in one transaction.
const NOW = Date.parse('2026-12-02T09:00:00Z');
const conn: Connection = { id: 'c1', crm: 'webhook', baseUrl: 'https://hooks.example.com/touchline', token: 'whsec-secret', stageMap: {}, connectedAt: NOW };
const opened: TouchlineDb[] = [];
let n = 0;

/** A database whose writes die after `fault.limit` mutations, as a killed worker or a full disk would make them. */
function faultyDb() {
  const db = openDb(`conn-${++n}-${Math.random()}`);
  opened.push(db);
  const fault = { limit: Infinity, count: 0 };
  db.use({
    stack: 'dbcore',
    name: 'kill-after-n-mutations',
    create: (down: DBCore): DBCore => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        return { ...table, mutate: (req) => (++fault.count >= fault.limit ? Promise.reject(new Error(`killed at mutation ${fault.count}`)) : table.mutate(req)) };
      },
    }),
  });
  return { db, fault };
}

async function seedPeople(db: TouchlineDb) {
  const { prospect: maria } = await addProspect(db, { name: 'Maria Gomez', emails: ['maria.gomez@acme-robotics.example'] }, DEFAULT_SETTINGS, NOW);
  const { prospect: li } = await addProspect(db, { name: 'Li Wei', emails: ['li.wei@acme-robotics.example'] }, DEFAULT_SETTINGS, NOW);
  const { touch } = await logTouch(db, { prospectId: maria.id, channel: 'note', direction: 'internal', at: NOW, summary: 'Met at the fair' }, NOW);
  return { maria, li, touch: touch! };
}

const queued = async (db: TouchlineDb) => (await db.outbox.orderBy('seq').toArray()).map((r) => `${r.kind}:${r.refId}`).sort();

beforeEach(() => fakeBrowser.reset());
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await db.delete();
  }
});

describe('where the CRM connection is kept', () => {
  it('moves a connection an older Touchline left in storage.local into the database and deletes it there', async () => {
    await fakeBrowser.storage.local.set({ [LEGACY_CONNECTION_KEY]: conn, settings: { kept: true } });
    const { db } = faultyDb();
    expect(await readConnection(db)).toEqual(conn);
    expect(await db.secrets.get('connection')).toEqual({ key: 'connection', connection: conn });
    expect(await fakeBrowser.storage.local.get(null)).toEqual({ settings: { kept: true } });
  });

  it('a crash after the copy and before the delete keeps the database copy and only deletes the old one', async () => {
    const { db } = faultyDb();
    const newer = { ...conn, dryRun: true };
    await db.secrets.put({ key: 'connection', connection: newer });
    await fakeBrowser.storage.local.set({ [LEGACY_CONNECTION_KEY]: conn });
    expect(await readConnection(db)).toEqual(newer);
    expect(await fakeBrowser.storage.local.get(LEGACY_CONNECTION_KEY)).toEqual({});
  });

  it('a write killed half-way stores neither the connection nor its queue; a finished one stores both', async () => {
    for (let limit = 1; ; limit++) {
      const { db, fault } = faultyDb();
      await seedPeople(db);
      fault.count = 0;
      fault.limit = limit;
      try {
        await storeConnection(db, conn, true);
      } catch (err) {
        expect(String(err)).toMatch(/killed at mutation/);
        fault.limit = Infinity;
        expect(await readConnection(db)).toBeNull();
        expect(await db.syncMeta.get('target')).toBeUndefined();
        expect(await db.outbox.count()).toBe(0);
        continue;
      }
      expect(limit).toBeGreaterThan(2); // it was killed at least after its first and second writes
      expect(await readConnection(db)).toEqual(conn);
      expect(await db.syncMeta.get('target')).toEqual({ key: 'target', connectionId: 'c1', crm: 'webhook' });
      expect(await db.outbox.count()).toBe(3);
      break;
    }
  });

  it('saving the same connection again queues what is neither synced nor waiting (a queue lost to a crash)', async () => {
    const { db } = faultyDb();
    const { maria, li, touch } = await seedPeople(db);
    // What an older Touchline left after a crash between saving the connection and queuing: no queue at all,
    // except Maria, who had synced before.
    await db.secrets.put({ key: 'connection', connection: conn });
    await db.syncLinks.put({ key: linkKey('c1', 'prospect', maria.id), connectionId: 'c1', prospectId: maria.id, remote: { person: 'p-1' } });
    await storeConnection(db, conn, false);
    expect(await queued(db)).toEqual([`prospect:${li.id}`, `touch:${touch.id}`].sort());
    // Saving once more adds nothing: everything is waiting already.
    await storeConnection(db, conn, false);
    expect(await queued(db)).toEqual([`prospect:${li.id}`, `touch:${touch.id}`].sort());
  });

  it('a backup never holds the token', async () => {
    const { BACKUP_TABLES } = await import('@/lib/data/backup/schemas');
    expect(Object.keys(BACKUP_TABLES)).not.toContain('secrets');
  });
});

describe('which origins a token goes to', () => {
  it('a hosted CRM its API host, a webhook its own host, Salesforce its instance and its sign-in host', () => {
    expect(tokenOrigins({ crm: 'hubspot', baseUrl: 'https://api.hubapi.com', token: 't' })).toEqual(['https://api.hubapi.com/*']);
    expect(tokenOrigins(conn)).toEqual(['https://hooks.example.com/*']);
    const token = JSON.stringify({ access_token: 'a', client_id: 'c', login_url: 'https://login.salesforce.com' });
    expect(tokenOrigins({ crm: 'salesforce', baseUrl: 'https://acme.my.salesforce.com', token })).toEqual(['https://acme.my.salesforce.com/*', 'https://login.salesforce.com/*']);
  });
});
