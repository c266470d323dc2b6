import type { TouchlineDb } from '../db/database';
import { readConnection } from './connection-store';
import { linkKey, type ProspectSyncState, type SyncStatusRow } from './types';

/** Per prospect: synced, waiting (with why, when sync is stopped or waiting), or failed with the CRM's reason. */
export async function prospectSyncStates(db: TouchlineDb, prospectIds: string[]): Promise<ProspectSyncState[]> {
  const conn = await readConnection(db);
  if (!conn) return prospectIds.map((prospectId) => ({ prospectId, state: 'off' }));
  const status = (await db.syncMeta.get('status')) as SyncStatusRow | undefined;
  return Promise.all(
    prospectIds.map(async (prospectId): Promise<ProspectSyncState> => {
      const rows = await db.outbox.where('prospectId').equals(prospectId).toArray();
      const failed = rows.find((r) => r.failed);
      if (failed) return { prospectId, state: 'failed', reason: failed.failed!.reason };
      if (rows.length) return { prospectId, state: 'waiting', reason: status && status.state !== 'running' && status.state !== 'idle' ? status.message : undefined };
      const link = await db.syncLinks.get(linkKey(conn.id, 'prospect', prospectId));
      return { prospectId, state: link ? 'synced' : 'waiting' };
    }),
  );
}
